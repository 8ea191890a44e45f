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

// Canvas recording (which Tandem never turns on) starts a Worker from a blob: URL, which a strict CSP's
// worker-src refuses, and weighs about 1 KB gz with its inline worker: the manager becomes a stub with the
// five methods the recorder calls, and tree-shaking drops the worker and the canvas observers.
const canvasStart = 'const jsContent = ';
const canvasManager = '\nclass CanvasManager {';
const canvasStub = `class CanvasManager {
  reset() {}
  freeze() {}
  unfreeze() {}
  lock() {}
  unlock() {}
}`;

function withoutCanvas(code: string): string | undefined {
  const start = code.indexOf(canvasStart);
  const manager = code.indexOf(canvasManager);
  const end = code.indexOf('\n}\n', manager);
  const calls = code.match(/canvasManager\.(\w+)/g) ?? [];
  const known = calls.every((call) => /\.(reset|freeze|unfreeze|lock|unlock)$/.test(call));
  if (start < 0 || manager < start || end < 0 || !known) return undefined;
  return `${code.slice(0, start)}${canvasStub}${code.slice(end + 2)}`;
}

/**
 * Rewrites @rrweb/record's style diff to need no inline style and leaves out canvas recording; fails the
 * build if rrweb's code moved.
 */
export function cspSafeRrweb(): Plugin {
  return {
    name: 'tandem-csp-safe-rrweb',
    transform(code, id) {
      if (!/[\\/]@rrweb[\\/]record[\\/]dist[\\/]record\.js$/.test(id)) return null;
      if (!code.includes(unsafe)) this.error('@rrweb/record changed: re-check its style diff for CSP');
      const lean = withoutCanvas(code.replace(unsafe, safe));
      if (!lean) this.error('@rrweb/record changed: re-check its canvas manager before leaving it out');
      return { code: lean + parser, map: null };
    },
  };
}
