// Message text from the network is untrusted: it becomes text nodes, plus links of four safe schemes and
// images from origins the site owner listed. Nothing is ever parsed as HTML.

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | { readonly kind: 'image'; readonly text: string; readonly src: string };

const candidate = /\b(?:https?:\/\/|mailto:|tel:)[^\s<>"'`]+/gi;
const safeSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const imagePath = /\.(?:png|jpe?g|gif|webp|avif)$/i;
// Bidi controls inside a link could make its visible text lie about where it goes.
const bidiControls = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

// A message object keeps its segments: repainting the log (typing, queue updates) does not tokenize again.
const cache = new WeakMap<object, readonly Segment[]>();

/** The segments of a message, computed once per message object. */
export function messageSegments(message: { readonly text: string }, imageOrigins: readonly string[]) {
  let found = cache.get(message);
  if (!found) {
    found = segments(message.text, imageOrigins);
    cache.set(message, found);
  }
  return found;
}

export function segments(text: string, imageOrigins: readonly string[] = []): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  const push = (segment: Segment) => {
    const previous = out[out.length - 1];
    if (segment.kind === 'text' && previous?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: previous.text + segment.text };
    } else if (segment.text) out.push(segment);
  };
  for (const match of text.matchAll(candidate)) {
    const raw = trimPunctuation(match[0]);
    const start = match.index ?? 0;
    const url = safeUrl(raw);
    if (!url) continue;
    push({ kind: 'text', text: text.slice(last, start) });
    const isImage =
      url.protocol === 'https:' && imageOrigins.includes(url.origin) && imagePath.test(url.pathname);
    push(isImage ? { kind: 'image', text: raw, src: url.href } : { kind: 'link', text: raw, href: url.href });
    last = start + raw.length;
  }
  push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** A URL only when its scheme is one of the four allowed and nothing in it can disguise it. */
export function safeUrl(raw: string): URL | undefined {
  if (raw.length > 2000 || bidiControls.test(raw)) return undefined;
  try {
    const url = new URL(raw);
    return safeSchemes.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

// "See https://example.com/a." — the final dot and an unbalanced closing bracket belong to the sentence.
function trimPunctuation(raw: string): string {
  let end = raw.length;
  while (end > 0) {
    const char = raw[end - 1] ?? '';
    if (/[.,;:!?]/.test(char)) end--;
    else if (char === ')' && count(raw.slice(0, end), '(') < count(raw.slice(0, end), ')')) end--;
    else break;
  }
  return raw.slice(0, end);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
