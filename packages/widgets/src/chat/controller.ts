import type {
  BackendFeatures,
  ChatEvent,
  ChatMessage,
  Clock,
  Random,
  Storage,
  Unsubscribe,
} from '@tandem/sdk-core';

export type MessageStatus = 'sending' | 'sent' | 'failed' | 'read';

/** What a notice in the conversation says, for the UI to word in the visitor's language. */
export interface ChatNotice {
  readonly type: 'joined' | 'left' | 'transferred';
  readonly name: string;
  /** For a transfer: the agent who took over. */
  readonly to?: string;
}

export interface ChatEntry extends ChatMessage {
  /** The visitor's own messages: sending until the server has it, failed (with retry) if it could not, read once an agent has seen it. */
  readonly status: MessageStatus;
  /** Set on entries made here from agent events (joined, left, transferred); their text is English. */
  readonly notice?: ChatNotice;
}

export interface ChatState {
  readonly phase: 'idle' | 'starting' | 'queued' | 'connected' | 'ended';
  readonly conversationId?: string;
  readonly messages: readonly ChatEntry[];
  /** `staffed: false`: no agent who could answer is logged in any more. */
  readonly queue?: { readonly position: number; readonly ewtSeconds?: number; readonly staffed?: boolean };
  /** Names of the agents in the conversation now. */
  readonly agents: readonly string[];
  readonly agentTyping: boolean;
  readonly endReason?: string;
}

export interface ChatNotifications {
  started(conversationId: string): void;
  received(message: ChatMessage): void;
  sent(message: ChatMessage): void;
  agentJoined(name: string): void;
  agentLeft(name: string): void;
  ended(reason: string): void;
  changed(state: ChatState): void;
}

import { inTimeOrder, markRead, mergeMessage, readReporter } from './messages';
import { createOutbox } from './outbox';

const conversationKey = 'chat.conversation';

/**
 * The chat conversation without any UI: start, send (with retry, nothing typed is lost), receive, and
 * restore after a reload without showing a message twice (messages are merged by id).
 */
