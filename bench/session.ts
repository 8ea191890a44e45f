// A scripted co-browse session: the bytes it costs per minute, and the agent's memory over its length.
// The script is defined per second of session time; played at `speed` times real time, it sends the same
// events a real session of that length would (no action comes faster than rrweb's or Tandem's throttles).
import type { Browser, CDPSession, Page } from 'playwright-core';
import { sharedTab } from './live';
import { round, seeded } from './stats';

interface Sample {
  readonly minute: number;
  readonly heapKB: number;
  readonly domNodes: number;
  readonly listeners: number;
}

async function sampleAgent(cdp: CDPSession, minute: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { minute, heapKB: Math.round(usedSize / 1024), domNodes: nodes, listeners: jsEventListeners };
}

/** A corner of the page the script works in: a list that changes and a field the customer types in. */
const addActivityPanel = (shop: Page) =>
  shop.evaluate(() => {
    const panel = document.createElement('section');
    panel.id = 'bench-activity';
    panel.innerHTML =
      '<h2>Recently viewed</h2><ul></ul><label>Note for the agent <input name="bench-note"></label>';
    document.querySelector('main')?.append(panel);
  });

/** One second of the customer's activity: the pointer moves; now and then the page, a field or the scroll. */
async function sessionSecond(shop: Page, second: number, random: () => number) {
  for (let i = 0; i < 5; i++) await shop.mouse.move(50 + random() * 1000, 50 + random() * 700);
  if (second % 2 === 0)
    await shop.evaluate((n) => {
      const list = document.querySelector('#bench-activity ul');
      if (!list) return;
      const item = document.createElement('li');
      item.textContent = `Product ${n}, viewed at second ${n}`;
      list.prepend(item);
      // The list keeps its last ten, as a real "recently viewed" would.
      while (list.children.length > 10) list.lastElementChild?.remove();
    }, second);
  if (second % 5 === 0) await shop.mouse.wheel(0, second % 10 === 0 ? 300 : -300);
  if (second % 7 === 0) {
    await shop.locator('[name="bench-note"]').fill(`note ${second}`);
  }
}

export interface SessionOptions {
  readonly minutes: number;
  readonly speed: number;
  readonly seed: number;
}

export async function measureSession(browser: Browser, url: string, options: SessionOptions) {
  const counted = { sent: 0, received: 0 };
  let counting = false;
  const { shop, desk } = await sharedTab(browser, url, '/product.html', 'alice', {
    shop: (page) =>
      page.on('websocket', (socket) =>
        socket.on('framesent', ({ payload }) => {
          if (counting) counted.sent += Buffer.byteLength(payload);
        }),
      ),
    desk: (page) =>
      page.on('websocket', (socket) =>
        socket.on('framereceived', ({ payload }) => {
          if (counting) counted.received += Buffer.byteLength(payload);
        }),
      ),
  });
  try {
    await addActivityPanel(shop);
    const cdp = await desk.context().newCDPSession(desk);
    const random = seeded(options.seed);
    const secondMs = 1000 / options.speed;
    const begin = performance.now();
    const samples: Sample[] = [];
    for (let second = 0; second < options.minutes * 60; second++) {
      await sessionSecond(shop, second, random);
      await shop.waitForTimeout(Math.max(0, begin + (second + 1) * secondMs - performance.now()));
      // The first minute is warm-up: the replay, the caches and the JIT settle before anything counts.
      if ((second + 1) % 60 === 0) samples.push(await sampleAgent(cdp, (second + 1) / 60));
      if (second === 59) counting = true;
    }
    counting = false;
    const measuredMinutes = options.minutes - 1;
    const first = samples[0];
    const last = samples[samples.length - 1];
    const growth = first && last ? (last.heapKB - first.heapKB) / first.heapKB : Number.NaN;
    return {
      minutes: options.minutes,
      speed: options.speed,
      customerSentKBPerMinute: round(counted.sent / 1024 / measuredMinutes),
      agentReceivedKBPerMinute: round(counted.received / 1024 / measuredMinutes),
      agentMemory: {
        samples,
        heapGrowth: round(growth, 3),
        domNodesGrowth: first && last ? last.domNodes - first.domNodes : Number.NaN,
        // Flat: the heap after the last minute within 5% of the heap after the first, and the DOM too.
        // (Before the viewer dropped applied events, 10 minutes grew it 5.5%, steadily.)
        flat:
          Math.abs(growth) <= 0.05 &&
          first !== undefined &&
          last !== undefined &&
          Math.abs(last.domNodes - first.domNodes) <= first.domNodes * 0.05,
      },
    };
  } finally {
    await shop.context().close();
    await desk.context().close();
  }
}
