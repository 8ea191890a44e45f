import type { Clock } from '@tandem/sdk-core';
import { type Agent, type Agents, hasFreeSlot, type Media } from './agents';
import type { SubjectConfig } from './config';
import { TrackedMap } from './tracked-map';

export type Purpose = 'route' | 'transfer' | 'conference' | 'consult';
export type RevokeCause = 'declined' | 'timeout' | 'cancelled';

/** Something waiting for an agent: a new interaction, or a conference through a queue. */
export interface Request {
  readonly id: string;
  readonly interactionId: string;
  readonly media: Media;
  readonly subject: SubjectConfig;
  readonly purpose: Purpose;
  readonly enqueuedAt: number;
  readonly exclude: Set<string>;
  /** Agents who let it ring out (RONA): offered it again only when no one else can take it. */
  rangOut?: Set<string>;
  /** The agent handing the interaction on (transfer, conference or consult through a queue). */
  readonly fromAgentId?: string;
  priority: number;
  targetIndex: number;
  state: 'queued' | 'routing' | 'alerting';
  agentId?: string;
  timer?: unknown;
}

/** An agent being alerted: accept, decline, or let it time out (RONA). */
export interface Invite {
  readonly interactionId: string;
  readonly agentId: string;
  readonly purpose: Purpose;
  readonly media: Media;
  readonly at: number;
  readonly expiresAt: number;
  readonly request?: Request;
  readonly fromAgentId?: string;
  timer?: unknown;
}

export interface RequestRecord extends Omit<Request, 'subject' | 'exclude' | 'rangOut' | 'timer'> {
  readonly subjectId: string;
  readonly exclude: readonly string[];
  readonly rangOut?: readonly string[];
}

export interface InviteRecord extends Omit<Invite, 'request' | 'timer'> {
  readonly requestId?: string;
}

function requestRecord(request: Request): RequestRecord {
  const { subject, exclude, rangOut, timer: _timer, ...rest } = request;
  return {
    ...rest,
    subjectId: subject.id,
    exclude: [...exclude],
    ...(rangOut ? { rangOut: [...rangOut] } : {}),
  };
}

function inviteRecord(invite: Invite): InviteRecord {
  const { request, timer: _timer, ...rest } = invite;
  return { ...rest, ...(request ? { requestId: request.id } : {}) };
}

export interface RouterHooks {
  /** The strategy pulled a request and picked an agent (the "during routing" phase begins). */
  onRouting?(request: Request, agent: Agent): void;
  onInvite(invite: Invite): void;
  onAccepted(invite: Invite): void;
  onRevoked(invite: Invite, cause: RevokeCause): void;
  /** The waiting line changed: positions and EWT may have moved. */
  onQueueChanged(): void;
  /** A request passed its last target; returns true if it was taken elsewhere (external overflow). */
  onTargetsExhausted?(request: Request): boolean;
  /** An agent was set NotReady(RONA). */
  onAgentChanged(agent: Agent): void;
}

export interface RouterOptions {
  clock: Clock;
  agents: Agents;
  hooks: RouterHooks;
  ronaTimeoutMs: number;
  routingDelayMs: number;
  /** An agent with no connection is offered nothing, whatever their state (true by default). */
  isPresent?(agentId: string): boolean;
}

/**
 * Skills-based routing with expanding targets. Requests wait by priority, then by arrival; each target
 * widens the minimum skill level after its timeout; the longest-idle eligible agent is offered first.
 */
