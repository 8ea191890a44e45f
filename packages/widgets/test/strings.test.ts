import { expect, it } from 'vitest';
import { chatLocales, chatStrings } from '../src/chat/strings';

it('translates every chat and messaging string into every shipped locale', async () => {
  const english = Object.keys(chatStrings.en ?? {}).sort();
  expect(Object.keys(chatLocales).sort()).toEqual(['ar', 'fr']);
  for (const load of Object.values(chatLocales))
    expect(Object.keys((await load()).default).sort()).toEqual(english);
});
