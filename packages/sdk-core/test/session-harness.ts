import * as z from 'zod/mini';
import { createMemoryTransport } from '../src/backend/memory-transport';
import type { Peer } from '../src/backend/transport';
import { createSessionClient } from '../src/client/session-client';
import { createSessionServer } from '../src/server/sessions';
import { fakeClock } from './fake-clock';

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
      authenticate: (username, password) =>
        username === 'ada' && password === 'secret' ? 'agent-ada' : null,
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

/** Moves the fake clock in steps, letting I/O (microtasks) run between them as real time would. */
export async function elapse(clock: { advance(ms: number): void }, ms: number, step = 500): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    clock.advance(Math.min(step, ms - done));
    await settle(3);
  }
}

export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
