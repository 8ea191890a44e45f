import type { I18n } from '@tandem/sdk-core';
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
  const { list, onScroll, waiting, toBottom } = useFollowBottom(messages.length, last?.from === 'customer');
  // Messages are the log's own children, not list items: a screen reader reads a conversation, not a list.
  return (
    <div class="log-frame">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <div class="log" role="log" aria-label={t('chat.log')} tabIndex={0} ref={list} onScroll={onScroll}>
        {welcome ? <p class="note">{welcome}</p> : null}
        {messages.map((entry, index) => {
          if (entry.from === 'system') {
            const notice = entry.notice;
            const text = notice
              ? t(`chat.${notice.type}`, { name: notice.name, to: notice.to ?? '' })
              : entry.text;
            return (
              <p key={entry.id} class="note">
                {text}
              </p>
            );
          }
          const mine = entry.from === 'customer';
          const author = mine ? t('chat.you') : (entry.authorName ?? t('chat.agent'));
          // Consecutive messages of one author form a group: the name and avatar show once.
          const before = messages[index - 1];
          const grouped = before?.from === entry.from && before.authorName === entry.authorName;
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
            </div>
          );
        })}
      </div>
      {waiting ? (
        <button type="button" class="new-messages" onClick={toBottom}>
          {t('chat.newMessages')}
        </button>
      ) : null}
    </div>
  );
}
