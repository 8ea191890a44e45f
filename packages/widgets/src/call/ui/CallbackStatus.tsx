import type { CallbackBooking, I18n } from '@tandem/sdk-core';

/** A booked callback (its state is in the window's status line): cancel while it waits, else close. */
export function CallbackStatus(props: {
  i18n: I18n;
  booking: CallbackBooking;
  onCancel(): void;
  onClose(): void;
}) {
  const { t } = props.i18n;
  const waiting = props.booking.state === 'scheduled' || props.booking.state === 'queued';
  return (
    <div class="panel">
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
