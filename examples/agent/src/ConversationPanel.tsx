import { systemClock } from '@tandem/sdk-core';
import { type AgentClient, type AgentProfile, createTypingSignal } from '@tandem/sdk-core/agent';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Fields } from './Fields';
import type { Conversation, DesktopStore } from './store';
import { endedLabel, mediaTitle } from './words';

interface Props {
  client: AgentClient;
  store: DesktopStore;
  conversation: Conversation;
  profile: AgentProfile;
}

export function ConversationPanel({ client, store, conversation, profile }: Props) {
  const [draft, setDraft] = useState('');
  const [replies, setReplies] = useState('');
  const [query, setQuery] = useState('');
  const [responses, setResponses] = useState<Array<{ id: string; title: string; text: string }>>([]);
  const [roster, setRoster] = useState<Array<{ id: string; name: string; state: string }>>([]);
  const [target, setTarget] = useState('');
  const [code, setCode] = useState(profile.wrapUpCodes[0] ?? '');
  const id = conversation.id;
  const report = (failure: unknown) =>
    store.update((d) => {
      const { code, message } = failure as { code?: string; message?: string };
      // The server no longer has it (a restart lost it): it is over, said once, in words.
      const found = code === 'not_found' ? d.conversations.find((c) => c.id === id) : undefined;
      if (found && !found.ended) found.ended = 'lost';
      else d.notice = message ?? 'Something went wrong';
    });
  const live = !conversation.ended;
  // The customer sees "Alice is typing…": throttled as the customer's own signal is.
  const typing = useMemo(
    () => createTypingSignal(systemClock, (on) => void client.typing(id, on).catch(() => undefined)),
    [client, id],
  );
  useEffect(() => () => typing.stop(), [typing]);
  useReadReceipt(client, conversation);

  const refreshRoster = () =>
    client
      .roster()
      .then((agents) => setRoster(agents.filter((a) => a.id !== profile.id)))
      .catch(report);
  useEffect(() => void refreshRoster(), [id]);

  function send(event: Event) {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    typing.stop();
    // Keep what was typed until the server has it: nothing typed is lost silently.
    // Quick replies: up to five, one per line, shown to the customer as buttons.
    const quickReplies = replies
      .split('\n')
      .map((reply) => reply.trim())
      .filter(Boolean)
      .slice(0, 5);
    client
      .send(id, text, 'all', quickReplies)
      .then(() => {
        setDraft('');
        setReplies('');
      })
      .catch(report);
  }

  function search(event: Event) {
    event.preventDefault();
    client.searchResponses(query).then(setResponses).catch(report);
  }

  const hand = (kind: 'transfer' | 'conference' | 'consult') =>
    client[kind](
      id,
      target.startsWith('subject:') ? { toSubject: target.slice(8) } : { toAgentId: target },
    ).catch(report);

  const seenUpTo = lastReadAgentMessage(conversation);
  return (
    <article aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">
        {mediaTitle(conversation.media)} — {conversation.subjectName}
        {conversation.ended ? ` · ${endedLabel(conversation.ended)}` : ''}
      </h2>
      <Fields
        fields={conversation.fields}
        customerId={conversation.customerId}
        subjectName={conversation.subjectName}
      />
      {conversation.media !== 'voice' ? (
        <>
          <div role="log" aria-label="Transcript" aria-live="polite" class="transcript">
            <ol>
              {conversation.transcript.map((message) => (
                <li
                  key={message.id}
                  class={`from-${message.from}${message.visibility === 'agents' ? ' internal' : ''}`}
                >
                  <time dateTime={new Date(message.at).toISOString()}>
                    {new Date(message.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
                  </time>{' '}
                  <span class="author">
                    {message.from === 'agent'
                      ? message.authorName
                      : message.from === 'customer'
                        ? 'Customer'
                        : 'System'}
                    {message.visibility === 'agents' ? ' (agents only)' : ''}:
                  </span>{' '}
                  <span class="text">{message.text}</span>
                  {message.id === seenUpTo ? <span class="seen"> · Read by the customer</span> : null}
                </li>
              ))}
            </ol>
          </div>
          {conversation.customerTyping ? <p class="typing">The customer is typing…</p> : null}
          {live ? (
            <form onSubmit={send} class="composer">
              <label>
                Message
                <textarea
                  value={draft}
                  rows={2}
                  onInput={(e) => {
                    setDraft((e.currentTarget as HTMLTextAreaElement).value);
                    typing.typed();
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.shiftKey) send(e);
                  }}
                />
              </label>
              <label>
                Quick replies (optional, one per line)
                <textarea
                  value={replies}
                  rows={2}
                  onInput={(e) => setReplies((e.currentTarget as HTMLTextAreaElement).value)}
                />
              </label>
              <button type="submit">Send</button>
            </form>
          ) : null}
          <form onSubmit={search} class="responses">
            <label>
              Search standard responses
              <input value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button type="submit">Search</button>
            <ul>
              {responses.map((response) => (
                <li key={response.id}>
                  <button type="button" onClick={() => setDraft(response.text)}>
                    Use “{response.title}”
                  </button>
                </li>
              ))}
            </ul>
          </form>
        </>
      ) : null}
      {live ? (
        <fieldset class="actions">
          <legend>Hand on</legend>
          <label for="hand-on-target">To</label>
          <select
            id="hand-on-target"
            value={target}
            onFocus={refreshRoster}
            onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">Choose an agent or queue</option>
            {roster.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name} ({agent.state})
              </option>
            ))}
            {profile.subjects.map((subject) => (
              <option key={subject.id} value={`subject:${subject.id}`}>
                Queue: {subject.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!target} onClick={() => hand('transfer')}>
            Transfer
          </button>
          <button type="button" disabled={!target} onClick={() => hand('conference')}>
            Conference
          </button>
          <button type="button" disabled={!target} onClick={() => hand('consult')}>
            Consult
          </button>
          <button type="button" onClick={() => client.end(id).catch(report)}>
            End {conversation.media === 'voice' ? 'call' : 'chat'}
          </button>
        </fieldset>
      ) : conversation.wrappedUp ? (
        <p>Wrapped up: {conversation.wrappedUp}</p>
      ) : conversation.ended !== 'transferred' && conversation.ended !== 'lost' ? (
        <form
          class="wrap-up"
          onSubmit={(e) => {
            e.preventDefault();
            client
              .wrapUp(id, code)
              .then(() =>
                store.update((d) => {
                  const found = d.conversations.find((c) => c.id === id);
                  if (found) found.wrappedUp = code;
                }),
              )
              .catch(report);
          }}
        >
          <label>
            Wrap-up code
            <select value={code} onChange={(e) => setCode((e.currentTarget as HTMLSelectElement).value)}>
              {profile.wrapUpCodes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Wrap up</button>
        </form>
      ) : null}
    </article>
  );
}

/** The newest of this side's messages that the customer has seen: where "Read" shows. */
function lastReadAgentMessage(conversation: Conversation): string | undefined {
  const read = conversation.transcript.findIndex((m) => m.id === conversation.customerRead);
  return conversation.transcript
    .slice(0, read + 1)
    .findLast((m) => m.from === 'agent' && m.visibility === 'all')?.id;
}

/** Tells the customer the agent has read up to their newest message, once it is on a visible screen. */
function useReadReceipt(client: AgentClient, conversation: Conversation): void {
  const sent = useRef<string | undefined>(undefined);
  const newest = conversation.transcript.findLast((m) => m.from === 'customer')?.id;
  const { id, ended } = conversation;
  useEffect(() => {
    if (!newest || ended || sent.current === newest) return;
    const send = () => {
      if (document.visibilityState === 'hidden' || sent.current === newest) return;
      sent.current = newest;
      client.read(id, newest).catch(() => undefined);
    };
    send();
    document.addEventListener('visibilitychange', send);
    return () => document.removeEventListener('visibilitychange', send);
  }, [client, id, newest, ended]);
}
