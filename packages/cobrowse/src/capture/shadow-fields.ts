import { type CaptureEvent, EventType, Source } from './sanitize';

const fieldTags = /^(INPUT|TEXTAREA|SELECT)$/;
const isShadowRoot = (node: EventTarget): node is ShadowRoot =>
  (node as Node).nodeType === 11 && 'host' in (node as ShadowRoot);

/**
 * rrweb records a field's final value from the `change` events it hears on the document, and `change`
 * never leaves a shadow root: the customer's own typing and ticking in a Lit or custom-element form would
 * never reach the agent. Each open shadow root the customer focuses or clicks into is listened to itself,
 * and its fields' changes become rrweb input events (through the sanitizer like every other).
 */
export function watchShadowFields(
  document: Document,
  emit: (event: CaptureEvent) => void,
  idOf: (node: Node) => number,
  now: () => number,
): () => void {
  const roots = new Set<ShadowRoot>();

  const onChange = (event: Event) => {
    const field = event.composedPath()[0] as HTMLInputElement | undefined;
    const id = field && fieldTags.test(field.tagName) ? idOf(field) : -1;
    if (!field || id < 1) return;
    const isChecked = /^(checkbox|radio)$/.test(field.type) ? field.checked : false;
    emit({
      type: EventType.incremental,
      timestamp: now(),
      data: { source: Source.input, id, text: field.value, isChecked },
    });
  };
  // Focus and clicks cross shadow boundaries: their path names every shadow root a change may come from.
  const onEnter = (event: Event) => {
    for (const node of event.composedPath()) {
      if (!isShadowRoot(node) || roots.has(node)) continue;
      roots.add(node);
      node.addEventListener('change', onChange, { capture: true });
    }
  };
  document.addEventListener('focusin', onEnter, { capture: true });
  document.addEventListener('click', onEnter, { capture: true });

  return () => {
    document.removeEventListener('focusin', onEnter, { capture: true });
    document.removeEventListener('click', onEnter, { capture: true });
    for (const root of roots) root.removeEventListener('change', onChange, { capture: true });
    roots.clear();
  };
}
