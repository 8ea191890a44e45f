import type { BackendAdapter, BackendFeatures, ChatEvent } from '../backend/adapter';
import { type Capability, capabilityNames, offers } from '../backend/capabilities';
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

/** A check passed (`{}`), or did not apply: the feature it checks is one the backend leaves out. */
export interface ConformanceOutcome {
  readonly skipped?: string;
}

/** One check of the contract: a name that says what a backend must do, and the check. */
export interface ConformanceCheck {
  readonly name: string;
  /** The feature checked, when the check is about one: skipped if the backend does not offer it. */
  readonly requires?: Capability;
  /** Resolves when the backend passes (or the check does not apply), rejects with what went wrong. */
  run(): Promise<ConformanceOutcome>;
}

/** Codes a backend may reject with: the protocol's closed list and the SDK's own. */
const knownCodes = new Set<string>([...Object.values(ProtocolError), ...Object.values(ErrorCode)]);

class ConformanceFailure extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** The methods each feature's API must have when offered (optional ones, like `read`, left out). */
const methods: Readonly<Record<'availability' | Capability, readonly string[]>> = {
  availability: ['get', 'subscribe'],
  chat: ['start', 'send', 'typing', 'end', 'rate', 'history', 'onEvent'],
  messaging: ['send', 'typing', 'history', 'onEvent'],
  clickToCall: ['requestNumber', 'releaseNumber', 'onEvent'],
  callback: ['request', 'cancel', 'current', 'slots', 'onEvent'],
  cobrowse: ['create', 'send', 'resume', 'consent', 'revoke', 'end', 'onEvent'],
};

/** A check's body, given a new customer's adapter (not yet connected) that offers what it needs. */
type Body<C extends Capability | undefined> = (
  adapter: C extends Capability ? BackendAdapter & Pick<BackendFeatures, C> : BackendAdapter,
) => Promise<void>;

interface CheckSpec<C extends Capability | undefined> {
  readonly name: string;
  readonly requires: C;
  readonly body: Body<C>;
}

/**
 * The BackendAdapter contract as checks any backend can run (the protocol backend on the reference server
 * passes them): what the widgets rely on, and nothing only the reference server would produce. A feature the
 * backend leaves out has its checks skipped; one it offers must be whole. Runner agnostic:
 * `for (const c of backendConformance(setup)) it(c.name, async (t) => { const r = await c.run(); if (r.skipped) t.skip() })`.
 */