export function createChatController(options: {
  /** A backend that offers chat (any other feature it has is not used here). */
  backend: Pick<BackendFeatures, 'chat'>;
  storage: Storage;
  clock: Clock;
  random: Random;
  notify: ChatNotifications;
}) {
  const { backend, storage, clock, notify } = options;
  let state: ChatState = { phase: 'idle', messages: [], agents: [], agentTyping: false };
  let unsubscribe: Unsubscribe | undefined;

  function set(next: Partial<ChatState>): void {
    state = { ...state, ...next };
    notify.changed(state);
  }

  function merge(message: ChatMessage, status: MessageStatus = 'sent'): boolean {
    const { messages, added } = mergeMessage(state.messages, message, status);
    set({ messages });
    return added;
  }

  function listen(): void {
    unsubscribe ??= backend.chat.onEvent((event: ChatEvent) => {
      switch (event.type) {
        case 'started':
          // Started in another tab of this visitor: this tab follows the same conversation.
          if (state.phase === 'idle' || state.phase === 'ended') {
            storage.set(conversationKey, event.conversationId, { ttlMs: 24 * 3600_000 });
            set({
              phase: 'queued',
              conversationId: event.conversationId,
              messages: [],
              agents: [],
              endReason: undefined,
            });
            notify.started(event.conversationId);
          }
          break;
        case 'message':
          if (merge(event.message) && event.message.from !== 'customer') notify.received(event.message);
          break;
        case 'queued':
          set({ phase: state.phase === 'connected' ? 'connected' : 'queued', queue: event });
          break;
        case 'agentJoined': {
          // A replayed event must not list the same agent twice.
          if (state.agents.includes(event.name)) break;
          const last = state.messages[state.messages.length - 1]?.notice;
          set({ phase: 'connected', queue: undefined, agents: [...state.agents, event.name] });
          // After "A transferred the chat to B", "B joined" would say the same thing twice.
          if (last?.type !== 'transferred' || last.to !== event.name) {
            addNotice({ type: 'joined', name: event.name }, `${event.name} joined the chat`);
          }
          notify.agentJoined(event.name);
          break;
        }
        case 'agentLeft': {
          if (!state.agents.includes(event.name)) break;
          set({ agents: state.agents.filter((name) => name !== event.name), agentTyping: false });
          const to = event.transferredTo;
          if (to)
            addNotice(
              { type: 'transferred', name: event.name, to },
              `${event.name} transferred the chat to ${to}`,
            );
          else addNotice({ type: 'left', name: event.name }, `${event.name} left the chat`);
          notify.agentLeft(event.name);
          break;
        }
        case 'typing':
          set({ agentTyping: event.typing });
          break;
        case 'read':
          set({ messages: markRead(state.messages, event.upTo) });
          break;
        case 'ended':
          endHere(event.reason);
          break;
      }
    });
  }

  function endHere(reason: string): void {
    storage.remove(conversationKey);
    set({ phase: 'ended', endReason: reason, agents: [], agentTyping: false, queue: undefined });
    notify.ended(reason);
  }

  function addNotice(notice: ChatNotice, text: string): void {
    const entry: ChatEntry = { id: newId(), from: 'system', text, at: clock.now(), status: 'sent', notice };
    set({ messages: [...state.messages, entry] });
  }

  const outbox = createOutbox({
    clock,
    random: options.random,
    messages: () => state.messages,
    setMessages: (messages) => set({ messages }),
    send: (message) => backend.chat.send(message),
    typing: (typing) => backend.chat.typing(typing),
    sent: (message) => notify.sent(message),
  });
  const newId = outbox.newId;
  const reportRead = readReporter(backend.chat.read && ((upTo) => backend.chat.read?.(upTo)));

  return {
    get state() {
      return state;
    },

    /**
     * After a reconnection: the conversation goes on with what was missed, or, when the backend no longer
     * has it (a restart that lost it) or it ended meanwhile, it ends here too, plainly.
     */
    async reconcile(): Promise<void> {
      const id = state.conversationId;
      if (!id || (state.phase !== 'queued' && state.phase !== 'connected')) return;
      const history = await backend.chat.history();
      // Meanwhile the replayed events may have ended it, or the visitor started another: theirs to tell.
      if (state.conversationId !== id || (state.phase !== 'queued' && state.phase !== 'connected')) return;
      if (history.conversationId === id && history.state !== 'ended') {
        // Only what was missed is added; the visitor's own messages keep the order they were written in.
        for (const message of history.messages) merge(message);
        set({ messages: markRead(state.messages, history.readUpTo) });
      } else endHere(history.conversationId === id ? 'ended' : 'lost');
    },

    /** After a reload or a navigation: the conversation in progress comes back, once. */
    async restore(): Promise<boolean> {
      const conversationId = storage.get(conversationKey, (v) => (typeof v === 'string' ? v : undefined));
      if (!conversationId) return false;
      listen();
      const history = await backend.chat.history();
      // Another connection's conversation (a browser that cannot share one connection between tabs).
      if (history.conversationId !== conversationId) return false;
      if (history.state === 'ended') {
        storage.remove(conversationKey); // it ended while the page was away
        return false;
      }
      for (const message of history.messages) merge(message);
      const connected = history.state === 'connected';
      set({
        conversationId,
        phase: connected ? 'connected' : 'queued',
        agents: [...history.agents],
        messages: markRead(inTimeOrder(state.messages), history.readUpTo),
      });
      return true;
    },

    async start(input: { subject?: string | undefined; fields?: Record<string, string> }): Promise<string> {
      if (state.phase === 'starting' || state.phase === 'queued' || state.phase === 'connected') {
        return state.conversationId ?? '';
      }
      listen();
      set({ phase: 'starting', messages: [], agents: [], endReason: undefined });
      try {
        const { subject, fields } = input;
        const { conversationId } = await backend.chat.start({
          ...(subject ? { subject } : {}),
          ...(fields ? { fields } : {}),
        });
        storage.set(conversationKey, conversationId, { ttlMs: 24 * 3600_000 });
        // An agent may have joined while the start was on its way: do not step back to queued.
        const joined = (state as ChatState).phase === 'connected';
        set({ conversationId, phase: joined ? 'connected' : 'queued' });
        notify.started(conversationId);
        return conversationId;
      } catch (error) {
        set({ phase: 'idle' });
        throw error;
      }
    },

    send: (text: string): Promise<void> => outbox.send(text),

    /** Sends a failed message again with the same id: the server stores it once even if it had arrived. */
    retry: (id: string): Promise<void> => outbox.retry(id),

    /**
     * The customer typed: the agent sees "typing" at most once every 3 s, and "stopped" after 5 s without
     * a keystroke or when the message is sent.
     */
    typed(): void {
      if (state.phase === 'connected') outbox.typed();
    },

    /** The visitor has seen the conversation up to this message (the newest, in view): the agent sees "Read". */
    seen(upTo: string): void {
      if (state.phase === 'connected') reportRead(upTo);
    },

    /** The customer's rating of the chat that just ended (1 to 5), with an optional comment. */
    rate(score: number, comment?: string): Promise<void> {
      return backend.chat.rate({ score, ...(comment ? { comment } : {}) });
    },

    async end(): Promise<void> {
      if (state.phase === 'idle' || state.phase === 'ended') return;
      await backend.chat.end();
      // The backend had nothing left to end (it lost the chat): no event will come, so it ends here.
      if ((state as ChatState).phase !== 'ended') endHere('customer');
    },

    /** Ends the conversation in progress and forgets it on this device (a logout): the next start is fresh. */
    async reset(): Promise<void> {
      const active = state.phase === 'queued' || state.phase === 'connected';
      storage.remove(conversationKey);
      if (active) await backend.chat.end().catch(() => undefined);
      set({
        phase: 'idle',
        conversationId: undefined,
        messages: [],
        agents: [],
        queue: undefined,
        agentTyping: false,
      });
    },

    dispose(): void {
      outbox.dispose();
      unsubscribe?.();
    },
  };
}

export type ChatController = ReturnType<typeof createChatController>;
