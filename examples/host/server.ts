import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type RunningServer,
  readConfigFile,
  type StaticSite,
  type StoreOptions,
  startServer,
} from '@tandem/server';
import { shopHeaders } from './shop-site';

// The example sites on the Tandem server: the shop, the agent desktop, the phone and the npm example.
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
  /** Demo mode (plain passwords in the config), on unless told otherwise: the demo agents' file has them. */
  demo?: boolean;
  /** Where the server's lines for the operator go (tests that restart it mid-test keep them quiet). */
  notice?: (line: string) => void;
  /** Where the state outlives a restart (PostgreSQL or a data folder); memory only without. */
  storage?: StoreOptions;
}

export type RunningHost = RunningServer;

export const shopDir = join(examplesDir, 'shop');
export const defaultConfigPath = join(examplesDir, 'contact-center.json');
/** `npm start` keeps the demo's conversations here between runs (git ignores it). */
export const defaultDataDir = join(repoRoot, '.tandem-data');

const pageHeaders = shopHeaders();

// The agent desktop replays customers' pages: their own styles and images must apply in the view
// (scripts stay blocked here, and by the viewer's sandbox).
const agentHeaders = {
  ...pageHeaders,
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' http: https:; img-src 'self' data: blob: http: https:; font-src 'self' data: http: https:; connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'none'",
};

/** Path prefix → folder; "/" is the demo shop. */
const sites: readonly StaticSite[] = [
  { prefix: '/agent/', dir: join(examplesDir, 'agent'), headers: agentHeaders },
  { prefix: '/phone/', dir: join(examplesDir, 'phone'), headers: pageHeaders },
  { prefix: '/npm-example/', dir: join(examplesDir, 'npm-example'), headers: pageHeaders },
  { prefix: '/', dir: shopDir, headers: pageHeaders },
];

export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const { fixturesDir, configPath, config, sdkDir, demo, ...rest } = options;
  return startServer({
    ...rest,
    demo: demo ?? true,
    config: config ?? readConfigFile(configPath ?? defaultConfigPath),
    sdkDir: sdkDir ?? join(repoRoot, 'dist'),
    sites: [...(fixturesDir ? [{ prefix: '/fixtures/', dir: fixturesDir }] : []), ...sites],
  });
}
