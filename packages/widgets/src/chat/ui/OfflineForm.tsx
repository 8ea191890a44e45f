import type { I18n } from '@tandem/sdk-core';
import { useState } from 'preact/hooks';
import { checkFields, FormField, focusFirstError } from '../../shared/FormField';
import type { PrechatField } from '../options';

/** When no one can chat (closed, or no agent logged in): a message left for later, answered by email. */
export function OfflineForm({
  i18n,
  initial = {},
  onSend,
}: {
  i18n: I18n;
  /** What the visitor already gave: their name, and what they wrote while waiting. */
  initial?: Readonly<Record<string, string>>;
  onSend(input: { name: string; email: string; message: string }): Promise<void>;
}) {
  const { t } = i18n;
  const [state, setState] = useState<'editing' | 'sending' | 'sent' | 'failed'>('editing');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (state === 'sent')
    return (
      <p role="status" class="offline-sent">
        {t('chat.offlineSent')}
      </p>
    );
  const fields: PrechatField[] = [
    { name: 'name' },
    { name: 'email', type: 'email', required: true },
    { name: 'message', type: 'textarea', required: true, label: t('chat.message') },
  ];
  return (
    <form
      class="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkFields(i18n, fields, new FormData(event.currentTarget));
        setErrors(checked.errors);
        if (focusFirstError(event.currentTarget, checked.errors)) return;
        const { name = '', email = '', message = '' } = checked.values;
        setState('sending');
        onSend({ name, email, message }).then(
          () => setState('sent'),
          () => setState('failed'),
        );
      }}
    >
      <p>
        <strong>{t('chat.offlineTitle')}</strong> {t('chat.unstaffed')} {t('chat.offlineIntro')}
      </p>
      {fields.map((field, index) => (
        <FormField
          key={field.name}
          i18n={i18n}
          idPrefix="tandem-offline"
          field={field}
          error={errors[field.name]}
          autofocus={index === 0}
          initial={initial[field.name]}
          maxLength={field.name === 'message' ? 5000 : 200}
        />
      ))}
      {state === 'failed' ? (
        <p class="error" role="alert">
          {t('chat.error')}
        </p>
      ) : null}
      <button type="submit" class="primary wide" disabled={state === 'sending'}>
        {t('chat.offlineSend')}
      </button>
    </form>
  );
}
