import {
  type CobrowseEvent,
  definePlugin,
  getDocument,
  getWindow,
  type PluginContext,
} from '@tandem/sdk-core';
import { render } from 'preact';
import type { Capture } from './capture/recorder';
import { restrictionsFor } from './capture/restrictions';
import { type CobrowseOptions, parseCobrowseOptions } from './options';
import { cobrowseStrings } from './strings';
import { cobrowseStyles } from './styles';
import { AgentMarks, type Marks } from './ui/AgentMarks';
import { CobrowseView, type CobrowseViewState } from './ui/CobrowseView';

export interface CobrowseState {
  readonly phase: CobrowseViewState['phase'];
  readonly sessionId?: string;
  readonly agentName?: string;
  readonly mode?: 'pointer' | 'write';
  readonly endReason?: string;
}

declare module '@tandem/sdk-core' {
  interface TandemEvents {
    'Cobrowse.started': { sessionId: string };
    'Cobrowse.joined': { sessionId: string; agentName: string };
    'Cobrowse.ended': { sessionId: string; reason: string };
  }
  interface TandemCommands {
    'Cobrowse.start': { payload: undefined; result: { sessionId: string } };
    'Cobrowse.stop': { payload: undefined; result: undefined };
    'Cobrowse.state': { payload: undefined; result: CobrowseState };
  }
}

const highlightMs = 3000;

/**
 * Co-browse, customer side (seed 000): only the customer starts it; the 9-digit id is read to the agent
 * on a call, or the chat's agent joins at once. rrweb and the capture load when the session starts.
 * Pointer mode only (write mode is part 2): anything else the agent sends is refused and reported.
 */
export function cobrowse(input: CobrowseOptions = {}) {
  return definePlugin({
    name: 'Cobrowse',
    setup(context) {
      const options = parseCobrowseOptions(input);
      context.i18n.add(cobrowseStrings);
      context.ui.addStyles(cobrowseStyles);
      return mountCobrowse(context, options);
    },
  });
}

