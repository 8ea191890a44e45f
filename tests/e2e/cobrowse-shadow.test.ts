import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { allowControl, cobrowsePages, joinById, refused, startByApi } from '../support/cobrowse';
import { useHost } from '../support/host';

// Remote control of forms whose fields live in open shadow roots: the shop's Lit "Book a table" and its
// plain custom-element "Support ticket", under the shop's strict CSP.

const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });
const { agentDesk } = cobrowsePages(env);

const mask = '••••••';

/** The customer's tab, with every frame its WebSocket sends kept (invariant 3 looks at those bytes). */
const shops: Array<{ page: Page; problems: string[] }> = [];
afterEach(async () => {
  for (const { page, problems } of shops.splice(0)) {
    expect(problems).toEqual([]);
    await page.context().close();
  }
});
async function openShop(path: string): Promise<{ shop: Page; sent: string[] }> {
  const shop = await (await env.browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  shops.push({ page: shop, problems: watchPage(shop).problems });
  const sent: string[] = [];
  shop.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) =>
      sent.push(typeof payload === 'string' ? payload : payload.toString()),
    ),
  );
  await shop.goto(`${env.host.url}${path}`);
  return { shop, sent };
}

/** The box of the first element matching `selector` in the replay, looking into every open shadow root. */
function replayBox(desk: Page, selector: string) {
  return desk.evaluate((target) => {
    const deep = (root: Document | ShadowRoot): Element | null => {
      const found = root.querySelector(target);
      if (found) return found;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot ? deep(element.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const iframe = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe');
    const element = iframe?.contentDocument ? deep(iframe.contentDocument) : null;
    if (!iframe || !element) return null;
    const outer = iframe.getBoundingClientRect();
    const { left, top, width, height } = element.getBoundingClientRect();
    return {
      left,
      top,
      width,
      height,
      viewLeft: outer.left,
      viewTop: outer.top,
      scale: outer.width / iframe.offsetWidth,
    };
  }, selector);
}

/** Where the agent points at a replayed element: near its left edge, half-way down (as clickInView does). */
async function pointInShadowView(desk: Page, selector: string) {
  await expect.poll(() => replayBox(desk, selector).then((box) => box !== null)).toBe(true);
  const box = await replayBox(desk, selector);
  if (!box) throw new Error(`nothing matches ${selector} in the view`);
  const page = { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2 };
  return { page, desk: { x: box.viewLeft + page.x * box.scale, y: box.viewTop + page.y * box.scale } };
}

async function clickInShadowView(desk: Page, selector: string): Promise<void> {
  const { desk: at } = await pointInShadowView(desk, selector);
  await desk.mouse.click(at.x, at.y);
}

/** Every text, attribute and field value of the replay, shadow roots included. */
function replayContent(desk: Page): Promise<string> {
  return desk.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      parts.push(('documentElement' in root ? root.documentElement : root)?.textContent ?? '');
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.attributes) parts.push(attribute.value);
        if ('value' in element) parts.push(String((element as HTMLInputElement).value));
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    const doc = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument;
    if (doc) walk(doc);
    return parts.join('\n');
  });
}

/** The customer's view of the agent's pointer and highlight (drawn in Tandem's own shadow root). */
function agentMarks(shop: Page) {
  return shop.locator('[data-tandem-host]').evaluate((host) => {
    const root = host.shadowRoot;
    const pointer = root?.querySelector<HTMLElement>('.cobrowse-pointer');
    const highlight = root?.querySelector<HTMLElement>('.cobrowse-highlight');
    const at = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(pointer?.style.transform ?? '');
    return {
      pointer: at ? { x: Number(at[1]), y: Number(at[2]) } : null,
      highlight: highlight
        ? {
            x: Number.parseFloat(highlight.style.left) + 4,
            y: Number.parseFloat(highlight.style.top) + 4,
            width: Number.parseFloat(highlight.style.width) - 8,
            height: Number.parseFloat(highlight.style.height) - 8,
          }
        : null,
    };
  });
}

