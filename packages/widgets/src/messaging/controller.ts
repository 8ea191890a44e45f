import type {
  BackendFeatures,
  ChatMessage,
  Clock,
  MessagingEvent,
  Random,
  Unsubscribe,
} from '@tandem/sdk-core';
import type { ChatEntry, ChatNotice } from '../chat/controller';
import { inTimeOrder, markRead, mergeMessage, readReporter } from '../chat/messages';
import { createOutbox } from '../chat/outbox';

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
  /** A backend that offers messaging (any other feature it has is not used here). */
  backend: Pick<BackendFeatures, 'messaging'>;
  clock: Clock;
  random: Random;
  subject?: string;
  notify: MessagingNotifications;
}) {
  const { backend, clock, notify } = options;
  let state: MessagingState = { loaded: false, messages: [], agents: [], agentTyping: false };
  let unsubscribe: Unsubscribe | undefined;
  const outbox = createOutbox({
    clock,
    random: options.random,
    messages: () => state.messages,
    setMessages: (messages) => set({ messages }),
    send: (message) =>
      backend.messaging.send({ ...message, ...(options.subject ? { subject: options.subject } : {}) }),
    typing: (typing) => backend.messaging.typing(typing),
    sent: (message) => notify.sent(message),
  });
  const newId = outbox.newId;
  const reportRead = readReporter(backend.messaging.read && ((upTo) => backend.messaging.read?.(upTo)));

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
        case 'read':
          set({ messages: markRead(state.messages, event.upTo) });
          break;
        case 'ended':
          set({ agents: [], agentTyping: false });
          break;
      }
    });
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

    send: (text: string): Promise<void> => outbox.send(text),
    retry: (id: string): Promise<void> => outbox.retry(id),
    typed: (): void => outbox.typed(),
    /** The visitor has seen the thread up to this message: the agent sees "Read". */
    seen: (upTo: string): void => reportRead(upTo),

    dispose(): void {
      outbox.dispose();
      unsubscribe?.();
    },
  };
}

export type MessagingController = ReturnType<typeof createMessagingController>;
