import { Replayer } from '@rrweb/replay';
import * as z from 'zod/mini';
import { createEventsDecoder } from '../frames';
import { defangEvent } from './defang';

export type ViewerPhase = 'connecting' | 'live' | 'navigating' | 'ended';

export interface ViewerState {
  readonly phase: ViewerPhase;
  readonly url?: string;
  readonly endReason?: string;
  /** The customer's viewport in CSS pixels. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface ViewerOptions {
  /** Sends an agent frame to the customer: the agent's pointer, a highlight, a resync request. */
  send(kind: 'pointer' | 'highlight' | 'resync', data?: unknown): void;
  onStateChange?(state: ViewerState): void;
  /** The words shown over the view, per phase (English by default). */
  labels?: Partial<Record<ViewerPhase, string>>;
}

export interface CobrowseViewer {
  /** A frame of the customer's, as the agent client delivers it. */
  push(frame: { readonly kind: string; readonly data?: unknown; readonly url?: string }): void;
  /** The session ended (reason as the server gave it). */
  end(reason: string): void;
  readonly state: ViewerState;
  destroy(): void;
}

const defaultLabels: Record<ViewerPhase, string> = {
  connecting: 'Connecting to the customer’s tab…',
  live: 'Live',
  navigating: 'The customer is opening another page…',
  ended: 'Co-browse ended',
};

const eventSchema = z.object({
  type: z.number(),
  timestamp: z.number(),
  data: z.record(z.string(), z.unknown()),
});
type ReplayEvent = z.infer<typeof eventSchema> & { data: Record<string, unknown> };
const pointSchema = z.object({ x: z.number(), y: z.number() });

const pointerIntervalMs = 33;

/** Styles set through the CSSOM, which a strict Content-Security-Policy allows. */
function styled<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  style: Partial<CSSStyleDeclaration>,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element.style, style);
  return element;
}

/**
 * The agent's live view of the customer's tab: rrweb's Replayer in live mode inside `element`, in an
 * iframe whose sandbox is exactly "allow-same-origin" (no script of the customer's page ever runs).
 * Events are applied as they arrive (the live baseline lies past every timestamp), so neither clock skew
 * nor a tab left in the background adds lag; each full snapshot starts a fresh Replayer, which keeps
 * memory bounded over a long session. Pointer mode: the agent's pointer and clicks become highlights.
 */
