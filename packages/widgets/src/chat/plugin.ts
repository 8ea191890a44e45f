import { type ChatMessage, definePlugin, type PluginContext, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import { type ChatController, type ChatState, createChatController } from './controller';

declare module '@tandem/sdk-core' {
  interface TandemEvents {
    'Chat.opened': undefined;
    'Chat.closed': undefined;
    'Chat.minimized': undefined;
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
    'Chat.minimize': { payload: undefined; result: undefined };
    'Chat.start': {
      payload: { subject?: string; fields?: Record<string, string> } | undefined;
      result: string;
    };
    'Chat.send': { payload: { text: string }; result: undefined };
    'Chat.retry': { payload: { id: string }; result: undefined };
    'Chat.end': { payload: undefined; result: undefined };
    'Chat.rate': { payload: { score: number; comment?: string }; result: undefined };
    'Chat.reset': { payload: undefined; result: undefined };
    'Chat.state': { payload: undefined; result: ChatState };
  }
}

export type ChatView = 'closed' | 'open' | 'minimized';

/** What a UI on top of the headless chat gets: the conversation, the window state, and when they change. */
export interface ChatCore {
  readonly controller: ChatController;
  readonly context: PluginContext;
  readonly view: ChatView;
  readonly unread: number;
  setView(view: ChatView): void;
  subject(requested?: string): string | undefined;
  onChange(listener: () => void): void;
}

const startSchema = z.optional(
  z.strictObject({
    subject: z.optional(text(64)),
    fields: z.optional(z.record(text(64), text(1000))),
  }),
);
const messageExpected = 'a message of 1 to 20000 characters';
// Refinements rather than z.minLength(): the zod checks module is shared with the launcher's bundle.
const sendSchema = z.strictObject({
  text: z
    .string({ error: messageExpected })
    .check(z.refine((text) => text.length >= 1 && text.length <= 20_000, { error: messageExpected })),
});
const rateExpected = 'a whole number from 1 to 5';
const rateSchema = z.strictObject({
  score: z
    .number({ error: rateExpected })
    .check(z.refine((n) => Number.isInteger(n) && n >= 1 && n <= 5, { error: rateExpected })),
  comment: z.optional(text(2000)),
});

const viewKey = 'chat.view';

/**
 * Chat (seed 002, CE18) without UI: the commands and events of the API, for hosts that draw their own.
 * `subject` picks the queue when Chat.start names none.
 */
export function chat(options: { subject?: string } = {}) {
  return definePlugin({ name: 'Chat', setup: (context) => setupChat(context, options) });
}

/** The headless core; a UI passes `mount` to draw the window and gets its teardown back. */
export function setupChat(
  context: PluginContext,
  options: { subject?: string },
  mount?: (core: ChatCore) => () => void,
): () => void {
  const { backend, bus, tabStorage, clock, random } = context;
  if (!backend) throw new Error('Chat needs a backend (config.backend)');
  const chatApi = backend.chat;
  if (!chatApi) return () => undefined; // not offered: the kernel refuses Chat.* as unsupported
  let view: ChatView = 'closed';
  let unread = 0;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const setUnread = (count: number) => {
    if (count === unread) return;
    unread = count;
    bus.emit('Chat.unreadChanged', { count });
    changed();
  };
  const active = () => ['starting', 'queued', 'connected'].includes(controller.state.phase);
  // Survives reloads while there is something to come back to: an open window or a conversation.
  const saveView = () => {
    if (view !== 'closed' || active()) tabStorage.set(viewKey, view, { ttlMs: 24 * 3600_000 });
    else tabStorage.remove(viewKey);
  };

  const controller = createChatController({
    backend: { chat: chatApi },
    // Shared by the site's tabs, like the connection they share (see websocket({ sharedStorage })).
    storage: context.storage,
    clock,
    random,
    notify: {
      started(conversationId) {
        saveView();
        bus.emit('Chat.started', { conversationId });
      },
      received(message) {
        bus.emit('Chat.messageReceived', { message });
        if (view !== 'open') setUnread(unread + 1);
      },
      sent: (message) => bus.emit('Chat.messageSent', { message }),
      agentJoined: (name) => bus.emit('Chat.agentJoined', { name }),
      agentLeft: (name) => bus.emit('Chat.agentLeft', { name }),
      ended(reason) {
        saveView();
        bus.emit('Chat.ended', { reason });
      },
      changed(state) {
        bus.emit('Chat.changed', state);
        changed();
      },
    },
  });

  const core: ChatCore = {
    controller,
    context,
    get view() {
      return view;
    },
    get unread() {
      return unread;
    },
    setView(next) {
      if (next === view) return;
      view = next;
      if (next === 'open') setUnread(0);
      saveView();
      changed();
      bus.emit(
        next === 'open' ? 'Chat.opened' : next === 'closed' ? 'Chat.closed' : 'Chat.minimized',
        undefined,
      );
    },
    // None named: the backend's own default, never a subject the contact center may not have.
    subject: (requested) => requested ?? options.subject ?? context.config.channels?.chat?.subject,
    onChange: (listener) => void listeners.add(listener),
  };

  context.register('Chat.open', { run: () => void core.setView('open') });
  context.register('Chat.close', { run: () => void core.setView('closed') });
  context.register('Chat.minimize', { run: () => void core.setView('minimized') });
  context.register('Chat.start', {
    schema: startSchema,
    run: (input) =>
      controller.start({
        subject: core.subject(input?.subject),
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
  context.register('Chat.rate', {
    schema: rateSchema,
    run: (input) => controller.rate(input.score, input.comment).then(() => undefined),
  });
  context.register('Chat.reset', {
    async run() {
      await controller.reset();
      saveView();
      return undefined;
    },
  });
  context.register('Chat.state', { run: () => controller.state });

  // Back online: whatever was missed comes in, or a conversation the backend lost ends plainly.
  const stopReconnect = backend.onStateChange((connection) => {
    if (connection === 'online') controller.reconcile().catch(() => undefined);
  });
  const unmount = mount?.(core);
  // A conversation in progress before a reload or a navigation comes back, with its window as it was.
  const saved = tabStorage.get<ChatView>(viewKey, (v) => (v === 'open' || v === 'minimized' ? v : undefined));
  if (saved) core.setView(saved);
  controller
    .restore()
    .catch(() => false)
    .then(() => saveView());
  return () => {
    stopReconnect();
    unmount?.();
    controller.dispose();
  };
}
