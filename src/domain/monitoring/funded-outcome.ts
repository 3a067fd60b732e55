/**
 * M2 (with M5): does a client meet their funded outcome on a given date?
 *
 * The funded outcome depends on the client's status at entry, as recorded in the Common
 * Assessment, and on what happened since:
 * - unemployed, or employed under 20 h/week at entry → working 20+ h/week (any employer, so the
 *   entry employer counts too: hours rising to 20+ there is a funded outcome, M3);
 * - employed 20+ h/week at entry → working 20+ h/week with a **new employer**;
 * - after losing a job that met the funded outcome → the new-employer rule applies from then on.
 *
 * Hours are the job's average hours per week as recorded; 20 exactly meets the threshold.
 * Job stacking (M5): two or more jobs held at once that together reach 20+ h/week. A stacked
 * outcome is flagged (`stacked: true`) because M5 caps it at 5% of a provider's funded outcomes per
 * checkpoint period; that cap is counted elsewhere (PBF ledger). For a client who entered in
 * part-time work only new jobs (at an employer other than the entry employer) count toward a
 * stacked outcome. A single job reaching 20+ is always preferred over stacking, so an outcome is
 * only flagged stacked when no single counting job suffices.
 *
 * Pure: no I/O, no clock; the caller passes the evaluation date.
 */
import { addCalendarDays, compareIsoDates, ymdOf, type IsoDate } from '../calendar/iso-date.js';

/** M1: the funded-outcome threshold, average hours per week (inclusive). */
export const FUNDED_OUTCOME_HOURS_PER_WEEK = 20;

/** The client's employment at entry, from the Common Assessment. */
export type EntryEmployment =
  | { employed: false }
  | {
      employed: true;
      /** Average hours per week at entry. */
      hoursPerWeek: number;
      /** Opaque identity of the entry employer (the same key the jobs use). */
      employerKey: string;
    };

export interface JobRecord {
  /** Opaque id, echoed back in `countedJobIds` so every counted job can be documented (M5). */
  id: string;
  /** Opaque employer identity; two jobs with the same key are the same employer. */
  employerKey: string;
  /** Average hours per week. */
  hoursPerWeek: number;
  /** First day worked. */
  startedOn: IsoDate;
  /** Last day worked (inclusive); null while the job continues. */
  endedOn: IsoDate | null;
}

/** `any_employer`: 20+ h/week anywhere. `new_employer`: 20+ h/week with an employer not excluded. */
export const FUNDED_OUTCOME_REGIMES = ['any_employer', 'new_employer'] as const;
export type FundedOutcomeRegime = (typeof FUNDED_OUTCOME_REGIMES)[number];

/** Why M2 decided as it did (the API sends these codes; the web labels them). */
export const FUNDED_OUTCOME_REASONS = [
  /** Met by one job of 20+ h/week. */
  'single_job',
  /** Met by two or more counting jobs adding up to 20+ h/week (M5). */
  'stacked_jobs',
  /** No job on the date. */
  'not_working',
  /** Working, but the counting jobs do not reach 20 h/week even together. */
  'under_20_hours',
  /** New-employer rule: 20+ h/week is reached only with the entry employer or a lost job's employer. */
  'not_new_employer',
  /** Part-time at entry: 20+ h/week only when the entry employer's job is stacked in (M5 forbids). */
  'stacking_needs_new_jobs',
] as const;
export type FundedOutcomeReason = (typeof FUNDED_OUTCOME_REASONS)[number];

export interface FundedOutcomeDecision {
  met: boolean;
  reason: FundedOutcomeReason;
  rule: 'M2';
  /** True when met only by job stacking (M5 counts these against the 5% cap). */
  stacked: boolean;
  /** Which rule applied on the date. */
  regime: FundedOutcomeRegime;
  /** Employers whose jobs cannot count under the new-employer rule (empty under `any_employer`). */
  excludedEmployerKeys: string[];
  /** Jobs that made the outcome (empty when not met). */
  countedJobIds: string[];
  /** The day after the funded-outcome job was lost, when that switched the rule; else null. */
  newEmployerRuleSince: IsoDate | null;
}

export interface FundedOutcomeInput {
  entry: EntryEmployment;
  /** The client's jobs since entry (past and current); ended jobs drive the M2 switch. */
  jobs: readonly JobRecord[];
  /** The date to judge (e.g. a checkpoint date). */
  on: IsoDate;
}

/** A job held on a date: started by then and not ended before it (its last day counts). */
export function jobHeldOn(job: { startedOn: IsoDate; endedOn: IsoDate | null }, on: IsoDate): boolean {
  return (
    compareIsoDates(job.startedOn, on) <= 0 && (job.endedOn === null || compareIsoDates(job.endedOn, on) >= 0)
  );
}

