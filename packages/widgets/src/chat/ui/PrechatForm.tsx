import type { I18n } from '@tandem/sdk-core';
import { useState } from 'preact/hooks';
import { checkFields, FormField, focusFirstError } from '../../shared/FormField';
import type { PrechatField } from '../options';

export interface PrechatFormProps {
  i18n: I18n;
  fields: readonly PrechatField[];
  subjects?: Readonly<Record<string, string>>;
  onStart(input: { subject?: string; fields: Record<string, string> }): void;
}

/** The pre-chat form: configured fields and the subject; errors are named inline and announced. */
export function PrechatForm({ i18n, fields, subjects, onStart }: PrechatFormProps) {
  const { t } = i18n;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const subjectIds = Object.keys(subjects ?? {});
  return (
    <form
      class="panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const checked = checkFields(i18n, fields, data);
        setErrors(checked.errors);
        if (focusFirstError(event.currentTarget, checked.errors)) return;
        const subject = data.get('subject');
        onStart({ fields: checked.values, ...(typeof subject === 'string' && subject ? { subject } : {}) });
      }}
    >
      <p>{t('chat.prechatIntro')}</p>
      {fields.map((field, index) => (
        <FormField
          key={field.name}
          i18n={i18n}
          idPrefix="tandem-prechat"
          field={field}
          error={errors[field.name]}
          autofocus={index === 0}
        />
      ))}
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
      <button type="submit" class="primary wide">
        {t('chat.start')}
      </button>
    </form>
  );
}
