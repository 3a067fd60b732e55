import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Checkbox, SelectField, SubmitButton, TextField } from '../../components/fields.js';
import { collect, useFormErrors, type FieldMessages, type FormErrorsState } from '../../forms.js';
import { dollarsToCents } from '../../money.js';
import { useMonitoringStep } from './data.js';
import { minutesToInput, parseHours, wageToInput } from './shared.js';
import {
  JOB_PERMANENCE,
  NOC_CODE,
  nocBroadCategory,
  type JobInput,
  type JobPermanence,
  type JobUpdate,
  type MonitoringJob,
} from './types.js';
import type { TFunction } from 'i18next';

/** A job as typed: strings until submitted, so nothing half-typed is coerced. */
export interface JobDraft {
  employerName: string;
  atEntryEmployer: boolean;
  startedOn: string;
  endedOn: string;
  hours: string;
  wage: string;
  nocCode: string;
  permanence: JobPermanence | '';
  hoursReached20On: string;
  placementIntendedToContinue: boolean;
  supportStartsOn: string;
  supportEndsOn: string;
}

export const emptyJob = (): JobDraft => ({
  employerName: '',
  atEntryEmployer: false,
  startedOn: '',
  endedOn: '',
  hours: '',
  wage: '',
  nocCode: '',
  permanence: '',
  hoursReached20On: '',
  placementIntendedToContinue: false,
  supportStartsOn: '',
  supportEndsOn: '',
});

/** The labels of a job's fields, keyed by the API's field names (for the error summary). */
export const jobLabels = (t: TFunction, prefix = ''): Record<string, string> => ({
  [`${prefix}employerName`]: t('monitoring.job.employerName'),
  [`${prefix}startedOn`]: t('monitoring.job.startedOn'),
  [`${prefix}endedOn`]: t('monitoring.job.endedOn'),
  [`${prefix}minutesPerWeek`]: t('monitoring.job.hours'),
  [`${prefix}hourlyWageCents`]: t('monitoring.job.wage'),
  [`${prefix}nocCode`]: t('monitoring.job.nocCode'),
  [`${prefix}permanence`]: t('monitoring.job.permanence'),
  [`${prefix}hoursReached20On`]: t('monitoring.job.hoursReached20On'),
  [`${prefix}employerSupport`]: t('monitoring.supports.heading'),
});

/** Client-side checks in the user's language, keyed like the API's fields (M1, M6, L4). */
export function jobDraftProblems(d: JobDraft, t: TFunction, prefix = ''): FieldMessages {
  return collect([
    [`${prefix}employerName`, !d.employerName.trim() && t('monitoring.job.errors.employerName')],
    [`${prefix}startedOn`, !d.startedOn && t('monitoring.job.errors.startedOn')],
    [
      `${prefix}endedOn`,
      Boolean(d.endedOn && d.startedOn && d.endedOn < d.startedOn) && t('monitoring.job.errors.endedOn'),
    ],
    [`${prefix}minutesPerWeek`, parseHours(d.hours) === null && t('monitoring.job.errors.hours')],
    [
      `${prefix}hourlyWageCents`,
      d.wage.trim() !== '' && dollarsToCents(d.wage) === null && t('monitoring.job.errors.wage'),
    ],
    [`${prefix}nocCode`, !NOC_CODE.test(d.nocCode.trim()) && t('monitoring.job.errors.nocCode')],
    [`${prefix}permanence`, !d.permanence && t('monitoring.job.errors.permanence')],
    [
      `${prefix}employerSupport`,
      Boolean(d.supportEndsOn && !d.supportStartsOn) && t('monitoring.supports.errors.startsOn'),
    ],
  ]);
}

export function jobInputOf(d: JobDraft): JobInput {
  const input: JobInput = {
    employerName: d.employerName.trim(),
    atEntryEmployer: d.atEntryEmployer,
    startedOn: d.startedOn,
    endedOn: d.endedOn || null,
    minutesPerWeek: parseHours(d.hours) ?? 0,
    hourlyWageCents: d.wage.trim() ? dollarsToCents(d.wage) : null,
    nocCode: d.nocCode.trim(),
    permanence: d.permanence as JobPermanence,
    hoursReached20On: d.hoursReached20On || null,
    placementIntendedToContinue: d.placementIntendedToContinue,
  };
  if (d.supportStartsOn)
    input.employerSupport = { startsOn: d.supportStartsOn, endsOn: d.supportEndsOn || null };
  return input;
}

