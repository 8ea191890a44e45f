import type { I18n } from '@tandem/sdk-core';
import type { CallState } from '../controller';
import { formatRemaining } from '../countdown';

export interface CallStatusProps {
  i18n: I18n;
  state: CallState;
  now: number;
  /** What became of the last copy: copied, or how to copy by hand. */
  copied?: string | undefined;
  onRenew(): void;
  onCopy(number: string): void;
  onClose(): void;
}

/** After the form: the number to dial and its code, the call's end, or what went wrong. */
export function CallStatus(props: CallStatusProps) {
  const { i18n, state } = props;
  const { t } = i18n;
  switch (state.phase) {
    case 'leased':
      return <LeasedNumber {...props} />;
    case 'connected':
    case 'answered':
      return null;
    case 'ended':
      return (
        <div class="panel">
          <button type="button" class="secondary" data-autofocus onClick={props.onClose}>
            {t('common.close')}
          </button>
        </div>
      );
    case 'exhausted':
      return (
        <div class="panel">
          <DialNumber number={state.generalNumber ?? ''} id="tandem-call-general" />
        </div>
      );
    default:
      // Expired or failed: a new number with the same details, in one step.
      return (
        <div class="panel">
          <p role="alert">{state.phase === 'expired' ? t('call.expired') : t('call.failed')}</p>
          <button type="button" class="primary wide" data-autofocus onClick={props.onRenew}>
            {state.phase === 'expired' ? t('call.renew') : t('common.retry')}
          </button>
        </div>
      );
  }
}

function LeasedNumber({ i18n, state, now, copied, onRenew, onCopy }: CallStatusProps) {
  const { t } = i18n;
  const number = state.number ?? '';
  return (
    <div class="panel">
      <p id="tandem-call-dial">{t('call.dial')}</p>
      <DialNumber number={number} id="tandem-call-number" />
      {state.accessCode ? (
        <p>
          {t('call.code')} <strong class="code">{state.accessCode}</strong>
        </p>
      ) : null}
      <p>{state.accessCode ? t('call.withCode') : t('call.withoutCode')}</p>
      <button type="button" class="secondary" onClick={() => onCopy(number)}>
        {t('call.copy')}
      </button>
      <p role="status">{copied}</p>
      <p class="hint">
        {t('call.expiresIn', { time: formatRemaining(state.expiresAt ?? now, now) })}{' '}
        <button type="button" class="link-button" onClick={onRenew}>
          {t('call.renew')}
        </button>
      </p>
    </div>
  );
}

/** The number large, one tap to dial; read left to right even in right-to-left pages. */
function DialNumber({ number, id }: { number: string; id: string }) {
  return (
    <a class="number" id={id} href={`tel:${number.replace(/[^\d+]/g, '')}`} dir="ltr" data-autofocus>
      {number}
    </a>
  );
}
