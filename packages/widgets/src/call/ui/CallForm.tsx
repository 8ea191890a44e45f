import type { I18n } from '@tandem/sdk-core';
import { checkFields, type FieldSpec, FormField, focusFirstError } from '../../shared/FormField';
import type { CallOffer } from '../offer';
import type { CallOptions } from '../options';
import { callingCodes, toE164 } from '../phone-number';
import { formatDay } from './format-day';

export type CallMode = 'call' | 'callback';

/** What the form gives back once every field checks out. */
export interface CallFormInput {
  readonly phone: string;
  readonly subject: string;
  readonly values: Readonly<Record<string, string>>;
  readonly shareLocation: boolean;
  /** Callback at this time; absent for "as soon as possible". */
  readonly at?: number;
}

/** Values given through ClickToCall.open, shown in the form. */
export type Prefill = Readonly<Partial<Record<string, string>>>;

export interface CallFormProps {
  i18n: I18n;
  options: CallOptions;
  mode: CallMode;
  offer: CallOffer;
  subject: string;
  prefill: Prefill;
  busy: boolean;
  /** A refusal from the backend, worded for the visitor. */
  error?: string | undefined;
  slots?: readonly number[] | undefined;
  /** Problems found in the fields, by field name. */
  errors: Readonly<Record<string, string>>;
  /** The callback is for a chosen time rather than as soon as possible. */
  later: boolean;
  /** The country of the phone number, as a calling code's country (FR, GB…). */
  country?: string | undefined;
  onCountry(country: string): void;
  onErrors(errors: Record<string, string>): void;
  onLater(later: boolean): void;
  onSubject(subject: string): void;
  onMode(mode: CallMode): void;
  onSubmit(input: CallFormInput): void;
}

const builtInFields: readonly FieldSpec[] = [
  { name: 'firstName' },
  { name: 'lastName' },
  { name: 'email', type: 'email' },
];

/** Phone number with its country, optional name and email, the site's extra fields, the subject. */
export function CallForm(props: CallFormProps) {
  const { i18n, options, mode, offer, prefill, errors, later } = props;
  const { t } = i18n;
  const closed = offer.kind !== 'call' && offer.reason === 'closed';
  const subjects = Object.entries(options.subjects ?? {});
  const fields = [
    ...builtInFields,
    ...Object.entries(options.fields ?? {}).map(([name, field]) => ({ name, ...field })),
  ];
  const chooseTime = mode === 'callback' && (later || closed);

  function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const phone = toE164(String(data.get('phone') ?? ''), String(data.get('country') ?? ''));
    const checked = checkFields(i18n, fields, data);
    const found = phone.ok ? checked.errors : { phone: t('call.invalidPhone'), ...checked.errors };
    props.onErrors(found);
    if (focusFirstError(form, found) || !phone.ok) return;
    const at = Number(data.get('at'));
    props.onSubmit({
      phone: phone.e164,
      subject: props.subject,
      values: checked.values,
      shareLocation: data.get('location') === 'yes',
      ...(chooseTime && at > 0 ? { at } : {}),
    });
  }

  return (
    // The fields scroll; the action below them never does, and never covers them.
    <form class="panel call-form" noValidate onSubmit={submit}>
      <div class="form-body">
        {mode === 'call' ? <p>{t('call.intro')}</p> : null}
        {subjects.length > 1 ? (
          <div class="field">
            <label for="tandem-call-subject">{t('call.subject')}</label>
            <select
              id="tandem-call-subject"
              value={props.subject}
              onChange={(event) => props.onSubject(event.currentTarget.value)}
            >
              {subjects.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <PhoneField {...props} error={errors.phone} />
        {mode === 'callback' && !closed ? (
          <fieldset class="choice">
            <legend>{t('callback.when')}</legend>
            <label>
              <input type="radio" name="when" checked={!later} onChange={() => props.onLater(false)} />
              {t('callback.now')}
            </label>
            <label>
              <input type="radio" name="when" checked={later} onChange={() => props.onLater(true)} />
              {t('callback.later')}
            </label>
          </fieldset>
        ) : null}
        {chooseTime ? <SlotField i18n={i18n} slots={props.slots} /> : null}
        {fields.map((field) => (
          <FormField
            key={field.name}
            i18n={i18n}
            idPrefix="tandem-call"
            field={field}
            initial={prefill[field.name]}
            error={errors[field.name]}
            autofocus={false}
          />
        ))}
        {mode === 'call' && options.location ? (
          <label class="check">
            <input type="checkbox" name="location" value="yes" />
            {t('call.location')}
          </label>
        ) : null}
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary wide" disabled={props.busy}>
          {props.busy ? t('call.requesting') : mode === 'call' ? t('call.submit') : t('callback.submit')}
        </button>
        {mode === 'call' && options.callback !== false ? (
          <p>
            {t('call.preferCallback')}{' '}
            <button type="button" class="link-button" onClick={() => props.onMode('callback')}>
              {t('callback.title')}
            </button>
          </p>
        ) : null}
      </div>
    </form>
  );
}

function PhoneField(props: CallFormProps & { error?: string | undefined }) {
  const { i18n, options, prefill, error } = props;
  const names = regionNames(i18n.locale);
  const countries = (options.countries ?? Object.keys(callingCodes))
    .map((code) => ({ code, label: `${names?.of(code) ?? code} (+${callingCodes[code]})` }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.locale));
  return (
    <div class="field">
      <label for="tandem-call-phone">{i18n.t('call.phone')}</label>
      <div class="phone">
        <select
          name="country"
          aria-label={i18n.t('call.country')}
          value={props.country ?? countries[0]?.code}
          onChange={(event) => props.onCountry(event.currentTarget.value)}
        >
          {countries.map(({ code, label }) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <input
          id="tandem-call-phone"
          name="phone"
          type="tel"
          autocomplete="tel"
          dir="ltr"
          maxLength={40}
          required
          data-autofocus
          defaultValue={prefill.phone}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'tandem-call-phone-error' : undefined}
        />
      </div>
      {error ? (
        <p class="error" id="tandem-call-phone-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function SlotField({ i18n, slots }: { i18n: I18n; slots: readonly number[] | undefined }) {
  return (
    <div class="field">
      <label for="tandem-call-at">{i18n.t('callback.time')}</label>
      <select id="tandem-call-at" name="at" disabled={!slots}>
        {(slots ?? []).map((at) => (
          <option key={at} value={at}>
            {formatDay(i18n.locale, at)}
          </option>
        ))}
      </select>
    </div>
  );
}

function regionNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    return undefined;
  }
}
