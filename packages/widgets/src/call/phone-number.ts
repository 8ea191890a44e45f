// Phone numbers typed by visitors, in national or international form, turned into E.164 for the backend.

/** Calling codes of the countries offered in the form; the site sets the default one. */
export const callingCodes: Readonly<Record<string, string>> = {
  AE: '971',
  AT: '43',
  AU: '61',
  BE: '32',
  BR: '55',
  CA: '1',
  CH: '41',
  DE: '49',
  DK: '45',
  ES: '34',
  FR: '33',
  GB: '44',
  IE: '353',
  IN: '91',
  IT: '39',
  JP: '81',
  LU: '352',
  MA: '212',
  NL: '31',
  NO: '47',
  PL: '48',
  PT: '351',
  SA: '966',
  SE: '46',
  US: '1',
};

// Italy keeps its leading 0 after the country code; everywhere else here it is a trunk prefix.
const keepsLeadingZero = new Set(['IT']);

export type PhoneResult =
  | { readonly ok: true; readonly e164: string }
  | { readonly ok: false; readonly error: 'required' | 'invalid' };

/**
 * "06 12 34 56 78" in France, "+33 6 12 34 56 78" or "0033612345678" all become "+33612345678". Anything
 * but digits, spaces, dots, dashes, brackets and one leading + is refused rather than guessed at.
 */
export function toE164(input: string, country: string): PhoneResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: 'required' };
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return { ok: false, error: 'invalid' };
  const digits = trimmed.replace(/\D/g, '');
  let international: string;
  if (trimmed.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else {
    const code = callingCodes[country];
    if (!code) return { ok: false, error: 'invalid' };
    const national = keepsLeadingZero.has(country) ? digits : digits.replace(/^0/, '');
    international = code + national;
  }
  // E.164: at most 15 digits, no leading zero; 8 is the shortest real subscriber number with its code.
  if (!/^[1-9]\d{7,14}$/.test(international)) return { ok: false, error: 'invalid' };
  return { ok: true, e164: `+${international}` };
}
