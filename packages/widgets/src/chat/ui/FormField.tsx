import type { I18n } from '@tandem/sdk-core';
import type { PrechatField } from '../options';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const fieldLabel = (i18n: I18n, field: PrechatField) =>
  field.label ?? i18n.t(`chat.field.${field.name}`);

/**
 * Checks the submitted values of a form's fields: required ones filled, emails shaped like one. Errors
 * are worded for the visitor, by field name.
 */
export function checkFields(i18n: I18n, fields: readonly PrechatField[], data: FormData) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = String(data.get(field.name) ?? '').trim();
    if (field.required && !value)
      errors[field.name] = i18n.t('chat.required', { field: fieldLabel(i18n, field) });
    else if (value && field.type === 'email' && !emailPattern.test(value))
      errors[field.name] = i18n.t('chat.invalidEmail');
    if (value) values[field.name] = value;
  }
  return { values, errors };
}

/** Focuses the first field in error, so that its message (tied by aria-describedby) is read out. */
export function focusFirstError(form: HTMLFormElement, errors: Record<string, string>): boolean {
  const first = Object.keys(errors)[0];
  if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  return first !== undefined;
}

/** A labelled input or textarea, "(optional)" when not required, with its error tied to it. */
export function FormField(props: {
  i18n: I18n;
  idPrefix: string;
  field: PrechatField;
  error: string | undefined;
  autofocus: boolean;
  maxLength?: number;
}) {
  const { i18n, field, error } = props;
  const id = `${props.idPrefix}-${field.name}`;
  const common = {
    id,
    name: field.name,
    maxLength: props.maxLength ?? 1000,
    required: field.required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'data-autofocus': props.autofocus ? true : undefined,
  };
  return (
    <div class="field">
      <label for={id}>
        {fieldLabel(i18n, field)}{' '}
        {field.required ? null : <span class="hint">{i18n.t('chat.optional')}</span>}
      </label>
      {field.type === 'textarea' ? (
        <textarea {...common} rows={4} />
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
}
