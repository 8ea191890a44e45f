import { defaultDataDir, shopDir, startHost } from './server';
import { startShopSite } from './shop-site';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const configPath = process.env.TANDEM_CONFIG;
const allowedOrigins = process.env.TANDEM_ALLOWED_ORIGINS?.split(',').map((origin) => origin.trim());
// Conversations outlive a restart: PostgreSQL with DATABASE_URL, else the embedded one in a folder.
const databaseUrl = process.env.DATABASE_URL;
const storage =
  process.env.TANDEM_MEMORY === '1'
    ? undefined
    : databaseUrl
      ? {
          databaseUrl,
          ...(process.env.TANDEM_DATABASE_SCHEMA ? { schema: process.env.TANDEM_DATABASE_SCHEMA } : {}),
        }
      : { dataDir: process.env.TANDEM_DATA_DIR ?? defaultDataDir };
const running = await startHost({
  port,
  host,
  ...(storage ? { storage } : {}),
  ...(configPath ? { configPath } : {}),
  ...(allowedOrigins ? { allowedOrigins } : {}),
}).catch((error: unknown) => {
  // A bad config file or a busy port: say which, without a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

// The same shop on another origin (127.0.0.1 is not localhost), embedding Tandem as a CDN customer would.
// Only a demo: a busy port leaves it out, not the rest.
const site = await startShopSite({
  dir: shopDir,
  tandemOrigin: running.url,
  port: Number(process.env.SITE_PORT ?? port + 1),
  host,
}).catch((error: unknown) => {
  console.warn(`The cross-origin shop is left out: ${error instanceof Error ? error.message : error}`);
  return undefined;
});
if (site) running.allowOrigin(site.url);
const siteLine = site
  ? `\n  ${site.url}/        the same shop on another origin, with Tandem from ${running.url}`
  : '';

console.log(`Tandem examples are running:
  ${running.url}/              demo shop (script tag)${siteLine}
  ${running.url}/agent/        agent desktop
  ${running.url}/phone/        phone simulator
  ${running.url}/npm-example/  app built from the npm packages
  ${running.url}/npm-example/own-backend.html  the widgets on a backend of the page's own (chat only)
  ${running.url}/sdk/          built bundles (tandem.js)
  ${`${running.url.replace('http', 'ws')}/tandem`.padEnd(running.url.length + 14)} WebSocket endpoint (protocol v1)
  ${running.url}/api/health    health; reports under /api/reports/ for supervisors (dana / dana)
Contact center: ${configPath ?? 'examples/contact-center.json'} (set TANDEM_CONFIG to use your own).
State: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : storage ? `${storage.dataDir} (TANDEM_DATA_DIR; TANDEM_MEMORY=1 keeps nothing)` : 'memory only'}.
Demo mode: agents sign in with their first name as username and password.
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all([running.close(), site?.close()]).then(() => process.exit(0));
  });
}
