// The frame every Tandem window shares (chat, messaging, click-to-call); below 480 px it fills the screen.
export const windowStyles = `
.window, .window-bar {
  position: fixed; bottom: calc(var(--tandem-offset) + var(--tandem-dock) + 60px); right: var(--tandem-offset);
  background: var(--tandem-bg); color: var(--tandem-fg); box-shadow: var(--tandem-shadow);
  border: 1px solid var(--tandem-border); border-radius: var(--tandem-radius);
}
.tandem[data-position="bottom-left"] :is(.window, .window-bar) { right: auto; left: var(--tandem-offset); }
.window {
  display: flex; flex-direction: column; overflow: hidden;
  width: min(380px, calc(100vw - 2 * var(--tandem-offset)));
  height: min(600px, calc(var(--tandem-vh, 100vh) - var(--tandem-offset) - var(--tandem-dock) - 80px));
}
.window-bar {
  display: flex; align-items: center; gap: 8px; min-height: 44px; padding: 8px 16px; cursor: pointer; font-weight: 600;
}
.window-header {
  display: flex; align-items: center; gap: 4px; padding: 8px 8px 8px 16px;
  border-bottom: 1px solid var(--tandem-border);
}
.window-header h2 { flex: 1; margin: 0 4px; font-size: 16px; line-height: 1.3; overflow-wrap: anywhere; }
.window .icon-button, .window-bar .icon-button {
  display: inline-grid; place-items: center; width: 36px; height: 36px; padding: 0; cursor: pointer;
  border: 0; border-radius: 50%; background: transparent;
}
.window svg { width: 20px; height: 20px; fill: currentColor; stroke: currentColor; stroke-width: 2; stroke-linecap: round; }
.banner { margin: 0; padding: 8px 16px; font-size: 14px; background: color-mix(in srgb, var(--tandem-fg) 6%, var(--tandem-bg)); }
.banner.error, .error { color: var(--tandem-danger); }
.error { margin: 4px 0 0; font-size: 13px; }
.field { display: grid; gap: 4px; }
.field label, .rating label { font-weight: 600; font-size: 14px; }
.hint { font-weight: 400; color: var(--tandem-muted); }
.window :is(input:not([type="radio"]), select, textarea) {
  width: 100%; min-height: 40px; padding: 8px 10px; border: 1px solid var(--tandem-border);
  border-radius: 8px; background: var(--tandem-bg);
}
.window [aria-invalid="true"] { border-color: var(--tandem-danger); }
.primary, .secondary {
  min-height: 40px; padding: 8px 16px; border-radius: 8px; cursor: pointer; font-weight: 600;
  border: 1px solid var(--tandem-accent);
}
.primary { background: var(--tandem-accent); color: var(--tandem-accent-text); }
.secondary { background: transparent; color: var(--tandem-fg); }
.primary:disabled { opacity: 0.6; cursor: default; }
.wide { width: 100%; }
.link-button { padding: 0; border: 0; background: none; color: inherit; text-decoration: underline; cursor: pointer; min-height: 24px; }
.waiting, .confirm, .ended {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 16px;
  border-top: 1px solid var(--tandem-border);
}
.waiting p, .confirm p, .ended > p { flex: 1 1 100%; margin: 0; }
.panel { flex: 1; overflow-y: auto; padding: 16px; display: grid; align-content: start; gap: 12px; }
.panel p { margin: 0; }
@media (max-width: 479px) {
  .window {
    inset: var(--tandem-vtop, 0px) 0 auto 0; width: auto; border-radius: 0; border: 0;
    /* Full screen, but above a docked bar (which sits the offset above the bottom) when there is one. */
    height: calc(var(--tandem-vh, 100dvh) - var(--tandem-dock) - min(var(--tandem-dock), var(--tandem-offset)));
    padding: env(safe-area-inset-top) env(safe-area-inset-right) 0 env(safe-area-inset-left);
  }
}
`;
