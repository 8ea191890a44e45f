import { expect, it } from 'vitest';
import { launcherStrings, selectorLocales } from '../src/launcher-strings';
import { selectorStrings } from '../src/strings';

it('translates every string into every shipped locale', async () => {
  const english = Object.keys({ ...launcherStrings.en, ...selectorStrings.en }).sort();
  expect(Object.keys(selectorLocales).sort()).toEqual(['ar', 'fr']);
  for (const load of Object.values(selectorLocales))
    expect(Object.keys((await load()).default).sort()).toEqual(english);
});
