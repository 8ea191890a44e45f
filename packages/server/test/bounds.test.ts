import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { settle } from '../../sdk-core/test/session-harness';
import { contactCenter } from './harness';
import { rawPeer, roomHarness } from './room-harness';

// What one client can cost the server: CPU per frame, bytes per second, memory held after it leaves.

describe('a frame’s cost is known before it is parsed', () => {
  it('refuses 500,000 nested arrays and 30,000 values by reading the text, and goes on', async () => {
    const h = roomHarness();
    const raw = rawPeer(h);
    await settle();
    raw.send({ type: 'hello', version: 1, role: 'customer' });
    raw.transport.send(`${'['.repeat(500_000)}${']'.repeat(500_000)}`);
    raw.transport.send(
      `{"type":"cmd","id":"w","name":"room.say","payload":[${Array(30_000).fill(1).join(',')}]}`,
    );
    raw.send({ type: 'cmd', id: 'y', name: 'room.say', payload: { text: 'still fine' } });
    await settle();
    expect(raw.received.slice(1, 3)).toEqual([
      { type: 'error', code: 'malformed_frame', message: 'frame is nested deeper than 64 levels' },
      { type: 'error', code: 'malformed_frame', message: 'frame holds more than 20000 values' },
    ]);
    expect(raw.received.at(-1)).toMatchObject({ type: 'result', id: 'y', ok: true });
    expect(h.log).toEqual([{ from: 'customer-1', text: 'still fine' }]);
  });

  it('closes a connection that sends more bytes a second than its budget, and no other', async () => {
    const h = roomHarness();
    const bystander = h.client('customer');
    bystander.client.start();
    const heavy = rawPeer(h);
    await settle();
    heavy.send({ type: 'hello', version: 1, role: 'customer' });
    const frame = JSON.stringify({ type: 'ping', pad: 'x'.repeat(900_000) });
    let sent = 0;
    while (heavy.closes.length === 0 && sent < 40) {
      heavy.transport.send(frame);
      sent++;
      await settle(1);
    }
    expect(heavy.closes).toEqual([4429]);
    // A 16 MiB burst: about 18 frames of 0.9 MB, far below the 400 frames the frame count allows.
    expect(sent).toBeLessThanOrEqual(20);
    await expect(bystander.client.command('room.say', { text: 'still here' })).resolves.toBe(1);
  });
});

describe('memory held for a client', () => {
  it('lets go of results once acknowledged: 50 long messages and 200 histories leave little behind', async () => {
    const cc = contactCenter();
    const visitor = await cc.customer();
    await visitor.start();
    for (let i = 0; i < 50; i++) await visitor.say('x'.repeat(20_000));
    for (let i = 0; i < 200; i++) {
      const history = cc.settled(visitor.session.command('chat.history', {}));
      // Time passes as it would: the client acknowledges what it received.
      await cc.elapse(500, 500);
      await history;
    }
    await cc.elapse(2000, 500);
    // The conversation itself (1 MB) is the contact center's; the 200 copies of it the result cache once kept
    // for the session (about 200 MB) are gone once acknowledged.
    expect(cc.server.retainedChars).toBeLessThan(100_000);
  }, 60_000);

  it('answers a command resent after its result was acknowledged with nothing, and does not run it again', async () => {
    const h = roomHarness();
    const raw = rawPeer(h);
    await settle();
    raw.send({ type: 'hello', version: 1, role: 'customer' });
    raw.send({ type: 'cmd', id: 'once', name: 'room.say', payload: { text: 'hi' } });
    await settle();
    const result = raw.received.find((frame) => frame.type === 'result');
    raw.send({ type: 'ack', seq: result?.seq });
    raw.send({ type: 'cmd', id: 'once', name: 'room.say', payload: { text: 'hi' } });
    await settle();
    expect(h.log).toHaveLength(1);
    expect(raw.received.filter((frame) => frame.type === 'result')).toHaveLength(1);
  });

  it('forgets in minutes the sessions that never started anything, and keeps those that did', async () => {
    const h = roomHarness();
    h.server.register('room.join', {
      roles: ['customer'],
      engages: true,
      schema: z.strictObject({}),
      run: () => true,
    });
    const engaged = h.client('customer');
    engaged.client.start();
    await settle();
    await engaged.client.command('room.join', {});
    const passersBy = Array.from({ length: 3000 }, () => rawPeer(h));
    await settle();
    for (const peer of passersBy) peer.send({ type: 'hello', version: 1, role: 'customer' });
    await settle();
    expect(h.server.sessionCount).toBe(3001);
    for (const peer of passersBy) peer.transport.close();
    engaged.transport.drop();
    await settle();
    h.clock.advance(5 * 60_000 + 1);
    expect(h.server.sessionCount).toBe(1);
    h.clock.advance(3600_000);
    expect(h.server.sessionCount).toBe(1);
  });
});
