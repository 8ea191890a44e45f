import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReferenceServer, type ReferenceServer } from '@tandem/sdk-core/server';
import type { WebSocket } from 'ws';
import { phoneRoute } from './phone-api';
import { serveSdkFile } from './sdk-files';
import { shopHeaders } from './shop-site';
import { readStatic } from './static';
import { attachTandemSocket } from './tandem-socket';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(examplesDir, '..');

export interface HostOptions {
  port?: number;
  host?: string;
  /** Where the built script-tag bundles are (dist/ at the repo root by default). */
  sdkDir?: string;
  /** The contact center's JSON config file (examples/contact-center.json by default). */
  configPath?: string;
  /** The contact center's config itself, instead of a file (tests change the hours or lease times). */
  config?: unknown;
  /** Extra browser origins allowed on the WebSocket besides the host's own; '*' for any. */
  allowedOrigins?: readonly string[] | '*';
  maxFrameBytes?: number;
  /** Test pages served at /fixtures/ (with inline scripts, so without the shop's CSP). */
  fixturesDir?: string;
}

export interface RunningHost {
  readonly url: string;
  readonly server: Server;
  readonly contactCenter: ReferenceServer;
  /** Open WebSocket connections (tests cut them to prove delivery survives). */
  readonly sockets: ReadonlySet<WebSocket>;
  /** Lets pages of one more origin connect to the WebSocket (a site embedding Tandem from here). */
  allowOrigin(origin: string): void;
  close(): Promise<void>;
}

export const shopDir = join(examplesDir, 'shop');

/** Path prefix → folder. The longest prefix wins; "/" is the demo shop. */
const sites: ReadonlyArray<readonly [string, string]> = [
  ['/agent/', join(examplesDir, 'agent')],
  ['/phone/', join(examplesDir, 'phone')],
  ['/npm-example/', join(examplesDir, 'npm-example')],
  ['/', shopDir],
];

const pageHeaders = shopHeaders();

// The agent desktop replays customers' pages: their own styles and images must apply in the view
// (scripts stay blocked here, and by the viewer's sandbox).
const agentHeaders = {
  ...pageHeaders,
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' http: https:; img-src 'self' data: blob: http: https:; font-src 'self' data: http: https:; connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'none'",
};

export const defaultConfigPath = join(examplesDir, 'contact-center.json');

function readConfig(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Tandem server config: cannot read ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`Tandem server config: ${path} is not valid JSON (${(error as Error).message})`);
  }
}

export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const sdkDir = options.sdkDir ?? join(repoRoot, 'dist');
  const configPath = options.configPath ?? defaultConfigPath;
  const contactCenter = createReferenceServer({
    config: options.config ?? readConfig(configPath),
    onError: (error) => console.error('reference server: a command failed', error),
  });
  const origins: string[] = [];
  const server = createServer((request, response) => {
    handle(request, response, sdkDir, contactCenter, options.fixturesDir).catch((error: unknown) => {
      console.error('host: request failed', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const socket = attachTandemSocket(server, {
    path: '/tandem',
    allowedOrigins: options.allowedOrigins === '*' ? '*' : origins,
    maxFrameBytes: options.maxFrameBytes ?? 1024 * 1024,
    accept: (peer) => contactCenter.accept(peer),
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const bound = options.host ?? '127.0.0.1';
  const url = `http://${bound === '127.0.0.1' || bound === '0.0.0.0' ? 'localhost' : bound}:${port}`;
  origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`, url);
  if (Array.isArray(options.allowedOrigins)) origins.push(...options.allowedOrigins);
  return {
    url,
    server,
    contactCenter,
    sockets: socket.sockets,
    allowOrigin: (origin) => origins.push(origin),
    close: () =>
      new Promise<void>((resolveClose) => {
        socket.close();
        contactCenter.close();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** JSON reports of the reference server (seed 000's co-browse reports among them). */
const reportRoutes: Record<string, (cc: ReferenceServer) => unknown> = {
  '/api/reports/interactions': (cc) => cc.reports.interactions(),
  '/api/reports/ratings': (cc) => cc.reports.ratings(),
  '/api/reports/cobrowse': (cc) => cc.reports.cobrowseDetail(),
  '/api/reports/cobrowse-summary': (cc) => cc.reports.cobrowseSummary(),
  '/api/reports/realtime': (cc) => cc.reports.realtime(),
  '/api/reports/availability': (cc) => cc.availability(),
};

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  sdkDir: string,
  contactCenter: ReferenceServer,
  fixturesDir?: string,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://host');
  const path = url.pathname;
  const phone = await phoneRoute(request, path, contactCenter);
  if (phone) return json(response, phone.status, phone.body);
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
  if (path === '/api/health')
    return json(response, 200, { status: 'ok', sessions: contactCenter.sessionCount });
  const report = reportRoutes[path];
  if (report) return json(response, 200, report(contactCenter));
  if (path.startsWith('/api/')) return json(response, 404, { error: 'not_found' });
  if (path === '/tandem') return send(response, 426, 'Upgrade to WebSocket (protocol v1) on this path.');
  if (path.startsWith('/sdk/')) {
    if (await serveSdkFile(request, response, sdkDir, path.slice('/sdk'.length))) return;
    return send(response, 404, 'Not found');
  }
  if (fixturesDir && path.startsWith('/fixtures/'))
    return file(response, fixturesDir, path.slice('/fixtures'.length), {});
  for (const [prefix, dir] of sites) {
    if (path === prefix.slice(0, -1) && prefix !== '/') return redirect(response, prefix);
    if (path.startsWith(prefix))
      return file(
        response,
        dir,
        path.slice(prefix.length - 1),
        prefix === '/agent/' ? agentHeaders : pageHeaders,
      );
  }
  return send(response, 404, 'Not found');
}

async function file(response: ServerResponse, dir: string, path: string, headers: Record<string, string>) {
  const found = await readStatic(dir, path);
  if (!found) return send(response, 404, 'Not found');
  response.writeHead(200, { 'content-type': found.contentType, 'cache-control': 'no-cache', ...headers });
  response.end(found.body);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { location });
  response.end();
}
