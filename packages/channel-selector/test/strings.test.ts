import { expect, it } from 'vitest';
import { selectorStrings } from '../src/strings';

it('translates every string into every shipped locale', () => {
  const english = Object.keys(selectorStrings.en ?? {}).sort();
  for (const locale of ['fr', 'ar'])
    expect(Object.keys(selectorStrings[locale] ?? {}).sort()).toEqual(english);
});
