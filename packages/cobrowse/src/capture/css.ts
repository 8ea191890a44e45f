// CSS from a masked element can carry what the mask hides: a URL (`url(…?token=…)`, `image-set(…)`) or text
// (a quoted string). What may leave is what cannot: declarations with any of those, or with an escape that
// could spell one, are dropped whole (fail closed).
const carrier = /url\(|image(-set)?\(|src\(|attr\(|element\(|["'\\]/i;

/** The declarations of an inline style, split where CSS splits them: on `;` outside parentheses and quotes. */
function declarations(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push(css.slice(start, i));
      start = i + 1;
    }
  }
  // An unclosed quote or parenthesis runs to the end: the last part keeps it, and is dropped for it.
  out.push(css.slice(start) + (quote || depth ? '"' : ''));
  return out;
}

/** An inline style with only the declarations that can carry neither a URL nor text. */
export function safeStyle(css: string): string {
  return declarations(css)
    .map((part) => part.trim())
    .filter((part) => part.includes(':') && !carrier.test(part))
    .join('; ');
}

/** rrweb's form of a style change (`{ color: 'red', width: ['1px', 'important'], top: false }`), made safe. */
export function safeStyleDiff(diff: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(diff)) {
    const text = Array.isArray(value) ? value.join(' ') : value;
    if (text === false) clean[property] = false;
    else if (typeof text === 'string' && !carrier.test(`${property}:${text}`)) clean[property] = value;
    // Anything else is removed on the agent's side, as a removed property.
    else clean[property] = false;
  }
  return clean;
}

/**
 * A srcset's candidates as the HTML standard parses them: a URL runs to the next whitespace (commas inside
 * it, as in `?w=10,sig=…`, belong to it; commas that end it end the candidate), then descriptors up to a
 * comma outside parentheses. Each URL goes through `cut`; only well-formed descriptors (`2x`, `640w`) stay.
 */
export function cutSrcset(srcset: string, cut: (url: string) => string): string {
  const candidates: string[] = [];
  let i = 0;
  const at = (j: number) => srcset[j] ?? '';
  const space = (c: string) => /[\t\n\f\r ]/.test(c);
  while (i < srcset.length) {
    while (i < srcset.length && (space(at(i)) || at(i) === ',')) i++;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !space(at(i))) i++;
    let url = srcset.slice(start, i);
    let descriptors = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const from = i;
      let depth = 0;
      while (i < srcset.length && (depth > 0 || at(i) !== ',')) {
        if (at(i) === '(') depth++;
        else if (at(i) === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptors = srcset
        .slice(from, i)
        .trim()
        .split(/\s+/)
        .filter((token) => /^\d+(\.\d+)?[wxh]$/.test(token))
        .join(' ');
    }
    const kept = cut(url);
    if (kept) candidates.push(descriptors ? `${kept} ${descriptors}` : kept);
  }
  return candidates.join(', ');
}

/**
 * A stylesheet's text with what could carry a URL or text taken out, its layout kept: comments go;
 * `@import`, `@charset` and any rule whose selector holds a string, an escape or a `url(` go whole (an
 * attribute selector can spell a value: `[value^="4"]`); declarations go through `safeStyle`; the rules
 * inside `@media`, `@supports` and the like are cleaned the same way.
 */
export function safeSheet(css: string): string {
  const text = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    const semicolon = text.indexOf(';', i);
    // A statement (`@import url(…);`) before any block: dropped.
    if (semicolon !== -1 && (open === -1 || semicolon < open)) {
      i = semicolon + 1;
      continue;
    }
    if (open === -1) break;
    const prelude = text.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
    }
    const body = text.slice(open + 1, depth === 0 ? j - 1 : j);
    i = j;
    if (!prelude || carrier.test(prelude)) continue;
    const inner = body.includes('{') ? safeSheet(body) : safeStyle(body);
    if (inner) out.push(`${prelude} { ${inner} }`);
  }
  return out.join('\n');
}