function validate(input: FundedOutcomeInput): void {
  ymdOf(input.on);
  if (input.entry.employed) {
    const h = input.entry.hoursPerWeek;
    if (!Number.isFinite(h) || h < 0) throw new RangeError(`Entry hours per week must be ≥ 0: ${h}`);
  }
  for (const job of input.jobs) {
    ymdOf(job.startedOn);
    if (job.endedOn !== null) {
      ymdOf(job.endedOn);
      if (compareIsoDates(job.endedOn, job.startedOn) < 0)
        throw new RangeError(`Job ${job.id} ends before it starts`);
    }
    if (!Number.isFinite(job.hoursPerWeek) || job.hoursPerWeek < 0)
      throw new RangeError(`Job ${job.id} hours per week must be ≥ 0: ${job.hoursPerWeek}`);
  }
}

interface State {
  regime: FundedOutcomeRegime;
  excluded: Set<string>;
  /** Part-time entrant: the entry employer's job may count alone but not in a stack (M5). */
  stackingExcluded: Set<string>;
}

function initialState(entry: EntryEmployment): State {
  if (!entry.employed) return { regime: 'any_employer', excluded: new Set(), stackingExcluded: new Set() };
  if (entry.hoursPerWeek >= FUNDED_OUTCOME_HOURS_PER_WEEK)
    return {
      regime: 'new_employer',
      excluded: new Set([entry.employerKey]),
      stackingExcluded: new Set([entry.employerKey]),
    };
  return {
    regime: 'any_employer',
    excluded: new Set(),
    stackingExcluded: new Set([entry.employerKey]),
  };
}

interface Evaluation {
  met: boolean;
  reason: FundedOutcomeReason;
  stacked: boolean;
  counted: JobRecord[];
}

function sum(jobs: readonly JobRecord[]): number {
  return jobs.reduce((t, j) => t + j.hoursPerWeek, 0);
}

function evaluate(state: State, active: readonly JobRecord[]): Evaluation {
  if (active.length === 0) return { met: false, reason: 'not_working', stacked: false, counted: [] };
  const T = FUNDED_OUTCOME_HOURS_PER_WEEK;
  const eligible = active.filter((j) => !state.excluded.has(j.employerKey));
  // A single job is preferred: it is not subject to the M5 cap. Pick the one with most hours.
  const single = [...eligible].sort((a, b) => b.hoursPerWeek - a.hoursPerWeek)[0];
  if (single !== undefined && single.hoursPerWeek >= T)
    return { met: true, reason: 'single_job', stacked: false, counted: [single] };
  const stackable = eligible.filter((j) => !state.stackingExcluded.has(j.employerKey));
  if (stackable.length >= 2 && sum(stackable) >= T)
    return { met: true, reason: 'stacked_jobs', stacked: true, counted: stackable };
  // Not met: explain why.
  if (state.regime === 'new_employer') {
    const anyHours = Math.max(...active.map((j) => j.hoursPerWeek), active.length >= 2 ? sum(active) : 0);
    if (anyHours >= T) return { met: false, reason: 'not_new_employer', stacked: false, counted: [] };
  } else if (eligible.length >= 2 && sum(eligible) >= T) {
    return { met: false, reason: 'stacking_needs_new_jobs', stacked: false, counted: [] };
  }
  return { met: false, reason: 'under_20_hours', stacked: false, counted: [] };
}

/**
 * M2: whether the client meets their funded outcome on `on`.
 *
 * The M2 switch is derived from the job history: walking the jobs that ended before `on` in order
 * of their last day, a job whose end took away a funded outcome (it was counted toward the outcome
 * met on its last day, under the rule then in force) puts the client under the new-employer rule
 * from the next day on, with that outcome's employers excluded. Interpretation (M2 does not say
 * what "new" is measured against after a loss): an employer is new if it is neither the entry
 * employer nor the employer of a job counted in a lost funded outcome; so being rehired by the
 * employer one lost the funded job with does not count again.
 */
export function fundedOutcomeOn(input: FundedOutcomeInput): FundedOutcomeDecision {
  validate(input);
  const state = initialState(input.entry);
  let newEmployerRuleSince: IsoDate | null = null;

  const lostBefore = input.jobs
    .filter((j) => j.endedOn !== null && compareIsoDates(j.endedOn, input.on) < 0)
    .sort((a, b) => compareIsoDates(a.endedOn!, b.endedOn!));
  for (const lost of lostBefore) {
    const lastDay = lost.endedOn!;
    const then = evaluate(
      state,
      input.jobs.filter((j) => jobHeldOn(j, lastDay)),
    );
    if (then.met && then.counted.some((j) => j.id === lost.id)) {
      state.regime = 'new_employer';
      for (const j of then.counted) {
        state.excluded.add(j.employerKey);
        state.stackingExcluded.add(j.employerKey);
      }
      newEmployerRuleSince ??= addCalendarDays(lastDay, 1);
    }
  }

  const now = evaluate(
    state,
    input.jobs.filter((j) => jobHeldOn(j, input.on)),
  );
  return {
    met: now.met,
    reason: now.reason,
    rule: 'M2',
    stacked: now.stacked,
    regime: state.regime,
    excludedEmployerKeys: state.regime === 'new_employer' ? [...state.excluded].sort() : [],
    countedJobIds: now.counted.map((j) => j.id),
    newEmployerRuleSince,
  };
}
