import type { MessagingDomain } from './messaging';
import type { Register } from './protocol-register';

/** Asynchronous messaging (seed 003): the customer's side. */
export function registerMessagingCommands(register: Register, messaging: MessagingDomain): void {
  register('messaging.send', {
    engages: true,
    run: ({ session }, input) => messaging.send(session.subject, input),
  });
  register('messaging.typing', {
    run: ({ session }, input) => messaging.typing(session.subject, input.typing),
  });
  register('messaging.read', {
    run: ({ session }, input) => messaging.read(session.subject, input.upTo),
  });
  register('messaging.history', {
    run: ({ session }) => messaging.history(session.subject),
  });
}
