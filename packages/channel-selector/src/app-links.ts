import { formatProblems, getDocument, type I18n, text, validate } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import type { AppLink } from './channels';

// Loaded when the selector first opens with `channels.apps` configured: the launcher does not carry it.

const pattern = (regex: RegExp, expected: string) =>
  z.string({ error: expected }).check(z.refine((value) => regex.test(value), { error: expected }));

const appsSchema = z.strictObject({
  /** The WhatsApp Business number, international digits. */
  whatsapp: z.optional(
    pattern(/^\+?\d{6,15}$/, 'a phone number in international digits such as "33612345678"'),
  ),
  /** The Facebook page's username, for m.me links. */
  messenger: z.optional(pattern(/^[\w.]{3,100}$/, 'a Facebook page username such as "tandemcoffee"')),
  /** The LINE Official Account id. */
  line: z.optional(pattern(/^@?[\w.-]{2,40}$/, 'a LINE account id such as "@tandem"')),
  /** The pre-filled message; {title} and {url} are replaced. */
  text: z.optional(text(300)),
});

const appStrings = {
  en: { 'apps.text': 'Hello! I have a question about {title} ({url})', 'apps.hint': 'Opens the app' },
  fr: { 'apps.text': 'Bonjour ! J’ai une question sur {title} ({url})', 'apps.hint': 'Ouvre l’application' },
  ar: { 'apps.text': 'مرحبًا! لدي سؤال عن {title} ({url})', 'apps.hint': 'يفتح التطبيق' },
};

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Links that open the visitor's messaging app on a conversation with the site, the message pre-filled
 * with the page they are on (its address without the query, which may hold private data). A bad value is
 * reported once, naming the field, and its links are left out.
 */
export function appLinks(input: unknown, i18n: I18n): readonly AppLink[] {
  try {
    return linksFor(input, i18n);
  } catch {
    // Whatever the host page holds, the selector still opens with its channels.
    return [];
  }
}

function linksFor(input: unknown, i18n: I18n): readonly AppLink[] {
  const result = validate(appsSchema, input);
  if (!result.ok) {
    const problems = result.problems.map((p) => ({ ...p, message: `channels.apps.${p.message}` }));
    console.error(formatProblems('Tandem config', problems));
    return [];
  }
  i18n.add(appStrings);
  const apps = result.value;
  const doc = getDocument();
  const page = doc ? doc.location.origin + doc.location.pathname : '';
  const message = (apps.text ?? i18n.t('apps.text'))
    .replace('{title}', doc?.title ?? '')
    .replace('{url}', page);
  // A page's title may hold a lone surrogate ('Coffee \ud83d'), on which encodeURIComponent throws.
  const text = encodeURIComponent(message.replace(loneSurrogate, '\ufffd'));
  const hint = i18n.t('apps.hint');
  const links: AppLink[] = [];
  if (apps.whatsapp) {
    links.push({
      label: 'WhatsApp',
      hint,
      href: `https://wa.me/${apps.whatsapp.replace('+', '')}?text=${text}`,
    });
  }
  if (apps.messenger)
    links.push({ label: 'Messenger', hint, href: `https://m.me/${apps.messenger}?ref=${text}` });
  if (apps.line) {
    links.push({
      label: 'LINE',
      hint,
      href: `https://line.me/R/oaMessage/${encodeURIComponent(apps.line)}/?${text}`,
    });
  }
  return links;
}
