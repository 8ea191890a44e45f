import type { I18n } from '@tandem/sdk-core';
import type { ChatState } from '../controller';

/**
 * Place in line and estimated wait, updated live, with a way out; when no agent who could answer is
 * logged in any more, says so and offers to leave a message instead (when the backend has messaging).
 */
export function WaitingBanner({
  i18n,
  queue,
  onCancel,
  onLeaveMessage,
}: {
  i18n: I18n;
  queue: ChatState['queue'];
  onCancel(): void;
  onLeaveMessage?: () => void;
}) {
  const { t } = i18n;
  const ewt = queue?.ewtSeconds;
  const place = queue ? t('chat.position', { position: queue.position }) : t('chat.waiting');
  const wait =
    ewt === undefined
      ? ''
      : ewt < 60
        ? t('chat.waitShort')
        : t('chat.wait', { minutes: Math.round(ewt / 60) });
  const unstaffed = queue?.staffed === false;
  // A screen reader hears the place in line when it moves, never each refreshed estimate.
  return (
    <div class="waiting">
      <p>{unstaffed ? t('chat.unstaffed') : wait ? `${place} · ${wait}` : place}</p>
      <p class="visually-hidden" role="status">
        {unstaffed ? t('chat.unstaffed') : place}
      </p>
      {unstaffed && onLeaveMessage ? (
        <button type="button" class="primary" onClick={onLeaveMessage}>
          {t('chat.leave')}
        </button>
      ) : null}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('chat.cancel')}
      </button>
    </div>
  );
}
