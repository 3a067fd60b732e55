/**
 * L4: job quality beside the counts. Payment by results once pushed people into low-wage part-time
 * jobs, so a PBF statement shows, next to how many funded outcomes were met, what those jobs are:
 * hours, wage, permanence and retention across the checkpoints, overall and by stream (the stream
 * mix). Pure: no I/O, no clock; integer minutes and cents only, shares as numerator/denominator so
 * the reader decides how to round.
 */
import { STREAMS, type Stream } from '../assessment/types.js';
import { PBF_CHECKPOINTS, type PbfCheckpoint } from './pbf.js';
import { JOB_PERMANENCE, type JobPermanence } from './types.js';

/** L4: 30 h/week or more is full time (1,800 minutes). */
export const FULL_TIME_MINUTES_PER_WEEK = 30 * 60;

/** One job counted in a funded outcome (M2's `countedJobIds`), as the checkpoint's ESQ confirmed it. */
export interface CountedJob {
  minutesPerWeek: number;
  /** Null when the wage was not recorded. */
  hourlyWageCents: number | null;
  permanence: JobPermanence;
}

/** One recorded checkpoint of one client: M2's verdict and the jobs that made it (none when not met). */
export interface CheckpointOutcome {
  checkpoint: PbfCheckpoint;
  stream: Stream;
  fundedOutcomeMet: boolean;
  jobs: readonly CountedJob[];
}

export interface Share {
  numerator: number;
  denominator: number;
}

export interface JobQualitySummary {
  /** Checkpoint outcomes met (M2). Every other figure describes these outcomes' counted jobs. */
  metCount: number;
  /** Mean of each met outcome's total hours across its counted jobs, in minutes, rounded; null when none is met. */
  averageMinutesPerWeek: number | null;
  /** Median of each met outcome's best-paid counted job; outcomes without a wage are left out; null when none has one. */
  medianHourlyWageCents: number | null;
  /** Met outcomes with at least one permanent counted job, of the met outcomes. */
  permanent: Share;
  /** Met outcomes whose counted jobs together reach 30+ h/week, of the met outcomes. */
  fullTime: Share;
}

/** Per checkpoint: outcomes met of those recorded (how many clients are still in funded work). */
export type Retention = Record<PbfCheckpoint, { met: number; recorded: number }>;

export interface JobQuality extends JobQualitySummary {
  retention: Retention;
}

export interface StatementJobQuality {
  overall: JobQualitySummary;
  byStream: Record<Stream, JobQualitySummary>;
  retention: Retention;
}

/**
 * What one outcome's counted jobs amount to: hours summed (stacked jobs add up, as M2 counts them),
 * the best wage among those with one, and the most secure permanence held — permanent if any job
 * is, else temporary, else seasonal (the order of JOB_PERMANENCE). All null without a job.
 */
export function countedJobsSummary(jobs: readonly CountedJob[]): {
  minutesPerWeek: number | null;
  hourlyWageCents: number | null;
  permanence: JobPermanence | null;
} {
  if (jobs.length === 0) return { minutesPerWeek: null, hourlyWageCents: null, permanence: null };
  const wages = jobs.map((j) => j.hourlyWageCents).filter((w): w is number => w !== null);
  return {
    minutesPerWeek: jobs.reduce((sum, j) => sum + j.minutesPerWeek, 0),
    hourlyWageCents: wages.length ? Math.max(...wages) : null,
    permanence: JOB_PERMANENCE.find((p) => jobs.some((j) => j.permanence === p)) ?? null,
  };
}

/** Integer minutes a week as hours with one decimal, rounded half up: 1850 → "30.8" (CSV). */
export function hoursText(minutes: number): string {
  const tenths = Math.floor((minutes + 3) / 6);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Integer division rounded half up (non-negative operands): the mean in whole minutes or cents. */
const roundedQuotient = (numerator: number, denominator: number) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

/** The median of integers; an even count takes the mean of the two middle values, rounded half up. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : roundedQuotient(sorted[mid - 1]! + sorted[mid]!, 2);
}

/** L4 for a set of outcomes, without retention. */
export function jobQualitySummary(outcomes: readonly CheckpointOutcome[]): JobQualitySummary {
  const met = outcomes.filter((o) => o.fundedOutcomeMet).map((o) => countedJobsSummary(o.jobs));
  const minutes = met.map((m) => m.minutesPerWeek ?? 0);
  const wages = met.map((m) => m.hourlyWageCents).filter((w): w is number => w !== null);
  const total = minutes.reduce((sum, m) => sum + m, 0);
  return {
    metCount: met.length,
    averageMinutesPerWeek: met.length ? roundedQuotient(total, met.length) : null,
    medianHourlyWageCents: medianOf(wages),
    permanent: { numerator: met.filter((m) => m.permanence === 'permanent').length, denominator: met.length },
    fullTime: {
      numerator: minutes.filter((m) => m >= FULL_TIME_MINUTES_PER_WEEK).length,
      denominator: met.length,
    },
  };
}

/** L4 retention: per PBF checkpoint, the outcomes met of those recorded in the set. */
export function retentionOf(outcomes: readonly CheckpointOutcome[]): Retention {
  return Object.fromEntries(
    PBF_CHECKPOINTS.map((checkpoint) => {
      const recorded = outcomes.filter((o) => o.checkpoint === checkpoint);
      return [
        checkpoint,
        { met: recorded.filter((o) => o.fundedOutcomeMet).length, recorded: recorded.length },
      ];
    }),
  ) as Retention;
}

/** L4 for a set of recorded checkpoint outcomes: counts, hours, wage, permanence, full time and retention. */
export function jobQualityOf(outcomes: readonly CheckpointOutcome[]): JobQuality {
  return { ...jobQualitySummary(outcomes), retention: retentionOf(outcomes) };
}

/** L4 on a statement: overall, by stream (the stream mix beside the counts), and retention. */
export function statementJobQuality(outcomes: readonly CheckpointOutcome[]): StatementJobQuality {
  return {
    overall: jobQualitySummary(outcomes),
    byStream: Object.fromEntries(
      STREAMS.map((s) => [s, jobQualitySummary(outcomes.filter((o) => o.stream === s))]),
    ) as Record<Stream, JobQualitySummary>,
    retention: retentionOf(outcomes),
  };
}
