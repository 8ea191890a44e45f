/** One stylesheet shared by every shadow root of the ticket (constructable: allowed under the shop's CSP). */
export function sheet(text: string): CSSStyleSheet {
  const styles = new CSSStyleSheet();
  styles.replaceSync(text);
  return styles;
}

export const fieldStyles = sheet(`
  :host { display: block; }
  label { display: grid; gap: 4px; }
  label.inline { display: flex; gap: 6px; align-items: center; }
  input, select, textarea, button { font: inherit; }
  input:not([type=checkbox]):not([type=radio]), select, textarea {
    padding: 8px; border: 1px solid #8c7a63; border-radius: 4px;
  }
`);
