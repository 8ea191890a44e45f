import {
  type CobrowseEvent,
  type CobrowseRelayApi,
  definePlugin,
  getDocument,
  getWindow,
  offers,
  type PluginContext,
} from '@tandem/sdk-core';
import { render } from 'preact';
import * as z from 'zod/mini';
import { pageAddress } from './capture/address';
import type { Capture } from './capture/recorder';
import { restrictionsFor } from './capture/restrictions';
import type { Executor } from './control/executor';
import { type CobrowseOptions, parseCobrowseOptions } from './options';
import { cobrowseStrings } from './strings';
import { cobrowseStyles } from './styles';
import { AgentMarks } from './ui/AgentMarks';
import { createAgentMarks } from './ui/agent-marks-state';
import { CobrowseView, type CobrowseViewState } from './ui/CobrowseView';
import { ConsentDialog } from './ui/ConsentDialog';

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
    'Cobrowse.modeChanged': { sessionId: string; mode: 'pointer' | 'write' };
    'Cobrowse.ended': { sessionId: string; reason: string };
  }
  interface TandemCommands {
    'Cobrowse.start': { payload: undefined; result: { sessionId: string } };
    'Cobrowse.stop': { payload: undefined; result: undefined };
    'Cobrowse.revoke': { payload: undefined; result: undefined };
    'Cobrowse.state': { payload: undefined; result: CobrowseState };
  }
}

/** No answer to a write-mode request within this time is a no. */
export const consentTimeoutMs = 30_000;
/** The tab's session, kept per tab so that the next page of the site goes on with it. */
const storageKey = 'cobrowse.session';
const storedSession = z.strictObject({ sessionId: z.string().check(z.maxLength(16)) });

/**
 * Co-browse, customer side (seeds 000 and CE27): only the customer starts it; the 9-digit id is read to
 * the agent on a call, or the chat's agent joins at once. rrweb and the capture load when the session
 * starts. The agent points, highlights and draws in both modes; clicks and typing run only in write mode,
 * which the customer grants and can take back at any time (Escape or the bar's button).
 */
export function cobrowse(input: CobrowseOptions = {}) {
  return definePlugin({
    name: 'Cobrowse',
    setup(context) {
      // Not offered: nothing to load or draw (the kernel refuses Cobrowse.* as unsupported).
      if (context.backend && !offers(context.backend, 'cobrowse')) return;
      const options = parseCobrowseOptions(input);
      context.i18n.add(cobrowseStrings);
      context.ui.addStyles(cobrowseStyles);
      return mountCobrowse(context, options);
    },
  });
}

