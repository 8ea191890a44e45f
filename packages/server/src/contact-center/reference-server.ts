import {
  type Clock,
  formatProblems,
  type Peer,
  type Random,
  systemClock,
  systemRandom,
  validate,
} from '@tandem/sdk-core';
import type { Store, StoredState } from '../storage/store';
import { registerAgentCommands } from './agent-commands';
import { createAgentStates } from './agent-states';
import { createAgents } from './agents';
import { computeAvailability, createAvailabilityFeed } from './availability';
import { createCallbackDomain } from './callback';
import { registerChatCommands } from './chat-commands';
import { createCobrowseDomain } from './cobrowse';
import { registerCobrowseCommands } from './cobrowse-commands';
import { defaultNotReadyReasons, type ServerConfig, serverConfigSchema } from './config';
import { createDomainBus } from './domain-events';
import { attachStorage } from './durable';
import { createEstimates, createHandleTimes } from './ewt';
import { createFactLog } from './facts';
import { createInteractionDomain } from './interactions';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle';
import { createMessagingDomain } from './messaging';
import { registerMessagingCommands } from './messaging-commands';
import { createPresence } from './presence';
import { createReports } from './reports';
import { scheduleRetention } from './retention';
import { createRouter, type Router } from './router';
import { createSessionServer, type SessionLimits } from './sessions';
import { createSignIn, plainPasswords, type VerifyPassword, type VerifyToken } from './sign-in';
import { createVoiceDomain } from './voice';
import { registerVoiceCommands } from './voice-commands';

export interface ReferenceServerOptions {
  config: unknown;
  clock?: Clock;
  random?: Random;
  limits?: Partial<SessionLimits>;
  /** How a password is checked against the config's (plain text by default; the host hashes). */
  verifyPassword?: VerifyPassword;
  /**
   * Checks an identity provider's token and gives the username it vouches for (the host builds it from
   * the config's `auth.jwt`); without, tokens are refused.
   */
  verifyToken?: VerifyToken;
  /** Failed sign-ins allowed, and the delays after them. */
  loginThrottle?: LoginThrottleOptions;
  onError?(error: unknown): void;
  /**
   * Where the state lives between runs, and what it held when this run started (openReferenceServer reads
   * it); without, everything is kept in memory only, as unit tests want.
   */
  storage?: {
    store: Store;
    restored: StoredState;
    /** Tests: report any change the storage's tracking missed (see createPersistence). */
    verify?(problem: string): void;
  };
}

/** Thrown by createReferenceServer for an invalid config file; lists every problem by path. */
export class ServerConfigError extends Error {}

/**
 * The reference contact center: agents, skills, queues, routing, EWT and chat, behind protocol v1.
 * Plain TypeScript over injected clock and randomness; `accept(peer)` takes connections from any carrier.
 */
