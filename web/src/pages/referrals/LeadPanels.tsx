import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Checkbox, RadioGroup, SelectField, SubmitButton, TextField } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { collect, useFormErrors } from '../../forms.js';
import {
  APPOINTMENT_MODES,
  CONTACT_METHODS,
  CONTACT_RESULTS,
  RETURN_REASONS,
  type AppointmentMode,
  type ContactMethod,
  type ContactResult,
  type Referral,
} from '../../types.js';
import { returnNeedsNote } from '../../../../src/domain/referral/returns.js';
import { useReferralStep } from './actions.js';
import { ReasonForm } from './ReasonForm.js';

/** "2026-12-01T14:30" from a datetime-local input → an instant in the browser's time zone. */
const toInstant = (local: string) => new Date(local).toISOString();
const validLocal = (local: string) => local !== '' && !Number.isNaN(new Date(local).getTime());

/** P7/P8: log an attempt to reach the client, by the way they prefer where possible. */
export function ContactAttemptForm({
  referral,
  preferredMethod,
}: {
  referral: Referral;
  preferredMethod: ContactMethod | null;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [method, setMethod] = useState<ContactMethod | ''>(preferredMethod ?? '');
  const [result, setResult] = useState<ContactResult | ''>('');
  const [at, setAt] = useState('');
  const step = useReferralStep<{ method: ContactMethod; result: ContactResult; at?: string }>(
    referral.id,
    '/contact-attempts',
    {
      onError: form.fromError,
      onSuccess: () => {
        setResult('');
        setAt('');
      },
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.isPending) return;
    const ok = form.check(
      collect([
        ['method', !method && t('referrals.attempts.errors.method')],
        ['result', !result && t('referrals.attempts.errors.result')],
        ['at', at !== '' && !validLocal(at) && t('referrals.attempts.errors.at')],
      ]),
    );
    if (!ok) return;
    form.clear();
    step.mutate({
      method: method as ContactMethod,
      result: result as ContactResult,
      ...(at ? { at: toInstant(at) } : {}),
    });
  };
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="attempt-heading">
      <h3 id="attempt-heading">{t('referrals.attempts.title')}</h3>
      <ErrorSummary
        form={form}
        labels={{
          method: t('referrals.attempts.method'),
          result: t('referrals.attempts.result'),
          at: t('referrals.attempts.at'),
        }}
      />
      <SelectField
        id="method"
        label={t('referrals.attempts.method')}
        hint={
          preferredMethod
            ? t('referrals.attempts.preferred', { method: t(`contactMethods.${preferredMethod}`) })
            : undefined
        }
        options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethods.${m}`) }))}
        placeholder={t('common.choose')}
        value={method}
        onChange={(v) => setMethod(v as ContactMethod | '')}
        error={form.field('method')}
        required
      />
      <SelectField
        id="result"
        label={t('referrals.attempts.result')}
        options={CONTACT_RESULTS.map((r) => ({ value: r, label: t(`contactResults.${r}`) }))}
        placeholder={t('common.choose')}
        value={result}
        onChange={(v) => setResult(v as ContactResult | '')}
        error={form.field('result')}
        required
      />
      <TextField
        id="at"
        type="datetime-local"
        label={t('referrals.attempts.at')}
        hint={t('referrals.attempts.atHint')}
        value={at}
        onChange={setAt}
        error={form.field('at')}
        optional
      />
      <div className="actions">
        <SubmitButton pending={step.isPending} testId="attempt-submit">
          {t('referrals.attempts.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** P8/P9: offer an appointment; for a warm referral from SA, the SA caseworker can be invited. */
export function AppointmentForm({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [when, setWhen] = useState('');
  const [mode, setMode] = useState<AppointmentMode | ''>('');
  const [invite, setInvite] = useState(false);
  const step = useReferralStep<{ scheduledFor: string; mode: AppointmentMode; saCaseworkerInvited: boolean }>(
    referral.id,
    '/appointments',
    {
      onError: form.fromError,
      onSuccess: () => {
        setWhen('');
        setInvite(false);
      },
    },
  );
  const fromSa = referral.pathway === 'social_assistance';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.isPending) return;
    const ok = form.check(
      collect([
        ['scheduledFor', !validLocal(when) && t('referrals.appointments.errors.when')],
        ['mode', !mode && t('referrals.appointments.errors.mode')],
      ]),
    );
    if (!ok) return;
    form.clear();
    step.mutate({
      scheduledFor: toInstant(when),
      mode: mode as AppointmentMode,
      saCaseworkerInvited: fromSa && invite,
    });
  };
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="appointment-heading">
      <h3 id="appointment-heading">{t('referrals.appointments.title')}</h3>
      {referral.warmReferral ? <p>{t('referrals.appointments.warmHint')}</p> : null}
      <ErrorSummary
        form={form}
        labels={{
          scheduledFor: t('referrals.appointments.when'),
          mode: t('referrals.appointments.mode'),
        }}
      />
      <TextField
        id="scheduledFor"
        type="datetime-local"
        label={t('referrals.appointments.when')}
        value={when}
        onChange={setWhen}
        error={form.field('scheduledFor')}
        required
      />
      <RadioGroup
        id="mode"
        label={t('referrals.appointments.mode')}
        options={APPOINTMENT_MODES.map((m) => ({ value: m, label: t(`appointmentModes.${m}`) }))}
        value={mode}
        onChange={(v) => setMode(v as AppointmentMode)}
        error={form.field('mode')}
        inline
        required
      />
      {fromSa ? (
        <Checkbox
          id="saCaseworkerInvited"
          label={t('referrals.appointments.inviteSa')}
          checked={invite}
          onChange={setInvite}
        />
      ) : null}
      <div className="actions">
        <SubmitButton pending={step.isPending} testId="appointment-submit">
          {t('referrals.appointments.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Whether the client came: one button per answer, on appointments not yet recorded. */
function AttendanceButtons({ referral, appointmentId }: { referral: Referral; appointmentId: string }) {
  const { t } = useTranslation();
  const step = useReferralStep<{ attended: boolean }>(
    referral.id,
    `/appointments/${appointmentId}/attendance`,
    { method: 'PUT' },
  );
  return (
    <span className="inline-actions">
      <button
        type="button"
        className="ontario-button ontario-button--secondary ontario-button--small"
        data-testid="attended"
        aria-disabled={step.isPending ? true : undefined}
        onClick={() => !step.isPending && step.mutate({ attended: true })}
      >
        {t('referrals.appointments.attended')}
      </button>
      <button
        type="button"
        className="ontario-button ontario-button--tertiary ontario-button--small"
        data-testid="missed"
        aria-disabled={step.isPending ? true : undefined}
        onClick={() => !step.isPending && step.mutate({ attended: false })}
      >
        {t('referrals.appointments.missed')}
      </button>
    </span>
  );
}

/** Attempts and appointments so far: the evidence P8 asks for before "unable to contact". */
export function ContactRecord({ referral, canWork }: { referral: Referral; canWork: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <section className="section" aria-labelledby="contact-record-heading">
      <h2 id="contact-record-heading">{t('referrals.contactRecord.title')}</h2>
      <h3>{t('referrals.contactRecord.attempts', { count: referral.contactAttempts.length })}</h3>
      {referral.contactAttempts.length ? (
        <ul data-testid="attempts">
          {referral.contactAttempts.map((a, i) => (
            <li key={`${a.at}-${i}`} data-testid="attempt">
              {fmt.dateTime(a.at)} — {t(`contactMethods.${a.method}`)} · {t(`contactResults.${a.result}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('referrals.contactRecord.noAttempts')}</p>
      )}
      <h3>{t('referrals.contactRecord.appointments', { count: referral.appointments.length })}</h3>
      {referral.appointments.length ? (
        <ul data-testid="appointments">
          {referral.appointments.map((a) => (
            <li key={a.id} data-testid="appointment">
              {fmt.dateTime(a.scheduledFor)} — {t(`appointmentModes.${a.mode}`)}
              {a.saCaseworkerInvited ? ` · ${t('referrals.timelineDetail.saInvited')}` : ''} ·{' '}
              <span data-testid="attendance">
                {a.attended === null
                  ? t('referrals.appointments.pending')
                  : a.attended
                    ? t('referrals.appointments.cameTag')
                    : t('referrals.appointments.missedTag')}
              </span>{' '}
              {canWork && a.attended === null ? (
                <AttendanceButtons referral={referral} appointmentId={a.id} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('referrals.contactRecord.noAppointments')}</p>
      )}
      {referral.pathway === 'social_assistance' ? (
        <p>
          {referral.saCaseworkerContactedAt
            ? t('referrals.contactRecord.saContacted', {
                when: fmt.dateTime(referral.saCaseworkerContactedAt),
              })
            : t('referrals.contactRecord.saNotContacted')}
        </p>
      ) : null}
      {canWork && referral.pathway === 'social_assistance' && !referral.saCaseworkerContactedAt ? (
        <SaContactedButton referral={referral} />
      ) : null}
    </section>
  );
}

function SaContactedButton({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const step = useReferralStep<undefined>(referral.id, '/sa-caseworker-contacted');
  return (
    <div className="actions">
      <button
        type="button"
        className="ontario-button ontario-button--secondary"
        data-testid="sa-contacted"
        aria-disabled={step.isPending ? true : undefined}
        onClick={() => !step.isPending && step.mutate(undefined)}
      >
        {t('referrals.contactRecord.markSaContacted')}
      </button>
    </div>
  );
}

/**
 * P10: hand the referral back with one of the seven reasons. "Unable to contact" is refused until
 * the P8 evidence is there; the refusal names each missing part, in the interface language.
 */
export function ReturnForm({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <ReasonForm
      referral={referral}
      path="/return"
      reasons={RETURN_REASONS}
      labelOf={(r) => t(`returnReasons.${r}`)}
      needsNote={returnNeedsNote}
      testId="return-submit"
      texts={{
        title: t('referrals.return.title'),
        intro: t('referrals.return.intro'),
        reason: t('referrals.return.reason'),
        note: t('referrals.return.note'),
        submit: t('referrals.return.submit'),
        reasonRequired: t('referrals.return.errors.reason'),
        noteRequired: t('referrals.return.errors.note'),
      }}
    />
  );
}