function mountCobrowse(context: PluginContext, options: CobrowseOptions): () => void {
  const { backend, bus, ui, i18n, clock } = context;
  if (!backend) throw new Error('Cobrowse needs a backend (config.backend)');
  const relay = backend.cobrowse;
  const slot = ui.mount('cobrowse');
  let state: CobrowseState & { copied?: string } = { phase: 'idle' };
  let marks: Marks = {};
  let capture: Capture | undefined;
  let loading: Promise<typeof import('./capture/recorder')> | undefined;
  let highlightTimer: unknown;
  let starting: Promise<{ sessionId: string }> | undefined;

  const loadCapture = () => {
    loading ??= import('./capture/recorder');
    return loading;
  };

  function paint(): void {
    if (!slot) return;
    const wasShown = slot.querySelector('[data-autofocus]') !== null;
    const active = ui.root?.activeElement ?? null;
    const hadFocus = active !== null && slot.contains(active);
    render(
      <>
        <CobrowseView
          i18n={i18n}
          state={state}
          onCopy={copy}
          onCancel={() => void stop()}
          onStop={() => void stop()}
          onClose={() => {
            state = { phase: 'idle' };
            paint();
          }}
        />
        <AgentMarks i18n={i18n} marks={marks} agentName={state.agentName ?? ''} />
      </>,
      slot,
    );
    // Focus goes to the panel when it appears (the bar never takes it), and stays with us when the part
    // that held it is replaced.
    const stillThere = active !== null && slot.contains(active);
    const appearing = !wasShown && state.phase !== 'active';
    if (appearing || (hadFocus && !stillThere)) slot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }

  function set(next: typeof state): void {
    state = next;
    paint();
  }

  function copy(): void {
    const clipboard = getWindow()?.navigator.clipboard;
    const id = state.sessionId ?? '';
    const done = (key: string) => () => set({ ...state, copied: i18n.t(key) });
    (clipboard ? clipboard.writeText(id) : Promise.reject()).then(
      done('cobrowse.copied'),
      done('cobrowse.copyFailed'),
    );
  }

  async function startCapture(): Promise<void> {
    const doc = getDocument();
    if (!doc || capture) return;
    const { startCapture } = await loadCapture();
    if (state.phase !== 'active' || capture) return;
    const href = getWindow()?.location.href ?? '';
    try {
      capture = startCapture({
        restrictions: restrictionsFor(href, options.restrictions),
        clock,
        document: doc,
        send: (frame) => void relay.send(frame).catch(() => undefined),
      });
    } catch {
      // A browser rrweb cannot record in: end the session rather than break the page.
      set({ phase: 'failed' });
      await relay.end().catch(() => undefined);
      return;
    }
    if (/^https?:/.test(href)) relay.send({ kind: 'navigation', url: href }).catch(() => undefined);
  }

  function stopCapture(): void {
    capture?.stop();
    capture = undefined;
    clock.clearTimeout(highlightTimer);
    marks = {};
  }

  function onAgentFrame(kind: string, data: unknown): void {
    const value = (data ?? {}) as { x?: unknown; y?: unknown; id?: unknown };
    if (kind === 'pointer' && typeof value.x === 'number' && typeof value.y === 'number') {
      marks = { ...marks, pointer: { x: value.x, y: value.y } };
    } else if (kind === 'highlight' && typeof value.id === 'number') {
      const node = capture?.node(value.id);
      const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
      if (!element) return;
      const rect = element.getBoundingClientRect();
      marks = { ...marks, highlight: { x: rect.left, y: rect.top, width: rect.width, height: rect.height } };
      clock.clearTimeout(highlightTimer);
      highlightTimer = clock.setTimeout(() => {
        marks = { ...marks, highlight: undefined };
        paint();
      }, highlightMs);
    } else if (kind === 'resync') {
      capture?.resync();
      return;
    } else {
      // Pointer mode: the agent may point and highlight, nothing else.
      relay.send({ kind: 'refused', data: { kind, reason: 'pointer_mode' } }).catch(() => undefined);
      return;
    }
    paint();
  }

  function onEvent(event: CobrowseEvent): void {
    if (event.type === 'frame') {
      if (state.phase === 'active') onAgentFrame(event.kind, event.data);
      return;
    }
    if (event.type === 'joined') {
      set({ phase: 'active', sessionId: event.sessionId, agentName: event.agentName, mode: event.mode });
      bus.emit('Cobrowse.joined', { sessionId: event.sessionId, agentName: event.agentName });
      startCapture().catch(() => set({ phase: 'failed' }));
    } else if (event.type === 'mode') {
      set({ ...state, mode: event.mode });
    } else if (event.type === 'ended' && state.phase !== 'idle' && state.phase !== 'ended') {
      stopCapture();
      set({ phase: 'ended', sessionId: event.sessionId, endReason: event.reason });
      bus.emit('Cobrowse.ended', { sessionId: event.sessionId, reason: event.reason });
    }
  }
  const offEvents = relay.onEvent(onEvent);

  async function start(): Promise<{ sessionId: string }> {
    if ((state.phase === 'waiting' || state.phase === 'active') && state.sessionId)
      return { sessionId: state.sessionId };
    if (starting) return starting;
    set({ phase: 'starting' });
    void loadCapture().catch(() => undefined);
    starting = relay.create().then(
      ({ sessionId }) => {
        starting = undefined;
        // The chat's agent may have joined before the answer came back.
        if (state.phase !== 'active') set({ phase: 'waiting', sessionId });
        bus.emit('Cobrowse.started', { sessionId });
        return { sessionId };
      },
      (error: unknown) => {
        starting = undefined;
        set({ phase: 'failed' });
        throw error;
      },
    );
    return starting;
  }

  async function stop(): Promise<undefined> {
    if (state.phase === 'idle' || state.phase === 'ended' || state.phase === 'failed') {
      set({ phase: 'idle' });
      return undefined;
    }
    // Nothing more leaves the page from this moment, whatever the network does.
    stopCapture();
    const sessionId = state.sessionId ?? '';
    set({ phase: 'ended', sessionId, endReason: 'customer' });
    bus.emit('Cobrowse.ended', { sessionId, reason: 'customer' });
    await relay.end().catch(() => undefined);
    return undefined;
  }

  context.register('Cobrowse.start', { run: () => start() });
  context.register('Cobrowse.stop', { run: () => stop() });
  context.register('Cobrowse.state', {
    run: () => {
      const { copied: _copied, ...rest } = state;
      return rest;
    },
  });

  return () => {
    offEvents();
    stopCapture();
    if (slot) render(null, slot);
    ui.unmount('cobrowse');
  };
}
