import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocket } from 'ws';
import { jwtVerifier } from '../auth/jwt';
import { isPasswordHash, passwordCheck } from '../auth/passwords';
import {
  checkServerConfig,
  createReferenceServer,
  openReferenceServer,
  type ReferenceServer,
  type ServerConfig,
} from '../contact-center';
import { openStore, type Store, type StoreOptions } from '../storage/store';
import { minPhoneTokenLength, type PhoneAccess, phoneRoute } from './phone-api';
import { serveSdkFile } from './sdk-files';
import { readStatic } from './static';
import { refuseUnlessSupervisor } from './supervisor-auth';
import { attachTandemSocket, type ConnectionLimits, defaultConnectionLimits } from './tandem-socket';

/** A folder served under a path prefix (`/agent/`), with the response headers its pages need. */
export interface StaticSite {
  readonly prefix: string;
  readonly dir: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ServerOptions {
  port?: number;
  host?: string;
  /** The contact center's config (agents, subjects, hours, number pools), as JSON gives it. */
  config: unknown;
  /** Where the built script-tag bundles are, served at /sdk/ as a CDN would; none without. */
  sdkDir?: string;
  /** Extra browser origins allowed on the WebSocket besides the server's own; '*' for any. */
  allowedOrigins?: readonly string[] | '*';
  maxFrameBytes?: number;
  /** Static sites, first match wins: list longer prefixes first, '/' last. */
  sites?: readonly StaticSite[];
  /** Demo mode: agents may sign in with the plain passwords of the config (logged at start). */
  demo?: boolean;
  /**
   * The token a telephony gateway sends (`Authorization: Bearer`) on /api/phone/; at least 32 characters.
   * Without it the phone network's API is off, except in demo mode, where the simulator page uses it.
   */
  phoneToken?: string;
  /** Where lines an operator should read go (demo mode); console.warn by default. */
  notice?: (line: string) => void;
  /** Open WebSocket connections per address and in all (defaults: 64 per address, loopback exempt; 10,000). */
  connections?: Partial<ConnectionLimits>;
  /**
   * Where conversations, sessions and the rest outlive the process: PostgreSQL (`databaseUrl`) or the
   * embedded one in `dataDir`. Without, everything is in memory and a restart forgets it.
   */
  storage?: StoreOptions;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly contactCenter: ReferenceServer;
  /** Open WebSocket connections (tests cut them to prove delivery survives). */
  readonly sockets: ReadonlySet<WebSocket>;
  /** Lets pages of one more origin connect to the WebSocket (a site embedding Tandem from here). */
  allowOrigin(origin: string): void;
  close(): Promise<void>;
}

/** A contact-center config file, read and parsed, or an error that says which file and why. */
export function readConfigFile(path: string): unknown {
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

/**
 * Outside demo mode every agent's password must be a hash: a plain one in a real deployment is a leak
 * waiting in a file. Names the first such agent, and how to make a hash.
 */
function refusePlainPasswords(config: ServerConfig, demo: boolean): void {
  if (demo) return;
  const index = config.agents.findIndex(
    (agent) => typeof agent.password === 'string' && !isPasswordHash(agent.password),
  );
  if (index >= 0)
    throw new Error(
      `Tandem server config: agents[${index}].password: expected a scrypt hash (make one with "tandem-server hash-password"), got a plain password; plain passwords are for demo mode only (--demo)`,
    );
}

/** Who may use the phone network's API; a token too short to be safe stops the start, naming it. */
function phoneAccess(token: string | undefined, demo: boolean): PhoneAccess {
  if (token !== undefined && token.length < minPhoneTokenLength)
    throw new Error(
      `TANDEM_PHONE_TOKEN: expected at least ${minPhoneTokenLength} characters (a random secret), got ${token.length}`,
    );
  if (token !== undefined) return { token };
  return demo ? { open: true } : null;
}

/** The contact center on HTTP and WebSocket: /tandem (protocol v1), /api/ (health, reports, phone), /sdk/, sites. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const demo = options.demo === true;
  // Checked whole before anything opens (a database, a data folder).
  const config = checkServerConfig(options.config);
  refusePlainPasswords(config, demo);
  const phone = phoneAccess(options.phoneToken, demo);
  const notice = options.notice ?? console.warn;
  const jwt = config.auth?.jwt;
  const base = {
    config: options.config,
    verifyPassword: passwordCheck(demo),
    ...(jwt
      ? {
          verifyToken: jwtVerifier(jwt, (error) =>
            notice(`tandem-server: the identity provider's keys could not be read: ${String(error)}`),
          ),
        }
      : {}),
    onError: (error: unknown) => console.error('tandem-server: a command or a write failed', error),
  };
  const store: Store | undefined = options.storage ? await openStore(options.storage) : undefined;
  const contactCenter = store
    ? await openReferenceServer({ ...base, store }).catch(async (error: unknown) => {
        await store.close();
        throw error;
      })
    : createReferenceServer(base);
  notice(
    `tandem-server: storage: ${store ? store.description : 'memory only (a restart forgets everything)'}`,
  );
  if (demo)
    notice(
      'tandem-server: demo mode: agents sign in with the plain passwords of the config file. Never use it for real.',
    );
  const origins: string[] = [];
  const server = createServer((request, response) => {
    handle(request, response, contactCenter, options, phone).catch((error: unknown) => {
      console.error('tandem-server: request failed', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const socket = attachTandemSocket(server, {
    path: '/tandem',
    allowedOrigins: options.allowedOrigins === '*' ? '*' : origins,
    maxFrameBytes: options.maxFrameBytes ?? 1024 * 1024,
    limits: { ...defaultConnectionLimits, ...options.connections },
    accept: (peer) => contactCenter.accept(peer),
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolveListen());
  }).catch(async (error: unknown) => {
    socket.close();
    await contactCenter.close();
    await store?.close();
    throw error;
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
    // A drain: what the contact center holds is written and its last frames sent, then connections close
    // (clients reconnect to the next run and resume), then the store.
    close: async () => {
      await contactCenter.close();
      socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await store?.close();
    },
  };
}

/** JSON reports of the contact center (seed 000's co-browse reports among them). */
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
  contactCenter: ReferenceServer,
  options: ServerOptions,
  phoneAccess: PhoneAccess,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://host');
  const path = url.pathname;
  const phone = await phoneRoute(request, path, contactCenter, phoneAccess);
  if (phone) return json(response, phone.status, phone.body, phone.headers);
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
  if (path === '/api/health')
    return json(response, 200, { status: 'ok', sessions: contactCenter.sessionCount });
  const report = reportRoutes[path];
  if (report) {
    const refusal = await refuseUnlessSupervisor(request, contactCenter);
    if (refusal) return json(response, refusal.status, refusal.body, refusal.headers);
    return json(response, 200, report(contactCenter));
  }
  if (path.startsWith('/api/')) return json(response, 404, { error: 'not_found' });
  if (path === '/tandem') return send(response, 426, 'Upgrade to WebSocket (protocol v1) on this path.');
  if (options.sdkDir && path.startsWith('/sdk/')) {
    if (await serveSdkFile(request, response, options.sdkDir, path.slice('/sdk'.length))) return;
    return send(response, 404, 'Not found');
  }
  for (const { prefix, dir, headers } of options.sites ?? []) {
    if (path === prefix.slice(0, -1) && prefix !== '/') return redirect(response, prefix);
    if (path.startsWith(prefix)) return file(response, dir, path.slice(prefix.length - 1), headers ?? {});
  }
  return send(response, 404, 'Not found');
}

async function file(
  response: ServerResponse,
  dir: string,
  path: string,
  headers: Readonly<Record<string, string>>,
) {
  const found = await readStatic(dir, path);
  if (!found) return send(response, 404, 'Not found');
  response.writeHead(200, { 'content-type': found.contentType, 'cache-control': 'no-cache', ...headers });
  response.end(found.body);
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
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
