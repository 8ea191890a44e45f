/** A sanitizer on the test document, with a small stand-in for rrweb's mirror. */
import { vi } from 'vitest';
import {
  createRestrictionCheck,
  type Privacy,
  type RestrictionRule,
  restrictionsFor,
} from '../src/capture/restrictions';
import { type CaptureEvent, createSanitizer, type SerializedNode } from '../src/capture/sanitize';

export const rules: RestrictionRule[] = [{ mask: ['.secret'], hide: ['.gone'] }];

/** A small stand-in for rrweb's mirror and serializer: real DOM nodes, rrweb-shaped JSON. */
export function mirror() {
  const nodes = new Map<number, Node>();
  const ids = new Map<Node, number>();
  let next = 1;
  const idOf = (node: Node) => {
    let id = ids.get(node);
    if (id === undefined) {
      id = next++;
      ids.set(node, id);
      nodes.set(id, node);
    }
    return id;
  };

  function serialize(node: Node): SerializedNode {
    const id = idOf(node);
    if (node.nodeType === 3) return { id, type: 3, textContent: node.textContent ?? '' };
    if (node.nodeType === 8) return { id, type: 5, textContent: node.textContent ?? '' };
    if (node.nodeType === 9) return { id, type: 0, childNodes: [...node.childNodes].map(serialize) };
    const element = node as Element;
    const attributes: Record<string, unknown> = {};
    for (const attribute of element.attributes) attributes[attribute.name] = attribute.value;
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      if (element.value) attributes.value = element.value;
      if (element instanceof HTMLInputElement && element.checked) attributes.checked = true;
    }
    if (element instanceof HTMLOptionElement && element.selected) attributes.selected = true;
    const children = [...element.childNodes];
    if (element.shadowRoot) children.push(...element.shadowRoot.childNodes);
    return { id, type: 2, tagName: element.localName, attributes, childNodes: children.map(serialize) };
  }

  return {
    serialize,
    idOf,
    getNode: (id: number) => nodes.get(id) ?? null,
  };
}

export function setup(html: string, restrictionRules = rules, privacy?: Privacy) {
  document.body.innerHTML = html;
  const m = mirror();
  const check = createRestrictionCheck(
    restrictionsFor('https://shop.test/checkout', restrictionRules, privacy),
  );
  const onRestrictionChange = vi.fn();
  const sanitize = createSanitizer(check, m.getNode, onRestrictionChange);
  const $ = (selector: string) => {
    const found = document.querySelector(selector);
    if (!found) throw new Error(`no element ${selector}`);
    return found;
  };
  const snapshot = (): CaptureEvent => ({
    type: 2,
    timestamp: 1,
    data: { node: m.serialize(document), initialOffset: { top: 0, left: 0 } },
  });
  /** The serialized node for `selector` in a sanitized tree. */
  const find = (tree: SerializedNode | undefined, selector: string): SerializedNode | undefined => {
    const id = m.idOf($(selector));
    const walk = (node: SerializedNode | undefined): SerializedNode | undefined => {
      if (!node) return undefined;
      if (node.id === id) return node;
      for (const child of node.childNodes ?? []) {
        const found = walk(child);
        if (found) return found;
      }
      return undefined;
    };
    return walk(tree);
  };
  return { ...m, check, sanitize, onRestrictionChange, $, snapshot, find };
}

export const mutation = (data: Partial<CaptureEvent['data']>): CaptureEvent => ({
  type: 3,
  timestamp: 2,
  data: { source: 0, adds: [], removes: [], texts: [], attributes: [], ...data },
});
export const input = (id: number, text: string, isChecked?: boolean): CaptureEvent => ({
  type: 3,
  timestamp: 3,
  data: { source: 5, id, text, ...(isChecked === undefined ? {} : { isChecked }) },
});

/** A style event (rules added to a sheet): rrweb's shape, which differs from a mutation's `adds`. */
export const styleEvent = (data: Record<string, unknown>): CaptureEvent =>
  ({ type: 3, timestamp: 4, data }) as unknown as CaptureEvent;

export const texts = (node: SerializedNode | undefined): string[] =>
  node
    ? [...(node.type === 3 ? [node.textContent ?? ''] : []), ...(node.childNodes ?? []).flatMap(texts)]
    : [];
