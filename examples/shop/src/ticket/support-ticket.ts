import type { ConsentBox } from './consent-box';
import type { PrivateField } from './private-field';
import { fieldStyles, sheet } from './styles';

const topics: Record<string, string> = { order: 'Order', billing: 'Billing', beans: 'Coffee' };

// Static markup only (no data of the customer's goes through innerHTML): the state is read from the fields.
const template = `
  <form aria-label="Support ticket">
    <slot name="intro"></slot>
    <label>Email <input name="email" type="email" autocomplete="email"></label>
    <label>What happened? <textarea name="message" rows="2"></textarea></label>
    <label>Topic
      <select name="topic">
        <option value="order">An order</option><option value="billing">Billing</option>
        <option value="beans">Our coffee</option>
      </select>
    </label>
    <fieldset>
      <legend>Reply by</legend>
      <label class="inline"><input type="radio" name="reply" value="email" checked> Email</label>
      <label class="inline"><input type="radio" name="reply" value="phone"> Phone</label>
    </fieldset>
    <label class="inline"><input type="checkbox" name="urgent"> Urgent</label>
    <private-field name="order" label="Order number (kept private)" data-tandem-mask></private-field>
    <consent-box label="Send me the newsletter" data-tandem-readonly></consent-box>
    <button type="button">Send</button>
    <p class="hint">Or press Enter in your email.</p>
  </form>
  <section aria-label="Ticket summary" aria-live="polite">
    <h2>Your ticket</h2>
    <p data-summary="ticket">No ticket yet</p>
    <p data-summary="message"></p>
    <p data-summary="extras"></p>
  </section>`;

const layout = sheet(`
  :host { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
  form { display: grid; gap: 12px; }
  fieldset { display: flex; gap: 16px; margin: 0; border: 1px solid #d8cbb8; border-radius: 8px; }
  button { justify-self: start; padding: 8px 14px; border: 1px solid #7a3e00; border-radius: 6px;
    background: #7a3e00; color: #fff; cursor: pointer; }
  .hint { margin: 0; color: #5c5248; }
  section { padding: 12px 16px; border: 1px solid #d8cbb8; border-radius: 8px; }
  h2 { margin-top: 0; font-size: 1.1em; }
  @media (max-width: 640px) { :host { grid-template-columns: 1fr; } }
`);

/**
 * "Support ticket", plain custom elements and no framework: a form in an open shadow root, with a masked
 * field and a readonly checkbox each in a nested shadow root of its own. Enter in the email sends it (no
 * submit button, so the agent may); the summary is rendered from the state the form held then.
 */
export class SupportTicket extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [fieldStyles, layout];
    root.innerHTML = template;
    const form = root.querySelector('form') as HTMLFormElement;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send(form);
    });
    root.querySelector('button')?.addEventListener('click', () => this.send(form));
  }

  private send(form: HTMLFormElement): void {
    const root = this.shadowRoot as ShadowRoot;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const reply = (form.elements.namedItem('reply') as RadioNodeList).value;
    const urgent = field('urgent').checked ? ', urgent' : '';
    const who = field('email').value || 'no email';
    const summary = `${topics[field('topic').value] ?? 'Other'} ticket from ${who}${urgent}, reply by ${reply}`;
    const order = (root.querySelector('private-field') as PrivateField).value
      ? 'Order number given'
      : 'No order number';
    const news = (root.querySelector('consent-box') as ConsentBox).checked ? 'newsletter' : 'no newsletter';
    (root.querySelector('[data-summary="ticket"]') as HTMLElement).textContent = summary;
    const message = (form.elements.namedItem('message') as HTMLTextAreaElement).value.trim();
    (root.querySelector('[data-summary="message"]') as HTMLElement).textContent = message
      ? `“${message}”`
      : 'No message';
    (root.querySelector('[data-summary="extras"]') as HTMLElement).textContent = `${order}, ${news}`;
  }
}