export function createReferenceServer(options: ReferenceServerOptions) {
  const checked = validate(serverConfigSchema, options.config);
  if (!checked.ok) throw new ServerConfigError(formatProblems('Tandem server config', checked.problems));
  const config: ServerConfig = checked.value;
  const clock = trackedClock(options.clock ?? systemClock, () => persistence?.schedule());
  const random = options.random ?? systemRandom;
  const notReadyReasons = config.notReadyReasons ?? defaultNotReadyReasons;
  let counter = 0;
  const newId = (prefix: string) =>
    `${prefix}-${(++counter).toString(36)}${Math.floor(random() * 36 ** 4).toString(36)}`;

  const agents = createAgents(config.agents, () => clock.now());
  const signIn = createSignIn(agents, createLoginThrottle(clock, options.loginThrottle), {
    password: options.verifyPassword ?? plainPasswords,
    ...(options.verifyToken ? { token: options.verifyToken } : {}),
  });
  const facts = createFactLog();
  const handleTimes = createHandleTimes(config.routing?.defaultHandleTimeSec ?? 240);
  let customers = 0;

  const sessions = createSessionServer({
    clock,
    random,
    limits: options.limits,
    onError: options.onError,
    hooks: {
      authenticate: (credentials, address) =>
        signIn(credentials, address).then((result) =>
          result.ok ? { ok: true, subject: result.agentId } : result,
        ),
      newCustomerId: () => `customer-${++customers}-${Math.floor(random() * 36 ** 6).toString(36)}`,
      onConnect(session) {
        presence.connected(session.subject);
        const agent = session.role === 'agent' ? agents.get(session.subject) : undefined;
        if (agent && agent.status === 'LoggedOut') setStatus(agent, 'NotReady');
        // Back within the grace: what was waiting for them (a Ready agent's next chat) may go on.
        if (agent) router.route();
      },
      onDisconnect: (session) => presence.disconnected(session.subject, session.role),
      onSessionEnd(session) {
        if (session.role === 'customer') feed.unsubscribe(session.subject);
        const agent = session.role === 'agent' ? agents.get(session.subject) : undefined;
        if (agent && !sessions.hasSession(agent.id)) setStatus(agent, 'LoggedOut');
      },
    },
  });

  const presence = createPresence({
    clock,
    graceMs: (config.presence?.graceSec ?? 60) * 1000,
    isConnected: (subject) => sessions.isConnected(subject),
    onGone(subject, role) {
      if (role === 'customer') return domain.customerGone(subject);
      const agent = agents.get(subject);
      if (agent?.status === 'Ready') setStatus(agent, 'NotReady', 'disconnected');
    },
  });

  const notify = (subject: string, name: string, data?: unknown, volatile = false) =>
    sessions.emitTo(subject, name, data, { volatile });

  const { ewt, staffed, forRequest, staffedFor } = createEstimates({
    config,
    agents,
    handleTimes,
    waiting: (media, subjectId) =>
      router.waiting().filter((r) => r.subject.id === subjectId && r.media === media).length,
  });

  const { announce, setStatus } = createAgentStates({
    clock,
    notify,
    changed() {
      feed.changed();
      // The last agent who could take a subject logged out (or the first logged in): its waiting visitors hear.
      domain.hooks.onQueueChanged();
    },
    route: () => router.route(),
  });

  const feed = createAvailabilityFeed({
    clock,
    intervalMs: (config.pushIntervalSec ?? 10) * 1000,
    compute: () => computeAvailability(config, clock.now(), ewt, staffed),
    send: (subscriber, availability) => notify(subscriber, 'availability', availability),
  });

  const events = createDomainBus();
  const domain = createInteractionDomain({
    clock,
    config,
    agents,
    facts,
    handleTimes,
    notify,
    newId,
    router: () => router,
    events,
    staffed: staffedFor,
    estimate: forRequest,
  });

  const router: Router = createRouter({
    clock,
    agents,
    ronaTimeoutMs: (config.routing?.ronaTimeoutSec ?? 20) * 1000,
    isPresent: (agentId) => sessions.isConnected(agentId),
    routingDelayMs: config.routing?.routingDelayMs ?? 300,
    hooks: {
      onRouting: (request) => domain.hooks.onRouting(request),
      onInvite: (invite) => domain.hooks.onInvite(invite),
      onAccepted: (invite) => domain.hooks.onAccepted(invite),
      onRevoked: (invite, cause) => domain.hooks.onRevoked(invite, cause),
      onQueueChanged() {
        domain.hooks.onQueueChanged();
        feed.changed();
      },
      onAgentChanged: (agent) => announce(agent),
      onTargetsExhausted(request) {
        const interaction = domain.interactions.get(request.interactionId);
        return Boolean(
          interaction &&
            request.purpose === 'route' &&
            interaction.media === 'voice' &&
            voice.overflow(interaction),
        );
      },
    },
  });

  // Each listens on the domain events for what concerns it (in this order: voice hears of a call first).
  const voice = createVoiceDomain({ clock, random, config, interactions: domain, notify, newId, events });
  const messaging = createMessagingDomain({ clock, config, interactions: domain, newId, events });
  const callback = createCallbackDomain({ clock, config, interactions: domain, notify, newId, events });
  const cobrowse = createCobrowseDomain({ clock, random, config, interactions: domain, notify, events });

  const register = sessions.register;
  registerChatCommands(register, domain, feed);
  registerMessagingCommands(register, messaging);
  registerCobrowseCommands(register, cobrowse);
  registerVoiceCommands(register, voice, callback);
  registerAgentCommands({
    register,
    clock,
    config,
    agents,
    domain,
    sessions,
    events,
    notReadyReasons,
    setStatus,
  });

  const durable = {
    config,
    counters: {
      get: () => ({ ids: counter, customers }),
      set(stored: { ids: number; customers: number }) {
        counter = stored.ids;
        customers = stored.customers;
      },
    },
    sessions,
    agents,
    facts,
    handleTimes,
    domain,
    router,
    messaging,
    voice,
    callback,
    cobrowse,
    feed,
    presence,
  };
  const persistence = attachStorage(options.storage, durable, options.onError ?? (() => {}));
  /** Telephony calls come over HTTP, not a session: their changes are stored the same way. */
  const stored =
    <A extends unknown[], R>(work: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return work(...args);
      } finally {
        persistence?.schedule();
      }
    };

  scheduleRetention({
    clock,
    retentionMs: (config.retentionHours ?? 24) * 3600_000,
    domain,
    facts,
    cobrowse,
    voice,
  });

  return {
    accept: (peer: Peer) => sessions.accept(persistence ? persistence.gate(peer) : peer),
    /**
     * Stops every timer the server armed (routing, timeouts, co-browse, the retention sweep), then writes
     * what is left to storage and sends the frames that waited for it.
     */
    close: async (): Promise<void> => {
      clock.clearAll();
      await persistence?.drain();
    },
    config,
    facts,
    agents,
    interactions: domain.interactions,
    cobrowseSessions: cobrowse.sessions,
    reports: createReports({
      agents,
      facts,
      interactions: domain.interactions,
      cobrowse: cobrowse.sessions,
      now: () => clock.now(),
    }),
    callbacks: callback.callbacks,
    /** The telephony side: what a PSTN gateway (or the phone simulator) calls. */
    voice: {
      inboundCall: stored(voice.inboundCall),
      keyDigits: stored(voice.keyDigits),
      hangUp: stored(voice.hangUp),
      calls: voice.calls,
    },
    availability: () => computeAvailability(config, clock.now(), ewt, staffed),
    /** Agent sign-in outside the WebSocket (HTTP), throttled with it. */
    signIn,
    get sessionCount() {
      return sessions.sessionCount;
    },
    get retainedChars() {
      return sessions.retainedChars;
    },
  };
}

