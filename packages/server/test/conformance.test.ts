// @vitest-environment node
import { createSessionClient, protocolBackend } from '@tandem/sdk-core';
import { createAgentClient } from '@tandem/sdk-core/agent';
import { backendConformance, type ConformanceAgent } from '@tandem/sdk-core/conformance';
import { beforeEach, describe, expect, it } from 'vitest';
import { offering } from '../../sdk-core/test/offering';
import { contactCenter } from './harness';

// The exported adapter conformance suite (issue 18), run as another backend's authors would run it: here
// the protocol backend on the reference server, each check on a contact center of its own.
let cc = contactCenter();
beforeEach(() => {
  cc = contactCenter();
});

async function agent(): Promise<ConformanceAgent> {
  const client = createAgentClient({
    transport: cc.transport(),
    username: 'ada',
    password: 'ada-pass',
    clock: cc.clock,
  });
  const offered: string[] = [];
  const taken = new Set<string>();
  const received = new Map<string, string[]>();
  client.on('invite', ({ interactionId }) => offered.push(interactionId));
  client.on('message', ({ interactionId, message }) => {
    if (message.from === 'customer')
      received.set(interactionId, [...(received.get(interactionId) ?? []), message.text]);
  });
  await cc.settled(client.start());
  await cc.settled(client.setState('Ready'));
  return {
    async takeNextChat() {
      for (let i = 0; i < 200; i++) {
        const next = offered.find((id) => !taken.has(id));
        if (next) {
          taken.add(next);
          await cc.settled(client.accept(next));
          return next;
        }
        await cc.elapse(50, 50);
      }
      throw new Error('no chat was offered');
    },
    say: (id, text) => cc.settled(client.send(id, text)),
    received: (id) => received.get(id) ?? [],
    end: (id) => cc.settled(client.end(id)),
  };
}

const customer = () =>
  protocolBackend(createSessionClient({ transport: cc.transport(), role: 'customer', clock: cc.clock }));

describe('the BackendAdapter conformance suite, on the protocol backend and the reference server', () => {
  const checks = backendConformance({ customer, agent, wait: (ms) => cc.elapse(ms, 50), subject: 'billing' });
  for (const check of checks) {
    it(check.name, async () => {
      expect(await check.run()).toEqual({}); // every feature offered: nothing skipped
    });
  }
});

describe('a backend that offers chat alone passes, its absent features skipped', () => {
  const checks = backendConformance({
    customer: () => offering(customer(), ['chat']),
    agent,
    wait: (ms) => cc.elapse(ms, 50),
    subject: 'billing',
  });
  for (const check of checks) {
    const skipped = check.requires !== undefined && check.requires !== 'chat';
    it(`${skipped ? 'skips' : 'passes'} ${check.name}`, async () => {
      const outcome = await check.run();
      expect(outcome).toEqual(skipped ? { skipped: `the backend does not offer ${check.requires}` } : {});
    });
  }
});

describe('the suite fails a backend that breaks the contract', () => {
  const named = (checks: ReturnType<typeof backendConformance>, start: string) => {
    const found = checks.find((c) => c.name.startsWith(start));
    if (!found) throw new Error(`no check named ${start}`);
    return found;
  };
  const broken = (change: (adapter: ReturnType<typeof protocolBackend>) => void) =>
    backendConformance({
      customer: () => {
        const adapter = protocolBackend(
          createSessionClient({ transport: cc.transport(), role: 'customer', clock: cc.clock }),
        );
        change(adapter);
        return adapter;
      },
      agent,
      wait: (ms) => cc.elapse(ms, 50),
      subject: 'billing',
    });

  it('one that stores a resent message twice', async () => {
    const checks = broken((adapter) => {
      const send = adapter.chat.send;
      let n = 0;
      (adapter.chat as { send: typeof send }).send = (message) =>
        send({ ...message, id: `${message.id}-${++n}` });
    });
    await expect(named(checks, 'chat: a message resent').run()).rejects.toThrow(
      'one copy in the history, got 2',
    );
  });

  it('one that offers a feature in part (messaging without its history)', async () => {
    const checks = broken((adapter) => {
      (adapter.messaging as { history?: unknown }).history = undefined;
    });
    await expect(named(checks, 'capabilities:').run()).rejects.toThrow(
      'messaging.history to be a function, as messaging is offered',
    );
  });

  it('one whose refusals are bare errors, without a code', async () => {
    const checks = broken((adapter) => {
      (adapter.chat as { send: unknown }).send = () => Promise.reject(new Error('nope'));
    });
    await expect(named(checks, 'errors:').run()).rejects.toThrow('the refusal to be a TandemError');
  });
});
