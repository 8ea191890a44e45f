import { record } from '@rrweb/record';
import type { Clock } from '@tandem/sdk-core';
import { encodeEvents } from '../frames';
import { createRestrictionCheck, type Restrictions } from './restrictions';
import { type CaptureEvent, createSanitizer, EventType } from './sanitize';
import { watchShadowFields } from './shadow-fields';

export interface CaptureFrame {
  readonly kind: 'snapshot' | 'mutation' | 'pointer' | 'navigation';
  readonly data: unknown;
}

export interface CaptureOptions {
  readonly restrictions: Restrictions;
  /** The page's address as the agent may see it (rrweb's Meta event carries it). */
  readonly address: (href: string) => string;
  readonly clock: Clock;
  readonly document: Document;
  send(frame: CaptureFrame): void;
}

export interface Capture {
  /** A new full snapshot (the agent joined again or asked to resync). */
  resync(): void;
  stop(): void;
  /** The DOM node rrweb numbered `id`, for the agent's highlights and actions. */
  node(id: number): Node | null;
  /** rrweb's number for a node (-1 when it has none), to tell the agent which field has the focus. */
  id(node: Node): number;
}

const blockClass = 'tandem-capture-block';

/** The customer's pointer at most this often: about 30 updates a second. */
export const pointerIntervalMs = 33;

/**
 * Records the page with rrweb for the agent: everything through the sanitizer, batched per task (well
 * under the 50 ms flush bound), the pointer at 30 updates a second instead of rrweb's 500 ms batches.
 */
export function startCapture(options: CaptureOptions): Capture {
  const { clock, send, document } = options;
  const check = createRestrictionCheck(options.restrictions);
  let queue: CaptureEvent[] = [];
  let flushTimer: unknown;
  let snapshotTimer: unknown;

  const sanitize = createSanitizer(
    check,
    (id) => record.mirror.getNode(id),
    () => {
      // An element became masked or hidden: the agent's copy of it must change at once.
      clock.clearTimeout(snapshotTimer);
      snapshotTimer = clock.setTimeout(() => record.takeFullSnapshot(true), 0);
    },
    options.address,
  );

  function flush(): void {
    flushTimer = undefined;
    const events = queue;
    queue = [];
    if (events.length === 0) return;
    const kind = events.some((event) => event.type === EventType.fullSnapshot) ? 'snapshot' : 'mutation';
    for (const part of encodeEvents(events)) send({ kind, data: part });
  }

  function collect(event: CaptureEvent): void {
    const clean = sanitize(event);
    if (!clean) return;
    queue.push(clean);
    flushTimer ??= clock.setTimeout(flush, 0);
  }

  const hosts = [...document.querySelectorAll('[data-tandem-host]')];
  for (const host of hosts) host.classList.add(blockClass);
  const stopRecording = record<CaptureEvent>({
    emit: collect,
    // Our own UI is blocked by a class (one cheap check per node); hidden elements are the sanitizer's.
    blockClass,
    // Masking is the sanitizer's alone (rrweb's per-input masking would walk every input's ancestors).
    slimDOMOptions: 'all',
    sampling: { mousemove: false, scroll: 50, media: 800, input: 'last' },
    recordCanvas: false,
    collectFonts: false,
    inlineImages: false,
    inlineStylesheet: true,
    recordCrossOriginIframes: false,
    // A failure inside rrweb's observers must never reach the host page.
    errorHandler: () => true,
  });

  const stopShadowFields = watchShadowFields(
    document,
    collect,
    (node) => record.mirror.getId(node),
    () => clock.now(),
  );
  let lastPointer = 0;
  let pointerTimer: unknown;
  let pending: { x: number; y: number } | undefined;
  const sendPointer = () => {
    pointerTimer = undefined;
    if (!pending) return;
    lastPointer = clock.now();
    send({ kind: 'pointer', data: pending });
    pending = undefined;
  };
  const onPointer = (event: PointerEvent) => {
    pending = { x: Math.round(event.clientX), y: Math.round(event.clientY) };
    const wait = lastPointer + pointerIntervalMs - clock.now();
    if (wait <= 0) sendPointer();
    else pointerTimer ??= clock.setTimeout(sendPointer, wait);
  };
  document.addEventListener('pointermove', onPointer, { passive: true, capture: true });
  // Leaving the page: the agent sees that the customer is navigating rather than a frozen view.
  const onPageHide = () => send({ kind: 'navigation', data: { leaving: true } });
  document.defaultView?.addEventListener('pagehide', onPageHide);

  return {
    resync: () => record.takeFullSnapshot(true),
    node: (id) => record.mirror.getNode(id),
    id: (node) => record.mirror.getId(node),
    stop() {
      stopRecording?.();
      stopShadowFields();
      for (const host of hosts) host.classList.remove(blockClass);
      document.removeEventListener('pointermove', onPointer, { capture: true });
      document.defaultView?.removeEventListener('pagehide', onPageHide);
      clock.clearTimeout(pointerTimer);
      clock.clearTimeout(snapshotTimer);
      clock.clearTimeout(flushTimer);
      // The customer said stop: what is still queued stays here.
      queue = [];
    },
  };
}
