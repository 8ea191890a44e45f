// The browser tests drive Debian's browsers: Chromium (e2e), Firefox ESR and WebKitGTK on a virtual display
// (the engines' projects). `node tools/ensure-browsers.mjs [chromium] [firefox] [webkit]` (all by default)
// checks each; on a fresh machine (root, apt available) it installs Debian's packages, elsewhere it says
// exactly what is missing. Never downloads a browser build of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const fileOrEnv = (variable, path) => existsSync(process.env[variable] ?? path);

const browsers = {
  chromium: {
    packages: ['chromium'],
    variable: 'TANDEM_CHROMIUM',
    present: () =>
      process.env.TANDEM_CHROMIUM ? existsSync(process.env.TANDEM_CHROMIUM) : onPath('chromium'),
  },
  firefox: {
    packages: ['firefox-esr'],
    variable: 'TANDEM_FIREFOX',
    present: () => fileOrEnv('TANDEM_FIREFOX', '/usr/bin/firefox-esr'),
  },
  webkit: {
    // WebKitWebDriver and MiniBrowser; MiniBrowser has no headless mode, hence Xvfb.
    packages: ['webkit2gtk-driver', 'xvfb'],
    variable: 'TANDEM_WEBKIT_DRIVER and TANDEM_MINIBROWSER',
    present: () =>
      fileOrEnv('TANDEM_WEBKIT_DRIVER', '/usr/bin/WebKitWebDriver') &&
      fileOrEnv('TANDEM_MINIBROWSER', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser') &&
      onPath('Xvfb'),
  },
};

const asked = process.argv.slice(2);
for (const name of asked)
  if (!(name in browsers)) fail(`Unknown browser "${name}": chromium, firefox or webkit.`);
const missing = (asked.length ? asked : Object.keys(browsers)).filter((name) => !browsers[name].present());
if (missing.length === 0) process.exit(0);

// A path set by hand that does not exist is a mistake to point out, not a package to install.
for (const name of missing) {
  const wrong = browsers[name].variable
    .split(' and ')
    .filter((variable) => process.env[variable] && !existsSync(process.env[variable]));
  if (wrong.length)
    fail(wrong.map((variable) => `${variable}=${process.env[variable]} does not exist.`).join(' '));
}

const packages = missing.flatMap((name) => browsers[name].packages);
const isRoot = process.getuid?.() === 0;
const hasApt = onPath('apt-get');
if (!isRoot || !hasApt) {
  const variables = missing.map((name) => browsers[name].variable).join(', ');
  fail(
    `Missing for the browser tests: ${missing.join(', ')}. Install Debian's packages (sudo apt-get install ${packages.join(' ')}) or set ${variables}.`,
  );
}
console.log(`Installing Debian's ${packages.join(', ')} for the browser tests (apt-get install)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });

function fail(message) {
  console.error(message);
  process.exit(1);
}
