import * as z from 'zod/mini';
import { cobrowseMode, finite, shortText, time } from './values';

// Payloads of the events a customer receives. The client validates each before use: the server is
// trusted no more than any other network peer.

export const chatMessageData = z.object({
  id: shortText(64),
  from: z.enum(['customer', 'agent', 'system']),
  text: shortText(100_000),
  at: time(),
  authorName: z.optional(shortText(200)),
  quickReplies: z.optional(z.array(shortText(80))),
});

export const callbackData = z.object({
  callbackId: shortText(64),
  at: finite(),
  state: z.enum(['scheduled', 'queued', 'connected', 'completed', 'cancelled']),
  agentName: z.optional(shortText(200)),
});
const nullableText = (max: number) =>
  z.custom<string | null>((v) => v === null || (typeof v === 'string' && v.length <= max));

export const customerEvents = {
  'chat.started': z.object({ conversationId: shortText(64), subject: shortText(64) }),
  'chat.message': chatMessageData,
  // staffed: false when no agent who could take the chat is logged in any more (absent: staffed or unknown).
  'chat.queued': z.object({
    position: finite(),
    ewtSeconds: z.optional(finite()),
    staffed: z.optional(z.boolean()),
  }),
  'chat.agentJoined': z.object({ name: shortText(200) }),
  'chat.agentLeft': z.object({ name: shortText(200), transferredTo: z.optional(shortText(200)) }),
  'chat.typing': z.object({ name: shortText(200), typing: z.boolean() }),
  'chat.ended': z.object({ reason: shortText(64) }),
  // Read receipts: the agents have seen the conversation up to this message.
  'chat.read': z.object({ upTo: shortText(64) }),
  'call.matched': z.object({ number: shortText(32) }),
  'call.queued': z.object({ position: finite(), ewtSeconds: z.optional(finite()) }),
  'call.agentJoined': z.object({ name: shortText(200) }),
  'call.ended': z.object({ reason: shortText(64) }),
  'call.leaseExpired': z.object({ number: shortText(32) }),
  'callback.scheduled': callbackData,
  'callback.queued': callbackData,
  'callback.connected': callbackData,
  'callback.completed': callbackData,
  'callback.cancelled': callbackData,
  'messaging.message': chatMessageData,
  // The thread's exchange waits for an agent (as chat.queued).
  'messaging.queued': z.object({
    position: finite(),
    ewtSeconds: z.optional(finite()),
    staffed: z.optional(z.boolean()),
  }),
  'messaging.agentJoined': z.object({ name: shortText(200) }),
  'messaging.agentLeft': z.object({ name: shortText(200) }),
  'messaging.typing': z.object({ name: shortText(200), typing: z.boolean() }),
  'messaging.ended': z.object({ reason: shortText(64) }),
  'messaging.read': z.object({ upTo: shortText(64) }),
  'cobrowse.joined': z.object({ sessionId: shortText(16), agentName: shortText(200), mode: cobrowseMode }),
  'cobrowse.writeRequested': z.object({ sessionId: shortText(16), agentName: shortText(200) }),
  'cobrowse.mode': z.object({ sessionId: shortText(16), mode: cobrowseMode }),
  'cobrowse.frame': z.object({ kind: shortText(32), data: z.optional(z.unknown()) }),
  'cobrowse.ended': z.object({ sessionId: shortText(16), reason: shortText(64) }),
  availability: z.array(
    z.object({
      channel: shortText(32),
      subject: shortText(64),
      open: z.boolean(),
      nextOpenAt: z.optional(finite()),
      ewtSeconds: z.optional(finite()),
      staffed: z.optional(z.boolean()),
    }),
  ),
} as const;

export type CustomerEventName = keyof typeof customerEvents;
export type CustomerEvent<K extends CustomerEventName> = z.infer<(typeof customerEvents)[K]>;

export const chatHistoryData = z.object({
  conversationId: nullableText(64),
  state: shortText(32),
  agents: z.optional(z.array(shortText(200))),
  messages: z.array(chatMessageData),
  readUpTo: z.optional(shortText(64)),
});

/** Either lease shape, checked by hand for the same reason the codec dispatches frames by type. */
export const leaseData = z
  .object({
    status: z.enum(['leased', 'exhausted']),
    number: z.optional(shortText(32)),
    accessCode: z.optional(shortText(8)),
    expiresAt: z.optional(finite()),
    generalNumber: z.optional(shortText(32)),
  })
  .check(
    z.refine((lease) =>
      lease.status === 'leased'
        ? lease.number !== undefined && lease.expiresAt !== undefined
        : lease.generalNumber !== undefined,
    ),
  );

export const messagingHistoryData = z.object({
  threadId: nullableText(64),
  messages: z.array(chatMessageData),
});

export const cobrowseCreated = z.object({ sessionId: shortText(16) });
export const cobrowseResumed = z.object({
  sessionId: shortText(16),
  agentName: z.optional(shortText(200)),
  mode: cobrowseMode,
});
export const callbackSlots = z.array(finite());
