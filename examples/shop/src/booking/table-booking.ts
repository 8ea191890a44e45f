import { css, html, LitElement } from 'lit';
import { times } from './booking-times';

interface Booking {
  readonly name: string;
  readonly guests: number;
  readonly time: string;
  readonly terrace: boolean;
  readonly diet: boolean;
  readonly deposit: boolean;
}

const value = (event: Event) => (event.target as HTMLInputElement).value;
const checked = (event: Event) => (event.target as HTMLInputElement).checked;

/**
 * "Book a table", a Lit app: every field is component state, in an open shadow root, with the time picked
 * in a nested component. Enter in the name books (the form has no submit button, so the agent may submit
 * it); the dietary needs are masked for co-browse and the deposit is the customer's own choice (readonly).
 */
export class TableBooking extends LitElement {
  static override properties = {
    name: { state: true },
    guests: { state: true },
    time: { state: true },
    terrace: { state: true },
    diet: { state: true },
    deposit: { state: true },
    booked: { state: true },
  };
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 24px;
      align-items: start;
    }
    form {
      display: grid;
      gap: 12px;
    }
    label {
      display: grid;
      gap: 4px;
    }
    label.inline {
      display: flex;
      gap: 6px;
      align-items: center;
    }
    input,
    select,
    textarea,
    button {
      font: inherit;
    }
    input:not([type]),
    select,
    textarea {
      padding: 8px;
      border: 1px solid #8c7a63;
      border-radius: 4px;
    }
    button {
      justify-self: start;
      padding: 8px 14px;
      border: 1px solid #7a3e00;
      border-radius: 6px;
      background: #7a3e00;
      color: #fff;
      cursor: pointer;
    }
    .hint {
      margin: 0;
      color: #5c5248;
    }
    section {
      padding: 12px 16px;
      border: 1px solid #d8cbb8;
      border-radius: 8px;
    }
    h2 {
      margin-top: 0;
      font-size: 1.1em;
    }
    @media (max-width: 640px) {
      :host {
        grid-template-columns: 1fr;
      }
    }
  `;
  declare name: string;
  declare guests: number;
  declare time: string;
  declare terrace: boolean;
  declare diet: string;
  declare deposit: boolean;
  declare booked: Booking | undefined;

  constructor() {
    super();
    this.name = '';
    this.guests = 2;
    this.time = times[0];
    this.terrace = false;
    this.diet = '';
    this.deposit = false;
    this.booked = undefined;
  }

  private book(event?: Event): void {
    event?.preventDefault();
    const { name, guests, time, terrace, deposit } = this;
    // The summary says whether there are dietary needs, never what they are: it is not masked.
    this.booked = { name, guests, time, terrace, deposit, diet: this.diet.trim() !== '' };
  }

  override render() {
    return html`<form aria-label="Book a table" @submit=${this.book}>
        <label>Name <input name="name" autocomplete="name" .value=${this.name} @input=${(e: Event) => {
          this.name = value(e);
        }} /></label>
        <label
          >Guests
          <select name="guests" @change=${(e: Event) => {
            this.guests = Number(value(e));
          }}>
            ${[1, 2, 3, 4, 5, 6].map(
              (count) => html`<option value=${count} .selected=${count === this.guests}>${count}</option>`,
            )}
          </select></label
        >
        <booking-times .value=${this.time} @time-change=${(e: CustomEvent<string>) => {
          this.time = e.detail;
        }}></booking-times>
        <label class="inline"
          ><input type="checkbox" name="terrace" .checked=${this.terrace} @change=${(e: Event) => {
            this.terrace = checked(e);
          }} />
          Terrace table</label
        >
        <label
          >Dietary needs (only the kitchen sees them)
          <textarea name="diet" rows="2" data-tandem-mask @input=${(e: Event) => {
            this.diet = value(e);
          }}></textarea
        ></label>
        <label class="inline"
          ><input type="checkbox" name="deposit" data-tandem-readonly .checked=${this.deposit} @change=${(
            e: Event,
          ) => {
            this.deposit = checked(e);
          }} />
          I agree to a €10 deposit</label
        >
        <button type="button" @click=${() => this.book()}>Book</button>
        <p class="hint">Or press Enter in your name.</p>
      </form>
      <section aria-label="Booking summary" aria-live="polite">
        <h2>Your booking</h2>
        ${this.summary()}
      </section>`;
  }

  private summary() {
    const booked = this.booked;
    if (!booked) return html`<p data-summary="booking">Not booked yet</p>`;
    const where = booked.terrace ? ' on the terrace' : '';
    const line = `Table for ${booked.guests} at ${booked.time}${where}, for ${booked.name || 'a guest'}`;
    return html`<p data-summary="booking">${line}</p>
      <p data-summary="diet">${booked.diet ? 'Dietary needs noted' : 'No dietary needs'}</p>
      <p data-summary="deposit">${booked.deposit ? 'Deposit agreed' : 'No deposit yet'}</p>`;
  }
}
