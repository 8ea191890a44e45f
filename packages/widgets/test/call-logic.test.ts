import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRemaining } from '../src/call/countdown';
import { callOffer } from '../src/call/offer';
import { callingCodes, toE164 } from '../src/call/phone-number';

describe('phone numbers typed by visitors', () => {
  it('turns national and international forms into E.164', () => {
    expect(toE164('06 12 34 56 78', 'FR')).toEqual({ ok: true, e164: '+33612345678' });
    expect(toE164('+33 6 12 34 56 78', 'US')).toEqual({ ok: true, e164: '+33612345678' });
    expect(toE164('0033 (6) 12-34.56.78', 'FR')).toEqual({ ok: true, e164: '+33612345678' });
    expect(toE164('(415) 555-0132', 'US')).toEqual({ ok: true, e164: '+14155550132' });
    expect(toE164('06 1234 5678', 'IT')).toEqual({ ok: true, e164: '+390612345678' });
    expect(toE164('020 7946 0958', 'GB')).toEqual({ ok: true, e164: '+442079460958' });
  });

  it('names what is wrong instead of guessing', () => {
    expect(toE164('   ', 'FR')).toEqual({ ok: false, error: 'required' });
    expect(toE164('06 12 34', 'FR')).toEqual({ ok: false, error: 'invalid' });
    expect(toE164('call me maybe', 'FR')).toEqual({ ok: false, error: 'invalid' });
    expect(toE164('+33 6 12 34 56 78 90 12 34', 'FR')).toEqual({ ok: false, error: 'invalid' });
    expect(toE164('0612345678', 'XX')).toEqual({ ok: false, error: 'invalid' });
  });

  it('never throws and only ever answers a valid E.164 number, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(...Object.keys(callingCodes), 'ZZ'),
        (input, country) => {
          const result = toE164(input, country);
          if (result.ok) expect(result.e164).toMatch(/^\+[1-9]\d{7,14}$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('what the widget offers', () => {
  const open = { channel: 'voice', subject: 'orders', open: true, ewtSeconds: 120 };
  it('offers the call under the wait threshold, a callback above it or when closed, else nothing', () => {
    expect(callOffer([open], 'orders', { ewt: { max: 600 } }, true)).toEqual({
      kind: 'call',
      ewtSeconds: 120,
    });
    expect(callOffer([{ ...open, ewtSeconds: 600 }], 'orders', { ewt: { max: 600 } }, true)).toEqual({
      kind: 'callback',
      reason: 'busy',
    });
    const closed = { ...open, open: false, nextOpenAt: 1_800_000_000_000 };
    expect(callOffer([closed], 'orders', {}, true)).toEqual({
      kind: 'callback',
      reason: 'closed',
      nextOpenAt: 1_800_000_000_000,
    });
    expect(callOffer([closed], 'orders', {}, false)).toMatchObject({ kind: 'none', reason: 'closed' });
    expect(callOffer(undefined, 'orders', {}, true)).toEqual({ kind: 'call' });
    expect(callOffer([{ ...open, subject: 'billing', open: false }], 'orders', {}, true)).toEqual({
      kind: 'call',
    });
  });
});

describe('lease countdown', () => {
  it('shows minutes and seconds left, rounding up, and stops at zero', () => {
    expect(formatRemaining(600_000, 0)).toBe('10:00');
    expect(formatRemaining(545_001, 0)).toBe('9:06');
    expect(formatRemaining(5_000, 4_999)).toBe('0:01');
    expect(formatRemaining(5_000, 9_000)).toBe('0:00');
  });
});
