import { fieldStyles } from './styles';

/**
 * A text field in its own shadow root, labelled by its `label` attribute. The ticket tags the element
 * itself data-tandem-mask: co-browse must mask the input inside, which Element.closest cannot see.
 */
export class PrivateField extends HTMLElement {
  #input: HTMLInputElement | undefined;

  get value(): string {
    return this.#input?.value ?? '';
  }

  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [fieldStyles];
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.name = this.getAttribute('name') ?? 'private';
    input.autocomplete = 'off';
    label.append(this.getAttribute('label') ?? 'Private', ' ', input);
    root.append(label);
    this.#input = input;
  }
}
