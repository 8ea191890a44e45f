import { createPersistence, type LogSource, type LogView, type RecordSource } from '../storage/persistence';
import type { Store, StoredState } from '../storage/store';
import type { Agents } from './agents';
import type { createAvailabilityFeed } from './availability';
import type { CallbackDomain } from './callback';
import type { CobrowseDomain } from './cobrowse';
import type { ServerConfig } from './config';
import type { createHandleTimes } from './ewt';
import type { FactLog } from './facts';
import { type InteractionRecord, interactionRecord, restoreInteraction } from './interaction-records';
import type { ChatMessage, Interaction, InteractionDomain } from './interactions';
import type { MessagingDomain, ThreadRecord } from './messaging';
import type { createPresence } from './presence';
import type { InviteRecord, RequestRecord, Router } from './router';
import { framesOf, restoreSession, resultIdsOf, type SessionRecord, sessionRecord } from './session-records';
import type { SessionServer, SessionState } from './sessions';
import type { VoiceDomain } from './voice';

/** The numbers ids are made from: kept, so no id is ever given twice. */
export interface Counters {
  ids: number;
  customers: number;
}

/** Every part of the contact center that holds state worth keeping across a restart. */
export interface DurableParts {
  config: ServerConfig;
  counters: { get(): Counters; set(counters: Counters): void };
  sessions: SessionServer;
  agents: Agents;
  facts: FactLog;
  handleTimes: ReturnType<typeof createHandleTimes>;
  domain: InteractionDomain;
  router: Router;
  messaging: MessagingDomain;
  voice: VoiceDomain;
  callback: CallbackDomain;
  cobrowse: CobrowseDomain;
  feed: ReturnType<typeof createAvailabilityFeed>;
  presence: ReturnType<typeof createPresence>;
}

/** A transcript as storage reads it: appended only, from position 0. */
const listView = (list: readonly unknown[]): LogView => ({
  start: 0,
  get end() {
    return list.length;
  },
  at: (position) => list[position],
});

const keyed = <T>(list: readonly T[], key: (item: T) => string) =>
  list.map((item) => [key(item), item] as const);

/**
 * What storage reads after each turn: one source per table, and the lists by owner (transcripts, sessions'
 * frames and result ids). The kinds that grow with traffic (sessions, conversations, facts, the queue,
 * threads) report only what changed.
 */
