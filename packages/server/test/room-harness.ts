import { createMemoryTransport, createSessionClient, type Peer } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import { fakeClock } from '../../sdk-core/test/fake-clock';
import { createSessionServer } from '../src/contact-center/sessions';

/** A tiny room over the session layer: everyone who says something is heard by everyone, in order. */
export function roomHarness(seed = 1) {
  const clock = fakeClock();
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const log: Array<{ from: string; text: string }> = [];
  const members = new Set<string>();
  let customers = 0;
  const server = createSessionServer({
    clock,
    random,
    hooks: {
      authenticate: (credentials) =>
        'username' in credentials && credentials.username === 'ada' && credentials.password === 'secret'
          ? { ok: true, subject: 'agent-ada' }
          : { ok: false, code: 'auth_failed', message: 'unknown username or wrong password' },
      newCustomerId: () => `customer-${++customers}`,
      onConnect: (session) => members.add(session.subject),
    },
  });
  server.register('room.say', {
    roles: ['customer', 'agent'],
    schema: z.strictObject({ text: z.string().check(z.maxLength(100)) }),
    run({ session }, { text }) {
      log.push({ from: session.subject, text });
      for (const member of members) server.emitTo(member, 'room.message', { from: session.subject, text });
      return log.length;
    },
  });
  const peers: Peer[] = [];
  const transport = () =>
    createMemoryTransport({
      accept: (peer) => {
        peers.push(peer);
        server.accept(peer);
      },
    });
  const client = (role: 'customer' | 'agent') => {
    const t = transport();
    const c = createSessionClient({
      transport: t,
      role,
      clock,
      random,
      ...(role === 'agent' ? { credentials: { username: 'ada', password: 'secret' } } : {}),
    });
    const heard: string[] = [];
    c.onEvent(({ name, data }) => {
      if (name === 'room.message') heard.push((data as { text: string }).text);
    });
    return { client: c, transport: t, heard };
  };
  return { clock, server, log, client, transport, peers, random };
}

/** A connection that speaks raw frames: what a hostile or broken client sends, and what it gets back. */
export function rawPeer(harness: ReturnType<typeof roomHarness>) {
  const transport = harness.transport();
  const received: Array<Record<string, unknown>> = [];
  const closes: number[] = [];
  transport.onMessage((data) => received.push(JSON.parse(data)));
  transport.onClose(({ code }) => closes.push(code));
  transport.open();
  return { transport, received, closes, send: (frame: unknown) => transport.send(JSON.stringify(frame)) };
}
