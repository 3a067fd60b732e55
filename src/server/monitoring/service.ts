/**
 * Outcomes and monitoring (M1–M10, A8, F12, F14, K3): the caseworker records the end of
 * pre-employment services and the client's jobs, the checkpoint contacts (the ESQ), evidence and
 * attestations, and submits PBF checkpoints to the SSM. The rules are the pure functions of
 * `src/domain/monitoring`; this module gathers the facts (`facts.ts`), refuses what the rules refuse,
 * writes each change with its plan event, ledger refresh and audit in one transaction, and builds the
 * monitoring view. Personal text is sealed with the client's key and never logged.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/connection.js';
import { recordIcmEvent } from '../../db/repositories/case-records.js';
import { displayNameOf } from '../../db/repositories/case-management.js';
import {
  attestationById,
  evidenceById,
  insertAttestation,
  insertCheckpoint,
  insertEvidence,
  insertJob,
  insertOutcome,
  insertSupportPeriod,
  monitoredPlansOf,
  recordedCheckpointsOf,
  replaceCheckpointJobs,
  setPlanMonitoring,
  signAttestationRow,
  supportPeriodsOf,
  updateCheckpoint,
  updateJob,
  updateSupportPeriod,
  userNames,
  withdrawEvidenceRow,
} from '../../db/repositories/monitoring.js';
import { ledgerLinesOfPlan } from '../../db/repositories/pbf.js';
import { itemsOf, type PlanRow, type VisiblePlan } from '../../db/repositories/plans.js';
import { clientVisibility, hasPermission } from '../../domain/access/policy.js';
import type { Stream } from '../../domain/assessment/types.js';
import { addCalendarDays, compareIsoDates, type IsoDate } from '../../domain/calendar/iso-date.js';
import { torontoDate } from '../../domain/calendar/index.js';
import { jobHeldOn } from '../../domain/monitoring/funded-outcome.js';
import {
  jobProblems,
  NOC_CODE,
  nocBroadCategory,
  outcomeProblems,
  type MonitoringProblem,
} from '../../domain/monitoring/outcome.js';
import { evidenceGaps } from '../../domain/monitoring/pbf.js';
import {
  checkpointSchedule,
  checkpointState,
  CHECKPOINT_KINDS,
  planClosesOn,
  type CheckpointKind,
} from '../../domain/monitoring/schedule.js';
import {
  CHECKPOINT_EVIDENCE_KINDS,
  EVIDENCE_MAX_BYTES,
  START_DATE_EVIDENCE_KINDS,
  type EvidenceContentType,
} from '../../domain/monitoring/types.js';
import { checkpointWorklistBucket } from '../../domain/monitoring/worklist.js';
import { contentChangeRefusal, isItemOpen, phaseOf } from '../../domain/plan/index.js';
import { audit, auditEach } from '../audit/record.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  ProblemError,
  refuse,
  refuseField,
} from '../http/problem.js';
import { refreshPbfLedger } from '../pbf/ledger.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import { evidenceViewOf, isSaViewer, keyOfVisiblePlan, planEventBy, planInScope } from './shared.js';
import {
  ATTESTATION_ATTEMPTS_FIELD,
  ATTESTATION_DECISION_REASON_FIELD,
  ATTESTATION_OTHER_FACTORS_FIELD,
  ATTESTATION_RATIONALE_FIELD,
  CHECKPOINT_NOTE_FIELD,
  checkpointEvidenceOf,
  checkpointFundedOutcome,
  computedMonitoringStart,
  EMPLOYER_NAME_FIELD,
  EVIDENCE_FILE_FIELD,
  EVIDENCE_FILE_NAME_FIELD,
  loadPlanMonitoringFacts,
  OUTCOME_NOTE_FIELD,
  REVIEW_REASON_FIELD,
  type PlanMonitoringFacts,
} from './facts.js';
import type {
  attestationBody,
  checkpointBody,
  CheckpointWorklist,
  evidenceBody,
  jobBody,
  jobPatchBody,
  MonitoringView,
  outcomeBody,
  supportPeriodBody,
  supportPeriodPatchBody,
} from './schemas.js';

export interface MonitoringDeps {
  db: Database;
  crypto: PersonCrypto;
  now: () => Date;
  evidenceStore: EvidenceStore;
}

type JobInput = z.infer<typeof jobBody>;

/** Every problem of a list at once: the first one's rule, all of them as fields. */
function refuseAll(problems: MonitoringProblem[], field = 'body') {
  const first = problems[0]!;
  return new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
    rule: first.rule,
    detail: problems.map((p) => `${p.rule}: ${p.en}`).join(' '),
    messageFr: problems.map((p) => `${p.rule} : ${p.fr}`).join(' '),
    errors: problems.map((p) => ({ field, message: `${p.rule}: ${p.en}`, code: p.code })),
  });
}

/** The provider delivering the plan records its outcomes and checkpoints; everyone else who sees it reads. */
const works = (ctx: RequestContext, p: PlanRow) =>
  hasPermission(ctx.actor, 'monitoring.write') && ctx.actor.organizationId === p.organizationId;

const keyOf = (deps: MonitoringDeps, row: VisiblePlan) => keyOfVisiblePlan(deps.crypto, row);

const today = (deps: MonitoringDeps) => torontoDate(deps.now());

async function visibleOrNotFound(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
): Promise<VisiblePlan> {
  const row = await planInScope(deps.db, ctx, planId);
  if (!row) throw notFound('Plan');
  return row;
}

/** A plan the actor's provider delivers, activated (M3: monitoring runs from activation) and not closed. */
async function workable(deps: MonitoringDeps, ctx: RequestContext, planId: string): Promise<VisiblePlan> {
  const row = await visibleOrNotFound(deps, ctx, planId);
  if (!works(ctx, row.plan))
    throw forbidden('Only the provider delivering this plan records its monitoring.');
  const closed = contentChangeRefusal(row.plan.status);
  if (closed) throw refuse(closed.rule, closed.en, closed.fr);
  if (row.plan.status === 'draft')
    throw refuse(
      'M1',
      'outcomes, jobs and checkpoints are recorded on an activated plan.',
      'les résultats, les emplois et les points de contrôle s’inscrivent dans un plan activé.',
    );
  return row;
}

const event = planEventBy;

const startMoved = () =>
  refuse(
    'M7',
    'monitoring cannot pause or move once checkpoints are recorded',
    'la surveillance ne peut être ni suspendue ni déplacée une fois des points de contrôle inscrits',
  );

