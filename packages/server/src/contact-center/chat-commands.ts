import { number, text } from '@tandem/sdk-core';
import { clientId, defaultFieldLimit } from '@tandem/sdk-core/protocol';
import * as z from 'zod/mini';
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
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => feed.subscribe(session.subject),
  });
  register('chat.start', {
    roles: customer,
    engages: true,
    schema: z.strictObject({
      subject: z.optional(text(64)),
      fields: z.optional(z.record(text(64), text(defaultFieldLimit))),
    }),
    run: ({ session }, input) => domain.start(session.subject, input),
  });
  register('chat.send', {
    roles: customer,
    schema: z.strictObject({ id: clientId(), text: text(100_000) }),
    run: ({ session }, input) => domain.customerSend(session.subject, input),
  });
  register('chat.typing', {
    roles: customer,
    schema: z.strictObject({ typing: z.boolean() }),
    run: ({ session }, input) => domain.customerTyping(session.subject, input.typing),
  });
  register('chat.end', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => domain.customerEnd(session.subject),
  });
  register('chat.rate', {
    roles: customer,
    schema: z.strictObject({
      score: number({ min: 1, max: 5, integer: true }),
      comment: z.optional(text(2000)),
    }),
    run: ({ session }, input) => domain.customerRate(session.subject, input),
  });
  register('chat.read', {
    roles: customer,
    schema: z.strictObject({ upTo: clientId() }),
    run: ({ session }, input) => {
      const chat = domain.latestChatOf(session.subject);
      if (chat) domain.customerRead(chat, input.upTo);
    },
  });
  register('chat.history', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => domain.history(session.subject),
  });
}
