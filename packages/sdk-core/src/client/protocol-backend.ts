import * as z from 'zod/mini';
import type {
  AvailabilityApi,
  CallbackApi,
  CallbackBooking,
  CallEvent,
  ChannelAvailability,
  ChatApi,
  ChatEvent,
  ClickToCallApi,
  CobrowseEvent,
  CobrowseRelayApi,
  FullBackendAdapter,
  MessagingApi,
  MessagingEvent,
  NumberLease,
} from '../backend/adapter';
import { listeners } from '../backend/listeners';
import type { Transport } from '../backend/transport';
import { type Clock, type Random, systemRandom } from '../clock';
import { ErrorCode, tandemError } from '../errors';
import { getWindow } from '../globals';
import type { CommandName, CommandPayload } from '../protocol/commands';
import {
  type CustomerEvent,
  type CustomerEventName,
  callbackData,
  callbackSlots,
  chatHistoryData,
  cobrowseCreated,
  cobrowseResumed,
  customerEvents,
  leaseData,
  messagingHistoryData,
} from '../protocol/customer-events';
import type { Storage } from '../storage';
import { createSessionClient, type SessionClient, type SessionClientOptions } from './session-client';
import { browserSharing, sharedBackend } from './shared-backend';
import { type WebSocketConstructor, websocketTransport } from './websocket-transport';

/** A BackendAdapter that speaks protocol v1 through a session client, validating every event and answer. */
export function protocolBackend(session: SessionClient): FullBackendAdapter {
  /** The first use connects: an adapter handed to createTandem needs no separate connect() call. */
  // Typed by the protocol's command schemas (a type-only import: the schemas stay out of the bundle).
  function command<T = unknown, K extends CommandName = CommandName>(
    name: K,
    payload: CommandPayload<K>,
  ): Promise<T> {
    session.start();
    return session.command<T>(name, payload);
  }

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

  /** Validates a command's answer like any other data from the network. */
  async function checked<S extends z.ZodMiniType>(schema: S, result: Promise<unknown>): Promise<z.infer<S>> {
    const parsed = z.safeParse(schema, await result);
    if (!parsed.success)
      throw tandemError(ErrorCode.BadResponse, 'the server sent an answer Tandem could not read');
    return parsed.data;
  }

  const availability: AvailabilityApi = {
    get: async () =>
      (await checked(
        customerEvents.availability,
        command('availability.subscribe', {}),
      )) as ChannelAvailability[],
    subscribe: (listener) => on('availability', (list) => listener(list as ChannelAvailability[])),
  };

  const chatEvents = listeners<ChatEvent>();
  on('chat.started', (data) => chatEvents.emit({ type: 'started', conversationId: data.conversationId }));
  on('chat.queued', (data) => chatEvents.emit({ type: 'queued', ...data }));
  on('chat.agentJoined', (data) => chatEvents.emit({ type: 'agentJoined', name: data.name }));
  on('chat.agentLeft', (data) =>
    chatEvents.emit({
      type: 'agentLeft',
      name: data.name,
      ...(data.transferredTo ? { transferredTo: data.transferredTo } : {}),
    }),
  );
  on('chat.message', (message) => chatEvents.emit({ type: 'message', message }));
  on('chat.typing', (data) => chatEvents.emit({ type: 'typing', typing: data.typing }));
  on('chat.ended', (data) => chatEvents.emit({ type: 'ended', reason: data.reason }));
  on('chat.read', (data) => chatEvents.emit({ type: 'read', upTo: data.upTo }));
  const chat: ChatApi = {
    start: (request) =>
      command<{ conversationId: string }>('chat.start', {
        ...(request.subject ? { subject: request.subject } : {}),
        ...(request.fields ? { fields: request.fields } : {}),
      }),
    send: (message) => command('chat.send', message),
    typing: (typing) => {
      command('chat.typing', { typing }).catch(() => undefined);
    },
    end: () => command('chat.end', {}),
    rate: (rating) => command('chat.rate', rating),
    history: async () => {
      const history = await checked(chatHistoryData, command('chat.history', {}));
      return { ...history, agents: history.agents ?? [] };
    },
    read: (upTo) => void command('chat.read', { upTo }).catch(() => undefined),
    onEvent: chatEvents.add,
  };

  const messagingEvents = listeners<MessagingEvent>();
  on('messaging.message', (message) => messagingEvents.emit({ type: 'message', message }));
  on('messaging.agentJoined', (data) => messagingEvents.emit({ type: 'agentJoined', name: data.name }));
  on('messaging.agentLeft', (data) => messagingEvents.emit({ type: 'agentLeft', name: data.name }));
  on('messaging.typing', (data) => messagingEvents.emit({ type: 'typing', typing: data.typing }));
  on('messaging.ended', (data) => messagingEvents.emit({ type: 'ended', reason: data.reason }));
  on('messaging.read', (data) => messagingEvents.emit({ type: 'read', upTo: data.upTo }));
  const messaging: MessagingApi = {
    send: (message) => command('messaging.send', message),
    typing: (typing) => {
      command('messaging.typing', { typing }).catch(() => undefined);
    },
    history: async () => (await checked(messagingHistoryData, command('messaging.history', {}))).messages,
    read: (upTo) => void command('messaging.read', { upTo }).catch(() => undefined),
    onEvent: messagingEvents.add,
  };

  const callEvents = listeners<CallEvent>();
  on('call.matched', (data) => callEvents.emit({ type: 'matched', number: data.number }));
  on('call.queued', (data) => callEvents.emit({ type: 'queued', ...data }));
  on('call.agentJoined', (data) => callEvents.emit({ type: 'answered', agentName: data.name }));
  on('call.ended', (data) => callEvents.emit({ type: 'ended', reason: data.reason }));
  on('call.leaseExpired', (data) => callEvents.emit({ type: 'leaseExpired', number: data.number }));
  const clickToCall: ClickToCallApi = {
    requestNumber: (request) =>
      checked(leaseData, command('call.requestNumber', request)) as Promise<NumberLease>,
    releaseNumber: () => command('call.releaseNumber', {}),
    onEvent: callEvents.add,
  };

  const callbackEvents = listeners<CallbackBooking>();
  for (const name of [
    'callback.scheduled',
    'callback.queued',
    'callback.connected',
    'callback.completed',
    'callback.cancelled',
  ] as const) {
    on(name, (data) => callbackEvents.emit(data));
  }
  const callback: CallbackApi = {
    request: (request) => checked(callbackData, command('callback.request', request)),
    cancel: () => command('callback.cancel', {}),
    current: async () => {
      const booking = await command('callback.current', {});
      return booking === null ? null : checked(callbackData, Promise.resolve(booking));
    },
    slots: (subject) => checked(callbackSlots, command('callback.slots', subject ? { subject } : {})),
    onEvent: callbackEvents.add,
  };

  const cobrowseEvents = listeners<CobrowseEvent>();
  on('cobrowse.joined', (data) => cobrowseEvents.emit({ type: 'joined', ...data }));
  on('cobrowse.writeRequested', (data) => cobrowseEvents.emit({ type: 'writeRequested', ...data }));
  on('cobrowse.mode', (data) => cobrowseEvents.emit({ type: 'mode', ...data }));
  on('cobrowse.frame', (data) => cobrowseEvents.emit({ type: 'frame', ...data }));
  on('cobrowse.ended', (data) => cobrowseEvents.emit({ type: 'ended', ...data }));
  const cobrowse: CobrowseRelayApi = {
    create: () => checked(cobrowseCreated, command('cobrowse.create', {})),
    send: (frame) => command('cobrowse.frame', frame),
    resume: (sessionId) => checked(cobrowseResumed, command('cobrowse.resume', { sessionId })),
    consent: (allow) => command('cobrowse.consent', { allow }),
    revoke: () => command('cobrowse.revoke', {}),
    end: () => command('cobrowse.end', {}),
    onEvent: cobrowseEvents.add,
  };

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
    messaging,
    clickToCall,
    callback,
    cobrowse,
  };
}