/**
 * M3/M7: after a change, the monitoring start the facts give. While no checkpoint is recorded the
 * plan's start follows the earliest trigger; once one is, a change that would move it is refused
 * (the transaction rolls back). Then the PBF ledger is refreshed and the change audited.
 */
async function settle(
  tx: Transaction,
  deps: MonitoringDeps,
  ctx: RequestContext,
  row: VisiblePlan,
  key: PersonalDataKey,
  now: Date,
  action: 'create' | 'update' = 'update',
): Promise<void> {
  const facts = await loadPlanMonitoringFacts(tx, row.plan.id, key);
  const computed = computedMonitoringStart(facts);
  const stored = facts.plan.monitoringStartedOn;
  const fixed = Object.keys(facts.records).length > 0;
  if (fixed && stored !== null && computed?.startOn !== stored) throw startMoved();
  if (!fixed && (computed?.startOn ?? null) !== stored) {
    await setPlanMonitoring(tx, row.plan.id, {
      monitoringStartedOn: computed?.startOn ?? null,
      updatedAt: now,
    });
    await event(tx, ctx, row.plan.id, now, 'monitoring_started', {
      startOn: computed?.startOn ?? null,
      triggers: computed?.triggers ?? [],
      previous: stored,
    });
  }
  await refreshPbfLedger(tx, row.plan.id, { crypto: deps.crypto, now: deps.now });
  await audit(tx, ctx, action, 'monitoring', row.plan.id, row.plan.clientId);
}

// ---------------------------------------------------------------------------------------------
// The view

const REVIEWABLE = new Set(['not_submitted', 'rejected']);

async function buildView(
  deps: MonitoringDeps,
  ctx: RequestContext,
  row: VisiblePlan,
  key: PersonalDataKey,
): Promise<MonitoringView> {
  const facts = await loadPlanMonitoringFacts(deps.db, row.plan.id, key);
  const p = facts.plan;
  const items = await itemsOf(deps.db, p.id);
  const lines = await ledgerLinesOfPlan(deps.db, p.id);
  const records = Object.values(facts.records);
  const names = await userNames(deps.db, [
    ...(facts.outcome ? [facts.outcome.recordedByUserId] : []),
    ...facts.startDateEvidence.map((e) => e.uploadedByUserId),
    ...records.flatMap((r) => [
      r.row.recordedByUserId,
      ...r.evidence.map((e) => e.uploadedByUserId),
      ...(r.attestation
        ? [
            r.attestation.requestedByUserId,
            ...(r.attestation.signedByUserId ? [r.attestation.signedByUserId] : []),
          ]
        : []),
    ]),
  ]);
  const day = today(deps);
  const mayWork = works(ctx, p) && (p.status === 'active' || p.status === 'active_on_hold');
  // I2: what the provider wrote for the SSM (notes, rationale) is not shared with SA.
  const sa = isSaViewer(ctx);
  const open = (field: string, sealed: Buffer | null) => (sa ? null : key.openText(field, sealed));
  // I2: SA sees that documents are on file and whether they suffice, not their file names.
  const evidenceOptions = { withFileName: !sa };
  const fixed = records.length > 0;

  const checkpoints = facts.schedule.map((c) => {
    const record = facts.records[c.kind] ?? null;
    const pbf = c.kind !== 'completion';
    const dueOn = record?.row.dueOn ?? c.dueOn;
    const decision = checkpointFundedOutcome(facts, c.kind);
    const line = lines.find((l) => l.checkpoint === c.kind) ?? null;
    const a = record?.attestation ?? null;
    return {
      kind: c.kind,
      dueOn,
      windowOpensOn: c.windowOpensOn,
      windowClosesOn: c.windowClosesOn,
      state: checkpointState(c, day, record ? record.row.contactedOn : null),
      pbf,
      record: record
        ? {
            id: record.row.id,
            contactedOn: record.row.contactedOn,
            esqStatus: record.row.esqStatus,
            satisfaction: record.row.satisfaction,
            note: open(CHECKPOINT_NOTE_FIELD, record.row.noteSealed),
            recordedAt: record.row.recordedAt.toISOString(),
            recordedBy: names.get(record.row.recordedByUserId) ?? '',
            jobs: record.jobs,
            reviewState: record.row.reviewState,
            reviewReason: open(REVIEW_REASON_FIELD, record.row.reviewReasonSealed),
            reviewedAt: record.row.reviewedAt?.toISOString() ?? null,
            submittedAt: record.row.submittedAt?.toISOString() ?? null,
          }
        : null,
      fundedOutcome: decision
        ? {
            met: decision.met,
            reason: decision.reason,
            stacked: decision.stacked,
            regime: decision.regime,
            countedJobIds: decision.countedJobIds,
          }
        : null,
      evidence: (record?.evidence ?? []).map((e) => evidenceViewOf(e, key, names, evidenceOptions)),
      evidenceGaps: record && pbf ? evidenceGaps(checkpointEvidenceOf(facts, c.kind)) : [],
      attestation: a
        ? {
            id: a.id,
            covers: a.covers,
            rationale: open(ATTESTATION_RATIONALE_FIELD, a.rationaleSealed),
            attempts: open(ATTESTATION_ATTEMPTS_FIELD, a.attemptsSealed),
            otherFactors: open(ATTESTATION_OTHER_FACTORS_FIELD, a.otherFactorsSealed),
            state: a.state,
            requestedAt: a.requestedAt.toISOString(),
            requestedBy: names.get(a.requestedByUserId) ?? '',
            decidedAt: a.decidedAt?.toISOString() ?? null,
            decisionReason: open(ATTESTATION_DECISION_REASON_FIELD, a.decisionReasonSealed),
            signedAt: a.signedAt?.toISOString() ?? null,
            signedBy: a.signedByUserId ? (names.get(a.signedByUserId) ?? null) : null,
          }
        : null,
      ledger: line
        ? {
            state: line.state,
            reason: line.reason,
            amountCents: line.amountCents,
            retroactive: line.retroactive,
            stacked: line.stacked,
            stackingRefused: line.stackingRefused,
            paidAt: line.paidAt?.toISOString() ?? null,
          }
        : null,
    };
  });

  return {
    planId: p.id,
    planReference: p.reference,
    clientId: p.clientId,
    clientName: row.client.purgedAt ? null : displayNameOf(row.client),
    stream: p.stream as Stream,
    planStatus: p.status,
    phase: phaseOf({
      outcomeRecordedAt: p.outcomeRecordedAt?.toISOString() ?? null,
      finalCheckpointCompletedAt: p.finalCheckpointCompletedAt?.toISOString() ?? null,
    }),
    entry: {
      employed: facts.entry.employed,
      minutesPerWeek: facts.entry.employed ? Math.round(facts.entry.hoursPerWeek * 60) : null,
    },
    outcome: facts.outcome
      ? {
          kind: facts.outcome.kind,
          endedOn: facts.outcome.endedOn,
          allActivitiesOfferedConfirmed: facts.outcome.allActivitiesOfferedConfirmed,
          note: open(OUTCOME_NOTE_FIELD, facts.outcome.noteSealed),
          recordedAt: facts.outcome.recordedAt.toISOString(),
          recordedBy: names.get(facts.outcome.recordedByUserId) ?? '',
        }
      : null,
    openItemCount: items.filter((i) => isItemOpen(i.item.status)).length,
    jobs: facts.jobs.map(({ employerKey: _identity, ...j }) => ({
      ...j,
      nocCategory: nocBroadCategory(j.nocCode),
      startDateEvidence: facts.startDateEvidence
        .filter((e) => e.jobId === j.id)
        .map((e) => evidenceViewOf(e, key, names, evidenceOptions)),
      supportPeriods: facts.supportPeriods
        .filter((s) => s.jobId === j.id)
        .map((s) => ({ id: s.id, startsOn: s.startsOn, endsOn: s.endsOn })),
    })),
    monitoringStart: facts.start ? { ...facts.start, fixed } : null,
    planClosesOn: facts.start ? planClosesOn(facts.start.startOn) : null,
    checkpoints,
    actions: {
      recordOutcome: mayWork && p.status === 'active' && facts.outcome === null,
      addJob: mayWork,
      recordCheckpoint: mayWork
        ? checkpoints
            .filter(
              (c) =>
                compareIsoDates(day, c.windowOpensOn) >= 0 &&
                (c.record === null || REVIEWABLE.has(c.record.reviewState)),
            )
            .map((c) => c.kind)
        : [],
      submit: mayWork
        ? checkpoints
            .filter((c) => c.pbf && c.record && REVIEWABLE.has(c.record.reviewState))
            .map((c) => c.kind)
        : [],
    },
  };
}

