import {
  type ChannelAvailability,
  type ConnectionState,
  definePlugin,
  getDocument,
  getWindow,
  offers,
  type PluginContext,
  within,
} from '@tandem/sdk-core';
import { render } from 'preact';
import { focusIn, focusLost } from '../shared/focus';
import { formStrings } from '../shared/form-strings';
import { windowStyles } from '../shared/window-styles';
import { type ChatOptions, parseChatOptions } from './options';
import { type ChatCore, setupChat } from './plugin';
import { createChime } from './sound';
import { chatLocales, chatStrings } from './strings';
import { chatStyles } from './styles';
import { ChatWindow } from './ui/ChatWindow';
import { MinimizedBar } from './ui/MinimizedBar';

/**
 * The chat window on top of the headless chat: pre-chat form, waiting, conversation, end and rating, an
 * offline form when chat is closed. Options are validated when this code loads (script tag: config.chat).
 */
export function chatWidget(input: ChatOptions & { subject?: string } = {}) {
  return definePlugin({
    name: 'Chat',
    async setup(context) {
      // Not offered: nothing to load or draw (the kernel refuses Chat.* as unsupported).
      if (context.backend && !offers(context.backend, 'chat')) return;
      const { subject, ...rest } = input;
      const options = parseChatOptions(rest);
      context.i18n.add(chatStrings);
      context.i18n.add(formStrings);
      await context.i18n.load(chatLocales).catch(() => undefined); // English is the fallback
      context.ui.addStyles(windowStyles);
      context.ui.addStyles(chatStyles);
      return setupChat(context, subject ? { subject } : {}, (core) => mountWindow(core, context, options));
    },
  });
}

function mountWindow(core: ChatCore, context: PluginContext, options: ChatOptions): () => void {
  const { ui, bus, backend } = context;
  const slot = ui.mount('chat');
  let connection: ConnectionState = backend?.state ?? 'idle';
  let availability: readonly ChannelAvailability[] | undefined;
  let returnFocusTo: HTMLElement | null = null;
  let wasOpen = false;
  let requested = false;
  let notice: string | undefined;

  const activeElement = () => ui.root?.activeElement as HTMLElement | null | undefined;

  // Until the backend says whether anyone can chat (or a moment passes), an idle window stays unpainted:
  // a pre-chat form that turned into "Leave us a message" under the visitor's fingers would lose input.
  let known = false;
  let disposed = false;
  function fetchAvailability(): void {
    known = false;
    const fetched = backend?.availability.get().then((list) => {
      availability = list;
    });
    within(context.clock, 1500, fetched ?? Promise.resolve()).then(() => {
      if (disposed || known) return;
      known = true;
      paint();
    });
  }

  function paint(): void {
    if (!slot) return;
    const wanted = core.view === 'open';
    if (wanted && !wasOpen && !requested) {
      requested = true;
      // A custom launcher on the host page gets focus back; our own launcher is the fallback.
      returnFocusTo = activeElement() ?? (getDocument()?.activeElement as HTMLElement | null) ?? null;
      fetchAvailability();
    }
    const open = wanted && (known || !backend || core.controller.state.phase !== 'idle');
    render(
      open ? (
        <ChatWindow
          core={core}
          options={options}
          connection={connection}
          chatOpen={isChatOpen(availability, core.subject())}
          notice={notice}
          onNotice={(text) => {
            notice = text;
            paint();
          }}
        />
      ) : core.view === 'minimized' ? (
        <MinimizedBar core={core} />
      ) : null,
      slot,
    );
    // Focus goes in when the window opens, and back in when the part that held it went away (focus fell
    // to the body); never away from where the visitor put it, on the page or on the launcher.
    const focused = activeElement();
    if (open && (wasOpen ? focusLost() : focusStayed())) focusIn(slot);
    if (!wanted && wasOpen && (!focused?.isConnected || slot.contains(focused ?? null))) {
      const launcher = ui.root?.querySelector<HTMLElement>('[data-tandem-launcher]');
      const back = returnFocusTo;
      const usable =
        back?.isConnected && back !== getDocument()?.body && !back.hasAttribute('data-tandem-host');
      (usable ? back : launcher)?.focus();
    }
    if (!wanted) requested = false;
    wasOpen = open;
  }

  /** Opening after a wait: focus goes in only if the visitor has not gone on to something else meanwhile. */
  function focusStayed(): boolean {
    const document = getDocument();
    const now = document?.activeElement;
    return !now || now === document?.body || now === returnFocusTo || now.hasAttribute('data-tandem-host');
  }

  core.onChange(paint);
  // The visitor's own actions in the chat unlock sound; new agent messages ring when they could be missed.
  const chime = createChime(context.clock);
  const muted = () => options.sound === false || context.storage.get('chat.muted') === true;
  const unlock = () => {
    if (!muted()) chime.unlock();
  };
  slot?.addEventListener('pointerdown', unlock);
  slot?.addEventListener('keydown', unlock);
  const offReceived = bus.on('Chat.messageReceived', ({ message }) => {
    const hidden = getDocument()?.visibilityState === 'hidden';
    if (message.from === 'agent' && !muted() && (core.view !== 'open' || hidden)) chime.ring(message.id);
  });
  // The on-screen keyboard shrinks the visual viewport: the window follows it so the input stays in view.
  const viewport = getWindow()?.visualViewport;
  const fit = () => {
    if (!viewport || !slot) return;
    slot.style.setProperty('--tandem-vh', `${viewport.height}px`);
    slot.style.setProperty('--tandem-vtop', `${viewport.offsetTop}px`);
  };
  fit();
  viewport?.addEventListener('resize', fit);
  viewport?.addEventListener('scroll', fit);
  // Back to a hidden tab: what is in view now counts as read.
  getDocument()?.addEventListener('visibilitychange', paint);
  const stopState = backend?.onStateChange((state) => {
    connection = state;
    paint();
  });
  // The selector and the chat share the corner: opening one puts the other away. With a conversation in
  // progress the launcher goes straight back to it.
  const offSelector = bus.on('ChannelSelector.opened', () => {
    const phase = core.controller.state.phase;
    if (phase === 'queued' || phase === 'connected' || phase === 'starting') {
      bus.command('ChannelSelector.close').then(
        () => core.setView('open'),
        () => undefined,
      );
    } else if (core.view === 'open') core.setView('closed');
  });
  const offMessaging = bus.on('Messaging.opened', () => {
    if (core.view === 'open') core.setView('closed');
  });
  paint();
  return () => {
    disposed = true;
    slot?.removeEventListener('pointerdown', unlock);
    slot?.removeEventListener('keydown', unlock);
    offReceived();
    chime.close();
    viewport?.removeEventListener('resize', fit);
    viewport?.removeEventListener('scroll', fit);
    getDocument()?.removeEventListener('visibilitychange', paint);
    stopState?.();
    offSelector();
    offMessaging();
    if (slot) render(null, slot);
    ui.unmount('chat');
  };
}

/** Open unless the backend says every chat queue for the subject is closed, or has no agent, now. */
function isChatOpen(availability: readonly ChannelAvailability[] | undefined, subject?: string): boolean {
  const chats = availability?.filter((a) => a.channel === 'chat') ?? [];
  if (chats.length === 0) return true;
  const relevant = subject ? chats.filter((a) => a.subject === subject) : [];
  return (relevant.length ? relevant : chats).some((a) => a.open && a.staffed !== false);
}
