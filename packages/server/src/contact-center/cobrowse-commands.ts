import { oneOf, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import type { CobrowseDomain } from './cobrowse';
import { httpUrl } from './command-schemas';
import type { SessionServer } from './sessions';

const customer = ['customer'] as const;
const agent = ['agent'] as const;

/** Co-browse (seeds 000 and CE27): the customer's session and the agent's join, frames and end. */
export function registerCobrowseCommands(
  register: SessionServer['register'],
  cobrowse: CobrowseDomain,
): void {
  const sessionId = { sessionId: text(16) };
  register('cobrowse.create', {
    roles: customer,
    engages: true,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => cobrowse.create(session.subject),
  });
  register('cobrowse.resume', {
    roles: customer,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.resume(session.subject, input.sessionId),
  });
  register('cobrowse.consent', {
    roles: customer,
    schema: z.strictObject({ allow: z.boolean() }),
    run: ({ session }, input) => cobrowse.consent(session.subject, input.allow),
  });
  register('cobrowse.revoke', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => cobrowse.revoke(session.subject),
  });
  register('cobrowse.frame', {
    roles: customer,
    schema: z.strictObject({
      kind: oneOf([
        'snapshot',
        'mutation',
        'pointer',
        'scroll',
        'viewport',
        'input',
        'navigation',
        'focus',
        'refused',
      ]),
      data: z.optional(z.unknown()),
      url: z.optional(httpUrl()),
    }),
    run: ({ session }, frame) => cobrowse.customerFrame(session.subject, frame),
  });
  register('cobrowse.end', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => cobrowse.customerEnd(session.subject),
  });
  register('agent.cobrowseJoin', {
    roles: agent,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.joinById(session.subject, input.sessionId),
  });
  register('agent.cobrowseRequestWrite', {
    roles: agent,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.requestWrite(session.subject, input.sessionId),
  });
  register('agent.cobrowseFrame', {
    roles: agent,
    schema: z.strictObject({
      ...sessionId,
      kind: oneOf(['pointer', 'highlight', 'annotation', 'control', 'resync']),
      data: z.optional(z.unknown()),
    }),
    run: ({ session }, frame) => cobrowse.agentFrame(session.subject, frame),
  });
  register('agent.cobrowseEnd', {
    roles: agent,
    schema: z.strictObject(sessionId),
    run: ({ session }, input) => cobrowse.agentEnd(session.subject, input.sessionId),
  });
}
