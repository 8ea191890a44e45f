import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

const env = useHost();

let context: BrowserContext;
let page: Page;
let watched: { problems: string[] };

async function open(path = '/') {
  context = await env.browser.newContext({ viewport: { width: 1024, height: 700 } });
  page = await context.newPage();
  watched = watchPage(page);
  await page.goto(env.host.url + path);
  const launcher = page.getByRole('button', { name: 'Contact us' });
  await launcher.waitFor();
  return launcher;
}

afterEach(async () => {
  expect(watched.problems).toEqual([]);
  await context?.close();
});

describe('demo shop with the script tag (real Chromium)', () => {
  it('shows the launcher inside a shadow root and adds no global style, under a strict CSP', async () => {
    const launcher = await open();
    await expect(launcher.isVisible()).resolves.toBe(true);
    const facts = await page.evaluate(() => {
      const hosts = document.querySelectorAll('[data-tandem-host]');
      const launcherElement = hosts[0]?.shadowRoot?.querySelector('.launcher');
      return {
        hosts: hosts.length,
        hostParent: hosts[0]?.parentElement?.tagName,
        launcherInShadow: launcherElement?.getRootNode() instanceof ShadowRoot,
        styleSheets: [...document.styleSheets].map((s) => s.href?.replace(location.origin, '') ?? 'inline'),
        adopted: document.adoptedStyleSheets.length,
        styleElements: document.querySelectorAll('style').length,
        hostBox: hosts[0]?.getBoundingClientRect().toJSON(),
      };
    });
    expect(facts).toMatchObject({
      hosts: 1,
      hostParent: 'BODY',
      launcherInShadow: true,
      styleSheets: ['/shop.css'],
      adopted: 0,
      styleElements: 0,
      hostBox: { width: 0, height: 0 },
    });
  });

  it('fetches only the loader and the app before any interaction, from the loader’s base URL', async () => {
    context = await env.browser.newContext();
    page = await context.newPage();
    watched = watchPage(page);
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/sdk/')) fetched.push(path);
    });
    await page.goto(`${env.host.url}/`);
    await page.getByRole('button', { name: 'Contact us' }).waitFor();
    expect(fetched).toEqual(['/sdk/tandem.js', '/sdk/tandem-app.js']);
  });

  it('replays calls queued before the SDK loaded (the stub’s subscription fires)', async () => {
    const launcher = await open();
    await launcher.click();
    await page.getByRole('dialog', { name: 'How would you like to reach us?' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.selectorOpened)).resolves.toBe('yes');
  });

  it('looks exactly the same under hostile host CSS', async () => {
    const launcher = await open('/');
    const before = { shot: await launcher.screenshot(), box: await launcher.boundingBox() };
    // The hostile stylesheet is a file of the page's own origin, as a site's CSS is: the CSP allows it.
    await page.addStyleTag({ url: '/fixtures/hostile.css' });
    await expect(page.evaluate(() => getComputedStyle(document.body).color)).resolves.toBe('rgb(255, 0, 0)');
    const after = { shot: await launcher.screenshot(), box: await launcher.boundingBox() };
    expect(after.box).toEqual(before.box);
    expect(Buffer.compare(after.shot, before.shot)).toBe(0);
    await launcher.click();
    await page.getByRole('dialog').waitFor();
  });

  it('catches no click outside its own boxes: the page stays usable', async () => {
    const launcher = await open();
    await page.getByRole('button', { name: 'Add to cart' }).first().click();
    await expect(page.locator('[data-cart-count]').textContent()).resolves.toBe('1');
    // The custom launcher opens the chat window (its code loads now).
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    await page.getByRole('dialog', { name: 'Chat' }).waitFor();
    const boxes = [await launcher.boundingBox(), await page.getByRole('dialog').boundingBox()];
    const hits = await page.evaluate((ours) => {
      const hostElement = document.querySelector('[data-tandem-host]');
      const inside = (x: number, y: number) =>
        ours.some((b) => b && x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height);
      const caught: string[] = [];
      for (let x = 5; x < innerWidth; x += 25) {
        for (let y = 5; y < innerHeight; y += 25) {
          if (!inside(x, y) && document.elementFromPoint(x, y) === hostElement) caught.push(`${x},${y}`);
        }
      }
      return caught;
    }, boxes);
    expect(hits).toEqual([]);
  });

  it('has no axe-core violations, closed and with the selector open', async () => {
    const launcher = await open('/');
    expect(await axeViolations(page)).toEqual([]);
    await launcher.click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is usable by keyboard alone: Tab to the launcher, Enter, Escape back', async () => {
    // An agent is logged in: chat is offered, first in the list.
    const agent = agentOverWebSocket(env.host, 'bruno');
    await agent.start();
    const launcher = await open('/checkout.html');
    const isFocused = (locator: typeof launcher) => locator.evaluate((element) => element.matches(':focus'));
    // The launcher comes last in tab order, after every field of the page.
    for (let presses = 0; presses < 40 && !(await isFocused(launcher)); presses++)
      await page.keyboard.press('Tab');
    await expect(isFocused(launcher)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(isFocused(page.getByRole('button', { name: 'Chat with us', exact: true }))).resolves.toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    await expect(isFocused(launcher)).resolves.toBe(true);
    agent.stop();
  });
});
