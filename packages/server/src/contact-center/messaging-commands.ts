import { commands } from '@tandem/sdk-core/protocol';
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
    schema: commands['messaging.send'],
    run: ({ session }, input) => messaging.send(session.subject, input),
  });
  register('messaging.typing', {
    roles: customer,
    schema: commands['messaging.typing'],
    run: ({ session }, input) => messaging.typing(session.subject, input.typing),
  });
  register('messaging.read', {
    roles: customer,
    schema: commands['messaging.read'],
    run: ({ session }, input) => messaging.read(session.subject, input.upTo),
  });
  register('messaging.history', {
    roles: customer,
    schema: commands['messaging.history'],
    run: ({ session }) => messaging.history(session.subject),
  });
}
