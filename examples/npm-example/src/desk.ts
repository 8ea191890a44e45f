// A backend of one's own: a help desk that lives in the page and offers chat alone. It implements Tandem's
// BackendAdapter directly (no protocol, no reference server) and passes the adapter conformance suite for
// what it offers; Tandem leaves out the rest (the selector lists chat only, other features are refused).
import {
  type BackendAdapter,
  type BackendFeatures,
  type ChannelAvailability,
  type ChatApi,
  type ChatEvent,
  type ChatHistory,
  type ChatMessage,
  type ConnectionState,
  ProtocolError,
  tandemError,
  type Unsubscribe,
} from '@tandem/sdk-core';

interface Conversation {
  readonly id: string;
  state: 'queued' | 'connected' | 'ended';
  agent?: string;
  readonly messages: ChatMessage[];
  rating?: number;
}

/** Where the desk keeps its conversations, so that a reload finds them (sessionStorage in the page). */
export interface DeskStore {
  load(): string | null;
  save(text: string): void;
}

export interface DeskAgent {
  /** Waits for the next chat in the queue, takes it, and gives its id. */
  next(): Promise<string>;
  say(conversationId: string, text: string): void;
  end(conversationId: string): void;
}

// Like sdk-core's own listeners (not public), but delivering later, as a network would.
const subscribers = <T>() => {
  const set = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): Unsubscribe {
      set.add(listener);
      return () => void set.delete(listener);
    },
    emit: (value: T) =>
      queueMicrotask(() => {
        for (const listener of [...set]) listener(value);
      }),
  };
};

