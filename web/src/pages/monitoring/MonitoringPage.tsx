import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { Checkbox, RadioGroup, SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, useFormErrors, type FieldMessages } from '../../forms.js';
import { useCan, useSession } from '../../session.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { PlanStatusTag } from '../plans/shared.js';
import { CheckpointTimeline } from './Checkpoints.js';
import { useMonitoring, useMonitoringStep } from './data.js';
import { EvidenceList, EvidenceUploadForm } from './Evidence.js';
import {
  AddJobForm,
  AddSupportForm,
  EditJobForm,
  emptyJob,
  EndSupportForm,
  JobFields,
  jobDraftProblems,
  jobInputOf,
  jobLabels,
  type JobDraft,
} from './JobForms.js';
import { formatHours, jobActiveOn } from './shared.js';
import {
  FUNDED_OUTCOME_MINUTES_PER_WEEK,
  OUTCOME_KINDS,
  START_DATE_EVIDENCE_KINDS,
  type MonitoringJob,
  type MonitoringView,
  type OutcomeInput,
  type OutcomeKind,
} from './types.js';

/**
 * The client's monitoring timeline (M1–M10): the outcome that ends pre-employment services, the jobs,
 * when monitoring starts and why, then the five checkpoints with their ESQ, evidence, attestation,
 * SSM review and PBF line. Provider caseworkers write; SA caseworkers read (I2).
 */
export function MonitoringPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const monitoring = useMonitoring(planId);
  if (monitoring.isError && isApiError(monitoring.error) && monitoring.error.status === 404)
    return <NotFoundPage />;
  const view = monitoring.data;
  return (
    <Page
      title={
        view
          ? t('monitoring.page.title', { reference: view.planReference })
          : t('monitoring.page.titleLoading')
      }
      back={view ? { to: `/plans/${view.planId}`, label: t('monitoring.page.backToPlan') } : undefined}
    >
      <QueryStatus query={monitoring} />
      {view ? <MonitoringBody view={view} /> : null}
    </Page>
  );
}

function MonitoringBody({ view }: { view: MonitoringView }) {
  const { t } = useTranslation();
  const can = useCan();
  const [flash, setFlash] = useState<string | null>(null);
  // The provider delivering an active (or on-hold) plan writes; the API says so with addJob.
  const writable = can('monitoring.write') && view.actions.addJob;
  return (
    <div className="plan" data-testid="monitoring" data-phase={view.phase}>
      <div role="status" className="plan-flash">
        {flash ? (
          <PageAlert kind="success" heading={flash}>
            <p>{t('monitoring.page.savedBody')}</p>
          </PageAlert>
        ) : null}
      </div>
      <MonitoringHeader view={view} />
      {!writable ? (
        <PageAlert kind="informational" heading={t('monitoring.page.readOnlyHeading')}>
          <p>
            {can('monitoring.write') && view.planStatus === 'closed'
              ? t('monitoring.page.closedBody')
              : t('monitoring.page.readOnlyBody')}
          </p>
        </PageAlert>
      ) : null}
      <OutcomeSection view={view} onSaved={() => setFlash(t('monitoring.outcome.saved'))} />
      <JobsSection view={view} writable={writable} onSaved={setFlash} />
      <StartSection view={view} />
      <CheckpointTimeline view={view} writable={writable} onSaved={setFlash} />
    </div>
  );
}

