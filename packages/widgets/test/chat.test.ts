// @vitest-environment node
import {
  type BackendAdapter,
  createMemoryTransport,
  createSessionClient,
  createTandem,
  protocolBackend,
} from '@tandem/sdk-core';
import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../../sdk-core/test/fake-clock';
import { contactCenter } from '../../server/test/harness';
import { type ChatState, chat } from '../src/index';

async function setup() {
  const cc = contactCenter();
  const ada = await cc.agent('ada');
  await ada.client.setState('Ready');
  const session = createSessionClient({
    transport: createMemoryTransport({ accept: (peer) => cc.server.accept(peer) }),
    role: 'customer',
    clock: cc.clock,
  });
  const backend = protocolBackend(session);
  const store = memoryStore();
  const open = () =>
    createTandem({
      backend,
      plugins: [chat({ subject: 'billing' })],
      clock: cc.clock,
      random: () => 0.5,
      storage: store,
    });
  return { cc, ada, backend, open, settled: cc.settled, store };
}

describe('Chat plugin (headless)', () => {
  it('starts, queues, connects, and carries messages both ways with Chat.* events', async () => {
    const { cc, ada, open, settled } = await setup();
    const tandem = open();
    const events: string[] = [];
    for (const name of [
      'Chat.started',
      'Chat.agentJoined',
      'Chat.messageReceived',
      'Chat.messageSent',
      'Chat.ended',
    ] as const) {
      tandem.on(name, (payload) => events.push(`${name} ${JSON.stringify(payload)}`));
    }
    const conversationId = await settled(tandem.command('Chat.start'));
    await cc.elapse(300);
    await settled(ada.client.accept(conversationId));
    await settled(tandem.command('Chat.send', { text: 'Hello, is my order on its way?' }));
    await settled(ada.client.send(conversationId, 'It ships today.'));
    const state = await settled(tandem.command('Chat.state'));
    expect(state.phase).toBe('connected');
    expect(state.agents).toEqual(['Ada']);
    expect(state.messages.map((m) => [m.from, m.text, m.status])).toEqual([
      ['system', 'Welcome to Tandem Coffee! An agent will be with you shortly.', 'sent'],
      ['system', 'Ada joined the chat', 'sent'],
      ['customer', 'Hello, is my order on its way?', 'sent'],
      ['agent', 'It ships today.', 'sent'],
    ]);
    await settled(ada.client.end(conversationId));
    expect(events.map((e) => e.split(' ')[0])).toEqual([
      'Chat.messageReceived',
      'Chat.started',
      'Chat.agentJoined',
      'Chat.messageSent',
      'Chat.messageReceived',
      'Chat.ended',
    ]);
    expect(ada.messages).toContain('customer:Hello, is my order on its way?');
  });

  it('names the field of a bad message and keeps nothing half-sent', async () => {
    const { open, settled } = await setup();
    const tandem = open();
    await expect(settled(tandem.command('Chat.send', { text: '' }))).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'Chat.send: text: expected a message of 1 to 20000 characters, got ""',
    });
  });

  it('marks a message failed when it cannot be sent, and a retry stores it once', async () => {
    const { cc, ada, backend, settled } = await setup();
    const send = backend.chat.send;
    let failNext = true;
    const flaky: BackendAdapter = {
      ...backend,
      chat: {
        ...backend.chat,
        send: (message) => {
          if (failNext) {
            failNext = false;
            // The frame reached the server, but the answer was lost: the retry must not double it.
            return send(message).then(() => Promise.reject({ code: 'closed', message: 'connection lost' }));
          }
          return send(message);
        },
      },
    };
    const tandem = createTandem({
      backend: flaky,
      plugins: [chat({ subject: 'billing' })],
      clock: cc.clock,
      storage: memoryStore(),
    });
    const conversationId = await settled(tandem.command('Chat.start'));
    await cc.elapse(300);
    await settled(ada.client.accept(conversationId));
    await expect(settled(tandem.command('Chat.send', { text: 'Typed once' }))).rejects.toMatchObject({
      code: 'closed',
    });
    const failed = (await settled(tandem.command('Chat.state'))).messages.find(
      (m) => m.text === 'Typed once',
    );
    expect(failed?.status).toBe('failed');
    await settled(tandem.command('Chat.retry', { id: failed?.id ?? '' }));
    const after = await settled(tandem.command('Chat.state'));
    expect(after.messages.filter((m) => m.text === 'Typed once').map((m) => m.status)).toEqual(['sent']);
    const transcript = cc.server.interactions
      .get(conversationId)
      ?.transcript.filter((m) => m.text === 'Typed once');
    expect(transcript).toHaveLength(1);
  });

  it('restores the conversation after a reload, showing each message once', async () => {
    const { cc, ada, open, settled } = await setup();
    const first = open();
    const conversationId = await settled(first.command('Chat.start'));
    await cc.elapse(300);
    await settled(ada.client.accept(conversationId));
    await settled(first.command('Chat.send', { text: 'Before the reload' }));
    first.destroy();
    await settled(ada.client.send(conversationId, 'While you were away'));

    const second = open(); // the page reloaded: same tab storage, same connection session
    const changes: ChatState[] = [];
    second.on('Chat.changed', (state) => changes.push(state));
    await cc.settle(20);
    const state = await settled(second.command('Chat.state'));
    expect(state.conversationId).toBe(conversationId);
    expect(state.phase).toBe('connected');
    expect(state.agents).toEqual(['Ada']);
    expect(state.messages.map((m) => m.text)).toEqual([
      'Welcome to Tandem Coffee! An agent will be with you shortly.',
      'Before the reload',
      'While you were away',
    ]);
    await settled(ada.client.send(conversationId, 'Welcome back'));
    const later = await settled(second.command('Chat.state'));
    expect(later.messages.map((m) => m.text).filter((t) => t === 'Welcome back')).toHaveLength(1);
    expect(new Set(later.messages.map((m) => m.id)).size).toBe(later.messages.length);
  });

  it('does not bring back a conversation that ended while the page was away', async () => {
    const { cc, ada, open, settled } = await setup();
    const first = open();
    const conversationId = await settled(first.command('Chat.start'));
    await cc.elapse(300);
    await settled(ada.client.accept(conversationId));
    first.destroy();
    await settled(ada.client.end(conversationId));
    const second = open();
    await cc.settle(20);
    const state = await settled(second.command('Chat.state'));
    expect(state).toMatchObject({ phase: 'idle', messages: [] });
    expect(state.conversationId).toBeUndefined();
  });

  it('counts unread agent messages while closed and clears them on open', async () => {
    const { cc, ada, open, settled } = await setup();
    const tandem = open();
    const counts: number[] = [];
    tandem.on('Chat.unreadChanged', ({ count }) => counts.push(count));
    const conversationId = await settled(tandem.command('Chat.start'));
    await cc.elapse(300);
    await settled(ada.client.accept(conversationId));
    await settled(ada.client.send(conversationId, 'One'));
    await settled(ada.client.send(conversationId, 'Two'));
    await settled(tandem.command('Chat.open'));
    expect(counts).toEqual([1, 2, 3, 0]);
  });

  it('is disabled with a clear error when there is no backend', async () => {
    const tandem = createTandem({ plugins: [chat()] });
    await expect(tandem.command('Chat.start')).rejects.toMatchObject({ code: 'unknown_command' });
    const error = vi.mocked(console.error).mock.calls[0];
    expect(String(error?.[0])).toContain('the Chat plugin failed to start');
    expect(String(error?.[1])).toContain('Chat needs a backend');
    vi.mocked(console.error).mockClear();
  });
});
