import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { agentOverWebSocket, asSupervisor, customerOverWebSocket, useHost } from '../support/host';

const env = useHost({ browser: false });

const wsUrl = () => `${env.host.url.replace('http', 'ws')}/tandem`;
const fast = { backoffBaseMs: 20, backoffCapMs: 200 };
const until = async (check: () => boolean, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('protocol v1 over a real WebSocket on loopback', () => {
  it('keeps both sides identical, none lost or doubled, across 100 random cuts', async () => {
    let seed = 2026;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const agent = agentOverWebSocket(env.host, 'alice', fast);
    const agentSaw: string[] = [];
    let interactionId = '';
    agent.on('invite', (invite) => {
      interactionId = invite.interactionId;
      void agent.accept(invite.interactionId);
    });
    agent.on('message', ({ message }) => {
      if (message.from !== 'system') agentSaw.push(message.text);
    });
    let drops = 0;
    agent.onConnectionChange((state) => {
      if (state === 'offline') drops++;
    });
    await agent.start();
    await agent.setState('Ready');

    const customer = customerOverWebSocket(env.host, fast);
    const customerSaw: string[] = [];
    customer.onEvent(({ name, data }) => {
      const message = data as { from: string; text: string };
      if (name === 'chat.message' && message.from !== 'system') customerSaw.push(message.text);
    });
    customer.onStateChange((state) => {
      if (state === 'offline') drops++;
    });
    customer.start();
    await customer.command('chat.start', { subject: 'orders' });
    await until(
      () =>
        interactionId !== '' && env.host.contactCenter.interactions.get(interactionId)?.state === 'connected',
    );

    const sent: Promise<unknown>[] = [];
    let cuts = 0;
    let count = 0;
    // Talk until 200 messages are out and 100 live connections have been cut at random points.
    for (let i = 0; i < 200 || cuts < 100; i++) {
      const text = i % 2 === 0 ? `customer ${i}` : `agent ${i}`;
      sent.push(
        i % 2 === 0 ? customer.command('chat.send', { id: `m${i}`, text }) : agent.send(interactionId, text),
      );
      count++;
      const open = [...env.host.sockets].filter((socket) => socket.readyState === WebSocket.OPEN);
      const victim = open[Math.floor(random() * open.length)];
      if (victim && cuts < 100 && random() < 0.6) {
        victim.terminate();
        cuts++;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 15)));
    }
    await Promise.all(sent);
    const transcript = env.host.contactCenter.interactions
      .get(interactionId)!
      .transcript.filter((m) => m.from !== 'system')
      .map((m) => m.text);
    await until(() => customerSaw.length >= count && agentSaw.length >= count);
    expect(cuts).toBe(100);
    // Each cut really dropped a live connection that then came back.
    expect(drops).toBeGreaterThanOrEqual(90);
    expect(transcript).toHaveLength(count);
    expect(new Set(transcript).size).toBe(count);
    expect(customerSaw).toEqual(transcript);
    expect(agentSaw).toEqual(transcript);
    customer.stop();
    agent.stop();
  }, 120_000);

  it('refuses a browser origin that is not allowed, and an oversized frame, without harm to others', async () => {
    const refused = new WebSocket(wsUrl(), { headers: { origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) =>
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);

    const big = new WebSocket(wsUrl());
    await new Promise((resolve) => big.on('open', resolve));
    const closed = new Promise<number>((resolve) => big.on('close', (code) => resolve(code)));
    big.send('x'.repeat(1024 * 1024 + 10));
    expect(await closed).toBe(1009);

    const flood = new WebSocket(wsUrl());
    await new Promise((resolve) => flood.on('open', resolve));
    const floodClosed = new Promise<number>((resolve) => flood.on('close', (code) => resolve(code)));
    for (let i = 0; i < 2000; i++) flood.send('{"type":"ping"}');
    expect(await floodClosed).toBe(4429);

    const health = await fetch(`${env.host.url}/api/health`).then((r) => r.json());
    expect(health.status).toBe('ok');
    const realtime = await fetch(`${env.host.url}/api/reports/realtime`, asSupervisor).then((r) => r.json());
    expect(realtime).toMatchObject({ agents: { chatWithCobrowse: 0 }, chat: { withCobrowse: 0 } });
  });
});
