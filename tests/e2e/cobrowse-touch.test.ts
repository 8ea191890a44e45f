import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { chatWithAlice, cobrowsePages, replayFrame } from '../support/cobrowse';
import { useHost } from '../support/host';

const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });
const { open, agentDesk } = cobrowsePages(env);

type Box = { left: number; top: number; right: number; bottom: number };

/** Where Tandem's own controls are drawn on the customer's screen. */
function boxesOf(shop: Page): Promise<Record<'bar' | 'launcher' | 'minimised' | 'window', Box | null>> {
  return shop.locator('[data-tandem-host]').evaluate((host) => {
    const box = (selector: string) => {
      const r = host.shadowRoot?.querySelector(selector)?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    };
    return {
      bar: box('.cobrowse-bar'),
      launcher: box('.launcher'),
      minimised: box('.window-bar'),
      window: box('.window'),
    };
  });
}

const overlap = (a: Box | null, b: Box | null) =>
  !!a && !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A chat with Alice, shared with her from the chat's menu, then the chat minimised. */
async function sharedFromChat(shop: Page, desk: Page) {
  const chat = await chatWithAlice(desk, shop);
  await chat.getByRole('button', { name: 'More actions' }).click();
  await chat.getByRole('button', { name: 'Share this page with the agent' }).click();
  await shop
    .getByRole('region', { name: 'Share this tab' })
    .getByText(/sharing this tab with Alice/)
    .waitFor();
  await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
  return chat;
}

describe('co-browse on a phone-sized touch screen (real Chromium)', () => {
  for (const size of [
    { width: 390, height: 844, touch: true },
    { width: 1280, height: 800 },
  ]) {
    it(`keeps the sharing bar clear of the launcher, the chat and the minimised chat (${size.width} px)`, async () => {
      const desk = await agentDesk();
      const shop = await open('/product.html', size);
      const chat = await sharedFromChat(shop, desk);
      const open_ = await boxesOf(shop);
      expect(open_.bar).not.toBeNull();
      expect(overlap(open_.bar, open_.window), 'chat window over the bar').toBe(false);
      await chat.getByRole('button', { name: /^Minimi/ }).click();
      await shop
        .locator('[data-tandem-host]')
        .evaluate((host) =>
          host.shadowRoot?.querySelector('.window-bar')
            ? undefined
            : Promise.reject(new Error('not minimised')),
        );
      const boxes = await boxesOf(shop);
      expect(overlap(boxes.bar, boxes.launcher), 'bar over the launcher').toBe(false);
      expect(overlap(boxes.bar, boxes.minimised), 'bar over the minimised chat').toBe(false);
      expect(overlap(boxes.launcher, boxes.minimised), 'launcher over the minimised chat').toBe(false);
      for (const box of Object.values(boxes).filter((b): b is Box => !!b)) {
        expect(box.right, 'inside the screen').toBeLessThanOrEqual(size.width);
        expect(box.bottom, 'inside the screen').toBeLessThanOrEqual(size.height);
      }
      expect(await axeViolations(shop), 'shared, minimised').toEqual([]);
    });
  }

  it("shows the agent the phone's page and the agent's pointer on the phone", async () => {
    const desk = await agentDesk();
    const shop = await open('/product.html', { width: 390, height: 844, touch: true });
    const chat = await sharedFromChat(shop, desk);
    await chat.getByRole('button', { name: /^Minimi/ }).click();
    const frame = await replayFrame(desk);
    await frame.getByRole('heading', { name: 'Ethiopia Guji' }).waitFor();
    // The replay is as wide as the phone's layout viewport (rrweb measures it without a scrollbar).
    const phoneWidth = await shop.evaluate(() => document.documentElement.clientWidth);
    expect(Number(await desk.locator('.cobrowse-view iframe').getAttribute('width'))).toBe(phoneWidth);
    const view = await desk.locator('.cobrowse-view iframe').boundingBox();
    if (!view) throw new Error('no view');
    await desk.mouse.move(view.x + view.width / 2, view.y + view.height / 3, { steps: 4 });
    const pointer = shop.locator('[data-tandem-host]');
    await expect
      .poll(() =>
        pointer.evaluate((host) => {
          const mark = host.shadowRoot?.querySelector<HTMLElement>('.cobrowse-pointer');
          const box = mark?.getBoundingClientRect();
          return box ? Math.round(box.left + box.width / 2) : -1;
        }),
      )
      // Where the agent's mouse stopped, the middle of the phone's width (the view scales, so give a few px).
      .toSatisfy((x: number) => Math.abs(x - phoneWidth / 2) <= 6);
    // The page stays the customer's: a tap on it reaches it through Tandem's layer.
    await shop.getByRole('button', { name: 'Add to cart' }).tap();
    await expect.poll(() => shop.locator('[data-cart-count]').textContent()).toBe('1');
  });
});
