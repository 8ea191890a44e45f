// The page as the customer's pointer and keyboard meet it: across open shadow roots (Lit apps, custom
// elements), which Element.closest, contains, document.activeElement and elementFromPoint each stop at.

/** The parent on an event's path: a slotted node's slot, a shadow root's host, else the parent element. */
export function composedParent(node: Node): Element | null {
  const slot = (node as Partial<Slottable>).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (parent?.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent?.nodeType === 1 ? (parent as Element) : null;
}

/** Element.closest that goes on past shadow roots to their hosts. */
export function composedClosest(element: Element, selector: string): Element | null {
  for (let at: Element | null = element; at; at = composedParent(at)) if (at.matches(selector)) return at;
  return null;
}

/** Node.contains that counts what lies in the open shadow roots inside `ancestor`. */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = composedParent(at)) if (at === ancestor) return true;
  return false;
}

type HitRoot = Pick<Document | ShadowRoot, 'elementFromPoint'>;

/** The innermost element at a point, asking each open shadow root on the way down. */
export function deepElementFromPoint(root: HitRoot, x: number, y: number): Element | null {
  let hit = root.elementFromPoint(x, y);
  for (let depth = 0; hit?.shadowRoot && depth < 32; depth++) {
    // A point on the host's own box (outside anything in its shadow root) answers the host or nothing.
    const inner = (hit.shadowRoot as Partial<HitRoot>).elementFromPoint?.(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The focused element itself, not the outermost host of the shadow root it sits in. */
export function deepActiveElement(root: Document | ShadowRoot): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Every element matching `selector`, in the order focus moves through them: a shadow host's shadow root
 * takes its place, and a slot is replaced by what is assigned to it (or its fallback content).
 */
export function composedOrder(root: Document | ShadowRoot, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (element: Element): void => {
    if (element.matches(selector)) found.push(element);
    if (element.localName === 'slot' && element.getRootNode() !== element.ownerDocument) {
      for (const assigned of (element as HTMLSlotElement).assignedElements({ flatten: true }))
        visit(assigned);
      return;
    }
    // A host's own children show only through its slots, and are visited there.
    for (const child of (element.shadowRoot ?? element).children) visit(child);
  };
  for (const child of root.children) visit(child);
  return found;
}