/** In pointer mode, the agent's pointer and highlight land on the shadow element the agent points at. */
async function pointsAt(desk: Page, shop: Page, selector: string): Promise<void> {
  const { page, desk: at } = await pointInShadowView(desk, selector);
  await desk.mouse.move(at.x, at.y, { steps: 3 });
  await expect
    .poll(async () => {
      const pointer = (await agentMarks(shop)).pointer;
      return pointer ? Math.hypot(pointer.x - page.x, pointer.y - page.y) : Number.POSITIVE_INFINITY;
    })
    // The view is scaled down and the desk rounds to whole pixels of the customer's viewport.
    .toBeLessThan(4);
  await desk.mouse.click(at.x, at.y);
  const box = await shop.locator(selector).boundingBox();
  if (!box) throw new Error(`no ${selector} on the customer's page`);
  await expect.poll(async () => (await agentMarks(shop)).highlight).not.toBeNull();
  const highlight = (await agentMarks(shop)).highlight;
  for (const key of ['x', 'y', 'width', 'height'] as const)
    expect(Math.abs((highlight?.[key] ?? 0) - box[key]), `highlight ${key}`).toBeLessThan(1.5);
  // The agent's pointer lies inside the element on the customer's page too.
  const pointer = (await agentMarks(shop)).pointer;
  expect(pointer && pointer.x >= box.x && pointer.x <= box.x + box.width).toBe(true);
  expect(pointer && pointer.y >= box.y && pointer.y <= box.y + box.height).toBe(true);
}

/** The name of the field that has the focus on the customer's page, inside shadow roots. */
const focusedName = (shop: Page) =>
  shop.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('name') ?? active?.localName;
  });

async function joined(path: string, form: string) {
  const { shop, sent } = await openShop(path);
  await shop.getByRole('form', { name: form }).waitFor();
  const sessionId = await startByApi(shop);
  const desk = await agentDesk();
  await joinById(desk, sessionId);
  return { shop, sent, desk };
}

