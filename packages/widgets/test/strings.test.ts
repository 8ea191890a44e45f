import type { LocaleLoaders, LocaleTables } from '@tandem/sdk-core';
import { describe, expect, it } from 'vitest';
import { callLocales, callStrings } from '../src/call/strings';
import { chatLocales, chatStrings } from '../src/chat/strings';
import { formStrings } from '../src/shared/form-strings';

describe.each([
  ['chat and messaging', chatStrings, chatLocales],
  ['click-to-call and callback', callStrings, callLocales],
] as Array<[string, LocaleTables, LocaleLoaders]>)('%s strings', (_name, strings, locales) => {
  it('are translated into every shipped locale, the form words included', async () => {
    const english = Object.keys({ ...strings.en, ...formStrings.en }).sort();
    expect(Object.keys(locales).sort()).toEqual(['ar', 'fr']);
    for (const load of Object.values(locales))
      expect(Object.keys((await load()).default).sort()).toEqual(english);
  });
});
