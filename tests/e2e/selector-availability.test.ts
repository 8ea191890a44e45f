import { createAgentClient } from '@tandem/sdk-core/agent';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningHost, startHost } from '../../examples/host/server';
import { websocketTransport } from '../../packages/sdk-core/src/client/websocket-transport';
import { axeViolations } from '../support/axe';
import { launchBrowser, watchPage } from '../support/browser';

let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  host = await startHost({ port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('channel selector against the reference server (real Chromium)', () => {
  it('connects only when opened and shows live availability', async () => {
    const agent = createAgentClient({
      transport: websocketTransport({
        url: `${host.url.replace('http', 'ws')}/tandem`,
        WebSocket: WebSocket as never,
      }),
      username: 'alice',
      password: 'alice',
    });
    await agent.start();
    await agent.setState('Ready');

    const page = await (await browser.newContext()).newPage();
    const watched = watchPage(page);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
    await page.goto(`${host.url}/`);
    const launcher = page.getByRole('button', { name: 'Contact us' });
    await launcher.waitFor();
    expect(sockets).toEqual([]);
    await launcher.click();
    await page.getByRole('button', { name: /Chat with us\s*Available now/ }).waitFor();
    expect(sockets).toEqual(['/tandem']);
    expect(await axeViolations(page)).toEqual([]);
    expect(watched.problems).toEqual([]);
    agent.stop();
  });
});
