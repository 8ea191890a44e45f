import type { I18n } from '@tandem/sdk-core';

/** The agent asks for write mode: the customer says yes or no (no answer within 30 s is a no). */
export function ConsentDialog({
  i18n,
  agentName,
  onAnswer,
}: {
  i18n: I18n;
  agentName: string;
  onAnswer(allow: boolean): void;
}) {
  const { t } = i18n;
  return (
    <section
      class="cobrowse-panel cobrowse-consent"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="tandem-consent-title"
      aria-describedby="tandem-consent-text"
    >
      <h2 id="tandem-consent-title">{t('cobrowse.consent.title', { name: agentName })}</h2>
      <p id="tandem-consent-text">{t('cobrowse.consent.text', { name: agentName })}</p>
      <div class="cobrowse-actions">
        <button type="button" class="primary" onClick={() => onAnswer(true)}>
          {t('cobrowse.consent.allow')}
        </button>
        {/* The safe answer has the focus: Enter by reflex does not hand over the page. */}
        <button type="button" data-autofocus onClick={() => onAnswer(false)}>
          {t('cobrowse.consent.deny')}
        </button>
      </div>
    </section>
  );
}
