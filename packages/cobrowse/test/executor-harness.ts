import { afterEach, beforeEach } from 'vitest';
import { fakeClock } from '../../sdk-core/test/fake-clock';
import { createRestrictionCheck, restrictionsFor } from '../src/capture/restrictions';
import { createExecutor } from '../src/control/executor';

// happy-dom lays nothing out: tests place the elements they need, and hit tests answer from those boxes.

export const page = 'page-1';
export const mode = { write: true };

/** The first element matching `selector` in the document or in any open shadow root inside it. */
export function deepQuery(root: ParentNode, selector: string): Element | null {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot ? deepQuery(element.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}

/** Boxes in paint order: the last placed is on top. */
const boxes = new Map<Element, DOMRect>();

function topmostAt(x: number, y: number): Element | null {
  let top: Element | null = null;
  for (const [element, box] of boxes)
    if (element.isConnected && x >= box.left && x < box.right && y >= box.top && y < box.bottom)
      top = element;
  return top;
}

/** What `root.elementFromPoint` answers: the hit, seen from that root (a shadow root's insides stay hidden). */
function retarget(hit: Element | null, root: Document | ShadowRoot): Element | null {
  let at = hit;
  while (at && at.getRootNode() !== root) {
    const outer = at.getRootNode() as ShadowRoot | Document;
    if (!('host' in outer)) return root === at.ownerDocument ? at : ((root as ShadowRoot).host ?? null);
    at = outer.host;
  }
  return at;
}

function hitTesting(root: Document | ShadowRoot): void {
  (root as { elementFromPoint: (x: number, y: number) => Element | null }).elementFromPoint = (x, y) =>
    retarget(topmostAt(x, y), root);
  if ('host' in root) hitTesting(root.host.getRootNode() as Document | ShadowRoot);
}

/** Lays `element` out at this box of the customer's viewport, on top of what was placed before. */
export function place(element: Element, x: number, y: number, width: number, height: number): void {
  const box = new DOMRect(x, y, width, height);
  boxes.delete(element);
  boxes.set(element, box);
  element.getBoundingClientRect = () => box;
  element.getClientRects = () => [box] as unknown as DOMRectList;
  hitTesting(element.getRootNode() as Document | ShadowRoot);
}

/** The element takes no room at all (display: none, or removed from the layout). */
export function unrender(element: Element): void {
  boxes.delete(element);
  element.getClientRects = () => [] as unknown as DOMRectList;
}

beforeEach(() => {
  mode.write = true;
  document.elementFromPoint = () => null;
});
afterEach(() => {
  boxes.clear();
  document.body.innerHTML = '';
});

/** A page whose elements carry data-id (in shadow roots too), standing in for rrweb's mirror numbering. */
export function setup(
  html: string,
  config: Parameters<typeof restrictionsFor>[1] = [],
  privacy?: Parameters<typeof restrictionsFor>[2],
) {
  document.body.innerHTML = html;
  const clock = fakeClock();
  const executor = createExecutor({
    check: createRestrictionCheck(restrictionsFor('https://shop.test/checkout', config, privacy)),
    node: (id) => deepQuery(document, `[data-id="${id}"]`),
    document,
    clock,
    page,
    origins: [location.origin],
    isWriteMode: () => mode.write,
  });
  const $ = <T extends Element = HTMLInputElement>(selector: string) => {
    const found = deepQuery(document, selector);
    if (!found) throw new Error(`no element ${selector}`);
    return found as unknown as T;
  };
  const idOf = (selector: string) => Number($(selector).getAttribute('data-id'));
  /** The agent's click on `selector`, at a point of the agent's own copy of the page. */
  const click = (selector: string, at = { x: 5, y: 5 }) =>
    executor.run({ type: 'click', page, id: idOf(selector), ...at });
  /** An open shadow root on the element `host` matches, with this content. */
  const shadow = (host: string, content: string) => {
    const root = $(host).attachShadow({ mode: 'open' });
    root.innerHTML = content;
    return root;
  };
  return { executor, clock, $, idOf, click, shadow };
}
