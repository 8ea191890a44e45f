import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readStatic } from '@tandem/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigPath, shopDir } from '../../examples/host/server';
import { type ShopSite, startShopSite } from '../../examples/host/shop-site';
import { watchPage } from '../support/browser';
import { chatWithAlice, cobrowsePages, joinById, startByApi, viewShowsHeading } from '../support/cobrowse';
import { useHost } from '../support/host';

// The shop on http://127.0.0.1:A, Tandem's files and backend on http://localhost:B: two origins, as a site
// embedding Tandem from a CDN or from the Tandem host sees it. The shop keeps its strict CSP.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });
const { agentDesk, open: openOnHost } = cobrowsePages(env);
let site: ShopSite;

beforeAll(async () => {
  site = await startShopSite({ dir: shopDir, tandemOrigin: env.host.url });
  env.host.allowOrigin(site.url);
});
afterAll(() => site?.close());

/** A page of the shop on its own origin (the desk helper opens the agent desktop on Tandem's). */
async function openShop(path: string): Promise<Page> {
  const page = await openOnHost('/fixtures/no-tandem.html');
  await page.goto(`${site.url}${path}`);
  return page;
}

describe('Tandem embedded from another origin (real Chromium, strict CSP on the site)', () => {
  it('serves its files as a CDN would: CORS for any site, typed, never sniffed, cached by kind', async () => {
    const manifest = JSON.parse(readFileSync('dist/manifest-app.json', 'utf8')) as Record<string, unknown>;
    const chunk = Object.keys(manifest).find((name) => name.startsWith('chunks/'));
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${env.host.url}/sdk/${path}`, { headers: { origin: site.url, ...headers } });
    for (const [path, cache] of [
      ['tandem.js', 'public, max-age=300, must-revalidate'],
      ['tandem-app.js', 'public, max-age=300, must-revalidate'],
      [chunk, 'public, max-age=31536000, immutable'],
    ]) {
      const response = await get(path ?? '');
      expect(response.status, path).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'access-control-allow-origin': '*',
        'content-type': 'text/javascript; charset=utf-8',
        'x-content-type-options': 'nosniff',
        'cross-origin-resource-policy': 'cross-origin',
        'cache-control': cache,
      });
      const etag = response.headers.get('etag') ?? '';
      expect((await get(path ?? '', { 'if-none-match': etag })).status, `${path} revalidated`).toBe(304);
    }
  });

  it('chats both ways with the agent desktop', async () => {
    const desk = await agentDesk();
    const shop = await openShop('/');
    const chat = await chatWithAlice(desk, shop);
    await chat.getByRole('textbox', { name: 'Type your message' }).fill('Hello from another origin');
    await shop.keyboard.press('Enter');
    const transcript = desk.getByRole('log', { name: 'Transcript' });
    await transcript.getByText('Hello from another origin').waitFor();
    await desk.getByLabel('Message').fill('Hello back from the contact center');
    await desk.getByRole('button', { name: 'Send' }).click();
    await chat
      .getByRole('log', { name: 'Conversation' })
      .getByText('Hello back from the contact center')
      .waitFor();
  });

  it('leases a number to call', async () => {
    const desk = await agentDesk();
    await desk.getByLabel('My state').selectOption('Ready');
    const shop = await openShop('/product.html');
    await shop.getByRole('button', { name: 'Contact us' }).waitFor();
    await shop.getByRole('button', { name: 'Call a coffee expert' }).click();
    const dialog = shop.getByRole('dialog', { name: 'Call us' });
    await dialog.getByLabel('Your phone number').fill('06 12 34 56 78');
    await dialog.getByRole('button', { name: 'Get a number to call' }).click();
    const number = dialog.getByRole('link', { name: /^\+33 1 70 00 10 0\d$/ });
    await number.waitFor();
    expect(await number.getAttribute('href')).toMatch(/^tel:\+3317000100\d$/);
  });

  it('shares the tab: the agent sees the page, masked fields stay masked, style changes raise no CSP report', async () => {
    const shop = await openShop('/checkout.html');
    const sessionId = await startByApi(shop);
    const desk = await agentDesk();
    await joinById(desk, sessionId);
    await viewShowsHeading(desk, 'Checkout');
    await shop.locator('[name="cc"]').fill('4111 1111 1111 1111');
    await shop.locator('[name="notes"]').fill('Ring twice');
    // The page restyles an element twice: rrweb diffs the old style against the new one.
    await shop.evaluate(() => {
      const heading = document.querySelector('h1') as HTMLElement;
      heading.style.color = 'rgb(10, 20, 30)';
      heading.style.color = 'rgb(30, 20, 10)';
    });
    await expect
      .poll(() =>
        desk.evaluate(() => {
          const view = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument;
          const heading = view?.querySelector('h1');
          return heading ? getComputedStyle(heading).color : '';
        }),
      )
      .toBe('rgb(30, 20, 10)');
    const replayed = await desk.evaluate(() => {
      const view = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument;
      return {
        card: view?.querySelector<HTMLInputElement>('[name="cc"]')?.value,
        notes: view?.querySelector<HTMLInputElement>('[name="notes"]')?.value,
      };
    });
    expect(replayed.card).not.toContain('4111');
    expect(replayed.notes).not.toContain('Ring');
  });
});

describe('a site whose Tandem files come without CORS', () => {
  let bare: Server;
  let port = 0;
  beforeAll(async () => {
    // Tandem's files and a page, served with no CORS header: the page on 127.0.0.1, its script on localhost.
    bare = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://bare').pathname;
      if (path === '/page.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(
          `<!doctype html><html lang="en"><title>Bare</title><h1>Bare</h1><script async src="http://localhost:${port}/sdk/tandem.js"></script>`,
        );
      }
      void readStatic(join(process.cwd(), 'dist'), path.replace(/^\/sdk/, '')).then((found) => {
        response.writeHead(found ? 200 : 404, { 'content-type': found?.contentType ?? 'text/plain' });
        response.end(found?.body ?? 'Not found');
      });
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    port = (bare.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => bare.close(() => resolve())));

  it('says in one console line that CORS blocked it, and commands reject with load_failed', async () => {
    const page = await (await env.browser.newContext()).newPage();
    const { problems } = watchPage(page);
    await page.goto(`http://127.0.0.1:${port}/page.html`);
    const result = await page.evaluate(async () => {
      const tandem = (window as unknown as { Tandem?: (...args: unknown[]) => Promise<unknown> }).Tandem;
      for (let i = 0; i < 100 && !tandem; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      const api = (window as unknown as { Tandem: (...args: unknown[]) => Promise<unknown> }).Tandem;
      return api('command', 'ChannelSelector.open').then(
        () => 'resolved',
        (error: { code: string }) => error.code,
      );
    });
    expect(result).toBe('load_failed');
    const ours = problems.filter((line) => line.includes('Tandem could not load'));
    expect(ours).toEqual([
      `console.error: Tandem could not load from http://localhost:${port}/sdk/: blocked by CORS: http://localhost:${port}/sdk/tandem-app.js must be served with Access-Control-Allow-Origin (see Tandem's docs/embedding.md)`,
    ]);
    // The browser's own CORS messages can still be on their way: closing under them races Playwright's
    // bookkeeping ("Cannot find parent object page@…"), so the page settles first.
    await page.waitForLoadState('networkidle');
    await page.close();
    await page.context().close();
  });
});
