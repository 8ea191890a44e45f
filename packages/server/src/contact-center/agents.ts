import type { AgentConfig } from './config';

export type Media = 'chat' | 'voice';
export type AgentStatus = 'LoggedOut' | 'Ready' | 'NotReady';

export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly config: AgentConfig;
  status: AgentStatus;
  reason?: string;
  /** Interactions held or being offered, per media: a slot is reserved from routing to the end. */
  readonly load: Record<Media, number>;
  /** When the agent last had a free slot; the longest idle is offered first. */
  freeSince: number;
}

export const defaultCapacity: Record<Media, number> = { chat: 3, voice: 1 };

export function capacityOf(agent: Agent, media: Media): number {
  return agent.config.capacity?.[media] ?? defaultCapacity[media];
}

export function hasFreeSlot(agent: Agent, media: Media): boolean {
  return agent.load[media] < capacityOf(agent, media);
}

/** What the desktop and reports show: Ready with no free slot at all is Busy. */
export function presentedState(agent: Agent): 'LoggedOut' | 'Ready' | 'NotReady' | 'Busy' {
  if (agent.status !== 'Ready') return agent.status;
  const anyFree = (['chat', 'voice'] as const).some(
    (media) => hasFreeSlot(agent, media) && capacityOf(agent, media) > 0,
  );
  return anyFree ? 'Ready' : 'Busy';
}

export function createAgents(configs: readonly AgentConfig[], now: () => number) {
  const agents = new Map<string, Agent>();
  for (const config of configs) {
    agents.set(config.id, {
      id: config.id,
      name: config.name,
      config,
      status: 'LoggedOut',
      load: { chat: 0, voice: 0 },
      freeSince: now(),
    });
  }
  return {
    get: (id: string) => agents.get(id),
    all: () => [...agents.values()],
    byUsername: (username: string) =>
      [...agents.values()].find((agent) => agent.config.username === username),
  };
}

export type Agents = ReturnType<typeof createAgents>;
