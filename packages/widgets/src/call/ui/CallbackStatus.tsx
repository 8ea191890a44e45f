import type { CallbackBooking, I18n } from '@tandem/sdk-core';

/** A booked callback: when we will call, then that we are calling; cancel while it waits. */
export function CallbackStatus(props: {
  i18n: I18n;
  booking: CallbackBooking;
  onCancel(): void;
  onClose(): void;
}) {
  const { i18n, booking } = props;
  const { t } = i18n;
  const waiting = booking.state === 'scheduled' || booking.state === 'queued';
  const time = new Intl.DateTimeFormat(i18n.locale, { weekday: 'long', hour: '2-digit', minute: '2-digit' });
  const text =
    booking.state === 'scheduled'
      ? t('callback.booked', { time: time.format(booking.at) })
      : booking.state === 'queued'
        ? t('callback.bookedNow')
        : t(`callback.${booking.state}`);
  return (
    <div class="panel">
      <p role="status">{text}</p>
      <button
        type="button"
        class="secondary"
        data-autofocus
        onClick={waiting ? props.onCancel : props.onClose}
      >
        {waiting ? t('callback.cancel') : t('common.close')}
      </button>
    </div>
  );
}
