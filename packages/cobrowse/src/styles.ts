// The co-browse panel, the sharing bar and the agent's marks, in the shadow root (never captured). Clicks
// go through the bar except on its buttons: the page under it stays usable, for the customer and the agent.
export const cobrowseStyles = `
.cobrowse-panel{position:fixed;bottom:calc(var(--tandem-offset) + var(--tandem-dock) + 60px);right:var(--tandem-offset);width:min(340px,calc(100vw - 2 * var(--tandem-offset)));padding:16px;display:grid;gap:12px;background:var(--tandem-bg);color:var(--tandem-fg);border:1px solid var(--tandem-border);border-radius:var(--tandem-radius);box-shadow:var(--tandem-shadow)}
.tandem[data-position="bottom-left"] .cobrowse-panel{right:auto;left:var(--tandem-offset)}
.cobrowse-panel h2{margin:0;font-size:16px}
.cobrowse-panel p{margin:0}
.cobrowse-code{font-size:28px;font-weight:700;letter-spacing:.08em;font-variant-numeric:tabular-nums;direction:ltr;unicode-bidi:isolate}
.cobrowse-actions{display:flex;flex-wrap:wrap;gap:8px}
.cobrowse-actions button,.cobrowse-bar button{min-height:36px;padding:6px 14px;border-radius:8px;font:inherit;font-weight:600;cursor:pointer;border:1px solid var(--tandem-accent);background:var(--tandem-bg);color:var(--tandem-accent)}
.cobrowse-actions .primary,.cobrowse-bar button{background:var(--tandem-accent);color:var(--tandem-accent-text)}
.cobrowse-bar{position:fixed;bottom:var(--tandem-offset);left:var(--tandem-offset);right:var(--tandem-offset);display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px;padding:6px 8px 6px 16px;background:var(--tandem-fg);color:var(--tandem-bg);border-radius:calc(var(--tandem-radius) * 2);box-shadow:var(--tandem-shadow);font-size:14px;line-height:1.35}
.cobrowse-status{flex:1 1 14em;min-width:0;overflow-wrap:anywhere}
.cobrowse-id{font-variant-numeric:tabular-nums;white-space:nowrap}
.cobrowse-bar{pointer-events:none}.cobrowse-bar button{pointer-events:auto}
.cobrowse-bar button{border-color:var(--tandem-bg)}
.cobrowse-pointer{position:fixed;top:0;left:0;width:14px;height:14px;margin:-7px 0 0 -7px;border-radius:50%;background:#d0021b;border:2px solid #fff;box-shadow:0 0 0 1px #0006;pointer-events:none}
.cobrowse-highlight{position:fixed;pointer-events:none;border:3px solid #d0021b;border-radius:4px;box-shadow:0 0 0 4px #d0021b40}
@media (prefers-reduced-motion:no-preference){.cobrowse-pointer{transition:transform 30ms linear}.cobrowse-highlight{animation:tandem-fade 3s ease-in forwards}}
@keyframes tandem-fade{0%,70%{opacity:1}100%{opacity:0}}
.cobrowse-bar[data-mode="write"]{background:#8a1020;color:#fff}
.cobrowse-bar[data-mode="write"] button{background:#fff;color:#8a1020;border-color:#fff}
.cobrowse-consent{bottom:auto;top:64px;border-width:2px;border-color:var(--tandem-accent)}
.cobrowse-annotations{position:fixed;inset:0;width:100vw;height:100vh;pointer-events:none;overflow:visible}
.cobrowse-mark{fill:none;stroke:#d0021b;stroke-width:4;stroke-linecap:round;stroke-linejoin:round}
.cobrowse-laser{stroke-width:6;stroke:#ff1744;filter:drop-shadow(0 0 3px #ff1744)}
@media (prefers-reduced-motion:no-preference){.cobrowse-mark{animation:tandem-fade 4s ease-in forwards}.cobrowse-laser{animation-duration:1s}}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
