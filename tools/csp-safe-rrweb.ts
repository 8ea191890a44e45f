import type { Plugin } from 'rollup';

// rrweb's recorder diffs a mutated `style` attribute by writing the old value into a span's `style`
// attribute: under a CSP without 'unsafe-inline' every such write is a `style-src-attr` violation (and is
// blocked anyway). The old value is parsed through a constructed stylesheet instead, which no CSP governs.
const unsafe = `const old = this.unattachedDoc.createElement("span");
              if (m.oldValue) {
                old.setAttribute("style", m.oldValue);
              }`;
const safe = `const old = { style: tandemParseInlineStyle(m.oldValue) };`;
const parser = `
function tandemParseInlineStyle(text) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("x{" + (text || "") + "}");
    if (sheet.cssRules[0]) return sheet.cssRules[0].style;
  } catch (e) {}
  return document.createElement("span").style;
}
`;

/** Rewrites @rrweb/record's style diff to need no inline style; fails the build if rrweb's code moved. */
export function cspSafeRrweb(): Plugin {
  return {
    name: 'tandem-csp-safe-rrweb',
    transform(code, id) {
      if (!/[\\/]@rrweb[\\/]record[\\/]dist[\\/]record\.js$/.test(id)) return null;
      if (!code.includes(unsafe)) this.error('@rrweb/record changed: re-check its style diff for CSP');
      return { code: code.replace(unsafe, safe) + parser, map: null };
    },
  };
}
