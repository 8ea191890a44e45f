import type { Replayer } from '@rrweb/replay';
import { composedParent, deepElementFromPoint } from '../control/composed';

export type ViewerTool = 'pointer' | 'laser' | 'draw' | 'rect';
export type AgentFrameKind = 'pointer' | 'highlight' | 'resync' | 'control' | 'annotation';

export interface GlassContext {
  readonly glass: HTMLElement;
  readonly sketch: SVGSVGElement;
  send(kind: AgentFrameKind, data?: unknown): void;
  /** The live replayer, when the view shows a page. */
  replayer(): Replayer | undefined;
  /** The point of the customer's viewport under the agent's mouse. */
  toPage(event: MouseEvent): { x: number; y: number };
  readonly scale: () => number;
  /** The page the view shows, and whether the agent may act on it now. */
  page(): string | undefined;
  live(): boolean;
  mode(): 'pointer' | 'write';
  tool(): ViewerTool;
}

const pointerIntervalMs = 33;
const maxPoints = 500;
const sketchLifetimeMs = 4000;
const printable = (event: KeyboardEvent) =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
const forwardedKeys = new Set(['Enter', 'Tab', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const svgNs = 'http://www.w3.org/2000/svg';
/** Set on the replayed page's root only while the glass looks up the element at a point. */
export const hitTestAttribute = 'data-tandem-hit-test';

/**
 * The agent's mouse and keys over the view, never passed to the replayed page itself: in pointer mode
 * they point and highlight; in write mode they become control actions the customer's page checks and
 * runs; with a drawing tool they become annotations, in either mode.
 */
export function attachGlass(context: GlassContext) {
  const { glass, sketch, send } = context;
  const document = glass.ownerDocument;
  let lastMove = 0;
  let stroke: { points: Array<[number, number]>; shape: SVGElement } | undefined;
  /** The field the agent is typing in, with the text as the agent has it. */
  let typing: { id: number; value: string } | undefined;
  let focusedId: number | undefined;
  /** Typed after Tab, before the customer's page said which field has the focus now: kept, not lost. */
  let pending: string | undefined;
  let scrollDelta: { x: number; y: number; id?: number; at: { x: number; y: number } } | undefined;
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  let pointerTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingPoint: { x: number; y: number } | undefined;
  let picker: HTMLSelectElement | undefined;

  const mirrorAt = (x: number, y: number) => {
    const replayer = context.replayer();
    const root = replayer?.iframe.contentDocument?.documentElement;
    root?.setAttribute(hitTestAttribute, '');
    // Into open shadow roots: a field of a Lit or custom-element form, not the component's host.
    const element = root ? deepElementFromPoint(root.ownerDocument, x, y) : null;
    root?.removeAttribute(hitTestAttribute);
    const id = element && replayer ? replayer.getMirror().getId(element) : -1;
    return element && id > 0 ? { element, id } : undefined;
  };
  const control = (data: Record<string, unknown>) => {
    const page = context.page();
    if (page && context.live() && context.mode() === 'write') send('control', { ...data, page });
  };

  function drawLocally(shape: 'path' | 'rect', points: Array<[number, number]>): SVGElement {
    const element = document.createElementNS(svgNs, shape === 'rect' ? 'rect' : 'polyline');
    element.setAttribute('fill', 'none');
    element.setAttribute('stroke', '#d0021b');
    element.setAttribute('stroke-width', String(3 / context.scale()));
    sketch.append(element);
    reshape(element, shape, points);
    return element;
  }
  function reshape(element: SVGElement, shape: 'path' | 'rect', points: Array<[number, number]>): void {
    if (shape === 'rect') {
      const [x1, y1] = points[0] ?? [0, 0];
      const [x2, y2] = points.at(-1) ?? [0, 0];
      element.setAttribute('x', String(Math.min(x1, x2)));
      element.setAttribute('y', String(Math.min(y1, y2)));
      element.setAttribute('width', String(Math.abs(x2 - x1)));
      element.setAttribute('height', String(Math.abs(y2 - y1)));
    } else element.setAttribute('points', points.map(([x, y]) => `${x},${y}`).join(' '));
  }

  function onMouseDown(event: MouseEvent): void {
    const tool = context.tool();
    if (!context.live() || (tool !== 'draw' && tool !== 'rect')) return;
    event.preventDefault();
    const { x, y } = context.toPage(event);
    const points: Array<[number, number]> = [[x, y]];
    stroke = { points, shape: drawLocally(tool === 'rect' ? 'rect' : 'path', points) };
  }

  function onMouseMove(event: MouseEvent): void {
    if (!context.live()) return;
    const point = context.toPage(event);
    if (stroke) {
      const last = stroke.points.at(-1);
      if (last && Math.hypot(point.x - last[0], point.y - last[1]) < 3) return;
      if (context.tool() === 'rect') stroke.points[1] = [point.x, point.y];
      else if (stroke.points.length < maxPoints) stroke.points.push([point.x, point.y]);
      reshape(stroke.shape, context.tool() === 'rect' ? 'rect' : 'path', stroke.points);
      return;
    }
    // Throttled, but the last position always goes: where the mouse stops is where the customer sees it.
    pendingPoint = point;
    if (pointerTimer) return;
    const wait = pointerIntervalMs - (event.timeStamp - lastMove);
    if (wait > 0) pointerTimer = setTimeout(flushPointer, wait);
    else flushPointer();
  }
  function flushPointer(): void {
    pointerTimer = undefined;
    const point = pendingPoint;
    pendingPoint = undefined;
    if (!point || !context.live()) return;
    lastMove = performance.now();
    if (context.tool() === 'laser') send('annotation', { shape: 'laser', points: [[point.x, point.y]] });
    else send('pointer', point);
  }

  function onMouseUp(): void {
    if (!stroke) return;
    const { points, shape } = stroke;
    stroke = undefined;
    const kind = context.tool() === 'rect' ? 'rect' : 'path';
    if (kind === 'rect' && points.length < 2) points.push(points[0] ?? [0, 0]);
    send('annotation', { shape: kind, points });
    setTimeout(() => shape.remove(), sketchLifetimeMs);
  }

  function onClick(event: MouseEvent): void {
    if (!context.live() || context.tool() !== 'pointer') return;
    const { x, y } = context.toPage(event);
    const target = mirrorAt(x, y);
    if (!target) return;
    if (context.mode() !== 'write') {
      send('highlight', { id: target.id, x, y });
      return;
    }
    glass.focus({ preventScroll: true });
    focusedId = target.id;
    const element = target.element as HTMLInputElement;
    typing = /^(input|textarea)$/.test(element.localName)
      ? { id: target.id, value: element.value ?? '' }
      : undefined;
    if (element.localName === 'select') openPicker(target.element as HTMLSelectElement, target.id);
    else control({ type: 'click', id: target.id, x, y });
  }

  /** A select cannot open inside the view: the agent picks from a copy of its options instead. */
  function openPicker(mirrored: HTMLSelectElement, id: number): void {
    closePicker();
    const box = mirrored.getBoundingClientRect();
    const scale = context.scale();
    picker = document.createElement('select');
    picker.setAttribute('aria-label', 'Choose for the customer');
    Object.assign(picker.style, {
      position: 'absolute',
      left: `${box.left * scale}px`,
      top: `${box.top * scale}px`,
      minWidth: `${Math.max(box.width * scale, 80)}px`,
    });
    for (const { text, value, selected } of mirrored.options) {
      const copy = document.createElement('option');
      Object.assign(copy, { text, value, selected });
      picker.append(copy);
    }
    const chosen = picker;
    chosen.addEventListener('change', () => {
      control({ type: 'select', id, value: chosen.value });
      closePicker();
      glass.focus({ preventScroll: true });
    });
    chosen.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closePicker();
    });
    glass.parentElement?.append(chosen);
    chosen.focus();
  }
  function closePicker(): void {
    picker?.remove();
    picker = undefined;
  }

  function type(value: string): void {
    if (!typing) return;
    typing = { ...typing, value };
    control({ type: 'input', id: typing.id, value });
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (!context.live() || context.mode() !== 'write' || event.target !== glass) return;
    if (printable(event) && pending !== undefined) pending += event.key;
    else if (printable(event) && typing) type(typing.value + event.key);
    else if (event.key === 'Backspace' && pending) pending = pending.slice(0, -1);
    else if (event.key === 'Backspace' && typing) type(typing.value.slice(0, -1));
    else if (forwardedKeys.has(event.key) && focusedId !== undefined) {
      control({ type: 'key', id: typing?.id ?? focusedId, key: event.key, shift: event.shiftKey });
      // Focus moves on the customer's page: the next field is known once the page says so.
      if (event.key === 'Tab') {
        typing = undefined;
        pending = '';
      }
    } else return;
    event.preventDefault();
  }

  function onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain');
    if (!text || !typing || context.mode() !== 'write') return;
    event.preventDefault();
    type(typing.value + text);
  }

  function onWheel(event: WheelEvent): void {
    if (!context.live() || context.mode() !== 'write') return;
    event.preventDefault();
    const at = context.toPage(event);
    if (!scrollDelta) {
      const target = mirrorAt(at.x, at.y);
      let scroller: Element | null = target?.element ?? null;
      const view = scroller?.ownerDocument.defaultView;
      while (scroller && view) {
        const overflow = view.getComputedStyle(scroller).overflowY;
        if (/(auto|scroll)/.test(overflow) && scroller.scrollHeight > scroller.clientHeight) break;
        scroller = composedParent(scroller);
      }
      const id = scroller ? context.replayer()?.getMirror().getId(scroller) : undefined;
      scrollDelta = { x: 0, y: 0, at, ...(id && id > 0 ? { id } : {}) };
    }
    scrollDelta.x += event.deltaX / context.scale();
    scrollDelta.y += event.deltaY / context.scale();
    scrollTimer ??= setTimeout(flushScroll, pointerIntervalMs);
  }
  function flushScroll(): void {
    scrollTimer = undefined;
    const delta = scrollDelta;
    scrollDelta = undefined;
    const replayer = context.replayer();
    if (!delta || !replayer) return;
    const mirrored = delta.id ? (replayer.getMirror().getNode(delta.id) as Element | null) : null;
    const win = replayer.iframe.contentWindow;
    const from = mirrored
      ? { x: mirrored.scrollLeft, y: mirrored.scrollTop }
      : { x: win?.scrollX ?? 0, y: win?.scrollY ?? 0 };
    const to = { x: Math.round(from.x + delta.x), y: Math.round(from.y + delta.y) };
    control({ type: 'scroll', ...(delta.id ? { id: delta.id } : {}), ...to });
  }

  glass.addEventListener('mousedown', onMouseDown);
  glass.addEventListener('mousemove', onMouseMove);
  document.addEventListener('mouseup', onMouseUp);
  glass.addEventListener('click', onClick);
  glass.addEventListener('keydown', onKeyDown);
  glass.addEventListener('paste', onPaste);
  glass.addEventListener('wheel', onWheel, { passive: false });

  return {
    /** The customer's page refused an input: the agent's text is read again from the view next time. */
    refused(action: string): void {
      if (action === 'input') typing = undefined;
      if (action === 'key') pending = undefined;
    },
    /** The customer's page says which element has the focus after the agent's key. */
    focused(id: number): void {
      focusedId = id;
      // The agent's own click focused the field it is already typing in.
      if (typing?.id === id) return;
      const element = context.replayer()?.getMirror().getNode(id) as HTMLInputElement | null;
      typing =
        element && /^(input|textarea)$/.test(element.localName)
          ? { id, value: element.value ?? '' }
          : undefined;
      const held = pending;
      pending = undefined;
      if (held && typing) type(typing.value + held);
    },
    reset(): void {
      typing = undefined;
      pending = undefined;
      focusedId = undefined;
      closePicker();
    },
    detach(): void {
      document.removeEventListener('mouseup', onMouseUp);
      clearTimeout(scrollTimer);
      clearTimeout(pointerTimer);
      closePicker();
    },
  };
}

export type Glass = ReturnType<typeof attachGlass>;
