import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../src/capture/sanitize';
import { watchShadowFields } from '../src/capture/shadow-fields';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A form two shadow roots deep, numbered by data-id as rrweb's mirror would. */
function nestedForm() {
  document.body.innerHTML = '<ticket-app></ticket-app><input data-id="9" name="light">';
  const outer = (document.querySelector('ticket-app') as Element).attachShadow({ mode: 'open' });
  outer.innerHTML = '<ticket-form></ticket-form>';
  const inner = (outer.querySelector('ticket-form') as Element).attachShadow({ mode: 'open' });
  inner.innerHTML = `<input data-id="1" name="email"><input data-id="2" type="checkbox" name="urgent">
    <select data-id="3" name="topic"><option value="a">A</option><option value="b">B</option></select>`;
  const emitted: CaptureEvent[] = [];
  const stop = watchShadowFields(
    document,
    (event) => emitted.push(event),
    (node) => Number((node as Element).getAttribute('data-id') ?? -1),
    () => 7,
  );
  const field = <T extends Element = HTMLInputElement>(name: string) =>
    inner.querySelector(`[name=${name}]`) as unknown as T;
  // What a browser sends: focus crosses shadow roots (composed), change stays in the field's own tree.
  const focus = (element: Element) =>
    element.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  const change = (element: Element) => element.dispatchEvent(new Event('change', { bubbles: true }));
  return { emitted, stop, field, focus, change };
}

describe('the customer’s changes to fields in open shadow roots', () => {
  it('become rrweb input events once the customer has focused or clicked into that shadow root', () => {
    const { emitted, field, focus, change } = nestedForm();
    field('email').value = 'ada@example.com';
    change(field('email'));
    // Before any focus there, the shadow root is not known: rrweb's own setter hooks cover script changes.
    expect(emitted).toEqual([]);
    focus(field('email'));
    change(field('email'));
    field('urgent').checked = true;
    change(field('urgent'));
    field<HTMLSelectElement>('topic').value = 'b';
    change(field('topic'));
    expect(emitted.map((event) => [event.type, event.timestamp, event.data])).toEqual([
      [3, 7, { source: 5, id: 1, text: 'ada@example.com', isChecked: false }],
      [3, 7, { source: 5, id: 2, text: 'on', isChecked: true }],
      [3, 7, { source: 5, id: 3, text: 'b', isChecked: false }],
    ]);
  });

  it('leaves the document’s own fields to rrweb, and stops listening when stopped', () => {
    const { emitted, stop, field, focus, change } = nestedForm();
    const light = document.querySelector('[name=light]') as HTMLInputElement;
    focus(light);
    change(light);
    focus(field('email'));
    stop();
    change(field('email'));
    expect(emitted).toEqual([]);
  });
});
