import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import {
  CheckboxGroup,
  RadioGroup,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../components/fields.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, useFormErrors, type FieldMessages } from '../../forms.js';
import { useCan, useSession } from '../../session.js';
import { LedgerStateTag } from '../pbf/shared.js';
import { dollarsToCents } from '../../money.js';
import { useMonitoringStep } from './data.js';
import { EvidenceList, EvidenceUploadForm } from './Evidence.js';
import { NocHint } from './JobForms.js';
import {
  CheckpointStateTag,
  formatHours,
  jobActiveOn,
  minutesToInput,
  parseHours,
  ReviewStateTag,
  wageToInput,
} from './shared.js';
import {
  CHECKPOINT_EVIDENCE_KINDS,
  ESQ_STATUSES,
  EVIDENCE_PARTS,
  NOC_CODE,
  SATISFACTION_ANSWERS,
  SATISFACTION_QUESTION,
  type AttestationInput,
  type CheckpointInput,
  type EsqStatus,
  type EvidencePart,
  type MonitoringCheckpoint,
  type MonitoringJob,
  type MonitoringView,
  type SatisfactionAnswer,
} from './types.js';

const EMPLOYED: readonly EsqStatus[] = ['employed', 'self_employed'];

/**
 * M7: the five checkpoints in order (completion, then 1, 3, 6 and 12 months), each with its window,
 * its state today, the ESQ record, the evidence (M9) or attestation (M10), the SSM's review and the
 * PBF ledger line (M8).
 */
