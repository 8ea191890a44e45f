import type { I18n } from '@tandem/sdk-core';
import { dockRef } from './dock';

export type CobrowsePhase = 'idle' | 'starting' | 'waiting' | 'active' | 'ended' | 'failed';

export interface CobrowseViewState {
  readonly phase: CobrowsePhase;
  readonly sessionId?: string;
  readonly agentName?: string;
  readonly mode?: 'pointer' | 'write';
  readonly endReason?: string;
  readonly copied?: string;
}

/** 123456789 → "123 456 789": three groups are easy to read aloud. */
export const groupDigits = (id: string) => id.replace(/(\d{3})(?=\d)/g, '$1 ');

const endedKeys: Record<string, string> = {
  customer: 'cobrowse.endedBy.customer',
  agent: 'cobrowse.endedBy.agent',
  inactivity: 'cobrowse.endedBy.inactivity',
  'customer left': 'cobrowse.endedBy.left',
  'interaction ended': 'cobrowse.endedBy.interaction',
  'interaction transferred': 'cobrowse.endedBy.interaction',
};

export interface CobrowseViewProps {
  readonly i18n: I18n;
  readonly state: CobrowseViewState;
  onCopy(): void;
  onCancel(): void;
  onStop(): void;
  onRevoke(): void;
  onClose(): void;
}

const dock = dockRef();

/** The waiting panel with the session id, the sharing bar while the agent is connected, the end. */
export function CobrowseView({
  i18n,
  state,
  onCopy,
  onCancel,
  onStop,
  onRevoke,
  onClose,
}: CobrowseViewProps) {
  const { t } = i18n;
  if (state.phase === 'active') {
    const name = state.agentName ?? '';
    const writing = state.mode === 'write';
    return (
      <section
        class="cobrowse-bar"
        ref={dock}
        data-mode={state.mode ?? 'pointer'}
        aria-label={t('cobrowse.title')}
      >
        <span role="status" class="cobrowse-status">
          {writing ? t('cobrowse.controlling', { name }) : t('cobrowse.sharing', { name })}
        </span>
        <span class="visually-hidden">{writing ? t('cobrowse.revokeHint') : t('cobrowse.pointer')}</span>
        <span class="cobrowse-id">{t('cobrowse.session', { id: groupDigits(state.sessionId ?? '') })}</span>
        {writing ? (
          <button type="button" onClick={onRevoke} aria-keyshortcuts="Escape">
            {t('cobrowse.revoke')}
          </button>
        ) : null}
        <button type="button" data-autofocus onClick={onStop}>
          {t('cobrowse.stop')}
        </button>
      </section>
    );
  }
  if (state.phase === 'idle') return null;
  const ended = state.phase === 'ended' || state.phase === 'failed';
  const message =
    state.phase === 'failed'
      ? t('cobrowse.failed')
      : state.phase === 'ended'
        ? t(endedKeys[state.endReason ?? ''] ?? 'cobrowse.endedBy.other')
        : state.phase === 'starting'
          ? t('cobrowse.starting')
          : t('cobrowse.waiting');
  return (
    <section class="cobrowse-panel" role="dialog" aria-modal="false" aria-labelledby="tandem-cobrowse-title">
      <h2 id="tandem-cobrowse-title">{t('cobrowse.title')}</h2>
      {state.phase === 'waiting' && state.sessionId ? (
        <>
          <p id="tandem-cobrowse-read">{t('cobrowse.readCode')}</p>
          <p class="cobrowse-code" aria-describedby="tandem-cobrowse-read">
            {groupDigits(state.sessionId)}
          </p>
        </>
      ) : null}
      <p role="status">
        {message}
        {state.copied ? ` ${state.copied}` : ''}
      </p>
      <div class="cobrowse-actions">
        {state.phase === 'waiting' ? (
          <button type="button" class="primary" data-autofocus onClick={onCopy}>
            {t('cobrowse.copy')}
          </button>
        ) : null}
        {ended ? (
          <button type="button" data-autofocus onClick={onClose}>
            {t('common.close')}
          </button>
        ) : (
          <button type="button" onClick={onCancel}>
            {t('cobrowse.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
