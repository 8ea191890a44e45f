import type {
  BackendAdapter,
  ChatMessage,
  Clock,
  MessagingEvent,
  Random,
  TimerHandle,
  Unsubscribe,
} from '@tandem/sdk-core';
import type { ChatEntry, ChatNotice } from '../chat/controller';
import { inTimeOrder, mergeMessage, messageId } from '../chat/messages';

export interface MessagingState {
  /** False until the thread's history has come from the backend. */
  readonly loaded: boolean;
  readonly messages: readonly ChatEntry[];
  readonly agents: readonly string[];
  readonly agentTyping: boolean;
}

export interface MessagingNotifications {
  received(message: ChatMessage): void;
  sent(message: ChatMessage): void;
  changed(state: MessagingState): void;
}

/**
 * Asynchronous messaging (seed 003) without UI: one persistent thread, its history fetched from the
 * backend (never kept whole in the browser), messages sent with retry and merged by id.
 */
export function createMessagingController(options: {
  backend: BackendAdapter;
  clock: Clock;
  random: Random;
  subject?: string;
  notify: MessagingNotifications;
}) {
  const { backend, clock, notify } = options;
  let state: MessagingState = { loaded: false, messages: [], agents: [], agentTyping: false };
  let unsubscribe: Unsubscribe | undefined;
  let typingSince: number | undefined;
  let typingTimer: TimerHandle | undefined;
  const newId = messageId(clock, options.random);

  function set(next: Partial<MessagingState>): void {
    state = { ...state, ...next };
    notify.changed(state);
  }

  const merge = (message: ChatMessage, status: ChatEntry['status'] = 'sent') => {
    const { messages, added } = mergeMessage(state.messages, message, status);
    set({ messages });
    return added;
  };

  const addNotice = (notice: ChatNotice, text: string) =>
    set({
      messages: [
        ...state.messages,
        { id: newId(), from: 'system', text, at: clock.now(), status: 'sent', notice },
      ],
    });

  function listen(): void {
    unsubscribe ??= backend.messaging.onEvent((event: MessagingEvent) => {
      switch (event.type) {
        case 'message':
          if (merge(event.message) && event.message.from !== 'customer') notify.received(event.message);
          break;
        case 'agentJoined':
          if (state.agents.includes(event.name)) break;
          set({ agents: [...state.agents, event.name] });
          addNotice({ type: 'joined', name: event.name }, `${event.name} joined the conversation`);
          break;
        case 'agentLeft':
          set({ agents: state.agents.filter((name) => name !== event.name), agentTyping: false });
          break;
        case 'typing':
          set({ agentTyping: event.typing });
          break;
        case 'ended':
          set({ agents: [], agentTyping: false });
          break;
      }
    });
  }

  function stopTyping(): void {
    if (typingTimer !== undefined) clock.clearTimeout(typingTimer);
    typingTimer = undefined;
    if (typingSince === undefined) return;
    typingSince = undefined;
    backend.messaging.typing(false);
  }

  async function deliver(entry: ChatEntry): Promise<void> {
    try {
      await backend.messaging.send({
        id: entry.id,
        text: entry.text,
        ...(options.subject ? { subject: options.subject } : {}),
      });
      merge(entry);
      notify.sent({ id: entry.id, from: 'customer', text: entry.text, at: entry.at });
    } catch (error) {
      set({
        messages: state.messages.map((m) => (m.id === entry.id ? { ...m, status: 'failed' as const } : m)),
      });
      throw error;
    }
  }

  return {
    get state() {
      return state;
    },

    /** Fetches the thread within its window; a reload or another tab sees the same one. */
    async load(): Promise<void> {
      listen();
      const history = await backend.messaging.history();
      for (const message of history) merge(message);
      set({ loaded: true, messages: inTimeOrder(state.messages) });
    },

    send(text: string): Promise<void> {
      stopTyping();
      const entry: ChatEntry = { id: newId(), from: 'customer', text, at: clock.now(), status: 'sending' };
      set({ messages: [...state.messages, entry] });
      return deliver(entry);
    },

    retry(id: string): Promise<void> {
      const entry = state.messages.find((m) => m.id === id && m.status === 'failed');
      if (!entry) return Promise.resolve();
      set({ messages: state.messages.map((m) => (m.id === id ? { ...m, status: 'sending' as const } : m)) });
      return deliver({ ...entry, status: 'sending' });
    },

    typed(): void {
      const now = clock.now();
      if (typingSince === undefined || now - typingSince >= 3000) {
        typingSince = now;
        backend.messaging.typing(true);
      }
      if (typingTimer !== undefined) clock.clearTimeout(typingTimer);
      typingTimer = clock.setTimeout(stopTyping, 5000);
    },

    dispose(): void {
      if (typingTimer !== undefined) clock.clearTimeout(typingTimer);
      unsubscribe?.();
    },
  };
}

export type MessagingController = ReturnType<typeof createMessagingController>;
