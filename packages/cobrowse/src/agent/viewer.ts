import { Replayer } from '@rrweb/replay';
import * as z from 'zod/mini';
import { createEventsDecoder } from '../frames';
import { defangEvent } from './defang';
import { type AgentFrameKind, attachGlass, hitTestAttribute, type ViewerTool } from './glass';
import { type Refused, refusalMessages } from './refusals';

export type ViewerPhase = 'connecting' | 'live' | 'navigating' | 'ended';

export interface ViewerState {
  readonly phase: ViewerPhase;
  readonly mode: 'pointer' | 'write';
  readonly tool: ViewerTool;
  /** The address of the page the customer is on, and every page of the session so far. */
  readonly url?: string;
  readonly pages: readonly string[];
  /** The id of the page on view: the customer's page refuses actions aimed at another one. */
  readonly page?: string;
  readonly endReason?: string;
  /** The customer's viewport in CSS pixels. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface ViewerOptions {
  /** Sends an agent frame to the customer: pointer, highlight, annotation, control, resync request. */
  send(kind: AgentFrameKind, data?: unknown): void;
  onStateChange?(state: ViewerState): void;
  /** The customer's page refused an action; `message` words the reason for the agent. */
  onRefused?(refused: Refused): void;
  /** The words shown over the view, per phase (English by default). */
  labels?: Partial<Record<ViewerPhase, string>>;
}

