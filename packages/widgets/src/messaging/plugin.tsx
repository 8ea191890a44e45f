import { type ChatMessage, definePlugin, getDocument, type PluginContext } from '@tandem/sdk-core';
import { render } from 'preact';
import * as z from 'zod/mini';
import { type ChatOptions, parseChatOptions } from '../chat/options';
import { createChime } from '../chat/sound';
import { chatLocales, chatStrings } from '../chat/strings';
import { chatStyles } from '../chat/styles';
import { focusIn, focusLost } from '../shared/focus';
import { formStrings } from '../shared/form-strings';
import { windowStyles } from '../shared/window-styles';
import { createMessagingController, type MessagingState } from './controller';
import { MessagingWindow } from './MessagingWindow';

declare module '@tandem/sdk-core' {
  interface TandemEvents {
    'Messaging.opened': undefined;
    'Messaging.closed': undefined;
    'Messaging.messageReceived': { message: ChatMessage };
    'Messaging.messageSent': { message: ChatMessage };
    'Messaging.unreadChanged': { count: number };
  }
  interface TandemCommands {
    'Messaging.open': { payload: undefined; result: undefined };
    'Messaging.close': { payload: undefined; result: undefined };
    'Messaging.send': { payload: { text: string }; result: undefined };
    'Messaging.state': { payload: undefined; result: MessagingState };
  }
}

const messageExpected = 'a message of 1 to 20000 characters';
const sendSchema = z.strictObject({
  text: z
    .string({ error: messageExpected })
    .check(z.refine((value) => value.length >= 1 && value.length <= 20_000, { error: messageExpected })),
});

/**
 * Asynchronous messaging (seed 003) in a window of its own: the persistent thread, fetched from the
 * backend when opened, with new replies counted and chimed while the window is closed.
 */
export function messagingWidget(input: ChatOptions & { subject?: string } = {}) {
  return definePlugin({
    name: 'Messaging',
    async setup(context: PluginContext) {
      const { subject, ...rest } = input;
      const options = parseChatOptions(rest);
      const { backend, bus, i18n, ui, clock, random } = context;
      if (!backend) throw new Error('Messaging needs a backend (config.backend)');
      const messaging = backend.messaging;
      if (!messaging) return; // not offered: the kernel refuses Messaging.* as unsupported
      i18n.add(chatStrings);
      i18n.add(formStrings);
      await i18n.load(chatLocales).catch(() => undefined);
      ui.addStyles(windowStyles);
      ui.addStyles(chatStyles);
      const slot = ui.mount('messaging');
      const chime = createChime(clock);
      let open = false;
      let unread = 0;
      let returnFocusTo: HTMLElement | null = null;
      const setUnread = (count: number) => {
        if (count === unread) return;
        unread = count;
        bus.emit('Messaging.unreadChanged', { count });
      };
      const controller = createMessagingController({
        backend: { messaging },
        clock,
        random,
        ...(subject ? { subject } : {}),
        notify: {
          received(message) {
            bus.emit('Messaging.messageReceived', { message });
            if (open && getDocument()?.visibilityState !== 'hidden') return;
            if (!open) setUnread(unread + 1);
            if (options.sound !== false && context.storage.get('chat.muted') !== true) chime.ring(message.id);
          },
          sent: (message) => bus.emit('Messaging.messageSent', { message }),
          changed: () => paint(),
        },
      });

      function paint(): void {
        if (!slot) return;
        render(
          open ? (
            <MessagingWindow
              i18n={i18n}
              storage={context.tabStorage}
              state={controller.state}
              imageOrigins={options.imageOrigins ?? []}
              onClose={() => setOpen(false)}
              onSend={(value) => void controller.send(value).catch(() => undefined)}
              onRetry={(id) => void controller.retry(id).catch(() => undefined)}
              onTyping={() => controller.typed()}
              onSeen={(upTo) => {
                if (getDocument()?.visibilityState !== 'hidden') controller.seen(upTo);
              }}
              now={context.clock.now()}
              onGesture={() => chime.unlock()}
            />
          ) : null,
          slot,
        );
        // Focus comes back in only when it fell to the body (the selector closing), never away from the page.
        if (open && focusLost()) focusIn(slot);
      }

      function setOpen(next: boolean): void {
        if (next === open) return;
        const root = ui.root;
        if (next) returnFocusTo = (root?.activeElement as HTMLElement | null) ?? null;
        open = next;
        if (next) setUnread(0);
        paint();
        if (next) {
          if (slot) focusIn(slot);
          controller.load().catch(() => undefined);
        } else {
          const launcher = root?.querySelector<HTMLElement>('[data-tandem-launcher]');
          (returnFocusTo?.isConnected ? returnFocusTo : launcher)?.focus();
        }
        bus.emit(next ? 'Messaging.opened' : 'Messaging.closed', undefined);
      }

      context.register('Messaging.open', { run: () => void setOpen(true) });
      context.register('Messaging.close', { run: () => void setOpen(false) });
      context.register('Messaging.send', {
        schema: sendSchema,
        run: (payload) => controller.send(payload.text).then(() => undefined),
      });
      context.register('Messaging.state', { run: () => controller.state });
      // The selector and the windows share the corner: one at a time.
      const offSelector = bus.on('ChannelSelector.opened', () => setOpen(false));
      const offChat = bus.on('Chat.opened', () => setOpen(false));
      // Back to a hidden tab: what is in view now counts as read.
      getDocument()?.addEventListener('visibilitychange', paint);
      return () => {
        getDocument()?.removeEventListener('visibilitychange', paint);
        offSelector();
        offChat();
        chime.close();
        controller.dispose();
        if (slot) render(null, slot);
        ui.unmount('messaging');
      };
    },
  });
}
