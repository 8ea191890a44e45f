// `npm run bench`: co-browse latency and snapshot cost, measured in Debian's Chromium on loopback against
// the example host, as ratios to a baseline measured in the same run. Writes bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import type { Page } from 'playwright-core';
import { rollup } from 'rollup';
import { startHost } from '../examples/host/server';
import { launchBrowser } from '../tests/support/browser';
import { clickInView, startByApi } from '../tests/support/view';
import { median, quantile, round } from './stats';
import { measureWeights } from './weights';

const runs = Number(process.env.TANDEM_BENCH_RUNS ?? 15);

async function snapshotBundle(): Promise<string> {
  const bundle = await rollup({
    input: new URL('./snapshot-entry.ts', import.meta.url).pathname,
    plugins: [
      nodeResolve({
        exportConditions: ['tandem-source', 'browser', 'import', 'default'],
        extensions: ['.ts', '.mjs', '.js'],
      }),
      typescript({
        tsconfig: './tsconfig.json',
        include: ['bench/**/*', 'packages/*/src/**/*'],
        compilerOptions: { noEmit: false, noCheck: true, declaration: false },
      }),
    ],
  });
  const { output } = await bundle.generate({ format: 'iife' });
  return output[0].code;
}

/** A page of about `nodes` elements, text and form fields, like a long product list. */
function bigPage(nodes: number): string {
  const rows: string[] = [];
  for (let i = 0; rows.length * 5 < nodes; i++)
    rows.push(
      `<li class="item"><h3>Item ${i}</h3><p>Description of item ${i}</p><label>Qty <input value="${i % 9}"></label></li>`,
    );
  return `<!doctype html><html><head><title>bench</title><style>.item{margin:4px}</style></head><body><ul>${rows.join('')}</ul></body></html>`;
}

async function snapshotRatio(page: Page, code: string, nodes: number) {
  await page.setContent(bigPage(nodes));
  await page.addScriptTag({ content: code });
  const plain: number[] = [];
  const tandem: number[] = [];
  for (let i = 0; i < 2; i++)
    await page.evaluate(
      () =>
        (globalThis as never as { tandemBench: { plain(): number; tandem(): number } }).tandemBench.plain() +
        (globalThis as never as { tandemBench: { tandem(): number } }).tandemBench.tandem(),
    );
  for (let i = 0; i < runs; i++) {
    // Alternate, so that neither side gets the warmer caches.
    plain.push(
      await page.evaluate(() =>
        (globalThis as never as { tandemBench: { plain(): number } }).tandemBench.plain(),
      ),
    );
    tandem.push(
      await page.evaluate(() =>
        (globalThis as never as { tandemBench: { tandem(): number } }).tandemBench.tandem(),
      ),
    );
  }
  const count = await page.evaluate(() => document.getElementsByTagName('*').length);
  return {
    nodes: count,
    plainMs: round(median(plain)),
    tandemMs: round(median(tandem)),
    ratio: round(median(tandem) / median(plain), 3),
  };
}

/** A customer's tab on `path`, shared through the API, and an agent desktop joined to it by id. */
async function sharedTab(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  url: string,
  path: string,
  agent: string,
) {
  const shop = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  await shop.goto(`${url}${path}`);
  const sessionId = await startByApi(shop);
  const desk = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await desk.goto(`${url}/agent/`);
  await desk.getByLabel('Username').fill(agent);
  await desk.getByLabel('Password').fill(agent);
  await desk.getByRole('button', { name: 'Log in' }).click();
  await desk.getByLabel('Session id').fill(sessionId);
  await desk.getByRole('button', { name: 'Join' }).click();
  await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
  return { shop, desk };
}

async function latency(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string) {
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
  await shop.context().close();
  await desk.context().close();
  const summary = (values: number[]) => ({
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    p99: quantile(values, 0.99),
    missed: values.filter((value) => !Number.isFinite(value)).length,
  });
  return { changeToView: summary(changes), pointer: summary(pointer) };
}

/**
 * Agent action to effect: in write mode the agent types in the quick order's name field; the effect is
 * the framework app rendering the new value in its summary on the customer's page. Same machine, same clock.
 */
async function actionToEffect(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string) {
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
  return {
    p50: quantile(delays, 0.5),
    p95: quantile(delays, 0.95),
    p99: quantile(delays, 0.99),
    missed: delays.filter((value) => !Number.isFinite(value)).length,
  };
}

const host = await startHost({ port: 0 });
const browser = await launchBrowser();
try {
  const code = await snapshotBundle();
  const page = await browser.newPage();
  const snapshots = [];
  for (const nodes of [1_000, 10_000]) snapshots.push(await snapshotRatio(page, code, nodes));
  await page.close();
  const live = await latency(browser, host.url);
  const action = await actionToEffect(browser, host.url);
  const weights = await measureWeights();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    runs,
    snapshots,
    weights,
    latencyMs: { ...live, actionToEffect: action },
    targets: [
      { name: 'change-to-view p95 < 100 ms', value: live.changeToView.p95, met: live.changeToView.p95 < 100 },
      { name: 'pointer p95 < 50 ms', value: live.pointer.p95, met: live.pointer.p95 < 50 },
      { name: 'agent action to effect p95 < 100 ms', value: action.p95, met: action.p95 < 100 },
      {
        name: 'snapshot ratio (10,000 nodes) ≤ 1.15',
        value: snapshots[1]?.ratio,
        met: (snapshots[1]?.ratio ?? Number.POSITIVE_INFINITY) <= 1.15,
      },
    ],
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nTandem bench, ${result.date}, ${result.machine.cpus} × ${result.machine.model}\n`);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log('| weight | what | gzip KB | brotli KB |\n| --- | --- | --- | --- |');
  for (const w of weights) console.log(`| ${w.name} | ${w.what} | ${kb(w.gzip)} | ${kb(w.brotli)} |`);
  console.log('');
  console.log('| measure | value | target | met |\n| --- | --- | --- | --- |');
  for (const s of snapshots)
    console.log(
      `| snapshot of ${s.nodes} nodes: Tandem / plain rrweb | ${s.tandemMs} / ${s.plainMs} ms = ${s.ratio} | ≤ 1.15 at 10,000 | ${s.nodes > 5000 ? (s.ratio <= 1.15 ? 'yes' : 'no') : '—'} |`,
    );
  const { changeToView: c, pointer: p } = live;
  console.log(
    `| change to view p50 / p95 / p99 | ${c.p50} / ${c.p95} / ${c.p99} ms (missed ${c.missed}) | p95 < 100 ms | ${c.p95 < 100 ? 'yes' : 'no'} |`,
  );
  console.log(
    `| pointer p50 / p95 / p99 | ${p.p50} / ${p.p95} / ${p.p99} ms (missed ${p.missed}) | p95 < 50 ms | ${p.p95 < 50 ? 'yes' : 'no'} |`,
  );
  console.log(
    `| agent action to effect p50 / p95 / p99 | ${action.p50} / ${action.p95} / ${action.p99} ms (missed ${action.missed}) | p95 < 100 ms | ${action.p95 < 100 ? 'yes' : 'no'} |`,
  );
} finally {
  await browser.close();
  await host.close();
}
