import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SubmitButton, TextField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { todayIso } from '../../format.js';
import { collect, isBlank, useFormErrors, type FieldMessages, type FormErrorsState } from '../../forms.js';
import { useRegisterEmployer } from './data.js';
import {
  contactInputOf,
  contactProblems,
  emptyContact,
  emptyEmployer,
  emptyLocation,
  employerInputOf,
  isEmptyRow,
  locationInputOf,
  locationProblems,
  type ContactDraft,
  type EmployerDraft,
  type LocationDraft,
  type Messages,
} from './logic.js';

/** Field ids on the employer forms: "contacts.0.name" → "employer-contacts-0-name". */
export const employerFieldId = (field: string) => `employer-${field.replace(/\./g, '-')}`;

export function useEmployerMessages(): Messages {
  const { t } = useTranslation();
  return {
    required: t('employers.errors.required'),
    email: t('employers.errors.email'),
    postalCode: t('employers.errors.postalCode'),
  };
}

/** The labels of the employer's own fields, for the error summary's links. */
export function useEmployerLabels(): Record<string, string> {
  const { t } = useTranslation();
  const labels: Record<string, string> = {};
  for (const f of [
    'legalName',
    'operatingName',
    'ontarioLicenceNumber',
    'wsibAccountNumber',
    'workplaceInsuranceNote',
    'liabilityInsurer',
    'liabilityPolicyNumber',
    'liabilityInsuranceExpiresOn',
    'registeredOn',
  ] as const)
    labels[f] = t(`employers.fields.${f}`);
  return labels;
}

/**
 * F10: the Employer Registration Form: who the employer is, its licence and insurance (the
 * checklist's evidence), the people to deal with and the work sites.
 */
