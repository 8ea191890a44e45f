import type { BackendAdapter, ChatEvent } from '../backend/adapter';
import { ErrorCode, isTandemError } from '../errors';
import { ProtocolError } from '../protocol/envelope';

/** The other side of a chat, driven by the suite: an agent of the backend under test. */
export interface ConformanceAgent {
  /** Waits for the next chat offered to this agent, takes it, and gives its conversation id. */
  takeNextChat(): Promise<string>;
  say(conversationId: string, text: string): Promise<void>;
  /** The texts this agent has received from the customer in that conversation, in order. */
  received(conversationId: string): readonly string[];
  end(conversationId: string): Promise<void>;
}

export interface ConformanceSetup {
  /** A new visitor's adapter, not yet connected, on a backend open for chat on `subject`. */
  customer(): BackendAdapter | Promise<BackendAdapter>;
  /** An agent ready to take the chats of `subject`. */
  agent(): Promise<ConformanceAgent>;
  /** Lets time pass (a backend on a fake clock moves it; a real one waits). */
  wait(ms: number): Promise<void>;
  /** The subject chats are started on; the backend's default when absent. */
  subject?: string;
  /** How long a condition may take to hold, in `wait` steps of 50 ms (default 200: 10 s). */
  patience?: number;
}

/** One check of the contract: a name that says what a backend must do, and the check. */
export interface ConformanceCheck {
  readonly name: string;
  run(): Promise<void>;
}

/** Codes a backend may reject with: the protocol's closed list and the SDK's own. */
const knownCodes = new Set<string>([...Object.values(ProtocolError), ...Object.values(ErrorCode)]);

class ConformanceFailure extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/**
 * The BackendAdapter contract as checks any backend can run (the protocol backend on the reference server
 * passes them): what the widgets rely on, and nothing only the reference server would produce. Runner
 * agnostic: `for (const c of backendConformance(setup)) it(c.name, c.run)`.
 */