describe('co-browse in open shadow roots (real Chromium, the shop’s web-component forms)', () => {
  it('Lit "Book a table": the agent fills and books it; masked and readonly fields refuse; the diet never leaves', async () => {
    const { shop, sent, desk } = await joined('/booking.html', 'Book a table');
    expect(await axeViolations(shop), 'booking page').toEqual([]);
    // The customer writes their dietary needs into the masked field, two shadow roots from nothing.
    const secret = 'SECRET-peanut-allergy';
    await shop.locator('[name="diet"]').pressSequentially(secret);
    // The field's change (on leaving it) is what reaches the agent, masked.
    await shop.locator('[name="diet"]').blur();
    await expect.poll(() => replayContent(desk)).toContain(mask);
    await pointsAt(desk, shop, '[name="name"]');
    await pointsAt(desk, shop, 'input[value="22:00"]');

    await allowControl(desk, shop);
    await clickInShadowView(desk, '[name="name"]');
    await desk.keyboard.type('Ada Lovelace');
    await expect.poll(() => shop.locator('[name="name"]').inputValue()).toBe('Ada Lovelace');
    // Tab moves the focus inside the shadow root, as the customer's own Tab would.
    await desk.keyboard.press('Tab');
    await expect.poll(() => focusedName(shop)).toBe('guests');
    await clickInShadowView(desk, '[name="guests"]');
    await desk.getByLabel('Choose for the customer').selectOption('4');
    await clickInShadowView(desk, 'input[value="22:00"]');
    await clickInShadowView(desk, '[name="terrace"]');
    await expect.poll(() => shop.locator('[name="terrace"]').isChecked()).toBe(true);

    await refused(desk, 'This field is protected', () => clickInShadowView(desk, '[name="diet"]'));
    await desk.keyboard.type('nuts');
    await refused(desk, 'This field is protected', () => clickInShadowView(desk, '[name="deposit"]'));
    expect(await shop.locator('[name="deposit"]').isChecked()).toBe(false);

    // Enter in the name books the table: the summary is the component's state.
    await clickInShadowView(desk, '[name="name"]');
    await desk.keyboard.press('Enter');
    const summary = shop.locator('[data-summary="booking"]');
    await expect
      .poll(() => summary.textContent())
      .toBe('Table for 4 at 22:00 on the terrace, for Ada Lovelace');
    expect(await shop.locator('[data-summary="deposit"]').textContent()).toBe('No deposit yet');
    expect(await shop.locator('[name="diet"]').inputValue()).toBe(secret);
    await expect.poll(() => replayContent(desk)).toContain('Table for 4 at 22:00 on the terrace');

    expect(await replayContent(desk)).not.toContain('SECRET');
    expect(sent.join('\n')).not.toContain('SECRET');
    expect(sent.join('\n')).not.toContain('peanut');
  });

  it('custom elements "Support ticket": the agent fills and sends it; host-tagged fields refuse; the order number never leaves', async () => {
    const { shop, sent, desk } = await joined('/support.html', 'Support ticket');
    expect(await axeViolations(shop), 'support page').toEqual([]);
    const secret = 'SECRET-ORDER-4711';
    await shop.locator('input[name="order"]').pressSequentially(secret);
    await shop.locator('input[name="order"]').blur();
    await expect.poll(() => replayContent(desk)).toContain(mask);
    await pointsAt(desk, shop, 'input[value="phone"]');
    // Masked by a tag on its host, in a shadow root inside a shadow root: pointing at it is still fine.
    await pointsAt(desk, shop, 'input[name="order"]');

    await allowControl(desk, shop);
    await clickInShadowView(desk, '[name="email"]');
    await desk.keyboard.type('ada@example.com');
    // Tab moves the focus in the shadow root, and the agent's next keys follow it there.
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('Beans arrived crushed');
    await expect.poll(() => focusedName(shop)).toBe('message');
    await expect.poll(() => shop.locator('[name="message"]').inputValue()).toBe('Beans arrived crushed');
    await desk.keyboard.press('Tab');
    await expect.poll(() => focusedName(shop)).toBe('topic');
    await clickInShadowView(desk, '[name="topic"]');
    await desk.getByLabel('Choose for the customer').selectOption('billing');
    await clickInShadowView(desk, 'input[value="phone"]');
    await clickInShadowView(desk, '[name="urgent"]');
    await expect.poll(() => shop.locator('[name="urgent"]').isChecked()).toBe(true);

    await refused(desk, 'This field is protected', () => clickInShadowView(desk, '[name="order"]'));
    await refused(desk, 'This field is protected', () => clickInShadowView(desk, '[name="newsletter"]'));
    expect(await shop.locator('input[name="newsletter"]').isChecked()).toBe(false);

    await clickInShadowView(desk, '[name="email"]');
    await desk.keyboard.press('Enter');
    await expect
      .poll(() => shop.locator('[data-summary="ticket"]').textContent())
      .toBe('Billing ticket from ada@example.com, urgent, reply by phone');
    expect(await shop.locator('[data-summary="message"]').textContent()).toBe('“Beans arrived crushed”');
    expect(await shop.locator('[data-summary="extras"]').textContent()).toBe(
      'Order number given, no newsletter',
    );
    await expect.poll(() => replayContent(desk)).toContain('Billing ticket from ada@example.com');

    expect(await replayContent(desk)).not.toContain('SECRET');
    // Not even the digits on their own (a timestamp such as 1796591864711 holds them, and is not a leak).
    expect(sent.join('\n')).not.toContain('SECRET');
    expect(sent.join('\n')).not.toMatch(/(?<!\d)4711(?!\d)/);
  });
});
