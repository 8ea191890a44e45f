import type { Clock, Random } from '@tandem/sdk-core';
import type { ServerConfig } from './config';
import type { DomainBus } from './domain-events';
import { fail } from './failure';
import type { Channel, Interaction, InteractionDomain } from './interactions';
import type { Notify } from './notify';
import { TrackedMap } from './tracked-map';

export type CobrowseMode = 'pointer' | 'write';
export type AgentFrameKind = 'pointer' | 'highlight' | 'annotation' | 'control' | 'resync';

export interface CobrowseSession {
  readonly id: string;
  readonly customerId: string;
  readonly createdAt: number;
  agentId?: string;
  interactionId?: string;
  media?: Channel;
  subject?: string;
  mode: CobrowseMode;
  writeRequested: boolean;
  startedAt?: number;
  endedAt?: number;
  endReason?: string;
  readonly modes: Array<{ mode: CobrowseMode; start: number; end?: number }>;
  readonly pages: string[];
  lastActivityAt: number;
  /** The customer left the page (navigation or a page without Tandem) and has not come back yet. */
  pausedAt?: number;
  timer?: unknown;
}

const defaultInactivitySec: Record<Channel, number> = { chat: 900, messaging: 120, voice: 0 };
const lockout = { attempts: 5, windowMs: 60_000, durationMs: 60_000 };

/**
 * Co-browse sessions: only a customer creates one (a 9-digit id, unique among live sessions); one agent
 * joins, by id or automatically from the customer's chat; pointer mode first, write mode only after the
 * customer says yes; frames relayed in order; ended by either side, the primary interaction, or inactivity.
 */
