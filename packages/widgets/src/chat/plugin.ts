import { type ChatMessage, definePlugin, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import { type ChatState, createChatController } from './controller';

declare module '@tandem/sdk-core' {
  interface TandemEvents {
    'Chat.opened': undefined;
    'Chat.closed': undefined;
    'Chat.started': { conversationId: string };
    'Chat.messageReceived': { message: ChatMessage };
    'Chat.messageSent': { message: ChatMessage };
    'Chat.agentJoined': { name: string };
    'Chat.agentLeft': { name: string };
    'Chat.ended': { reason: string };
    'Chat.unreadChanged': { count: number };
    'Chat.changed': ChatState;
  }
  interface TandemCommands {
    'Chat.open': { payload: undefined; result: undefined };
    'Chat.close': { payload: undefined; result: undefined };
    'Chat.start': {
      payload: { subject?: string; fields?: Record<string, string> } | undefined;
      result: string;
    };
    'Chat.send': { payload: { text: string }; result: undefined };
    'Chat.retry': { payload: { id: string }; result: undefined };
    'Chat.end': { payload: undefined; result: undefined };
    'Chat.reset': { payload: undefined; result: undefined };
    'Chat.state': { payload: undefined; result: ChatState };
  }
}

const startSchema = z.optional(
  z.strictObject({
    subject: z.optional(text(64)),
    fields: z.optional(z.record(text(64), text(1000))),
  }),
);
const sendSchema = z.strictObject({
  text: z
    .string({ error: 'a message of 1 to 20000 characters' })
    .check(
      z.minLength(1, { error: 'a message of 1 to 20000 characters' }),
      z.maxLength(20_000, { error: 'a message of 1 to 20000 characters' }),
    ),
});

/**
 * Chat (seed 002, CE18) without UI: the commands and events of the API, for the widget and for hosts that
 * draw their own. `subject` picks the queue when Chat.start names none.
 */
export function chat(options: { subject?: string } = {}) {
  return definePlugin({
    name: 'Chat',
    async setup(context) {
      const { backend, bus, tabStorage, clock, random } = context;
      if (!backend) throw new Error('Chat needs a backend (config.backend)');
      let open = false;
      let unread = 0;
      const setUnread = (count: number) => {
        if (count === unread) return;
        unread = count;
        bus.emit('Chat.unreadChanged', { count });
      };
      const controller = createChatController({
        backend,
        // The conversation belongs to this tab's connection session, which is per tab too.
        storage: tabStorage,
        clock,
        random,
        notify: {
          started: (conversationId) => bus.emit('Chat.started', { conversationId }),
          received(message) {
            bus.emit('Chat.messageReceived', { message });
            if (!open) setUnread(unread + 1);
          },
          sent: (message) => bus.emit('Chat.messageSent', { message }),
          agentJoined: (name) => bus.emit('Chat.agentJoined', { name }),
          agentLeft: (name) => bus.emit('Chat.agentLeft', { name }),
          ended: (reason) => bus.emit('Chat.ended', { reason }),
          changed: (state) => bus.emit('Chat.changed', state),
        },
      });
      // A conversation in progress before a reload or a navigation comes back in the background.
      controller.restore().catch(() => undefined);

      context.register('Chat.open', {
        run() {
          open = true;
          setUnread(0);
          bus.emit('Chat.opened', undefined);
          return undefined;
        },
      });
      context.register('Chat.close', {
        run() {
          open = false;
          bus.emit('Chat.closed', undefined);
          return undefined;
        },
      });
      context.register('Chat.start', {
        schema: startSchema,
        run: (input) =>
          controller.start({
            subject: input?.subject ?? options.subject ?? context.config.channels?.chat?.subject ?? 'general',
            ...(input?.fields ? { fields: input.fields } : {}),
          }),
      });
      context.register('Chat.send', {
        schema: sendSchema,
        run: (input) => controller.send(input.text).then(() => undefined),
      });
      context.register('Chat.retry', {
        schema: z.strictObject({ id: text(64) }),
        run: (input) => controller.retry(input.id).then(() => undefined),
      });
      context.register('Chat.end', { run: () => controller.end().then(() => undefined) });
      context.register('Chat.reset', { run: () => void controller.reset() });
      context.register('Chat.state', { run: () => controller.state });
      return () => controller.dispose();
    },
  });
}
