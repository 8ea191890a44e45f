import type { I18n } from '@tandem/sdk-core';
import { useState } from 'preact/hooks';
import type { PrechatField } from '../options';

export interface PrechatFormProps {
  i18n: I18n;
  fields: readonly PrechatField[];
  subjects?: Readonly<Record<string, string>>;
  busy: boolean;
  onStart(input: { subject?: string; fields: Record<string, string> }): void;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The pre-chat form: configured fields and the subject; errors are named inline and announced. */
export function PrechatForm({ i18n, fields, subjects, busy, onStart }: PrechatFormProps) {
  const { t } = i18n;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const subjectIds = Object.keys(subjects ?? {});
  const labelOf = (field: PrechatField) => field.label ?? t(`chat.field.${field.name}`);
  return (
    <form
      class="prechat"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const values: Record<string, string> = {};
        const found: Record<string, string> = {};
        for (const field of fields) {
          const value = String(data.get(field.name) ?? '').trim();
          if (field.required && !value) found[field.name] = t('chat.required', { field: labelOf(field) });
          else if (value && field.type === 'email' && !emailPattern.test(value))
            found[field.name] = t('chat.invalidEmail');
          if (value) values[field.name] = value;
        }
        setErrors(found);
        const firstInvalid = Object.keys(found)[0];
        if (firstInvalid) {
          event.currentTarget.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
          return;
        }
        const subject = data.get('subject');
        onStart({ fields: values, ...(typeof subject === 'string' && subject ? { subject } : {}) });
      }}
    >
      <p>{t('chat.prechatIntro')}</p>
      {fields.map((field, index) => {
        const id = `tandem-prechat-${field.name}`;
        const error = errors[field.name];
        const common = {
          id,
          name: field.name,
          maxLength: 1000,
          required: field.required,
          'aria-invalid': error ? ('true' as const) : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
          'data-autofocus': index === 0 ? true : undefined,
        };
        return (
          <div class="field" key={field.name}>
            <label for={id}>
              {labelOf(field)} {field.required ? null : <span class="hint">{t('chat.optional')}</span>}
            </label>
            {field.type === 'textarea' ? (
              <textarea {...common} rows={3} />
            ) : (
              <input
                {...common}
                type={(field.type ?? 'text') as 'text'}
                autocomplete={field.name === 'name' ? 'name' : field.type === 'email' ? 'email' : undefined}
              />
            )}
            {error ? (
              <p class="error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {subjectIds.length > 1 ? (
        <div class="field">
          <label for="tandem-prechat-subject">{t('chat.subject')}</label>
          <select
            id="tandem-prechat-subject"
            name="subject"
            data-autofocus={fields.length ? undefined : true}
          >
            {subjectIds.map((id) => (
              <option key={id} value={id}>
                {subjects?.[id]}
              </option>
            ))}
          </select>
        </div>
      ) : subjectIds[0] ? (
        <input type="hidden" name="subject" value={subjectIds[0]} />
      ) : null}
      <button type="submit" class="primary wide" disabled={busy}>
        {busy ? t('chat.starting') : t('chat.start')}
      </button>
    </form>
  );
}
