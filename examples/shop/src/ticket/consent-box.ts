import { fieldStyles } from './styles';

/** A checkbox in its own shadow root; the ticket tags the element data-tandem-readonly (the customer's choice). */
export class ConsentBox extends HTMLElement {
  #box: HTMLInputElement | undefined;

  get checked(): boolean {
    return this.#box?.checked ?? false;
  }

  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [fieldStyles];
    const label = document.createElement('label');
    label.className = 'inline';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'newsletter';
    label.append(box, ' ', this.getAttribute('label') ?? 'I agree');
    root.append(label);
    this.#box = box;
  }
}
