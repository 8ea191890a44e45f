import type { CallbackBooking, ConnectionState, I18n } from '@tandem/sdk-core';
import { Window } from '../../shared/Window';
import type { CallState } from '../controller';
import type { CallOffer } from '../offer';
import { CallbackStatus } from './CallbackStatus';
import { CallForm, type CallFormProps } from './CallForm';
import { CallStatus } from './CallStatus';
import { formatDay } from './format-day';

export interface CallWindowProps extends Omit<CallFormProps, 'onMode'> {
  call: CallState;
  booking: CallbackBooking | null;
  connection: ConnectionState;
  now: number;
  copied?: string | undefined;
  onMode: CallFormProps['onMode'];
  onClose(): void;
  onRenew(): void;
  onCopy(number: string): void;
  onCancelCallback(): void;
  onOtherChannels(): void;
}

/**
 * The click-to-call window. One status line stays in place from the form to the end of the call, so
 * that each change (wait time, connected, answered) is announced where it was.
 */
export function CallWindow(props: CallWindowProps) {
  const { i18n, call, booking, offer, mode } = props;
  const { t } = i18n;
  const calling = call.phase !== 'idle' && call.phase !== 'requesting';
  const status = calling
    ? progress(i18n, call)
    : booking
      ? bookingText(i18n, booking)
      : offerText(i18n, offer);
  return (
    <Window
      id="tandem-call"
      kind="call"
      title={mode === 'callback' && !calling ? t('callback.title') : t('call.title')}
      closeLabel={t('common.close')}
      onClose={props.onClose}
    >
      {props.connection === 'offline' && (calling || booking) ? (
        <p class="banner">{t('call.offline')}</p>
      ) : null}
      <p class={status ? 'banner' : 'visually-hidden'} role="status">
        {status}
      </p>
      {calling ? (
        <CallStatus
          i18n={i18n}
          state={call}
          now={props.now}
          copied={props.copied}
          onRenew={props.onRenew}
          onCopy={props.onCopy}
          onClose={props.onClose}
        />
      ) : booking ? (
        <CallbackStatus
          i18n={i18n}
          booking={booking}
          onCancel={props.onCancelCallback}
          onClose={props.onClose}
        />
      ) : offer.kind === 'none' ? (
        <div class="panel">
          <button type="button" class="primary wide" data-autofocus onClick={props.onOtherChannels}>
            {t('call.others')}
          </button>
        </div>
      ) : (
        <CallForm {...props} />
      )}
    </Window>
  );
}

function offerText({ t, locale }: I18n, offer: CallOffer): string {
  if (offer.kind === 'call') {
    const ewt = offer.ewtSeconds;
    if (ewt === undefined) return '';
    if (ewt === 0) return t('call.available');
    return ewt < 60 ? t('call.waitShort') : t('call.wait', { minutes: Math.round(ewt / 60) });
  }
  if (offer.reason === 'busy') return t('call.busy');
  if (offer.reason === 'only') return '';
  const opens =
    offer.nextOpenAt === undefined
      ? ''
      : ` ${t('call.opens', { time: formatDay(locale, offer.nextOpenAt) })}`;
  return t('call.closed') + opens;
}

function bookingText({ t, locale }: I18n, booking: CallbackBooking): string {
  if (booking.state === 'queued') return t('callback.bookedNow');
  if (booking.state !== 'scheduled') return t(`callback.${booking.state}`);
  return t('callback.booked', { time: formatDay(locale, booking.at) });
}

function progress({ t }: I18n, call: CallState): string {
  switch (call.phase) {
    case 'connected':
      return `${t('call.connected')}${call.queue ? ` ${t('call.position', { position: call.queue.position })}` : ''}`;
    case 'answered':
      return t('call.answered', { name: call.agentName ?? '' });
    case 'ended':
      return t('call.ended');
    case 'exhausted':
      return t('call.exhausted');
    default:
      return '';
  }
}
