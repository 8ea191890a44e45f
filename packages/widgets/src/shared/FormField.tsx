import { defaultFieldLimit, fieldLimits, type I18n } from '@tandem/sdk-core';

/** A form field: its name, and its label unless the form strings have one (`form.field.<name>`). */
export interface FieldSpec {
  readonly name: string;
  readonly label?: string;
  readonly type?: 'text' | 'email' | 'tel' | 'textarea';
  readonly required?: boolean;
}

// Lets browsers and password managers fill what the visitor has already given them elsewhere.
const autocomplete: Readonly<Record<string, string>> = {
  name: 'name',
  firstName: 'given-name',
  lastName: 'family-name',
  email: 'email',
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const fieldLabel = (i18n: I18n, field: FieldSpec) => field.label ?? i18n.t(`form.field.${field.name}`);

/**
 * Checks the submitted values of a form's fields: required ones filled, emails shaped like one. Errors
 * are worded for the visitor, by field name.
 */
export function checkFields(i18n: I18n, fields: readonly FieldSpec[], data: FormData) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = String(data.get(field.name) ?? '').trim();
    if (field.required && !value)
      errors[field.name] = i18n.t('form.required', { field: fieldLabel(i18n, field) });
    else if (value && field.type === 'email' && !emailPattern.test(value))
      errors[field.name] = i18n.t('form.invalidEmail');
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
  field: FieldSpec;
  error: string | undefined;
  autofocus: boolean;
  maxLength?: number;
  /** Shown until the visitor types (given through the API). */
  initial?: string | undefined;
}) {
  const { i18n, field, error } = props;
  const id = `${props.idPrefix}-${field.name}`;
  const common = {
    id,
    name: field.name,
    maxLength: props.maxLength ?? fieldLimits[field.name] ?? defaultFieldLimit,
    required: field.required,
    defaultValue: props.initial,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'data-autofocus': props.autofocus ? true : undefined,
  };
  return (
    <div class="field">
      <label for={id}>
        {fieldLabel(i18n, field)}{' '}
        {field.required ? null : <span class="hint">{i18n.t('form.optional')}</span>}
      </label>
      {field.type === 'textarea' ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          type={(field.type ?? 'text') as 'text'}
          autocomplete={autocomplete[field.name] ?? (field.type === 'email' ? 'email' : undefined)}
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
