// What the click-to-call window adds to the shared window frame.
export const callStyles = `
@media (min-width: 480px) { .window.call { height: auto; max-height: min(640px, calc(var(--tandem-vh, 100vh) - var(--tandem-offset) - 80px)); } }
.phone { display: flex; gap: 6px; }
.window .phone select { flex: 0 1 auto; width: auto; max-width: 55%; }
.window .phone input { flex: 1 1 0; min-width: 0; }
.window .call-form { padding: 0; gap: 0; overflow: hidden; display: flex; flex-direction: column; }
.form-body { flex: 1 1 auto; min-height: 0; overflow-y: auto; padding: 16px; display: grid; align-content: start; gap: 12px; }
.form-actions { display: grid; gap: 8px; padding: 12px 16px 16px; border-top: 1px solid var(--tandem-border); }
.form-actions p { margin: 0; }
.number {
  display: block; font-size: 28px; font-weight: 700; line-height: 1.2; color: inherit;
  overflow-wrap: anywhere; text-align: start;
}
.code { font-size: 22px; letter-spacing: 0.15em; }
.choice { display: grid; gap: 6px; margin: 0; padding: 0; border: 0; }
.choice legend { padding: 0; margin-bottom: 4px; font-weight: 600; font-size: 14px; }
.choice label, .check { display: flex; align-items: center; gap: 8px; min-height: 24px; }
.window .choice input, .window .check input { width: 20px; min-height: 20px; margin: 0; }
`;
