import { type ChatMessage, type Clock, createTypingSignal, type Random } from '@tandem/sdk-core';
import type { ChatEntry } from './controller';
import { mergeMessage, messageId } from './messages';

/**
 * The visitor's side of a conversation, shared by chat and messaging: a message shows at once as sending,
 * becomes sent or failed, and a retry reuses its id (the server stores it once). The typing signal goes
 * out at most once every 3 s and "stopped" follows 5 s without a keystroke, or the message being sent.
 */
export function createOutbox(options: {
  clock: Clock;
  random: Random;
  messages(): readonly ChatEntry[];
  setMessages(messages: readonly ChatEntry[]): void;
  send(message: { readonly id: string; readonly text: string }): Promise<void>;
  typing(typing: boolean): void;
  sent(message: ChatMessage): void;
}) {
  const { clock } = options;
  const newId = messageId(clock, options.random);
  const typing = createTypingSignal(clock, options.typing);

  const withStatus = (id: string, status: ChatEntry['status']) =>
    options.setMessages(options.messages().map((m) => (m.id === id ? { ...m, status } : m)));

  async function deliver(entry: ChatEntry): Promise<void> {
    try {
      await options.send({ id: entry.id, text: entry.text });
      options.setMessages(mergeMessage(options.messages(), entry).messages);
      options.sent({ id: entry.id, from: 'customer', text: entry.text, at: entry.at });
    } catch (error) {
      withStatus(entry.id, 'failed');
      throw error;
    }
  }

  return {
    newId,

    send(text: string): Promise<void> {
      typing.stop();
      const entry: ChatEntry = { id: newId(), from: 'customer', text, at: clock.now(), status: 'sending' };
      options.setMessages([...options.messages(), entry]);
      return deliver(entry);
    },

    retry(id: string): Promise<void> {
      const entry = options.messages().find((m) => m.id === id && m.status === 'failed');
      if (!entry) return Promise.resolve();
      withStatus(id, 'sending');
      return deliver({ ...entry, status: 'sending' });
    },

    typed: typing.typed,

    dispose: typing.dispose,
  };
}
