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
  // An echo or a replay confirms a message; it never takes back a read receipt.
  messages[index] = { ...message, status: list[index]?.status === 'read' ? 'read' : 'sent' };
  return { messages, added: false };
}

/** A read receipt for everything up to `upTo`: the visitor's sent messages up to it become read. */
export function markRead(list: readonly ChatEntry[], upTo: string | undefined): readonly ChatEntry[] {
  const last = list.findIndex((m) => m.id === upTo);
  return last < 0
    ? list
    : list.map((m, i) =>
        i <= last && m.from === 'customer' && m.status === 'sent' ? { ...m, status: 'read' } : m,
      );
}

/** Tells the backend once per new message that the visitor has seen the conversation up to it. */
export function readReporter(send: ((upTo: string) => void) | undefined): (upTo: string) => void {
  let last: string | undefined;
  return (upTo) => {
    if (upTo === last) return;
    last = upTo;
    send?.(upTo);
  };
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
