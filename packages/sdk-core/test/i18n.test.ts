import { describe, expect, it, vi } from 'vitest';
import { coreLocales, coreStrings } from '../src/i18n/core-strings';
import { createI18n, directionOf, fallbackChain } from '../src/index';

describe('i18n', () => {
  it('falls back from region to language to English, fetching only the tables the locale needs', async () => {
    expect(fallbackChain('fr-CA')).toEqual(['fr-ca', 'fr', 'en']);
    const i18n = createI18n({ locale: 'fr-CA' });
    const arabic = vi.fn(coreLocales.ar);
    await i18n.load({ ...coreLocales, ar: arabic });
    expect(arabic).not.toHaveBeenCalled();
    i18n.add({ en: { 'x.only': 'English only' } });
    expect(i18n.t('common.close')).toBe('Fermer');
    expect(i18n.t('x.only')).toBe('English only');
    expect(i18n.t('x.missing')).toBe('x.missing');
  });

  it('lets config override single keys per locale, over plugin tables', () => {
    const i18n = createI18n({ locale: 'fr', overrides: { FR: { 'common.close': 'Fermer la fenêtre' } } });
    i18n.add({ fr: { 'common.close': 'Plugin' } });
    expect(i18n.t('common.close')).toBe('Fermer la fenêtre');
  });

  it('fills placeholders as text and leaves unknown ones', () => {
    const i18n = createI18n({ locale: 'en' });
    i18n.add({ en: { 'queue.position': 'You are number {position} {unknown}' } });
    expect(i18n.t('queue.position', { position: '<b>3</b>' })).toBe('You are number <b>3</b> {unknown}');
  });

  it('knows the direction of the locale', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
    expect(createI18n({ locale: 'ar' }).dir).toBe('rtl');
  });

  it('uses the browser language when config gives none', () => {
    expect(createI18n().locale).toBe(navigator.language);
  });

  it.each([
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['', 'en'],
    ['en_US.UTF-8', 'en-US'],
    ['de_DE@euro', 'de-DE'],
    ['fr-ca', 'fr-CA'],
  ])('turns the browser language %j into a tag every Intl API takes (%s)', (language, expected) => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(language);
    const i18n = createI18n();
    expect(i18n.locale).toBe(expected);
    expect(() => new Intl.DateTimeFormat(i18n.locale).format(0)).not.toThrow();
    expect(() => new Intl.DisplayNames([i18n.locale], { type: 'region' })).not.toThrow();
  });

  it('translates every core string into every shipped locale', async () => {
    const english = Object.keys(coreStrings.en ?? {}).sort();
    expect(english.length).toBeGreaterThan(0);
    for (const load of Object.values(coreLocales))
      expect(Object.keys((await load()).default).sort()).toEqual(english);
  });
});
