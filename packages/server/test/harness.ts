import { createMemoryTransport, createSessionClient } from '@tandem/sdk-core';
import { type AgentEvents, createAgentClient } from '@tandem/sdk-core/agent';
import { customerEvents } from '@tandem/sdk-core/protocol';
import { afterEach, expect } from 'vitest';
import * as z from 'zod/mini';
import { fakeClock } from '../../sdk-core/test/fake-clock';
import { elapse, settle } from '../../sdk-core/test/session-harness';
import { descriptor } from '../src/contact-center/facts';
import { createReferenceServer } from '../src/contact-center/reference-server';
import { emptyState, memoryStore } from '../src/storage/store';
import contactCenterJson from './fixtures/contact-center.json';

const checked: string[][] = [];
afterEach(async () => {
  // The last turn's write (and its check) runs after the test's last step: let it.
  await settle(5);
  const problems = checked.splice(0).flat();
  expect(problems, 'changes storage did not track, and events outside the protocol').toEqual([]);
});

/** Every event a test's clients receive must be in the protocol's contract, and match its schema. */
function outsideContract(name: string, data: unknown): string | undefined {
  const schema = Object.hasOwn(customerEvents, name)
    ? customerEvents[name as keyof typeof customerEvents]
    : undefined;
  if (!schema) return `customer event ${name}: not in the protocol`;
  return z.safeParse(schema, data).success ? undefined : `customer event ${name}: does not match its schema`;
}

// Loosely typed on purpose, as JSON.parse gives: tests pick and change parts of it freely.
export const fixture = JSON.parse(JSON.stringify(contactCenterJson));

/** A reference server on a fake clock with seeded randomness, and clients over the memory transport. */
export function contactCenter(config: unknown = fixture, start = Date.UTC(2026, 10, 23, 10, 0)) {
  const clock = fakeClock(start);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // On a store, with every turn checked: each flow below also proves storage tracks what it changes.
  const untracked: string[] = [];
  checked.push(untracked);
  const server = createReferenceServer({
    config,
    clock,
    random,
    storage: { store: memoryStore(), restored: emptyState(), verify: (problem) => untracked.push(problem) },
  });
  const transport = () => createMemoryTransport({ accept: (peer) => server.accept(peer) });

  async function agent(username: string) {
    const client = createAgentClient({
      transport: transport(),
      username,
      password: `${username}-pass`,
      clock,
      random,
      onInvalidEvent: (name) => untracked.push(`agent event ${name}: not in the protocol, or not its schema`),
    });
    const invites: AgentEvents['invite'][] = [];
    const messages: string[] = [];
    const states: string[] = [];
    client.on('invite', (invite) => invites.push(invite));
    client.on('message', ({ message }) => messages.push(`${message.from}:${message.text}`));
    client.on('state', ({ state, reason }) => states.push(reason ? `${state}(${reason})` : state));
    const profile = await settled(client.start());
    return { client, invites, messages, states, profile };
  }

  async function customer() {
    const session = createSessionClient({ transport: transport(), role: 'customer', clock, random });
    // Test-side view of server events: loosely typed on purpose, asserted field by field.
    type Event = { name: string; data: Record<string, unknown> };
    const events: Event[] = [];
    session.onEvent((event) => {
      events.push(event as Event);
      const problem = outsideContract(event.name, event.data);
      if (problem) untracked.push(problem);
    });
    session.start();
    await settle();
    let n = 0;
    return {
      session,
      events,
      named: (name: string) => events.filter((e) => e.name === name).map((e) => e.data),
      start: (subject = 'billing', fields?: Record<string, string>) =>
        settled(
          session.command<{ conversationId: string }>(
            'chat.start',
            fields ? { subject, fields } : { subject },
          ),
        ),
      say: (text: string) => settled(session.command('chat.send', { id: `m${++n}`, text })),
      end: () => settled(session.command('chat.end', {})),
    };
  }

  /**
   * Lets the memory transport deliver, so a command's promise can settle. A rejection is handled here
   * until the caller awaits it, so asserting on a failure never trips the unhandled-rejection check.
   */
  async function settled<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => undefined);
    await settle(10);
    return promise;
  }

  const factsOf = (interactionId: string) =>
    server.facts.of(interactionId).map((f) => `${f.resource.id}: ${descriptor(f)}`);

  return {
    clock,
    server,
    agent,
    customer,
    factsOf,
    transport,
    settled,
    // Steps under the 60 s idle timeout: live clients ping, and jumps longer than that would cut them off.
    elapse: (ms: number, step = 100) => elapse(clock, ms, Math.min(step, 30_000)),
    settle,
  };
}
