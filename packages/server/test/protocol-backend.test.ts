// @vitest-environment node

import type { CallEvent, ChatEvent, CobrowseEvent, MessagingEvent } from '@tandem/sdk-core';
import { createMemoryTransport, createSessionClient, protocolBackend } from '@tandem/sdk-core';
import { describe, expect, it } from 'vitest';
import { settle } from '../../sdk-core/test/session-harness';
import { contactCenter } from './harness';

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
    expect(events.map((e) => e.type)).toEqual(['started', 'message', 'agentJoined', 'message']);
    expect(events.at(-1)).toMatchObject({
      type: 'message',
      message: { from: 'agent', text: 'Hello from Ada', authorName: 'Ada' },
    });
    const history = backend.chat.history();
    await settle(8);
    const restored = await history;
    expect(restored).toMatchObject({ conversationId, state: 'connected', agents: ['Ada'] });
    expect(restored.messages.map((m) => m.text)).toEqual([
      'Welcome to Tandem Coffee! An agent will be with you shortly.',
      'Hello from Ada',
    ]);
  });

  it('covers click-to-call, messaging and the co-browse relay', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const transport = createMemoryTransport({ accept: (peer) => cc.server.accept(peer) });
    const backend = protocolBackend(createSessionClient({ transport, role: 'customer', clock: cc.clock }));
    const calls: CallEvent[] = [];
    const messages: MessagingEvent[] = [];
    const cobrowse: CobrowseEvent[] = [];
    backend.clickToCall.onEvent((event) => calls.push(event));
    backend.messaging.onEvent((event) => messages.push(event));
    backend.cobrowse.onEvent((event) => cobrowse.push(event));
    await backend.connect();
    await settle();

    const lease = await cc.settled(
      backend.clickToCall.requestNumber({
        phone: '+33612345678',
        subject: 'billing',
        page: { url: 'https://shop.example/', title: 'Shop' },
      }),
    );
    expect(lease).toMatchObject({ status: 'leased', number: '+33 1 70 00 01 01' });
    const call = cc.server.voice.inboundCall({ dialed: '+33170000101', callerId: '+33612345678' });
    await cc.elapse(300);
    await cc.settled(ada.client.accept(call.interactionId ?? ''));
    expect(calls.map((e) => e.type)).toEqual(['matched', 'answered']);
    await cc.settled(ada.client.end(call.interactionId ?? ''));
    expect(calls.at(-1)).toEqual({ type: 'ended', reason: 'agent' });

    await cc.settled(backend.messaging.send({ id: 'm1', text: 'Async hello', subject: 'billing' }));
    expect(messages).toEqual([
      { type: 'message', message: expect.objectContaining({ text: 'Async hello' }) },
    ]);
    expect((await cc.settled(backend.messaging.history())).map((m) => m.text)).toEqual(['Async hello']);

    const { sessionId } = await cc.settled(backend.cobrowse.create());
    await cc.settled(ada.client.joinCobrowse(sessionId));
    await cc.settled(ada.client.requestWriteMode(sessionId));
    await cc.settled(backend.cobrowse.consent(true));
    await cc.settled(ada.client.sendCobrowse(sessionId, 'highlight', { id: 7 }));
    await cc.settled(backend.cobrowse.end());
    expect(cobrowse.map((e) => e.type)).toEqual(['joined', 'writeRequested', 'mode', 'frame', 'ended']);
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
    event(4, { id: 'late', from: 'agent', text: 'a time no Date can hold', at: 1e300 });
    event(5, { id: 'ok', from: 'agent', text: '<img src=x onerror=alert(1)>', at: 1 });
    await settle();
    expect(events).toEqual([
      { type: 'message', message: { id: 'ok', from: 'agent', text: '<img src=x onerror=alert(1)>', at: 1 } },
    ]);
  });
});

describe('protocol backend adapter: callback', () => {
  it('books, reports and cancels a callback with validated answers and events', async () => {
    const cc = contactCenter();
    const transport = createMemoryTransport({ accept: (peer) => cc.server.accept(peer) });
    const backend = protocolBackend(createSessionClient({ transport, role: 'customer', clock: cc.clock }));
    const events: string[] = [];
    backend.callback.onEvent((booking) => events.push(booking.state));
    const settled = <T>(promise: Promise<T>) => cc.settled(promise);
    const slots = await settled(backend.callback.slots('billing'));
    expect(slots[0]).toBe(Date.UTC(2026, 10, 23, 10, 30));
    const at = slots[3] ?? 0;
    const booking = await settled(
      backend.callback.request({ phone: '+33612345678', subject: 'billing', at }),
    );
    expect(booking).toMatchObject({ at, state: 'scheduled' });
    await expect(settled(backend.callback.current())).resolves.toMatchObject({
      callbackId: booking.callbackId,
    });
    await settled(backend.callback.cancel());
    await expect(settled(backend.callback.current())).resolves.toBeNull();
    expect(events).toEqual(['scheduled', 'cancelled']);
  });
});
