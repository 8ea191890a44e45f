import type { Clock } from '@tandem/sdk-core';
import { createAgentStates } from './agent-states';
import { computeAvailability, createAvailabilityFeed } from './availability';
import type { ServerConfig } from './config';
import type { Connections } from './connections';
import type { DomainBus } from './domain-events';
import { createEstimates, createHandleTimes } from './ewt';
import { createFactLog } from './facts';
import { createInteractionDomain, type Interaction } from './interactions';
import { createRouter, type Router } from './router';

/**
 * The contact center's core: interactions, the router and its queues, agents' states, estimates and the
 * availability feed, with what comings and goings mean for them. `overflow` lets voice take a call no
 * agent could (its overflow number), asked only once every target is exhausted.
 */
export function createRouting(parts: {
  config: ServerConfig;
  clock: Clock;
  newId(prefix: string): string;
  events: DomainBus;
  connections: Connections;
  overflow(interaction: Interaction): boolean;
}) {
  const { config, clock, events, connections } = parts;
  const { agents, sessions, notify } = connections;
  const facts = createFactLog();
  const handleTimes = createHandleTimes(config.routing?.defaultHandleTimeSec ?? 240);

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
    // The last agent who could take a subject logged out (or the first logged in): its waiting visitors hear.
    changed: () => queueMoved(),
    route: () => router.route(),
  });

  /** Waiting visitors hear their place and wait again, and availability follows. */
  const queueMoved = () => {
    domain.hooks.onQueueChanged();
    feed.changed();
  };
  const availability = () => computeAvailability(config, clock.now(), ewt, staffed);
  const feed = createAvailabilityFeed({
    clock,
    intervalMs: (config.pushIntervalSec ?? 10) * 1000,
    compute: availability,
    send: (subscriber, list) => notify(subscriber, 'availability', list),
  });

  const domain = createInteractionDomain({
    clock,
    config,
    agents,
    facts,
    handleTimes,
    notify,
    newId: parts.newId,
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
      onQueueChanged: () => queueMoved(),
      onAgentChanged: (agent) => announce(agent),
      onTargetsExhausted(request) {
        const interaction = domain.interactions.get(request.interactionId);
        return Boolean(
          interaction &&
            request.purpose === 'route' &&
            interaction.media === 'voice' &&
            parts.overflow(interaction),
        );
      },
    },
  });

  events.on('party.connected', ({ subject, role }) => {
    const agent = role === 'agent' ? agents.get(subject) : undefined;
    if (!agent) return;
    if (agent.status === 'LoggedOut') setStatus(agent, 'NotReady');
    // Back within the grace: what was waiting for them (a Ready agent's next chat) may go on.
    router.route();
  });
  events.on('party.gone', ({ subject, role }) => {
    if (role === 'customer') return domain.customerGone(subject);
    const agent = agents.get(subject);
    if (agent?.status === 'Ready') setStatus(agent, 'NotReady', 'disconnected');
  });
  events.on('party.ended', ({ subject, role }) => {
    if (role === 'customer') return feed.unsubscribe(subject);
    const agent = agents.get(subject);
    if (agent && !sessions.hasSession(agent.id)) setStatus(agent, 'LoggedOut');
  });

  return { facts, handleTimes, feed, domain, router, setStatus, availability };
}

export type Routing = ReturnType<typeof createRouting>;
