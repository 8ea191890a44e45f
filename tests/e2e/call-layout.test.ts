import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { useHost } from '../support/host';

const env = useHost();
const watchers: Array<{ problems: string[] }> = [];
afterEach(() => {
  for (const watched of watchers.splice(0)) expect(watched.problems).toEqual([]);
});

const sizes = [
  { width: 1280, height: 800 },
  { width: 1280, height: 640 },
  { width: 390, height: 844 },
];

describe('the click-to-call window fits (real Chromium)', () => {
  for (const lang of ['en', 'fr', 'ar'])
    for (const viewport of sizes) {
      it(`shows its action and the whole country name (${lang}, ${viewport.width}×${viewport.height})`, async () => {
        const page = await (await env.browser.newContext({ viewport })).newPage();
        watchers.push(watchPage(page));
        await page.goto(`${env.host.url}/product.html?lang=${lang}`);
        await page.locator('[data-tandem-open]').first().waitFor();
        await page.evaluate(() =>
          (window as unknown as { Tandem: (...a: unknown[]) => Promise<unknown> }).Tandem(
            'command',
            'ClickToCall.open',
          ),
        );
        const dialog = page.getByRole('dialog');
        await dialog.locator('select[name="country"]').waitFor();
        const layout = await dialog.evaluate((window) => {
          const box = (element: Element | null) => element?.getBoundingClientRect();
          const action = box(window.querySelector('button[type="submit"]'));
          const frame = box(window);
          const select = window.querySelector<HTMLSelectElement>('select[name="country"]');
          // The chosen country's label, measured in the select's own font, against the room it has.
          const style = select ? getComputedStyle(select) : undefined;
          const canvas = document.createElement('canvas').getContext('2d');
          if (canvas && style) canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const label = select?.selectedOptions[0]?.textContent ?? '';
          const needed = canvas?.measureText(label).width ?? 0;
          const room =
            (select?.clientWidth ?? 0) -
            Number.parseFloat(style?.paddingLeft ?? '0') -
            Number.parseFloat(style?.paddingRight ?? '0') -
            16;
          return {
            actionInside: !!action && !!frame && action.top >= frame.top && action.bottom <= frame.bottom,
            labelFits: needed <= room,
            label,
            noSidewaysScroll:
              window.querySelector('form')?.scrollWidth === window.querySelector('form')?.clientWidth,
          };
        });
        expect(layout).toMatchObject({ actionInside: true, labelFits: true, noSidewaysScroll: true });
        expect(layout.label).toMatch(/\(\+33\)/);
      });
    }
});
