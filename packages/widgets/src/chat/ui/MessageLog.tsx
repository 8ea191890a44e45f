import type { I18n } from '@tandem/sdk-core';
import type { ChatEntry } from '../controller';
import { Avatar } from './Avatar';
import { RichText } from './RichText';

export interface MessageLogProps {
  messages: readonly ChatEntry[];
  welcome?: string;
  i18n: I18n;
  imageOrigins: readonly string[];
  onRetry(id: string): void;
  /** Offered while the agent's suggestions are the last word; choosing one sends it. */
  onQuickReply?: (text: string) => void;
}

// Keeps the newest message in view unless the visitor scrolled up to read older ones.
const pinned = new WeakMap<HTMLElement, boolean>();
function followBottom(list: HTMLDivElement | null): void {
  if (!list) return;
  if (!pinned.has(list)) {
    list.addEventListener('scroll', () =>
      pinned.set(list, list.scrollHeight - list.scrollTop - list.clientHeight < 40),
    );
    pinned.set(list, true);
  }
  if (pinned.get(list)) list.scrollTop = list.scrollHeight;
}

/** The conversation as a role=log live region: new messages are announced, history is not repeated. */
export function MessageLog({
  messages,
  welcome,
  i18n,
  imageOrigins,
  onRetry,
  onQuickReply,
}: MessageLogProps) {
  const last = messages[messages.length - 1];
  const replies = onQuickReply && last?.from === 'agent' ? (last.quickReplies ?? []).slice(0, 5) : [];
  const { t } = i18n;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <div class="log" role="log" aria-label={t('chat.log')} tabIndex={0} ref={followBottom}>
      <ol>
        {welcome ? <li class="note">{welcome}</li> : null}
        {messages.map((entry) => {
          if (entry.from === 'system') {
            const notice = entry.notice;
            const text = notice
              ? t(`chat.${notice.type}`, { name: notice.name, to: notice.to ?? '' })
              : entry.text;
            return (
              <li key={entry.id} class="note">
                {text}
              </li>
            );
          }
          const mine = entry.from === 'customer';
          const author = mine ? t('chat.you') : (entry.authorName ?? t('chat.agent'));
          return (
            <li key={entry.id} class={`msg ${mine ? 'mine' : 'theirs'}`}>
              {mine ? (
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
              {entry.status === 'sending' ? <span class="state">{t('chat.sending')}</span> : null}
              {entry.status === 'failed' ? (
                <span class="state failed">
                  {t('chat.failed')}{' '}
                  <button type="button" class="link-button" onClick={() => onRetry(entry.id)}>
                    {t('common.retry')}
                  </button>
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
            </li>
          );
        })}
      </ol>
    </div>
  );
}
