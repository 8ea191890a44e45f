import { describe, expect, it, vi } from 'vitest';
import { customerTypingMs } from '../src/control/executor';
import { mode, page, place, setup } from './executor-harness';

describe('remote control: what the agent may do in write mode', () => {
  it('types through the prototype setter, so a framework’s instance value tracker sees the change', () => {
    const { executor, idOf } = setup('<input data-id="1" name="city">');
    const input = document.querySelector('input') as HTMLInputElement;
    // What React does: an own `value` property on the element that remembers the last value it set.
    let tracked = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => tracked,
      set: (value: string) => {
        tracked = value;
      },
    });
    const seen: string[] = [];
    input.addEventListener('input', () => seen.push(`input:${tracked}`));
    input.addEventListener('change', () => seen.push('change'));
    expect(executor.run({ type: 'input', page, id: idOf('input'), value: 'Lyon' })).toEqual({ ok: true });
    // The tracker still holds the old value, so the framework sees the new one as a change.
    expect(tracked).toBe('');
    expect(seen).toEqual(['input:', 'change']);
    delete (input as { value?: string }).value;
    expect(input.value).toBe('Lyon');
  });

  it('clicks, checks, selects, focuses and scrolls', () => {
    const { executor, idOf, click } = setup(`
      <button data-id="1" type="button">Add</button>
      <input data-id="2" type="checkbox" name="gift">
      <select data-id="3" name="size"><option value="s">S</option><option value="l">L</option></select>
      <input data-id="4" name="name">
      <div data-id="5" style="overflow:auto;height:10px"><p style="height:100px">long</p></div>`);
    const clicks = vi.fn();
    document.querySelector('button')?.addEventListener('click', clicks);
    expect(click('button')).toEqual({ ok: true });
    expect(clicks).toHaveBeenCalledOnce();
    expect(executor.run({ type: 'check', page, id: idOf('[name=gift]'), checked: true })).toEqual({
      ok: true,
    });
    expect((document.querySelector('[name=gift]') as HTMLInputElement).checked).toBe(true);
    const changed = vi.fn();
    document.querySelector('select')?.addEventListener('change', changed);
    expect(executor.run({ type: 'select', page, id: idOf('select'), value: 'l' })).toEqual({ ok: true });
    expect((document.querySelector('select') as HTMLSelectElement).value).toBe('l');
    expect(changed).toHaveBeenCalledOnce();
    expect(executor.run({ type: 'select', page, id: idOf('select'), value: 'xl' })).toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(executor.run({ type: 'focus', page, id: idOf('[name=name]') })).toEqual({ ok: true });
    expect(document.activeElement).toBe(document.querySelector('[name=name]'));
    expect(executor.run({ type: 'scroll', page, id: idOf('div'), x: 0, y: 40 })).toEqual({ ok: true });
    expect((document.querySelector('div') as HTMLElement).scrollTop).toBe(40);
  });

  it('presses Tab to the next field it may focus, skipping protected ones, and Escape reaches the page', () => {
    const { executor, idOf } = setup(`
      <input data-id="1" name="first">
      <input data-id="2" name="secret" data-tandem-mask>
      <input data-id="3" name="last">`);
    (document.querySelector('[name=first]') as HTMLInputElement).focus();
    expect(executor.run({ type: 'key', page, id: idOf('[name=first]'), key: 'Tab' })).toEqual({ ok: true });
    expect(document.activeElement).toBe(document.querySelector('[name=last]'));
    const keys: string[] = [];
    document.addEventListener('keydown', (event) => keys.push(event.key));
    executor.run({ type: 'key', page, id: idOf('[name=last]'), key: 'Escape' });
    expect(keys).toEqual(['Escape']);
  });

  it('follows a link within the allowed origins', () => {
    const { click } = setup('<a data-id="1" href="/product.html">Beans</a>');
    const followed = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('a')?.addEventListener('click', followed);
    expect(click('a')).toEqual({ ok: true });
    expect(followed).toHaveBeenCalledOnce();
  });
});

