import { expect, it } from 'vitest';
import { minifyCss } from '../minify-css';

it('minifies without changing what the CSS means', () => {
  const css = `
  /* why */
  :where(.tandem) :where(button, input) { font: inherit; color: inherit; }
  .selector { bottom: calc(var(--tandem-offset) + 60px); box-shadow: 0 8px 28px rgb(0 0 0 / 0.22); }
  @media (prefers-color-scheme: dark) { .tandem[data-theme="auto"] > .a { color: #fff; } }
  `;
  expect(minifyCss(css)).toBe(
    ':where(.tandem) :where(button,input){font:inherit;color:inherit}' +
      '.selector{bottom:calc(var(--tandem-offset) + 60px);box-shadow:0 8px 28px rgb(0 0 0 / 0.22)}' +
      '@media (prefers-color-scheme:dark){.tandem[data-theme="auto"]>.a{color:#fff}}',
  );
});