function MonitoringHeader({ view }: { view: MonitoringView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <dl className="details plan-header" data-testid="monitoring-header">
      <dt>{t('monitoring.fields.client')}</dt>
      <dd>{view.clientName ?? <span className="tag--muted">{t('monitoring.fields.clientHidden')}</span>}</dd>
      <dt>{t('monitoring.fields.plan')}</dt>
      <dd>
        <Link to={`/plans/${view.planId}`}>{view.planReference}</Link>{' '}
        <PlanStatusTag status={view.planStatus} />{' '}
        <span className="tag--muted" data-testid="monitoring-phase">
          {t(`plans.phases.${view.phase}`)}
        </span>
      </dd>
      <dt>{t('monitoring.fields.stream')}</dt>
      <dd>
        {t('assessments.segmentation.streamValue', {
          letter: view.stream,
          name: t(`streams.${view.stream}`),
        })}
      </dd>
      <dt>{t('monitoring.fields.entry')}</dt>
      <dd data-testid="entry-status" data-employed={view.entry.employed}>
        {view.entry.employed
          ? view.entry.minutesPerWeek === null
            ? t('monitoring.entry.employed')
            : t('monitoring.entry.employedHours', {
                hours: formatHours(view.entry.minutesPerWeek, fmt.locale),
              })
          : t('monitoring.entry.notEmployed')}
        <br />
        <span className="tag--muted">
          {view.entry.employed &&
          view.entry.minutesPerWeek !== null &&
          view.entry.minutesPerWeek >= FUNDED_OUTCOME_MINUTES_PER_WEEK
            ? t('monitoring.entry.newEmployerRule')
            : t('monitoring.entry.anyEmployerRule')}
        </span>
      </dd>
    </dl>
  );
}