/** The client's monitoring timeline (M1–M10). Audited. */
export async function getMonitoring(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  options: { audited?: boolean } = {},
): Promise<MonitoringView> {
  const row = await visibleOrNotFound(deps, ctx, planId);
  const view = await buildView(deps, ctx, row, keyOf(deps, row));
  if (!options.audited)
    await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'monitoring', row.plan.id, row.plan.clientId));
  return view;
}

const reread = (deps: MonitoringDeps, ctx: RequestContext, planId: string) =>
  getMonitoring(deps, ctx, planId, { audited: true });

// ---------------------------------------------------------------------------------------------
// Outcome and jobs (M1, M3, M4, M6, F12, F14)

function checkNoc(code: string | undefined, field: string) {
  if (code !== undefined && !NOC_CODE.test(code))
    throw invalid(field, 'Use the five-digit NOC 2021 code', 'noc_code');
}

function checkJob(deps: MonitoringDeps, job: JobInput, field: string) {
  checkNoc(job.nocCode, `${field}.nocCode`);
  const problems = jobProblems({
    startedOn: job.startedOn,
    endedOn: job.endedOn ?? null,
    minutesPerWeek: job.minutesPerWeek,
    hourlyWageCents: job.hourlyWageCents ?? null,
    nocCode: job.nocCode,
    hoursReached20On: job.hoursReached20On ?? null,
    today: today(deps),
  });
  if (problems.length) throw refuseAll(problems, field);
  if (job.employerSupport) checkSupport(job.employerSupport, `${field}.employerSupport`);
}

function checkSupport(s: { startsOn: IsoDate; endsOn: IsoDate | null }, field: string) {
  if (s.endsOn !== null && compareIsoDates(s.endsOn, s.startsOn) < 0)
    throw invalid(`${field}.endsOn`, 'Employer supports cannot end before they start', 'ends_before_start');
}