export interface CobrowseViewer {
  /** A frame of the customer's, as the agent client delivers it. */
  push(frame: { readonly kind: string; readonly data?: unknown; readonly url?: string }): void;
  /** The session ended (reason as the server gave it). */
  end(reason: string): void;
  /** Write mode once the customer said yes; pointer mode again when they take it back. */
  setMode(mode: 'pointer' | 'write'): void;
  /** What the agent's mouse does: point (and act, in write mode), laser, draw freehand, rectangle. */
  setTool(tool: ViewerTool): void;
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
const navigationSchema = z.object({ page: z.optional(z.string().check(z.maxLength(64))) });
const refusedSchema = z.object({ action: z.optional(z.string()), reason: z.string().check(z.maxLength(32)) });
const focusSchema = z.object({ id: z.number() });

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
 * nor a tab left in the background adds lag, and are not kept once applied (memory stays flat over a long
 * session); each full snapshot starts a fresh Replayer. The agent's mouse and keys go to the glass over
 * the view (agent/glass.ts), never to the replayed page.
 */
export function mountCobrowseViewer(element: HTMLElement, options: ViewerOptions): CobrowseViewer {
  const document = element.ownerDocument;
  const labels = { ...defaultLabels, ...options.labels };
  const decode = createEventsDecoder();
  let state: ViewerState = { phase: 'connecting', mode: 'pointer', tool: 'pointer', pages: [] };
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
  // The agent's drawings as they draw them, in the customer's viewport coordinates like the view.
  const sketch = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  Object.assign(sketch.style, {
    position: 'absolute',
    top: '0',
    left: '0',
    overflow: 'visible',
    pointerEvents: 'none',
    transformOrigin: '0 0',
  });
  sketch.setAttribute('aria-hidden', 'true');
  // Over the view: the agent's mouse and keys are read here, never passed to the replayed page.
  const glass = styled(document, 'div', {
    position: 'absolute',
    inset: '0',
    cursor: 'crosshair',
    outline: 'none',
  });
  glass.className = 'tandem-viewer-glass';
  stage.append(frameHost, pointer, sketch, glass);
  root.append(status, stage);
  element.append(root);

  function setState(next: ViewerState): void {
    state = next;
    // In write mode the view takes keys: it is focusable and named, where in pointer mode it is decoration.
    if (next.mode === 'write' && next.phase === 'live') {
      glass.tabIndex = 0;
      glass.setAttribute('role', 'application');
      glass.setAttribute('aria-label', 'Customer’s page: click a field, then type');
      glass.removeAttribute('aria-hidden');
    } else {
      glass.removeAttribute('tabindex');
      glass.removeAttribute('role');
      glass.removeAttribute('aria-label');
      glass.setAttribute('aria-hidden', 'true');
    }
    glass.style.cursor = next.tool === 'pointer' ? (next.mode === 'write' ? 'default' : 'crosshair') : 'cell';
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
    sketch.style.transform = `scale(${scale})`;
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
      // The replayed page never takes the agent's mouse; the glass asks it what lies under a point.
      insertStyleRules: [`html:not([${hitTestAttribute}]) { pointer-events: none; }`],
    });
    next.startLive(Number.MAX_SAFE_INTEGER);
    next.iframe.title = 'The customer’s page';
    const mouse = next.wrapper.querySelector<HTMLElement>('.replayer-mouse');
    if (mouse) mouse.style.display = 'none';
    return next;
  }

  /**
   * rrweb keeps every event it was given, for seeking, which a live view never does; applied at once, only
   * the meta and the snapshot that started this Replayer are kept, so memory stays flat between snapshots.
   */
  function forgetApplied(target: Replayer): void {
    const events = target.service.state.context.events;
    if (events.length > 2) events.splice(2);
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
    if (!replayer) return;
    replayer.addEvent(event as never);
    forgetApplied(replayer);
  }

  const toPage = (event: MouseEvent) => {
    const box = stage.getBoundingClientRect();
    return {
      x: Math.round((event.clientX - box.left) / scale),
      y: Math.round((event.clientY - box.top) / scale),
    };
  };
  const input = attachGlass({
    glass,
    sketch,
    send: options.send,
    replayer: () => replayer,
    toPage,
    scale: () => scale,
    page: () => state.page,
    live: () => state.phase === 'live',
    mode: () => state.mode,
    tool: () => state.tool,
  });

  function onNavigation(frame: { readonly data?: unknown; readonly url?: string }): void {
    const url = typeof frame.url === 'string' ? frame.url : undefined;
    const data = z.safeParse(navigationSchema, frame.data ?? {});
    const page = data.success ? data.data.page : undefined;
    input.reset();
    if (page) {
      // A new page of the customer's: it starts with its snapshot, which has been applied already.
      const pages = url && state.pages.at(-1) !== url ? [...state.pages, url] : state.pages;
      setState({ ...state, page, pages, ...(url ? { url } : {}) });
      return;
    }
    // The customer is leaving the page: what the agent sees is no longer there to act on.
    const phase = state.phase === 'live' ? 'navigating' : state.phase;
    const { page: _left, ...rest } = state;
    setState({ ...rest, phase });
  }

  function onRefused(data: unknown): void {
    const refused = z.safeParse(refusedSchema, data);
    if (!refused.success) return;
    const { action = '', reason } = refused.data;
    input.refused(action);
    options.onRefused?.({
      action,
      reason,
      message: refusalMessages[reason] ?? 'The customer’s page refused that',
    });
  }

  const onVisible = () => {
    // A background tab may have missed nothing, but the agent sees the page as it is now.
    if (document.visibilityState === 'visible' && state.phase === 'live') options.send('resync');
  };
  document.addEventListener('visibilitychange', onVisible);
  // The view is as large as its box: a wider column, a full screen or a turned tablet fits it again.
  const View = document.defaultView;
  const resized = View?.ResizeObserver
    ? new View.ResizeObserver(() => {
        if (state.viewport) fit(state.viewport.width, state.viewport.height);
      })
    : undefined;
  resized?.observe(stage);

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
      if (frame.kind === 'navigation') return onNavigation(frame);
      if (frame.kind === 'refused') return onRefused(frame.data);
      if (frame.kind === 'focus') {
        const focus = z.safeParse(focusSchema, frame.data);
        if (focus.success) input.focused(focus.data.id);
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
      input.reset();
      setState({ ...state, phase: 'ended', mode: 'pointer', endReason: reason });
    },
    setMode(mode) {
      if (mode !== state.mode) input.reset();
      setState({ ...state, mode });
    },
    setTool(tool) {
      setState({ ...state, tool });
    },
    destroy() {
      input.detach();
      resized?.disconnect();
      document.removeEventListener('visibilitychange', onVisible);
      replayer?.destroy();
      replayer = undefined;
      root.remove();
    },
  };
}
