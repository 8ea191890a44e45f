// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore, openStore, type Store } from '../src/storage/store';
import { durableCenter } from './durable-harness';
import { postgresStore } from './postgres';

// Real storage (WebAssembly PostgreSQL, a PostgreSQL server) on two busy cores: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000 });

// Restarts lose nothing (issue 18): the same flows on every store the server can run on.
const stores: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => memoryStore()],
  ['embedded PostgreSQL (PGlite)', () => openStore({})],
  ['PostgreSQL', () => postgresStore('restart')],
];

const open: Store[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

describe.each(stores)('restart on %s', (_name, makeStore) => {
  async function center() {
    const store = await makeStore();
    open.push(store);
    return durableCenter(store);
  }

  for (const how of ['crash', 'drain'] as const) {
    it(`a chat in progress goes on after a ${how}: both sides continue, every message once`, async () => {
      const cc = await center();
      const ada = await cc.agent('ada');
      await cc.done(ada.client.setState('Ready'));
      const visitor = cc.customer();
      const { conversationId } = await cc.done(
        visitor.session.command<{ conversationId: string }>('chat.start', { subject: 'billing' }),
      );
      await cc.elapse(1000, 100);
      await cc.until(() => ada.invites.includes(conversationId), 'the invite');
      await cc.done(ada.client.accept(conversationId));
      await cc.done(visitor.session.command('chat.send', { id: 'c1', text: 'before' }));
      await cc.done(ada.client.send(conversationId, 'answer before'));
      await cc.until(() => visitor.messages.includes('agent:answer before'), 'the answer');

      await cc.restart(how);
      // Sent while the server is down: kept by the client, delivered once after the resume.
      const during = visitor.session.command('chat.send', { id: 'c2', text: 'during' });
      await cc.elapse(10_000, 500);
      await cc.done(during);
      await cc.done(ada.client.send(conversationId, 'answer after'));
      await cc.until(() => visitor.messages.includes('agent:answer after'), 'the answer after');
      await cc.until(() => ada.messages.includes('customer:during'), 'the message sent during the restart');

      const visible = (list: string[]) => list.filter((m) => !m.startsWith('system:'));
      const conversation = [
        'customer:before',
        'agent:answer before',
        'customer:during',
        'agent:answer after',
      ];
      expect(visible(visitor.messages)).toEqual(conversation);
      expect(visible(ada.messages)).toEqual(conversation);
      const chat = cc.server.interactions.get(conversationId);
      expect(chat?.state).toBe('connected');
      expect(chat?.transcript.map((m) => m.text).filter((t) => !t.startsWith('You are'))).toContain('during');
      expect(cc.errors).toEqual([]);
    });
  }

  it('never takes back what a client saw: frames of a turn leave only once the turn is stored', async () => {
    const cc = await center();
    const ada = await cc.agent('ada');
    await cc.done(ada.client.setState('Ready'));
    const visitor = cc.customer();
    const events: string[] = [];
    visitor.session.onEvent((event) => events.push(event.name));
    const { conversationId } = await cc.done(
      visitor.session.command<{ conversationId: string }>('chat.start', {}),
    );
    await cc.elapse(1000, 100);
    await cc.until(() => ada.invites.includes(conversationId), 'the invite');
    // The accept is handled, but the process dies before its effects are stored.
    cc.crashStore();
    void ada.client.accept(conversationId).catch(() => {});
    await cc.elapse(500, 100);
    expect(events).not.toContain('chat.agentJoined');
    ada.client.stop();
    await cc.restart('crash');
    // After the restart the visitor's next frame takes the next number; nothing it holds may shadow it.
    const sent = visitor.session.command('chat.send', { id: 'c1', text: 'still there?' });
    await cc.elapse(10_000, 500);
    await cc.done(sent);
    expect(cc.server.interactions.get(conversationId)?.transcript.map((m) => m.text)).toContain(
      'still there?',
    );
  });

  it('a queued chat keeps its place across a crash, and is offered when an agent comes', async () => {
    const cc = await center();
    const first = cc.customer();
    const second = cc.customer();
    const a = await cc.done(first.session.command<{ conversationId: string }>('chat.start', {}));
    const b = await cc.done(second.session.command<{ conversationId: string }>('chat.start', {}));
    await cc.restart('crash');
    await cc.elapse(5_000, 500);
    const ada = await cc.agent('ada');
    await cc.done(ada.client.setState('Ready'));
    await cc.elapse(1_000, 100);
    await cc.until(() => ada.invites.length === 2, 'two invites');
    expect(ada.invites).toEqual([a.conversationId, b.conversationId]);
  });

  it('a visitor who never comes back after the restart is abandoned after the grace', async () => {
    const cc = await center();
    const gone = cc.customer();
    const { conversationId } = await cc.done(
      gone.session.command<{ conversationId: string }>('chat.start', {}),
    );
    gone.session.stop();
    await cc.restart('crash');
    await cc.elapse(61_000, 5_000);
    expect(cc.server.interactions.get(conversationId)?.state).toBe('ended');
    expect(cc.server.facts.of(conversationId).map((f) => `${f.role}/${f.result} [${f.reason}]`)).toEqual([
      'Received/CustomerAbandoned [AbandonedWhileQueued]',
    ]);
  });
});