export function createDesk(options: { now?(): number; store?: DeskStore } = {}) {
  const now = options.now ?? (() => Date.now());
  const conversations = new Map<string, Conversation>(stored(options.store).map((c) => [c.id, c]));
  const queue = [...conversations.values()].filter((c) => c.state === 'queued').map((c) => c.id);
  const agentsWaiting: Array<(id: string) => void> = [];
  const chatEvents = new Map<string, ReturnType<typeof subscribers<ChatEvent>>>();
  const customerMessages = subscribers<{ conversationId: string; message: ChatMessage }>();
  let counter = conversations.size;
  let replies = 0;
  let onDuty = 0;

  const save = () => options.store?.save(JSON.stringify([...conversations.values()]));
  const eventsOf = (id: string) => {
    const found = chatEvents.get(id) ?? subscribers<ChatEvent>();
    chatEvents.set(id, found);
    return found;
  };
  const add = (conversation: Conversation, message: ChatMessage) => {
    conversation.messages.push(message);
    save();
    eventsOf(conversation.id).emit({ type: 'message', message });
  };

  function take(conversation: Conversation, agent: string): void {
    conversation.state = 'connected';
    conversation.agent = agent;
    save();
    eventsOf(conversation.id).emit({ type: 'agentJoined', name: agent });
  }

  function offer(id: string): void {
    const waiting = agentsWaiting.shift();
    if (waiting) waiting(id);
    else queue.push(id);
  }

  /** A visitor's adapter. `resume`: the conversation it had before a reload. */
  function customer(resume?: {
    get(): string | null;
    set(id: string): void;
  }): BackendAdapter & Pick<BackendFeatures, 'chat'> {
    let state: ConnectionState = 'idle';
    let current = resume?.get() ?? null;
    const states = subscribers<ConnectionState>();
    const forwarded = subscribers<ChatEvent>();
    let detach: Unsubscribe | undefined;
    const follow = (id: string) => {
      detach?.();
      detach = eventsOf(id).add((event) => forwarded.emit(event));
    };
    if (current) follow(current);
    const setState = (next: ConnectionState) => {
      state = next;
      states.emit(next);
    };
    const active = () => {
      const conversation = current ? conversations.get(current) : undefined;
      return conversation && conversation.state !== 'ended' ? conversation : undefined;
    };
    const refuse = (message: string) => Promise.reject(tandemError(ProtocolError.Conflict, message));

    const chat: ChatApi = {
      async start() {
        const open = active();
        if (open) return { conversationId: open.id };
        const conversation: Conversation = { id: `desk-${++counter}`, state: 'queued', messages: [] };
        conversations.set(conversation.id, conversation);
        current = conversation.id;
        resume?.set(current);
        follow(current);
        save();
        forwarded.emit({ type: 'started', conversationId: conversation.id });
        forwarded.emit({ type: 'queued', position: queue.length + 1 });
        offer(conversation.id);
        return { conversationId: conversation.id };
      },
      async send({ id, text }) {
        const conversation = active();
        if (!conversation) return refuse('There is no chat in progress.');
        if (conversation.messages.some((message) => message.id === id)) return; // a resend: kept once
        const message: ChatMessage = { id, from: 'customer', text, at: now() };
        add(conversation, message);
        customerMessages.emit({ conversationId: conversation.id, message });
      },
      typing: () => undefined,
      async end() {
        const conversation = active();
        if (!conversation) return;
        conversation.state = 'ended';
        // Withdrawn from the queue too: no agent is later handed a chat whose visitor has gone.
        if (queue.includes(conversation.id)) queue.splice(queue.indexOf(conversation.id), 1);
        save();
        eventsOf(conversation.id).emit({ type: 'ended', reason: 'customer' });
      },
      async rate({ score }) {
        const conversation = current ? conversations.get(current) : undefined;
        if (conversation?.state !== 'ended') return refuse('Only a chat that has ended can be rated.');
        conversation.rating = score;
        save();
      },
      async history(): Promise<ChatHistory> {
        const conversation = current ? conversations.get(current) : undefined;
        if (!conversation) return { conversationId: null, state: 'none', agents: [], messages: [] };
        const agents = conversation.state === 'connected' && conversation.agent ? [conversation.agent] : [];
        return {
          conversationId: conversation.id,
          state: conversation.state,
          agents,
          messages: [...conversation.messages],
        };
      },
      onEvent: forwarded.add,
    };
    // Open around the clock; staffed while an agent is on duty (the bot, in the page).
    const availability = (): ChannelAvailability[] => [
      { channel: 'chat', open: true, ewtSeconds: 0, staffed: onDuty > 0 },
    ];
    return {
      async connect() {
        if (state !== 'online') setState('online');
      },
      disconnect: () => setState('closed'),
      get state() {
        return state;
      },
      onStateChange: states.add,
      availability: { get: async () => availability(), subscribe: () => () => undefined },
      chat,
    };
  }

  function agent(name: string): DeskAgent {
    onDuty++;
    const conversation = (id: string) => {
      const found = conversations.get(id);
      if (!found || found.state === 'ended') throw new Error(`no chat ${id} in progress`);
      return found;
    };
    return {
      next() {
        const id = queue.shift();
        const taken = id
          ? Promise.resolve(id)
          : new Promise<string>((resolve) => agentsWaiting.push(resolve));
        return taken.then((next) => {
          take(conversation(next), name);
          return next;
        });
      },
      say(id, text) {
        const message = {
          id: `${id}-reply-${++replies}`,
          from: 'agent',
          text,
          at: now(),
          authorName: name,
        } as const;
        add(conversation(id), message);
      },
      end(id) {
        conversation(id).state = 'ended';
        save();
        eventsOf(id).emit({ type: 'ended', reason: 'agent' });
      },
    };
  }

  return {
    customer,
    agent,
    /** Every message a visitor sends, with its conversation: what the desk's agents answer. */
    onCustomerMessage: customerMessages.add,
    /** Who took a conversation, if anyone has. */
    agentOf: (id: string) => conversations.get(id)?.agent,
    /** The customer's messages in a conversation, in order. */
    received: (id: string) =>
      (conversations.get(id)?.messages ?? []).filter((m) => m.from === 'customer').map((m) => m.text),
  };
}

export type Desk = ReturnType<typeof createDesk>;

/** What the store held, or nothing when it is not a list of conversations (the page's storage is not ours). */
function stored(store: DeskStore | undefined): Conversation[] {
  try {
    const list: unknown = JSON.parse(store?.load() ?? '[]');
    const valid = (c: Partial<Conversation> | null) =>
      typeof c?.id === 'string' &&
      ['queued', 'connected', 'ended'].includes(c.state ?? '') &&
      Array.isArray(c.messages);
    return Array.isArray(list) && list.every(valid) ? (list as Conversation[]) : [];
  } catch {
    return [];
  }
}
