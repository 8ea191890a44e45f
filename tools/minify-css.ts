import type { Plugin } from 'rollup';

/** Shrinks CSS kept in template strings: comments and whitespace go; calc()'s spaces around + and - stay. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** Applies minifyCss to the template strings of modules named *styles.ts (which hold only CSS). */
export function cssInTemplates(): Plugin {
  return {
    name: 'tandem-css-in-templates',
    transform(code, id) {
      if (!/styles\.ts$/.test(id)) return null;
      if (code.includes('${')) this.error(`${id}: CSS templates must not interpolate`);
      return {
        code: code.replace(/`([^`]*)`/g, (_match, css: string) => `\`${minifyCss(css)}\``),
        map: null,
      };
    },
  };
}