export function recordSources(parts: DurableParts) {
  const { domain, router, messaging, voice, facts } = parts;
  // A messaging thread's interactions share its transcript, stored once under the thread's id.
  const ownerOf = (chat: { id: string; transcript: ChatMessage[] }) =>
    messaging.threadIdOf(chat.transcript) ?? chat.id;
  const conversation = (chat: Interaction) => {
    const owner = ownerOf(chat);
    return interactionRecord(chat, facts, owner === chat.id ? undefined : owner);
  };
  /** Owners whose transcript may have grown (or gone), noted as the conversations are taken. */
  const owners = new Map<string, ChatMessage[] | undefined>();
  // A thread's messages go once the thread has closed and no interaction kept for the reports shares them.
  const threadOf = new Map<string, string>();
  const sharing = new Map<string, Set<string>>();
  const closedThreads = new Set<string>();
  const share = (chat: Interaction, owner: string) => {
    if (owner === chat.id || threadOf.has(chat.id)) return;
    threadOf.set(chat.id, owner);
    sharing.set(owner, (sharing.get(owner) ?? new Set()).add(chat.id));
  };
  const dropIfUnused = (thread: string) => {
    if (!closedThreads.has(thread) || (sharing.get(thread)?.size ?? 0) > 0) return;
    closedThreads.delete(thread);
    sharing.delete(thread);
    owners.set(thread, undefined);
  };
  const liveThreads = new Set([...messaging.threads.values()].map((thread) => thread.id));
  for (const chat of domain.interactions.values()) {
    const owner = ownerOf(chat);
    share(chat, owner);
    // Restored after its thread closed: its messages go with the last interaction that shares them.
    if (owner !== chat.id && !liveThreads.has(owner)) closedThreads.add(owner);
  }
  let routing: ReturnType<Router['takeChanged']> | undefined;
  // Taken once a turn (see beginTurn), for the session rows and their lists.
  let sessionChanges: Array<[string, SessionState | undefined]> | undefined;
  const changedSessions = () => {
    sessionChanges ??= parts.sessions.takeChanged();
    return sessionChanges;
  };
  const sessionLists = (of: (session: SessionState) => LogView) => ({
    all: () => [...parts.sessions.all()].map((session) => [session.token, of(session)] as const),
    changed: () => changedSessions().map(([token, session]) => [token, session && of(session)] as const),
  });
  const routerChanges = () => {
    routing ??= router.takeChanged();
    return routing;
  };
  const serverState = (): Array<readonly [string, unknown]> => [
    ['counters', { ...parts.counters.get(), nextRequest: router.nextRequest() }],
    ['handle-times', parts.handleTimes.samples()],
  ];
  const availability = () => ['availability', { subscribers: parts.feed.subscribers() }] as const;
  let writtenMembership = -1;
  const sources: RecordSource[] = [
    {
      kind: 'sessions',
      all: () => [...parts.sessions.all()].map((session) => [session.token, sessionRecord(session)] as const),
      changed: () =>
        changedSessions().map(([token, session]) => [token, session && sessionRecord(session)] as const),
    },
    {
      kind: 'agents',
      all: () =>
        parts.agents
          .all()
          .map((a) => [a.id, { status: a.status, reason: a.reason, load: a.load, freeSince: a.freeSince }]),
    },
    { kind: 'facts', all: () => facts.rows(), changed: () => facts.takeChanged() },
    {
      kind: 'conversations',
      all: () => [...domain.interactions.values()].map((chat) => [chat.id, conversation(chat)]),
      changed: () =>
        domain.interactions.takeChanged().map(([id, chat]) => {
          if (!chat) {
            const thread = threadOf.get(id);
            threadOf.delete(id);
            if (thread) {
              sharing.get(thread)?.delete(id);
              dropIfUnused(thread);
            } else owners.set(id, undefined);
            return [id, undefined];
          }
          const owner = ownerOf(chat);
          share(chat, owner);
          owners.set(owner, chat.transcript);
          return [id, conversation(chat)];
        }),
    },
    {
      kind: 'threads',
      all: () => keyed(messaging.records(), (t) => t.id),
      changed: () =>
        messaging.takeChanged().map(([id, thread]) => {
          if (!thread) {
            closedThreads.add(id);
            dropIfUnused(id);
          }
          return [id, thread];
        }),
    },
    {
      kind: 'queue',
      all: () => keyed(router.queueRecords(), (r) => r.id),
      changed: () => routerChanges().queue,
    },
    {
      kind: 'invites',
      all: () => keyed(router.inviteRecords(), (i) => `${i.agentId}|${i.interactionId}`),
      changed: () => routerChanges().invites,
    },
    { kind: 'leases', all: () => keyed(voice.leaseRecords(), (l) => l.customerId) },
    {
      kind: 'calls',
      all: () => keyed(voice.callRecords(), (c) => c.id),
      changed: () => voice.takeChangedCalls(),
    },
    {
      kind: 'callbacks',
      all: () => keyed(parts.callback.records(), (c) => c.id),
      changed: () => parts.callback.takeChanged(),
    },
    {
      kind: 'cobrowse_sessions',
      all: () => keyed(parts.cobrowse.records(), (s) => s.id),
      changed: () => parts.cobrowse.takeChanged(),
    },
    {
      kind: 'server_state',
      all: () => [...serverState(), availability()],
      // The subscriber list grows with visitors: written when someone joins or leaves, not every turn.
      changed() {
        if (parts.feed.membership === writtenMembership) return serverState();
        writtenMembership = parts.feed.membership;
        return [...serverState(), availability()];
      },
    },
  ];
  const transcripts: LogSource = {
    kind: 'messages',
    encode: (message) => JSON.stringify(message),
    *all() {
      const seen = new Set<string>();
      for (const thread of messaging.threads.values()) {
        seen.add(thread.id);
        yield [thread.id, listView(thread.transcript)];
      }
      for (const chat of domain.interactions.values()) {
        const owner = ownerOf(chat);
        if (!seen.has(owner)) yield [owner, listView(chat.transcript)];
        seen.add(owner);
      }
    },
    changed() {
      const out = [...owners].map(([owner, list]) => [owner, list && listView(list)] as const);
      owners.clear();
      return out;
    },
  };
  const frames: LogSource = { kind: 'frames', encode: (text) => text as string, ...sessionLists(framesOf) };
  const resultIds = sessionLists(resultIdsOf);
  const results: LogSource = { kind: 'results', encode: (item) => JSON.stringify(item), ...resultIds };
  /** Each turn takes the router's and the sessions' changes afresh, once, whichever source reads first. */
  const beginTurn = () => {
    routing = undefined;
    sessionChanges = undefined;
  };
  return { sources, logs: [transcripts, frames, results], beginTurn };
}

