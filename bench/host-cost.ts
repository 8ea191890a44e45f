// Host-page cost: the reference shop page loaded in Chromium without Tandem, with it, and with a peer
// that can run offline; long tasks, total blocking time, time to the launcher and bytes before any input.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page, Route } from 'playwright-core';
import { median, round, spread } from './stats';
import { installPeers } from './weights';

const cobrowseDist = fileURLToPath(new URL('./peers/node_modules/cobrowse-sdk-js/dist/', import.meta.url));
// @rocket.chat/livechat is skipped: its widget frame and bubble wait on a Rocket.Chat server's livechat/config.

const viewport = { width: 1100, height: 800 };
const quietMs = 3000;
const afterLauncherMs = 2000;
// Cobrowse.io keeps only the origin of CobrowseIO.api and calls /api/1/… there: the host answers 404 or 405.
const peerBackend = '/api/1/';
// A load that never goes quiet (a peer retrying its backend) is cut here, and says so.
const capMs = 12_000;
const pollMs = 100;

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface HostCost {
  readonly name: string;
  readonly runs: number;
  /** Medians over the runs. */
  readonly longTasks: number;
  readonly totalBlockingMs: number;
  readonly launcherVisibleMs: number | null;
  /** HTTP bytes (encodedDataLength, as sent: the host does not compress) plus WebSocket payload bytes received. */
  readonly bytes: number;
  /** The WebSocket share of `bytes`. */
  readonly wsBytes: number;
  /** Requests that finished loading, and those that failed. */
  readonly requests: number;
  readonly failedRequests: number;
  /** Navigation start to the end of the measurement window. */
  readonly windowMs: number;
  readonly spread: {
    readonly longTasks: Range;
    readonly totalBlockingMs: Range;
    readonly launcherVisibleMs: Range | null;
    readonly bytes: Range;
    readonly requests: Range;
    readonly windowMs: Range;
  };
  readonly note?: string;
}

/** What one load measured. */
interface Load {
  readonly longTasks: number;
  readonly totalBlockingMs: number;
  readonly launcherVisibleMs: number | null;
  readonly httpBytes: number;
  readonly wsBytes: number;
  readonly requests: number;
  readonly failedRequests: number;
  readonly windowMs: number;
  readonly capped: boolean;
  readonly peerState: string | null;
  readonly backendRequests: number;
  readonly errors: readonly string[];
}

interface Variant {
  readonly name: string;
  readonly prepare: (context: BrowserContext, hostUrl: string) => Promise<void>;
  readonly launcher: boolean;
  readonly note?: string;
}

/** In-page state written by the init script. */
interface Probe {
  readonly longTasks: Array<{ start: number; duration: number }>;
  launcherAt: number | null;
}

/**
 * Registered before any page script: buffered long tasks, and the first frame the launcher has a box.
 * Source text, not a function: tsx's `__name` helper does not exist in the page.
 */
const probe = `(() => {
  if (window !== window.top) return;
  const state = { longTasks: [], launcherAt: null };
  window.__hostCost = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    const host = document.querySelector('div[data-tandem-host]');
    const button = host && host.shadowRoot && host.shadowRoot.querySelector('button[data-tandem-launcher]');
    const box = button && button.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) state.launcherAt = performance.now();
    // Polling stops after the cap, so that pages without a launcher stop paying for it.
    else if (performance.now() < ${capMs}) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

const tandemTag = /\s*<script\b[^>]*\bsrc="\/(?:tandem-setup\.js|sdk\/tandem\.js)"[^>]*><\/script>/g;

/** The served page with both Tandem tags removed, and `extra` put before </body>. */
function withoutTandem(html: string, extra = ''): string {
  const found = html.match(tandemTag)?.length ?? 0;
  if (found !== 2)
    throw new Error(`host-cost: expected 2 Tandem script tags in product.html, found ${found}`);
  return html.replace(tandemTag, '').replace('</body>', `${extra}</body>`);
}

/** Every variant intercepts the document the same way, so interception costs the same in each. */
async function routeDocument(
  context: BrowserContext,
  hostUrl: string,
  edit: (html: string) => string,
): Promise<void> {
  await context.route(`${hostUrl}/product.html`, async (route: Route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: edit(await response.text()) });
  });
}

/** The snippet of Cobrowse.io's web install docs, served as a file: the shop's CSP allows no inline script. */
function cobrowseSetup(hostUrl: string): string {
  return `(function (w, t, c, p, s, e) {
  p = new Promise(function (r) {
    w[c] = { client: function () {
      if (!s) {
        s = document.createElement(t); s.src = '/peer/CobrowseIO.js'; s.async = 1;
        e = document.getElementsByTagName(t)[0]; e.parentNode.insertBefore(s, e);
        s.onload = function () { r(w[c]); };
      }
      return p;
    } };
  });
})(window, 'script', 'CobrowseIO');
CobrowseIO.license = 'trial';
// The loopback host, where its API paths are dead: there is no Cobrowse.io backend offline.
CobrowseIO.api = ${JSON.stringify(hostUrl)};
window.__peerState = 'loading';
CobrowseIO.client()
  // Its start() refuses headless browsers unless told (an option its code reads, missing from its typings).
  .then(function () { window.__peerState = 'client'; return CobrowseIO.start({ allowHeadless: true }); })
  .then(function () { window.__peerState = 'started'; }, function (error) { window.__peerState = 'failed: ' + error; });