describe('remote control: every refusal rule', () => {
  it('refuses anything outside write mode', () => {
    const { executor, click, idOf } = setup(
      '<button data-id="1" type="button">Add</button><input data-id="2">',
    );
    mode.write = false;
    expect(click('button')).toEqual({ ok: false, reason: 'pointer_mode' });
    expect(executor.run({ type: 'input', page, id: idOf('input'), value: 'x' })).toEqual({
      ok: false,
      reason: 'pointer_mode',
    });
  });

  it('refuses an action aimed at a page the customer has left', () => {
    const { executor, idOf } = setup('<input data-id="1">');
    expect(executor.run({ type: 'input', page: 'page-0', id: idOf('input'), value: 'x' })).toEqual({
      ok: false,
      reason: 'page_left',
    });
  });

  it('refuses what is not a control action, and elements that are gone', () => {
    const { executor } = setup('<input data-id="1">');
    for (const junk of [
      null,
      'click',
      { type: 'eval', page, id: 1 },
      { type: 'key', page, id: 1, key: 'F5' },
    ])
      expect(executor.run(junk)).toEqual({ ok: false, reason: 'invalid' });
    expect(executor.run({ type: 'focus', page, id: 99 })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('refuses every action on masked, hidden and readonly elements and on anything inside them', () => {
    const { executor, idOf, click } = setup(`
      <input data-id="1" name="card" autocomplete="cc-number">
      <div data-tandem-hide><button data-id="2" type="button">Loyalty</button></div>
      <fieldset data-tandem-readonly><input data-id="3" name="locked"></fieldset>
      <input data-id="4" name="pin" type="password">
      <label data-id="5">Keep me signed in <input data-id="6" type="checkbox" data-tandem-mask></label>
      <div data-id="7" data-tandem-mask><span data-id="8">secret</span></div>`);
    const refused = { ok: false, reason: 'protected' };
    for (const name of ['card', 'locked', 'pin']) {
      const id = idOf(`[name=${name}]`);
      expect(executor.run({ type: 'input', page, id, value: 'x' }), name).toEqual(refused);
      expect(executor.run({ type: 'focus', page, id }), name).toEqual(refused);
      expect(executor.run({ type: 'key', page, id, key: 'Enter' }), name).toEqual(refused);
    }
    expect(click('[data-tandem-hide] button')).toEqual(refused);
    // A label's click would toggle the masked checkbox it labels.
    expect(click('label')).toEqual(refused);
    expect(executor.run({ type: 'check', page, id: 6, checked: true })).toEqual(refused);
    expect(executor.run({ type: 'scroll', page, id: 7, x: 0, y: 10 })).toEqual(refused);
    expect(click('[data-id="8"]')).toEqual(refused);
    expect((document.querySelector('[type=checkbox]') as HTMLInputElement).checked).toBe(false);
  });

  it('refuses readonly elements given by config selectors for the page’s URL', () => {
    const { executor, idOf } = setup('<input data-id="1" name="coupon">', [
      { urls: ['/checkout*'], readonly: ['[name=coupon]'] },
    ]);
    expect(executor.run({ type: 'input', page, id: idOf('input'), value: 'FREE' })).toEqual({
      ok: false,
      reason: 'protected',
    });
  });

  it('refuses pressing a readonly submit control, by click or by Enter in a field of its form', () => {
    const { executor, idOf, click } = setup(`
      <form action="/checkout"><input data-id="1" name="email"><button data-id="2">Place order</button></form>`);
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')?.addEventListener('submit', submitted);
    expect(click('button')).toEqual({ ok: false, reason: 'protected' });
    expect(executor.run({ type: 'key', page, id: idOf('[name=email]'), key: 'Enter' })).toEqual({
      ok: false,
      reason: 'protected',
    });
    expect(submitted).not.toHaveBeenCalled();
  });

  it('refuses submitting a readonly form, even through a button that is not readonly itself', () => {
    const { click } = setup(`
      <form data-tandem-readonly action="/pay"><button data-id="1" type="button" name="go">Go</button></form>
      <form id="f2" data-tandem-readonly action="/pay"></form>
      <input data-id="2" type="submit" form="f2" class="outside" data-tandem-ok>`);
    expect(click('[name=go]')).toEqual({ ok: false, reason: 'protected' });
    expect(click('.outside')).toEqual({ ok: false, reason: 'protected' });
  });

  it('refuses links and forms that lead outside the allowed origins', () => {
    const { click } = setup(`
      <a data-id="1" href="https://elsewhere.example/">Elsewhere</a>
      <a data-id="2" href="javascript:alert(1)">Script</a>`);
    expect(click('[data-id="1"]')).toEqual({ ok: false, reason: 'origin' });
    expect(click('[data-id="2"]')).toEqual({ ok: false, reason: 'origin' });
  });

  it('refuses a click when something else now covers the element on the customer’s screen', () => {
    const { $, click } = setup(
      '<button data-id="1" type="button">Add</button><p data-id="2" class="banner">Cookies?</p>',
    );
    place($('button'), 100, 100, 80, 30);
    place($('.banner'), 0, 90, 400, 60);
    const clicks = vi.fn();
    $('button').addEventListener('click', clicks);
    expect(click('button', { x: 140, y: 115 })).toEqual({ ok: false, reason: 'moved' });
    expect(clicks).not.toHaveBeenCalled();
  });

  it('lets the customer’s own typing win in the same field, for two seconds after their last key', () => {
    const { executor, clock, idOf } = setup(
      '<input data-id="1" name="name"><input data-id="2" name="other">',
    );
    const input = document.querySelector('[name=name]') as HTMLInputElement;
    // A trusted keystroke, as the browser would deliver it.
    const customerKey = new KeyboardEvent('keydown', { key: 'a', bubbles: true });
    Object.defineProperty(customerKey, 'isTrusted', { value: true });
    input.dispatchEvent(customerKey);
    expect(executor.run({ type: 'input', page, id: idOf('[name=name]'), value: 'agent' })).toEqual({
      ok: false,
      reason: 'customer_typing',
    });
    expect(executor.run({ type: 'input', page, id: idOf('[name=other]'), value: 'agent' })).toEqual({
      ok: true,
    });
    clock.advance(customerTypingMs);
    expect(executor.run({ type: 'input', page, id: idOf('[name=name]'), value: 'agent' })).toEqual({
      ok: true,
    });
  });

  it('stops listening to the page when destroyed', () => {
    const { executor } = setup('<input data-id="1">');
    const remove = vi.spyOn(document, 'removeEventListener');
    executor.destroy();
    expect(remove.mock.calls.map(([type]) => type)).toEqual(['keydown', 'input']);
  });
});