/** M1/M4: the end of pre-employment services, employed or not employed. */
function OutcomeSection({ view, onSaved }: { view: MonitoringView; onSaved: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const o = view.outcome;
  return (
    <section className="section" aria-labelledby="outcome-heading" data-testid="outcome">
      <h2 id="outcome-heading">{t('monitoring.outcome.heading')}</h2>
      {o ? (
        <dl className="details" data-testid="outcome-recorded" data-kind={o.kind}>
          <dt>{t('monitoring.outcome.kind')}</dt>
          <dd>{t(`monitoring.outcomeKinds.${o.kind}`)}</dd>
          <dt>{t('monitoring.outcome.endedOn')}</dt>
          <dd>{fmt.date(o.endedOn)}</dd>
          {o.allActivitiesOfferedConfirmed ? (
            <>
              <dt>{t('monitoring.outcome.confirmation')}</dt>
              <dd>{t('monitoring.outcome.confirmed')}</dd>
            </>
          ) : null}
          {o.note ? (
            <>
              <dt>{t('monitoring.outcome.note')}</dt>
              <dd className="pre-wrap">{o.note}</dd>
            </>
          ) : null}
          <dt>{t('monitoring.esq.recorded')}</dt>
          <dd>{t('monitoring.esq.recordedBy', { name: o.recordedBy, when: fmt.dateTime(o.recordedAt) })}</dd>
        </dl>
      ) : view.actions.recordOutcome ? (
        <OutcomeForm view={view} onSaved={onSaved} />
      ) : (
        <p data-testid="outcome-none">{t('monitoring.outcome.none')}</p>
      )}
    </section>
  );
}

function OutcomeForm({ view, onSaved }: { view: MonitoringView; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [kind, setKind] = useState<OutcomeKind | ''>('');
  const [endedOn, setEndedOn] = useState(todayIso());
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState('');
  // Jobs already recorded (M6) count for an employed outcome; new ones are entered here.
  const [jobs, setJobs] = useState<JobDraft[]>(() => (view.jobs.some((j) => !j.endedOn) ? [] : [emptyJob()]));
  const save = useMonitoringStep<OutcomeInput>(view.planId, '/outcome', {
    onError: form.fromError,
    onSuccess: onSaved,
  });
  const employed = kind === 'employed';
  const needsConfirmation = kind === 'not_employed' && view.openItemCount > 0;
  const labels: Record<string, string> = {
    kind: t('monitoring.outcome.kind'),
    endedOn: t('monitoring.outcome.endedOn'),
    allActivitiesOfferedConfirmed: t('monitoring.outcome.confirmLabel'),
    note: t('monitoring.outcome.note'),
    jobs: t('monitoring.outcome.jobs'),
  };
  jobs.forEach((_, i) => Object.assign(labels, jobLabels(t, `jobs.${i}.`)));
  const idFor = (f: string) => `outcome-${f.replace(/\./g, '-')}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldMessages = collect([
      ['kind', !kind && t('monitoring.outcome.errors.kind')],
      ['endedOn', !endedOn && t('monitoring.outcome.errors.endedOn')],
      [
        'allActivitiesOfferedConfirmed',
        needsConfirmation && !confirmed && t('monitoring.outcome.errors.confirm'),
      ],
    ]);
    if (employed) jobs.forEach((j, i) => Object.assign(problems, jobDraftProblems(j, t, `jobs.${i}.`)));
    // M1: an employed outcome needs a job held on the end date, recorded before or entered here.
    if (employed && jobs.length === 0 && !view.jobs.some((j) => jobActiveOn(j, endedOn)))
      problems.jobs = t('monitoring.outcome.errors.jobs');
    if (!form.check(problems) || !kind) return;
    form.clear();
    save.mutate({
      kind,
      endedOn,
      ...(needsConfirmation ? { allActivitiesOfferedConfirmed: confirmed } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(employed && jobs.length ? { jobs: jobs.map(jobInputOf) } : {}),
    });
  };
  return (
    <>
      <p>{t('monitoring.outcome.intro')}</p>
      <ErrorSummary form={form} labels={labels} idFor={idFor} />
      <form className="form" onSubmit={submit} noValidate data-testid="outcome-form">
        <RadioGroup
          id={idFor('kind')}
          label={labels.kind ?? ''}
          options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`monitoring.outcomeKinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as OutcomeKind)}
          error={form.field('kind')}
          required
        />
        <TextField
          id={idFor('endedOn')}
          type="date"
          label={labels.endedOn ?? ''}
          hint={t('monitoring.outcome.endedOnHint')}
          value={endedOn}
          onChange={setEndedOn}
          error={form.field('endedOn')}
          required
        />
        {needsConfirmation ? (
          <div className="callout-inline" data-testid="m4-confirmation">
            <p>
              <strong>M4</strong> {t('monitoring.outcome.openItems', { count: view.openItemCount })}
            </p>
            {form.field('allActivitiesOfferedConfirmed') ? (
              <p className="field-error-text">{form.field('allActivitiesOfferedConfirmed')}</p>
            ) : null}
            <Checkbox
              id={idFor('allActivitiesOfferedConfirmed')}
              label={labels.allActivitiesOfferedConfirmed ?? ''}
              hint={t('monitoring.outcome.confirmHint')}
              checked={confirmed}
              onChange={setConfirmed}
            />
          </div>
        ) : null}
        {employed ? (
          <fieldset className="ontario-fieldset" id={idFor('jobs')} tabIndex={-1}>
            <legend className="ontario-fieldset__legend">{labels.jobs}</legend>
            <p className="ontario-hint">{t('monitoring.outcome.jobsHint')}</p>
            {form.field('jobs') && jobs.length === 0 ? (
              <p className="field-error-text">{form.field('jobs')}</p>
            ) : null}
            {view.jobs.filter((j) => !j.endedOn).length ? (
              <p data-testid="outcome-existing-jobs">
                {t('monitoring.outcome.existingJobs', {
                  names: view.jobs
                    .filter((j) => !j.endedOn)
                    .map((j) => j.employerName ?? t('monitoring.job.entryEmployer'))
                    .join(', '),
                })}
              </p>
            ) : null}
            {jobs.map((job, i) => (
              <div className="panel" key={i} data-testid="outcome-job">
                <h3>{t('monitoring.outcome.jobN', { n: i + 1 })}</h3>
                <JobFields
                  idPrefix="outcome"
                  fieldPrefix={`jobs.${i}.`}
                  value={job}
                  onChange={(next) => setJobs((js) => js.map((j, k) => (k === i ? next : j)))}
                  form={form}
                />
                <p className="actions">
                  <button
                    type="button"
                    className="ontario-button ontario-button--tertiary"
                    onClick={() => setJobs((js) => js.filter((_, k) => k !== i))}
                  >
                    {t('monitoring.outcome.removeJob', { n: i + 1 })}
                  </button>
                </p>
              </div>
            ))}
            <p className="actions">
              <button
                type="button"
                className="ontario-button ontario-button--secondary"
                onClick={() => setJobs((js) => [...js, emptyJob()])}
                data-testid="outcome-add-job"
              >
                {jobs.length ? t('monitoring.outcome.addAnotherJob') : t('monitoring.outcome.addJob')}
              </button>
            </p>
          </fieldset>
        ) : null}
        <TextAreaField
          id={idFor('note')}
          label={labels.note ?? ''}
          value={note}
          onChange={setNote}
          error={form.field('note')}
          rows={3}
          maxLength={2000}
          optional
        />
        <div className="actions">
          <SubmitButton pending={save.isPending} testId="outcome-submit">
            {save.isPending ? t('common.saving') : t('monitoring.outcome.submit')}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}