`;
}

/** The peer's own files, served from its npm package under /peer/ on the host's origin. */
async function routePeer(context: BrowserContext, hostUrl: string): Promise<void> {
  if (!existsSync(`${cobrowseDist}CobrowseIO.js`)) installPeers();
  await routeDocument(context, hostUrl, (html) =>
    withoutTandem(html, '<script src="/peer/cobrowse-setup.js"></script>\n  '),
  );
  await context.route(`${hostUrl}/peer/**`, async (route: Route) => {
    const name = new URL(route.request().url()).pathname.slice('/peer/'.length);
    const js = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' };
    if (name === 'cobrowse-setup.js') return route.fulfill({ headers: js, body: cobrowseSetup(hostUrl) });
    if (name.includes('/') || !['.js', '.css'].includes(extname(name)) || !existsSync(cobrowseDist + name))
      return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ headers: js, body: await readFile(cobrowseDist + name) });
  });
}

const variants: readonly Variant[] = [
  {
    name: 'reference page without Tandem',
    launcher: false,
    prepare: (context, hostUrl) => routeDocument(context, hostUrl, (html) => withoutTandem(html)),
  },
  {
    name: 'reference page with Tandem',
    launcher: true,
    prepare: (context, hostUrl) => routeDocument(context, hostUrl, (html) => html),
  },
  {
    name: 'cobrowse-sdk-js (peer, offline)',
    launcher: false,
    prepare: routePeer,
    note: 'no launcher of its own; no Cobrowse.io backend offline, so this is loading and starting it (with allowHeadless) and its device registration failing',
  },
];

/** Bytes and requests seen by the DevTools protocol, and the Node time of the last HTTP activity. */
async function watchNetwork(session: CDPSession) {
  const totals = {
    httpBytes: 0,
    wsBytes: 0,
    requests: 0,
    failedRequests: 0,
    backendRequests: 0,
    lastActivity: Date.now(),
  };
  const active = () => {
    totals.lastActivity = Date.now();
  };
  session.on('Network.requestWillBeSent', ({ request }) => {
    if (new URL(request.url).pathname.startsWith(peerBackend)) totals.backendRequests += 1;
    active();
  });
  session.on('Network.webSocketCreated', ({ url }) => {
    if (new URL(url).pathname.startsWith(peerBackend)) totals.backendRequests += 1;
  });
  session.on('Network.loadingFinished', (event) => {
    totals.httpBytes += event.encodedDataLength;
    totals.requests += 1;
    active();
  });
  session.on('Network.loadingFailed', () => {
    totals.failedRequests += 1;
    active();
  });
  // Binary frames arrive base64-encoded, text frames as text. A live socket's frames do not hold the window open.
  session.on('Network.webSocketFrameReceived', ({ response }) => {
    totals.wsBytes +=
      response.opcode === 2
        ? Buffer.from(response.payloadData, 'base64').length
        : Buffer.byteLength(response.payloadData);
  });
  await session.send('Network.enable');
  // A first visit is what we measure: nothing from an earlier load may come from a cache.
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  return totals;
}

const readProbe = (page: Page) =>
  page.evaluate(() => {
    const state = (window as never as { __hostCost?: Probe }).__hostCost;
    return {
      now: performance.now(),
      longTasks: state?.longTasks ?? [],
      launcherAt: state?.launcherAt ?? null,
      peerState: (window as never as { __peerState?: string }).__peerState ?? null,
    };
  });

/** Milliseconds still to wait for the launcher: until it shows, then 2 s past it (none in a warm-up). */
function launcherWait(state: { now: number; launcherAt: number | null }, launcher: boolean, quick: boolean) {
  if (!launcher) return 0;
  if (state.launcherAt === null) return pollMs;
  return quick ? 0 : state.launcherAt + afterLauncherMs - state.now;
}

/** Waits for load, then for 3 s without long tasks or HTTP activity, and 2 s past the launcher. */
async function waitForWindow(
  page: Page,
  network: { lastActivity: number },
  launcher: boolean,
  quick: boolean,
) {
  await page.waitForLoadState('load');
  const loadedAt = Date.now();
  let lastTasks = 0;
  let lastTaskAt = loadedAt;
  for (;;) {
    const state = await readProbe(page);
    if (state.longTasks.length !== lastTasks) {
      lastTasks = state.longTasks.length;
      lastTaskAt = Date.now();
    }
    const quietLeft = quick ? 0 : Math.max(loadedAt, lastTaskAt, network.lastActivity) + quietMs - Date.now();
    const left = Math.max(quietLeft, launcherWait(state, launcher, quick));
    if (left <= 0) return { state, capped: false };
    if (state.now >= capMs) return { state, capped: true };
    // Sleeps to the deadline, not past it: each load's window is already 3 s or more.
    await page.waitForTimeout(Math.min(pollMs, left));
  }
}

