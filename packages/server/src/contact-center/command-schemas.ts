import * as z from 'zod/mini';

/** E.164: "+", a country code and up to 15 digits in all. */
export function e164() {
  const expected = 'a phone number in international format, such as "+33612345678"';
  return z
    .string({ error: expected })
    .check(z.refine((v) => /^\+[1-9]\d{6,14}$/.test(v), { error: expected }));
}

export function httpUrl() {
  const expected = 'an http or https URL';
  return z.string({ error: expected }).check(
    z.maxLength(2000, { error: expected }),
    z.refine((v) => /^https?:\/\//i.test(v), { error: expected }),
  );
}