/** Writes one job (and its employer supports) with its plan events. */
async function writeJob(
  tx: Transaction,
  ctx: RequestContext,
  row: VisiblePlan,
  key: PersonalDataKey,
  job: JobInput,
  now: Date,
): Promise<string> {
  const jobId = await insertJob(tx, {
    planId: row.plan.id,
    clientId: row.plan.clientId,
    employerNameSealed: key.sealText(EMPLOYER_NAME_FIELD, job.employerName),
    atEntryEmployer: job.atEntryEmployer,
    startedOn: job.startedOn,
    endedOn: job.endedOn ?? null,
    minutesPerWeek: job.minutesPerWeek,
    hourlyWageCents: job.hourlyWageCents ?? null,
    nocCode: job.nocCode,
    permanence: job.permanence,
    hoursReached20On: job.hoursReached20On ?? null,
    placementIntendedToContinue: job.placementIntendedToContinue ?? false,
    recordedByUserId: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await event(tx, ctx, row.plan.id, now, 'job_recorded', {
    jobId,
    atEntryEmployer: job.atEntryEmployer,
    startedOn: job.startedOn,
    endedOn: job.endedOn ?? null,
    minutesPerWeek: job.minutesPerWeek,
    permanence: job.permanence,
    placementIntendedToContinue: job.placementIntendedToContinue ?? false,
  });
  if (job.employerSupport) {
    const periodId = await insertSupportPeriod(tx, {
      planId: row.plan.id,
      jobId,
      startsOn: job.employerSupport.startsOn,
      endsOn: job.employerSupport.endsOn,
      recordedByUserId: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await event(tx, ctx, row.plan.id, now, 'employer_support_recorded', {
      periodId,
      jobId,
      startsOn: job.employerSupport.startsOn,
      endsOn: job.employerSupport.endsOn,
    });
  }
  return jobId;
}

/**
 * M1/M4: the end of pre-employment services, employed (with the job or jobs held) or not employed
 * (confirming, while items are open, that all appropriate activities were offered). Moves the plan
 * to the monitoring phase (A8), may start monitoring (M3), tells SA (I4).
 */
export async function recordOutcome(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof outcomeBody>,
): Promise<MonitoringView> {
  const row = await workable(deps, ctx, planId);
  const key = keyOf(deps, row);
  const facts = await loadPlanMonitoringFacts(deps.db, planId, key);
  const newJobs = input.jobs ?? [];
  newJobs.forEach((j, i) => checkJob(deps, j, `body.jobs.${i}`));
  const items = await itemsOf(deps.db, planId);
  const problems = outcomeProblems({
    kind: input.kind,
    endedOn: input.endedOn,
    today: today(deps),
    openItemCount: items.filter((i) => isItemOpen(i.item.status)).length,
    allActivitiesOfferedConfirmed: input.allActivitiesOfferedConfirmed ?? false,
    jobsActiveOnEndDate: [
      ...facts.jobs,
      ...newJobs.map((j) => ({ startedOn: j.startedOn, endedOn: j.endedOn ?? null })),
    ].filter((j) => jobHeldOn(j, input.endedOn)).length,
    planStatus: row.plan.status,
    outcomeAlreadyRecorded: facts.outcome !== null,
    activatedOn: row.plan.activatedAt ? torontoDate(row.plan.activatedAt) : null,
  });
  if (problems.length) throw refuseAll(problems);
  if (input.kind === 'not_employed' && newJobs.length)
    throw refuseField(
      'M1',
      'body.jobs',
      'jobs_with_not_employed',
      'an outcome without employment records no job; record the jobs with an employed outcome.',
      'un résultat sans emploi n’inscrit aucun emploi; inscrivez les emplois avec un résultat « en emploi ».',
    );
  const note = input.note ? key.sealText(OUTCOME_NOTE_FIELD, input.note) : null;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await insertOutcome(tx, {
      planId,
      kind: input.kind,
      endedOn: input.endedOn,
      allActivitiesOfferedConfirmed: input.allActivitiesOfferedConfirmed ?? false,
      noteSealed: note,
      recordedByUserId: ctx.actor.userId,
      recordedAt: now,
    });
    await setPlanMonitoring(tx, planId, { outcomeRecordedAt: now, updatedAt: now });
    await event(tx, ctx, planId, now, 'outcome_recorded', {
      kind: input.kind,
      endedOn: input.endedOn,
      allActivitiesOfferedConfirmed: input.allActivitiesOfferedConfirmed ?? false,
      jobs: newJobs.length,
    });
    for (const job of newJobs) await writeJob(tx, ctx, row, key, job, now);
    // I4: SA sees the end of pre-employment services at once when the client is on SA.
    if (row.client.saProgram)
      await recordIcmEvent(tx, {
        clientId: row.plan.clientId,
        catchmentId: row.plan.catchmentId,
        at: now,
        kind: 'outcome_recorded',
        organizationId: ctx.actor.organizationId,
        userId: ctx.actor.userId,
        detail: { planId, reference: row.plan.reference, outcome: input.kind, endedOn: input.endedOn },
      });
    await settle(tx, deps, ctx, row, key, now, 'create');
  });
  return reread(deps, ctx, planId);
}

/** M6: a job as soon as it is known, from activation on (a funded job can start monitoring, M3). */
export async function addJob(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  input: JobInput,
): Promise<MonitoringView> {
  const row = await workable(deps, ctx, planId);
  checkJob(deps, input, 'body');
  const key = keyOf(deps, row);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await writeJob(tx, ctx, row, key, input, now);
    await settle(tx, deps, ctx, row, key, now);
  });
  return reread(deps, ctx, planId);
}

/**
 * M6: a job's end, hours, wage, occupation or permanence as soon as the change is known, or a
 * correction of its employer, entry-employer flag, start date or placement flag. Checked as a new
 * job is; M7: once a checkpoint is recorded, a change that would move the monitoring start (a start
 * date, or an employer that now meets or misses M2) is refused by `settle`. The plan event names the
 * fields changed and the new values of the non-personal ones (never the employer's name).
 */
export async function changeJob(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  jobId: string,
  input: z.infer<typeof jobPatchBody>,
): Promise<MonitoringView> {
  checkNoc(input.nocCode, 'body.nocCode');
  const row = await workable(deps, ctx, planId);
  const key = keyOf(deps, row);
  const facts = await loadPlanMonitoringFacts(deps.db, planId, key);
  const job = facts.jobs.find((j) => j.id === jobId);
  if (!job) throw notFound('Job');
  const pick = <K extends keyof typeof input & keyof typeof job>(k: K) =>
    (input[k] !== undefined ? input[k] : job[k]) as NonNullable<(typeof input)[K]> | (typeof job)[K];
  const merged = {
    employerName: pick('employerName'),
    atEntryEmployer: pick('atEntryEmployer'),
    startedOn: pick('startedOn'),
    placementIntendedToContinue: pick('placementIntendedToContinue'),
    endedOn: pick('endedOn'),
    minutesPerWeek: pick('minutesPerWeek'),
    hourlyWageCents: pick('hourlyWageCents'),
    nocCode: pick('nocCode'),
    permanence: pick('permanence'),
    hoursReached20On: pick('hoursReached20On'),
  };
  const problems = jobProblems({ ...merged, today: today(deps) });
  if (problems.length) throw refuseAll(problems);
  // M6: a checkpoint's ESQ that names this job keeps it held on the checkpoint date; otherwise the
  // recorded (even approved) checkpoint would silently lose its funded outcome. Correct the
  // checkpoint first (while it is not submitted or approved).
  for (const r of Object.values(facts.records))
    if (r.jobs.some((cj) => cj.jobId === jobId) && !jobHeldOn(merged, r.row.dueOn))
      throw refuseField(
        'M6',
        'body',
        'job_listed_at_checkpoint',
        `the ${r.row.kind} checkpoint records this job as held on ${r.row.dueOn}; correct that checkpoint first.`,
        `le point de contrôle ${r.row.kind} inscrit cet emploi comme occupé le ${r.row.dueOn}; corrigez d’abord ce point de contrôle.`,
      );
  const fields = (Object.keys(merged) as (keyof typeof merged)[]).filter((k) => merged[k] !== job[k]);
  const { employerName, ...plain } = merged;
  const changes = Object.fromEntries(fields.filter((k) => k !== 'employerName').map((k) => [k, merged[k]]));
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await updateJob(tx, jobId, {
      ...plain,
      ...(fields.includes('employerName') && employerName !== null
        ? { employerNameSealed: key.sealText(EMPLOYER_NAME_FIELD, employerName) }
        : {}),
      updatedAt: now,
    });
    // Personal data stays out of the history: the employer's name is only named as changed.
    await event(tx, ctx, planId, now, 'job_changed', { jobId, fields, changes });
    await settle(tx, deps, ctx, row, key, now);
  });
  return reread(deps, ctx, planId);
}

