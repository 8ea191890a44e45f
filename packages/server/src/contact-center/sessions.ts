import {
  type Clock,
  formatProblems,
  type Peer,
  type Random,
  systemClock,
  systemRandom,
  validate,
} from '@tandem/sdk-core';
import {
  type ClientFrame,
  clientFrame,
  decodeFrame,
  defaultMaxFrameBytes,
  encodeFrame,
  type HelloFrame,
  ProtocolClose,
  ProtocolError,
  type ProtocolErrorCode,
  protocolVersion,
  type ResultFrame,
  type SequencedFrame,
} from '@tandem/sdk-core/protocol';
import type * as z from 'zod/mini';
import { CommandFailure } from './failure';
import { tokenBucket } from './token-bucket';

export type Role = 'customer' | 'agent';

export interface SessionLimits {
  maxFrameBytes: number;
  /** Values (keys included) one frame may hold: counted on the text, before it is parsed. */
  maxFrameValues: number;
  /** Bytes a connection may send in a burst, and per second after it (frames are counted apart). */
  burstBytes: number;
  bytesPerSecond: number;
  /** Frames a connection may send in a burst, and per second after it. */
  burst: number;
  perSecond: number;
  helloTimeoutMs: number;
  /** A connection that sends nothing (not even a ping) for this long is closed. */
  idleTimeoutMs: number;
  /** How long a disconnected session can still be resumed. */
  resumeWindowMs: number;
  /** The same for a customer's session that never started anything: it holds nothing worth keeping. */
  unengagedWindowMs: number;
  /** Unacknowledged frames kept for replay; past this the session ends rather than lose frames silently. */
  maxOutbox: number;
  /** The same, in bytes (UTF-16 units of the encoded frames). */
  maxOutboxBytes: number;
}

export const defaultSessionLimits: SessionLimits = {
  maxFrameBytes: defaultMaxFrameBytes,
  // Customers' and agents' frames are small objects; co-browse carries its events as one string.
  maxFrameValues: 20_000,
  burstBytes: 16 * 1024 * 1024,
  bytesPerSecond: 4 * 1024 * 1024,
  burst: 400,
  perSecond: 200,
  helloTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  resumeWindowMs: 72 * 3600_000,
  unengagedWindowMs: 5 * 60_000,
  maxOutbox: 10_000,
  maxOutboxBytes: 32 * 1024 * 1024,
};

export interface Session {
  readonly token: string;
  readonly role: Role;
  /** Customer id or agent id. */
  readonly subject: string;
  readonly connected: boolean;
}

export interface CommandContext {
  readonly session: Session;
}

export interface CommandHandler<P = unknown> {
  readonly roles: readonly Role[];
  /** It starts something that lasts (a chat, a thread, a call, a callback, co-browse): the session is kept. */
  readonly engages?: boolean;
  readonly schema: z.ZodMiniType<P>;
  run(context: CommandContext, payload: P): unknown;
}

export type Credentials = NonNullable<HelloFrame['credentials']>;

/** An agent's sign-in: the agent id, or why not (a code of ProtocolError's list and words for the agent). */
export type AuthResult =
  | { readonly ok: true; readonly subject: string }
  | { readonly ok: false; readonly code: ProtocolErrorCode; readonly message: string };

export interface SessionHooks {
  /** Checks agent credentials (`address`: the peer's, where known). */
  authenticate(credentials: Credentials, address?: string): AuthResult | Promise<AuthResult>;
  newCustomerId(): string;
  onConnect?(session: Session): void;
  onDisconnect?(session: Session): void;
  /** The session can no longer be resumed (expired or ended). */
  onSessionEnd?(session: Session): void;
}

