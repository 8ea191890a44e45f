import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { launchBrowser, watchPage } from '../support/browser';
import { chatWithAlice } from '../support/cobrowse';

// Issue 18: the server killed (SIGKILL) mid-conversation and started again on its data folder, as
// `npm start` runs it. The visitor's page is on the cross-origin shop; both sides go on, every message once.
const work = mkdtempSync(join(tmpdir(), 'tandem-restart-'));
const configPath = join(work, 'contact-center.json');
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
writeFileSync(configPath, JSON.stringify(config));

/** A port nobody listens on now (the restarted server must come back on the same one). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const { DATABASE_URL: _url, ...withoutDatabaseUrl } = process.env;
let ports = { server: 0, site: 0 };
let host: ChildProcess | undefined;
let browser: Browser;

async function startHost(dataDir: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/host/main.ts'], {
    env: {
      ...withoutDatabaseUrl,
      TANDEM_MEMORY: '0',
      PORT: String(ports.server),
      SITE_PORT: String(ports.site),
      TANDEM_CONFIG: configPath,
      TANDEM_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host = child;
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await expect.poll(() => output, { timeout: 60_000 }).toContain('Tandem examples are running');
}

/** SIGKILL: a crash, nothing more is written. SIGTERM: a drain, and the process exits 0. */
async function kill(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<number | null> {
  const child = host;
  if (!child || child.exitCode !== null || child.signalCode !== null) return null;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

beforeAll(async () => {
  ports = { server: await freePort(), site: await freePort() };
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await kill();
  rmSync(work, { recursive: true, force: true });
});

// While the server is down, the browser reports the refused connections: expected here, nothing else is.
const serverDown = /WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|Failed to load resource/;
const pages: Array<{ page: Page; problems: string[] }> = [];
afterEach(async () => {
  await kill();
  for (const { page, problems } of pages.splice(0)) {
    expect(problems.filter((problem) => !serverDown.test(problem))).toEqual([]);
    await page.context().close();
  }
});

async function open(url: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  pages.push({ page, problems: watchPage(page).problems });
  await page.goto(url);
  return page;
}

async function signedInDesk(): Promise<Page> {
  const desk = await open(`http://localhost:${ports.server}/agent/`, { width: 1400, height: 1000 });
  await desk.getByLabel('Username').fill('alice');
  await desk.getByLabel('Password').fill('alice');
  await desk.getByRole('button', { name: 'Log in' }).click();
  await desk.getByLabel('My state').waitFor();
  return desk;
}

const text = (page: Page, name: string) =>
  page
    .getByRole('log', { name })
    .evaluate((log) => log.textContent ?? '')
    .catch(() => '');

async function send(where: ReturnType<Page['getByRole']> | Page, line: string): Promise<void> {
  await where.getByLabel('Message').fill(line);
  await where.getByRole('button', { name: 'Send' }).click();
}

async function expectOnce(desk: Page, shop: Page, lines: readonly string[]): Promise<void> {
  const onDesk = await text(desk, 'Transcript');
  const inShop = await text(shop, 'Conversation');
  for (const line of lines) {
    expect(onDesk.split(line).length - 1, `desk: ${line}`).toBe(1);
    expect(inShop.split(line).length - 1, `shop: ${line}`).toBe(1);
  }
}

describe('the server killed mid-conversation and started again (real Chromium, cross-origin shop)', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'after %s the chat goes on: what was sent while it was down arrives, every message once',
    async (signal) => {
      const dataDir = join(work, signal);
      await startHost(dataDir);
      const desk = await signedInDesk();
      const shop = await open(`http://127.0.0.1:${ports.site}/`);
      const chat = await chatWithAlice(desk, shop);
      const transcript = desk.getByRole('log', { name: 'Transcript' });
      await send(chat, 'Before the crash');
      await transcript.getByText('Before the crash').waitFor();
      await send(desk, 'Answered before the crash');
      await chat.getByText('Answered before the crash').waitFor();

      const code = await kill(signal);
      if (signal === 'SIGTERM') expect(code).toBe(0);
      await send(chat, 'Written while the server is down');
      await startHost(dataDir);

      await transcript.getByText('Written while the server is down').waitFor({ timeout: 30_000 });
      await send(desk, 'Answered after the restart');
      await chat.getByText('Answered after the restart').waitFor({ timeout: 30_000 });
      await send(chat, 'Thanks!');
      await transcript.getByText('Thanks!').waitFor();
      await expectOnce(desk, shop, [
        'Before the crash',
        'Answered before the crash',
        'Written while the server is down',
        'Answered after the restart',
        'Thanks!',
      ]);
      expect(await axeViolations(shop), 'shop after the restart').toEqual([]);
    },
    180_000,
  );

  it('an agent who reloads the desktop after the restart is still signed in, with the conversation', async () => {
    const dataDir = join(work, 'reload');
    await startHost(dataDir);
    const desk = await signedInDesk();
    const shop = await open(`http://127.0.0.1:${ports.site}/`);
    const chat = await chatWithAlice(desk, shop);
    await send(chat, 'Before the crash');
    await desk.getByRole('log', { name: 'Transcript' }).getByText('Before the crash').waitFor();

    await kill();
    await startHost(dataDir);
    await desk.reload();
    const transcript = desk.getByRole('log', { name: 'Transcript' });
    await transcript.getByText('Before the crash').waitFor({ timeout: 30_000 });
    expect(await desk.getByLabel('Password').count()).toBe(0);

    await send(chat, 'After the restart and the reload');
    await transcript.getByText('After the restart and the reload').waitFor({ timeout: 30_000 });
    await send(desk, 'Still here');
    await chat.getByText('Still here').waitFor({ timeout: 30_000 });
    await expectOnce(desk, shop, ['Before the crash', 'After the restart and the reload', 'Still here']);
    expect(await axeViolations(desk), 'desktop after the restart').toEqual([]);
  }, 180_000);
});
