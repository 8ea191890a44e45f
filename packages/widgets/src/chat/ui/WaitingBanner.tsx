import type { I18n } from '@tandem/sdk-core';
import type { ChatState } from '../controller';

/** Queue position and estimated wait, updated live, with a way out. */
export function WaitingBanner({
  i18n,
  queue,
  onCancel,
}: {
  i18n: I18n;
  queue: ChatState['queue'];
  onCancel(): void;
}) {
  const { t } = i18n;
  const ewt = queue?.ewtSeconds;
  return (
    <div class="waiting">
      <p role="status">
        {queue ? `${t('chat.position', { position: queue.position })} ` : t('chat.waiting')}
        {ewt === undefined
          ? null
          : ewt < 60
            ? t('chat.waitShort')
            : t('chat.wait', { minutes: Math.round(ewt / 60) })}
      </p>
      <button type="button" class="secondary" onClick={onCancel}>
        {t('chat.cancel')}
      </button>
    </div>
  );
}
