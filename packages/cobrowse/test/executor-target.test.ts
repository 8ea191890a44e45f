import { describe, expect, it, vi } from 'vitest';
import { page, place, setup, unrender } from './executor-harness';

// The agent's x and y come from the agent's own layout of the page (another engine, another font): the
// customer's page acts on the node the agent clicked, and checks that node where it is on their screen.

const grind = `
  <fieldset data-id="1">
    <label data-id="2" class="espresso"><input data-id="3" type="radio" name="grind" value="espresso"> Espresso</label>
    <label data-id="4" class="filter"><input data-id="5" type="radio" name="grind" value="filter"> Filter</label>
  </fieldset>`;

describe('remote control acts on the node the agent clicked', () => {
  it('clicks a radio the customer’s layout puts a few pixels away from where the agent clicked it', () => {
    const { $, click } = setup(grind);
    place($('fieldset'), 0, 80, 400, 80);
    place($('.espresso'), 10, 96, 120, 20);
    place($('[value=espresso]'), 14, 100, 13, 13);
    // The agent's replay drew the radio 4 px higher and to the left: that point is the label's margin here,
    // which the old check (elementFromPoint at the agent's point inside the node) refused as "moved".
    const agentPoint = { x: 12, y: 97 };
    expect(document.elementFromPoint(agentPoint.x, agentPoint.y)).toBe($('.espresso'));
    expect($('[value=espresso]').contains(document.elementFromPoint(agentPoint.x, agentPoint.y))).toBe(false);
    const pressed: Array<[string, number, number]> = [];
    for (const type of ['pointerdown', 'mousedown', 'click'])
      $('[value=espresso]').addEventListener(type, (event) => {
        const { clientX, clientY } = event as MouseEvent;
        pressed.push([type, clientX, clientY]);
      });
    expect(click('[value=espresso]', agentPoint)).toEqual({ ok: true });
    expect($<HTMLInputElement>('[value=espresso]').checked).toBe(true);
    // Pointer events carry the middle of the radio on the customer's screen, not the agent's point.
    expect(pressed.slice(0, 2)).toEqual([
      ['pointerdown', 20.5, 106.5],
      ['mousedown', 20.5, 106.5],
    ]);
  });

  it('acts when the middle of the element shows its own content, its container or its label', () => {
    const { $, click } = setup(`
      <button data-id="1" type="button"><span data-id="2">Add</span></button>
      <div class="row"><input data-id="3" id="gift" type="checkbox"><label for="gift" class="cover">Gift</label></div>`);
    place($('button'), 0, 0, 100, 40);
    place($('span'), 30, 10, 40, 20);
    place($('.row'), 0, 50, 300, 40);
    // A styled label drawn over its own checkbox, as custom checkboxes often are.
    place($('#gift'), 5, 60, 16, 16);
    place($('.cover'), 0, 55, 200, 30);
    expect(click('button', { x: 50, y: 20 })).toEqual({ ok: true });
    expect(click('#gift', { x: 12, y: 66 })).toEqual({ ok: true });
    expect($<HTMLInputElement>('#gift').checked).toBe(true);
  });

  it('clicks an element scrolled out of the customer’s viewport without a hit test there', () => {
    const { $, click } = setup('<button data-id="1" type="button">Far below</button>');
    place($('button'), 10, 5000, 100, 30);
    const clicks = vi.fn();
    $('button').addEventListener('click', clicks);
    expect(click('button', { x: 60, y: 700 })).toEqual({ ok: true });
    expect(clicks).toHaveBeenCalledOnce();
  });

  it('refuses a node that is gone, no longer rendered, hidden from view, inert or disabled', () => {
    const { $, idOf, click, executor } = setup(`
      <button data-id="1" type="button" class="gone">Gone</button>
      <button data-id="2" type="button" class="collapsed">Collapsed</button>
      <button data-id="3" type="button" class="invisible">Invisible</button>
      <div inert><button data-id="4" type="button" class="inert">Behind a dialog</button></div>
      <button data-id="5" type="button" class="off" disabled><span data-id="6">Off</span></button>
      <input data-id="7" name="locked" disabled>`);
    const collapsed = $('.collapsed');
    unrender(collapsed);
    $('.invisible').checkVisibility = () => false;
    const gone = idOf('.gone');
    $('.gone').remove();
    expect(executor.run({ type: 'click', page, id: gone, x: 1, y: 1 })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(click('.collapsed')).toEqual({ ok: false, reason: 'not_found' });
    expect(executor.run({ type: 'focus', page, id: idOf('.collapsed') })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(click('.invisible')).toEqual({ ok: false, reason: 'not_found' });
    expect(click('.inert')).toEqual({ ok: false, reason: 'unsupported' });
    expect(click('.off')).toEqual({ ok: false, reason: 'unsupported' });
    expect(click('.off span')).toEqual({ ok: false, reason: 'unsupported' });
    expect(executor.run({ type: 'input', page, id: idOf('[name=locked]'), value: 'x' })).toEqual({
      ok: false,
      reason: 'unsupported',
    });
  });

  it('checks protection before anything else: a protected element that is also covered is protected', () => {
    const { $, click } = setup(`
      <input data-id="1" name="card" autocomplete="cc-number"><p data-id="2" class="banner">Sale!</p>`);
    place($('[name=card]'), 0, 0, 200, 30);
    place($('.banner'), 0, 0, 400, 60);
    expect(click('[name=card]')).toEqual({ ok: false, reason: 'protected' });
  });
});