export function backendConformance(setup: ConformanceSetup): ConformanceCheck[] {
  const patience = setup.patience ?? 200;
  async function eventually(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < patience && !condition(); i++) await setup.wait(50);
    check(condition(), `expected ${what}`);
  }
  async function connect<A extends BackendAdapter>(adapter: A): Promise<A> {
    await adapter.connect();
    await eventually(() => adapter.state === 'online', 'the adapter to be online after connect()');
    return adapter;
  }
  async function chatWithAgent(adapter: BackendAdapter & Pick<BackendFeatures, 'chat'>) {
    const agent = await setup.agent();
    const customer = await connect(adapter);
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
  const subject = setup.subject ? { subject: setup.subject } : {};
  const page = { url: 'https://shop.example/conformance', title: 'Conformance' };

  const specs = [
    spec(
      'capabilities: availability always there, and each feature offered whole (every method of its API)',
      undefined,
      async (adapter) => {
        for (const api of ['availability', ...capabilityNames] as const) {
          const target = adapter[api] as unknown as Record<string, unknown> | undefined;
          if (target == null && api !== 'availability') continue; // left out: its checks are skipped
          check(typeof target === 'object' && target !== null, `${api} to be an object when offered`);
          for (const method of methods[api]) {
            check(
              typeof target[method] === 'function',
              `${api}.${method} to be a function, as ${api} is offered`,
            );
          }
        }
      },
    ),
    spec(
      'availability: a list of channels, each named, open or not, with a number for any wait time',
      undefined,
      async (adapter) => {
        const customer = await connect(adapter);
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
    ),
    spec(
      'connection: online after connect(), closed after disconnect(), with every change reported',
      undefined,
      async (customer) => {
        const states: string[] = [];
        customer.onStateChange((state) => states.push(state));
        await connect(customer);
        customer.disconnect();
        await eventually(() => customer.state === 'closed', 'closed after disconnect()');
        check(
          states.includes('online') && states.at(-1) === 'closed',
          `reported states, got ${states.join(', ')}`,
        );
      },
    ),
    spec(
      'chat: the agent’s messages arrive in order, the customer’s reach the agent once each',
      'chat',
      async (adapter) => {
        const { agent, customer, events, conversationId } = await chatWithAgent(adapter);
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
    ),
    spec('chat: a message resent with the same id is kept once', 'chat', async (adapter) => {
      const { agent, customer, conversationId } = await chatWithAgent(adapter);
      await customer.chat.send({ id: 'conformance-resent', text: 'only once' });
      await customer.chat.send({ id: 'conformance-resent', text: 'only once' });
      const history = await customer.chat.history();
      const kept = history.messages.filter((m) => m.text === 'only once');
      check(kept.length === 1, `one copy in the history, got ${kept.length}`);
      await setup.wait(200);
      const received = agent.received(conversationId).filter((text) => text === 'only once');
      check(received.length === 1, `one copy for the agent, got ${received.length}`);
      customer.disconnect();
    }),
    spec(
      'chat: history gives the conversation, its agents and its messages for a page that comes back',
      'chat',
      async (adapter) => {
        const { agent, customer, conversationId } = await chatWithAgent(adapter);
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
    ),
    spec('chat: an end by the agent reaches the customer, who can rate it', 'chat', async (adapter) => {
      const { agent, customer, events, conversationId } = await chatWithAgent(adapter);
      await agent.end(conversationId);
      await eventually(() => events.some((e) => e.type === 'ended'), 'an ended event');
      await customer.chat.rate({ score: 5, comment: 'conformance' });
      customer.disconnect();
    }),
    spec(
      'errors: a refusal is a TandemError with a documented code (sending with no chat in progress)',
      'chat',
      async (adapter) => {
        const customer = await connect(adapter);
        const error = await refusal(customer.chat.send({ id: 'conformance-orphan', text: 'no chat' }));
        check(error !== undefined, 'send() without a chat to be refused');
        checkCode(error);
        customer.disconnect();
      },
    ),
    spec(
      'messaging: a new visitor has no thread; a message sent is in the thread’s history',
      'messaging',
      async (adapter) => {
        const customer = await connect(adapter);
        check((await customer.messaging.history()).length === 0, 'an empty history for a new visitor');
        await customer.messaging.send({ id: 'conformance-thread', text: 'a question for later', ...subject });
        const history = await customer.messaging.history();
        check(
          history.some((m) => m.text === 'a question for later'),
          'the message in the thread',
        );
        customer.disconnect();
      },
    ),
    spec(
      'click-to-call: a number leased with its expiry (or the general number to call), then released',
      'clickToCall',
      async (adapter) => {
        const customer = await connect(adapter);
        const lease = await customer.clickToCall.requestNumber({ phone: '+33612345678', page, ...subject });
        if (lease.status === 'leased') {
          check(typeof lease.number === 'string' && lease.number.length > 0, 'a leased number');
          check(Number.isFinite(lease.expiresAt), 'the lease’s expiresAt, in epoch milliseconds');
          check(
            lease.accessCode === undefined || typeof lease.accessCode === 'string',
            'an access code as text',
          );
        } else {
          check(lease.status === 'exhausted', `status "leased" or "exhausted", got "${lease.status}"`);
          check(typeof lease.generalNumber === 'string' && lease.generalNumber, 'the general number');
        }
        await customer.clickToCall.releaseNumber();
        customer.disconnect();
      },
    ),
    spec(
      'callback: slots in order; a booking found again by current(), and gone once cancelled',
      'callback',
      async (adapter) => {
        const customer = await connect(adapter);
        const slots = await customer.callback.slots(setup.subject);
        check(Array.isArray(slots) && slots.every(Number.isFinite), 'slots as epoch milliseconds');
        check(
          slots.every((at, i) => i === 0 || at > (slots[i - 1] ?? at)),
          'slots in order',
        );
        const at = slots[0];
        const booking = await customer.callback.request({
          phone: '+33612345678',
          ...subject,
          ...(at === undefined ? {} : { at }),
        });
        check(typeof booking.callbackId === 'string' && booking.callbackId, 'a callback id');
        check(Number.isFinite(booking.at), 'the booking’s time');
        const current = await customer.callback.current();
        check(current?.callbackId === booking.callbackId, 'current() to give the booking');
        await customer.callback.cancel();
        const after = await customer.callback.current();
        check(after === null || after.state === 'cancelled', 'no booking waiting once cancelled');
        customer.disconnect();
      },
    ),
    spec(
      'co-browse: a session created with an id to read out, frames accepted, ended by the customer',
      'cobrowse',
      async (adapter) => {
        const customer = await connect(adapter);
        const { sessionId } = await customer.cobrowse.create();
        check(typeof sessionId === 'string' && sessionId.length > 0, 'a session id');
        await customer.cobrowse.send({ kind: 'viewport', data: { width: 800, height: 600 } });
        await customer.cobrowse.end();
        customer.disconnect();
      },
    ),
  ];

  return specs.map(({ name, requires, body }) => ({
    name,
    ...(requires ? { requires } : {}),
    async run(): Promise<ConformanceOutcome> {
      const adapter = await setup.customer();
      if (requires && !offers(adapter, requires))
        return { skipped: `the backend does not offer ${requires}` };
      await (body as Body<undefined>)(adapter);
      return {};
    },
  }));
}

function spec<C extends Capability | undefined>(name: string, requires: C, body: Body<C>): CheckSpec<C> {
  return { name, requires, body };
}

function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

function checkCode(error: unknown): void {
  check(isTandemError(error), 'the refusal to be a TandemError (code and message)');
  check(knownCodes.has(error.code), `a documented code, got "${error.code}"`);
}