/** One cold load in a fresh context; `quick` (the warm-up) stops once loaded and the launcher is up. */
async function loadOnce(browser: Browser, hostUrl: string, variant: Variant, quick = false): Promise<Load> {
  const context = await browser.newContext({ viewport });
  try {
    await context.addInitScript({ content: probe });
    await variant.prepare(context, hostUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        errors.push(`console.${message.type()}: ${message.text()}`);
    });
    const network = await watchNetwork(await context.newCDPSession(page));
    await page.goto(`${hostUrl}/product.html`, { waitUntil: 'commit' });
    const { state, capped } = await waitForWindow(page, network, variant.launcher, quick);
    const long = state.longTasks.filter((task) => task.duration > 50 && task.start < state.now);
    return {
      longTasks: long.length,
      totalBlockingMs: long.reduce((sum, task) => sum + task.duration - 50, 0),
      launcherVisibleMs: variant.launcher ? state.launcherAt : null,
      httpBytes: network.httpBytes,
      wsBytes: network.wsBytes,
      requests: network.requests,
      failedRequests: network.failedRequests,
      windowMs: state.now,
      capped,
      peerState: state.peerState,
      backendRequests: network.backendRequests,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** Distinct messages, counted, so a note stays one line. */
function summarize(messages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const message of messages)
    counts.set(message.slice(0, 120), (counts.get(message.slice(0, 120)) ?? 0) + 1);
  return [...counts].map(([message, count]) => `${count}× ${message}`).join('; ');
}

function noteFor(variant: Variant, loads: readonly Load[]): string | undefined {
  const parts = variant.note ? [variant.note] : [];
  const states = [...new Set(loads.map((load) => load.peerState).filter((state) => state !== null))];
  if (states.length > 0) {
    const calls = loads.map((load) => load.backendRequests);
    parts.push(
      `its start() at the end of the window: ${states.join(' | ')}, after ${Math.min(...calls)}–${Math.max(...calls)} requests to its dead API paths`,
    );
  }
  const capped = loads.filter((load) => load.capped).length;
  if (capped > 0)
    parts.push(`${capped} of ${loads.length} loads never went quiet and were cut at ${capMs} ms`);
  const missing = loads.filter((load) => variant.launcher && load.launcherVisibleMs === null).length;
  if (missing > 0) parts.push(`the launcher was not visible in ${missing} of ${loads.length} loads`);
  const errors = loads.flatMap((load) => load.errors);
  if (errors.length > 0) parts.push(`console: ${summarize(errors)}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function summary(variant: Variant, loads: readonly Load[]): HostCost {
  const of = (pick: (load: Load) => number) => loads.map(pick);
  const seen = loads.map((load) => load.launcherVisibleMs).filter((value) => value !== null);
  const note = noteFor(variant, loads);
  return {
    name: variant.name,
    runs: loads.length,
    longTasks: median(of((load) => load.longTasks)),
    totalBlockingMs: round(median(of((load) => load.totalBlockingMs))),
    launcherVisibleMs: seen.length > 0 ? round(median(seen)) : null,
    bytes: median(of((load) => load.httpBytes + load.wsBytes)),
    wsBytes: median(of((load) => load.wsBytes)),
    requests: median(of((load) => load.requests)),
    failedRequests: median(of((load) => load.failedRequests)),
    windowMs: round(median(of((load) => load.windowMs))),
    spread: {
      longTasks: spread(of((load) => load.longTasks)),
      totalBlockingMs: spread(of((load) => load.totalBlockingMs)),
      launcherVisibleMs: seen.length > 0 ? spread(seen) : null,
      bytes: spread(of((load) => load.httpBytes + load.wsBytes)),
      requests: spread(of((load) => load.requests)),
      windowMs: spread(of((load) => load.windowMs)),
    },
    ...(note ? { note } : {}),
  };
}

/** `runs` cold loads of each variant, interleaved so that drift in the machine falls on all alike. */
export async function measureHostCost(browser: Browser, hostUrl: string, runs: number): Promise<HostCost[]> {
  const origin = new URL(hostUrl).origin;
  for (const variant of variants) await loadOnce(browser, origin, variant, true);
  const loads = variants.map((): Load[] => []);
  for (let run = 0; run < runs; run++)
    for (const [index, variant] of variants.entries())
      loads[index]?.push(await loadOnce(browser, origin, variant));
  return variants.map((variant, index) => summary(variant, loads[index] ?? []));
}
