export const launcherStyles = `
.launcher {
  position: fixed; bottom: calc(var(--tandem-offset) + var(--tandem-dock)); right: var(--tandem-offset);
  display: inline-flex; align-items: center; gap: 8px; min-height: 48px; padding: 0 20px 0 16px;
  border: 0; border-radius: 999px; cursor: pointer;
  background: var(--tandem-accent); color: var(--tandem-accent-text); box-shadow: var(--tandem-shadow);
  font-weight: 600; transition: transform 120ms ease;
}
.launcher:hover { transform: translateY(-1px); }
.launcher svg { width: 22px; height: 22px; flex: none; }
.tandem[data-position="bottom-left"] .launcher { right: auto; left: var(--tandem-offset); }
`;

// The open selector's rules arrive with its code, on the visitor's first sign of intent.
export const selectorStyles = `
.tandem[data-position="bottom-left"] .selector { right: auto; left: var(--tandem-offset); }
.selector {
  position: fixed; bottom: calc(var(--tandem-offset) + var(--tandem-dock) + 60px); right: var(--tandem-offset);
  width: min(360px, calc(100vw - 2 * var(--tandem-offset))); max-height: calc(100vh - 120px - var(--tandem-dock)); overflow: auto;
  padding: 16px; border: 1px solid var(--tandem-border); border-radius: var(--tandem-radius);
  background: var(--tandem-bg); color: var(--tandem-fg); box-shadow: var(--tandem-shadow);
}
.selector-header { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.selector h2 { margin: 0; font-size: 17px; line-height: 1.3; }
.selector ul { list-style: none; margin: 12px 0 0; padding: 0; display: grid; gap: 8px; }
.channel {
  width: 100%; min-height: 44px; padding: 10px 14px; text-align: start; cursor: pointer;
  border: 1px solid var(--tandem-border); border-radius: calc(var(--tandem-radius) - 4px);
  background: transparent;
}
.channel:hover { border-color: var(--tandem-accent); }
a.channel { color: inherit; text-decoration: none; }
.channel { display: grid; gap: 2px; }
.channel-status { font-size: 13px; color: var(--tandem-muted); }
.tone-available .channel-status { color: var(--tandem-ok); }
.tone-alert .channel-status, .tone-busy .channel-status { color: var(--tandem-danger); }
.channel[aria-disabled="true"] { cursor: not-allowed; border-style: dashed; }
.icon-button {
  display: inline-grid; place-items: center; width: 36px; height: 36px; padding: 0; cursor: pointer;
  border: 0; border-radius: 50%; background: transparent;
}
.icon-button svg { width: 20px; height: 20px; }
.notice { margin: 12px 0 0; color: var(--tandem-danger); }
.empty { margin: 12px 0 0; color: var(--tandem-muted); }
`;
