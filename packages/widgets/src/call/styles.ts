// What the click-to-call window adds to the shared window frame.
export const callStyles = `
@media (min-width: 480px) { .window.call { height: auto; max-height: min(640px, calc(var(--tandem-vh, 100vh) - var(--tandem-offset) - 80px)); } }
.phone { display: flex; gap: 6px; }
.window .phone select { flex: 0 1 auto; width: auto; max-width: 55%; }
.window .phone input { flex: 1 1 0; min-width: 0; }
/* The action stays in view however long the form: the fields scroll under it. */
.window form.panel > button[type="submit"] { position: sticky; bottom: 0; box-shadow: 0 -10px 10px var(--tandem-bg); }
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
