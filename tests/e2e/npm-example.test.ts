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

describe('npm example at /npm-example/ (built from the packages’ dist, real Chromium)', () => {
  it('chats through its own UI on the headless Chat API, and keeps the chat across a reload', async () => {
    const agent = createAgentClient({
      transport: websocketTransport({
        url: `${host.url.replace('http', 'ws')}/tandem`,
        WebSocket: WebSocket as never,
      }),
      username: 'chen',
      password: 'chen',
    });
    agent.on('invite', (invite) => void agent.accept(invite.interactionId));
    let conversation = '';
    agent.on('connected', (event) => {
      conversation = event.interactionId;
    });
    await agent.start();
    await agent.setState('Ready');

    const page = await (await browser.newContext()).newPage();
    const watched = watchPage(page);
    await page.goto(`${host.url}/npm-example/`);
    await page.getByRole('button', { name: 'Ask a barista' }).click();
    const log = page.getByRole('log', { name: 'Conversation' });
    await page.getByRole('status').filter({ hasText: 'Chatting with Chen Wei' }).waitFor();
    await page.getByLabel('Your message').fill('Which grind for a moka pot? <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Send' }).click();
    await log.getByText('You: Which grind for a moka pot? <script>alert(1)</script>').waitFor();
    await expect.poll(() => conversation).not.toBe('');
    await agent.send(conversation, 'A fine grind, a little coarser than espresso.');
    await log.getByText('Chen Wei: A fine grind, a little coarser than espresso.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('button', { name: 'Ask a barista' }).click();
    await log.getByText('Chen Wei: A fine grind, a little coarser than espresso.').waitFor();
    const texts = await log.getByRole('listitem').allTextContents();
    expect(texts.filter((t) => t.includes('moka pot'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('coarser than espresso'))).toHaveLength(1);
    expect(watched.problems).toEqual([]);
    agent.stop();
  });
});