/** F12: a period of employer financial supports paid for a job (PBF deferred while it lasts). */
export async function addSupportPeriod(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  jobId: string,
  input: z.infer<typeof supportPeriodBody>,
): Promise<MonitoringView> {
  const row = await workable(deps, ctx, planId);
  const key = keyOf(deps, row);
  const facts = await loadPlanMonitoringFacts(deps.db, planId, key);
  if (!facts.jobs.some((j) => j.id === jobId)) throw notFound('Job');
  checkSupport(input, 'body');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const periodId = await insertSupportPeriod(tx, {
      planId,
      jobId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      recordedByUserId: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await event(tx, ctx, planId, now, 'employer_support_recorded', {
      periodId,
      jobId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    await settle(tx, deps, ctx, row, key, now);
  });
  return reread(deps, ctx, planId);
}

/** F12: the end of employer supports (a retroactive release of deferred PBF follows from the ledger). */
export async function changeSupportPeriod(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  periodId: string,
  input: z.infer<typeof supportPeriodPatchBody>,
): Promise<MonitoringView> {
  const row = await workable(deps, ctx, planId);
  const key = keyOf(deps, row);
  const period = (await supportPeriodsOf(deps.db, planId)).find((s) => s.id === periodId);
  if (!period) throw notFound('Employer support period');
  checkSupport({ startsOn: period.startsOn, endsOn: input.endsOn }, 'body');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await updateSupportPeriod(tx, periodId, { endsOn: input.endsOn, updatedAt: now });
    await event(tx, ctx, planId, now, 'employer_support_recorded', {
      periodId,
      jobId: period.jobId,
      startsOn: period.startsOn,
      endsOn: input.endsOn,
      previousEndsOn: period.endsOn,
    });
    await settle(tx, deps, ctx, row, key, now);
  });
  return reread(deps, ctx, planId);
}

// ---------------------------------------------------------------------------------------------
// Checkpoints (M7, K3, M6)

const EMPLOYED_STATUSES = new Set(['employed', 'self_employed']);

function scheduled(facts: PlanMonitoringFacts, kind: CheckpointKind) {
  const c = facts.schedule.find((x) => x.kind === kind);
  if (!c)
    throw refuse(
      'M3',
      'monitoring has not started: record the outcome or a job meeting the funded outcome first.',
      'la surveillance n’a pas commencé : inscrivez d’abord le résultat ou un emploi qui atteint le résultat financé.',
    );
  return c;
}

const underReview = () =>
  conflict(
    'checkpoint_under_review',
    'This checkpoint has been submitted to the SSM or approved; it can be corrected once the SSM rejects it.',
    {
      messageFr:
        'Ce point de contrôle a été soumis au GSS ou approuvé; il pourra être corrigé si le GSS le rejette.',
    },
  );

/**
 * M7/K3: the checkpoint contact and its Employment Status Questionnaire, recorded once its window
 * has opened; corrected while not submitted or approved. M6: the status must agree with the jobs.
 */
export async function recordCheckpoint(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  kind: CheckpointKind,
  input: z.infer<typeof checkpointBody>,
): Promise<MonitoringView> {
  input.jobs.forEach((j, i) => checkNoc(j.nocCode, `body.jobs.${i}.nocCode`));
  const row = await workable(deps, ctx, planId);
  const key = keyOf(deps, row);
  const facts = await loadPlanMonitoringFacts(deps.db, planId, key);
  const c = scheduled(facts, kind);
  const day = today(deps);
  const existing = facts.records[kind] ?? null;
  const dueOn = existing?.row.dueOn ?? c.dueOn;
  if (compareIsoDates(day, c.windowOpensOn) < 0)
    throw refuse(
      'M7',
      `the ${kind} checkpoint's window opens on ${c.windowOpensOn}; it cannot be recorded before.`,
      `la fenêtre du point de contrôle ${kind} s’ouvre le ${c.windowOpensOn}; il ne peut pas être inscrit avant.`,
    );
  if (compareIsoDates(input.contactedOn, day) > 0)
    throw refuseField(
      'M7',
      'body.contactedOn',
      'contact_in_future',
      'the contact is recorded once it has happened.',
      'le contact s’inscrit une fois survenu.',
    );
  if (compareIsoDates(input.contactedOn, facts.start!.startOn) < 0)
    throw refuseField(
      'M7',
      'body.contactedOn',
      'contact_before_monitoring',
      'a checkpoint contact cannot be before the monitoring start.',
      'un contact de point de contrôle ne peut pas précéder le début de la surveillance.',
    );
  if (existing && !REVIEWABLE.has(existing.row.reviewState)) throw underReview();
  const seen = new Set<string>();
  input.jobs.forEach((j, i) => {
    const job = facts.jobs.find((x) => x.id === j.jobId);
    if (!job || seen.has(j.jobId))
      throw invalid(`body.jobs.${i}.jobId`, 'Name each job of this plan once', 'unknown_job');
    seen.add(j.jobId);
    if (!jobHeldOn(job, dueOn))
      throw refuseField(
        'M6',
        `body.jobs.${i}.jobId`,
        'job_not_held',
        `this job is not held on the checkpoint date (${dueOn}); record its dates first.`,
        `cet emploi n’est pas occupé à la date du point de contrôle (${dueOn}); inscrivez d’abord ses dates.`,
      );
  });
  const employed = EMPLOYED_STATUSES.has(input.esqStatus);
  if (employed && input.jobs.length === 0)
    throw refuseField(
      'M6',
      'body.jobs',
      'employed_needs_job',
      'an employed status names the job or jobs held, with their hours, wage and occupation.',
      'une situation « en emploi » nomme le ou les emplois occupés, avec leurs heures, salaire et profession.',
    );
  if (!employed && input.jobs.length > 0)
    throw refuseField(
      'M6',
      'body.jobs',
      'jobs_without_employment',
      'a status without employment lists no job.',
      'une situation sans emploi n’indique aucun emploi.',
    );
  if (!employed && facts.jobs.some((j) => jobHeldOn(j, dueOn)))
    throw refuseField(
      'M6',
      'body.esqStatus',
      'job_still_active',
      `end the job first: a job is still recorded as held on the checkpoint date (${dueOn}).`,
      `terminez d’abord l’emploi : un emploi est encore inscrit comme occupé à la date du point de contrôle (${dueOn}).`,
    );
  const note = input.note ? key.sealText(CHECKPOINT_NOTE_FIELD, input.note) : null;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    let checkpointId: string;
    const values = {
      contactedOn: input.contactedOn,
      esqStatus: input.esqStatus,
      satisfaction: input.satisfaction,
      noteSealed: note,
      recordedByUserId: ctx.actor.userId,
      recordedAt: now,
      updatedAt: now,
    };
    if (existing) {
      checkpointId = existing.row.id;
      if (!(await updateCheckpoint(tx, checkpointId, existing.row.reviewState, values))) throw underReview();
    } else {
      // M7: the due date is fixed on the record; so is the monitoring start from now on.
      checkpointId = await insertCheckpoint(tx, { ...values, planId, kind, dueOn });
      if (facts.plan.monitoringStartedOn === null)
        await setPlanMonitoring(tx, planId, { monitoringStartedOn: facts.start!.startOn, updatedAt: now });
    }
    await replaceCheckpointJobs(
      tx,
      checkpointId,
      input.jobs.map((j) => ({
        jobId: j.jobId,
        minutesPerWeek: j.minutesPerWeek,
        hourlyWageCents: j.hourlyWageCents ?? null,
        nocCode: j.nocCode,
      })),
    );
    if (kind === 'month_12' && facts.plan.finalCheckpointCompletedAt === null)
      await setPlanMonitoring(tx, planId, { finalCheckpointCompletedAt: now, updatedAt: now });
    await event(tx, ctx, planId, now, 'checkpoint_recorded', {
      checkpointId,
      kind,
      dueOn,
      contactedOn: input.contactedOn,
      esqStatus: input.esqStatus,
      corrected: existing !== null,
    });
    await settle(tx, deps, ctx, row, key, now, existing ? 'update' : 'create');
  });
  return reread(deps, ctx, planId);
}

