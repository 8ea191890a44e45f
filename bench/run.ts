// `npm run bench`: Tandem next to its peers and its limits, measured on this machine in one run: weights,
// host-page cost, co-browse cost and latency in Debian's Chromium on loopback, and the chat server under
// load. Prints Markdown tables; writes bench/results/latest.json and latest.md; `--publish` also updates
// docs/benchmarks.md and its weight chart; `--from FILE` renders a saved result again without measuring.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { startHost } from '../examples/host/server';
import { chromiumPath, launchBrowser } from '../tests/support/browser';
import { measureChatServers } from './chat-server';
import { measureHostCost } from './host-cost';
import { measureActionToEffect, measureLatency } from './live';
import { publish, renderReport } from './report';
import { measureSession } from './session';
import { measureSnapshots } from './snapshot';
import { type BenchResult, checkTargets, type Measured } from './targets';
import { measureWeights } from './weights';

/** A setting from the environment: a positive number, or an error that names the variable. */
function setting(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!(value > 0)) throw new Error(`${name}: expected a positive number, got ${JSON.stringify(text)}`);
  return value;
}

const settings = {
  runs: Math.round(setting('TANDEM_BENCH_RUNS', 15)),
  seed: setting('TANDEM_BENCH_SEED', 42),
  // At least two minutes: the first is warm-up.
  sessionMinutes: Math.max(2, Math.round(setting('TANDEM_BENCH_SESSION_MINUTES', 10))),
  speed: setting('TANDEM_BENCH_SPEED', 5),
};

const began = performance.now();
const log = (line: string) =>
  console.error(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function step<T>(name: string, measure: () => Promise<T>): Promise<T> {
  log(`${name}…`);
  const result = await measure();
  log(`${name}: done`);
  return result;
}

async function measureAll(): Promise<BenchResult> {
  const chromium = execFileSync(chromiumPath(), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const weights = await step('weights', measureWeights);
  const chat = await step('chat server, on each store', () => measureChatServers(log));
  const host = await startHost({ port: 0 });
  const browser = await launchBrowser();
  let measured: Measured;
  try {
    // Each cold load waits for 3 s of quiet: seven of each keep this part near a minute and a half.
    const hostCost = await step('host-page cost', () =>
      measureHostCost(browser, host.url, Math.min(settings.runs, 7)),
    );
    const cobrowse = await step('snapshots and burst', () => measureSnapshots(browser, settings.runs));
    const latency = await step('change, pointer and burst to view', () => measureLatency(browser, host.url));
    const action = await step('agent action to effect', () => measureActionToEffect(browser, host.url));
    const session = await step(`a ${settings.sessionMinutes}-minute session at ${settings.speed}×`, () =>
      measureSession(browser, host.url, {
        minutes: settings.sessionMinutes,
        speed: settings.speed,
        seed: settings.seed,
      }),
    );
    measured = { weights, chat, hostCost, cobrowse, latency, action, session };
  } finally {
    await browser.close();
    await host.close();
  }
  return {
    date: new Date().toISOString(),
    seconds: Math.round((performance.now() - began) / 1000),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium,
    },
    settings,
    ...measured,
    targets: checkTargets(measured),
  };
}

const fromIndex = process.argv.indexOf('--from');
const from = fromIndex >= 0 ? process.argv[fromIndex + 1] : undefined;
if (fromIndex >= 0 && !from)
  throw new Error('--from: expected the path of a saved result (bench/results/latest.json)');
const result: BenchResult = from ? JSON.parse(readFileSync(from, 'utf8')) : await measureAll();
const report = renderReport(result);
const results = new URL('./results/', import.meta.url);
mkdirSync(results, { recursive: true });
if (!from) writeFileSync(new URL('latest.json', results), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(new URL('latest.md', results), report);
if (process.argv.includes('--publish')) publish(result, report);
console.log(report);
