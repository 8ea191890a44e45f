// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStore, openStore, type Store } from '../src/storage/store';
import { durableCenter } from './durable-harness';
import { fixture } from './harness';

// Real storage (WebAssembly PostgreSQL, a PostgreSQL server) on two busy cores: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000 });

// Every domain's state comes back after a crash: messaging threads, callbacks, number leases, co-browse
// sessions, and what the reports read (facts, ratings). Memory and the embedded PostgreSQL; restart.test.ts
// also runs on a real PostgreSQL.
const stores: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => memoryStore()],
  ['embedded PostgreSQL', () => openStore({})],
];
const open: Store[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

describe.each(stores)('after a crash, on %s', (_name, makeStore) => {
  let current: Awaited<ReturnType<typeof durableCenter>> | undefined;
  async function center() {
    const store = await makeStore();
    open.push(store);
    current = await durableCenter(store);
    return current;
  }
  afterEach(() => {
    expect(current?.errors).toEqual([]);
    current = undefined;
  });

  it('a messaging thread keeps its history and its agent, each message stored and shown once', async () => {
    const cc = await center();
    const ada = await cc.agent('ada');
    await cc.done(ada.client.setState('Ready'));
    const visitor = cc.customer();
    await cc.done(visitor.session.command('messaging.send', { id: 'w1', text: 'My order is late' }));
    await cc.elapse(1000, 100);
    await cc.until(() => ada.invites.length === 1, 'the invite');
    const [threadChat = ''] = ada.invites;
    await cc.done(ada.client.accept(threadChat));
    await cc.done(ada.client.send(threadChat, 'It ships tomorrow'));
    await cc.restart('crash');
    await cc.elapse(5_000, 500);
    await cc.done(visitor.session.command('messaging.send', { id: 'w2', text: 'Thanks' }));
    await cc.until(() => ada.messages.includes('customer:Thanks'), 'the second message');
    const history = await cc.done(
      visitor.session.command<{ messages: Array<{ text: string }> }>('messaging.history', {}),
    );
    expect(history.messages.map((m) => m.text)).toEqual(['My order is late', 'It ships tomorrow', 'Thanks']);
    // The first message came in the transcript of the accepted conversation; the rest as messages.
    expect(ada.messages.filter((m) => !m.startsWith('system:'))).toEqual([
      'agent:It ships tomorrow',
      'customer:Thanks',
    ]);
    // Stored once, under the thread, though the thread and its conversation share the transcript.
    await cc.elapse(1_000, 100);
    const stored = await (open.at(-1) as Store).load();
    expect([...stored.logs.messages.values()].map((list) => list.items.length)).toEqual([3]);
    expect(stored.logs.messages.has(threadChat)).toBe(false);
  });

  it('a closed thread’s messages stay while a reported conversation shares them, and go with it', async () => {
    const store = await makeStore();
    open.push(store);
    current = await durableCenter(store, {
      ...fixture,
      messaging: { threadWindowHours: 1 },
      retentionHours: 3,
    });
    const cc = current;
    const ada = await cc.agent('ada');
    await cc.done(ada.client.setState('Ready'));
    const visitor = cc.customer();
    await cc.done(visitor.session.command('messaging.send', { id: 'w1', text: 'Is it shipped?' }));
    await cc.elapse(1000, 100);
    await cc.until(() => ada.invites.length === 1, 'the invite');
    const [exchange = ''] = ada.invites;
    await cc.done(ada.client.accept(exchange));
    await cc.done(ada.client.end(exchange));
    await cc.elapse(2 * 3600_000, 25_000);
    // The window has closed: the customer's next look finds no thread.
    const history = await cc.done(
      visitor.session.command<{ threadId: string | null }>('messaging.history', {}),
    );
    expect(history.threadId).toBeNull();
    await cc.restart('crash');
    expect(cc.server.interactions.get(exchange)?.transcript.map((m) => m.text)).toContain('Is it shipped?');
    await cc.elapse(2 * 3600_000, 25_000);
    await cc.until(() => !cc.server.interactions.has(exchange), 'the retention sweep');
    await cc.elapse(1_000, 100);
    expect((await store.load()).logs.messages.size).toBe(0);
  }, 30_000);

  it('a callback booked for later comes due after the restart', async () => {
    const cc = await center();
    const visitor = cc.customer();
    const inTwoHours = Date.UTC(2026, 10, 23, 12, 0);
    const booked = await cc.done(
      visitor.session.command<{ state: string }>('callback.request', {
        phone: '+33612345678',
        subject: 'billing',
        at: inTwoHours,
      }),
    );
    expect(booked.state).toBe('scheduled');
    await cc.restart('crash');
    await cc.elapse(10_000, 1_000);
    await expect(cc.done(visitor.session.command('callback.current', {}))).resolves.toMatchObject({
      state: 'scheduled',
    });
    const ada = await cc.agent('ada');
    await cc.done(ada.client.setState('Ready'));
    await cc.elapse(inTwoHours - cc.clock.now() + 1_000, 25_000);
    await cc.until(() => visitor.named('callback.queued').length === 1, 'the callback to come due');
    await cc.elapse(1_000, 100);
    await cc.until(() => ada.invites.length === 1, 'the callback offered');
  });

  it('a leased number still matches the call with its web context', async () => {
    const cc = await center();
    const visitor = cc.customer();
    const lease = await cc.done(
      visitor.session.command<{ status: string; number: string }>('call.requestNumber', {
        phone: '+33612345678',
        subject: 'billing',
        firstName: 'Grace',
        page: { url: 'https://shop.example/checkout', title: 'Checkout' },
      }),
    );
    expect(lease.status).toBe('leased');
    await cc.restart('crash');
    const call = cc.server.voice.inboundCall({ dialed: lease.number, callerId: '+33612345678' });
    expect(call.matched).toBe(true);
    const interaction = cc.server.interactions.get(call.interactionId ?? '');
    expect(interaction?.fields).toMatchObject({
      firstName: 'Grace',
      pageUrl: 'https://shop.example/checkout',
    });
    await cc.elapse(5_000, 500);
    await cc.until(() => visitor.named('call.matched').length === 1, 'the visitor to hear of the match');
  });

  it('a co-browse session goes on: the agent gets the customer’s frames after the restart', async () => {
    const cc = await center();
    const ada = await cc.agent('ada');
    const visitor = cc.customer();
    const { sessionId } = await cc.done(
      visitor.session.command<{ sessionId: string }>('cobrowse.create', {}),
    );
    await cc.done(ada.client.joinCobrowse(sessionId));
    const frames: string[] = [];
    ada.client.cobrowseFrames(sessionId, (frame) => frames.push(frame.kind));
    await cc.restart('crash');
    await cc.elapse(5_000, 500);
    await cc.done(visitor.session.command('cobrowse.frame', { kind: 'pointer', data: { x: 1, y: 2 } }));
    await cc.until(() => frames.includes('pointer'), 'the frame relayed');
    expect(cc.server.cobrowseSessions.get(sessionId)?.endedAt).toBeUndefined();
  });

  it('the reports still show an ended, rated chat with its facts', async () => {
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
    await cc.done(ada.client.end(conversationId));
    await cc.done(visitor.session.command('chat.rate', { score: 5, comment: 'Quick and kind' }));
    const before = cc.server.reports.interactions();
    await cc.restart('crash');
    expect(cc.server.reports.ratings()).toMatchObject([{ interactionId: conversationId, score: 5 }]);
    expect(cc.server.reports.interactions()).toEqual(before);
  });
});