/** The NOC code's broad category, named, once five digits are typed. */
export function NocHint({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const category = nocBroadCategory(code.trim());
  if (!category) return null;
  return (
    <p className="ontario-hint" data-testid="noc-category">
      {category[i18n.language === 'fr' ? 'fr' : 'en']}
    </p>
  );
}

/**
 * The details of one job (M1, L4): employer, dates, hours per week (shown in hours, sent in
 * minutes), wage, occupation as a NOC 2021 code, permanence; the 20-hour date (M3) and a placement
 * meant to continue (F14); optionally employer financial supports (F12).
 */
export function JobFields({
  idPrefix,
  fieldPrefix = '',
  value,
  onChange,
  form,
  withSupport = true,
}: {
  idPrefix: string;
  fieldPrefix?: string;
  value: JobDraft;
  onChange: (next: JobDraft) => void;
  form: FormErrorsState;
  withSupport?: boolean;
}) {
  const { t } = useTranslation();
  const id = (f: string) => `${idPrefix}-${(fieldPrefix + f).replace(/\./g, '-')}`;
  const err = (f: string) => form.field(fieldPrefix + f);
  const set =
    <K extends keyof JobDraft>(key: K) =>
    (v: JobDraft[K]) =>
      onChange({ ...value, [key]: v });
  return (
    <>
      <TextField
        id={id('employerName')}
        label={t('monitoring.job.employerName')}
        value={value.employerName}
        onChange={set('employerName')}
        error={err('employerName')}
        autoComplete="organization"
        required
      />
      <Checkbox
        id={id('atEntryEmployer')}
        label={t('monitoring.job.atEntryEmployer')}
        hint={t('monitoring.job.atEntryEmployerHint')}
        checked={value.atEntryEmployer}
        onChange={set('atEntryEmployer')}
      />
      <div className="inline-fields">
        <TextField
          id={id('startedOn')}
          type="date"
          label={t('monitoring.job.startedOn')}
          value={value.startedOn}
          onChange={set('startedOn')}
          error={err('startedOn')}
          required
        />
        <TextField
          id={id('endedOn')}
          type="date"
          label={t('monitoring.job.endedOn')}
          hint={t('monitoring.job.endedOnHint')}
          value={value.endedOn}
          onChange={set('endedOn')}
          error={err('endedOn')}
          optional
        />
      </div>
      <div className="inline-fields">
        <TextField
          id={id('minutesPerWeek')}
          label={t('monitoring.job.hours')}
          hint={t('monitoring.job.hoursHint')}
          inputMode="decimal"
          width={5}
          value={value.hours}
          onChange={set('hours')}
          error={err('minutesPerWeek')}
          required
        />
        <TextField
          id={id('hourlyWageCents')}
          label={t('monitoring.job.wage')}
          hint={t('monitoring.job.wageHint')}
          inputMode="decimal"
          width={7}
          value={value.wage}
          onChange={set('wage')}
          error={err('hourlyWageCents')}
          optional
        />
      </div>
      <div className="noc-field">
        <TextField
          id={id('nocCode')}
          label={t('monitoring.job.nocCode')}
          hint={t('monitoring.job.nocCodeHint')}
          inputMode="numeric"
          width={5}
          value={value.nocCode}
          onChange={set('nocCode')}
          error={err('nocCode')}
          required
        />
        <NocHint code={value.nocCode} />
      </div>
      <SelectField
        id={id('permanence')}
        label={t('monitoring.job.permanence')}
        placeholder={t('common.choose')}
        options={JOB_PERMANENCE.map((p) => ({ value: p, label: t(`monitoring.permanence.${p}`) }))}
        value={value.permanence}
        onChange={(v) => set('permanence')(v as JobPermanence | '')}
        error={err('permanence')}
        required
      />
      <TextField
        id={id('hoursReached20On')}
        type="date"
        label={t('monitoring.job.hoursReached20On')}
        hint={t('monitoring.job.hoursReached20OnHint')}
        value={value.hoursReached20On}
        onChange={set('hoursReached20On')}
        error={err('hoursReached20On')}
        optional
      />
      <Checkbox
        id={id('placementIntendedToContinue')}
        label={t('monitoring.job.placement')}
        hint={t('monitoring.job.placementHint')}
        checked={value.placementIntendedToContinue}
        onChange={set('placementIntendedToContinue')}
      />
      {withSupport ? (
        <fieldset className="ontario-fieldset" id={id('employerSupport')} tabIndex={-1}>
          <legend className="ontario-fieldset__legend">{t('monitoring.supports.optionalLegend')}</legend>
          <p className="ontario-hint">{t('monitoring.supports.hint')}</p>
          {err('employerSupport') ? <p className="field-error-text">{err('employerSupport')}</p> : null}
          <div className="inline-fields">
            <TextField
              id={id('supportStartsOn')}
              type="date"
              label={t('monitoring.supports.startsOn')}
              value={value.supportStartsOn}
              onChange={set('supportStartsOn')}
              optional
            />
            <TextField
              id={id('supportEndsOn')}
              type="date"
              label={t('monitoring.supports.endsOn')}
              hint={t('monitoring.supports.endsOnHint')}
              value={value.supportEndsOn}
              onChange={set('supportEndsOn')}
              optional
            />
          </div>
        </fieldset>
      ) : null}
    </>
  );
}

const idForm = (prefix: string) => (f: string) => `${prefix}-${f.replace(/\./g, '-')}`;

/** M6: a job is recorded as soon as it is known, before the outcome too (a funded job starts monitoring, M3). */
export function AddJobForm({
  planId,
  onSaved,
  onCancel,
}: {
  planId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [job, setJob] = useState<JobDraft>(emptyJob);
  const save = useMonitoringStep<JobInput>(planId, '/jobs', { onError: form.fromError, onSuccess: onSaved });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || !form.check(jobDraftProblems(job, t))) return;
    form.clear();
    save.mutate(jobInputOf(job));
  };
  return (
    <div className="panel" data-testid="add-job">
      <h3>{t('monitoring.jobs.addHeading')}</h3>
      <ErrorSummary form={form} labels={jobLabels(t)} idFor={idForm('add-job')} />
      <form className="form" onSubmit={submit} noValidate data-testid="add-job-form">
        <JobFields idPrefix="add-job" value={job} onChange={setJob} form={form} />
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="add-job-submit">
            {save.isPending ? t('common.saving') : t('monitoring.jobs.addSubmit')}
          </SubmitButton>
          <button type="button" className="ontario-button ontario-button--tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** M6: the job's status changes as soon as known: it ends, its hours, wage or occupation change. */
export function EditJobForm({
  planId,
  job,
  onSaved,
  onCancel,
}: {
  planId: string;
  job: MonitoringJob;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useFormErrors();
  const prefix = `job-${job.id}`;
  const [endedOn, setEndedOn] = useState(job.endedOn ?? '');
  const [hours, setHours] = useState(minutesToInput(job.minutesPerWeek, i18n.language));
  const [wage, setWage] = useState(wageToInput(job.hourlyWageCents, i18n.language));
  const [nocCode, setNocCode] = useState(job.nocCode);
  const [permanence, setPermanence] = useState<JobPermanence>(job.permanence);
  const [reached, setReached] = useState(job.hoursReached20On ?? '');
  const save = useMonitoringStep<JobUpdate>(planId, `/jobs/${encodeURIComponent(job.id)}`, {
    method: 'PATCH',
    onError: form.fromError,
    onSuccess: onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['endedOn', Boolean(endedOn && endedOn < job.startedOn) && t('monitoring.job.errors.endedOn')],
        ['minutesPerWeek', parseHours(hours) === null && t('monitoring.job.errors.hours')],
        [
          'hourlyWageCents',
          wage.trim() !== '' && dollarsToCents(wage) === null && t('monitoring.job.errors.wage'),
        ],
        ['nocCode', !NOC_CODE.test(nocCode.trim()) && t('monitoring.job.errors.nocCode')],
      ]),
    );
    if (!ok) return;
    form.clear();
    save.mutate({
      endedOn: endedOn || null,
      minutesPerWeek: parseHours(hours) ?? job.minutesPerWeek,
      hourlyWageCents: wage.trim() ? dollarsToCents(wage) : null,
      nocCode: nocCode.trim(),
      permanence,
      hoursReached20On: reached || null,
    });
  };
  return (
    <div className="panel" data-testid="edit-job">
      <h4>
        {t('monitoring.jobs.editHeading', {
          employer: job.employerName ?? t('monitoring.job.entryEmployer'),
        })}
      </h4>
      <p className="ontario-hint">{t('monitoring.jobs.editHint')}</p>
      <ErrorSummary form={form} labels={jobLabels(t)} idFor={idForm(prefix)} />
      <form className="form" onSubmit={submit} noValidate data-testid="edit-job-form">
        <TextField
          id={`${prefix}-endedOn`}
          type="date"
          label={t('monitoring.job.endedOn')}
          hint={t('monitoring.job.endedOnHint')}
          value={endedOn}
          onChange={setEndedOn}
          error={form.field('endedOn')}
          optional
        />
        <div className="inline-fields">
          <TextField
            id={`${prefix}-minutesPerWeek`}
            label={t('monitoring.job.hours')}
            hint={t('monitoring.job.hoursHint')}
            inputMode="decimal"
            width={5}
            value={hours}
            onChange={setHours}
            error={form.field('minutesPerWeek')}
            required
          />
          <TextField
            id={`${prefix}-hourlyWageCents`}
            label={t('monitoring.job.wage')}
            hint={t('monitoring.job.wageHint')}
            inputMode="decimal"
            width={7}
            value={wage}
            onChange={setWage}
            error={form.field('hourlyWageCents')}
            optional
          />
        </div>
        <TextField
          id={`${prefix}-nocCode`}
          label={t('monitoring.job.nocCode')}
          hint={t('monitoring.job.nocCodeHint')}
          inputMode="numeric"
          width={5}
          value={nocCode}
          onChange={setNocCode}
          error={form.field('nocCode')}
          required
        />
        <NocHint code={nocCode} />
        <SelectField
          id={`${prefix}-permanence`}
          label={t('monitoring.job.permanence')}
          options={JOB_PERMANENCE.map((p) => ({ value: p, label: t(`monitoring.permanence.${p}`) }))}
          value={permanence}
          onChange={(v) => setPermanence(v as JobPermanence)}
          error={form.field('permanence')}
          required
        />
        <TextField
          id={`${prefix}-hoursReached20On`}
          type="date"
          label={t('monitoring.job.hoursReached20On')}
          hint={t('monitoring.job.hoursReached20OnHint')}
          value={reached}
          onChange={setReached}
          error={form.field('hoursReached20On')}
          optional
        />
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="edit-job-submit">
            {save.isPending ? t('common.saving') : t('monitoring.jobs.editSubmit')}
          </SubmitButton>
          <button type="button" className="ontario-button ontario-button--tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** F12: a period of employer financial supports (wage subsidy) for a job; PBF is deferred while it runs. */
export function AddSupportForm({
  planId,
  job,
  onSaved,
  onCancel,
}: {
  planId: string;
  job: MonitoringJob;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const prefix = `support-${job.id}`;
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const save = useMonitoringStep<{ startsOn: string; endsOn: string | null }>(
    planId,
    `/jobs/${encodeURIComponent(job.id)}/employer-supports`,
    { onError: form.fromError, onSuccess: onSaved },
  );
  const labels = { startsOn: t('monitoring.supports.startsOn'), endsOn: t('monitoring.supports.endsOn') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['startsOn', !startsOn && t('monitoring.supports.errors.startsOn')],
        [
          'endsOn',
          Boolean(endsOn && startsOn && endsOn < startsOn) && t('monitoring.supports.errors.endsOn'),
        ],
      ]),
    );
    if (!ok) return;
    form.clear();
    save.mutate({ startsOn, endsOn: endsOn || null });
  };
  return (
    <div className="panel" data-testid="add-support">
      <h4>{t('monitoring.supports.addHeading')}</h4>
      <p className="ontario-hint">{t('monitoring.supports.hint')}</p>
      <ErrorSummary form={form} labels={labels} idFor={idForm(prefix)} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="inline-fields">
          <TextField
            id={`${prefix}-startsOn`}
            type="date"
            label={labels.startsOn}
            value={startsOn}
            onChange={setStartsOn}
            error={form.field('startsOn')}
            required
          />
          <TextField
            id={`${prefix}-endsOn`}
            type="date"
            label={labels.endsOn}
            hint={t('monitoring.supports.endsOnHint')}
            value={endsOn}
            onChange={setEndsOn}
            error={form.field('endsOn')}
            optional
          />
        </div>
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="add-support-submit">
            {t('monitoring.supports.addSubmit')}
          </SubmitButton>
          <button type="button" className="ontario-button ontario-button--tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** F12: the supports end: the deferred lines can be released retroactively. */
export function EndSupportForm({
  planId,
  periodId,
  startsOn,
  onSaved,
}: {
  planId: string;
  periodId: string;
  startsOn: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const prefix = `support-end-${periodId}`;
  const [endsOn, setEndsOn] = useState('');
  const save = useMonitoringStep<{ endsOn: string }>(
    planId,
    `/employer-supports/${encodeURIComponent(periodId)}`,
    { method: 'PATCH', onError: form.fromError, onSuccess: onSaved },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        [
          'endsOn',
          (!endsOn || endsOn < startsOn) &&
            t(!endsOn ? 'monitoring.supports.errors.endsOnRequired' : 'monitoring.supports.errors.endsOn'),
        ],
      ]),
    );
    if (!ok) return;
    form.clear();
    save.mutate({ endsOn });
  };
  return (
    <>
      <ErrorSummary form={form} labels={{ endsOn: t('monitoring.supports.endsOn') }} idFor={idForm(prefix)} />
      <form className="form--inline" onSubmit={submit} noValidate>
        <TextField
          id={`${prefix}-endsOn`}
          type="date"
          label={t('monitoring.supports.endsOn')}
          value={endsOn}
          onChange={setEndsOn}
          error={form.field('endsOn')}
          required
        />
        <div className="ontario-form-group">
          <SubmitButton variant="secondary" pending={save.isPending} testId="end-support-submit">
            {t('monitoring.supports.endSubmit')}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
