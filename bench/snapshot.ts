// Co-browse cost on the customer's page: a full snapshot and a mutation burst, through Tandem's recorder
// and through plain rrweb record, alternated in the same page so that neither gets the warmer caches.
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import type { Browser, Page } from 'playwright-core';
import { rollup } from 'rollup';
import { median, quantile, round, spread } from './stats';

type Recorder = 'none' | 'plain' | 'tandem' | 'mask-all';
interface PageBench {
  snapshot(recorder: Recorder): number;
  burst(recorder: Recorder, items: number): Promise<number>;
  flushDelay(): Promise<number>;
}

async function benchBundle(): Promise<string> {
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
  await bundle.close();
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

const snapshotOnce = (page: Page, recorder: Recorder) =>
  page.evaluate(
    (which) => (globalThis as never as { tandemBench: PageBench }).tandemBench.snapshot(which),
    recorder,
  );
const burstOnce = (page: Page, recorder: Recorder, items: number) =>
  page.evaluate(
    ([which, count]) =>
      (globalThis as never as { tandemBench: PageBench }).tandemBench.burst(
        which as Recorder,
        count as number,
      ),
    [recorder, items] as const,
  );

/** Median times of `measure` for plain rrweb and for Tandem, alternated, after two warm-ups each. */
async function compare(
  runs: number,
  measure: (recorder: Recorder) => Promise<number>,
  candidate: Recorder = 'tandem',
) {
  for (let i = 0; i < 2; i++) {
    await measure('plain');
    await measure(candidate);
  }
  const plain: number[] = [];
  const tandem: number[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(await measure('plain'));
    tandem.push(await measure(candidate));
  }
  return {
    plainMs: round(median(plain)),
    tandemMs: round(median(tandem)),
    ratio: round(median(tandem) / median(plain), 3),
    spread: { plainMs: spread(plain), tandemMs: spread(tandem) },
  };
}

export async function measureSnapshots(browser: Browser, runs: number) {
  const code = await benchBundle();
  const page = await browser.newPage();
  try {
    const snapshots = [];
    for (const size of [1_000, 10_000, 50_000]) {
      await page.setContent(bigPage(size));
      await page.addScriptTag({ content: code });
      // The 50,000-node page takes a second or more per snapshot: fewer runs keep the bench short.
      const times = size > 10_000 ? Math.min(runs, 5) : runs;
      const result = await compare(times, (recorder) => snapshotOnce(page, recorder));
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      snapshots.push({ nodes, runs: times, ...result });
      // Privacy by default masks every element: its cost, on the size the acceptance names.
      if (size === 10_000) {
        const maskAll = await compare(times, (recorder) => snapshotOnce(page, recorder), 'mask-all');
        snapshots.push({ nodes, runs: times, privacy: 'mask-all', ...maskAll });
      }
    }
    // The burst runs on the 10,000-node page, as on a long list that re-renders.
    await page.setContent(bigPage(10_000));
    await page.addScriptTag({ content: code });
    const items = 1_000;
    const bare: number[] = [];
    for (let i = 0; i < runs + 2; i++) bare.push(await burstOnce(page, 'none', items));
    // The first two were warm-up.
    bare.splice(0, 2);
    const burst = {
      items,
      mutations: items * 2,
      noneMs: round(median(bare)),
      ...(await compare(runs, (recorder) => burstOnce(page, recorder, items))),
    };
    const flush: number[] = [];
    for (let i = 0; i < 50; i++)
      flush.push(
        await page.evaluate(() =>
          (globalThis as never as { tandemBench: PageBench }).tandemBench.flushDelay(),
        ),
      );
    return {
      snapshots,
      burst,
      flushMs: { p50: round(quantile(flush, 0.5), 2), p99: round(quantile(flush, 0.99), 2) },
    };
  } finally {
    await page.close();
  }
}
