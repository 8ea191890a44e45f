import { commands } from '@tandem/sdk-core/protocol';
import type { createAvailabilityFeed } from './availability';
import type { InteractionDomain } from './interactions';
import type { SessionServer } from './sessions';

const customer = ['customer'] as const;

/** The customer's chat (seed 002) and the availability feed: commands, checked, then handed to the domain. */
export function registerChatCommands(
  register: SessionServer['register'],
  domain: InteractionDomain,
  feed: ReturnType<typeof createAvailabilityFeed>,
): void {
  register('availability.subscribe', {
    roles: customer,
    schema: commands['availability.subscribe'],
    run: ({ session }) => feed.subscribe(session.subject),
  });
  register('chat.start', {
    roles: customer,
    engages: true,
    schema: commands['chat.start'],
    run: ({ session }, input) => domain.start(session.subject, input),
  });
  register('chat.send', {
    roles: customer,
    schema: commands['chat.send'],
    run: ({ session }, input) => domain.customerSend(session.subject, input),
  });
  register('chat.typing', {
    roles: customer,
    schema: commands['chat.typing'],
    run: ({ session }, input) => domain.customerTyping(session.subject, input.typing),
  });
  register('chat.end', {
    roles: customer,
    schema: commands['chat.end'],
    run: ({ session }) => domain.customerEnd(session.subject),
  });
  register('chat.rate', {
    roles: customer,
    schema: commands['chat.rate'],
    run: ({ session }, input) => domain.customerRate(session.subject, input),
  });
  register('chat.read', {
    roles: customer,
    schema: commands['chat.read'],
    run: ({ session }, input) => {
      const chat = domain.latestChatOf(session.subject);
      if (chat) domain.customerRead(chat, input.upTo);
    },
  });
  register('chat.history', {
    roles: customer,
    schema: commands['chat.history'],
    run: ({ session }) => domain.history(session.subject),
  });
}
