import type { I18n } from '@tandem/sdk-core';
import { useState } from 'preact/hooks';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** When chat is closed: a message left for later, answered by email. */
export function OfflineForm({
  i18n,
  onSend,
}: {
  i18n: I18n;
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
  const field = (name: 'name' | 'email' | 'message', label: string, required: boolean) => {
    const id = `tandem-offline-${name}`;
    const common = {
      id,
      name,
      required,
      'aria-invalid': errors[name] ? ('true' as const) : undefined,
      'aria-describedby': errors[name] ? `${id}-error` : undefined,
      'data-autofocus': name === 'name' ? true : undefined,
    };
    return (
      <div class="field">
        <label for={id}>
          {label} {required ? null : <span class="hint">{t('chat.optional')}</span>}
        </label>
        {name === 'message' ? (
          <textarea {...common} rows={4} maxLength={5000} />
        ) : (
          <input {...common} type={(name === 'email' ? 'email' : 'text') as 'text'} maxLength={200} />
        )}
        {errors[name] ? (
          <p class="error" id={`${id}-error`}>
            {errors[name]}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <form
      class="prechat"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const value = (name: string) => String(data.get(name) ?? '').trim();
        const found: Record<string, string> = {};
        if (!emailPattern.test(value('email'))) found.email = t('chat.invalidEmail');
        if (!value('message')) found.message = t('chat.required', { field: t('chat.message') });
        setErrors(found);
        const first = Object.keys(found)[0];
        if (first) return form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
        setState('sending');
        onSend({ name: value('name'), email: value('email'), message: value('message') }).then(
          () => setState('sent'),
          () => setState('failed'),
        );
      }}
    >
      <p>
        <strong>{t('chat.offlineTitle')}</strong> {t('chat.offlineIntro')}
      </p>
      {field('name', t('chat.field.name'), false)}
      {field('email', t('chat.field.email'), true)}
      {field('message', t('chat.message'), true)}
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
