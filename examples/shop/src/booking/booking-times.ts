import { css, html, LitElement } from 'lit';

export const times = ['19:00', '20:30', '22:00'] as const;

/**
 * The time of the booking: a radio group in its own shadow root, inside the booking form's (co-browse has
 * to reach a field two shadow roots deep). It tells the form with a `time-change` event.
 */
export class BookingTimes extends LitElement {
  static override properties = { value: {} };
  static override styles = css`
    :host {
      display: block;
    }
    fieldset {
      display: flex;
      gap: 16px;
      margin: 0;
      border: 1px solid #d8cbb8;
      border-radius: 8px;
    }
    label {
      display: flex;
      gap: 6px;
      align-items: center;
    }
  `;
  declare value: string;

  constructor() {
    super();
    this.value = times[0];
  }

  private pick(time: string): void {
    this.value = time;
    this.dispatchEvent(new CustomEvent('time-change', { detail: time, bubbles: true, composed: true }));
  }

  override render() {
    return html`<fieldset>
      <legend>Time</legend>
      ${times.map(
        (time) =>
          html`<label
            ><input
              type="radio"
              name="time"
              value=${time}
              .checked=${this.value === time}
              @change=${() => this.pick(time)}
            />
            ${time}</label
          >`,
      )}
    </fieldset>`;
  }
}
