import { commands } from '@tandem/sdk-core/protocol';
import type { CobrowseDomain } from './cobrowse';
import type { SessionServer } from './sessions';

const customer = ['customer'] as const;
const agent = ['agent'] as const;

/** Co-browse (seeds 000 and CE27): the customer's session and the agent's join, frames and end. */
export function registerCobrowseCommands(
  register: SessionServer['register'],
  cobrowse: CobrowseDomain,
): void {
  register('cobrowse.create', {
    roles: customer,
    engages: true,
    schema: commands['cobrowse.create'],
    run: ({ session }) => cobrowse.create(session.subject),
  });
  register('cobrowse.resume', {
    roles: customer,
    schema: commands['cobrowse.resume'],
    run: ({ session }, input) => cobrowse.resume(session.subject, input.sessionId),
  });
  register('cobrowse.consent', {
    roles: customer,
    schema: commands['cobrowse.consent'],
    run: ({ session }, input) => cobrowse.consent(session.subject, input.allow),
  });
  register('cobrowse.revoke', {
    roles: customer,
    schema: commands['cobrowse.revoke'],
    run: ({ session }) => cobrowse.revoke(session.subject),
  });
  register('cobrowse.frame', {
    roles: customer,
    schema: commands['cobrowse.frame'],
    run: ({ session }, frame) => cobrowse.customerFrame(session.subject, frame),
  });
  register('cobrowse.end', {
    roles: customer,
    schema: commands['cobrowse.end'],
    run: ({ session }) => cobrowse.customerEnd(session.subject),
  });
  register('agent.cobrowseJoin', {
    roles: agent,
    schema: commands['agent.cobrowseJoin'],
    run: ({ session }, input) => cobrowse.joinById(session.subject, input.sessionId),
  });
  register('agent.cobrowseRequestWrite', {
    roles: agent,
    schema: commands['agent.cobrowseRequestWrite'],
    run: ({ session }, input) => cobrowse.requestWrite(session.subject, input.sessionId),
  });
  register('agent.cobrowseFrame', {
    roles: agent,
    schema: commands['agent.cobrowseFrame'],
    run: ({ session }, frame) => cobrowse.agentFrame(session.subject, frame),
  });
  register('agent.cobrowseEnd', {
    roles: agent,
    schema: commands['agent.cobrowseEnd'],
    run: ({ session }, input) => cobrowse.agentEnd(session.subject, input.sessionId),
  });
}