/** M5/M6/L4/F12: every job since entry, with its start-date proof (M9) and employer supports. */
function JobsSection({
  view,
  writable,
  onSaved,
}: {
  view: MonitoringView;
  writable: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section className="section" aria-labelledby="jobs-heading" data-testid="jobs">
      <h2 id="jobs-heading">{t('monitoring.jobs.heading')}</h2>
      {view.jobs.length === 0 ? <p data-testid="jobs-none">{t('monitoring.jobs.none')}</p> : null}
      {view.jobs.map((job) => (
        <JobCard key={job.id} view={view} job={job} writable={writable} onSaved={onSaved} />
      ))}
      {writable && view.actions.addJob ? (
        adding ? (
          <AddJobForm
            planId={view.planId}
            onSaved={() => {
              setAdding(false);
              onSaved(t('monitoring.jobs.added'));
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              onClick={() => setAdding(true)}
              data-testid="add-job-open"
            >
              {t('monitoring.jobs.add')}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}

function JobCard({
  view,
  job,
  writable,
  onSaved,
}: {
  view: MonitoringView;
  job: MonitoringJob;
  writable: boolean;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [mode, setMode] = useState<'view' | 'edit' | 'support'>('view');
  // I2/M9: the files open for the delivering provider and the SSM's PBF reviewers (the API refuses
  // the others); everyone else reading the timeline sees that proof is on file and whether it suffices.
  const can = useCan();
  const me = useSession();
  const filesShared = can('pbf.review') || (can('monitoring.write') && me.organization.kind === 'provider');
  // M9: the start-date proof backs every checkpoint; once one is with the SSM or approved it stays
  // (more proof can still be added).
  const startProofInUse = view.checkpoints.some(
    (c) => c.record?.reviewState === 'submitted' || c.record?.reviewState === 'approved',
  );
  const headingId = `job-${job.id}-heading`;
  const name = job.employerName ?? t('monitoring.job.entryEmployer');
  return (
    <div className="panel" role="group" aria-labelledby={headingId} data-testid="job" data-job-id={job.id}>
      <h3 id={headingId}>
        {name}{' '}
        {job.endedOn ? (
          <span className="tag tag--muted">{t('monitoring.job.ended')}</span>
        ) : (
          <span className="tag tag--ok">{t('monitoring.job.current')}</span>
        )}{' '}
        {job.atEntryEmployer ? (
          <span className="tag tag--muted-box">{t('monitoring.job.entryTag')}</span>
        ) : null}
      </h3>
      <dl className="details details--compact">
        <dt>{t('monitoring.job.dates')}</dt>
        <dd>
          {job.endedOn
            ? t('monitoring.job.fromTo', { from: fmt.date(job.startedOn), to: fmt.date(job.endedOn) })
            : t('monitoring.job.since', { from: fmt.date(job.startedOn) })}
        </dd>
        <dt>{t('monitoring.job.hours')}</dt>
        <dd data-testid="job-hours" data-minutes={job.minutesPerWeek}>
          {t('monitoring.job.hoursValue', { hours: formatHours(job.minutesPerWeek, fmt.locale) })}
        </dd>
        <dt>{t('monitoring.job.wage')}</dt>
        <dd>
          {job.hourlyWageCents === null
            ? '—'
            : t('monitoring.job.wagePerHour', { amount: fmt.money(job.hourlyWageCents) })}
        </dd>
        <dt>{t('monitoring.job.nocCode')}</dt>
        <dd>
          {job.nocCode}
          {job.nocCategory ? <span className="tag--muted"> – {job.nocCategory[fmt.locale]}</span> : null}
        </dd>
        <dt>{t('monitoring.job.permanence')}</dt>
        <dd>{t(`monitoring.permanence.${job.permanence}`)}</dd>
        {job.hoursReached20On ? (
          <>
            <dt>{t('monitoring.job.hoursReached20On')}</dt>
            <dd>{fmt.date(job.hoursReached20On)}</dd>
          </>
        ) : null}
        {job.placementIntendedToContinue ? (
          <>
            <dt>{t('monitoring.job.placementShort')}</dt>
            <dd>{t('monitoring.job.placementYes')}</dd>
          </>
        ) : null}
        <dt>{t('monitoring.supports.heading')}</dt>
        <dd data-testid="job-supports">
          {job.supportPeriods.length === 0 ? (
            t('monitoring.supports.none')
          ) : (
            <ul>
              {job.supportPeriods.map((p) => (
                <li key={p.id} data-testid="support-period">
                  {p.endsOn
                    ? t('monitoring.job.fromTo', { from: fmt.date(p.startsOn), to: fmt.date(p.endsOn) })
                    : t('monitoring.supports.ongoing', { from: fmt.date(p.startsOn) })}
                  {writable && !p.endsOn ? (
                    <EndSupportForm
                      planId={view.planId}
                      periodId={p.id}
                      startsOn={p.startsOn}
                      onSaved={() => onSaved(t('monitoring.supports.ended'))}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h4>{t('monitoring.evidence.startDateHeading')}</h4>
      <EvidenceList
        planId={view.planId}
        evidence={job.startDateEvidence}
        filesShared={filesShared}
        canWithdraw={writable && !startProofInUse}
        onWithdrawn={() => onSaved(t('monitoring.evidence.withdrawn'))}
      />
      {writable && mode === 'view' ? (
        <>
          <EvidenceUploadForm
            planId={view.planId}
            idPrefix={`start-evidence-${job.id}`}
            kinds={START_DATE_EVIDENCE_KINDS}
            target={{ jobId: job.id }}
            part="start_date"
            initiallyOpen={job.startDateEvidence.length === 0}
            onSaved={() => onSaved(t('monitoring.evidence.uploaded'))}
          />
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              onClick={() => setMode('edit')}
              data-testid="job-edit"
            >
              {t('monitoring.jobs.edit')}
            </button>
            <button
              type="button"
              className="ontario-button ontario-button--tertiary"
              onClick={() => setMode('support')}
              data-testid="job-add-support"
            >
              {t('monitoring.supports.add')}
            </button>
          </p>
        </>
      ) : null}
      {writable && mode === 'edit' ? (
        <EditJobForm
          planId={view.planId}
          job={job}
          onSaved={() => {
            setMode('view');
            onSaved(t('monitoring.jobs.updated'));
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {writable && mode === 'support' ? (
        <AddSupportForm
          planId={view.planId}
          job={job}
          onSaved={() => {
            setMode('view');
            onSaved(t('monitoring.supports.added'));
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
    </div>
  );
}

/** M3/F14/A8: when monitoring started and which event started it; when the plan can close. */
function StartSection({ view }: { view: MonitoringView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const s = view.monitoringStart;
  return (
    <section className="section" aria-labelledby="start-heading" data-testid="monitoring-start">
      <h2 id="start-heading">{t('monitoring.start.heading')}</h2>
      {s ? (
        <dl className="details">
          <dt>{t('monitoring.start.startOn')}</dt>
          <dd data-testid="monitoring-start-on" data-date={s.startOn}>
            {fmt.date(s.startOn)}{' '}
            <span className="tag--muted">
              {s.fixed ? t('monitoring.start.fixed') : t('monitoring.start.provisional')}
            </span>
          </dd>
          <dt>{t('monitoring.start.triggers')}</dt>
          <dd>
            <ul>
              {s.triggers.map((tr) => (
                <li key={tr} data-testid="monitoring-trigger" data-trigger={tr}>
                  <strong>{tr === 'placement_intended_to_continue_started' ? 'F14' : 'M3'}</strong>{' '}
                  {t(`monitoring.triggers.${tr}`)}
                </li>
              ))}
            </ul>
          </dd>
          {view.planClosesOn ? (
            <>
              <dt>{t('monitoring.start.planClosesOn')}</dt>
              <dd data-testid="plan-closes-on">
                {fmt.date(view.planClosesOn)}
                <br />
                <span className="tag--muted">{t('monitoring.start.planClosesOnHint')}</span>
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p data-testid="monitoring-not-started">{t('monitoring.start.notStarted')}</p>
      )}
      <p className="tag--muted">{t('monitoring.start.noPause')}</p>
    </section>
  );
}