export function EmployerFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors();
  const messages = useEmployerMessages();
  const [draft, setDraft] = useState<EmployerDraft>(() => emptyEmployer(todayIso()));
  const [contacts, setContacts] = useState<ContactDraft[]>([emptyContact()]);
  const [locations, setLocations] = useState<LocationDraft[]>([emptyLocation()]);
  const register = useRegisterEmployer({
    onSuccess: (view) => navigate(`/employers/${view.id}`, { state: { registered: true } }),
    onError: form.fromError,
  });

  const labels: Record<string, string> = { ...useEmployerLabels() };
  contacts.forEach((_, i) => {
    for (const f of ['name', 'title', 'phone', 'email'] as const)
      labels[`contacts.${i}.${f}`] = t('employers.contacts.fieldOf', {
        n: i + 1,
        field: t(`employers.contacts.fields.${f}`),
      });
  });
  locations.forEach((_, i) => {
    for (const f of ['label', 'street', 'city', 'postalCode'] as const)
      labels[`locations.${i}.${f}`] = t('employers.locations.fieldOf', {
        n: i + 1,
        field: t(`employers.locations.fields.${f}`),
      });
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (register.isPending) return;
    // Rows left entirely blank are the form's spare lines, not contacts or sites.
    const keptContacts = contacts.map((c, i) => [c, i] as const).filter(([c]) => !isEmptyRow(c));
    const keptLocations = locations.map((l, i) => [l, i] as const).filter(([l]) => !isEmptyRow(l));
    const problems: FieldMessages = collect([['legalName', isBlank(draft.legalName) && messages.required]]);
    for (const [c, i] of keptContacts)
      Object.assign(problems, contactProblems(c, messages, `contacts.${i}.`));
    for (const [l, i] of keptLocations)
      Object.assign(problems, locationProblems(l, messages, `locations.${i}.`));
    if (!form.check(problems)) return;
    form.clear();
    register.mutate({
      ...employerInputOf(draft),
      contacts: keptContacts.map(([c]) => contactInputOf(c)),
      locations: keptLocations.map(([l]) => locationInputOf(l)),
    });
  };

  return (
    <Page
      title={t('employers.register.title')}
      lead={t('employers.register.lead')}
      back={{ to: '/employers', label: t('employers.backToList') }}
    >
      <form noValidate onSubmit={submit} className="form" data-testid="employer-form">
        <ErrorSummary form={form} labels={labels} idFor={employerFieldId} />
        <EmployerDetailsFields draft={draft} onChange={setDraft} form={form} />

        <fieldset className="ontario-fieldset section">
          <legend className="ontario-fieldset__legend ontario-fieldset__legend--heading">
            <h2 className="ontario-h4">{t('employers.contacts.heading')}</h2>
          </legend>
          {contacts.map((c, i) => (
            <div key={i} className="panel" data-testid="contact-draft">
              <h3 className="ontario-h5">{t('employers.contacts.numbered', { n: i + 1 })}</h3>
              <ContactFields
                prefix={`contacts.${i}.`}
                draft={c}
                form={form}
                onChange={(next) => setContacts((all) => all.map((x, j) => (j === i ? next : x)))}
              />
              {contacts.length > 1 ? (
                <button
                  type="button"
                  className="ontario-button ontario-button--tertiary"
                  onClick={() => setContacts((all) => all.filter((_, j) => j !== i))}
                >
                  {t('employers.contacts.remove', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="ontario-button ontario-button--secondary"
            data-testid="add-contact-row"
            onClick={() => setContacts((all) => [...all, emptyContact()])}
          >
            {t('employers.contacts.addAnother')}
          </button>
        </fieldset>

        <fieldset className="ontario-fieldset section">
          <legend className="ontario-fieldset__legend ontario-fieldset__legend--heading">
            <h2 className="ontario-h4">{t('employers.locations.heading')}</h2>
          </legend>
          <p className="ontario-hint">{t('employers.locations.hint')}</p>
          {locations.map((l, i) => (
            <div key={i} className="panel" data-testid="location-draft">
              <h3 className="ontario-h5">{t('employers.locations.numbered', { n: i + 1 })}</h3>
              <LocationFields
                prefix={`locations.${i}.`}
                draft={l}
                form={form}
                onChange={(next) => setLocations((all) => all.map((x, j) => (j === i ? next : x)))}
              />
              {locations.length > 1 ? (
                <button
                  type="button"
                  className="ontario-button ontario-button--tertiary"
                  onClick={() => setLocations((all) => all.filter((_, j) => j !== i))}
                >
                  {t('employers.locations.remove', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="ontario-button ontario-button--secondary"
            data-testid="add-location-row"
            onClick={() => setLocations((all) => [...all, emptyLocation()])}
          >
            {t('employers.locations.addAnother')}
          </button>
        </fieldset>

        <div className="actions">
          <SubmitButton pending={register.isPending} testId="employer-submit">
            {register.isPending ? t('common.saving') : t('employers.register.submit')}
          </SubmitButton>
        </div>
      </form>
    </Page>
  );
}

/** The employer's own fields, for registration and for "Edit details". */
export function EmployerDetailsFields({
  draft,
  onChange,
  form,
}: {
  draft: EmployerDraft;
  onChange: (next: EmployerDraft) => void;
  form: FormErrorsState;
}) {
  const { t } = useTranslation();
  const text = (f: keyof EmployerDraft, extra: { required?: boolean; hint?: string; type?: string } = {}) => (
    <TextField
      id={employerFieldId(f)}
      label={t(`employers.fields.${f}`)}
      value={draft[f]}
      onChange={(v) => onChange({ ...draft, [f]: v })}
      error={form.field(f)}
      required={extra.required}
      hint={extra.hint}
      type={extra.type ?? 'text'}
    />
  );
  return (
    <>
      {text('legalName', { required: true })}
      {text('operatingName', { hint: t('employers.hints.operatingName') })}
      {text('ontarioLicenceNumber', { hint: t('employers.hints.ontarioLicenceNumber') })}
      {text('wsibAccountNumber')}
      {text('workplaceInsuranceNote', { hint: t('employers.hints.workplaceInsuranceNote') })}
      {text('liabilityInsurer')}
      {text('liabilityPolicyNumber')}
      {text('liabilityInsuranceExpiresOn', { type: 'date' })}
      {text('registeredOn', { type: 'date', hint: t('employers.hints.registeredOn') })}
    </>
  );
}

export function ContactFields({
  prefix,
  draft,
  onChange,
  form,
}: {
  prefix: string;
  draft: ContactDraft;
  onChange: (next: ContactDraft) => void;
  form: FormErrorsState;
}) {
  const { t } = useTranslation();
  const field = (f: keyof ContactDraft, type: string, autoComplete: string, required = false) => (
    <TextField
      id={employerFieldId(`${prefix}${f}`)}
      label={t(`employers.contacts.fields.${f}`)}
      value={draft[f]}
      onChange={(v) => onChange({ ...draft, [f]: v })}
      error={form.field(`${prefix}${f}`)}
      type={type}
      autoComplete={autoComplete}
      required={required}
    />
  );
  return (
    <>
      {field('name', 'text', 'off', true)}
      {field('title', 'text', 'off')}
      {field('phone', 'tel', 'off')}
      {field('email', 'email', 'off')}
    </>
  );
}

export function LocationFields({
  prefix,
  draft,
  onChange,
  form,
}: {
  prefix: string;
  draft: LocationDraft;
  onChange: (next: LocationDraft) => void;
  form: FormErrorsState;
}) {
  const { t } = useTranslation();
  const field = (f: keyof LocationDraft, width?: 7 | 10 | 20) => (
    <TextField
      id={employerFieldId(`${prefix}${f}`)}
      label={t(`employers.locations.fields.${f}`)}
      hint={f === 'label' ? t('employers.locations.labelHint') : undefined}
      value={draft[f]}
      onChange={(v) => onChange({ ...draft, [f]: v })}
      error={form.field(`${prefix}${f}`)}
      required
      {...(width ? { width } : {})}
    />
  );
  return (
    <>
      {field('label')}
      {field('street')}
      {field('city', 20)}
      {field('postalCode', 7)}
    </>
  );
}
