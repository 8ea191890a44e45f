import type { Clock } from '@tandem/sdk-core';
import { commands } from '@tandem/sdk-core/protocol';
import { type Agent, type Agents, presentedState } from './agents';
import type { ServerConfig } from './config';
import type { DomainBus } from './domain-events';
import { fail } from './failure';
import type { InteractionDomain } from './interactions';
import type { SessionServer } from './sessions';

const agent = ['agent'] as const;

export interface AgentCommandContext {
  register: SessionServer['register'];
  clock: Clock;
  config: ServerConfig;
  agents: Agents;
  domain: InteractionDomain;
  sessions: SessionServer;
  events: DomainBus;
  notReadyReasons: readonly string[];
  setStatus(agent: Agent, status: Agent['status'], reason?: string): void;
}

/** The agent desktop's commands: state, invitations, messages, hand-ons, wrap-up, standard responses. */
export function registerAgentCommands(context: AgentCommandContext): void {
  const { register, clock, config, agents, domain, sessions, events, notReadyReasons, setStatus } = context;
  register('agent.me', {
    roles: agent,
    schema: commands['agent.me'],
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
    schema: commands['agent.resync'],
    run: ({ session }) => domain.agentResync(session.subject),
  });
  register('agent.setState', {
    roles: agent,
    schema: commands['agent.setState'],
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
    schema: commands['agent.logout'],
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
    roles: agent,
    schema: commands['agent.roster'],
    run: () => agents.all().map((a) => ({ id: a.id, name: a.name, state: presentedState(a) })),
  });
  register('agent.accept', {
    roles: agent,
    schema: commands['agent.accept'],
    run: ({ session }, i) => domain.accept(session.subject, i.interactionId),
  });
  register('agent.decline', {
    roles: agent,
    schema: commands['agent.decline'],
    run: ({ session }, i) => domain.decline(session.subject, i.interactionId),
  });
  register('agent.send', {
    roles: agent,
    schema: commands['agent.send'],
    run: ({ session }, input) => domain.agentSend(session.subject, input),
  });
  register('agent.read', {
    roles: agent,
    schema: commands['agent.read'],
    run: ({ session }, input) => domain.agentRead(session.subject, input.interactionId, input.upTo),
  });
  register('agent.typing', {
    roles: agent,
    schema: commands['agent.typing'],
    run: ({ session }, input) => domain.agentTyping(session.subject, input.interactionId, input.typing),
  });
  for (const purpose of ['transfer', 'conference', 'consult'] as const) {
    register(`agent.${purpose}`, {
      roles: agent,
      schema: commands[`agent.${purpose}`],
      run: ({ session }, input) => domain.invite(session.subject, { ...input, purpose }),
    });
  }
  register('agent.leave', {
    roles: agent,
    schema: commands['agent.leave'],
    run: ({ session }, i) => domain.agentLeave(session.subject, i.interactionId),
  });
  register('agent.end', {
    roles: agent,
    schema: commands['agent.end'],
    run: ({ session }, i) => domain.agentEnd(session.subject, i.interactionId),
  });
  register('agent.wrapUp', {
    roles: agent,
    schema: commands['agent.wrapUp'],
    run: ({ session }, input) => domain.wrapUp(session.subject, input),
  });
  register('agent.responses', {
    roles: agent,
    schema: commands['agent.responses'],
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
