import type { Plugin } from 'rollup';

/**
 * Shrinks CSS kept in template strings: comments and whitespace go (calc()'s spaces around + and - stay),
 * leading zeros of fractions, the space before !important, and doubled hex digits (#ffffff → #fff).
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/\s+!important/g, '!important')
    .replace(/([\s:,(/-])0\.(\d)/g, '$1.$2')
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3(?![\da-f])/gi, '#$1$2$3')
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