export type ReferenceServer = ReturnType<typeof createReferenceServer>;

/** A contact center on durable storage: reads what the store holds, then runs on from there. */
export async function openReferenceServer(
  options: Omit<ReferenceServerOptions, 'storage'> & { store: Store; verify?(problem: string): void },
): Promise<ReferenceServer> {
  const { store, verify, ...rest } = options;
  const restored = await store.load();
  return createReferenceServer({ ...rest, storage: { store, restored, ...(verify ? { verify } : {}) } });
}

/**
 * The clock with a record of the timers armed through it, so that closing the server stops them all; once
 * closed it arms none (connections closing afterwards would otherwise start their resume windows).
 */
function trackedClock(base: Clock, afterFire: () => void): Clock & { clearAll(): void } {
  const armed = new Set<unknown>();
  let closed = false;
  return {
    now: () => base.now(),
    setTimeout(callback, ms) {
      if (closed) return undefined as never;
      const handle = base.setTimeout(() => {
        armed.delete(handle);
        try {
          callback();
        } finally {
          afterFire();
        }
      }, ms);
      armed.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      armed.delete(handle);
      base.clearTimeout(handle);
    },
    clearAll() {
      closed = true;
      for (const handle of armed) base.clearTimeout(handle as never);
      armed.clear();
    },
  };
}
