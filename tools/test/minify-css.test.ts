import { expect, it } from 'vitest';
import { minifyCss } from '../minify-css';

it('minifies without changing what the CSS means', () => {
  const css = `
  /* why */
  :where(.tandem) :where(button, input) { font: inherit; color: inherit; }
  .selector { bottom: calc(var(--tandem-offset) + 60px); box-shadow: 0 8px 28px rgb(0 0 0 / 0.22); }
  @media (prefers-color-scheme: dark) { .tandem[data-theme="auto"] > .a { color: #ffffff; } }
  .b { transition-duration: 0.01ms !important; margin: -0.5px 10.5px; color: #ffeedd; background: #ffeedf; }
  `;
  expect(minifyCss(css)).toBe(
    ':where(.tandem) :where(button,input){font:inherit;color:inherit}' +
      '.selector{bottom:calc(var(--tandem-offset) + 60px);box-shadow:0 8px 28px rgb(0 0 0 / .22)}' +
      '@media (prefers-color-scheme:dark){.tandem[data-theme="auto"]>.a{color:#fff}}' +
      '.b{transition-duration:.01ms!important;margin:-.5px 10.5px;color:#fed;background:#ffeedf}',
  );
});
