import type { ChatMessage, Clock, Random } from '@tandem/sdk-core';
import type { ChatEntry, MessageStatus } from './controller';

/**
 * Adds a message, or updates the one with its id: a replay, the echo of the visitor's own message, or
 * history fetched again never shows a message twice (DESIGN invariant 6).
 */
export function mergeMessage(
  list: readonly ChatEntry[],
  message: ChatMessage,
  status: MessageStatus = 'sent',
): { messages: readonly ChatEntry[]; added: boolean } {
  const index = list.findIndex((m) => m.id === message.id);
  if (index < 0) return { messages: [...list, { ...message, status }], added: true };
  const messages = [...list];
  messages[index] = { ...message, status: 'sent' };
  return { messages, added: false };
}

/** History merged after replayed events: back in the order they were said (a stable sort by time). */
export function inTimeOrder(list: readonly ChatEntry[]): readonly ChatEntry[] {
  return [...list].sort((a, b) => a.at - b.at);
}

/** Client-made message ids: the server stores a resend with the same id once. */
export function messageId(clock: Clock, random: Random): () => string {
  let counter = 0;
  return () =>
    `m${clock.now().toString(36)}${(counter++).toString(36)}${Math.floor(random() * 36 ** 4).toString(36)}`;
}