/** M8/M9: a PBF checkpoint goes to the SSM; evidence gaps show but do not block (the line cannot be earned). */
export async function submitCheckpoint(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  kind: CheckpointKind,
): Promise<MonitoringView> {
  const row = await workable(deps, ctx, planId);
  if (kind === 'completion')
    throw refuse(
      'M8',
      'the completion checkpoint does not pay; only the 1, 3, 6 and 12-month checkpoints go to the SSM.',
      'le point de contrôle de fin ne donne lieu à aucun paiement; seuls ceux de 1, 3, 6 et 12 mois vont au GSS.',
    );
  const key = keyOf(deps, row);
  const facts = await loadPlanMonitoringFacts(deps.db, planId, key);
  const record = facts.records[kind];
  if (!record)
    throw refuse(
      'M7',
      'record the checkpoint contact before submitting it.',
      'inscrivez le contact du point de contrôle avant de le soumettre.',
    );
  if (!REVIEWABLE.has(record.row.reviewState)) throw underReview();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const moved = await updateCheckpoint(tx, record.row.id, record.row.reviewState, {
      reviewState: 'submitted',
      submittedAt: now,
      submittedByUserId: ctx.actor.userId,
      updatedAt: now,
    });
    if (!moved) throw underReview();
    await event(tx, ctx, planId, now, 'checkpoint_submitted', { checkpointId: record.row.id, kind });
    await settle(tx, deps, ctx, row, key, now);
  });
  return reread(deps, ctx, planId);
}

// ---------------------------------------------------------------------------------------------
// Evidence (M9)

/** What the first bytes of each accepted file type are. */
export function contentTypeMatches(contentType: EvidenceContentType, bytes: Buffer): boolean {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  switch (contentType) {
    case 'application/pdf':
      return starts([0x25, 0x50, 0x44, 0x46]); // %PDF
    case 'image/jpeg':
      return starts([0xff, 0xd8, 0xff]);
    case 'image/png':
      return starts([0x89, 0x50, 0x4e, 0x47]);
    case 'image/webp':
      return starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8); // RIFF....WEBP
  }
}

/** Standard base64, checked without backtracking (the text can be 7 MB). */
export const isBase64 = (text: string) => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);

/** A checkpoint kind named in a path; any other word is no checkpoint. */
export function checkpointKindOf(kind: string): CheckpointKind {
  const known: readonly string[] = CHECKPOINT_KINDS;
  if (!known.includes(kind)) throw notFound('Checkpoint');
  return kind as CheckpointKind;
}

const approvedRefusal = () =>
  refuse(
    'M9',
    'the checkpoint has been approved; its evidence no longer changes.',
    'le point de contrôle a été approuvé; sa preuve ne change plus.',
  );

const underReviewRefusal = () =>
  refuse(
    'M9',
    'the SSM is reviewing this evidence; it can be changed if the checkpoint is rejected.',
    'le GSS examine cette preuve; elle pourra être modifiée si le point de contrôle est refusé.',
  );

