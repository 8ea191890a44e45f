// The chat window shares the launcher's corner; below 480 px it takes the whole screen.
export const chatStyles = `
.chat, .chat-bar {
  position: fixed; bottom: calc(var(--tandem-offset) + 60px); right: var(--tandem-offset);
  background: var(--tandem-bg); color: var(--tandem-fg); box-shadow: var(--tandem-shadow);
  border: 1px solid var(--tandem-border); border-radius: var(--tandem-radius);
}
.tandem[data-position="bottom-left"] :is(.chat, .chat-bar) { right: auto; left: var(--tandem-offset); }
.chat {
  display: flex; flex-direction: column; overflow: hidden;
  width: min(380px, calc(100vw - 2 * var(--tandem-offset)));
  height: min(600px, calc(var(--tandem-vh, 100vh) - var(--tandem-offset) - 80px));
}
.chat-bar {
  display: flex; align-items: center; gap: 8px; min-height: 44px; padding: 8px 16px; cursor: pointer; font-weight: 600;
}
.chat-header {
  display: flex; align-items: center; gap: 4px; padding: 8px 8px 8px 16px;
  border-bottom: 1px solid var(--tandem-border);
}
.chat-header h2 { flex: 1; margin: 0 4px; font-size: 16px; line-height: 1.3; overflow-wrap: anywhere; }
.chat .icon-button, .chat-bar .icon-button {
  display: inline-grid; place-items: center; width: 36px; height: 36px; padding: 0; cursor: pointer;
  border: 0; border-radius: 50%; background: transparent;
}
.chat svg { width: 20px; height: 20px; fill: currentColor; stroke: currentColor; stroke-width: 2; stroke-linecap: round; }
.avatar {
  display: inline-grid; place-items: center; flex: none; width: 28px; height: 28px; border-radius: 50%;
  background: hsl(var(--hue) 45% 35%); color: #fff; font-size: 12px; font-weight: 700;
}
.actions { position: relative; }
.actions-list {
  position: absolute; top: 40px; inset-inline-end: 0; z-index: 1; min-width: 220px; margin: 0; padding: 6px;
  list-style: none; background: var(--tandem-bg); border: 1px solid var(--tandem-border);
  border-radius: 8px; box-shadow: var(--tandem-shadow);
}
.actions-list button {
  width: 100%; min-height: 40px; padding: 8px 12px; text-align: start; cursor: pointer;
  border: 0; border-radius: 6px; background: transparent;
}
.actions-list button:hover { background: color-mix(in srgb, var(--tandem-accent) 12%, transparent); }
.log {
  flex: 1; overflow-y: auto; margin: 0; padding: 12px 16px; list-style: none;
  display: flex; flex-direction: column; gap: 10px; overscroll-behavior: contain;
}
.msg { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; max-width: 85%; }
.msg.mine { align-self: flex-end; align-items: flex-end; }
.author { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; color: var(--tandem-muted); }
.bubble {
  padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 100%;
  background: color-mix(in srgb, var(--tandem-fg) 8%, var(--tandem-bg));
}
.mine .bubble { background: var(--tandem-accent); color: var(--tandem-accent-text); }
.bubble a { color: inherit; text-decoration: underline; }
.bubble img { display: block; max-width: 100%; max-height: 240px; border-radius: 8px; }
.state { font-size: 12px; color: var(--tandem-muted); }
.replies { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }
.replies button { min-height: 32px; padding: 4px 12px; border-radius: 16px; font-weight: 500; }
.state.failed { color: var(--tandem-danger); }
.note { align-self: center; text-align: center; font-size: 13px; color: var(--tandem-muted); overflow-wrap: anywhere; }
.typing { margin: 0; padding: 0 16px 6px; font-size: 13px; color: var(--tandem-muted); }
.banner { margin: 0; padding: 8px 16px; font-size: 14px; background: color-mix(in srgb, var(--tandem-fg) 6%, var(--tandem-bg)); }
.banner.error, .error { color: var(--tandem-danger); }
.error { margin: 4px 0 0; font-size: 13px; }
.waiting, .confirm, .ended {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 16px;
  border-top: 1px solid var(--tandem-border);
}
.waiting p, .confirm p, .ended > p { flex: 1 1 100%; margin: 0; }
.prechat { flex: 1; overflow-y: auto; padding: 16px; display: grid; align-content: start; gap: 12px; }
.prechat p { margin: 0; }
.field { display: grid; gap: 4px; }
.field label, .rating label { font-weight: 600; font-size: 14px; }
.hint { font-weight: 400; color: var(--tandem-muted); }
.chat :is(input:not([type="radio"]), select, textarea) {
  width: 100%; min-height: 40px; padding: 8px 10px; border: 1px solid var(--tandem-border);
  border-radius: 8px; background: var(--tandem-bg);
}
.chat [aria-invalid="true"] { border-color: var(--tandem-danger); }
.composer { padding: 8px 12px 12px; border-top: 1px solid var(--tandem-border); padding-bottom: max(12px, env(safe-area-inset-bottom)); }
.composer textarea { resize: none; max-height: 120px; }
.composer-row { display: flex; justify-content: space-between; align-items: center; margin-top: 6px; }
.emoji { position: relative; }
.emoji summary { list-style: none; display: grid; place-items: center; width: 36px; height: 36px; cursor: pointer; border-radius: 50%; font-size: 20px; }
.emoji summary::-webkit-details-marker { display: none; }
.emoji-list {
  position: absolute; bottom: 40px; inset-inline-start: 0; display: grid; grid-template-columns: repeat(4, 36px);
  gap: 4px; padding: 6px; background: var(--tandem-bg); border: 1px solid var(--tandem-border); border-radius: 8px;
}
.emoji-list button { width: 36px; height: 36px; border: 0; background: transparent; cursor: pointer; font-size: 20px; }
.primary, .secondary {
  min-height: 40px; padding: 8px 16px; border-radius: 8px; cursor: pointer; font-weight: 600;
  border: 1px solid var(--tandem-accent);
}
.primary { background: var(--tandem-accent); color: var(--tandem-accent-text); }
.secondary { background: transparent; color: var(--tandem-fg); }
.primary:disabled { opacity: 0.6; cursor: default; }
.wide { width: 100%; }
.link-button { padding: 0; border: 0; background: none; color: inherit; text-decoration: underline; cursor: pointer; min-height: 24px; }
.rating { flex: 1 1 100%; display: grid; gap: 6px; }
.rating fieldset { margin: 0; padding: 0; border: 0; }
.rating legend { padding: 0; margin-bottom: 4px; font-weight: 600; }
.stars { display: flex; gap: 4px; }
.stars label { position: relative; display: grid; place-items: center; width: 36px; height: 36px; cursor: pointer; font-size: 26px; color: var(--tandem-muted); }
.stars input { position: absolute; inset: 0; margin: 0; opacity: 0; cursor: pointer; }
.stars label:has(~ label input:checked), .stars label:has(input:checked) { color: var(--tandem-accent); }
.stars label:has(input:focus-visible) { outline: 3px solid var(--tandem-focus); border-radius: 6px; }
.badge {
  min-width: 20px; padding: 0 6px; border-radius: 10px; font-size: 12px; line-height: 20px; text-align: center;
  background: var(--tandem-danger); color: var(--tandem-bg);
}
.offline-sent { padding: 16px; }
@media (max-width: 479px) {
  .chat {
    inset: var(--tandem-vtop, 0px) 0 auto 0; width: auto; height: var(--tandem-vh, 100dvh); border-radius: 0; border: 0;
    padding: env(safe-area-inset-top) env(safe-area-inset-right) 0 env(safe-area-inset-left);
  }
}
`;
