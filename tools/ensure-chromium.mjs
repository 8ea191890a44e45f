// The browser tests drive Debian's Chromium. On a fresh machine (root, apt available) install it; elsewhere
// say exactly what is missing. Never downloads a browser build of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const configured = process.env.TANDEM_CHROMIUM;
const found = configured
  ? existsSync(configured)
  : spawnSync('sh', ['-c', 'command -v chromium']).status === 0;
if (found) process.exit(0);
if (configured) fail(`TANDEM_CHROMIUM=${configured} does not exist.`);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
if (!isRoot || !hasApt) {
  fail(
    "Chromium is missing: install Debian's package (sudo apt-get install chromium) or set TANDEM_CHROMIUM.",
  );
}
console.log("Installing Debian's chromium for the browser tests (apt-get install chromium)…");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });

function fail(message) {
  console.error(message);
  process.exit(1);
}
