import type { AgentClient } from '@tandem/sdk-core/agent';
import { useEffect, useState } from 'preact/hooks';
import { CobrowseJoin, CobrowsePanel } from './CobrowsePanel';
import { ConversationPanel } from './ConversationPanel';
import { Fields } from './Fields';
import type { Conversation, DesktopStore } from './store';
import { useDesktop } from './use-store';
import { mediaLabel, purposeLabel, stateLabel } from './words';

/** Seconds left before an invitation rings out (RONA): shown, not announced every second. */
function RingOut({ expiresAt }: { expiresAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return <p class="ring-out">Rings out in {seconds} s</p>;
}

function InteractionList(props: {
  items: Conversation[];
  selected?: string | undefined;
  store: DesktopStore;
}) {
  return (
    <ul>
      {props.items.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            aria-current={c.id === props.selected ? 'true' : undefined}
            onClick={() =>
              props.store.update((d) => {
                d.selected = c.id;
              })
            }
          >
            {mediaLabel(c.media)} · {c.subjectName}
            {c.ended ? (c.wrappedUp ? ' · wrapped up' : c.ended === 'lost' ? ' · lost' : ' · ended') : ''}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Over: wrapped up, or gone from the server. */
const archived = (c: Conversation) => c.wrappedUp !== undefined || c.ended === 'lost';

export function Desktop({
  client,
  store,
  onLoggedOut,
}: {
  client: AgentClient;
  store: DesktopStore;
  onLoggedOut(): void;
}) {
  const state = useDesktop(store);
  const profile = state.profile;
  const report = (failure: unknown) =>
    store.update((d) => {
      d.notice = (failure as { message?: string }).message ?? 'Something went wrong';
    });

  function changeState(value: string) {
    const [next, reason] = value.split(':');
    client.setState(next === 'Ready' ? 'Ready' : 'NotReady', reason || undefined).catch(report);
  }
  const selected = state.conversations.find((c) => c.id === state.selected);
  const open = state.conversations.filter((c) => !archived(c));
  const done = state.conversations.filter(archived);
  const stateValue = state.state === 'NotReady' ? `NotReady:${state.reason ?? ''}` : 'Ready';

  return (
    <div class="desktop">
      <header>
        <h1>Tandem agent desktop</h1>
        <p>
          {profile?.name} · <span class="connection">{state.connection}</span>
        </p>
        <label>
          My state
          <select
            value={stateValue}
            onChange={(e) => changeState((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="Ready">Ready</option>
            <option value="NotReady:">Not Ready</option>
            {profile?.notReadyReasons.map((reason) => (
              <option key={reason} value={`NotReady:${reason}`}>
                Not Ready — {reason}
              </option>
            ))}
          </select>
        </label>
        <p role="status" class="state">
          {stateLabel(state.state)}
          {state.reason ? ` (${state.reason})` : ''}
        </p>
        <button type="button" class="secondary" onClick={() => client.logOut().then(onLoggedOut, report)}>
          Log out
        </button>
      </header>
      {state.notice ? (
        <p role="alert" class="notice">
          {state.notice}{' '}
          <button
            type="button"
            onClick={() =>
              store.update((d) => {
                d.notice = undefined;
              })
            }
          >
            Dismiss
          </button>
        </p>
      ) : null}
      <div class="columns">
        <nav aria-label="Work">
          <section aria-labelledby="invites-heading">
            <h2 id="invites-heading">Invitations</h2>
            {state.invites.length === 0 ? <p class="empty">None</p> : null}
            <ul>
              {state.invites.map((invite) => (
                <li key={invite.interactionId} class="invite">
                  <p>
                    <strong>
                      {purposeLabel[invite.purpose] ?? invite.purpose} {mediaLabel(invite.media)}
                    </strong>{' '}
                    — {invite.subjectName}
                    {invite.fromName ? ` from ${invite.fromName}` : ''}
                  </p>
                  <Fields fields={invite.fields} customerId={invite.customerId} />
                  <RingOut expiresAt={invite.expiresAt} />
                  <button type="button" onClick={() => client.accept(invite.interactionId).catch(report)}>
                    Accept
                  </button>{' '}
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => client.decline(invite.interactionId).catch(report)}
                  >
                    Decline
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="conversations-heading">
            <h2 id="conversations-heading">Interactions</h2>
            {open.length === 0 ? <p class="empty">None</p> : null}
            <InteractionList items={open} selected={state.selected} store={store} />
            {done.length ? (
              // Wrapped-up work, out of the way but still at hand.
              <details class="done">
                <summary>Wrapped up ({done.length})</summary>
                <InteractionList items={done} selected={state.selected} store={store} />
              </details>
            ) : null}
          </section>
          <CobrowseJoin client={client} />
        </nav>
        <main class={state.cobrowse ? 'workspace with-cobrowse' : 'workspace'}>
          <CobrowsePanel client={client} store={store} />
          {selected && profile ? (
            <ConversationPanel client={client} store={store} conversation={selected} profile={profile} />
          ) : (
            <p class="empty">
              {state.state === 'Ready'
                ? 'You are Ready: new chats and calls appear under Invitations.'
                : 'Go Ready to receive chats and calls.'}
            </p>
          )}
        </main>
      </div>
    </div>
  );
}
