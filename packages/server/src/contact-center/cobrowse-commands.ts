import type { CobrowseDomain } from './cobrowse';
import type { Register } from './protocol-register';

/** Co-browse (seeds 000 and CE27): the customer's session and the agent's join, frames and end. */
export function registerCobrowseCommands(register: Register, cobrowse: CobrowseDomain): void {
  register('cobrowse.create', {
    engages: true,
    run: ({ session }) => cobrowse.create(session.subject),
  });
  register('cobrowse.resume', {
    run: ({ session }, input) => cobrowse.resume(session.subject, input.sessionId),
  });
  register('cobrowse.consent', {
    run: ({ session }, input) => cobrowse.consent(session.subject, input.allow),
  });
  register('cobrowse.revoke', {
    run: ({ session }) => cobrowse.revoke(session.subject),
  });
  register('cobrowse.frame', {
    run: ({ session }, frame) => cobrowse.customerFrame(session.subject, frame),
  });
  register('cobrowse.end', {
    run: ({ session }) => cobrowse.customerEnd(session.subject),
  });
  register('agent.cobrowseJoin', {
    run: ({ session }, input) => cobrowse.joinById(session.subject, input.sessionId),
  });
  register('agent.cobrowseRequestWrite', {
    run: ({ session }, input) => cobrowse.requestWrite(session.subject, input.sessionId),
  });
  register('agent.cobrowseFrame', {
    run: ({ session }, frame) => cobrowse.agentFrame(session.subject, frame),
  });
  register('agent.cobrowseEnd', {
    run: ({ session }, input) => cobrowse.agentEnd(session.subject, input.sessionId),
  });
}
