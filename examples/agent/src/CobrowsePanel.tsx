import {
  type CobrowseViewer,
  mountCobrowseViewer,
  type Refused,
  type ViewerState,
  type ViewerTool,
} from '@tandem/cobrowse/agent';
import type { AgentClient } from '@tandem/sdk-core/agent';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DesktopStore } from './store';
import { useDesktop } from './use-store';

/** Joins a customer's tab by the id they read out; a chat-started session opens here on its own. */
export function CobrowseJoin({ client }: { client: AgentClient }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function join(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const id = String(new FormData(form).get('sessionId') ?? '');
    setBusy(true);
    setError('');
    try {
      await client.joinCobrowse(id);
      form.reset();
    } catch (failure) {
      setError((failure as { message?: string }).message ?? 'Could not join');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="cobrowse-join-heading">
      <h2 id="cobrowse-join-heading">Co-browse</h2>
      <form onSubmit={join} class="cobrowse-join">
        <label>
          Session id
          <input name="sessionId" inputMode="numeric" autocomplete="off" required placeholder="123 456 789" />
        </label>
        <button type="submit" disabled={busy}>
          Join
        </button>
        {error ? (
          <p role="alert" class="error">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}

const tools: ReadonlyArray<[ViewerTool, string]> = [
  ['pointer', 'Pointer'],
  ['laser', 'Laser'],
  ['draw', 'Draw'],
  ['rect', 'Rectangle'],
];

/** The viewer's status line ("Live") above the customer's page. */
const viewerStatusPx = 28;

const pathOf = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

/** The live view of the customer's tab, while a session lasts: mode, tools, pages, refusals and End. */
export function CobrowsePanel({ client, store }: { client: AgentClient; store: DesktopStore }) {
  const { cobrowse } = useDesktop(store);
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<CobrowseViewer | null>(null);
  const [view, setView] = useState<ViewerState>({
    phase: 'connecting',
    mode: 'pointer',
    tool: 'pointer',
    pages: [],
  });
  // Counted, so that the same refusal twice is a new alert, announced again.
  const [refused, setRefusedState] = useState<(Refused & { count: number }) | undefined>();
  const setRefused = (next: Refused) =>
    setRefusedState((last) => ({ ...next, count: (last?.count ?? 0) + 1 }));
  const sessionId = cobrowse?.sessionId;
  const mode = cobrowse?.mode === 'write' && !cobrowse.ended ? 'write' : 'pointer';

  useEffect(() => {
    // A refusal belongs to its session: the next one starts with none.
    setRefusedState(undefined);
    if (!sessionId || !host.current) return;
    const mounted = mountCobrowseViewer(host.current, {
      send: (kind, data) =>
        void client.sendCobrowse(sessionId, kind, data).catch((failure: { message?: string }) => {
          // The server refuses control outside write mode or between pages: the agent hears why.
          if (kind === 'control')
            setRefused({ action: '', reason: 'server', message: failure.message ?? 'Refused' });
        }),
      onStateChange: setView,
      onRefused: setRefused,
    });
    viewer.current = mounted;
    const offFrame = client.cobrowseFrames(sessionId, (frame) => mounted.push(frame));
    const offEnded = client.on('cobrowseEnded', (event) => {
      if (event.sessionId === sessionId) mounted.end(event.reason);
    });
    return () => {
      offFrame();
      offEnded();
      mounted.destroy();
      viewer.current = null;
    };
  }, [sessionId, client]);

  useEffect(() => viewer.current?.setMode(mode), [mode]);

  if (!cobrowse) return null;
  const ended = cobrowse.ended !== undefined;
  const fullScreen = () =>
    document.fullscreenElement
      ? void document.exitFullscreen().catch(() => undefined)
      : void host.current
          ?.closest('section')
          ?.requestFullscreen()
          .catch(() => undefined);
  const requestWrite = () => {
    store.update((d) => {
      if (d.cobrowse) d.cobrowse = { ...d.cobrowse, request: 'pending' };
    });
    client
      .requestWriteMode(cobrowse.sessionId)
      .catch((failure: { message?: string }) =>
        setRefused({ action: '', reason: 'server', message: failure.message ?? 'Could not ask' }),
      );
  };
  const latest = view.pages.at(-1);
  const request =
    mode === 'write'
      ? 'You have control: the customer can take it back at any time.'
      : cobrowse.request === 'pending'
        ? 'Waiting for the customer’s answer…'
        : cobrowse.request === 'denied'
          ? 'The customer said no.'
          : '';
  return (
    <section class="cobrowse" aria-labelledby="cobrowse-heading">
      <h2 id="cobrowse-heading">
        Co-browse {cobrowse.sessionId.replace(/(\d{3})(?=\d)/g, '$1 ')} · {cobrowse.mode} mode
      </h2>
      <p class="hint" role="status">
        {latest
          ? view.pages.length > 1
            ? `Customer went to ${pathOf(latest)}`
            : `Page: ${latest}`
          : 'Waiting for the page…'}
        {view.viewport ? ` · viewport ${view.viewport.width} × ${view.viewport.height}` : ''}
      </p>
      {ended ? null : (
        <div class="cobrowse-tools">
          {mode === 'pointer' ? (
            <button type="button" onClick={requestWrite} disabled={cobrowse.request === 'pending'}>
              Request control
            </button>
          ) : null}
          <span role="status">{request}</span>
          <fieldset>
            <legend>Tool</legend>
            {tools.map(([tool, label]) => (
              <label key={tool}>
                <input
                  type="radio"
                  name="cobrowse-tool"
                  checked={view.tool === tool}
                  onChange={() => viewer.current?.setTool(tool)}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <p class="refusal" role="alert" key={refused?.count ?? 0} data-count={refused?.count ?? 0}>
        {refused ? `Refused: ${refused.message}` : ''}
      </p>
      {/* As wide as the column, as tall as the customer's screen is for that width (the viewer fits it). */}
      <div
        class="cobrowse-view"
        ref={host}
        style={
          view.viewport
            ? { aspectRatio: `${view.viewport.width} / ${view.viewport.height + viewerStatusPx}` }
            : undefined
        }
      />
      {view.pages.length > 0 ? (
        <ol class="cobrowse-pages" aria-label="Pages visited">
          {view.pages.map((page, index) => (
            <li key={`${index}-${page}`}>{pathOf(page)}</li>
          ))}
        </ol>
      ) : null}
      <p>
        {ended ? (
          <button
            type="button"
            onClick={() =>
              store.update((d) => {
                d.cobrowse = undefined;
              })
            }
          >
            Close view
          </button>
        ) : (
          <>
            <button
              type="button"
              onClick={() => void client.sendCobrowse(cobrowse.sessionId, 'resync').catch(() => undefined)}
            >
              Refresh view
            </button>{' '}
            <button type="button" onClick={fullScreen}>
              Full screen
            </button>{' '}
            <button
              type="button"
              onClick={() => void client.endCobrowse(cobrowse.sessionId).catch(() => undefined)}
            >
              End co-browse
            </button>
          </>
        )}
      </p>
    </section>
  );
}
