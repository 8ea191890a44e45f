// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../src/backend/adapter';
import { createMemoryTransport } from '../src/backend/memory-transport';
import { protocolBackend } from '../src/client/protocol-backend';
import { createSessionClient } from '../src/client/session-client';
import { contactCenter } from './server/harness';
import { settle } from './session-harness';

describe('protocol backend adapter', () => {
  it('starts a chat and turns validated server events into ChatEvents', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const transport = createMemoryTransport({ accept: (peer) => cc.server.accept(peer) });
    const backend = protocolBackend(createSessionClient({ transport, role: 'customer', clock: cc.clock }));
    const events: ChatEvent[] = [];
    backend.chat.onEvent((event) => events.push(event));
    await backend.connect();
    await settle();
    expect(backend.state).toBe('online');
    const started = backend.chat.start({ subject: 'billing' });
    await settle(8);
    const { conversationId } = await started;
    await cc.elapse(300);
    await ada.client.accept(conversationId);
    await settle(8);
    await ada.client.send(conversationId, 'Hello from Ada');
    await settle(8);
    expect(events.map((e) => e.type)).toEqual(['message', 'agentJoined', 'message']);
    expect(events.at(-1)).toMatchObject({
      type: 'message',
      message: { from: 'agent', text: 'Hello from Ada', authorName: 'Ada' },
    });
    const history = backend.chat.history();
    await settle(8);
    expect((await history).map((m) => m.text)).toEqual([
      'Welcome to Tandem Coffee! An agent will be with you shortly.',
      'Hello from Ada',
    ]);
  });

  it('drops events whose payload does not validate (a hostile or buggy server)', async () => {
    let serverSend: (data: string) => void = () => undefined;
    const transport = createMemoryTransport({
      accept(peer) {
        serverSend = (data) => peer.send(data);
        peer.onMessage(() =>
          peer.send(
            JSON.stringify({ type: 'welcome', version: 1, token: 't', resumed: false, subject: 'c', seq: 0 }),
          ),
        );
      },
    });
    const backend = protocolBackend(createSessionClient({ transport, role: 'customer' }));
    const events: ChatEvent[] = [];
    backend.chat.onEvent((event) => events.push(event));
    await backend.connect();
    await settle();
    const event = (seq: number, data: unknown) =>
      serverSend(JSON.stringify({ type: 'event', seq, name: 'chat.message', data }));
    event(1, { id: 'x', from: 'agent', text: 42, at: 1 });
    event(2, { id: 'y', from: 'root', text: 'hi', at: 1 });
    event(3, { id: 'z', from: 'agent', text: 'x'.repeat(100_001), at: 1 });
    event(4, { id: 'ok', from: 'agent', text: '<img src=x onerror=alert(1)>', at: 1 });
    await settle();
    expect(events).toEqual([
      { type: 'message', message: { id: 'ok', from: 'agent', text: '<img src=x onerror=alert(1)>', at: 1 } },
    ]);
  });
});