export function mountCobrowseViewer(element: HTMLElement, options: ViewerOptions): CobrowseViewer {
  const document = element.ownerDocument;
  const labels = { ...defaultLabels, ...options.labels };
  const decode = createEventsDecoder();
  let state: ViewerState = { phase: 'connecting' };
  let replayer: Replayer | undefined;
  let meta: ReplayEvent | undefined;
  let scale = 1;

  const root = styled(document, 'div', {
    position: 'relative',
    width: '100%',
    height: '100%',
    overflow: 'hidden',
  });
  root.className = 'tandem-viewer';
  const status = styled(document, 'p', {
    margin: '0',
    padding: '4px 8px',
    font: '600 14px system-ui, sans-serif',
  });
  status.setAttribute('role', 'status');
  const stage = styled(document, 'div', { position: 'absolute', inset: '28px 0 0 0', overflow: 'hidden' });
  const frameHost = styled(document, 'div', {
    position: 'absolute',
    top: '0',
    left: '0',
    transformOrigin: '0 0',
    outline: '2px solid #0a59b0',
  });
  const pointer = styled(document, 'div', {
    position: 'absolute',
    top: '0',
    left: '0',
    width: '12px',
    height: '12px',
    margin: '-6px 0 0 -6px',
    borderRadius: '50%',
    background: '#0a59b0',
    border: '2px solid #fff',
    display: 'none',
    pointerEvents: 'none',
  });
  pointer.setAttribute('aria-hidden', 'true');
  // Over the view: the agent's mouse is read here, never passed to the page (pointer mode).
  const glass = styled(document, 'div', { position: 'absolute', inset: '0', cursor: 'crosshair' });
  glass.setAttribute('aria-hidden', 'true');
  stage.append(frameHost, pointer, glass);
  root.append(status, stage);
  element.append(root);

  function setState(next: ViewerState): void {
    state = next;
    status.textContent =
      next.phase === 'ended' && next.endReason ? `${labels.ended}: ${next.endReason}` : labels[next.phase];
    root.dataset.phase = next.phase;
    options.onStateChange?.(next);
  }
  setState(state);

  function fit(width: number, height: number): void {
    if (!(width > 0 && height > 0)) return;
    const box = stage.getBoundingClientRect();
    scale = Math.min(box.width / width, box.height / height) || 1;
    frameHost.style.width = `${width}px`;
    frameHost.style.height = `${height}px`;
    frameHost.style.transform = `scale(${scale})`;
    setState({ ...state, viewport: { width, height } });
  }

  function freshReplayer(): Replayer {
    replayer?.destroy();
    frameHost.replaceChildren();
    const next = new Replayer([], {
      root: frameHost,
      liveMode: true,
      mouseTail: false,
      triggerFocus: false,
      pauseAnimation: false,
      showWarning: false,
      UNSAFE_replayCanvas: false,
      // Events are applied at once ("sync"); a virtual DOM would hold them until a fast-forward ends.
      useVirtualDom: false,
      insertStyleRules: ['html { pointer-events: none; }'],
    });
    next.startLive(Number.MAX_SAFE_INTEGER);
    const mouse = next.wrapper.querySelector<HTMLElement>('.replayer-mouse');
    if (mouse) mouse.style.display = 'none';
    return next;
  }

  function apply(event: ReplayEvent): void {
    defangEvent(event as never);
    if (event.type === 4) {
      meta = event;
      const { width, height } = event.data as { width?: number; height?: number };
      fit(Number(width), Number(height));
      return;
    }
    if (event.type === 2) {
      replayer = freshReplayer();
      if (meta) replayer.addEvent(meta as never);
      replayer.addEvent(event as never);
      if (state.phase !== 'ended') setState({ ...state, phase: 'live' });
      return;
    }
    if (event.type === 3 && event.data.source === 4) {
      const { width, height } = event.data as { width?: number; height?: number };
      fit(Number(width), Number(height));
    }
    replayer?.addEvent(event as never);
  }

  let lastPointer = 0;
  const toPage = (event: MouseEvent) => {
    const box = stage.getBoundingClientRect();
    return {
      x: Math.round((event.clientX - box.left) / scale),
      y: Math.round((event.clientY - box.top) / scale),
    };
  };
  glass.addEventListener('mousemove', (event) => {
    if (state.phase !== 'live' || event.timeStamp - lastPointer < pointerIntervalMs) return;
    lastPointer = event.timeStamp;
    options.send('pointer', toPage(event));
  });
  glass.addEventListener('click', (event) => {
    if (state.phase !== 'live' || !replayer) return;
    const { x, y } = toPage(event);
    const target = replayer.iframe.contentDocument?.elementFromPoint(x, y);
    const id = target ? replayer.getMirror().getId(target) : -1;
    if (id > 0) options.send('highlight', { id, x, y });
  });

  const onVisible = () => {
    // A background tab may have missed nothing, but the agent sees the page as it is now.
    if (document.visibilityState === 'visible' && state.phase === 'live') options.send('resync');
  };
  document.addEventListener('visibilitychange', onVisible);

  return {
    get state() {
      return state;
    },
    push(frame) {
      if (state.phase === 'ended') return;
      if (frame.kind === 'pointer') {
        const point = z.safeParse(pointSchema, frame.data);
        if (!point.success) return;
        pointer.style.display = 'block';
        pointer.style.transform = `translate(${point.data.x * scale}px, ${point.data.y * scale}px)`;
        return;
      }
      if (frame.kind === 'navigation') {
        const url = typeof frame.url === 'string' ? frame.url : undefined;
        const phase = state.phase === 'live' ? 'navigating' : state.phase;
        setState({ ...state, phase, ...(url ? { url } : {}) });
        return;
      }
      if (frame.kind !== 'snapshot' && frame.kind !== 'mutation') return;
      const events = decode(frame.data);
      for (const raw of events ?? []) {
        const event = z.safeParse(eventSchema, raw);
        if (!event.success) continue;
        try {
          apply(event.data as ReplayEvent);
        } catch {
          // A malformed event is skipped; the rest of the batch still applies.
        }
      }
    },
    end(reason) {
      pointer.style.display = 'none';
      setState({ ...state, phase: 'ended', endReason: reason });
    },
    destroy() {
      document.removeEventListener('visibilitychange', onVisible);
      replayer?.destroy();
      replayer = undefined;
      root.remove();
    },
  };
}
