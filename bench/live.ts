// Co-browse latency on loopback, in Debian's Chromium against the example host: a change on the customer's
// page to the agent's view, the customer's pointer to the agent's dot, and an agent action to its effect.
// Both pages run in one browser on one machine, so their clocks are the same clock.
import type { Browser, Page } from 'playwright-core';
import { clickInView, startByApi } from '../tests/support/view';
import { percentiles } from './stats';

// A delay never seen is infinite: it counts as missed, and in the percentiles as the slowest.
const summary = (values: number[]) => ({
  ...percentiles(values),
  missed: values.filter((value) => !Number.isFinite(value)).length,
});

export type Latency = ReturnType<typeof summary>;

/** A customer's tab on `path`, shared through the API, and an agent desktop joined to it by id. */
export async function sharedTab(
  browser: Browser,
  url: string,
  path: string,
  agent: string,
  watch: { shop?: (page: Page) => void; desk?: (page: Page) => void } = {},
) {
  const shop = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  watch.shop?.(shop);
  await shop.goto(`${url}${path}`);
  const sessionId = await startByApi(shop);
  const desk = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  watch.desk?.(desk);
  await desk.goto(`${url}/agent/`);
  await desk.getByLabel('Username').fill(agent);
  await desk.getByLabel('Password').fill(agent);
  await desk.getByRole('button', { name: 'Log in' }).click();
  await desk.getByLabel('Session id').fill(sessionId);
  await desk.getByRole('button', { name: 'Join' }).click();
  await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
  return { shop, desk };
}

export async function measureLatency(browser: Browser, url: string) {
  const { shop, desk } = await sharedTab(browser, url, '/product.html', 'alice');
  await desk.waitForTimeout(500);

  // Change to view: the customer's page writes a mark; the agent's copy shows it. Same machine, same clock.
  await desk.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { seen: typeof seen }).seen = seen;
    const doc = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument;
    if (!doc) throw new Error('no replay document');
    new MutationObserver(() => {
      const text = doc.getElementById('bench-mark')?.textContent;
      if (text && !(text in seen)) seen[text] = Date.now();
    }).observe(doc, { subtree: true, childList: true, characterData: true });
    // The customer's pointer: the dot's transform changes.
    const dot = [...document.querySelectorAll<HTMLElement>('.cobrowse-view div[aria-hidden="true"]')].find(
      (element) => element.style.borderRadius === '50%',
    );
    const moves: Array<{ transform: string; at: number }> = [];
    (window as unknown as { moves: typeof moves }).moves = moves;
    if (dot)
      new MutationObserver(() => moves.push({ transform: dot.style.transform, at: Date.now() })).observe(
        dot,
        {
          attributes: true,
        },
      );
  });
  await shop.evaluate(() => {
    const mark = document.createElement('p');
    mark.id = 'bench-mark';
    document.body.prepend(mark);
  });
  await desk.waitForTimeout(300);
  const written: Record<string, number> = {};
  for (let i = 0; i < 100; i++) {
    const text = `mark-${i}`;
    written[text] = await shop.evaluate((value) => {
      const mark = document.getElementById('bench-mark');
      if (mark) mark.textContent = value;
      return Date.now();
    }, text);
    await shop.waitForTimeout(40);
  }
  await desk.waitForTimeout(500);
  const seen = await desk.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
  const changes = Object.entries(written).map(([text, at]) => (seen[text] ?? Number.POSITIVE_INFINITY) - at);

  // Pointer: the customer moves; the agent's dot moves. Positions are distinct, so each maps to its move.
  const scale = await desk.evaluate(() => {
    const frame = document.querySelector<HTMLElement>('.cobrowse-view iframe')?.parentElement?.parentElement;
    return Number(/scale\(([\d.]+)\)/.exec(frame?.style.transform ?? '')?.[1] ?? 1);
  });
  // The customer's time is taken by the page itself when the pointer event fires.
  await shop.evaluate(() => {
    const moved: Array<{ x: number; y: number; at: number }> = [];
    (window as unknown as { moved: typeof moved }).moved = moved;
    document.addEventListener(
      'pointermove',
      (event) => moved.push({ x: event.clientX, y: event.clientY, at: Date.now() }),
      {
        capture: true,
      },
    );
  });
  for (let i = 0; i < 60; i++) {
    await shop.mouse.move(100 + i * 7, 200 + (i % 5) * 11);
    await shop.waitForTimeout(50);
  }
  const moved = await shop.evaluate(
    () => (window as unknown as { moved: Array<{ x: number; y: number; at: number }> }).moved,
  );
  await desk.waitForTimeout(500);
  const moves = await desk.evaluate(
    () => (window as unknown as { moves: Array<{ transform: string; at: number }> }).moves,
  );
  // The pointer's rate: the customer moves as fast as the browser can; the agent's dot moves at most 30 times a second.
  const before = moves.length;
  const fastStart = Date.now();
  for (let i = 0; i < 300; i++) await shop.mouse.move(100 + (i % 50) * 9, 300 + (i % 7) * 13);
  const fastSeconds = (Date.now() - fastStart) / 1000;
  await desk.waitForTimeout(300);
  const fastMoves = await desk.evaluate(() => (window as unknown as { moves: unknown[] }).moves.length);
  const pointerPerSecond = Math.round((fastMoves - before) / fastSeconds);
  // The dot's position, scaled back to the customer's page; CSS rounds the numbers it serializes.
  const shown = moves.map(({ transform, at }) => {
    const [x = Number.NaN, y = Number.NaN] = (transform.match(/-?[\d.]+/g) ?? []).map(Number);
    return { x: x / scale, y: y / scale, at };
  });
  const pointer = moved.map(({ x, y, at }) => {
    const seen = shown.find(
      (move) => Math.abs(move.x - x) < 1 && Math.abs(move.y - y) < 1 && move.at >= at - 5,
    );
    return (seen?.at ?? Number.POSITIVE_INFINITY) - at;
  });
  const burst = await burstToView(shop, desk, 1_000, 10);
  await shop.context().close();
  await desk.context().close();
  return {
    changeToView: summary(changes),
    pointer: summary(pointer),
    pointerPerSecond,
    burstToView: summary(burst),
  };
}

