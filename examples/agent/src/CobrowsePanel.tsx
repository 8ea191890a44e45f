import { type CobrowseViewer, mountCobrowseViewer, type ViewerState } from '@tandem/cobrowse/agent';
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

/** The live view of the customer's tab, while a session lasts, with its state and End. */
export function CobrowsePanel({ client, store }: { client: AgentClient; store: DesktopStore }) {
  const { cobrowse } = useDesktop(store);
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<CobrowseViewer | null>(null);
  const [view, setView] = useState<ViewerState>({ phase: 'connecting' });
  const sessionId = cobrowse?.sessionId;

  useEffect(() => {
    if (!sessionId || !host.current) return;
    const mounted = mountCobrowseViewer(host.current, {
      send: (kind, data) => void client.sendCobrowse(sessionId, kind, data).catch(() => undefined),
      onStateChange: setView,
    });
    viewer.current = mounted;
    const offFrame = client.on('cobrowseFrame', (frame) => {
      if (frame.sessionId === sessionId) mounted.push(frame);
    });
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

  if (!cobrowse) return null;
  const ended = cobrowse.ended !== undefined;
  return (
    <section class="cobrowse" aria-labelledby="cobrowse-heading">
      <h2 id="cobrowse-heading">
        Co-browse {cobrowse.sessionId.replace(/(\d{3})(?=\d)/g, '$1 ')} · {cobrowse.mode} mode
      </h2>
      <p class="hint">
        {view.url ? `Page: ${view.url}` : 'Waiting for the page…'}
        {view.viewport ? ` · viewport ${view.viewport.width} × ${view.viewport.height}` : ''}
      </p>
      <div class="cobrowse-view" ref={host} />
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
