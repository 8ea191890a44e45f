import * as z from 'zod/mini';
import type {
  AvailabilityApi,
  BackendAdapter,
  ChannelAvailability,
  ChatApi,
  ChatEvent,
} from '../backend/adapter';
import { listeners } from '../backend/listeners';
import type { Transport } from '../backend/transport';
import type { Clock, Random } from '../clock';
import { ErrorCode, tandemError } from '../errors';
import {
  type CustomerEvent,
  type CustomerEventName,
  chatHistoryData,
  customerEvents,
} from '../protocol/customer-events';
import { createSessionClient, type SessionClient, type SessionClientOptions } from './session-client';
import { type WebSocketConstructor, websocketTransport } from './websocket-transport';

/** A BackendAdapter that speaks protocol v1 through a session client, validating every event. */
export function protocolBackend(session: SessionClient): BackendAdapter {
  const typed = new Map<string, ReturnType<typeof listeners<unknown>>>();
  session.onEvent(({ name, data }) => {
    const schema = customerEvents[name as CustomerEventName];
    if (!schema) return;
    const parsed = z.safeParse(schema, data);
    if (parsed.success) typed.get(name)?.emit(parsed.data);
  });
  function on<K extends CustomerEventName>(name: K, listener: (data: CustomerEvent<K>) => void) {
    const set = typed.get(name) ?? listeners<unknown>();
    typed.set(name, set);
    return set.add(listener as (value: unknown) => void);
  }

  const availability: AvailabilityApi = {
    async get() {
      const list = await session.command('availability.subscribe', {});
      const parsed = z.safeParse(customerEvents.availability, list);
      return parsed.success ? (parsed.data as ChannelAvailability[]) : [];
    },
    subscribe: (listener) => on('availability', (list) => listener(list as ChannelAvailability[])),
  };

  const chatEvents = listeners<ChatEvent>();
  on('chat.queued', (data) => chatEvents.emit({ type: 'queued', ...data }));
  on('chat.agentJoined', (data) => chatEvents.emit({ type: 'agentJoined', name: data.name }));
  on('chat.agentLeft', (data) => chatEvents.emit({ type: 'agentLeft', name: data.name }));
  on('chat.message', (message) => chatEvents.emit({ type: 'message', message }));
  on('chat.typing', (data) => chatEvents.emit({ type: 'typing', typing: data.typing }));
  on('chat.ended', (data) => chatEvents.emit({ type: 'ended', reason: data.reason }));

  const chat: ChatApi = {
    start: (request) =>
      session.command<{ conversationId: string }>('chat.start', {
        subject: request.subject ?? 'general',
        ...(request.fields ? { fields: request.fields } : {}),
      }),
    send: (message) => session.command('chat.send', message),
    typing: (typing) => {
      session.command('chat.typing', { typing }).catch(() => undefined);
    },
    end: () => session.command('chat.end', {}),
    async history() {
      const parsed = z.safeParse(chatHistoryData, await session.command('chat.history', {}));
      return parsed.success ? parsed.data.messages : [];
    },
    onEvent: chatEvents.add,
  };

  const notYet = (feature: string) => () =>
    Promise.reject(tandemError(ErrorCode.Unavailable, `${feature} is not offered by this backend yet`));

  return {
    connect() {
      session.start();
      return Promise.resolve();
    },
    disconnect: () => session.stop(),
    get state() {
      return session.state;
    },
    onStateChange: (listener) => session.onStateChange(listener),
    availability,
    chat,
    clickToCall: {
      requestNumber: notYet('Click-to-call'),
      requestCallback: notYet('Callback'),
      cancelCallback: notYet('Callback'),
      onEvent: () => () => undefined,
    },
    cobrowse: {
      create: notYet('Co-browse'),
      send: () => undefined,
      onFrame: () => () => undefined,
      end: notYet('Co-browse'),
    },
  };
}

export interface WebSocketBackendOptions
  extends Pick<SessionClientOptions, 'resume' | 'onResumeState' | 'backoffBaseMs' | 'backoffCapMs'> {
  url: string;
  WebSocket?: WebSocketConstructor;
  clock?: Clock;
  random?: Random;
}

/** The backend for a browser: protocol v1 over WebSocket to the reference server or any compatible one. */
export function websocket(options: WebSocketBackendOptions): BackendAdapter {
  const transport: Transport = websocketTransport({ url: options.url, WebSocket: options.WebSocket });
  return protocolBackend(createSessionClient({ ...options, transport, role: 'customer' }));
}
