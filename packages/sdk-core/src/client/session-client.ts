import { listeners } from '../backend/listeners';
import type { Transport } from '../backend/transport';
import type { Unsubscribe } from '../bus';
import { type Clock, type Random, systemClock, systemRandom } from '../clock';
import { type TandemError, tandemError } from '../errors';
import { decodeFrame, encodeFrame } from '../protocol/codec';
import {
  ProtocolClose,
  ProtocolError,
  protocolVersion,
  type ServerFrame,
  serverFrame,
} from '../protocol/envelope';
import { backoffDelay } from './backoff';
import { watchConnectivity } from './connectivity';

export type SessionState = 'idle' | 'connecting' | 'online' | 'offline' | 'closed';

/** Server frames can carry whole transcripts or page snapshots: the client accepts larger ones. */
export const defaultClientMaxFrameBytes = 8 * 1024 * 1024;

export interface SessionClientOptions {
  transport: Transport;
  role: 'customer' | 'agent';
  credentials?: { username: string; password: string } | { token: string };
  /** A token from an earlier page (storage) to resume; the sequence restarts from lastSeq. */
  resume?: { token: string; lastSeq: number };
  clock?: Clock;
  random?: Random;
  pingIntervalMs?: number;
  /** With no frame at all for this long, the socket is taken for dead (within 30 s by default). */
  deadAfterMs?: number;
  maxPending?: number;
  maxFrameBytes?: number;
  /** First reconnect step and cap of the exponential backoff. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Called whenever the token or the last sequence changes, to persist them. */
  onResumeState?(state: { token: string; lastSeq: number }): void;
  nextId?(): string;
}

interface Pending {
  readonly id: string;
  readonly name: string;
  readonly payload: unknown;
  resolve(value: unknown): void;
  reject(error: TandemError): void;
}

/**
 * The reliable session layer of protocol v1, client side: handshake and resume, acks, commands that are
 * queued while offline and resent until answered, heartbeats, reconnect with backoff and jitter.
 */