export function createCobrowseDomain(options: {
  clock: Clock;
  random: Random;
  config: ServerConfig;
  interactions: InteractionDomain;
  notify: Notify;
  events: DomainBus;
}) {
  const { clock, random, config, interactions, notify, events } = options;
  const sessions = new TrackedMap<string, CobrowseSession>();
  const wrongIds = new Map<string, { attempts: number[]; lockedUntil: number }>();
  const joinTimeoutMs = (config.cobrowse?.joinTimeoutSec ?? 600) * 1000;
  const pauseTimeoutMs = (config.cobrowse?.pauseTimeoutSec ?? 300) * 1000;

  const live = () => [...sessions.values()].filter((s) => !s.endedAt);
  // Every customer frame asks: no list is built for it.
  const liveOf = (customerId: string) => {
    for (const session of sessions.values())
      if (!session.endedAt && session.customerId === customerId) return session;
    return undefined;
  };
  /** Storage writes what changed: a session changes in place, so each change marks it. */
  const changed = (session: CobrowseSession) => sessions.touch(session.id);

  function newId(): string {
    const taken = new Set(live().map((s) => s.id));
    for (;;) {
      let id = String(1 + Math.floor(random() * 9));
      for (let i = 0; i < 8; i++) id += Math.floor(random() * 10).toString();
      if (!taken.has(id)) return id;
    }
  }

  function inactivityMs(session: CobrowseSession): number {
    const media = session.media;
    if (!media) return 0;
    return (config.cobrowse?.inactivitySec?.[media] ?? defaultInactivitySec[media]) * 1000;
  }

  function arm(session: CobrowseSession): void {
    clock.clearTimeout(session.timer);
    if (session.endedAt) return;
    if (!session.agentId) {
      session.timer = clock.setTimeout(() => end(session, 'no agent joined'), joinTimeoutMs);
      return;
    }
    // Away on a page without Tandem: the session waits for the customer's return, but not for ever.
    const limit = inactivityMs(session);
    const paused = session.pausedAt !== undefined;
    const wait = paused && (limit === 0 || pauseTimeoutMs < limit) ? pauseTimeoutMs : limit;
    const reason = wait === limit ? 'inactivity' : 'customer left';
    if (wait > 0) session.timer = clock.setTimeout(() => end(session, reason), wait);
  }

  function touch(session: CobrowseSession): void {
    changed(session);
    session.lastActivityAt = clock.now();
    if (session.agentId) arm(session);
  }

  function setMode(session: CobrowseSession, mode: CobrowseMode): void {
    const now = clock.now();
    changed(session);
    const current = session.modes.at(-1);
    if (current && !current.end) current.end = now;
    session.mode = mode;
    session.writeRequested = false;
    session.modes.push({ mode, start: now });
    notify(session.customerId, 'cobrowse.mode', { sessionId: session.id, mode });
    if (session.agentId) notify(session.agentId, 'agent.cobrowseMode', { sessionId: session.id, mode });
  }

  function end(session: CobrowseSession, reason: string): void {
    if (session.endedAt) return;
    const now = clock.now();
    changed(session);
    clock.clearTimeout(session.timer);
    session.endedAt = now;
    session.endReason = reason;
    const current = session.modes.at(-1);
    if (current && !current.end) current.end = now;
    notify(session.customerId, 'cobrowse.ended', { sessionId: session.id, reason });
    if (session.agentId) notify(session.agentId, 'agent.cobrowseEnded', { sessionId: session.id, reason });
  }

  function join(session: CobrowseSession, agentId: string, interaction: Interaction | undefined): void {
    if (session.agentId) fail('conflict', 'another agent has already joined this session');
    session.agentId = agentId;
    session.startedAt = clock.now();
    if (interaction) {
      session.interactionId = interaction.id;
      session.media = interaction.media;
      session.subject = interaction.subject.id;
    }
    session.modes.push({ mode: 'pointer', start: clock.now() });
    const agentName = interactions.agentName(agentId);
    notify(session.customerId, 'cobrowse.joined', { sessionId: session.id, agentName, mode: 'pointer' });
    notify(agentId, 'agent.cobrowseJoined', {
      sessionId: session.id,
      customerId: session.customerId,
      ...(session.interactionId ? { interactionId: session.interactionId } : {}),
      mode: 'pointer',
    });
    touch(session);
    arm(session);
  }

  function agentSession(agentId: string, sessionId: string): CobrowseSession {
    const session = sessions.get(sessionId);
    if (!session || session.agentId !== agentId || session.endedAt)
      fail('forbidden', 'not your co-browse session');
    return session as CobrowseSession;
  }

  function customerSession(customerId: string): CobrowseSession {
    return liveOf(customerId) ?? fail('not_found', 'no co-browse session');
  }

  const api = {
    sessions,
    /** Storage's view of the sessions, without their timers. */
    records: () => [...sessions.values()].map(withoutTimer),
    /** Sessions changed since the last call (undefined: forgotten), without their timers. */
    takeChanged: () =>
      sessions.takeChanged().map(([id, session]) => [id, session && withoutTimer(session)] as const),
    /** Sessions a previous run stored; a live one's join or inactivity timer starts again. */
    restore(records: Iterable<Omit<CobrowseSession, 'timer'>>): void {
      for (const record of records) {
        const session: CobrowseSession = { ...record };
        sessions.set(session.id, session);
        arm(session);
      }
      sessions.takeChanged();
    },
    create(customerId: string): { sessionId: string; agentName?: string } {
      const existing = liveOf(customerId);
      if (existing) return { sessionId: existing.id };
      const now = clock.now();
      const session: CobrowseSession = {
        id: newId(),
        customerId,
        createdAt: now,
        mode: 'pointer',
        writeRequested: false,
        modes: [],
        pages: [],
        lastActivityAt: now,
      };
      sessions.set(session.id, session);
      arm(session);
      // Started from a chat: that chat's agent joins at once.
      const chat =
        interactions.connectedOf(customerId, 'chat') ?? interactions.connectedOf(customerId, 'messaging');
      const agentId = chat ? interactions.primaryAgent(chat) : undefined;
      if (chat && agentId) join(session, agentId, chat);
      return { sessionId: session.id };
    },

    joinById(agentId: string, sessionId: string): void {
      const now = clock.now();
      const record = wrongIds.get(agentId) ?? { attempts: [], lockedUntil: 0 };
      wrongIds.set(agentId, record);
      if (record.lockedUntil > now) {
        fail(
          'locked_out',
          `too many wrong session ids: try again in ${Math.ceil((record.lockedUntil - now) / 1000)} s`,
        );
      }
      const session = sessions.get(sessionId.replace(/\D/g, ''));
      if (!session || session.endedAt) {
        record.attempts = [...record.attempts.filter((at) => now - at < lockout.windowMs), now];
        if (record.attempts.length >= lockout.attempts) {
          record.lockedUntil = now + lockout.durationMs;
          record.attempts = [];
        }
        fail('not_found', 'no live co-browse session has that id');
        return;
      }
      // The id was read out on a call: bind to that agent's call with this customer, and to nothing else.
      const call = interactions.connectedFor(agentId, 'voice');
      join(session, agentId, call?.customerId === session.customerId ? call : undefined);
    },

    requestWrite(agentId: string, sessionId: string): void {
      const session = agentSession(agentId, sessionId);
      if (session.mode === 'write') return;
      changed(session);
      session.writeRequested = true;
      notify(session.customerId, 'cobrowse.writeRequested', {
        sessionId,
        agentName: interactions.agentName(agentId),
      });
    },

    consent(customerId: string, allow: boolean): void {
      const session = customerSession(customerId);
      if (!session.writeRequested) fail('conflict', 'write mode was not requested');
      if (allow) setMode(session, 'write');
      else {
        changed(session);
        session.writeRequested = false;
        if (session.agentId) notify(session.agentId, 'agent.cobrowseWriteDenied', { sessionId: session.id });
      }
    },

    revoke(customerId: string): void {
      const session = customerSession(customerId);
      if (session.mode === 'write') setMode(session, 'pointer');
    },

    /**
     * The customer's tab opened another page of the site (or reloaded) and asks to go on with its session;
     * what the agent sees comes with the page's first snapshot.
     */
    resume(
      customerId: string,
      sessionId: string,
    ): { sessionId: string; agentName?: string; mode: CobrowseMode } {
      const session = liveOf(customerId);
      if (!session || session.id !== sessionId) return fail('not_found', 'no co-browse session to resume');
      session.pausedAt = undefined;
      touch(session);
      arm(session);
      const agentName = session.agentId ? interactions.agentName(session.agentId) : undefined;
      return { sessionId, mode: session.mode, ...(agentName ? { agentName } : {}) };
    },

    customerFrame(customerId: string, frame: { kind: string; data?: unknown; url?: string }): void {
      const session = customerSession(customerId);
      if (frame.kind === 'navigation' && frame.url && session.pages.at(-1) !== frame.url)
        session.pages.push(frame.url);
      const leaving = frame.kind === 'navigation' && (frame.data as { leaving?: unknown })?.leaving === true;
      if (leaving) session.pausedAt = clock.now();
      else if (frame.kind === 'snapshot') session.pausedAt = undefined;
      touch(session);
      if (session.agentId)
        notify(session.agentId, 'agent.cobrowseFrame', { sessionId: session.id, ...frame });
    },

    agentFrame(agentId: string, frame: { sessionId: string; kind: AgentFrameKind; data?: unknown }): void {
      const session = agentSession(agentId, frame.sessionId);
      // Defence in depth: the customer's page refuses control outside write mode too.
      if (frame.kind === 'control' && session.mode !== 'write')
        fail('forbidden', 'write mode was not granted');
      if (frame.kind === 'control' && session.pausedAt !== undefined)
        fail('conflict', 'the customer has left the page');
      touch(session);
      notify(session.customerId, 'cobrowse.frame', { kind: frame.kind, data: frame.data });
    },

    customerEnd(customerId: string): void {
      const session = liveOf(customerId);
      if (session) end(session, 'customer');
    },

    agentEnd(agentId: string, sessionId: string): void {
      end(agentSession(agentId, sessionId), 'agent');
    },

    /** The agent logged out: no customer's tab goes on streaming to an empty seat. */
    onAgentLoggedOut(agentId: string): void {
      for (const session of live()) if (session.agentId === agentId) end(session, 'agent logged out');
    },

    /** An agent left a conference or consultation: their co-browse session on it goes too. */
    onAgentLeft(interaction: Interaction, agentId: string): void {
      for (const session of live()) {
        if (session.interactionId === interaction.id && session.agentId === agentId)
          end(session, 'agent left');
      }
    },

    /** The primary chat or call ended or was transferred: its co-browse session ends with it. */
    onPrimaryChanged(interaction: Interaction, reason: 'ended' | 'transferred'): void {
      for (const session of live())
        if (session.interactionId === interaction.id) end(session, `interaction ${reason}`);
    },
  };
  events.on('interaction.ended', ({ interaction }) => api.onPrimaryChanged(interaction, 'ended'));
  events.on('interaction.transferred', (interaction) => api.onPrimaryChanged(interaction, 'transferred'));
  events.on('interaction.agentLeft', ({ interaction, agentId }) => api.onAgentLeft(interaction, agentId));
  events.on('agent.loggedOut', ({ agentId }) => api.onAgentLoggedOut(agentId));
  return api;
}

export type CobrowseDomain = ReturnType<typeof createCobrowseDomain>;

const withoutTimer = ({ timer: _timer, ...session }: CobrowseSession) => session;
