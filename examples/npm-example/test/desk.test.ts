import { backendConformance } from '@tandem/sdk-core/conformance';
import { beforeEach, describe, expect, it } from 'vitest';
import { startBrewBot } from '../src/brew-bot';
import { createDesk } from '../src/desk';

// The example's own backend, held to the same contract as the reference server's: what it offers passes,
// what it leaves out is skipped.
let desk = createDesk();
beforeEach(() => {
  desk = createDesk();
});
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the in-page desk passes the BackendAdapter conformance suite for chat', () => {
  const checks = backendConformance({
    customer: () => desk.customer(),
    async agent() {
      const agent = desk.agent('Ada');
      return {
        takeNextChat: () => agent.next(),
        say: async (id, text) => agent.say(id, text),
        received: (id) => desk.received(id),
        end: async (id) => agent.end(id),
      };
    },
    wait: turn,
  });
  for (const check of checks) {
    const skipped = check.requires !== undefined && check.requires !== 'chat';
    it(`${skipped ? 'skips' : 'passes'} ${check.name}`, async () => {
      expect(await check.run()).toEqual(
        skipped ? { skipped: `the backend does not offer ${check.requires}` } : {},
      );
    });
  }
});

describe('the brew bot', () => {
  it('takes a chat, greets, and answers a question from its list', async () => {
    startBrewBot(desk);
    const customer = desk.customer();
    const texts: string[] = [];
    customer.chat.onEvent((event) => {
      if (event.type === 'message' && event.message.from === 'agent') texts.push(event.message.text);
    });
    await customer.chat.start({});
    await customer.chat.send({ id: 'q1', text: 'Which grind for my MOKA pot?' });
    await expect
      .poll(() => texts)
      .toEqual([
        'Hello! Ask me which grind suits your coffee maker.',
        'For a moka pot: a fine grind, a little coarser than espresso.',
      ]);
  });

  it('goes on to the next chat when a visitor leaves the queue before the bot is there', async () => {
    const gone = desk.customer();
    await gone.chat.start({});
    await gone.chat.end();
    startBrewBot(desk);
    const next = desk.customer();
    const texts: string[] = [];
    next.chat.onEvent((event) => {
      if (event.type === 'message') texts.push(event.message.text);
    });
    await next.chat.start({});
    await expect.poll(() => texts).toEqual(['Hello! Ask me which grind suits your coffee maker.']);
  });

  it('keeps a conversation across a reload, through its store', async () => {
    const kept = new Map<string, string>();
    const store = { load: () => kept.get('desk') ?? null, save: (text: string) => kept.set('desk', text) };
    const resume = { get: () => kept.get('current') ?? null, set: (id: string) => kept.set('current', id) };
    const first = createDesk({ store });
    startBrewBot(first);
    const { conversationId } = (await first.customer(resume).chat.start({})) ?? {};
    await expect.poll(() => first.agentOf(conversationId ?? '')).toBe('Brew bot');

    const reloaded = createDesk({ store });
    startBrewBot(reloaded);
    const history = await reloaded.customer(resume).chat.history();
    expect(history).toMatchObject({ conversationId, state: 'connected', agents: ['Brew bot'] });
    expect(history?.messages.map((m) => m.text)).toEqual([
      'Hello! Ask me which grind suits your coffee maker.',
    ]);
  });

  it('starts empty on a store that holds something else, rather than break the page', async () => {
    for (const text of ['not json', '{"id":1}', '[{"id":"x","state":"lost","messages":[]}]']) {
      const desk = createDesk({ store: { load: () => text, save: () => undefined } });
      const resume = { get: () => 'x', set: () => undefined };
      expect(await desk.customer(resume).chat.history()).toMatchObject({
        conversationId: null,
        state: 'none',
      });
    }
  });
});
