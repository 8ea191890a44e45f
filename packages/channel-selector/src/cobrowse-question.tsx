import type { I18n } from '@tandem/sdk-core';

// Loaded when the visitor picks co-browse in the selector: the launcher does not carry it.

const strings = {
  en: {
    'cobrowse.ask': 'Are you on a call with us right now?',
    'cobrowse.why': 'An agent can see this page with you during a call or a chat. You stay in control.',
    'cobrowse.onCall': 'Yes, I am on a call',
    'cobrowse.noCall': 'No, chat with an agent first',
  },
  fr: {
    'cobrowse.ask': 'Êtes-vous en ligne avec nous en ce moment ?',
    'cobrowse.why':
      'Un conseiller peut voir cette page avec vous pendant un appel ou une discussion. Vous gardez la main.',
    'cobrowse.onCall': 'Oui, je suis en ligne',
    'cobrowse.noCall': 'Non, discuter d’abord avec un conseiller',
  },
  ar: {
    'cobrowse.ask': 'هل أنت في مكالمة معنا الآن؟',
    'cobrowse.why': 'يمكن للموظف رؤية هذه الصفحة معك أثناء مكالمة أو محادثة. وتبقى أنت المتحكم.',
    'cobrowse.onCall': 'نعم، أنا في مكالمة',
    'cobrowse.noCall': 'لا، أريد التحدث مع موظف أولاً',
  },
};

const focused = new WeakSet<HTMLElement>();
function focusOnce(button: HTMLButtonElement | null): void {
  if (!button || focused.has(button)) return;
  focused.add(button);
  queueMicrotask(() => button.focus());
}

/**
 * Co-browse is shared with an agent the visitor already talks to: on a call, the session id is read out
 * (Cobrowse.start); otherwise a chat comes first, from which the agent can be invited.
 */
export function cobrowseQuestion(i18n: I18n, answer: (onCall: boolean) => void) {
  i18n.add(strings);
  const { t } = i18n;
  return (
    // A fieldset is the group; its legend names it. Inline styles: the launcher's sheet has no rule for it.
    <fieldset style={{ border: 0, margin: '12px 0 0', padding: 0, minWidth: 0 }}>
      <legend style={{ padding: 0, fontWeight: 600 }}>{t('cobrowse.ask')}</legend>
      <p class="channel-status">{t('cobrowse.why')}</p>
      {/* The selector's list styles lay the two answers out like channels. */}
      <ul>
        <li>
          <button type="button" class="channel" ref={focusOnce} onClick={() => answer(true)}>
            {t('cobrowse.onCall')}
          </button>
        </li>
        <li>
          <button type="button" class="channel" onClick={() => answer(false)}>
            {t('cobrowse.noCall')}
          </button>
        </li>
      </ul>
    </fieldset>
  );
}
