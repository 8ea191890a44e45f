import * as z from 'zod/mini';
import { chatMessageData } from './customer-events';
import { cobrowseMode, shortText, time } from './values';

// Payloads of the events an agent desktop receives (names without the "agent." prefix). The agent client
// validates each before use, as the customer's does: the server is trusted no more than any network peer.

const interactionId = shortText(64);
const fields = z.record(z.string().check(z.maxLength(64)), shortText(2000));

/** A chat message as agents see it: the customer's, plus who may see it (consultations are agents only). */
export const agentMessageData = z.extend(chatMessageData, { visibility: z.enum(['all', 'agents']) });

const participants = z.array(
  z.object({ agentId: shortText(64), name: shortText(200), visible: z.boolean() }),
);
const offered = {
  interactionId,
  media: shortText(32),
  subject: shortText(64),
  subjectName: shortText(200),
  purpose: shortText(32),
  customerId: shortText(128),
  fields,
};

export const agentEvents = {
  state: z.object({ state: shortText(32), reason: z.optional(shortText(64)) }),
  invite: z.object({ ...offered, expiresAt: time(), fromName: z.optional(shortText(200)) }),
  inviteRevoked: z.object({ interactionId, reason: shortText(64) }),
  inviteFailed: z.object({ interactionId, purpose: shortText(32), cause: shortText(64) }),
  connected: z.object({
    ...offered,
    transcript: z.array(agentMessageData),
    participants,
    /** The last message the customer has seen. */
    customerRead: z.optional(shortText(64)),
  }),
  message: z.object({ interactionId, message: agentMessageData }),
  typing: z.object({ interactionId, from: shortText(200), typing: z.boolean() }),
  /** Read receipt: the customer has seen the conversation up to this message. */
  read: z.object({ interactionId, upTo: shortText(64), by: z.enum(['customer']) }),
  participants: z.object({ interactionId, participants }),
  left: z.object({ interactionId, reason: shortText(64) }),
  ended: z.object({ interactionId, reason: shortText(64) }),
  cobrowseJoined: z.object({
    sessionId: shortText(16),
    customerId: shortText(128),
    interactionId: z.optional(interactionId),
    mode: cobrowseMode,
  }),
  cobrowseFrame: z.object({
    sessionId: shortText(16),
    kind: shortText(32),
    data: z.optional(z.unknown()),
    url: z.optional(shortText(2000)),
  }),
  cobrowseMode: z.object({ sessionId: shortText(16), mode: cobrowseMode }),
  cobrowseWriteDenied: z.object({ sessionId: shortText(16) }),
  cobrowseEnded: z.object({ sessionId: shortText(16), reason: shortText(64) }),
} as const;

/** Answers to the agent's commands that carry data: checked by the agent client like its events. */
export const agentAnswers = {
  'agent.me': z.object({
    id: shortText(64),
    name: shortText(200),
    state: shortText(32),
    reason: z.optional(shortText(64)),
    notReadyReasons: z.array(shortText(64)),
    wrapUpCodes: z.array(shortText(64)),
    subjects: z.array(z.object({ id: shortText(64), name: shortText(200) })),
  }),
  'agent.resync': z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0)),
  'agent.roster': z.array(z.object({ id: shortText(64), name: shortText(200), state: shortText(32) })),
  'agent.responses': z.array(
    z.object({
      id: shortText(64),
      title: shortText(200),
      text: shortText(4000),
      keywords: z.array(shortText(64)),
    }),
  ),
} as const;

export type AgentAnswers = { [K in keyof typeof agentAnswers]: z.infer<(typeof agentAnswers)[K]> };

export type AgentEventName = keyof typeof agentEvents;
/** Events an agent desktop receives, as the agent client hands them on once validated. */
export type AgentEvents = { [K in AgentEventName]: z.infer<(typeof agentEvents)[K]> };
export type AgentMessage = z.infer<typeof agentMessageData>;
