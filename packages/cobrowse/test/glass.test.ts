import { afterEach, describe, expect, it } from 'vitest';
import { attachGlass } from '../src/agent/glass';
import { deepQuery } from './executor-harness';

// The agent's side: what the glass sends when the agent clicks and types over a replayed shadow-DOM app.

/** The replayed page: a <booking-app> whose shadow root holds a <booking-form> whose shadow root holds the form. */
function replayedApp() {
  const doc = document.implementation.createHTMLDocument('replay');
  doc.body.innerHTML = '<booking-app data-id="1"></booking-app>';
  const app = doc.querySelector('booking-app') as Element;
  const outer = app.attachShadow({ mode: 'open' });
  outer.innerHTML = '<booking-form data-id="2"></booking-form>';
  const form = outer.querySelector('booking-form') as Element;
  const inner = form.attachShadow({ mode: 'open' });
  inner.innerHTML = `<input data-id="3" name="name" value="Ad">
    <select data-id="4" name="guests"><option value="2">2</option><option value="4">4</option></select>`;
  const at = { element: 'name' };
  // No layout here: each root answers as a browser would, the outer ones with their host.
  doc.elementFromPoint = () => app;
  (outer as unknown as { elementFromPoint: () => Element }).elementFromPoint = () => form;
  (inner as unknown as { elementFromPoint: () => Element | null }).elementFromPoint = () =>
    inner.querySelector(`[name=${at.element}]`);
  const mirror = {
    getId: (node: Node) => Number((node as Element).getAttribute?.('data-id') ?? -1),
    getNode: (id: number) => deepQuery(doc, `[data-id="${id}"]`),
  };
  return { doc, at, mirror };
}

let detach: (() => void) | undefined;
afterEach(() => {
  detach?.();
  document.body.innerHTML = '';
});

function glassOver(mode: 'pointer' | 'write') {
  const { doc, at, mirror } = replayedApp();
  const glass = document.createElement('div');
  const stage = document.createElement('div');
  stage.append(glass);
  document.body.append(stage);
  const sent: Array<[string, unknown]> = [];
  const attached = attachGlass({
    glass,
    sketch: document.createElementNS('http://www.w3.org/2000/svg', 'svg'),
    send: (kind, data) => sent.push([kind, data]),
    replayer: () => ({ iframe: { contentDocument: doc }, getMirror: () => mirror }) as never,
    toPage: () => ({ x: 40, y: 20 }),
    scale: () => 1,
    page: () => 'page-1',
    live: () => true,
    mode: () => mode,
    tool: () => 'pointer',
  });
  detach = attached.detach;
  const key = (name: string) =>
    glass.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  return { glass, stage, sent, at, key, attached };
}

describe('the agent’s glass over a replayed shadow-DOM app', () => {
  it('clicks, types and presses Enter in the field inside the shadow roots, not on their host', () => {
    const { glass, sent, key } = glassOver('write');
    glass.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    key('a');
    key('Enter');
    expect(sent).toEqual([
      ['control', { type: 'click', id: 3, x: 40, y: 20, page: 'page-1' }],
      ['control', { type: 'input', id: 3, value: 'Ada', page: 'page-1' }],
      ['control', { type: 'key', id: 3, key: 'Enter', shift: false, page: 'page-1' }],
    ]);
  });

  it('opens its picker for a select inside a shadow root and sends the choice for that select', () => {
    const { glass, stage, sent, at } = glassOver('write');
    at.element = 'guests';
    glass.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const picker = stage.querySelector('select[aria-label="Choose for the customer"]') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.value)).toEqual(['2', '4']);
    picker.value = '4';
    picker.dispatchEvent(new Event('change'));
    expect(sent).toEqual([['control', { type: 'select', id: 4, value: '4', page: 'page-1' }]]);
  });

  it('highlights the shadow field in pointer mode', () => {
    const { glass, sent } = glassOver('pointer');
    glass.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(sent).toEqual([['highlight', { id: 3, x: 40, y: 20 }]]);
  });

  it('types where the customer’s page says the focus went after Tab, inside a shadow root too', () => {
    const { glass, sent, key, attached } = glassOver('write');
    glass.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    key('Tab');
    key('x');
    attached.focused(3);
    expect(sent.at(-1)).toEqual(['control', { type: 'input', id: 3, value: 'Adx', page: 'page-1' }]);
  });
});
