import { describe, expect, it, vi } from 'vitest';
import { customerTypingMs } from '../src/control/executor';
import { page, setup } from './executor-harness';

// Lit apps and plain custom elements keep their fields in open shadow roots, sometimes one in another.

const bookingForm = `
  <form data-id="10" action="/book">
    <label>Name <input data-id="11" name="name"></label>
    <label><input data-id="12" type="checkbox" name="terrace"> Terrace</label>
    <input data-id="13" type="radio" name="time" value="19:00"><input data-id="14" type="radio" name="time" value="21:00">
    <select data-id="15" name="guests"><option value="2">2</option><option value="4">4</option></select>
  </form>`;

/** A booking app two shadow roots deep: <booking-app> holds <booking-form>, which holds the form. */
function nestedApp(html = '<booking-app></booking-app>') {
  const ctx = setup(html);
  const outer = ctx.shadow('booking-app', '<h2>Book a table</h2><booking-form></booking-form>');
  const inner = ctx.$('booking-form').attachShadow({ mode: 'open' });
  inner.innerHTML = bookingForm;
  return { ...ctx, outer, inner };
}

describe('remote control inside open shadow roots', () => {
  it('clicks, types, checks, picks and submits by Enter in a form two shadow roots deep', () => {
    const ctx = nestedApp();
    const { executor, $, idOf, click } = ctx;
    const run = (action: Record<string, unknown>) => executor.run({ page, ...action });
    const typed: string[] = [];
    $('[name=name]').addEventListener('input', (event) =>
      typed.push((event.target as HTMLInputElement).value),
    );
    expect(click('[name=name]')).toEqual({ ok: true });
    expect(ctx.inner.activeElement).toBe($('[name=name]'));
    expect(executor.focused()).toBe($('[name=name]'));
    expect(run({ type: 'input', id: idOf('[name=name]'), value: 'Ada' })).toEqual({ ok: true });
    expect(typed).toEqual(['Ada']);
    expect(click('[name=terrace]')).toEqual({ ok: true });
    expect($('[name=terrace]').checked).toBe(true);
    expect(click('[value="21:00"]')).toEqual({ ok: true });
    expect($('[value="21:00"]').checked).toBe(true);
    expect(run({ type: 'select', id: idOf('[name=guests]'), value: '4' })).toEqual({ ok: true });
    expect($<HTMLSelectElement>('[name=guests]').value).toBe('4');
    expect(run({ type: 'check', id: idOf('[name=terrace]'), checked: false })).toEqual({ ok: true });
    expect($('[name=terrace]').checked).toBe(false);
    // Enter in the field submits the form it belongs to, there in the shadow root (it has no button).
    const submitted = vi.fn((event: Event) => event.preventDefault());
    $('form').addEventListener('submit', submitted);
    expect(run({ type: 'key', id: idOf('[name=name]'), key: 'Enter' })).toEqual({ ok: true });
    expect(submitted).toHaveBeenCalledOnce();
  });

  it('protects shadow content by a tag on the host, on an element around it, or inside, and by default', () => {
    const ctx = setup(`
      <secret-box data-id="1" data-tandem-mask></secret-box>
      <section data-tandem-readonly><plain-box></plain-box></section>
      <open-box></open-box>`);
    ctx.shadow('secret-box', '<input data-id="2" name="masked-by-host">');
    ctx.shadow('plain-box', '<nested-box></nested-box>');
    ctx.shadow('nested-box', '<input data-id="3" name="readonly-outside"><a data-id="4" href="/x">Go</a>');
    ctx.shadow(
      'open-box',
      `<input data-id="5" name="pin" type="password"><input data-id="6" name="code" data-tandem-readonly>
       <input data-id="7" name="free"><a data-id="8" href="https://elsewhere.example/">Away</a>
       <form action="/pay"><input data-id="9" name="amount"><button data-id="10">Pay</button></form>`,
    );
    const { executor, idOf, click } = ctx;
    const refused = { ok: false, reason: 'protected' };
    for (const name of ['masked-by-host', 'readonly-outside', 'pin', 'code']) {
      const id = idOf(`[name="${name}"]`);
      expect(click(`[name="${name}"]`), name).toEqual(refused);
      expect(executor.run({ type: 'input', page, id, value: 'x' }), name).toEqual(refused);
      expect(executor.run({ type: 'focus', page, id }), name).toEqual(refused);
      expect(executor.run({ type: 'key', page, id, key: 'Enter' }), name).toEqual(refused);
    }
    expect(click('[data-id="4"]')).toEqual(refused);
    expect(click('[data-id="8"]')).toEqual({ ok: false, reason: 'origin' });
    // Enter in a field presses the form's default button: a submit button, readonly by default.
    expect(executor.run({ type: 'key', page, id: idOf('[name=amount]'), key: 'Enter' })).toEqual(refused);
    expect(click('[data-id="10"]')).toEqual(refused);
    expect(executor.run({ type: 'input', page, id: idOf('[name=free]'), value: 'ok' })).toEqual({ ok: true });
  });

  it('follows the composed tree out of a shadow root: a link or submit button around the host counts', () => {
    const ctx = setup(`
      <a href="https://elsewhere.example/"><promo-card></promo-card></a>
      <form action="/pay"><button><pay-label></pay-label></button></form>`);
    ctx.shadow('promo-card', '<span data-id="1">Half price</span>');
    ctx.shadow('pay-label', '<b data-id="2">Pay now</b>');
    expect(ctx.click('[data-id="1"]')).toEqual({ ok: false, reason: 'origin' });
    expect(ctx.click('[data-id="2"]')).toEqual({ ok: false, reason: 'protected' });
  });

  it('moves Tab through the fields of shadow roots and slots in order, skipping protected ones', () => {
    const ctx = setup(`
      <input data-id="1" name="first">
      <card-form><input data-id="6" name="slotted"></card-form>
      <input data-id="7" name="last">`);
    ctx.shadow(
      'card-form',
      `<input data-id="2" name="a"><input data-id="3" name="secret" data-tandem-mask>
       <inner-part></inner-part><slot></slot>`,
    );
    ctx.shadow(
      'inner-part',
      '<select data-id="4" name="b"><option>x</option></select><button data-id="5" type="button" disabled>Off</button>',
    );
    const order: string[] = [];
    ctx.$('[name=first]').focus();
    for (let press = 0; press < 4; press++) {
      const from = ctx.executor.focused() as HTMLInputElement;
      expect(ctx.executor.run({ type: 'key', page, id: Number(from.dataset.id), key: 'Tab' })).toEqual({
        ok: true,
      });
      order.push((ctx.executor.focused() as HTMLInputElement).name);
    }
    expect(order).toEqual(['a', 'b', 'slotted', 'last']);
    ctx.executor.run({ type: 'key', page, id: 7, key: 'Tab', shift: true });
    expect((ctx.executor.focused() as HTMLInputElement).name).toBe('slotted');
    // Two quick presses carry the same id (the agent hears where the focus went later): the second goes on.
    ctx.$('[name=first]').focus();
    ctx.executor.run({ type: 'key', page, id: 1, key: 'Tab' });
    ctx.executor.run({ type: 'key', page, id: 1, key: 'Tab' });
    expect((ctx.executor.focused() as HTMLInputElement).name).toBe('b');
  });

  it('lets the customer’s own typing in a shadow field win', () => {
    const ctx = setup('<note-box></note-box>');
    ctx.shadow('note-box', '<textarea data-id="1" name="note"></textarea>');
    const key = new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true });
    Object.defineProperty(key, 'isTrusted', { value: true });
    ctx.$('[name=note]').dispatchEvent(key);
    const type = () => ctx.executor.run({ type: 'input', page, id: 1, value: 'agent' });
    expect(type()).toEqual({ ok: false, reason: 'customer_typing' });
    ctx.clock.advance(customerTypingMs);
    expect(type()).toEqual({ ok: true });
  });
});