export function createRouter(options: RouterOptions) {
  const { clock, agents, hooks } = options;
  const requests = new TrackedMap<string, Request>();
  const invites = new TrackedMap<string, Invite>();
  /** Storage writes what changed: a request's fields change in place, so each change touches it. */
  const touch = (request: Request) => requests.touch(request.id);
  let nextRequest = 1;
  let routing = false;

  const inviteKey = (agentId: string, interactionId: string) => `${agentId}|${interactionId}`;

  function waiting(): Request[] {
    return [...requests.values()]
      .filter((r) => r.state === 'queued')
      .sort((a, b) => b.priority - a.priority || a.enqueuedAt - b.enqueuedAt || a.id.localeCompare(b.id));
  }

  function eligible(request: Request): Agent | undefined {
    const target = request.subject.targets[request.targetIndex];
    if (!target) return undefined;
    const rangOut = (agent: Agent) => request.rangOut?.has(agent.id) === true;
    return agents
      .all()
      .filter(
        (agent) =>
          agent.status === 'Ready' &&
          (options.isPresent?.(agent.id) ?? true) &&
          !request.exclude.has(agent.id) &&
          (agent.config.skills[request.subject.skill] ?? 0) >= target.minLevel &&
          hasFreeSlot(agent, request.media) &&
          !invites.has(inviteKey(agent.id, request.interactionId)),
      )
      .sort(
        (a, b) =>
          Number(rangOut(a)) - Number(rangOut(b)) || a.freeSince - b.freeSince || a.id.localeCompare(b.id),
      )[0];
  }

  function armExpansion(request: Request): void {
    clock.clearTimeout(request.timer);
    const target = request.subject.targets[request.targetIndex];
    if (!target) return;
    request.timer = clock.setTimeout(() => expand(request), target.timeoutSec * 1000);
  }

  function expand(request: Request): void {
    if (!requests.has(request.id) || request.state !== 'queued') return;
    if (request.targetIndex + 1 < request.subject.targets.length) {
      touch(request);
      request.targetIndex += 1;
      request.priority = Math.max(request.priority, request.subject.priorities.overflow);
      armExpansion(request);
      route();
      return;
    }
    if (hooks.onTargetsExhausted?.(request)) {
      requests.delete(request.id);
      hooks.onQueueChanged();
    }
  }

  function reserve(agent: Agent, media: Media): void {
    agent.load[media] += 1;
  }

  function release(agentId: string, media: Media): void {
    const agent = agents.get(agentId);
    if (!agent) return;
    agent.load[media] = Math.max(0, agent.load[media] - 1);
    if (hasFreeSlot(agent, media)) agent.freeSince = Math.max(agent.freeSince, clock.now());
    route();
  }

  function route(): void {
    if (routing) return;
    routing = true;
    try {
      let changed = false;
      for (const request of waiting()) {
        const agent = eligible(request);
        if (!agent) continue;
        changed = true;
        clock.clearTimeout(request.timer);
        touch(request);
        request.state = 'routing';
        request.agentId = agent.id;
        reserve(agent, request.media);
        hooks.onRouting?.(request, agent);
        request.timer = clock.setTimeout(() => alert(request, agent), options.routingDelayMs);
      }
      if (changed) hooks.onQueueChanged();
    } finally {
      routing = false;
    }
  }

  function alert(request: Request, agent: Agent): void {
    if (!requests.has(request.id)) return;
    touch(request);
    request.state = 'alerting';
    openInvite({
      interactionId: request.interactionId,
      agentId: agent.id,
      purpose: request.purpose,
      media: request.media,
      request,
      ...(request.fromAgentId ? { fromAgentId: request.fromAgentId } : {}),
    });
  }

  function openInvite(base: Omit<Invite, 'at' | 'expiresAt' | 'timer'>): Invite {
    const at = clock.now();
    const invite: Invite = { ...base, at, expiresAt: at + options.ronaTimeoutMs };
    invite.timer = clock.setTimeout(() => revoke(invite, 'timeout'), options.ronaTimeoutMs);
    invites.set(inviteKey(invite.agentId, invite.interactionId), invite);
    hooks.onInvite(invite);
    return invite;
  }

  function revoke(invite: Invite, cause: RevokeCause): void {
    const key = inviteKey(invite.agentId, invite.interactionId);
    if (invites.get(key) !== invite) return;
    invites.delete(key);
    clock.clearTimeout(invite.timer);
    const agent = agents.get(invite.agentId);
    if (agent) {
      agent.load[invite.media] = Math.max(0, agent.load[invite.media] - 1);
      if (cause === 'timeout' && agent.status !== 'LoggedOut') {
        agent.status = 'NotReady';
        agent.reason = 'RONA';
        hooks.onAgentChanged(agent);
      }
    }
    const request = invite.request;
    if (request && requests.has(request.id) && cause !== 'cancelled') {
      touch(request);
      request.state = 'queued';
      request.agentId = undefined;
      // Whoever declined is not offered it again; whoever let it ring, only once no one else can take it.
      if (cause === 'declined') request.exclude.add(invite.agentId);
      else request.rangOut = new Set(request.rangOut).add(invite.agentId);
      if (cause === 'timeout') request.priority = Math.max(request.priority, request.subject.priorities.rona);
      armExpansion(request);
    }
    hooks.onRevoked(invite, cause);
    if (cause !== 'cancelled') {
      hooks.onQueueChanged();
      route();
    }
  }

  return {
    enqueue(
      fields: Omit<
        Request,
        'id' | 'state' | 'priority' | 'targetIndex' | 'enqueuedAt' | 'timer' | 'agentId'
      > & {
        priority?: number;
      },
    ): Request {
      const request: Request = {
        ...fields,
        id: `r${nextRequest++}`,
        state: 'queued',
        priority: fields.priority ?? fields.subject.priorities.initial,
        targetIndex: 0,
        enqueuedAt: clock.now(),
      };
      requests.set(request.id, request);
      armExpansion(request);
      hooks.onQueueChanged();
      route();
      return request;
    },
    /** Removes a request wherever it is; returns the phase it was in (for abandon facts). */
    cancel(request: Request): Request['state'] | undefined {
      if (!requests.has(request.id)) return undefined;
      const phase = request.state;
      requests.delete(request.id);
      clock.clearTimeout(request.timer);
      if (phase === 'routing' && request.agentId) release(request.agentId, request.media);
      if (phase === 'alerting' && request.agentId) {
        const invite = invites.get(inviteKey(request.agentId, request.interactionId));
        if (invite) revoke(invite, 'cancelled');
        route();
      }
      hooks.onQueueChanged();
      return phase;
    },
    /** Offers an interaction to one agent directly (transfer, conference, consult, or a last-agent offer). */
    invite(
      interactionId: string,
      agentId: string,
      purpose: Purpose,
      media: Media,
      options: { fromAgentId?: string; requireReady?: boolean } = {},
    ): Invite | null {
      const { fromAgentId, requireReady } = options;
      const agent = agents.get(agentId);
      if (!agent || agent.status === 'LoggedOut' || !hasFreeSlot(agent, media)) return null;
      if (requireReady && agent.status !== 'Ready') return null;
      if (invites.has(inviteKey(agentId, interactionId))) return null;
      reserve(agent, media);
      return openInvite({ interactionId, agentId, purpose, media, ...(fromAgentId ? { fromAgentId } : {}) });
    },
    accept(agentId: string, interactionId: string): Invite | null {
      const key = inviteKey(agentId, interactionId);
      const invite = invites.get(key);
      if (!invite) return null;
      invites.delete(key);
      clock.clearTimeout(invite.timer);
      if (invite.request) requests.delete(invite.request.id);
      hooks.onAccepted(invite);
      hooks.onQueueChanged();
      return invite;
    },
    decline(agentId: string, interactionId: string): boolean {
      const invite = invites.get(inviteKey(agentId, interactionId));
      if (!invite) return false;
      revoke(invite, 'declined');
      return true;
    },
    /** Withdraws every open invite for an interaction (it ended); no RONA for the agents. */
    withdrawInvites(interactionId: string): Invite[] {
      const withdrawn = [...invites.values()].filter((invite) => invite.interactionId === interactionId);
      for (const invite of withdrawn) revoke(invite, 'cancelled');
      return withdrawn;
    },
    pendingInvite: (agentId: string, interactionId: string) => invites.get(inviteKey(agentId, interactionId)),
    /** What storage keeps: the waiting line, the invites ringing, and the next request number. */
    queueRecords: () => [...requests.values()].map(requestRecord),
    inviteRecords: () => [...invites.values()].map(inviteRecord),
    nextRequest: () => nextRequest,
    /** Requests and invites changed since the last call (undefined: gone), keyed as storage keys them. */
    takeChanged: () => ({
      queue: requests.takeChanged().map(([id, r]) => [id, r && requestRecord(r)] as const),
      invites: invites.takeChanged().map(([key, i]) => [key, i && inviteRecord(i)] as const),
    }),
    /**
     * Takes back a stored line and its invites after a restart, each timer re-armed for what it had left:
     * a request keeps its place (its arrival time and priority), an invite rings out at its old expiry.
     */
    restore(stored: {
      queue: readonly RequestRecord[];
      invites: readonly InviteRecord[];
      nextRequest: number;
      subjectById(id: string): SubjectConfig | undefined;
    }): ReadonlyMap<string, Request> {
      nextRequest = Math.max(nextRequest, stored.nextRequest);
      for (const record of stored.queue) {
        const subject = stored.subjectById(record.subjectId);
        if (!subject) continue;
        const { subjectId: _subjectId, exclude, rangOut, ...rest } = record;
        const request: Request = {
          ...rest,
          subject,
          exclude: new Set(exclude),
          ...(rangOut ? { rangOut: new Set(rangOut) } : {}),
        };
        requests.set(request.id, request);
      }
      for (const record of stored.invites) {
        const { requestId, ...rest } = record;
        const request = requestId ? requests.get(requestId) : undefined;
        const invite: Invite = { ...rest, ...(request ? { request } : {}) };
        invites.set(inviteKey(invite.agentId, invite.interactionId), invite);
        invite.timer = clock.setTimeout(
          () => revoke(invite, 'timeout'),
          Math.max(0, invite.expiresAt - clock.now()),
        );
      }
      requests.takeChanged();
      invites.takeChanged();
      for (const request of requests.values()) {
        const agent = request.agentId ? agents.get(request.agentId) : undefined;
        if (request.state === 'queued') armExpansion(request);
        else if (request.state === 'routing' && agent) {
          request.timer = clock.setTimeout(() => alert(request, agent), options.routingDelayMs);
        }
      }
      return requests;
    },
    release,
    route,
    waiting,
  };
}

export type Router = ReturnType<typeof createRouter>;