export function backendConformance(setup: ConformanceSetup): ConformanceCheck[] {
  const patience = setup.patience ?? 200;
  async function eventually(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < patience && !condition(); i++) await setup.wait(50);
    check(condition(), `expected ${what}`);
  }
  async function connected(): Promise<BackendAdapter> {
    const adapter = await setup.customer();
    await adapter.connect();
    await eventually(() => adapter.state === 'online', 'the adapter to be online after connect()');
    return adapter;
  }
  async function chatWithAgent() {
    const agent = await setup.agent();
    const customer = await connected();
    const events: ChatEvent[] = [];
    customer.chat.onEvent((event) => events.push(event));
    const taken = agent.takeNextChat();
    const { conversationId } = await customer.chat.start(setup.subject ? { subject: setup.subject } : {});
    check(
      typeof conversationId === 'string' && conversationId.length > 0,
      'start() to give a conversation id',
    );
    const agentSide = await taken;
    check(agentSide === conversationId, 'the agent to be offered the conversation the customer started');
    await eventually(() => events.some((e) => e.type === 'agentJoined'), 'an agentJoined event');
    return { agent, customer, events, conversationId };
  }
  const texts = (events: readonly ChatEvent[], from: string) =>
    events.flatMap((e) => (e.type === 'message' && e.message.from === from ? [e.message.text] : []));

  return [
    {
      name: 'availability: a list of channels, each named, open or not, with a number for any wait time',
      async run() {
        const customer = await connected();
        const list = await customer.availability.get();
        check(Array.isArray(list), 'availability.get() to give a list');
        for (const entry of list) {
          check(typeof entry.channel === 'string' && entry.channel, 'each entry to name its channel');
          check(typeof entry.open === 'boolean', `${entry.channel}: open to be true or false`);
          check(
            entry.ewtSeconds === undefined || Number.isFinite(entry.ewtSeconds),
            `${entry.channel}: ewtSeconds to be a number when present`,
          );
        }
        customer.disconnect();
      },
    },
    {
      name: 'connection: online after connect(), closed after disconnect(), with every change reported',
      async run() {
        const customer = await setup.customer();
        const states: string[] = [];
        customer.onStateChange((state) => states.push(state));
        await customer.connect();
        await eventually(() => customer.state === 'online', 'online after connect()');
        customer.disconnect();
        await eventually(() => customer.state === 'closed', 'closed after disconnect()');
        check(
          states.includes('online') && states.at(-1) === 'closed',
          `reported states, got ${states.join(', ')}`,
        );
      },
    },
    {
      name: 'chat: the agent’s messages arrive in order, the customer’s reach the agent once each',
      async run() {
        const { agent, customer, events, conversationId } = await chatWithAgent();
        await customer.chat.send({ id: 'conformance-1', text: 'first' });
        await customer.chat.send({ id: 'conformance-2', text: 'second' });
        await agent.say(conversationId, 'one');
        await agent.say(conversationId, 'two');
        await eventually(() => texts(events, 'agent').length >= 2, 'two agent messages');
        check(
          texts(events, 'agent').join() === 'one,two',
          `agent messages in order, got ${texts(events, 'agent')}`,
        );
        await eventually(
          () => agent.received(conversationId).length >= 2,
          'the agent to receive two messages',
        );
        check(
          agent.received(conversationId).join() === 'first,second',
          `customer messages once each, in order, got ${agent.received(conversationId).join()}`,
        );
        customer.disconnect();
      },
    },
    {
      name: 'chat: a message resent with the same id is kept once',
      async run() {
        const { agent, customer, conversationId } = await chatWithAgent();
        await customer.chat.send({ id: 'conformance-resent', text: 'only once' });
        await customer.chat.send({ id: 'conformance-resent', text: 'only once' });
        const history = await customer.chat.history();
        const kept = history.messages.filter((m) => m.text === 'only once');
        check(kept.length === 1, `one copy in the history, got ${kept.length}`);
        await setup.wait(200);
        const received = agent.received(conversationId).filter((text) => text === 'only once');
        check(received.length === 1, `one copy for the agent, got ${received.length}`);
        customer.disconnect();
      },
    },
    {
      name: 'chat: history gives the conversation, its agents and its messages for a page that comes back',
      async run() {
        const { agent, customer, conversationId } = await chatWithAgent();
        await agent.say(conversationId, 'kept for the next page');
        const history = await customer.chat.history();
        check(history.conversationId === conversationId, 'the conversation id in the history');
        check(history.agents.length > 0, 'the agent in the history');
        check(
          history.messages.some((m) => m.text === 'kept for the next page' && m.from === 'agent'),
          'the agent’s message in the history',
        );
        customer.disconnect();
      },
    },
    {
      name: 'chat: an end by the agent reaches the customer, who can rate it',
      async run() {
        const { agent, customer, events, conversationId } = await chatWithAgent();
        await agent.end(conversationId);
        await eventually(() => events.some((e) => e.type === 'ended'), 'an ended event');
        await customer.chat.rate({ score: 5, comment: 'conformance' });
        customer.disconnect();
      },
    },
    {
      name: 'errors: a refusal is a TandemError with a documented code (sending with no chat in progress)',
      async run() {
        const customer = await connected();
        const error = await customer.chat.send({ id: 'conformance-orphan', text: 'no chat' }).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        check(error !== undefined, 'send() without a chat to be refused');
        check(isTandemError(error), 'the refusal to be a TandemError (code and message)');
        check(knownCodes.has(error.code), `a documented code, got "${error.code}"`);
        customer.disconnect();
      },
    },
    {
      name: 'messaging: a new visitor has no thread; a message sent is in the thread’s history',
      async run() {
        const customer = await connected();
        check((await customer.messaging.history()).length === 0, 'an empty history for a new visitor');
        await customer.messaging.send({
          id: 'conformance-thread',
          text: 'a question for later',
          ...(setup.subject ? { subject: setup.subject } : {}),
        });
        const history = await customer.messaging.history();
        check(
          history.some((m) => m.text === 'a question for later'),
          'the message in the thread',
        );
        customer.disconnect();
      },
    },
  ];
}
