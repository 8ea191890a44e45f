import { getDocument } from '@tandem/sdk-core';

/** True when focus fell to the body (the element that held it went away), not moved by the visitor. */
export function focusLost(): boolean {
  const doc = getDocument();
  return !doc?.activeElement || doc.activeElement === doc.body;
}

/** Puts focus on the part of a window marked data-autofocus (its first field, or the message box). */
export function focusIn(slot: HTMLElement): void {
  slot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
}
