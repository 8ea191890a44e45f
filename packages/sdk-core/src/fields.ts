import * as z from 'zod/mini';

// Field builders whose error message is the plain-language "expected …" that users see.

export const bool = () => z.boolean({ error: 'true or false' });

export function number(options: { min?: number; max?: number; integer?: boolean } = {}) {
  const { min, max, integer } = options;
  const kind = integer ? 'a whole number' : 'a number';
  const bounds = [min === undefined ? '' : `>= ${min}`, max === undefined ? '' : `<= ${max}`].filter(Boolean);
  const expected = bounds.length ? `${kind} ${bounds.join(' and ')}` : kind;
  // One refinement instead of z.int(), z.minimum() and z.maximum(): the same errors, and none of those
  // checks' code in the launcher's bundle.
  const base = z.number({ error: expected });
  const checks = [];
  if (integer || min !== undefined || max !== undefined) {
    checks.push(
      z.refine<number>((n) => (!integer || Number.isInteger(n)) && !(n < (min ?? n)) && !(n > (max ?? n)), {
        error: expected,
      }),
    );
  }
  return checks.length ? base.check(...checks) : base;
}

export function text(maxLength = 1000) {
  const expected = `a string of at most ${maxLength} characters`;
  return z.string({ error: expected }).check(z.maxLength(maxLength, { error: expected }));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}` });
}

// Colours reach CSS custom properties, so only plain colour syntaxes pass: no url(), no semicolons.
const cssColorPattern = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\)|[a-z]{3,20})$/i;

export function cssColor() {
  const expected = 'a CSS colour such as "#0a66c2" or "rgb(10 102 194)"';
  return z.string({ error: expected }).check(matches(cssColorPattern, expected));
}

// BCP 47 shape only (en, fr-CA, zh-Hant-TW); the fallback chain handles unknown tags.
export function localeTag() {
  const expected = 'a language tag such as "en" or "fr-CA"';
  return z.string({ error: expected }).check(matches(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, expected));
}

function matches(pattern: RegExp, expected: string) {
  return z.refine<string>((value) => pattern.test(value), { error: expected });
}
