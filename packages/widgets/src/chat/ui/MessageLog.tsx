import type { I18n } from '@tandem/sdk-core';
import { useEffect } from 'preact/hooks';
import type { ChatEntry } from '../controller';
import { Avatar } from './Avatar';
import { useFollowBottom } from './follow-bottom';
import { RichText } from './RichText';

export interface MessageLogProps {
  messages: readonly ChatEntry[];
  welcome?: string;
  i18n: I18n;
  imageOrigins: readonly string[];
  onRetry(id: string): void;
  /** Offered while the agent's suggestions are the last word; choosing one sends it. */
  onQuickReply?: (text: string) => void;
  /** The reader is at the newest message (window open, page visible): a read receipt for the agent. */
  onSeen?: (upTo: string) => void;
  /** Now, for "Today": from the injected clock. */
  now: number;
}

const dayOf = (at: number) => new Date(at).toDateString();

/** "Today", else the date in the visitor's language: a heading between the messages of each day. */
function dayLabel(at: number, now: number, locale: string): string {
  if (dayOf(at) !== dayOf(now))
    return new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric' }).format(at);
  const today = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day');
  return today.charAt(0).toLocaleUpperCase(locale) + today.slice(1);
}

/** The conversation as a role=log live region: new messages are announced, history is not repeated. */
export function MessageLog({
  messages,
  welcome,
  i18n,
  imageOrigins,
  onRetry,
  onQuickReply,
  onSeen,
  now,
}: MessageLogProps) {
  const last = messages[messages.length - 1];
  const replies = onQuickReply && last?.from === 'agent' ? (last.quickReplies ?? []).slice(0, 5) : [];
  const { t, locale } = i18n;
  const { list, onScroll, waiting, toBottom } = useFollowBottom(messages.length, last?.from === 'customer');
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  // Sent or read is said once, under the visitor's latest message, as messengers do.
  const lastMine = messages.findLast((m) => m.from === 'customer');
  // The newest message the server knows (not a notice made here) that the reader has in view.
  const newest = waiting ? undefined : messages.findLast((m) => m.from !== 'customer' && !m.notice);
  useEffect(() => {
    if (newest) onSeen?.(newest.id);
  });
  // Messages are the log's own children, not list items: a screen reader reads a conversation, not a list.
  return (
    <div class="log-frame">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <div class="log" role="log" aria-label={t('chat.log')} tabIndex={0} ref={list} onScroll={onScroll}>
        {welcome ? <p class="note">{welcome}</p> : null}
        {messages.map((entry, index) => {
          const before = messages[index - 1];
          const day =
            !before || dayOf(before.at) !== dayOf(entry.at) ? (
              <p key={`day-${entry.at}`} class="note day">
                {dayLabel(entry.at, now, locale)}
              </p>
            ) : null;
          const body = message(entry, before, messages[index + 1]);
          return day ? [day, body] : body;
        })}
      </div>
      {waiting ? (
        <button type="button" class="new-messages" onClick={toBottom}>
          {t('chat.newMessages')}
        </button>
      ) : null}
    </div>
  );

  function message(entry: ChatEntry, before?: ChatEntry, after?: ChatEntry) {
    if (entry.from === 'system') {
      const notice = entry.notice;
      const text = notice ? t(`chat.${notice.type}`, { name: notice.name, to: notice.to ?? '' }) : entry.text;
      return (
        <p key={entry.id} class="note">
          {text}
        </p>
      );
    }
    const mine = entry.from === 'customer';
    const author = mine ? t('chat.you') : (entry.authorName ?? t('chat.agent'));
    // Consecutive messages of one author form a group: the name and avatar show once.
    const sameAuthor = (other?: ChatEntry) =>
      other?.from === entry.from && other.authorName === entry.authorName;
    const grouped = sameAuthor(before);
    const status = entry.status;
    // A group's time shows under its last message, or where the author paused more than five minutes.
    const timed = !sameAuthor(after) || (after?.at ?? 0) - entry.at > 300_000;
    const state =
      status === 'sending'
        ? t('chat.sending')
        : entry === lastMine
          ? t(status === 'read' ? 'chat.seen' : 'chat.sent')
          : '';
    return (
      <div key={entry.id} class={`msg ${mine ? 'mine' : 'theirs'}${grouped ? ' grouped' : ''}`}>
        {mine || grouped ? (
          <span class="visually-hidden">{author}: </span>
        ) : (
          <span class="author">
            <Avatar name={author} />
            {author}
            <span class="visually-hidden">: </span>
          </span>
        )}
        <span class="bubble" dir="auto">
          <RichText
            message={entry}
            imageOrigins={imageOrigins}
            imageLabel={t('chat.image', { name: author })}
          />
        </span>
        {status === 'failed' ? (
          <span class="state failed">
            {t('chat.failed')}{' '}
            <button type="button" class="link-button" onClick={() => onRetry(entry.id)}>
              {t('common.retry')}
            </button>
          </span>
        ) : timed || state ? (
          <span class="state">
            <time dateTime={new Date(entry.at).toISOString()}>{time.format(entry.at)}</time>
            {state ? ` · ${state}` : ''}
          </span>
        ) : null}
        {entry === last && replies.length ? (
          <span class="replies">
            {replies.map((reply) => (
              <button type="button" class="secondary" key={reply} onClick={() => onQuickReply?.(reply)}>
                {reply}
              </button>
            ))}
          </span>
        ) : null}
      </div>
    );
  }
}
