import type { I18n } from '@tandem/sdk-core';
import { useRef } from 'preact/hooks';
import type { ChatState } from '../controller';

/** Said again only when the place in line moves, and at most this often: the wait itself just shows. */
const announceEveryMs = 30_000;

/**
 * Place in line and estimated wait, updated live, with a way out; when no agent who could answer is
 * logged in any more, says so and offers to leave a message instead.
 */
export function WaitingBanner({
  i18n,
  queue,
  now,
  onCancel,
  onLeaveMessage,
}: {
  i18n: I18n;
  queue: ChatState['queue'];
  now: number;
  onCancel(): void;
  onLeaveMessage(): void;
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
  // A screen reader hears the place in line when it changes, not every refreshed estimate.
  const said = useRef({ text: '', at: -Infinity });
  const spoken = unstaffed ? t('chat.unstaffed') : place;
  if (spoken !== said.current.text && (unstaffed || now - said.current.at >= announceEveryMs)) {
    said.current = { text: spoken, at: now };
  }
  return (
    <div class="waiting">
      <p>{unstaffed ? t('chat.unstaffed') : wait ? `${place} · ${wait}` : place}</p>
      <p class="visually-hidden" role="status">
        {said.current.text}
      </p>
      {unstaffed ? (
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
