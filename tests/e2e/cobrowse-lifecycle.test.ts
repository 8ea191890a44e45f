import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { chatWithAlice, cobrowsePages, startByApi, tandemCommand } from '../support/cobrowse';
import { agentOverWebSocket, useHost } from '../support/host';

// Open around the clock, and a co-browse started from a chat ends after 3 s without activity.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
config.cobrowse = { ...config.cobrowse, inactivitySec: { chat: 3 } };
const env = useHost({ config });
const { open, agentDesk } = cobrowsePages(env);

/** Listeners on the page's window and document, and the JS heap after a full collection. */
async function footprint(cdp: CDPSession): Promise<{ listeners: number; heap: number }> {
  let listeners = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const found = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId ?? '' });
    listeners += found.listeners.length;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { listeners, heap: usedSize };
}

describe('co-browse lifecycle (real Chromium, reference server)', () => {
  it('ends on inactivity of the chat it came from, and both sides see why', async () => {
    const desk = await agentDesk();
    const shop = await open('/');
    await chatWithAlice(desk, shop);
    await tandemCommand(shop, 'Cobrowse.start');
    await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
    await shop.getByText('Screen sharing ended after a period of inactivity.').waitFor({ timeout: 10_000 });
    await desk.locator('.cobrowse-view').getByText('Co-browse ended: inactivity').waitFor();
    // The chat itself goes on.
    expect(await shop.getByRole('dialog', { name: /Chat with Alice/ }).count()).toBe(1);
  });

  it('leaves nothing behind after repeated sessions: no listeners, no growing heap, nothing sent after Stop', async () => {
    const shop = await open('/order.html');
    await shop.getByRole('button', { name: 'Contact us' }).waitFor();
    const agent = agentOverWebSocket(env.host, 'bruno');
    await agent.start();
    const cdp = await shop.context().newCDPSession(shop);
    const cycle = async () => {
      const sessionId = await startByApi(shop);
      await agent.joinCobrowse(sessionId);
      await shop.getByRole('button', { name: 'Stop sharing' }).waitFor();
      // The agent draws, which puts marks and their timers on the page.
      await agent.sendCobrowse(sessionId, 'annotation', {
        shape: 'rect',
        points: [
          [10, 10],
          [90, 60],
        ],
      });
      await tandemCommand(shop, 'Cobrowse.stop');
      await shop.getByText('You stopped sharing this tab.').waitFor();
      await shop.getByRole('button', { name: 'Close' }).click();
    };
    for (let warmUp = 0; warmUp < 3; warmUp++) await cycle();
    const before = await footprint(cdp);
    for (let round = 0; round < 10; round++) await cycle();
    const after = await footprint(cdp);
    expect(after.listeners).toBe(before.listeners);
    // Ten sessions' worth of snapshots, events and marks would be megabytes; a flat heap moves by less.
    expect(after.heap - before.heap).toBeLessThan(1_000_000);

    // After Stop, changing the page sends nothing: recording and its observers are gone.
    const sent = await shop.evaluate(async () => {
      let frames = 0;
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data) {
        frames++;
        return send.call(this, data);
      };
      for (let i = 0; i < 50; i++) document.querySelector('main')?.append(document.createElement('p'));
      window.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      WebSocket.prototype.send = send;
      return frames;
    });
    expect(sent).toBe(0);
    agent.stop();
  }, 120_000);
});