/** A burst of `items` list items added in one task on the customer's page, until the agent sees the last. */
async function burstToView(shop: Page, desk: Page, items: number, times: number): Promise<number[]> {
  const delays: number[] = [];
  for (let round = 0; round < times; round++) {
    const shown = desk.evaluate(
      (id) =>
        new Promise<number>((resolve) => {
          const doc = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument;
          if (!doc) throw new Error('no replay document');
          const observer = new MutationObserver(() => {
            if (!doc.getElementById(id)) return;
            observer.disconnect();
            resolve(Date.now());
          });
          observer.observe(doc, { subtree: true, childList: true });
        }),
      `bench-burst-${round}`,
    );
    await desk.waitForTimeout(50);
    const at = await shop.evaluate(
      ([count, id]) => {
        document.getElementById('bench-burst')?.remove();
        const list = document.createElement('ul');
        list.id = 'bench-burst';
        for (let i = 0; i < (count as number); i++) {
          const item = document.createElement('li');
          item.textContent = `Burst item ${i}`;
          list.append(item);
        }
        (list.lastElementChild as HTMLElement).id = id as string;
        document.body.append(list);
        return Date.now();
      },
      [items, `bench-burst-${round}`] as const,
    );
    delays.push((await shown) - at);
    await shop.waitForTimeout(100);
  }
  return delays;
}

/**
 * Agent action to effect: in write mode the agent types in the quick order's name field; the effect is
 * the framework app rendering the new value in its summary on the customer's page. Same machine, same clock.
 */
export async function measureActionToEffect(browser: Browser, url: string) {
  const { shop, desk } = await sharedTab(browser, url, '/order.html', 'bruno');
  await desk.getByRole('button', { name: 'Request control' }).click();
  await shop.getByRole('button', { name: 'Allow' }).click();
  await desk.getByRole('heading', { name: /write mode/ }).waitFor();
  await clickInView(desk, '[name="name"]');
  await desk.waitForTimeout(300);
  await shop.evaluate(() => {
    const shown: Record<string, number> = {};
    (window as unknown as { shown: typeof shown }).shown = shown;
    const who = document.querySelector('[data-summary="who"]');
    if (!who) throw new Error('no summary');
    new MutationObserver(() => {
      const text = who.textContent ?? '';
      if (!(text in shown)) shown[text] = Date.now();
    }).observe(who, { subtree: true, childList: true, characterData: true });
  });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const pressed: Array<{ text: string; at: number }> = [];
  let typed = '';
  for (let i = 0; i < 80; i++) {
    const key = letters[i % letters.length] ?? 'a';
    typed += key;
    pressed.push({ text: `For ${typed}`, at: await desk.evaluate(() => Date.now()) });
    await desk.keyboard.press(key);
    await desk.waitForTimeout(40);
  }
  await shop.waitForTimeout(500);
  const shown = await shop.evaluate(() => (window as unknown as { shown: Record<string, number> }).shown);
  await shop.context().close();
  await desk.context().close();
  const delays = pressed.map(({ text, at }) => (shown[text] ?? Number.POSITIVE_INFINITY) - at);
  return summary(delays);
}
