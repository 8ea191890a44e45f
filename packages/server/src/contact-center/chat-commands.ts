import type { createAvailabilityFeed } from './availability';
import type { InteractionDomain } from './interactions';
import type { Register } from './protocol-register';

/** The customer's chat (seed 002) and the availability feed: commands, checked, then handed to the domain. */
export function registerChatCommands(
  register: Register,
  domain: InteractionDomain,
  feed: ReturnType<typeof createAvailabilityFeed>,
): void {
  register('availability.subscribe', {
    run: ({ session }) => feed.subscribe(session.subject),
  });
  register('chat.start', {
    engages: true,
    run: ({ session }, input) => domain.start(session.subject, input),
  });
  register('chat.send', {
    run: ({ session }, input) => domain.customerSend(session.subject, input),
  });
  register('chat.typing', {
    run: ({ session }, input) => domain.customerTyping(session.subject, input.typing),
  });
  register('chat.end', {
    run: ({ session }) => domain.customerEnd(session.subject),
  });
  register('chat.rate', {
    run: ({ session }, input) => domain.customerRate(session.subject, input),
  });
  register('chat.read', {
    run: ({ session }, input) => {
      const chat = domain.latestChatOf(session.subject);
      if (chat) domain.customerRead(chat, input.upTo);
    },
  });
  register('chat.history', {
    run: ({ session }) => domain.history(session.subject),
  });
}
