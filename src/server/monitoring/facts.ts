/**
 * A plan's monitoring facts in one read (M2, M3, M7, M9, M10, F12, F14): what the monitoring view and
 * the PBF ledger (`refreshPbfLedger`) both judge with, so they never disagree. Opened with the
 * client's key (employer names, M2 identity); never logged.
 */
import type { Database, Transaction } from '../../db/connection.js';
import {
  checkpointJobsOf,
  checkpointsOf,
  evidenceOf,
  jobsOf,
  liveAttestationsOf,
  outcomeOf,
  planAssessment,
  planRow,
  supportPeriodsOf,
} from '../../db/repositories/monitoring.js';
import { continuingPlacementsOf } from '../../db/repositories/employers.js';
import type { PlanRow } from '../../db/repositories/plans.js';
import type {
  attestations,
  checkpoints,
  employerSupportPeriods,
  employmentEvidence,
  planOutcomes,
} from '../../db/schema.js';
import type { Answers, ServiceLevel } from '../../domain/assessment/types.js';
import { compareIsoDates, type IsoDate } from '../../domain/calendar/iso-date.js';
import {
  fundedOutcomeOn,
  type EntryEmployment,
  type FundedOutcomeDecision,
  type JobRecord,
  jobHeldOn,
} from '../../domain/monitoring/funded-outcome.js';
import { minutesToHours } from '../../domain/monitoring/outcome.js';
import {
  startDateDocumentSufficient,
  type CheckpointEvidence,
  type EmploymentDocument,
} from '../../domain/monitoring/pbf.js';
import {
  checkpointSchedule,
  monitoringStart,
  type Checkpoint,
  type CheckpointKind,
  type MonitoringTrigger,
} from '../../domain/monitoring/schedule.js';
import {
  START_DATE_EVIDENCE_KINDS,
  type JobPermanence,
  type StartDateEvidenceKind,
} from '../../domain/monitoring/types.js';
import { placementMonitoringStartOn } from '../../domain/supports/employers.js';
import { ANSWERS_FIELD as CA_ANSWERS_FIELD } from '../assessments/service.js';
import type { PersonalDataKey } from '../clients/personal-data.js';

// Field names bound into each ciphertext, so one sealed value cannot be swapped into another.
export const EMPLOYER_NAME_FIELD = 'monitoring.employer_name';
export const OUTCOME_NOTE_FIELD = 'monitoring.outcome_note';
export const CHECKPOINT_NOTE_FIELD = 'monitoring.checkpoint_note';
export const REVIEW_REASON_FIELD = 'monitoring.review_reason';
export const EVIDENCE_FILE_NAME_FIELD = 'monitoring.evidence_file_name';
export const EVIDENCE_FILE_FIELD = 'monitoring.evidence_file';
export const ATTESTATION_RATIONALE_FIELD = 'monitoring.attestation_rationale';
export const ATTESTATION_ATTEMPTS_FIELD = 'monitoring.attestation_attempts';
export const ATTESTATION_OTHER_FACTORS_FIELD = 'monitoring.attestation_other_factors';
export const ATTESTATION_DECISION_REASON_FIELD = 'monitoring.attestation_decision_reason';

/**
 * M2 identity of the entry employer. The colon keeps it apart from every other employer's key:
 * `employerKeyOf` never produces one starting with ':' (an employer named "Entry" is `entry`).
 */
export const ENTRY_EMPLOYER_KEY = ':entry';

export interface MonitoringJob {
  id: string;
  employerName: string | null;
  atEntryEmployer: boolean;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  minutesPerWeek: number;
  hourlyWageCents: number | null;
  nocCode: string;
  permanence: JobPermanence;
  hoursReached20On: IsoDate | null;
  placementIntendedToContinue: boolean;
  /** M2 identity: ENTRY_EMPLOYER_KEY when atEntryEmployer, else the normalized employer name (`employerKeyOf`). */
  employerKey: string;
}

export interface MonitoringCheckpointRecord {
  row: typeof checkpoints.$inferSelect;
  jobs: { jobId: string; minutesPerWeek: number; hourlyWageCents: number | null; nocCode: string }[];
  /** Not withdrawn, this checkpoint's. */
  evidence: (typeof employmentEvidence.$inferSelect)[];
  /** The live one (not rejected). */
  attestation: typeof attestations.$inferSelect | null;
}