/** M9: a pay stub, employer or offer letter, sealed with the client's key before it reaches the store. */
export async function uploadEvidence(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof evidenceBody>,
): Promise<MonitoringView> {
  if (!isBase64(input.dataBase64))
    throw invalid('body.dataBase64', 'Send the file as standard base64', 'not_base64');
  const row = await workable(deps, ctx, planId);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > EVIDENCE_MAX_BYTES)
    throw new ProblemError(413, 'payload_too_large', 'File too large', {
      detail: `body.dataBase64: the file is ${bytes.length} bytes; evidence files are at most ${EVIDENCE_MAX_BYTES} bytes (5 MB).`,
      messageFr: `body.dataBase64 : le fichier fait ${bytes.length} octets; une pièce justificative fait au plus ${EVIDENCE_MAX_BYTES} octets (5 Mo).`,
      errors: [{ field: 'body.dataBase64', message: 'At most 5 MB', code: 'file_too_large' }],
    });
  if (bytes.length === 0) throw invalid('body.dataBase64', 'The file is empty', 'empty_file');
  if (!contentTypeMatches(input.contentType, bytes))
    throw invalid('body.dataBase64', `The file is not a ${input.contentType} file`, 'content_type_mismatch');
  const key = keyOf(deps, row);
  const facts = await loadPlanMonitoringFacts(deps.db, planId, key);
  const startKinds: readonly string[] = START_DATE_EVIDENCE_KINDS;
  const checkpointKinds: readonly string[] = CHECKPOINT_EVIDENCE_KINDS;
  let jobId: string | null = null;
  let checkpointId: string | null = null;
  if (startKinds.includes(input.kind)) {
    if (!input.jobId) throw invalid('body.jobId', 'Start-date proof is filed against a job', 'job_required');
    if (input.checkpointKind)
      throw invalid('body.checkpointKind', 'Start-date proof is filed against a job, not a checkpoint');
    if (!facts.jobs.some((j) => j.id === input.jobId)) throw notFound('Job');
    jobId = input.jobId;
  } else if (checkpointKinds.includes(input.kind)) {
    if (!input.checkpointKind)
      throw invalid(
        'body.checkpointKind',
        'Checkpoint proof is filed against a checkpoint',
        'checkpoint_required',
      );
    if (input.jobId) throw invalid('body.jobId', 'Checkpoint proof is filed against a checkpoint, not a job');
    const record = facts.records[input.checkpointKind];
    if (!record)
      throw refuseField(
        'M9',
        'body.checkpointKind',
        'checkpoint_not_recorded',
        'record the checkpoint contact before filing its evidence.',
        'inscrivez le contact du point de contrôle avant d’en déposer la preuve.',
      );
    // While the SSM reviews it, documents may be added (the gaps it sees can only close; approval
    // judges the file as it is then) but not withdrawn (withdrawEvidence).
    if (record.row.reviewState === 'approved') throw approvedRefusal();
    checkpointId = record.row.id;
  }
  const storageKey = `evidence/${planId}/${randomUUID()}`;
  const sealed = key.sealBytes(EVIDENCE_FILE_FIELD, bytes);
  const fileName = key.sealText(EVIDENCE_FILE_NAME_FIELD, input.fileName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await deps.evidenceStore.put(storageKey, sealed);
  const now = deps.now();
  try {
    await deps.db.transaction(async (tx) => {
      const evidenceId = await insertEvidence(tx, {
        planId,
        kind: input.kind,
        jobId,
        checkpointId,
        storageKey,
        contentType: input.contentType,
        byteSize: bytes.length,
        sha256,
        fileNameSealed: fileName,
        showsClientName: input.showsClientName,
        showsBusinessName: input.showsBusinessName,
        coversDate: input.coversDate,
        showsTwentyPlusHours: input.showsTwentyPlusHours,
        uploadedByUserId: ctx.actor.userId,
        uploadedAt: now,
      });
      await event(tx, ctx, planId, now, 'evidence_uploaded', {
        evidenceId,
        kind: input.kind,
        jobId,
        checkpointKind: input.checkpointKind ?? null,
        byteSize: bytes.length,
        contentType: input.contentType,
      });
      await settle(tx, deps, ctx, row, key, now, 'create');
    });
  } catch (error) {
    await deps.evidenceStore.remove(storageKey);
    throw error;
  }
  return reread(deps, ctx, planId);
}

async function visibleEvidence(deps: MonitoringDeps, ctx: RequestContext, evidenceId: string) {
  const evidence = await evidenceById(deps.db, evidenceId);
  if (!evidence || evidence.withdrawnAt) throw notFound('Evidence');
  // The plan's scope decides; a plan out of scope hides its evidence too.
  const row = await planInScope(deps.db, ctx, evidence.planId);
  if (!row) throw notFound('Evidence');
  return { evidence, row };
}

/**
 * I2: the documents themselves (pay stubs, letters) are for the delivering provider and the SSM's
 * reviewers; SA reads the plan and its checkpoints, and sees that proof is on file and whether it
 * suffices, but not the files.
 */
const evidenceNotShared = () =>
  new ProblemError(403, 'forbidden', 'Forbidden', {
    rule: 'I2',
    detail:
      'I2: evidence documents are shared with the delivering provider and the SSM, not with social assistance; the monitoring view shows whether the proof on file is sufficient.',
    messageFr:
      'I2 : les pièces justificatives sont communiquées au fournisseur qui offre les services et au GSS, non à l’aide sociale; la vue de surveillance indique si la preuve au dossier est suffisante.',
  });

const evidenceNeedToKnow = () =>
  new ProblemError(403, 'forbidden', 'Forbidden', {
    rule: 'M9',
    detail:
      'M9: evidence documents are opened by the delivering provider and the SSM staff who review PBF checkpoints.',
    messageFr:
      'M9 : les pièces justificatives sont ouvertes par le fournisseur qui offre les services et par le personnel du GSS qui examine les points de contrôle du FR.',
  });

/** M9: the original file, opened with the client's key. Audited. Not for SA (I2). */
export async function evidenceFile(
  deps: MonitoringDeps,
  ctx: RequestContext,
  evidenceId: string,
): Promise<{ contentType: EvidenceContentType; bytes: Buffer; extension: string }> {
  const { evidence, row } = await visibleEvidence(deps, ctx, evidenceId);
  if (isSaViewer(ctx)) throw evidenceNotShared();
  // Need to know: the delivering provider, who filed it, and the SSM's PBF reviewers, who check it
  // (M9). Other SSM staff see on the timeline that sufficient proof is on file, not the pay stub.
  if (!works(ctx, row.plan) && !hasPermission(ctx.actor, 'pbf.review')) throw evidenceNeedToKnow();
  const sealed = await deps.evidenceStore.get(evidence.storageKey);
  const bytes = keyOf(deps, row).openBytes(EVIDENCE_FILE_FIELD, sealed);
  // A purged client's key is gone (C3): the file is unreadable, as if removed.
  if (!bytes) throw notFound('Evidence');
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'evidence', evidence.id, row.plan.clientId));
  const extension = {
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/webp': 'webp',
  }[evidence.contentType];
  return { contentType: evidence.contentType, bytes, extension };
}

/** M9: evidence filed in error is withdrawn (kept for the record) before the checkpoint is approved. */
export async function withdrawEvidence(
  deps: MonitoringDeps,
  ctx: RequestContext,
  evidenceId: string,
): Promise<MonitoringView> {
  const { evidence, row: seen } = await visibleEvidence(deps, ctx, evidenceId);
  const row = await workable(deps, ctx, seen.plan.id);
  const key = keyOf(deps, row);
  // M9: what the SSM is reviewing or has approved stays on file: a checkpoint's own documents, and
  // start-date proof, which backs every checkpoint. After a rejection the provider may fix the file.
  const facts = await loadPlanMonitoringFacts(deps.db, row.plan.id, key);
  const backs = Object.values(facts.records).filter((r) =>
    evidence.checkpointId ? r.row.id === evidence.checkpointId : true,
  );
  if (backs.some((r) => r.row.reviewState === 'approved')) throw approvedRefusal();
  if (backs.some((r) => r.row.reviewState === 'submitted')) throw underReviewRefusal();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (!(await withdrawEvidenceRow(tx, evidenceId, now))) throw notFound('Evidence');
    await event(tx, ctx, row.plan.id, now, 'evidence_withdrawn', { evidenceId, kind: evidence.kind });
    await settle(tx, deps, ctx, row, key, now);
  });
  return reread(deps, ctx, row.plan.id);
}

// ---------------------------------------------------------------------------------------------
// Attestations (M10)

