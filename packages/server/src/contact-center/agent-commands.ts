import type { Clock } from '@tandem/sdk-core';
import { type Agent, type Agents, presentedState } from './agents';
import { defaultNotReadyReasons, type ServerConfig } from './config';
import type { DomainBus } from './domain-events';
import { fail } from './failure';
import type { InteractionDomain } from './interactions';
import type { Register } from './protocol-register';
import type { SessionServer } from './sessions';

export interface AgentCommandContext {
  register: Register;
  clock: Clock;
  config: ServerConfig;
  agents: Agents;
  domain: InteractionDomain;
  sessions: SessionServer;
  events: DomainBus;
  setStatus(agent: Agent, status: Agent['status'], reason?: string): void;
}

/** The agent desktop's commands: state, invitations, messages, hand-ons, wrap-up, standard responses. */
export function registerAgentCommands(context: AgentCommandContext): void {
  const { register, clock, config, agents, domain, sessions, events, setStatus } = context;
  const notReadyReasons = config.notReadyReasons ?? defaultNotReadyReasons;
  register('agent.me', {
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
    run: ({ session }) => domain.agentResync(session.subject),
  });
  register('agent.setState', {
    run: ({ session }, input) => {
      const me = agents.get(session.subject) ?? fail('not_found', 'unknown agent');
      if (input.state === 'NotReady' && input.reason && !notReadyReasons.includes(input.reason)) {
        fail('invalid_argument', `reason: expected one of ${notReadyReasons.join(', ')}`);
      }
      setStatus(me, input.state, input.reason);
    },
  });
  register('agent.logout', {
    run: ({ session }) => {
      const me = agents.get(session.subject) ?? fail('not_found', 'unknown agent');
      if (me.load.chat + me.load.voice > 0) {
        fail('conflict', 'end or transfer your conversations and calls before logging out');
      }
      setStatus(me, 'LoggedOut');
      events.emit('agent.loggedOut', { agentId: me.id });
      // After this answer has gone out: the session closes and is not resumable.
      clock.setTimeout(() => sessions.end(me.id, 'logged out'), 0);
    },
  });
  register('agent.roster', {
    run: () => agents.all().map((a) => ({ id: a.id, name: a.name, state: presentedState(a) })),
  });
  register('agent.accept', {
    run: ({ session }, i) => domain.accept(session.subject, i.interactionId),
  });
  register('agent.decline', {
    run: ({ session }, i) => domain.decline(session.subject, i.interactionId),
  });
  register('agent.send', {
    run: ({ session }, input) => domain.agentSend(session.subject, input),
  });
  register('agent.read', {
    run: ({ session }, input) => domain.agentRead(session.subject, input.interactionId, input.upTo),
  });
  register('agent.typing', {
    run: ({ session }, input) => domain.agentTyping(session.subject, input.interactionId, input.typing),
  });
  for (const purpose of ['transfer', 'conference', 'consult'] as const) {
    register(`agent.${purpose}`, {
      run: ({ session }, input) => domain.invite(session.subject, { ...input, purpose }),
    });
  }
  register('agent.leave', {
    run: ({ session }, i) => domain.agentLeave(session.subject, i.interactionId),
  });
  register('agent.end', {
    run: ({ session }, i) => domain.agentEnd(session.subject, i.interactionId),
  });
  register('agent.wrapUp', {
    run: ({ session }, input) => domain.wrapUp(session.subject, input),
  });
  register('agent.responses', {
    run: (_context, { query }) => searchResponses(config, query),
  });
}

/** Standard responses whose title, keywords or text contain every word of the query. */
export function searchResponses(config: ServerConfig, query: string) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (config.standardResponses ?? []).filter((response) => {
    const haystack = `${response.title} ${response.keywords.join(' ')} ${response.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
