import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigPath, shopDir } from '../../examples/host/server';
import { type ShopSite, startShopSite } from '../../examples/host/shop-site';
import { axeViolations } from '../support/axe';
import {
  allowControl,
  clickInView,
  cobrowsePages,
  joinById,
  refused,
  replayFrame,
  startByApi,
  viewShowsHeading,
} from '../support/cobrowse';
import { useHost } from '../support/host';

// Privacy by default (cobrowse.privacy: "mask-all"): the agent reads only what the site unmasked, and
// acts only there, with the page on another origin than Tandem's and the fields in shadow roots too.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });
const { open, agentDesk } = cobrowsePages(env);
let site: ShopSite;

beforeAll(async () => {
  site = await startShopSite({ dir: shopDir, tandemOrigin: env.host.url });
  env.host.allowOrigin(site.url);
});
afterAll(() => site?.close());

/** Every text of the replay, shadow roots included, as the agent's browser holds it. */
const replayText = (replay: Frame) =>
  replay.evaluate(() => {
    const parts: string[] = [document.title];
    const walk = (root: Node) => {
      for (const node of root.childNodes) {
        if (node.nodeType === 3) parts.push(node.textContent ?? '');
        const element = node as Element;
        if (element.getAttributeNames)
          for (const name of element.getAttributeNames()) parts.push(element.getAttribute(name) ?? '');
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
        if (element.shadowRoot) walk(element.shadowRoot);
        walk(node);
      }
    };
    walk(document);
    return parts.join('\n');
  });

const shadowValue = (replay: Frame, host: string, selector: string) =>
  replay.evaluate(
    ([h, s]) => {
      const found = document.querySelector(h ?? '')?.shadowRoot?.querySelector(s ?? '');
      return found instanceof HTMLInputElement ? found.value : (found?.textContent ?? null);
    },
    [host, selector],
  );

describe('co-browse privacy by default (real Chromium, agent desktop)', () => {
  it('sends only what is unmasked, before and during the session, and lets the agent act only there', async () => {
    const shop = await open('/fixtures/cobrowse-mask-all.html');
    const sent: string[] = [];
    shop.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => sent.push(typeof payload === 'string' ? payload : '')),
    );
    await shop.locator('#comment').fill('PRIVATE-08-typed');
    const sessionId = await startByApi(shop);
    const desk = await agentDesk();
    const replay = await joinById(desk, sessionId);
    await viewShowsHeading(desk, 'Your account');

    // While the agent watches: typing in masked fields (light DOM, shadow root, a card field in an
    // unmasked region), and text inserted and changed.
    await shop.locator('#email').fill('PRIVATE-16-typed-email');
    await shop.locator('#profile .shadow-input').fill('PRIVATE-10-shadow-typed');
    await shop.locator('#card').pressSequentially('PRIVATE-12-card');
    await shop.locator('#widget .shadow-input').fill('open to read');
    await shop.locator('#insert').click();
    await expect.poll(() => replay.locator('#changing').textContent()).toBe('Status: shipped');
    await expect.poll(() => shadowValue(replay, '#widget', '.shadow-input')).toBe('open to read');

    const agentSees = await replayText(replay);
    const everything = `${sent.join('\n')}\n${agentSees}\n${await desk.content()}`;
    expect(everything.match(/PRIVATE-\d+/g) ?? []).toEqual([]);
    // What the site unmasked is there as it is; the rest is masked, its layout kept.
    for (const shown of ['Your account', 'Our coffee', 'Order help', 'Your order ships in 2 days.'])
      expect(agentSees).toContain(shown);
    expect(await shadowValue(replay, '#widget', '.shadow-text')).toBe('Public widget text');
    expect(await shadowValue(replay, '#profile', '.shadow-text')).toBe('••••••');
    expect(await replay.locator('#greeting').textContent()).toBe('••••••');
    expect(await replay.locator('#email').inputValue()).toBe('••••••');
    expect(await replay.locator('#qty').inputValue()).toBe('1');

    // Remote control: refused on anything masked, allowed where the site unmasked.
    await allowControl(desk, shop);
    await refused(desk, 'This field is protected', () => clickInView(desk, '#address'));
    await refused(desk, 'This field is protected', () => clickInView(desk, '#card'));
    await clickInView(desk, '#qty');
    await desk.keyboard.press('End');
    await desk.keyboard.type('2');
    await expect.poll(() => shop.locator('#qty').inputValue()).toBe('12');
    await expect.poll(() => replay.locator('#qty').inputValue()).toBe('12');
    expect(await axeViolations(desk), 'agent desktop').toEqual([]);
  });

  it('keeps the demo shop on another origin masked for the whole visit once /?privacy=mask-all is chosen', async () => {
    const shop = await open('/fixtures/no-tandem.html');
    await shop.goto(`${site.url}/?privacy=mask-all`);
    const sessionId = await startByApi(shop);
    const desk = await agentDesk();
    await joinById(desk, sessionId);
    // The catalogue is unmasked by the shop's rules for its home page.
    await viewShowsHeading(desk, 'Fresh coffee, roasted this week');
    await shop.getByRole('link', { name: 'Checkout' }).click();
    await shop.getByLabel('Full name').fill('Grace Hopper');
    await shop.getByLabel('Email').fill('grace@example.com');
    await viewShowsHeading(desk, 'Checkout');
    // Each page's snapshot draws a new replay frame.
    const checkout = await replayFrame(desk);
    await expect.poll(async () => (await checkout.locator('[name="name"]').count()) > 0).toBe(true);
    const agentSees = await replayText(checkout);
    expect(agentSees).not.toContain('Grace');
    expect(agentSees).not.toContain('grace@example.com');
    // Labels are masked (only the heading and legends are unmasked on checkout); the header stays readable.
    expect(agentSees).not.toContain('Full name');
    expect(agentSees).toContain('Delivery');
    expect(agentSees).toContain('Tandem Coffee Co.');
  });
});
