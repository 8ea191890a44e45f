import type { Clock } from '@tandem/sdk-core';
import { type Agent, presentedState } from './agents';
import type { Notify } from './notify';

/**
 * An agent's state changes (Ready, NotReady with a reason, LoggedOut) and who hears of them: the agent,
 * the availability feed, and waiting visitors whose subject just became staffed or unstaffed.
 */
export function createAgentStates(options: {
  clock: Clock;
  notify: Notify;
  /** Availability and queue positions may have moved. */
  changed(): void;
  /** A Ready agent may take what waits. */
  route(): void;
}) {
  function announce(agent: Agent): void {
    options.notify(agent.id, 'agent.state', {
      state: presentedState(agent),
      ...(agent.reason ? { reason: agent.reason } : {}),
    });
    options.changed();
  }

  function setStatus(agent: Agent, status: Agent['status'], reason?: string): void {
    agent.status = status;
    agent.reason = status === 'NotReady' ? reason : undefined;
    if (status === 'Ready') agent.freeSince = options.clock.now();
    announce(agent);
    if (status === 'Ready') options.route();
  }

  return { announce, setStatus };
}
