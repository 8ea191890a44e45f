import {
  type Clock,
  formatProblems,
  number,
  oneOf,
  type Peer,
  type Random,
  systemClock,
  systemRandom,
  text,
  validate,
} from '@tandem/sdk-core';
import { clientId, defaultFieldLimit, fieldLimits } from '@tandem/sdk-core/protocol';
import * as z from 'zod/mini';
import { createPersistence } from '../storage/persistence';
import type { Store, StoredState } from '../storage/store';
import { type Agent, createAgents, type Media, presentedState } from './agents';
import { computeAvailability, createAvailabilityFeed } from './availability';
import { createCallbackDomain } from './callback';
import { createCobrowseDomain } from './cobrowse';
import { defaultNotReadyReasons, type ServerConfig, serverConfigSchema } from './config';
import { recordSources, restoreState } from './durable';
import { createHandleTimes, estimateWait, isStaffed } from './ewt';
import { createFactLog } from './facts';
import { fail } from './failure';
import { createInteractionDomain } from './interactions';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle';
import { createMessagingDomain } from './messaging';
import { createPresence } from './presence';
import { createReports } from './reports';
import { createRouter, type Router } from './router';
import { createSessionServer, type SessionLimits } from './sessions';
import { createSignIn, plainPasswords, type VerifyPassword, type VerifyToken } from './sign-in';
import { createVoiceDomain } from './voice';

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

  function ewt(media: Media, subjectId: string): number | undefined {
    const subject = config.subjects.find((s) => s.id === subjectId);
    if (!subject) return undefined;
    const ahead = router.waiting().filter((r) => r.subject.id === subjectId && r.media === media).length;
    return estimateWait({
      agents,
      subject,
      media,
      ahead,
      averageHandleSec: handleTimes.average(media, subjectId),
    });
  }

  function staffed(media: Media, subjectId: string): boolean {
    const subject = config.subjects.find((s) => s.id === subjectId);
    return subject !== undefined && isStaffed({ agents, subject, media });
  }

  const feed = createAvailabilityFeed({
    clock,
    intervalMs: (config.pushIntervalSec ?? 10) * 1000,
    compute: () => computeAvailability(config, clock.now(), ewt, staffed),
    send: (subscriber, availability) => notify(subscriber, 'availability', availability),
  });

  const domain = createInteractionDomain({
    clock,
    config,
    agents,
    facts,
    handleTimes,
    notify,
    newId,
    router: () => router,
    onConnected(interaction) {
      voice.onInteractionConnected(interaction);
      const agentId = domain.primaryAgent(interaction);
      callback.onInteractionConnected(interaction, (agentId && agents.get(agentId)?.name) || '');
    },
    onEnded(interaction, _reason, agentIds) {
      voice.onInteractionEnded(interaction);
      callback.onInteractionEnded(interaction);
      messaging.onInteractionEnded(interaction, agentIds);
      cobrowse.onPrimaryChanged(interaction, 'ended');
    },
    onTransferred: (interaction) => cobrowse.onPrimaryChanged(interaction, 'transferred'),
    onAgentLeft: (interaction, agentId) => cobrowse.onAgentLeft(interaction, agentId),
    staffed: (request) => isStaffed({ agents, subject: request.subject, media: request.media }),
    estimate(request, ahead) {
      return estimateWait({
        agents,
        subject: request.subject,
        media: request.media,
        ahead,
        averageHandleSec: handleTimes.average(request.media, request.subject.id),
      });
    },
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

  const voice = createVoiceDomain({ clock, random, config, interactions: domain, notify, newId });
  const messaging = createMessagingDomain({ clock, config, interactions: domain, newId });
  const callback = createCallbackDomain({ clock, config, interactions: domain, notify, newId });
  const cobrowse = createCobrowseDomain({ clock, random, config, interactions: domain, notify });

  function announce(agent: Agent): void {
    notify(agent.id, 'agent.state', {
      state: presentedState(agent),
      ...(agent.reason ? { reason: agent.reason } : {}),
    });
    feed.changed();
    // The last agent who could take a subject logged out (or the first logged in): its waiting visitors hear.
    domain.hooks.onQueueChanged();
  }

  function setStatus(agent: Agent, status: Agent['status'], reason?: string): void {
    agent.status = status;
    agent.reason = status === 'NotReady' ? reason : undefined;
    if (status === 'Ready') agent.freeSince = clock.now();
    announce(agent);
    if (status === 'Ready') router.route();
  }

  const customer = ['customer'] as const;
  const agent = ['agent'] as const;
  const interaction = { interactionId: text(64) };
  const register = sessions.register;

  register('availability.subscribe', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => feed.subscribe(session.subject),
  });
  register('chat.start', {
    roles: customer,
    engages: true,
    schema: z.strictObject({
      subject: z.optional(text(64)),
      fields: z.optional(z.record(text(64), text(defaultFieldLimit))),
    }),
    run: ({ session }, input) => domain.start(session.subject, input),
  });
  register('chat.send', {
    roles: customer,
    schema: z.strictObject({ id: clientId(), text: text(100_000) }),
    run: ({ session }, input) => domain.customerSend(session.subject, input),
  });
  register('chat.typing', {
    roles: customer,
    schema: z.strictObject({ typing: z.boolean() }),
    run: ({ session }, input) => domain.customerTyping(session.subject, input.typing),
  });
  register('chat.end', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => domain.customerEnd(session.subject),
  });
  register('chat.rate', {
    roles: customer,
    schema: z.strictObject({
      score: number({ min: 1, max: 5, integer: true }),
      comment: z.optional(text(2000)),
    }),
    run: ({ session }, input) => domain.customerRate(session.subject, input),
  });
  register('chat.read', {
    roles: customer,
    schema: z.strictObject({ upTo: clientId() }),
    run: ({ session }, input) => {
      const chat = domain.latestChatOf(session.subject);
      if (chat) domain.customerRead(chat, input.upTo);
    },
  });
  register('chat.history', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => domain.history(session.subject),
  });

  register('messaging.send', {
    roles: customer,
    engages: true,
    schema: z.strictObject({ id: clientId(), text: text(100_000), subject: z.optional(text(64)) }),
    run: ({ session }, input) => messaging.send(session.subject, input),
  });
  register('messaging.typing', {
    roles: customer,
    schema: z.strictObject({ typing: z.boolean() }),
    run: ({ session }, input) => messaging.typing(session.subject, input.typing),
  });
  register('messaging.read', {
    roles: customer,
    schema: z.strictObject({ upTo: clientId() }),
    run: ({ session }, input) => messaging.read(session.subject, input.upTo),
  });
  register('messaging.history', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => messaging.history(session.subject),
  });

  const sessionId = { sessionId: text(16) };
  register('cobrowse.create', {
    roles: customer,
    engages: true,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => cobrowse.create(session.subject),
  });
  register('cobrowse.resume', {
    roles: customer,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.resume(session.subject, input.sessionId),
  });
  register('cobrowse.consent', {
    roles: customer,
    schema: z.strictObject({ allow: z.boolean() }),
    run: ({ session }, input) => cobrowse.consent(session.subject, input.allow),
  });
  register('cobrowse.revoke', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => cobrowse.revoke(session.subject),
  });
  register('cobrowse.frame', {
    roles: customer,
    schema: z.strictObject({
      kind: oneOf([
        'snapshot',
        'mutation',
        'pointer',
        'scroll',
        'viewport',
        'input',
        'navigation',
        'focus',
        'refused',
      ]),
      data: z.optional(z.unknown()),
      url: z.optional(httpUrl()),
    }),
    run: ({ session }, frame) => cobrowse.customerFrame(session.subject, frame),
  });
  register('cobrowse.end', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => cobrowse.customerEnd(session.subject),
  });
  register('agent.cobrowseJoin', {
    roles: agent,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.joinById(session.subject, input.sessionId),
  });
  register('agent.cobrowseRequestWrite', {
    roles: agent,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.requestWrite(session.subject, input.sessionId),
  });
  register('agent.cobrowseFrame', {
    roles: agent,
    schema: z.strictObject({
      ...sessionId,
      kind: oneOf(['pointer', 'highlight', 'annotation', 'control', 'resync']),
      data: z.optional(z.unknown()),
    }),
    run: ({ session }, frame) => cobrowse.agentFrame(session.subject, frame),
  });
  register('agent.cobrowseEnd', {
    roles: agent,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.agentEnd(session.subject, input.sessionId),
  });

  const page = z.strictObject({
    url: httpUrl(),
    title: text(500),
    referrer: z.optional(z.union([httpUrl(), z.literal('')])),
    attributes: z.optional(z.record(text(64), text(500))),
  });
  register('call.requestNumber', {
    roles: customer,
    engages: true,
    schema: z.strictObject({
      phone: e164(),
      subject: z.optional(text(64)),
      firstName: z.optional(text(fieldLimits.firstName)),
      lastName: z.optional(text(fieldLimits.lastName)),
      email: z.optional(text(fieldLimits.email)),
      page,
      location: z.optional(
        z.strictObject({
          latitude: number({ min: -90, max: 90 }),
          longitude: number({ min: -180, max: 180 }),
        }),
      ),
    }),
    run: ({ session }, input) => voice.requestNumber(session.subject, input),
  });
  register('callback.request', {
    roles: customer,
    engages: true,
    schema: z.strictObject({
      phone: e164(),
      subject: z.optional(text(64)),
      at: z.optional(number({ min: 0 })),
      firstName: z.optional(text(fieldLimits.firstName)),
      lastName: z.optional(text(fieldLimits.lastName)),
      page: z.optional(z.strictObject({ url: httpUrl(), title: text(500) })),
    }),
    run: ({ session }, input) => callback.request(session.subject, input),
  });
  register('callback.cancel', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => callback.cancel(session.subject),
  });
  register('callback.current', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => callback.current(session.subject),
  });
  register('callback.slots', {
    roles: customer,
    schema: z.strictObject({ subject: z.optional(text(64)) }),
    run: (_context, input) => callback.slots(input.subject),
  });
  register('call.releaseNumber', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => voice.releaseNumber(session.subject),
  });

  register('agent.me', {
    roles: agent,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => {
      const me = agents.get(session.subject) ?? fail('not_found', 'unknown agent');
      return {
        id: me.id,
        name: me.name,
        state: presentedState(me),
        ...(me.reason ? { reason: me.reason } : {}),
        notReadyReasons,
        wrapUpCodes: config.wrapUpCodes ?? [],
        subjects: config.subjects.map((s) => ({ id: s.id, name: s.name })),
      };
    },
  });
  register('agent.resync', {
    roles: agent,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => domain.agentResync(session.subject),
  });
  register('agent.setState', {
    roles: agent,
    schema: z.strictObject({ state: oneOf(['Ready', 'NotReady']), reason: z.optional(text(64)) }),
    run: ({ session }, input) => {
      const me = agents.get(session.subject) ?? fail('not_found', 'unknown agent');
      if (input.state === 'NotReady' && input.reason && !notReadyReasons.includes(input.reason)) {
        fail('invalid_argument', `reason: expected one of ${notReadyReasons.join(', ')}`);
      }
      setStatus(me, input.state, input.reason);
    },
  });
  register('agent.logout', {
    roles: agent,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => {
      const me = agents.get(session.subject) ?? fail('not_found', 'unknown agent');
      if (me.load.chat + me.load.voice > 0) {
        fail('conflict', 'end or transfer your conversations and calls before logging out');
      }
      setStatus(me, 'LoggedOut');
      cobrowse.onAgentLoggedOut(me.id);
      // After this answer has gone out: the session closes and is not resumable.
      clock.setTimeout(() => sessions.end(me.id, 'logged out'), 0);
    },
  });
  register('agent.roster', {
    roles: agent,
    schema: z.optional(z.strictObject({})),
    run: () => agents.all().map((a) => ({ id: a.id, name: a.name, state: presentedState(a) })),
  });
  register('agent.accept', {
    roles: agent,
    schema: z.strictObject(interaction),
    run: ({ session }, i) => domain.accept(session.subject, i.interactionId),
  });
  register('agent.decline', {
    roles: agent,
    schema: z.strictObject(interaction),
    run: ({ session }, i) => domain.decline(session.subject, i.interactionId),
  });
  register('agent.send', {
    roles: agent,
    schema: z.strictObject({
      ...interaction,
      id: clientId(),
      text: text(100_000),
      visibility: z.optional(oneOf(['all', 'agents'])),
      quickReplies: z.optional(
        z
          .array(text(80))
          .check(z.refine((replies) => replies.length <= 5, { error: 'at most 5 quick replies' })),
      ),
    }),
    run: ({ session }, input) => domain.agentSend(session.subject, input),
  });
  register('agent.read', {
    roles: agent,
    schema: z.strictObject({ ...interaction, upTo: clientId() }),
    run: ({ session }, input) => domain.agentRead(session.subject, input.interactionId, input.upTo),
  });
  register('agent.typing', {
    roles: agent,
    schema: z.strictObject({ ...interaction, typing: z.boolean() }),
    run: ({ session }, input) => domain.agentTyping(session.subject, input.interactionId, input.typing),
  });
  for (const purpose of ['transfer', 'conference', 'consult'] as const) {
    register(`agent.${purpose}`, {
      roles: agent,
      schema: z.strictObject({
        ...interaction,
        toAgentId: z.optional(text(64)),
        toSubject: z.optional(text(64)),
      }),
      run: ({ session }, input) => domain.invite(session.subject, { ...input, purpose }),
    });
  }
  register('agent.leave', {
    roles: agent,
    schema: z.strictObject(interaction),
    run: ({ session }, i) => domain.agentLeave(session.subject, i.interactionId),
  });
  register('agent.end', {
    roles: agent,
    schema: z.strictObject(interaction),
    run: ({ session }, i) => domain.agentEnd(session.subject, i.interactionId),
  });
  register('agent.wrapUp', {
    roles: agent,
    schema: z.strictObject({ ...interaction, code: text(64) }),
    run: ({ session }, input) => domain.wrapUp(session.subject, input),
  });
  register('agent.responses', {
    roles: agent,
    schema: z.strictObject({ query: text(200) }),
    run: (_context, { query }) => searchResponses(config, query),
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
  const persistence = options.storage && persist(options.storage);
  function persist(storage: NonNullable<ReferenceServerOptions['storage']>) {
    restoreState(storage.restored, durable);
    return createPersistence({
      ...recordSources(durable),
      store: storage.store,
      restored: storage.restored,
      onError: options.onError ?? (() => {}),
      ...(storage.verify ? { verify: storage.verify } : {}),
    });
  }
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

  // Ended records are kept for the reports, then forgotten: memory stays bounded however long it runs.
  const retentionMs = (config.retentionHours ?? 24) * 3600_000;
  function sweep(): void {
    const cutoff = clock.now() - retentionMs;
    const gone = new Set<string>();
    for (const [id, interaction] of domain.interactions) {
      if (interaction.endedAt !== undefined && interaction.endedAt < cutoff) {
        domain.interactions.delete(id);
        gone.add(id);
      }
    }
    facts.prune(gone);
    for (const [id, session] of cobrowse.sessions) {
      if (session.endedAt !== undefined && session.endedAt < cutoff) cobrowse.sessions.delete(id);
    }
    for (const [id, call] of voice.calls) {
      const over = call.state === 'ended' || call.state === 'disconnected' || call.state === 'redirected';
      if (over && call.at < cutoff) voice.calls.delete(id);
    }
    clock.setTimeout(sweep, Math.min(retentionMs, 3600_000));
  }
  clock.setTimeout(sweep, Math.min(retentionMs, 3600_000));

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

/** E.164: "+", a country code and up to 15 digits in all. */
export function e164() {
  const expected = 'a phone number in international format, such as "+33612345678"';
  return z
    .string({ error: expected })
    .check(z.refine((v) => /^\+[1-9]\d{6,14}$/.test(v), { error: expected }));
}

function httpUrl() {
  const expected = 'an http or https URL';
  return z.string({ error: expected }).check(
    z.maxLength(2000, { error: expected }),
    z.refine((v) => /^https?:\/\//i.test(v), { error: expected }),
  );
}

/** Standard responses whose title, keywords or text contain every word of the query. */
export function searchResponses(config: ServerConfig, query: string) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (config.standardResponses ?? []).filter((response) => {
    const haystack = `${response.title} ${response.keywords.join(' ')} ${response.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
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
