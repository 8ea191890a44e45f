import { describe, expect, it } from 'vitest';
import { cutSrcset, safeSheet, safeStyle, safeStyleDiff } from '../src/capture/css';

describe('safeStyle: declarations that can carry neither a URL nor text', () => {
  it.each([
    ['color: red; width: 10px', 'color: red; width: 10px'],
    ['background: url(/a?t=1); color: red', 'color: red'],
    ['background: URL( "/a?t=1" )', ''],
    ['background-image: image-set("/a.png" 1x); margin: 0', 'margin: 0'],
    // An escape could spell url(); a semicolon inside parentheses does not end the declaration.
    ['background: u\\72l(/a?t=1); top: 0', 'top: 0'],
    ['background: url(/a?q;secret:abc); left: 1px', 'left: 1px'],
    ['font-family: "Secret Name"; color: blue', 'color: blue'],
    ['color: red; background: url(/a?unclosed', 'color: red'],
    ['not a declaration; color: red', 'color: red'],
  ])('%s → %s', (input, expected) => {
    expect(safeStyle(input)).toBe(expected);
  });

  it('removes carriers from rrweb’s style changes, as removed properties', () => {
    expect(
      safeStyleDiff({ color: 'red', background: 'url(/a?t=1)', top: false, width: ['1px', 'important'] }),
    ).toEqual({ color: 'red', background: false, top: false, width: ['1px', 'important'] });
  });
});

describe('cutSrcset: the HTML standard’s candidates', () => {
  const cut = (url: string) => url.split(/[?#]/)[0] ?? '';
  it.each([
    ['/a.png 1x, /b.png 2x', '/a.png 1x, /b.png 2x'],
    ['/c.png?w=10,sig=abc 1x', '/c.png 1x'],
    ['/d.png?x=1,, /e.png 640w', '/d.png, /e.png 640w'],
    ['  ,, /f.png  ,', '/f.png'],
    ['/g.png nonsense(1, 2) 3x', '/g.png 3x'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(cutSrcset(input, cut)).toBe(expected);
  });
});

describe('safeSheet: a stylesheet with its layout, without what could carry a URL or text', () => {
  it.each([
    ['.a { color: red }', '.a { color: red }'],
    ['/* note 4821 */ .a { color: red }', '.a { color: red }'],
    ['@import url(/x.css?t=1); .a { top: 0 }', '.a { top: 0 }'],
    ['@charset "utf-8"; .a { top: 0 }', '.a { top: 0 }'],
    ['.a::after { content: "4821"; top: 0 }', '.a::after { top: 0 }'],
    ['[value^="4"] { color: red } .b { left: 0 }', '.b { left: 0 }'],
    [
      '@media (min-width: 10px) { .a { background: url(/t?1) } .b { top: 1px } }',
      '@media (min-width: 10px) { .b { top: 1px } }',
    ],
    ['@font-face { font-family: "X"; src: url(/f.woff) }', ''],
    ['.a { top: 0', '.a { top: 0 }'],
  ])('%s → %s', (input, expected) => {
    expect(safeSheet(input)).toBe(expected);
  });
});