export interface WebSocketBackendOptions
  extends Pick<SessionClientOptions, 'resume' | 'onResumeState' | 'backoffBaseMs' | 'backoffCapMs'> {
  /** "wss://…", or a path on the page's own site ("/tandem"), reached with ws: or wss: to match the page. */
  url: string;
  /** Keeps the session's resume token here (per tab), so that a reload resumes the same session. */
  storage?: Storage;
  /**
   * Shares one connection between the tabs of the site (Web Locks + BroadcastChannel), keeping its resume
   * token here (localStorage). Browsers without those APIs keep one connection per tab in `storage`.
   */
  sharedStorage?: Storage;
  WebSocket?: WebSocketConstructor;
  clock?: Clock;
  random?: Random;
}

/** The backend for a browser: protocol v1 over WebSocket to the reference server or any compatible one. */
export function websocket(options: WebSocketBackendOptions): FullBackendAdapter {
  const sharing = options.sharedStorage ? browserSharing() : undefined;
  if (!sharing) return connection(options, options.storage);
  return sharedBackend({
    name: absolute(options.url),
    create: () => connection(options, options.sharedStorage),
    random: options.random ?? systemRandom,
    ...sharing,
  });
}

function connection(options: WebSocketBackendOptions, storage: Storage | undefined): FullBackendAdapter {
  const transport: Transport = websocketTransport({
    url: absolute(options.url),
    WebSocket: options.WebSocket,
  });
  const resume = options.resume ?? storage?.get(resumeKey, readResume);
  return protocolBackend(
    createSessionClient({
      ...options,
      ...(resume ? { resume } : {}),
      onResumeState(state) {
        storage?.set(resumeKey, state, { ttlMs: resumeTtlMs });
        options.onResumeState?.(state);
      },
      transport,
      role: 'customer',
    }),
  );
}

const resumeKey = 'connection';
const resumeTtlMs = 72 * 3600_000;

function readResume(value: unknown): { token: string; lastSeq: number } | undefined {
  const state = value as { token?: unknown; lastSeq?: unknown } | null;
  return typeof state?.token === 'string' && typeof state.lastSeq === 'number'
    ? { token: state.token, lastSeq: state.lastSeq }
    : undefined;
}

function absolute(url: string): string {
  const location = getWindow()?.location;
  if (!url.startsWith('/') || !location) return url;
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${url}`;
}
