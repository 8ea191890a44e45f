import * as z from 'zod/mini';

// Payloads of the events a customer receives. The client validates each before use: the server is
// trusted no more than any other network peer.

const finite = () => z.number().check(z.refine(Number.isFinite));
const shortText = (max: number) => z.string().check(z.maxLength(max));

export const chatMessageData = z.object({
  id: shortText(64),
  from: z.enum(['customer', 'agent', 'system']),
  text: shortText(100_000),
  at: finite(),
  authorName: z.optional(shortText(200)),
});

export const customerEvents = {
  'chat.started': z.object({ conversationId: shortText(64), subject: shortText(64) }),
  'chat.message': chatMessageData,
  'chat.queued': z.object({ position: finite(), ewtSeconds: z.optional(finite()) }),
  'chat.agentJoined': z.object({ name: shortText(200) }),
  'chat.agentLeft': z.object({ name: shortText(200) }),
  'chat.typing': z.object({ name: shortText(200), typing: z.boolean() }),
  'chat.ended': z.object({ reason: shortText(64) }),
  availability: z.array(
    z.object({
      channel: shortText(32),
      subject: shortText(64),
      open: z.boolean(),
      nextOpenAt: z.optional(finite()),
      ewtSeconds: z.optional(finite()),
    }),
  ),
} as const;

export type CustomerEventName = keyof typeof customerEvents;
export type CustomerEvent<K extends CustomerEventName> = z.infer<(typeof customerEvents)[K]>;

export const chatHistoryData = z.object({
  conversationId: z.nullable(shortText(64)),
  state: shortText(32),
  messages: z.array(chatMessageData),
});
