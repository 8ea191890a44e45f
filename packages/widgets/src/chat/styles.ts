// What the chat and messaging windows add to the shared window frame.
export const chatStyles = `
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
.log-frame { flex: 1; min-height: 0; position: relative; display: flex; flex-direction: column; }
.log {
  flex: 1; overflow-y: auto; margin: 0; padding: 12px 16px;
  display: flex; flex-direction: column; gap: 10px; overscroll-behavior: contain;
}
.log > p { margin: 0; }
.new-messages {
  position: absolute; bottom: 8px; left: 50%; transform: translateX(-50%); min-height: 32px; padding: 4px 14px;
  border: 0; border-radius: 16px; background: var(--tandem-accent); color: var(--tandem-accent-text);
  box-shadow: var(--tandem-shadow); font-weight: 600; cursor: pointer;
}
.msg { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; max-width: 85%; }
.msg.mine { align-self: flex-end; align-items: flex-end; }
.msg.grouped { margin-top: -6px; }
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
.replies button { min-height: 32px; max-width: 100%; padding: 4px 12px; border-radius: 16px; font-weight: 500; overflow-wrap: anywhere; text-align: start; }
.state.failed { color: var(--tandem-danger); }
.note { align-self: center; text-align: center; font-size: 13px; color: var(--tandem-muted); overflow-wrap: anywhere; }
.typing { margin: 0; padding: 0 16px 6px; font-size: 13px; color: var(--tandem-muted); }
.typing:empty { padding: 0; }
.composer { padding: 8px 12px 12px; border-top: 1px solid var(--tandem-border); padding-bottom: max(12px, env(safe-area-inset-bottom)); }
.composer textarea { resize: none; max-height: 120px; }
.composer-row { display: flex; justify-content: space-between; align-items: center; margin-top: 6px; }
.emoji { position: relative; }
.emoji summary { list-style: none; display: grid; place-items: center; width: 36px; height: 36px; cursor: pointer; border-radius: 50%; font-size: 20px; }
.emoji summary::-webkit-details-marker { display: none; }
.emoji summary svg { width: 22px; height: 22px; fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; }
.stars label svg { width: 26px; height: 26px; fill: currentColor; stroke: none; }
.emoji-list {
  position: absolute; bottom: 40px; inset-inline-start: 0; display: grid; grid-template-columns: repeat(4, 36px);
  gap: 4px; padding: 6px; background: var(--tandem-bg); border: 1px solid var(--tandem-border); border-radius: 8px;
}
.emoji-list button { width: 36px; height: 36px; border: 0; background: transparent; cursor: pointer; font-size: 20px; }
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
`;