export function createSessionClient(options: SessionClientOptions) {
  const { transport, clock = systemClock, random = systemRandom } = options;
  const pingIntervalMs = options.pingIntervalMs ?? 10_000;
  const deadAfterMs = options.deadAfterMs ?? 25_000;
  const maxPending = options.maxPending ?? 500;
  const stateChanged = listeners<SessionState>();
  const eventReceived = listeners<{ name: string; data: unknown }>();
  const pending = new Map<string, Pending>();
  let state: SessionState = 'idle';
  let token = options.resume?.token;
  let lastSeq = options.resume?.lastSeq ?? 0;
  let subject: string | undefined;
  let attempt = 0;
  let stopped = false;
  let reconnectTimer: unknown;
  let pingTimer: unknown;
  let deadTimer: unknown;
  let ackTimer: unknown;
  let counter = 0;
  let unwatch: () => void = () => undefined;
  /** Resumes asked for because a frame was unreadable or missing, since the sequence last moved on. */
  let resyncs = 0;
  const nextId =
    options.nextId ??
    (() =>
      `c${clock.now().toString(36)}${(counter++).toString(36)}${Math.floor(random() * 1e6).toString(36)}`);

  function setState(next: SessionState): void {
    if (state === next) return;
    state = next;
    stateChanged.emit(next);
  }

  function send(frame: unknown): void {
    transport.send(encodeFrame(frame));
  }

  function persist(): void {
    if (token) options.onResumeState?.({ token, lastSeq });
  }

  function heartbeat(): void {
    clock.clearTimeout(deadTimer);
    deadTimer = clock.setTimeout(() => {
      // Nothing heard for too long: the socket is dead even if it has not said so.
      transport.close(4000, 'heartbeat timeout');
    }, deadAfterMs);
  }

  function schedulePing(): void {
    clock.clearTimeout(pingTimer);
    pingTimer = clock.setTimeout(() => {
      if (state === 'online') send({ type: 'ping' });
      schedulePing();
    }, pingIntervalMs);
  }

  function scheduleAck(): void {
    if (ackTimer !== undefined) return;
    ackTimer = clock.setTimeout(() => {
      ackTimer = undefined;
      // Saved with the ack, not per frame: a reload at worst replays a few frames, which are merged by id.
      persist();
      if (state === 'online') send({ type: 'ack', seq: lastSeq });
    }, 50);
  }

  function connect(): void {
    if (stopped) return;
    clock.clearTimeout(reconnectTimer);
    setState('connecting');
    transport.open();
  }

  function scheduleReconnect(): void {
    if (stopped || state === 'closed') return;
    setState('offline');
    clock.clearTimeout(reconnectTimer);
    const delay = backoffDelay(attempt++, random, options.backoffBaseMs, options.backoffCapMs);
    reconnectTimer = clock.setTimeout(connect, delay);
  }

  function fatal(error: TandemError): void {
    setState('closed');
    stopped = true;
    unwatch();
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
    transport.close(1000, error.code);
  }

  transport.onOpen(() => {
    heartbeat();
    send({
      type: 'hello',
      version: protocolVersion,
      role: options.role,
      ...(token ? { resume: { token, lastSeq } } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  });

  transport.onClose(({ code, reason }) => {
    clock.clearTimeout(pingTimer);
    clock.clearTimeout(deadTimer);
    if (ackTimer !== undefined) persist(); // what the cancelled ack would have saved
    clock.clearTimeout(ackTimer);
    ackTimer = undefined;
    if (state === 'closed') return;
    if (code === ProtocolClose.Replaced) {
      // Another connection (a newer tab or login) took this session over: do not fight it.
      fatal(tandemError('replaced', reason || 'replaced by a newer connection'));
      return;
    }
    if (code === ProtocolClose.SessionEnded) {
      // The server forgot the session: start a fresh one rather than resume nothing.
      token = undefined;
      lastSeq = 0;
    }
    scheduleReconnect();
  });

  transport.onMessage((data) => {
    heartbeat();
    const decoded = decodeFrame(serverFrame, data, options.maxFrameBytes ?? defaultClientMaxFrameBytes);
    if (!decoded.ok) resync(decoded.message);
    else handle(decoded.frame);
  });

  /**
   * A frame could not be read, or one is missing: never skip it (that would lose it for good). Reconnect
   * and resume from the last frame processed; the server replays the rest. Three tries, then give up.
   */
  function resync(reason: string): void {
    resyncs += 1;
    if (resyncs > 3) {
      fatal(
        tandemError(
          ProtocolError.MalformedFrame,
          `the server keeps sending frames Tandem cannot read (${reason})`,
        ),
      );
      return;
    }
    transport.close(4000, 'resync');
  }

  function handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        if (!frame.resumed) lastSeq = 0;
        token = frame.token;
        subject = frame.subject;
        attempt = 0;
        persist();
        setState('online');
        schedulePing();
        // Anything still unanswered goes again, in order; the server applies each id once.
        for (const entry of pending.values())
          send({ type: 'cmd', id: entry.id, name: entry.name, payload: entry.payload });
        return;
      case 'event':
      case 'result':
        if (frame.seq <= lastSeq) return;
        if (frame.seq > lastSeq + 1) {
          resync(`frame ${lastSeq + 1} is missing`);
          return;
        }
        lastSeq = frame.seq;
        resyncs = 0;
        scheduleAck();
        if (frame.type === 'event') eventReceived.emit({ name: frame.name, data: frame.data });
        else settle(frame.id, frame.ok, frame.value, frame.error);
        return;
      case 'error':
        if (
          frame.code === ProtocolError.AuthFailed ||
          frame.code === ProtocolError.AuthThrottled ||
          frame.code === ProtocolError.BadVersion
        ) {
          fatal(tandemError(frame.code, frame.message));
        }
        return;
      case 'ping':
        send({ type: 'pong' });
        return;
      case 'pong':
        return;
    }
  }

  function settle(id: string, ok: boolean, value: unknown, error?: { code: string; message: string }): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    if (ok) entry.resolve(value);
    else entry.reject(tandemError(error?.code ?? 'internal', error?.message ?? 'command failed'));
  }

  /** Tries at once instead of waiting out the backoff (the browser came online or became visible). */
  function reconnectNow(): void {
    if (state === 'offline') {
      attempt = 0;
      connect();
    }
  }

  return {
    get state() {
      return state;
    },
    get subject() {
      return subject;
    },
    get token() {
      return token;
    },
    start(): void {
      if (state !== 'idle') return;
      stopped = false;
      unwatch = watchConnectivity(reconnectNow);
      connect();
    },
    stop(): void {
      stopped = true;
      unwatch();
      clock.clearTimeout(reconnectTimer);
      setState('closed');
      transport.close(1000, 'client stopped');
      for (const entry of pending.values()) entry.reject(tandemError('closed', 'the connection was closed'));
      pending.clear();
    },
    reconnectNow,
    command<T = unknown>(name: string, payload?: unknown): Promise<T> {
      if (stopped || state === 'closed')
        return Promise.reject(tandemError('closed', 'the connection was closed'));
      if (pending.size >= maxPending) {
        return Promise.reject(
          tandemError('queue_full', `more than ${maxPending} commands are waiting to be sent`),
        );
      }
      const id = nextId();
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { id, name, payload, resolve: resolve as (value: unknown) => void, reject });
        if (state === 'online') send({ type: 'cmd', id, name, payload });
      });
    },
    onEvent(listener: (event: { name: string; data: unknown }) => void): Unsubscribe {
      return eventReceived.add(listener);
    },
    onStateChange(listener: (state: SessionState) => void): Unsubscribe {
      return stateChanged.add(listener);
    },
  };
}

export type SessionClient = ReturnType<typeof createSessionClient>;