export function CheckpointTimeline({
  view,
  writable,
  onSaved,
}: {
  view: MonitoringView;
  writable: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="checkpoints-heading" data-testid="checkpoints">
      <h2 id="checkpoints-heading">{t('monitoring.checkpoints.heading')}</h2>
      {view.checkpoints.length === 0 ? (
        <p data-testid="checkpoints-none">{t('monitoring.checkpoints.none')}</p>
      ) : (
        <ol className="timeline">
          {view.checkpoints.map((c) => (
            <CheckpointCard key={c.kind} view={view} checkpoint={c} writable={writable} onSaved={onSaved} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CheckpointCard({
  view,
  checkpoint: c,
  writable,
  onSaved,
}: {
  view: MonitoringView;
  checkpoint: MonitoringCheckpoint;
  writable: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  // I2/M9: the files open for the delivering provider and the SSM's PBF reviewers (the API refuses
  // the others); everyone else reading the timeline sees that proof is on file and whether it suffices.
  const me = useSession();
  const filesShared = can('pbf.review') || (can('monitoring.write') && me.organization.kind === 'provider');
  const [editing, setEditing] = useState(false);
  const headingId = `checkpoint-${c.kind}-heading`;
  const canRecord = writable && view.actions.recordCheckpoint.includes(c.kind);
  const canSubmit = writable && view.actions.submit.includes(c.kind);
  const review = c.record?.reviewState ?? 'not_submitted';
  const locked = review === 'submitted' || review === 'approved';
  const attestationLive = c.attestation && c.attestation.state !== 'rejected';
  return (
    <li data-testid="checkpoint" data-kind={c.kind} data-state={c.state}>
      <div className="panel" role="group" aria-labelledby={headingId}>
        <h3 id={headingId}>
          {t(`pbf.checkpoints.${c.kind}`)} <CheckpointStateTag state={c.state} />{' '}
          {c.record && c.pbf ? <ReviewStateTag state={review} /> : null}
        </h3>
        <p className="timeline__when">
          {t('monitoring.checkpoints.due', { date: fmt.date(c.dueOn) })}{' '}
          <span className="tag--muted">
            {t('monitoring.checkpoints.window', {
              from: fmt.date(c.windowOpensOn, 'medium'),
              to: fmt.date(c.windowClosesOn, 'medium'),
            })}
          </span>
        </p>
        {!c.pbf ? <p className="tag--muted">{t('monitoring.checkpoints.notPbf')}</p> : null}
        {c.record ? <RecordDetails view={view} checkpoint={c} /> : null}
        {c.record?.reviewReason ? (
          <p className="callout-inline" data-testid="review-reason">
            <strong>{t('monitoring.review.reason')}</strong>{' '}
            <span className="pre-wrap">{c.record.reviewReason}</span>
          </p>
        ) : null}
        {canRecord && (editing || !c.record) ? (
          <EsqForm
            view={view}
            checkpoint={c}
            onSaved={() => {
              setEditing(false);
              onSaved(t('monitoring.esq.saved'));
            }}
            onCancel={c.record ? () => setEditing(false) : undefined}
          />
        ) : null}
        {canRecord && c.record && !editing && !locked ? (
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              onClick={() => setEditing(true)}
              data-testid="esq-correct"
            >
              {t('monitoring.esq.correct')}
            </button>
          </p>
        ) : null}
        {c.record && c.pbf ? (
          <>
            <h4>{t('monitoring.evidence.heading')}</h4>
            <EvidenceList
              planId={view.planId}
              evidence={c.evidence}
              filesShared={filesShared}
              canWithdraw={writable && !locked}
              onWithdrawn={() => onSaved(t('monitoring.evidence.withdrawn'))}
            />
            <EvidenceGaps gaps={c.evidenceGaps} />
            {writable && !locked ? (
              <EvidenceUploadForm
                planId={view.planId}
                idPrefix={`evidence-${c.kind}`}
                kinds={CHECKPOINT_EVIDENCE_KINDS}
                target={{ checkpointKind: c.kind }}
                part="checkpoint"
                initiallyOpen={c.evidence.length === 0 && !attestationLive}
                onSaved={() => onSaved(t('monitoring.evidence.uploaded'))}
              />
            ) : null}
            {c.attestation ? (
              <AttestationDetails
                view={view}
                checkpoint={c}
                canSign={can('attestation.sign') && writable}
                onSaved={onSaved}
              />
            ) : null}
            {writable && !locked && !attestationLive && c.evidenceGaps.length > 0 ? (
              <AttestationForm
                view={view}
                checkpoint={c}
                onSaved={() => onSaved(t('monitoring.attestation.requested'))}
              />
            ) : null}
            <LedgerLine checkpoint={c} />
            {canSubmit ? <SubmitCheckpoint view={view} checkpoint={c} onSaved={onSaved} /> : null}
          </>
        ) : null}
      </div>
    </li>
  );
}

function RecordDetails({ view, checkpoint: c }: { view: MonitoringView; checkpoint: MonitoringCheckpoint }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const r = c.record;
  if (!r) return null;
  const jobName = (jobId: string) => {
    const job = view.jobs.find((j) => j.id === jobId);
    return job?.employerName ?? (job?.atEntryEmployer ? t('monitoring.job.entryEmployer') : '—');
  };
  return (
    <dl className="details details--compact" data-testid="esq-record">
      <dt>{t('monitoring.esq.contactedOn')}</dt>
      <dd>{fmt.date(r.contactedOn)}</dd>
      <dt>{t('monitoring.esq.status')}</dt>
      <dd data-testid="esq-status" data-status={r.esqStatus}>
        {t(`pbf.esqStatuses.${r.esqStatus}`)}
      </dd>
      {r.jobs.length ? (
        <>
          <dt>{t('monitoring.esq.jobs')}</dt>
          <dd>
            <ul>
              {r.jobs.map((j) => (
                <li key={j.jobId} data-testid="esq-job">
                  {t('monitoring.esq.jobLine', {
                    employer: jobName(j.jobId),
                    hours: formatHours(j.minutesPerWeek, fmt.locale),
                    noc: j.nocCode,
                  })}
                  {j.hourlyWageCents !== null
                    ? ` · ${t('monitoring.job.wagePerHour', { amount: fmt.money(j.hourlyWageCents) })}`
                    : ''}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>{t('monitoring.esq.satisfaction')}</dt>
      <dd data-testid="esq-satisfaction">
        {r.satisfaction === 'prefer_not_to_answer'
          ? t('monitoring.satisfaction.prefer_not_to_answer')
          : t('monitoring.esq.satisfactionOutOf', { answer: r.satisfaction })}
      </dd>
      {r.note ? (
        <>
          <dt>{t('monitoring.esq.note')}</dt>
          <dd className="pre-wrap">{r.note}</dd>
        </>
      ) : null}
      <dt>{t('monitoring.esq.recorded')}</dt>
      <dd>{t('monitoring.esq.recordedBy', { name: r.recordedBy, when: fmt.dateTime(r.recordedAt) })}</dd>
      {c.fundedOutcome ? (
        <>
          <dt>{t('monitoring.fundedOutcome.label')}</dt>
          <dd
            data-testid="funded-outcome"
            data-met={c.fundedOutcome.met}
            data-reason={c.fundedOutcome.reason}
          >
            <span className={`tag ${c.fundedOutcome.met ? 'tag--ok' : 'tag--muted'}`}>
              {c.fundedOutcome.met ? t('monitoring.fundedOutcome.met') : t('monitoring.fundedOutcome.notMet')}
            </span>{' '}
            <strong>M2</strong>{' '}
            {t(`pbf.fundedOutcome.reasons.${c.fundedOutcome.reason}`, {
              defaultValue: c.fundedOutcome.reason,
            })}
            {c.fundedOutcome.stacked ? (
              <>
                {' '}
                <span className="tag tag--warning">{t('monitoring.fundedOutcome.stacked')}</span>
              </>
            ) : null}
            <br />
            <span className="tag--muted">
              {t(`monitoring.fundedOutcomeRegimes.${c.fundedOutcome.regime}`)}
            </span>
          </dd>
        </>
      ) : null}
      {r.submittedAt ? (
        <>
          <dt>{t('monitoring.review.submittedAt')}</dt>
          <dd>{fmt.dateTime(r.submittedAt)}</dd>
        </>
      ) : null}
      {r.reviewedAt ? (
        <>
          <dt>{t('monitoring.review.reviewedAt')}</dt>
          <dd>{fmt.dateTime(r.reviewedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** M9/M10: what keeps the checkpoint's evidence from counting, each with its rule and in plain words. */
export function EvidenceGaps({ gaps }: { gaps: MonitoringCheckpoint['evidenceGaps'] }) {
  const { t } = useTranslation();
  if (gaps.length === 0)
    return (
      <p data-testid="evidence-complete">
        <span className="tag tag--ok">{t('monitoring.gaps.none')}</span>
      </p>
    );
  return (
    <div className="callout-inline evidence-gaps" data-testid="evidence-gaps">
      <p>
        <strong>{t('monitoring.gaps.heading')}</strong>
      </p>
      <ul>
        {gaps.map((g) => (
          <li key={`${g.part}-${g.code}`} data-testid="evidence-gap" data-rule={g.rule} data-code={g.code}>
            <strong>{g.rule}</strong>{' '}
            {t('monitoring.gaps.line', {
              part: t(`pbf.evidenceParts.${g.part}`),
              gap: t(`pbf.gaps.codes.${g.code}`, { defaultValue: g.code }),
            })}
          </li>
        ))}
      </ul>
      <p className="ontario-hint">{t('monitoring.gaps.hint')}</p>
    </div>
  );
}

interface JobHoursDraft {
  jobId: string;
  hours: string;
  wage: string;
  nocCode: string;
}

const draftOf = (
  job: MonitoringJob,
  recorded: { minutesPerWeek: number; hourlyWageCents: number | null; nocCode: string } | undefined,
  locale: string,
): JobHoursDraft => {
  const source = recorded ?? job;
  return {
    jobId: job.id,
    hours: minutesToInput(source.minutesPerWeek, locale),
    wage: wageToInput(source.hourlyWageCents, locale),
    nocCode: source.nocCode,
  };
};

/**
 * M7/K3: the Employment Status Questionnaire at one checkpoint: status, each job's hours, wage and
 * occupation on the day, and the satisfaction question in its exact words.
 */
function EsqForm({
  view,
  checkpoint: c,
  onSaved,
  onCancel,
}: {
  view: MonitoringView;
  checkpoint: MonitoringCheckpoint;
  onSaved: () => void;
  onCancel: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const prefix = `esq-${c.kind}`;
  const r = c.record;
  const activeJobs = view.jobs.filter(
    (j) => jobActiveOn(j, c.dueOn) || r?.jobs.some((rj) => rj.jobId === j.id),
  );
  const [contactedOn, setContactedOn] = useState(r?.contactedOn ?? todayIso());
  const [status, setStatus] = useState<EsqStatus | ''>(r?.esqStatus ?? '');
  const [satisfaction, setSatisfaction] = useState<SatisfactionAnswer | ''>(r?.satisfaction ?? '');
  const [note, setNote] = useState(r?.note ?? '');
  const [jobs, setJobs] = useState<JobHoursDraft[]>(() =>
    activeJobs.map((j) =>
      draftOf(
        j,
        r?.jobs.find((rj) => rj.jobId === j.id),
        fmt.locale,
      ),
    ),
  );
  const save = useMonitoringStep<CheckpointInput>(view.planId, `/checkpoints/${c.kind}`, {
    onError: form.fromError,
    onSuccess: onSaved,
  });
  const employed = status !== '' && EMPLOYED.includes(status);
  const jobLabel = (jobId: string) => {
    const job = view.jobs.find((j) => j.id === jobId);
    return job?.employerName ?? t('monitoring.job.entryEmployer');
  };
  const labels: Record<string, string> = {
    contactedOn: t('monitoring.esq.contactedOn'),
    esqStatus: t('monitoring.esq.status'),
    satisfaction: t('monitoring.esq.satisfaction'),
    note: t('monitoring.esq.note'),
    jobs: t('monitoring.esq.jobs'),
  };
  jobs.forEach((j, i) => {
    labels[`jobs.${i}.minutesPerWeek`] = `${jobLabel(j.jobId)} – ${t('monitoring.job.hours')}`;
    labels[`jobs.${i}.hourlyWageCents`] = `${jobLabel(j.jobId)} – ${t('monitoring.job.wage')}`;
    labels[`jobs.${i}.nocCode`] = `${jobLabel(j.jobId)} – ${t('monitoring.job.nocCode')}`;
  });
  const setJob = (i: number, field: keyof JobHoursDraft, value: string) =>
    setJobs((js) => js.map((j, k) => (k === i ? { ...j, [field]: value } : j)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldMessages = collect([
      ['contactedOn', !contactedOn && t('monitoring.esq.errors.contactedOn')],
      ['esqStatus', !status && t('monitoring.esq.errors.status')],
      ['satisfaction', !satisfaction && t('monitoring.esq.errors.satisfaction')],
      ['jobs', employed && jobs.length === 0 && t('monitoring.esq.errors.noJob')],
    ]);
    if (employed)
      jobs.forEach((j, i) => {
        if (parseHours(j.hours) === null)
          problems[`jobs.${i}.minutesPerWeek`] = t('monitoring.job.errors.hours');
        if (j.wage.trim() && dollarsToCents(j.wage) === null)
          problems[`jobs.${i}.hourlyWageCents`] = t('monitoring.job.errors.wage');
        if (!NOC_CODE.test(j.nocCode.trim()))
          problems[`jobs.${i}.nocCode`] = t('monitoring.job.errors.nocCode');
      });
    if (!form.check(problems) || !status || !satisfaction) return;
    form.clear();
    save.mutate({
      contactedOn,
      esqStatus: status,
      satisfaction,
      ...(note.trim() ? { note: note.trim() } : {}),
      jobs: employed
        ? jobs.map((j) => ({
            jobId: j.jobId,
            minutesPerWeek: parseHours(j.hours) ?? 0,
            hourlyWageCents: j.wage.trim() ? dollarsToCents(j.wage) : null,
            nocCode: j.nocCode.trim(),
          }))
        : [],
    });
  };
  const idFor = (f: string) => `${prefix}-${f.replace(/\./g, '-')}`;
  return (
    <div className="form-section" data-testid="esq-form-wrap">
      <h4>{r ? t('monitoring.esq.correctHeading') : t('monitoring.esq.heading')}</h4>
      <ErrorSummary form={form} labels={labels} idFor={idFor} />
      <form className="form" onSubmit={submit} noValidate data-testid="esq-form">
        <TextField
          id={idFor('contactedOn')}
          type="date"
          label={labels.contactedOn ?? ''}
          value={contactedOn}
          onChange={setContactedOn}
          error={form.field('contactedOn')}
          required
        />
        <RadioGroup
          id={idFor('esqStatus')}
          label={labels.esqStatus ?? ''}
          options={ESQ_STATUSES.map((s) => ({ value: s, label: t(`pbf.esqStatuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as EsqStatus)}
          error={form.field('esqStatus')}
          required
        />
        {employed ? (
          <fieldset className="ontario-fieldset" id={idFor('jobs')} tabIndex={-1}>
            <legend className="ontario-fieldset__legend">{labels.jobs}</legend>
            <p className="ontario-hint">{t('monitoring.esq.jobsHint', { date: fmt.date(c.dueOn) })}</p>
            {form.field('jobs') && jobs.length === 0 ? (
              <p className="field-error-text">{form.field('jobs')}</p>
            ) : null}
            {jobs.length === 0 ? <p data-testid="esq-no-job">{t('monitoring.esq.noJob')}</p> : null}
            {jobs.map((j, i) => (
              <div key={j.jobId} className="plan-goal-fields" data-testid="esq-job-fields">
                <h5>{jobLabel(j.jobId)}</h5>
                <div className="inline-fields">
                  <TextField
                    id={idFor(`jobs.${i}.minutesPerWeek`)}
                    label={t('monitoring.job.hours')}
                    hint={t('monitoring.job.hoursHint')}
                    inputMode="decimal"
                    width={5}
                    value={j.hours}
                    onChange={(v) => setJob(i, 'hours', v)}
                    error={form.field(`jobs.${i}.minutesPerWeek`)}
                    required
                  />
                  <TextField
                    id={idFor(`jobs.${i}.hourlyWageCents`)}
                    label={t('monitoring.job.wage')}
                    hint={t('monitoring.job.wageHint')}
                    inputMode="decimal"
                    width={7}
                    value={j.wage}
                    onChange={(v) => setJob(i, 'wage', v)}
                    error={form.field(`jobs.${i}.hourlyWageCents`)}
                    optional
                  />
                </div>
                <div className="noc-field">
                  <TextField
                    id={idFor(`jobs.${i}.nocCode`)}
                    label={t('monitoring.job.nocCode')}
                    hint={t('monitoring.job.nocCodeHint')}
                    inputMode="numeric"
                    width={5}
                    value={j.nocCode}
                    onChange={(v) => setJob(i, 'nocCode', v)}
                    error={form.field(`jobs.${i}.nocCode`)}
                    required
                  />
                  <NocHint code={j.nocCode} />
                </div>
              </div>
            ))}
          </fieldset>
        ) : null}
        <RadioGroup
          id={idFor('satisfaction')}
          label={SATISFACTION_QUESTION[fmt.locale]}
          hint={t('monitoring.esq.satisfactionHint')}
          options={SATISFACTION_ANSWERS.map((a) => ({ value: a, label: t(`monitoring.satisfaction.${a}`) }))}
          value={satisfaction}
          onChange={(v) => setSatisfaction(v as SatisfactionAnswer)}
          error={form.field('satisfaction')}
          required
        />
        <TextAreaField
          id={idFor('note')}
          label={labels.note ?? ''}
          hint={t('monitoring.esq.noteHint')}
          value={note}
          onChange={setNote}
          error={form.field('note')}
          rows={3}
          maxLength={2000}
          optional
        />
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="esq-submit">
            {save.isPending ? t('common.saving') : t('monitoring.esq.submit')}
          </SubmitButton>
          {onCancel ? (
            <button type="button" className="ontario-button ontario-button--tertiary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/** M10: an attestation in place of evidence, only once every attempt to get it has failed. */
function AttestationForm({
  view,
  checkpoint: c,
  onSaved,
}: {
  view: MonitoringView;
  checkpoint: MonitoringCheckpoint;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [open, setOpen] = useState(false);
  const prefix = `attestation-${c.kind}`;
  const gapParts = EVIDENCE_PARTS.filter((p) => c.evidenceGaps.some((g) => g.part === p));
  const [covers, setCovers] = useState<string[]>(gapParts);
  const [rationale, setRationale] = useState('');
  const [attempts, setAttempts] = useState('');
  const [otherFactors, setOtherFactors] = useState('');
  const save = useMonitoringStep<AttestationInput>(view.planId, `/checkpoints/${c.kind}/attestation`, {
    onError: form.fromError,
    onSuccess: () => {
      setOpen(false);
      onSaved();
    },
  });
  const labels = {
    covers: t('monitoring.attestation.covers'),
    rationale: t('monitoring.attestation.rationale'),
    attempts: t('monitoring.attestation.attempts'),
    otherFactors: t('monitoring.attestation.otherFactors'),
  };
  if (!open)
    return (
      <p className="actions">
        <button
          type="button"
          className="ontario-button ontario-button--tertiary"
          onClick={() => setOpen(true)}
          data-testid="attestation-open"
        >
          {t('monitoring.attestation.open')}
        </button>
      </p>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['covers', covers.length === 0 && t('monitoring.attestation.errors.covers')],
        ['rationale', rationale.trim().length < 3 && t('monitoring.attestation.errors.rationale')],
        ['attempts', attempts.trim().length < 3 && t('monitoring.attestation.errors.attempts')],
      ]),
    );
    if (!ok) return;
    form.clear();
    save.mutate({
      covers: covers as EvidencePart[],
      rationale: rationale.trim(),
      attempts: attempts.trim(),
      ...(otherFactors.trim() ? { otherFactors: otherFactors.trim() } : {}),
    });
  };
  return (
    <div className="panel" data-testid="attestation-form-wrap">
      <h4>{t('monitoring.attestation.heading')}</h4>
      <p>{t('monitoring.attestation.intro')}</p>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `${prefix}-${f}`} />
      <form className="form" onSubmit={submit} noValidate data-testid="attestation-form">
        <CheckboxGroup
          id={`${prefix}-covers`}
          label={labels.covers}
          options={EVIDENCE_PARTS.map((p) => ({ value: p, label: t(`pbf.evidenceParts.${p}`) }))}
          values={covers}
          onChange={setCovers}
          error={form.field('covers')}
          required
        />
        <TextAreaField
          id={`${prefix}-rationale`}
          label={labels.rationale}
          hint={t('monitoring.attestation.rationaleHint')}
          value={rationale}
          onChange={setRationale}
          error={form.field('rationale')}
          rows={3}
          maxLength={4000}
          required
        />
        <TextAreaField
          id={`${prefix}-attempts`}
          label={labels.attempts}
          hint={t('monitoring.attestation.attemptsHint')}
          value={attempts}
          onChange={setAttempts}
          error={form.field('attempts')}
          rows={3}
          maxLength={4000}
          required
        />
        <TextAreaField
          id={`${prefix}-otherFactors`}
          label={labels.otherFactors}
          value={otherFactors}
          onChange={setOtherFactors}
          error={form.field('otherFactors')}
          rows={2}
          maxLength={4000}
          optional
        />
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="attestation-submit">
            {t('monitoring.attestation.submit')}
          </SubmitButton>
          <button
            type="button"
            className="ontario-button ontario-button--tertiary"
            onClick={() => setOpen(false)}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function AttestationDetails({
  view,
  checkpoint: c,
  canSign,
  onSaved,
}: {
  view: MonitoringView;
  checkpoint: MonitoringCheckpoint;
  canSign: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const a = c.attestation;
  const sign = useMonitoringStep<Record<string, never>>(
    view.planId,
    `/attestations/${encodeURIComponent(a?.id ?? '')}/sign`,
    { root: true, onError: form.fromError, onSuccess: () => onSaved(t('monitoring.attestation.signed')) },
  );
  if (!a) return null;
  const stateTag = a.signedAt ? 'tag--ok' : a.state === 'rejected' ? 'tag--danger' : 'tag--warning';
  return (
    <div className="panel" data-testid="attestation" data-state={a.state} data-signed={Boolean(a.signedAt)}>
      <h4>
        {t('monitoring.attestation.detailsHeading')}{' '}
        <span className={`tag ${stateTag}`}>
          {a.signedAt ? t('monitoring.attestation.signedTag') : t(`pbf.attestationStates.${a.state}`)}
        </span>
      </h4>
      <dl className="details details--compact">
        <dt>{t('monitoring.attestation.covers')}</dt>
        <dd>{a.covers.map((p) => t(`pbf.evidenceParts.${p}`)).join(', ')}</dd>
        {a.rationale ? (
          <>
            <dt>{t('monitoring.attestation.rationale')}</dt>
            <dd className="pre-wrap">{a.rationale}</dd>
          </>
        ) : null}
        {a.attempts ? (
          <>
            <dt>{t('monitoring.attestation.attempts')}</dt>
            <dd className="pre-wrap">{a.attempts}</dd>
          </>
        ) : null}
        {a.otherFactors ? (
          <>
            <dt>{t('monitoring.attestation.otherFactors')}</dt>
            <dd className="pre-wrap">{a.otherFactors}</dd>
          </>
        ) : null}
        <dt>{t('monitoring.attestation.requestedBy')}</dt>
        <dd>{t('monitoring.esq.recordedBy', { name: a.requestedBy, when: fmt.dateTime(a.requestedAt) })}</dd>
        {a.decidedAt ? (
          <>
            <dt>{t('monitoring.attestation.decidedAt')}</dt>
            <dd>{fmt.dateTime(a.decidedAt)}</dd>
          </>
        ) : null}
        {a.decisionReason ? (
          <>
            <dt>{t('monitoring.attestation.decisionReason')}</dt>
            <dd className="pre-wrap" data-testid="attestation-decision-reason">
              {a.decisionReason}
            </dd>
          </>
        ) : null}
        {a.signedAt ? (
          <>
            <dt>{t('monitoring.attestation.signedBy')}</dt>
            <dd>
              {t('monitoring.esq.recordedBy', { name: a.signedBy ?? '—', when: fmt.dateTime(a.signedAt) })}
            </dd>
          </>
        ) : null}
      </dl>
      {a.state === 'requested' ? (
        <p className="tag--muted">{t('monitoring.attestation.awaitingSsm')}</p>
      ) : null}
      {a.state === 'pre_approved' && !a.signedAt && !canSign ? (
        <p className="tag--muted">{t('monitoring.attestation.awaitingLead')}</p>
      ) : null}
      {a.state === 'pre_approved' && !a.signedAt && canSign ? (
        <>
          <ErrorSummary form={form} />
          <p>{t('monitoring.attestation.signIntro')}</p>
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--primary"
              aria-disabled={sign.isPending ? true : undefined}
              data-testid="attestation-sign"
              onClick={() => {
                if (sign.isPending) return;
                form.clear();
                sign.mutate({});
              }}
            >
              {t('monitoring.attestation.sign')}
            </button>
          </p>
        </>
      ) : null}
    </div>
  );
}

/** Sends a recorded PBF checkpoint to the SSM; gaps are shown but do not block it (the line just cannot be earned, M9). */
function SubmitCheckpoint({
  view,
  checkpoint: c,
  onSaved,
}: {
  view: MonitoringView;
  checkpoint: MonitoringCheckpoint;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const submit = useMonitoringStep<Record<string, never>>(view.planId, `/checkpoints/${c.kind}/submit`, {
    onError: form.fromError,
    onSuccess: () => onSaved(t('monitoring.review.submitted')),
  });
  const resubmit = c.record?.reviewState === 'rejected';
  return (
    <div className="form-section" data-testid="checkpoint-submit-wrap">
      <ErrorSummary form={form} />
      {c.evidenceGaps.length ? <p className="tag--muted">{t('monitoring.review.gapsWarning')}</p> : null}
      <p className="actions">
        <button
          type="button"
          className="ontario-button ontario-button--primary"
          aria-disabled={submit.isPending ? true : undefined}
          data-testid="checkpoint-submit"
          onClick={() => {
            if (submit.isPending) return;
            form.clear();
            submit.mutate({});
          }}
        >
          {resubmit ? t('monitoring.review.resubmit') : t('monitoring.review.submit')}
        </button>
      </p>
    </div>
  );
}

/** M8: the PBF ledger line of the checkpoint: its state, amount and why it is not payable. */
function LedgerLine({ checkpoint: c }: { checkpoint: MonitoringCheckpoint }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const l = c.ledger;
  if (!l) return null;
  return (
    <dl className="details details--compact ledger-line" data-testid="ledger-line" data-state={l.state}>
      <dt>{t('monitoring.ledger.label')}</dt>
      <dd>
        <LedgerStateTag state={l.state} />{' '}
        <strong data-testid="ledger-amount">{fmt.money(l.amountCents)}</strong>
        {l.retroactive ? (
          <>
            {' '}
            <span className="tag tag--muted-box">{t('monitoring.ledger.retroactive')}</span>
          </>
        ) : null}
        {l.stacked ? (
          <>
            {' '}
            <span className="tag tag--muted-box">{t('monitoring.ledger.stacked')}</span>
          </>
        ) : null}
        {l.reason ? (
          <>
            <br />
            <span data-testid="ledger-reason" data-reason={l.reason}>
              {t(`pbf.lineReasons.${l.reason}`, { defaultValue: l.reason })}
            </span>
          </>
        ) : null}
        {l.paidAt ? (
          <>
            <br />
            {t('monitoring.ledger.paidAt', { when: fmt.dateTime(l.paidAt) })}
          </>
        ) : null}
      </dd>
    </dl>
  );
}