export interface PlanMonitoringFacts {
  plan: PlanRow;
  /** From the plan's CA. */
  serviceLevel: ServiceLevel | null;
  /** From the CA answers employment.status / hours_per_week (M2). */
  entry: EntryEmployment;
  outcome: typeof planOutcomes.$inferSelect | null;
  jobs: MonitoringJob[];
  /** Not withdrawn, start-date kinds. */
  startDateEvidence: (typeof employmentEvidence.$inferSelect)[];
  supportPeriods: (typeof employerSupportPeriods.$inferSelect)[];
  /**
   * F14: the first days of the plan's placements meant to continue as a job whose employer support
   * is approved (issue 7's placements; a job's own `placementIntendedToContinue` counts too).
   * Optional so facts built by hand (unit tests) need not name it.
   */
  placementStarts?: IsoDate[];
  /** plan.monitoringStartedOn if fixed, else monitoringStart(triggers) (M3/F14), else null. */
  start: { startOn: IsoDate; triggers: MonitoringTrigger[] } | null;
  /** checkpointSchedule(start.startOn), [] when no start. */
  schedule: Checkpoint[];
  records: Partial<Record<CheckpointKind, MonitoringCheckpointRecord>>;
}

/**
 * M2 identity of an employer other than the entry one: case, accents, spaces and punctuation do not
 * matter (lowercase letters and digits only). Never ENTRY_EMPLOYER_KEY: that one starts with ':'.
 */