/**
 * Puts back what a previous run stored, before any connection is accepted. Every session comes back
 * disconnected, so presence starts its grace for each: whoever does not return in time is handled as if
 * they had left (a queued visitor abandons, a Ready agent becomes Not Ready).
 */
export function restoreState(stored: StoredState, parts: DurableParts): void {
  const { records } = stored;
  const state = (id: string) => records.server_state.get(id) as Record<string, unknown> | undefined;
  const counters = state('counters') as (Counters & { nextRequest: number }) | undefined;
  if (counters) parts.counters.set({ ids: counters.ids, customers: counters.customers });
  const samples = state('handle-times');
  if (samples) parts.handleTimes.restore(samples as Record<string, number[]>);
  for (const [id, record] of records.agents) {
    const agent = parts.agents.get(id);
    if (agent) Object.assign(agent, record);
  }
  parts.facts.restore(records.facts);

  const transcripts = new Map<string, ChatMessage[]>();
  const transcriptOf = (owner: string) => {
    let list = transcripts.get(owner);
    if (!list) {
      list = [...((stored.logs.messages.get(owner)?.items ?? []) as ChatMessage[])];
      transcripts.set(owner, list);
    }
    return list;
  };
  const subjectById = (id: string) => parts.config.subjects.find((s) => s.id === id);
  const conversations = [...records.conversations.values()] as InteractionRecord[];
  for (const record of conversations) {
    const interaction = restoreInteraction(record, {
      agents: parts.agents,
      facts: parts.facts,
      subjectById,
      transcript: transcriptOf(record.threadId ?? record.id),
    });
    if (!interaction) continue;
    parts.domain.interactions.set(interaction.id, interaction);
    if (record.threadId) parts.messaging.rememberTranscript(interaction.transcript, record.threadId);
  }
  parts.domain.interactions.takeChanged();
  const requests = parts.router.restore({
    queue: [...records.queue.values()] as RequestRecord[],
    invites: [...records.invites.values()] as InviteRecord[],
    nextRequest: counters?.nextRequest ?? 1,
    subjectById,
  });
  for (const record of conversations) {
    const interaction = parts.domain.interactions.get(record.id);
    if (!interaction) continue;
    interaction.request = record.requestId ? requests.get(record.requestId) : undefined;
    interaction.handOn = record.handOnId ? requests.get(record.handOnId) : undefined;
  }
  parts.messaging.restore([...records.threads.values()] as ThreadRecord[], transcriptOf, (id) =>
    parts.domain.interactions.get(id),
  );
  parts.voice.restore({
    leases: [...records.leases.values()] as never[],
    calls: [...records.calls.values()] as never[],
  });
  parts.callback.restore([...records.callbacks.values()] as never[]);
  parts.cobrowse.restore([...records.cobrowse_sessions.values()] as never[]);
  const subscribers = (state('availability')?.subscribers ?? []) as string[];
  for (const subscriber of subscribers) parts.feed.subscribe(subscriber);
  const sessions = [...records.sessions.values()] as SessionRecord[];
  const states = sessions.map((record) =>
    restoreSession(record, stored.logs.frames.get(record.token), stored.logs.results.get(record.token)),
  );
  for (const session of parts.sessions.restore(states)) {
    parts.presence.disconnected(session.subject, session.role);
  }
}

/**
 * Puts back what the store held and writes every turn to it from now on; undefined without a store
 * (memory only).
 */
export function attachStorage(
  storage: { store: Store; restored: StoredState; verify?(problem: string): void } | undefined,
  parts: DurableParts,
  onError: (error: unknown) => void,
) {
  if (!storage) return undefined;
  restoreState(storage.restored, parts);
  return createPersistence({
    ...recordSources(parts),
    store: storage.store,
    restored: storage.restored,
    onError,
    ...(storage.verify ? { verify: storage.verify } : {}),
  });
}