function mountCobrowse(context: PluginContext, options: CobrowseOptions): () => void {
  const { backend, bus, ui, i18n, clock, random, tabStorage } = context;
  if (!backend) throw new Error('Cobrowse needs a backend (config.backend)');
  const offered = backend.cobrowse;
  if (!offered) return () => undefined; // checked in setup; narrows the type
  const relay: CobrowseRelayApi = offered;
  const slot = ui.mount('cobrowse');
  let state: CobrowseState & { copied?: string; consent?: boolean } = { phase: 'idle' };
  const marks = createAgentMarks(clock, () => paint());
  let capture: Capture | undefined;
  let executor: Executor | undefined;
  let loading: Promise<typeof import('./capture/live')> | undefined;
  let consentTimer: unknown;
  let focusBeforeConsent: HTMLElement | null = null;
  let starting: Promise<{ sessionId: string }> | undefined;
  let resumed: Promise<void> | undefined;

  const loadCapture = () => {
    loading ??= import('./capture/live');
    return loading;
  };

  function paint(): void {
    if (!slot) return;
    const wasShown = slot.querySelector('[data-autofocus]') !== null;
    const consentWasShown = slot.querySelector('.cobrowse-consent') !== null;
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
          onRevoke={() => void revoke()}
          onClose={() => {
            state = { phase: 'idle' };
            paint();
          }}
        />
        {state.consent && state.phase === 'active' ? (
          <ConsentDialog i18n={i18n} agentName={state.agentName ?? ''} onAnswer={answer} />
        ) : null}
        <AgentMarks i18n={i18n} marks={marks.current} agentName={state.agentName ?? ''} />
      </>,
      slot,
    );
    // Focus goes to the panel when it appears (the bar never takes it), and stays with us when the part
    // that held it is replaced.
    const stillThere = active !== null && slot.contains(active);
    const appearing = state.consent ? !consentWasShown : !wasShown && state.phase !== 'active';
    const target = state.consent
      ? slot.querySelector<HTMLElement>('.cobrowse-consent [data-autofocus]')
      : slot.querySelector<HTMLElement>('[data-autofocus]');
    if (appearing || (hadFocus && !stillThere)) target?.focus();
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
    const { startCapture, createExecutor, createRestrictionCheck } = await loadCapture();
    if (state.phase !== 'active' || capture) return;
    const location = getWindow()?.location;
    const href = location?.href ?? '';
    const rules = [...(options.restrictions ?? []), { unmask: options.unmask }];
    const restrictions = restrictionsFor(href, rules, options.privacy);
    const address = (url: string) => pageAddress(url, options.urlParams);
    // Each page has its own id: an action the agent aimed at the page before is refused on this one.
    const page = `${clock.now().toString(36)}-${Math.floor(random() * 2 ** 32).toString(36)}`;
    try {
      capture = startCapture({
        restrictions,
        address,
        clock,
        document: doc,
        send: (frame) => void relay.send(frame).catch(() => undefined),
      });
    } catch {
      // A browser rrweb cannot record in: end the session rather than break the page.
      set({ phase: 'failed' });
      forget();
      await relay.end().catch(() => undefined);
      return;
    }
    const mirror = capture;
    executor = createExecutor({
      check: createRestrictionCheck(restrictions),
      node: (id) => mirror.node(id),
      document: doc,
      clock,
      page,
      origins: [...(location ? [location.origin] : []), ...(options.origins ?? [])],
      isWriteMode: () => state.phase === 'active' && state.mode === 'write',
    });
    doc.addEventListener('keydown', onEscape, { capture: true });
    const url = address(href) ? { url: address(href) } : {};
    relay.send({ kind: 'navigation', ...url, data: { page } }).catch(() => undefined);
  }

  /** The customer's Escape takes back control (the agent's keys are never trusted events). */
  function onEscape(event: KeyboardEvent): void {
    if (event.key === 'Escape' && event.isTrusted && state.mode === 'write') void revoke();
  }

  function stopCapture(): void {
    capture?.stop();
    capture = undefined;
    executor?.destroy();
    executor = undefined;
    getDocument()?.removeEventListener('keydown', onEscape, { capture: true });
    clock.clearTimeout(consentTimer);
    marks.clear();
  }

  function remember(sessionId: string): void {
    tabStorage.set(storageKey, { sessionId });
  }
  function forget(): void {
    tabStorage.remove(storageKey);
  }

  function refuse(data: Record<string, unknown>): void {
    relay.send({ kind: 'refused', data }).catch(() => undefined);
  }

  /** The customer's answer to the agent's request; the request is no longer on screen either way. */
  function answer(allow: boolean): void {
    clock.clearTimeout(consentTimer);
    if (!state.consent) return;
    set({ ...state, consent: false });
    focusBeforeConsent?.focus?.();
    focusBeforeConsent = null;
    relay.consent(allow).catch(() => undefined);
  }

  /** Back to pointer mode at once: the page refuses the agent's next action before the server knows. */
  async function revoke(): Promise<undefined> {
    if (state.phase !== 'active' || state.mode !== 'write') return undefined;
    set({ ...state, mode: 'pointer' });
    bus.emit('Cobrowse.modeChanged', { sessionId: state.sessionId ?? '', mode: 'pointer' });
    await relay.revoke().catch(() => undefined);
    return undefined;
  }

  function onAgentFrame(kind: string, data: unknown): void {
    const value = (data ?? {}) as { x?: unknown; y?: unknown; id?: unknown };
    if (kind === 'pointer' && typeof value.x === 'number' && typeof value.y === 'number') {
      marks.pointer(value.x, value.y);
    } else if (kind === 'highlight' && typeof value.id === 'number') {
      const node = capture?.node(value.id);
      const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
      if (element) marks.highlight(element);
    } else if (kind === 'annotation') marks.annotate(data);
    else if (kind === 'resync') capture?.resync();
    else if (kind === 'control') runControl(data);
    else refuse({ kind, reason: 'unsupported' });
  }

  /** One action of the agent's, run or refused by the executor; a refusal goes back with its reason. */
  function runControl(data: unknown): void {
    const action = (data ?? {}) as { type?: unknown; id?: unknown };
    const focusBefore = executor?.focused();
    const result = executor?.run(data) ?? { ok: false, reason: 'pointer_mode' };
    if (!result.ok) refuse({ kind: 'control', action: action.type, id: action.id, reason: result.reason });
    // The agent's key moved the focus (Tab): the agent's next keys go to the field that has it now.
    const focused = executor?.focused();
    if (result.ok && focused && focused !== focusBefore && capture) {
      const id = capture.id(focused);
      if (id > 0) relay.send({ kind: 'focus', data: { id } }).catch(() => undefined);
    }
  }

  function onEvent(event: CobrowseEvent): void {
    if (event.type === 'frame') {
      if (state.phase === 'active') onAgentFrame(event.kind, event.data);
      return;
    }
    // The connection may be shared with the site's other tabs: only the tab that started a session acts.
    const ours = state.sessionId === event.sessionId;
    if (event.type === 'joined') {
      if (!(state.phase === 'starting' || (state.phase === 'waiting' && ours))) return;
      joined(event.sessionId, event.agentName, event.mode);
    } else if (event.type === 'mode' && ours && state.phase === 'active') {
      if (event.mode === state.mode) return;
      set({ ...state, mode: event.mode, consent: false });
      bus.emit('Cobrowse.modeChanged', { sessionId: event.sessionId, mode: event.mode });
    } else if (event.type === 'writeRequested' && ours && state.phase === 'active') {
      const active = getDocument()?.activeElement;
      focusBeforeConsent = active instanceof HTMLElement ? active : null;
      set({ ...state, consent: true });
      clock.clearTimeout(consentTimer);
      consentTimer = clock.setTimeout(() => answer(false), consentTimeoutMs);
    } else if (event.type === 'ended' && ours && state.phase !== 'idle' && state.phase !== 'ended') {
      stopCapture();
      forget();
      set({ phase: 'ended', sessionId: event.sessionId, endReason: event.reason });
      bus.emit('Cobrowse.ended', { sessionId: event.sessionId, reason: event.reason });
    }
  }

  function joined(sessionId: string, agentName: string, mode: CobrowseState['mode']): void {
    remember(sessionId);
    set({ phase: 'active', sessionId, agentName, mode });
    bus.emit('Cobrowse.joined', { sessionId, agentName });
    startCapture().catch(() => set({ phase: 'failed' }));
  }
  const offEvents = relay.onEvent(onEvent);

  async function start(): Promise<{ sessionId: string }> {
    // A page opened mid-session picks it up first rather than start a second one.
    if (resumed) await resumed;
    if ((state.phase === 'waiting' || state.phase === 'active') && state.sessionId)
      return { sessionId: state.sessionId };
    if (starting) return starting;
    set({ phase: 'starting' });
    void loadCapture().catch(() => undefined);
    starting = relay.create().then(
      ({ sessionId }) => {
        starting = undefined;
        remember(sessionId);
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

  /** The tab had a session on its previous page: go on with it, agent and mode included. */
  function resume(): void {
    const stored = tabStorage.get(storageKey, (value) => {
      const parsed = z.safeParse(storedSession, value);
      return parsed.success ? parsed.data : undefined;
    });
    if (!stored) return;
    resumed = relay.resume(stored.sessionId).then(
      (session) => {
        resumed = undefined;
        if (state.phase !== 'idle') return;
        if (session.agentName) joined(session.sessionId, session.agentName, session.mode);
        else set({ phase: 'waiting', sessionId: session.sessionId });
      },
      () => {
        resumed = undefined;
        forget();
      },
    );
  }

  async function stop(): Promise<undefined> {
    if (state.phase === 'idle' || state.phase === 'ended' || state.phase === 'failed') {
      set({ phase: 'idle' });
      return undefined;
    }
    // Nothing more leaves the page from this moment, whatever the network does.
    stopCapture();
    forget();
    const sessionId = state.sessionId ?? '';
    set({ phase: 'ended', sessionId, endReason: 'customer' });
    bus.emit('Cobrowse.ended', { sessionId, reason: 'customer' });
    await relay.end().catch(() => undefined);
    return undefined;
  }

  context.register('Cobrowse.start', { run: () => start() });
  context.register('Cobrowse.stop', { run: () => stop() });
  context.register('Cobrowse.revoke', { run: () => revoke() });
  context.register('Cobrowse.state', {
    run: () => {
      const { copied: _copied, consent: _consent, ...rest } = state;
      return rest;
    },
  });
  resume();

  return () => {
    offEvents();
    stopCapture();
    if (slot) render(null, slot);
    ui.unmount('cobrowse');
  };
}
