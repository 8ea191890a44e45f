import { createSessionClient } from '@tandem/sdk-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../sdk-core/src/client/backoff';
import { elapse, settle } from '../../sdk-core/test/session-harness';
import { rawPeer, roomHarness } from './room-harness';

describe('protocol v1 sessions', () => {
  it('handshakes, runs commands and returns their results', async () => {
    const h = roomHarness();
    const { client } = h.client('customer');
    client.start();
    await settle();
    expect(client.state).toBe('online');
    expect(client.subject).toBe('customer-1');
    await expect(client.command('room.say', { text: 'hello' })).resolves.toBe(1);
  });

  it('names the field of an invalid payload and the unknown command', async () => {
    const h = roomHarness();
    const { client } = h.client('customer');
    client.start();
    await settle();
    await expect(client.command('room.say', { text: 42 })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'room.say: text: expected a string, got 42',
    });
    await expect(client.command('room.shout', {})).rejects.toMatchObject({ code: 'unknown_command' });
  });

  it('answers malformed frames with an error naming the problem, and keeps the connection', async () => {
    const h = roomHarness();
    const raw = rawPeer(h);
    await settle();
    raw.transport.send('{not json');
    raw.send({ type: 'hello', version: 1, role: 'robot' });
    raw.send({ type: 'cmd', id: 'has space', name: 'room.say' });
    await settle();
    expect(raw.received).toEqual([
      { type: 'error', code: 'malformed_frame', message: 'frame is not valid JSON' },
      {
        type: 'error',
        code: 'malformed_frame',
        message: expect.stringContaining('role: expected one of "customer", "agent"'),
      },
      {
        type: 'error',
        code: 'malformed_frame',
        message: expect.stringContaining('id: expected an id of 1 to 64'),
      },
    ]);
    expect(raw.closes).toEqual([]);
  });

  it('refuses JSON nested too deep to re-encode, and survives it', async () => {
    const h = roomHarness();
    const raw = rawPeer(h);
    await settle();
    raw.send({ type: 'hello', version: 1, role: 'customer' });
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    raw.transport.send(`{"type":"cmd","id":"x","name":"room.say","payload":${deep}}`);
    raw.send({ type: 'cmd', id: 'y', name: 'room.say', payload: { text: 'still fine' } });
    await settle();
    expect(raw.received[1]).toEqual({
      type: 'error',
      code: 'malformed_frame',
      message: 'frame is nested deeper than 64 levels',
    });
    expect(raw.received.at(-1)).toMatchObject({ type: 'result', id: 'y', ok: true });
    expect(raw.closes).toEqual([]);
  });

  it('closes with 4400 on an unknown version and 4401 on bad agent credentials', async () => {
    const h = roomHarness();
    const old = rawPeer(h);
    const agent = rawPeer(h);
    await settle();
    old.send({ type: 'hello', version: 2, role: 'customer' });
    agent.send({
      type: 'hello',
      version: 1,
      role: 'agent',
      credentials: { username: 'ada', password: 'nope' },
    });
    await settle();
    expect(old.received[0]).toMatchObject({ type: 'error', code: 'bad_version' });
    expect(old.closes).toEqual([4400]);
    expect(agent.received[0]).toMatchObject({ type: 'error', code: 'auth_failed' });
    expect(agent.closes).toEqual([4401]);
  });

  it('closes an oversized frame with 1009 and a flood with 4429, leaving other sessions alone', async () => {
    const h = roomHarness();
    const bystander = h.client('customer');
    bystander.client.start();
    const big = rawPeer(h);
    const flood = rawPeer(h);
    await settle();
    big.transport.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(1024 * 1024) }));
    for (let i = 0; i < 1000; i++) flood.send({ type: 'ping' });
    await settle();
    expect(big.closes).toEqual([1009]);
    expect(flood.closes).toEqual([4429]);
    await expect(bystander.client.command('room.say', { text: 'still here' })).resolves.toBe(1);
  });

  it('replays what was missed while disconnected, without duplicates, and applies a resent command once', async () => {
    const h = roomHarness();
    const customer = h.client('customer');
    const agent = h.client('agent');
    customer.client.start();
    agent.client.start();
    await settle();
    await customer.client.command('room.say', { text: 'one' });
    customer.transport.drop();
    const sent = agent.client.command('room.say', { text: 'two' });
    // The customer's command is queued while offline and sent after the reconnect.
    const queued = customer.client.command('room.say', { text: 'three' });
    await sent;
    await elapse(h.clock, 30_000);
    await queued;
    await settle();
    expect(customer.heard).toEqual(['one', 'two', 'three']);
    expect(agent.heard).toEqual(['one', 'two', 'three']);
    expect(h.log.map((entry) => entry.text)).toEqual(['one', 'two', 'three']);
  });

  it('takes a silent socket for dead within 30 s and reconnects', async () => {
    const h = roomHarness();
    const { client } = h.client('customer');
    client.start();
    await settle();
    // The server end goes silent without closing (a dead TCP connection).
    for (const peer of h.peers) peer.send = () => undefined;
    h.clock.advance(24_999);
    await settle();
    expect(client.state).toBe('online');
    h.clock.advance(1);
    await settle();
    expect(client.state).toBe('offline');
    h.clock.advance(1000);
    await settle();
    expect(client.state).toBe('online');
    expect(h.peers).toHaveLength(2);
  });

  it('queues commands while offline up to a bound, then refuses with queue_full', async () => {
    const h = roomHarness();
    const transport = h.transport();
    const client = createSessionClient({
      transport,
      role: 'customer',
      clock: h.clock,
      random: h.random,
      maxPending: 3,
    });
    const queued = [1, 2, 3].map((n) => client.command('room.say', { text: `q${n}` }));
    await expect(client.command('room.say', { text: 'q4' })).rejects.toMatchObject({ code: 'queue_full' });
    client.start();
    await settle();
    await expect(Promise.all(queued)).resolves.toEqual([1, 2, 3]);
    expect(h.log.map((entry) => entry.text)).toEqual(['q1', 'q2', 'q3']);
  });

  it('backs off exponentially with jitter, capped at 30 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 0.999)).toBeLessThanOrEqual(500);
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(30, () => 0.999)).toBeLessThanOrEqual(30_000);
    expect(backoffDelay(30, () => 0)).toBe(15_000);
  });

  it('loses and duplicates nothing across 100 random cuts of either side', async () => {
    const h = roomHarness(7);
    const customer = h.client('customer');
    const agent = h.client('agent');
    customer.client.start();
    agent.client.start();
    await settle();
    const expected: string[] = [];
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 100; i++) {
      const who = h.random() < 0.5 ? customer : agent;
      const text = `${who === customer ? 'c' : 'a'}${i}`;
      expected.push(text);
      sends.push(who.client.command('room.say', { text }));
      await settle(Math.floor(h.random() * 3));
      if (h.random() < 0.5) (h.random() < 0.5 ? customer : agent).transport.drop();
      h.clock.advance(Math.floor(h.random() * 2000));
      await settle(2);
    }
    await elapse(h.clock, 120_000);
    await Promise.all(sends);
    const logged = h.log.map((entry) => entry.text);
    expect([...logged].sort()).toEqual([...expected].sort());
    expect(customer.heard).toEqual(logged);
    expect(agent.heard).toEqual(logged);
  });

  it('never crashes on arbitrary input', async () => {
    const h = roomHarness();
    const raw = rawPeer(h);
    await settle();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (data) => {
          raw.transport.send(data);
        },
      ),
      { numRuns: 300 },
    );
    await settle();
    expect(
      raw.received.every(
        (frame) => frame.type === 'error' || frame.type === 'welcome' || frame.type === 'pong',
      ),
    ).toBe(true);
  });
});