/** M10: an attestation in place of (part of) the evidence, once every attempt to get it failed. */
export async function requestAttestation(
  deps: MonitoringDeps,
  ctx: RequestContext,
  planId: string,
  kind: CheckpointKind,
  input: z.infer<typeof attestationBody>,
): Promise<MonitoringView> {
  const row = await workable(deps, ctx, planId);
  if (kind === 'completion')
    throw refuse(
      'M10',
      'attestations stand in for PBF evidence; the completion checkpoint does not pay.',
      'les attestations remplacent une preuve de FAR; le point de contrôle de fin ne donne lieu à aucun paiement.',
    );
  const key = keyOf(deps, row);
  const facts = await loadPlanMonitoringFacts(deps.db, planId, key);
  const record = facts.records[kind];
  if (!record)
    throw refuse(
      'M10',
      'record the checkpoint contact before requesting an attestation for it.',
      'inscrivez le contact du point de contrôle avant d’y demander une attestation.',
    );
  if (record.row.reviewState === 'approved') throw approvedRefusal();
  if (record.attestation)
    throw conflict(
      'attestation_exists',
      'M10: this checkpoint already has an attestation requested or pre-approved.',
      {
        rule: 'M10',
        messageFr: 'M10 : ce point de contrôle a déjà une attestation demandée ou préapprouvée.',
      },
    );
  const sealed = {
    rationaleSealed: key.sealText(ATTESTATION_RATIONALE_FIELD, input.rationale),
    attemptsSealed: key.sealText(ATTESTATION_ATTEMPTS_FIELD, input.attempts),
    otherFactorsSealed: input.otherFactors
      ? key.sealText(ATTESTATION_OTHER_FACTORS_FIELD, input.otherFactors)
      : null,
  };
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const attestationId = await insertAttestation(tx, {
      planId,
      checkpointId: record.row.id,
      covers: [...input.covers],
      ...sealed,
      state: 'requested',
      requestedByUserId: ctx.actor.userId,
      requestedAt: now,
    });
    await event(tx, ctx, planId, now, 'attestation_requested', { attestationId, kind, covers: input.covers });
    await settle(tx, deps, ctx, row, key, now, 'create');
  });
  return reread(deps, ctx, planId);
}

/** M10: the lead employment staff of the delivering provider signs a pre-approved attestation. */
export async function signAttestation(
  deps: MonitoringDeps,
  ctx: RequestContext,
  attestationId: string,
): Promise<MonitoringView> {
  const attestation = await attestationById(deps.db, attestationId);
  if (!attestation) throw notFound('Attestation');
  const seen = await planInScope(deps.db, ctx, attestation.planId);
  if (!seen) throw notFound('Attestation');
  const row = await workable(deps, ctx, seen.plan.id);
  if (attestation.state !== 'pre_approved')
    throw refuse(
      'M10',
      attestation.state === 'rejected'
        ? 'the SSM rejected this attestation; it cannot be signed.'
        : 'an attestation is signed only after the SSM pre-approves it.',
      attestation.state === 'rejected'
        ? 'le GSS a rejeté cette attestation; elle ne peut pas être signée.'
        : 'une attestation n’est signée qu’après l’approbation préalable du GSS.',
    );
  if (attestation.signedAt)
    throw conflict('attestation_signed', 'This attestation is already signed.', {
      messageFr: 'Cette attestation est déjà signée.',
    });
  const key = keyOf(deps, row);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (!(await signAttestationRow(tx, attestationId, ctx.actor.userId, now)))
      throw conflict('attestation_changed', 'This attestation changed just now; reload it and try again.', {
        messageFr: 'Cette attestation vient de changer; rechargez-la et réessayez.',
      });
    await event(tx, ctx, row.plan.id, now, 'attestation_signed', { attestationId });
    await settle(tx, deps, ctx, row, key, now);
  });
  return reread(deps, ctx, row.plan.id);
}

// ---------------------------------------------------------------------------------------------
// The checkpoint worklist (M7)

/** How far ahead upcoming checkpoints are shown. */
const UPCOMING_DAYS = 30;

/** Checkpoints overdue, due this week, due later and coming up, for one caseload or the whole provider. Audited. */
export async function checkpointWorklist(
  deps: MonitoringDeps,
  ctx: RequestContext,
  scope: 'mine' | 'organization',
): Promise<CheckpointWorklist> {
  if (ctx.actor.organizationKind !== 'provider') throw forbidden('The checkpoint worklist is a provider’s.');
  const plans = await monitoredPlansOf(
    deps.db,
    clientVisibility(ctx.actor),
    ctx.actor.organizationId,
    scope === 'mine' ? ctx.actor.userId : null,
  );
  const recorded = await recordedCheckpointsOf(
    deps.db,
    plans.map((p) => p.plan.id),
  );
  const day = today(deps);
  const horizon = addCalendarDays(day, UPCOMING_DAYS);
  const items: CheckpointWorklist['items'] = [];
  for (const { plan, client, caseworkerName } of plans) {
    const done = new Set(recorded.filter((r) => r.planId === plan.id).map((r) => r.kind));
    for (const c of checkpointSchedule(plan.monitoringStartedOn!)) {
      if (done.has(c.kind)) continue;
      const bucket = checkpointWorklistBucket(c, day, null);
      if (bucket === null) continue;
      if (bucket === 'upcoming' && compareIsoDates(c.dueOn, horizon) > 0) continue;
      items.push({
        planId: plan.id,
        planReference: plan.reference,
        clientId: plan.clientId,
        clientName: client.purgedAt ? null : displayNameOf(client),
        caseworkerName,
        stream: plan.stream as Stream,
        kind: c.kind,
        dueOn: c.dueOn,
        windowClosesOn: c.windowClosesOn,
        bucket,
        state: checkpointState(c, day, null),
      });
    }
  }
  items.sort(
    (a, b) =>
      Number(b.bucket === 'overdue') - Number(a.bucket === 'overdue') ||
      compareIsoDates(a.dueOn, b.dueOn) ||
      CHECKPOINT_KINDS.indexOf(a.kind) - CHECKPOINT_KINDS.indexOf(b.kind),
  );
  const counts = { overdue: 0, due_this_week: 0, due_later: 0, upcoming: 0 };
  for (const i of items) counts[i.bucket]++;
  const planIds = [...new Set(items.map((i) => i.planId))];
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'monitoring',
      planIds.map((id) => ({ entityId: id, clientId: items.find((i) => i.planId === id)!.clientId })),
    ),
  );
  return { items, counts };
}
