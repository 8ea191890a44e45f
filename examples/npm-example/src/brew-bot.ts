import type { Desk } from './desk';

/** What the bot knows: the first answer whose words all appear in the question wins. */
const answers: ReadonlyArray<readonly [readonly string[], string]> = [
  [['moka'], 'For a moka pot: a fine grind, a little coarser than espresso.'],
  [['french', 'press'], 'For a French press: a coarse grind, and four minutes.'],
  [['filter'], 'For filter coffee: a medium grind, 60 g a litre.'],
  [['espresso'], 'For espresso: a fine grind, 18 g in, 36 g out, in about 28 seconds.'],
];
const fallback = 'I know grinds for moka pots, French presses, filters and espresso. Which do you use?';

/** The desk's only agent: takes every chat in turn and answers each question from a short list. */
export function startBrewBot(desk: Desk, name = 'Brew bot'): void {
  const agent = desk.agent(name);
  // A chat may end at any moment (the visitor leaves): the bot then moves on to the next one.
  const attempt = (work: () => void) => {
    try {
      work();
    } catch {}
  };
  const greet = async () => {
    for (;;) {
      try {
        agent.say(await agent.next(), 'Hello! Ask me which grind suits your coffee maker.');
      } catch {}
    }
  };
  void greet();
  desk.onCustomerMessage(({ conversationId, message }) => {
    if (desk.agentOf(conversationId) !== name) return;
    const words = message.text.toLowerCase();
    const found = answers.find(([keys]) => keys.every((key) => words.includes(key)));
    attempt(() => agent.say(conversationId, found?.[1] ?? fallback));
  });
}