export function employerKeyOf(atEntryEmployer: boolean, employerName: string | null): string {
  if (atEntryEmployer) return ENTRY_EMPLOYER_KEY;
  const normalized = (employerName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  // A name without Latin letters or digits keeps its lowercase spelling rather than merging with
  // every other; the '#' keeps it apart from the entry key and from the normalized names.
  return normalized === '' ? `#${(employerName ?? '').toLowerCase()}` : normalized;
}

/**
 * M2: the client's employment at entry, from the CA answers. Employed or self-employed →
 * employed with the hours answered; when the hours are missing (an older bank, or skipped), full
 * time counts as 40 h/week and part time as 0 h/week (which keeps the any-employer rule, the
 * client's more favourable reading; the entry employer is still excluded from stacking).
 */
export function entryEmploymentOf(answers: Answers): EntryEmployment {
  const status = answers['employment.status'];
  const hours = answers['employment.hours_per_week'];
  const employed =
    status === 'employed_full_time' || status === 'employed_part_time' || status === 'self_employed';
  if (!employed) return { employed: false };
  const hoursPerWeek =
    typeof hours === 'number' && Number.isFinite(hours) && hours >= 0
      ? hours
      : status === 'employed_full_time'
        ? 40
        : 0;
  return { employed: true, hoursPerWeek, employerKey: ENTRY_EMPLOYER_KEY };
}

/**
 * The jobs as M2 sees them on `on`. A job whose hours rose to 20+ later (`hoursReached20On` after
 * `on`) did not yet have its recorded hours; its earlier hours are not recorded, so it is taken as
 * under the threshold (0 h) until the rise: that never starts monitoring or meets an outcome early.
 */
function jobRecordsOn(
  facts: Pick<PlanMonitoringFacts, 'jobs'>,
  on: IsoDate,
  esq: Map<string, number> = new Map(),
): JobRecord[] {
  return facts.jobs.map((j) => {
    const minutes =
      esq.get(j.id) ??
      (j.hoursReached20On !== null && compareIsoDates(on, j.hoursReached20On) < 0 ? 0 : j.minutesPerWeek);
    return {
      id: j.id,
      employerKey: j.employerKey,
      hoursPerWeek: minutesToHours(minutes),
      startedOn: j.startedOn,
      endedOn: j.endedOn,
    };
  });
}

/**
 * M3/F14: the monitoring start the facts give now: the earliest of the end of pre-employment
 * services, the start of a job meeting the funded outcome, the day hours rose to 20+ (meeting it),
 * and the first day of a placement meant to continue.
 */
export function computedMonitoringStart(
  facts: Pick<PlanMonitoringFacts, 'jobs' | 'entry' | 'outcome' | 'placementStarts'>,
): { startOn: IsoDate; triggers: MonitoringTrigger[] } | null {
  const earliest = (dates: IsoDate[]) =>
    dates.length ? dates.reduce((a, b) => (compareIsoDates(a, b) <= 0 ? a : b)) : null;
  const meetsOn = (jobId: string, on: IsoDate) => {
    const d = fundedOutcomeOn({ entry: facts.entry, jobs: jobRecordsOn(facts, on), on });
    return d.met && d.countedJobIds.includes(jobId);
  };
  const fundedStarts = facts.jobs.filter((j) => meetsOn(j.id, j.startedOn)).map((j) => j.startedOn);
  // A stacked outcome begins when the job completing the stack starts: that job is counted then.
  const rises = facts.jobs
    .filter((j) => j.hoursReached20On !== null && meetsOn(j.id, j.hoursReached20On))
    .map((j) => j.hoursReached20On!);
  const placements = [
    ...facts.jobs.filter((j) => j.placementIntendedToContinue).map((j) => j.startedOn),
    ...(facts.placementStarts ?? []),
  ];
  const start = monitoringStart({
    preEmploymentEndedOn: facts.outcome?.endedOn ?? null,
    fundedJobStartedOn: earliest(fundedStarts),
    hoursReached20On: earliest(rises),
    placementIntendedToContinueStartedOn: earliest(placements),
  });
  return start ? { startOn: start.startOn, triggers: start.triggers } : null;
}

export async function loadPlanMonitoringFacts(
  q: Database | Transaction,
  planId: string,
  key: PersonalDataKey,
): Promise<PlanMonitoringFacts> {
  // Sequential reads: inside a transaction PGlite has one connection.
  const plan = await planRow(q, planId);
  if (!plan) throw new Error(`plan ${planId} not found`);
  const ca = await planAssessment(q, plan.assessmentId);
  const outcome = await outcomeOf(q, planId);
  const jobRows = await jobsOf(q, planId);
  const supportPeriods = await supportPeriodsOf(q, planId);
  const placementStarts = (await continuingPlacementsOf(q, planId))
    .map((p) =>
      placementMonitoringStartOn({
        startsOn: p.startsOn,
        endsOn: p.endedOn ?? p.endsOn,
        intendedToContinue: true,
      }),
    )
    .filter((d): d is IsoDate => d !== null);
  const checkpointRows = await checkpointsOf(q, planId);
  const checkpointJobRows = await checkpointJobsOf(
    q,
    checkpointRows.map((c) => c.id),
  );
  const evidence = await evidenceOf(q, planId);
  const live = await liveAttestationsOf(q, planId);

  const answersText = key.openText(CA_ANSWERS_FIELD, ca?.answersSealed ?? null);
  const entry = entryEmploymentOf(answersText ? (JSON.parse(answersText) as Answers) : {});
  const jobs: MonitoringJob[] = jobRows.map((j) => {
    const employerName = key.openText(EMPLOYER_NAME_FIELD, j.employerNameSealed);
    return {
      id: j.id,
      employerName,
      atEntryEmployer: j.atEntryEmployer,
      startedOn: j.startedOn,
      endedOn: j.endedOn,
      minutesPerWeek: j.minutesPerWeek,
      hourlyWageCents: j.hourlyWageCents,
      nocCode: j.nocCode,
      permanence: j.permanence,
      hoursReached20On: j.hoursReached20On,
      placementIntendedToContinue: j.placementIntendedToContinue,
      employerKey: employerKeyOf(j.atEntryEmployer, employerName),
    };
  });
  const startKinds: readonly string[] = START_DATE_EVIDENCE_KINDS;
  const records: PlanMonitoringFacts['records'] = {};
  for (const row of checkpointRows) {
    records[row.kind] = {
      row,
      jobs: checkpointJobRows
        .filter((cj) => cj.checkpointId === row.id)
        .map((cj) => ({
          jobId: cj.jobId,
          minutesPerWeek: cj.minutesPerWeek,
          hourlyWageCents: cj.hourlyWageCents,
          nocCode: cj.nocCode,
        })),
      evidence: evidence.filter((e) => e.checkpointId === row.id),
      attestation: live.find((a) => a.checkpointId === row.id) ?? null,
    };
  }
  // M7: once a checkpoint is recorded the start is fixed at what the plan holds.
  const computed = computedMonitoringStart({ jobs, entry, outcome, placementStarts });
  const start =
    plan.monitoringStartedOn !== null && checkpointRows.length > 0
      ? {
          startOn: plan.monitoringStartedOn,
          triggers: computed?.startOn === plan.monitoringStartedOn ? computed.triggers : [],
        }
      : computed;
  return {
    plan,
    serviceLevel: ca?.serviceLevel ?? null,
    entry,
    outcome,
    jobs,
    startDateEvidence: evidence.filter((e) => startKinds.includes(e.kind)),
    supportPeriods,
    placementStarts,
    start,
    schedule: start ? checkpointSchedule(start.startOn) : [],
    records,
  };
}

/** The checkpoint's due date: stored on the record (M7), else from the schedule. */
function dueOnOf(facts: PlanMonitoringFacts, kind: CheckpointKind): IsoDate | null {
  return facts.records[kind]?.row.dueOn ?? facts.schedule.find((c) => c.kind === kind)?.dueOn ?? null;
}

/** M2 on a checkpoint's date (its dueOn), with the ESQ hours recorded at that checkpoint replacing the jobs' own. */
export function checkpointFundedOutcome(
  facts: PlanMonitoringFacts,
  kind: CheckpointKind,
): FundedOutcomeDecision | null {
  const record = facts.records[kind];
  if (!record) return null;
  const on = record.row.dueOn;
  const esq = new Map(record.jobs.map((j) => [j.jobId, j.minutesPerWeek]));
  // M2/M6: a job held on the checkpoint date that the ESQ does not name has no hours confirmed at
  // the contact, so it counts for none (it must not stack into a funded outcome on its old hours).
  for (const j of facts.jobs) if (!esq.has(j.id) && jobHeldOn(j, on)) esq.set(j.id, 0);
  return fundedOutcomeOn({ entry: facts.entry, jobs: jobRecordsOn(facts, on, esq), on });
}

/**
 * M9/M10 in the domain's shape for one checkpoint. Start-date proof is judged for the jobs that make
 * the outcome (each counted job needs its own, M5), or, when the outcome is not met, the jobs held on
 * the checkpoint date; it is the first sufficient document's kind when every such job has one.
 */
export function checkpointEvidenceOf(facts: PlanMonitoringFacts, kind: CheckpointKind): CheckpointEvidence {
  const record = facts.records[kind];
  const dueOn = dueOnOf(facts, kind);
  const decision = checkpointFundedOutcome(facts, kind);
  const relevant =
    decision && decision.met
      ? decision.countedJobIds
      : dueOn === null
        ? []
        : facts.jobs.filter((j) => jobHeldOn(j, dueOn)).map((j) => j.id);
  const proofOf = (jobId: string) =>
    facts.startDateEvidence.find(
      (e) =>
        e.jobId === jobId &&
        startDateDocumentSufficient({
          kind: e.kind as StartDateEvidenceKind,
          showsClientName: e.showsClientName,
          showsBusinessName: e.showsBusinessName,
          coversDate: e.coversDate,
          showsTwentyPlusHours: e.showsTwentyPlusHours,
        }),
    );
  const proofs = relevant.map(proofOf);
  const startDateProof =
    proofs.length > 0 && proofs.every((p) => p !== undefined)
      ? (proofs[0]!.kind as StartDateEvidenceKind)
      : null;
  const documents: EmploymentDocument[] = (record?.evidence ?? [])
    .filter((e) => e.kind === 'pay_stub' || e.kind === 'employer_letter')
    .map((e) => ({
      kind: e.kind as 'pay_stub' | 'employer_letter',
      showsClientName: e.showsClientName,
      showsBusinessName: e.showsBusinessName,
      coversCheckpointDate: e.coversDate,
      showsTwentyPlusHours: e.showsTwentyPlusHours,
    }));
  const a = record?.attestation ?? null;
  return {
    startDateProof,
    documents,
    attestation: a
      ? {
          ssmPreApproved: a.state === 'pre_approved',
          signedByLeadEmploymentStaff: a.signedAt !== null && a.signedByUserId !== null,
          // Both are required (non-empty) when requested; an empty ciphertext would mean neither.
          hasRationale: a.rationaleSealed.length > 0,
          hasAttemptsSummary: a.attemptsSealed.length > 0,
          covers: a.covers,
        }
      : null,
  };
}
