import { text } from '@tandem/sdk-core';
import { clientId } from '@tandem/sdk-core/protocol';
import * as z from 'zod/mini';
import type { MessagingDomain } from './messaging';
import type { SessionServer } from './sessions';

const customer = ['customer'] as const;

/** Asynchronous messaging (seed 003): the customer's side. */
export function registerMessagingCommands(
  register: SessionServer['register'],
  messaging: MessagingDomain,
): void {
  register('messaging.send', {
    roles: customer,
    engages: true,
    schema: z.strictObject({ id: clientId(), text: text(100_000), subject: z.optional(text(64)) }),
    run: ({ session }, input) => messaging.send(session.subject, input),
  });
  register('messaging.typing', {
    roles: customer,
    schema: z.strictObject({ typing: z.boolean() }),
    run: ({ session }, input) => messaging.typing(session.subject, input.typing),
  });
  register('messaging.read', {
    roles: customer,
    schema: z.strictObject({ upTo: clientId() }),
    run: ({ session }, input) => messaging.read(session.subject, input.upTo),
  });
  register('messaging.history', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => messaging.history(session.subject),
  });
}
