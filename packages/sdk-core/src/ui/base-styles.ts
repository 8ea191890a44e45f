// Colours meet WCAG 2.2 AA (4.5:1 for text) in both themes; the tokens are the theming surface.
export const baseStyles = `
:host { all: initial; }
.tandem {
  --tandem-accent: #0a59b0;
  --tandem-accent-text: #ffffff;
  --tandem-bg: #ffffff;
  --tandem-fg: #1b1f24;
  --tandem-muted: #57606a;
  --tandem-border: #8c959f;
  --tandem-danger: #b3261e;
  --tandem-ok: #1a7f37;
  --tandem-focus: #0a59b0;
  --tandem-radius: 12px;
  --tandem-shadow: 0 8px 28px rgb(0 0 0 / 0.22);
  --tandem-offset: 20px;
  /* Height a bar docked at the bottom (co-browse's sharing bar) takes: bottom-anchored controls add it. */
  --tandem-dock: 0px;
  color: var(--tandem-fg);
  font: 400 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif;
  -webkit-font-smoothing: antialiased;
}
.tandem[data-theme="dark"] {
  --tandem-accent: #7cb8ff;
  --tandem-accent-text: #0b1320;
  --tandem-bg: #1c2128;
  --tandem-fg: #e6edf3;
  --tandem-muted: #a5b0bb;
  --tandem-border: #6e7781;
  --tandem-danger: #ff9a94;
  --tandem-ok: #56d364;
  --tandem-focus: #7cb8ff;
  --tandem-shadow: 0 8px 28px rgb(0 0 0 / 0.6);
}
@media (prefers-color-scheme: dark) {
  .tandem[data-theme="auto"] {
    --tandem-accent: #7cb8ff;
    --tandem-accent-text: #0b1320;
    --tandem-bg: #1c2128;
    --tandem-fg: #e6edf3;
    --tandem-muted: #a5b0bb;
    --tandem-border: #6e7781;
    --tandem-danger: #ff9a94;
  --tandem-ok: #56d364;
    --tandem-focus: #7cb8ff;
    --tandem-shadow: 0 8px 28px rgb(0 0 0 / 0.6);
  }
}
/* Resets carry zero specificity (:where) so that any component rule overrides them. */
:where(.tandem) *, :where(.tandem) *::before, :where(.tandem) *::after { box-sizing: border-box; }
:where(.tandem) :where(button, input, select, textarea) { font: inherit; color: inherit; }
.tandem :focus-visible { outline: 3px solid var(--tandem-focus); outline-offset: 2px; }
.tandem .visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
@media (prefers-reduced-motion: reduce) {
  .tandem *, .tandem *::before, .tandem *::after {
    animation-duration: 0.01ms !important; animation-iteration-count: 1 !important;
    transition-duration: 0.01ms !important; scroll-behavior: auto !important;
  }
}
`;