export interface SessionState extends Session {
  connected: boolean;
  seq: number;
  /** Unacknowledged frames, encoded once, with their sizes for the byte cap. */
  outbox: Array<{ readonly seq: number; readonly text: string }>;
  outboxBytes: number;
  /** Results by command id; a result's text is let go once acknowledged (its id stays, for dedup). */
  results: Map<string, { readonly seq: number; text: string }>;
  /** Ids of results not yet acknowledged, in sequence order. */
  unackedResults: string[];
  peer: Peer | null;
  expiry: unknown;
  /** Ran a command that starts something: resumable for the full window. */
  engaged: boolean;
  /** Results let go from the front of the cache so far: the position of the first one kept. */
  resultsBase: number;
}

const maxCachedResults = 1000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The reliable session layer of protocol v1, server side: handshake, per-session sequence numbers,
 * replay on resume, deduplication of commands by client id, and the limits that keep one bad client
 * from hurting others. It knows nothing of chats or calls: handlers are registered by name.
 */
export function createSessionServer(options: {
  hooks: SessionHooks;
  clock?: Clock;
  random?: Random;
  limits?: Partial<SessionLimits>;
  /** A handler threw something other than a CommandFailure: a server bug, reported, never fatal. */
  onError?(error: unknown): void;
}) {
  const { hooks, clock = systemClock, random = systemRandom } = options;
  const limits = { ...defaultSessionLimits, ...options.limits };
  const sessions = new Map<string, SessionState>();
  const bySubject = new Map<string, Set<SessionState>>();
  const handlers = new Map<string, CommandHandler>();
  /** Sessions changed since storage last asked (tokens): the hottest records, so tracked, not compared. */
  const changed = new Set<string>();

  function newToken(): string {
    let token = '';
    for (let i = 0; i < 32; i++) token += Math.floor(random() * 16).toString(16);
    return token;
  }

  function createSession(role: Role, subject: string): SessionState {
    const session: SessionState = {
      token: newToken(),
      role,
      subject,
      connected: false,
      seq: 0,
      outbox: [],
      outboxBytes: 0,
      results: new Map(),
      unackedResults: [],
      peer: null,
      expiry: undefined,
      engaged: role === 'agent',
      resultsBase: 0,
    };
    keep(session);
    return session;
  }

  function keep(session: SessionState): void {
    sessions.set(session.token, session);
    const set = bySubject.get(session.subject) ?? new Set();
    set.add(session);
    bySubject.set(session.subject, set);
    changed.add(session.token);
  }

  function armExpiry(session: SessionState): void {
    session.expiry = clock.setTimeout(
      () => endSession(session, 'resume window passed'),
      session.engaged ? limits.resumeWindowMs : limits.unengagedWindowMs,
    );
  }

  function endSession(
    session: SessionState,
    reason: string,
    code: number = ProtocolClose.SessionEnded,
  ): void {
    if (!sessions.has(session.token)) return;
    sessions.delete(session.token);
    changed.add(session.token);
    bySubject.get(session.subject)?.delete(session);
    if (bySubject.get(session.subject)?.size === 0) bySubject.delete(session.subject);
    clock.clearTimeout(session.expiry);
    session.peer?.close(code, reason);
    session.peer = null;
    session.connected = false;
    hooks.onSessionEnd?.(session);
  }

  /**
   * Numbers the frame, encodes it once, keeps the text for replay and sends it if connected. A frame that
   * cannot be encoded takes no sequence number, so the client never sees a gap.
   */
  function push(
    session: SessionState,
    frame: DistributiveOmit<SequencedFrame, 'seq'>,
  ): { seq: number; text: string } | null {
    const seq = session.seq + 1;
    let text: string;
    try {
      text = encodeFrame({ ...frame, seq });
    } catch (error) {
      options.onError?.(error);
      return null;
    }
    session.seq = seq;
    changed.add(session.token);
    const entry = { seq, text };
    session.outbox.push(entry);
    session.outboxBytes += text.length;
    if (session.outbox.length > limits.maxOutbox || session.outboxBytes > limits.maxOutboxBytes) {
      endSession(session, 'too many unacknowledged frames');
      return null;
    }
    session.peer?.send(text);
    return entry;
  }

  function acknowledge(session: SessionState, upTo: number): void {
    changed.add(session.token);
    while (session.outbox.length > 0 && (session.outbox[0]?.seq ?? Infinity) <= upTo) {
      session.outboxBytes -= session.outbox.shift()?.text.length ?? 0;
    }
    // The client has these results: a resend of their command is answered by nothing, not run again.
    for (let id = session.unackedResults[0]; id !== undefined; id = session.unackedResults[0]) {
      const result = session.results.get(id);
      if (result && result.seq > upTo) break;
      if (result) result.text = '';
      session.unackedResults.shift();
    }
  }

  function emit(session: SessionState, name: string, data?: unknown): void {
    push(session, { type: 'event', name, data });
  }

  function accept(peer: Peer): void {
    let session: SessionState | null = null;
    let closed = false;
    let held: ClientFrame[] | null = null;
    const bucket = tokenBucket(clock, limits.burst, limits.perSecond);
    const bytes = tokenBucket(clock, limits.burstBytes, limits.bytesPerSecond);
    let idle: unknown = clock.setTimeout(
      () => close(ProtocolClose.HelloTimeout, 'no hello'),
      limits.helloTimeoutMs,
    );

    const sendError = (code: ProtocolErrorCode, message: string) =>
      peer.send(encodeFrame({ type: 'error', code, message }));

    function close(code: number, reason: string): void {
      if (closed) return;
      closed = true;
      clock.clearTimeout(idle);
      peer.close(code, reason);
      detach();
    }

    function detach(): void {
      clock.clearTimeout(idle);
      if (!session || session.peer !== peer) return;
      const current = session;
      current.peer = null;
      current.connected = false;
      armExpiry(current);
      hooks.onDisconnect?.(current);
    }

    function armIdle(): void {
      clock.clearTimeout(idle);
      idle = clock.setTimeout(() => close(ProtocolClose.GoingAway, 'idle'), limits.idleTimeoutMs);
    }

    peer.onClose(() => {
      closed = true;
      detach();
    });

    peer.onMessage((data) => guard(() => receive(data)));

    /** A bug must cost this connection, never the process or the other sessions. */
    function guard(work: () => void): void {
      try {
        work();
      } catch (error) {
        options.onError?.(error);
        sendError(ProtocolError.Internal, 'the server could not handle that frame');
        close(ProtocolClose.GoingAway, 'internal error');
      }
    }

    function receive(data: string): void {
      if (closed) return;
      if (!bucket.take()) {
        sendError(ProtocolError.Flood, `more than ${limits.perSecond} frames per second`);
        close(ProtocolClose.Flood, 'flood');
        return;
      }
      if (!bytes.take(data.length)) {
        sendError(ProtocolError.Flood, `more than ${limits.bytesPerSecond} bytes per second`);
        close(ProtocolClose.Flood, 'flood');
        return;
      }
      const decoded = decodeFrame(clientFrame, data, limits.maxFrameBytes, limits.maxFrameValues);
      if (!decoded.ok) {
        sendError(decoded.code, decoded.message);
        if (decoded.code === ProtocolError.TooBig) close(ProtocolClose.TooBig, 'frame too big');
        return;
      }
      if (session) armIdle();
      // Frames that come while the password is being checked wait for the answer, in order.
      if (held) held.push(decoded.frame);
      else handleFrame(decoded.frame);
    }

    function handleFrame(frame: ClientFrame): void {
      if (frame.type === 'hello') {
        hello(frame);
      } else if (!session) {
        sendError(ProtocolError.HelloRequired, 'send hello first');
      } else if (frame.type === 'ping') {
        peer.send(encodeFrame({ type: 'pong' }));
      } else if (frame.type === 'ack') {
        acknowledge(session, frame.seq);
      } else if (frame.type === 'cmd') {
        command(session, frame.id, frame.name, frame.payload);
      }
    }

    function hello(frame: HelloFrame): void {
      if (session) {
        sendError(ProtocolError.MalformedFrame, 'hello was already received');
        return;
      }
      if (frame.version !== protocolVersion) {
        sendError(
          ProtocolError.BadVersion,
          `protocol version ${frame.version} is not supported; use ${protocolVersion}`,
        );
        close(ProtocolClose.BadVersion, 'unsupported protocol version');
        return;
      }
      if (frame.role !== 'agent') {
        admit(frame, null);
        return;
      }
      const credentials = frame.credentials;
      const outcome: AuthResult | Promise<AuthResult> = credentials
        ? hooks.authenticate(credentials, peer.address)
        : resumedAgent(frame);
      if (!(outcome instanceof Promise)) {
        signedIn(frame, outcome);
        return;
      }
      held = [];
      outcome
        .catch((error: unknown): AuthResult => {
          options.onError?.(error);
          return { ok: false, code: ProtocolError.AuthFailed, message: 'sign-in failed on the server' };
        })
        .then((result) =>
          guard(() => {
            const waiting = held ?? [];
            held = null;
            if (closed) return;
            signedIn(frame, result);
            for (const next of waiting) if (!closed) handleFrame(next);
          }),
        );
    }

    /**
     * An agent's page reloaded: its session token (128 random bits, kept by that tab alone) stands for the
     * password while the session lives. Anything else is refused as a wrong password would be.
     */
    function resumedAgent(frame: HelloFrame): AuthResult {
      const previous = frame.resume ? sessions.get(frame.resume.token) : undefined;
      return previous?.role === 'agent'
        ? { ok: true, subject: previous.subject }
        : { ok: false, code: ProtocolError.AuthFailed, message: 'unknown username or wrong password' };
    }

    function signedIn(frame: HelloFrame, result: AuthResult): void {
      if (result.ok) admit(frame, result.subject);
      else {
        sendError(result.code, result.message);
        close(ProtocolClose.AuthFailed, 'authentication failed');
      }
    }

    function admit(frame: HelloFrame, subject: string | null): void {
      const previous = frame.resume ? sessions.get(frame.resume.token) : undefined;
      const resumable =
        previous && previous.role === frame.role && (subject === null || previous.subject === subject);
      const current = resumable ? previous : createSession(frame.role, subject ?? hooks.newCustomerId());
      if (!resumable && frame.role === 'agent') {
        // One session per agent: a fresh login retires the older ones (the agent stays logged in).
        for (const older of [...(bySubject.get(current.subject) ?? [])]) {
          if (older !== current) endSession(older, 'replaced by a new login', ProtocolClose.Replaced);
        }
      }
      if (current.peer && current.peer !== peer) {
        current.peer.close(ProtocolClose.Replaced, 'replaced by a newer connection');
      }
      clock.clearTimeout(current.expiry);
      current.peer = peer;
      current.connected = true;
      session = current;
      armIdle();
      const welcome = {
        type: 'welcome',
        version: protocolVersion,
        token: current.token,
        resumed: Boolean(resumable),
        subject: current.subject,
        seq: current.seq,
      };
      peer.send(encodeFrame(welcome));
      acknowledge(current, resumable && frame.resume ? frame.resume.lastSeq : 0);
      for (const pending of current.outbox) peer.send(pending.text);
      hooks.onConnect?.(current);
    }
  }

  function command(session: SessionState, id: string, name: string, payload: unknown): void {
    const cached = session.results.get(id);
    if (cached) {
      // A resend after a reconnect: same result, same sequence number, applied once.
      if (cached.text) session.peer?.send(cached.text);
      return;
    }
    let result: Omit<ResultFrame, 'seq'>;
    const handler = handlers.get(name);
    if (!handler?.roles.includes(session.role)) {
      result = failure(id, ProtocolError.UnknownCommand, `unknown command "${name}"`);
    } else {
      const checked = validate(handler.schema, payload);
      if (!checked.ok) {
        result = failure(id, ProtocolError.InvalidArgument, formatProblems(name, checked.problems));
      } else {
        try {
          const value = handler.run({ session }, checked.value);
          if (handler.engages && !session.engaged) {
            session.engaged = true;
            changed.add(session.token);
          }
          result =
            value === undefined ? { type: 'result', id, ok: true } : { type: 'result', id, ok: true, value };
        } catch (error) {
          if (error instanceof CommandFailure) result = failure(id, error.code, error.message);
          else {
            options.onError?.(error);
            result = failure(id, ProtocolError.Internal, `${name} failed on the server`);
          }
        }
      }
    }
    if (!sessions.has(session.token)) return;
    const pushed = push(session, result);
    if (!pushed) return;
    session.results.set(id, { ...pushed });
    session.unackedResults.push(id);
    if (session.results.size > maxCachedResults) {
      const oldest = session.results.keys().next().value;
      if (oldest !== undefined) session.results.delete(oldest);
      session.resultsBase++;
    }
  }

  return {
    accept,
    register<P>(name: string, handler: CommandHandler<P>): void {
      if (handlers.has(name)) throw new Error(`command ${name} registered twice`);
      handlers.set(name, handler as CommandHandler);
    },
    /**
     * Sends a sequenced event to every session of a customer or agent. A `volatile` event (typing) goes
     * only to connected sessions: nobody needs it replayed, and it must not pile up for an absent peer.
     */
    emitTo(subject: string, name: string, data?: unknown, options: { volatile?: boolean } = {}): void {
      for (const session of [...(bySubject.get(subject) ?? [])]) {
        if (!options.volatile || session.connected) emit(session, name, data);
      }
    },
    /** Every session, as storage keeps them (see session-records.ts). */
    all: (): Iterable<SessionState> => sessions.values(),
    /** Sessions changed since the last call (undefined: the session ended). */
    takeChanged(): Array<[string, SessionState | undefined]> {
      const out = [...changed].map(
        (token) => [token, sessions.get(token)] as [string, SessionState | undefined],
      );
      changed.clear();
      return out;
    },
    /**
     * Sessions a previous run stored, all disconnected: each may be resumed with its token for its window
     * again, and replays what its client had not acknowledged.
     */
    restore(stored: Iterable<Omit<SessionState, 'connected' | 'peer' | 'expiry'>>): Session[] {
      const restored: SessionState[] = [];
      for (const state of stored) {
        const session: SessionState = { ...state, connected: false, peer: null, expiry: undefined };
        keep(session);
        armExpiry(session);
        restored.push(session);
      }
      changed.clear();
      return restored;
    },
    /** True while any session (connected or resumable) exists for this customer or agent. */
    hasSession: (subject: string) => (bySubject.get(subject)?.size ?? 0) > 0,
    isConnected(subject: string): boolean {
      return [...(bySubject.get(subject) ?? [])].some((s) => s.connected);
    },
    end(subject: string, reason: string): void {
      for (const session of [...(bySubject.get(subject) ?? [])]) endSession(session, reason);
    },
    get sessionCount() {
      return sessions.size;
    },
    /** Characters held for sessions: unacknowledged frames and cached results (shared text counted twice). */
    get retainedChars() {
      let total = 0;
      for (const session of sessions.values()) {
        total += session.outboxBytes;
        for (const result of session.results.values()) total += result.text.length;
      }
      return total;
    },
  };
}

export type SessionServer = ReturnType<typeof createSessionServer>;

function failure(id: string, code: ProtocolErrorCode, message: string): Omit<ResultFrame, 'seq'> {
  return { type: 'result', id, ok: false, error: { code, message: message.slice(0, 2000) } };
}
