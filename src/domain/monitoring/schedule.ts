/**
 * M3, M7, A8, F14: when monitoring starts, the checkpoints that follow, and their state.
 *
 * Pure: no I/O and no clock (the caller passes `today`). Imports only the zone-free
 * `calendar/iso-date` module, never `calendar/index` (that pulls the holiday library into the web
 * bundle).
 *
 * Monitoring cannot pause (M7: "Monitoring cannot be paused. Monitoring must continue uninterrupted
 * until the final 12-month milestone checkpoint period"; A8: checkpoints run on schedule whatever
 * happens to the job). So nothing here takes a pause, a suspension or a job-loss date: the schedule
 * is a function of the monitoring start date alone, and a lost job changes whether a checkpoint is
 * met (M2, M8), never when it falls due.
 */
import {
  addCalendarDays,
  compareIsoDates,
  daysInMonth,
  isoDateFromYmd,
  ymdOf,
  type IsoDate,
} from '../calendar/iso-date.js';

/** What started monitoring (M3, F14), in the order `monitoringStart` reports them. */
export const MONITORING_TRIGGERS = [
  /** M3 (1): end of pre-employment services (an outcome, employed or not). */
  'pre_employment_ended',
  /** M3 (2): start of a job meeting the funded outcome. */
  'funded_job_started',
  /** M3 (2): the date the client's hours rose to an average of 20+ per week. */
  'hours_reached_20',
  /** F14: first day of a placement meant to continue as a job. */
  'placement_intended_to_continue_started',
] as const;
export type MonitoringTrigger = (typeof MONITORING_TRIGGERS)[number];

export interface MonitoringStartInput {
  preEmploymentEndedOn: IsoDate | null;
  fundedJobStartedOn: IsoDate | null;
  hoursReached20On: IsoDate | null;
  placementIntendedToContinueStartedOn: IsoDate | null;
}

export interface MonitoringStart {
  /** The monitoring start date (for PBF, M8: paid whichever event started it). */
  startOn: IsoDate;
  /** Every trigger that fell on `startOn` (usually one), in the order of the input. */
  triggers: MonitoringTrigger[];
  rule: 'M3';
}

const TRIGGER_FIELDS: readonly [keyof MonitoringStartInput, MonitoringTrigger][] = [
  ['preEmploymentEndedOn', 'pre_employment_ended'],
  ['fundedJobStartedOn', 'funded_job_started'],
  ['hoursReached20On', 'hours_reached_20'],
  ['placementIntendedToContinueStartedOn', 'placement_intended_to_continue_started'],
];

/**
 * M3/F14: monitoring starts at the earliest of the events that have happened; null while none has
 * (the client is still in pre-employment, or left by an early exit, which never starts
 * monitoring, M11).
 */
export function monitoringStart(input: MonitoringStartInput): MonitoringStart | null {
  let startOn: IsoDate | null = null;
  let triggers: MonitoringTrigger[] = [];
  for (const [field, trigger] of TRIGGER_FIELDS) {
    const on = input[field];
    if (on === null) continue;
    ymdOf(on);
    const c = startOn === null ? -1 : compareIsoDates(on, startOn);
    if (c < 0) {
      startOn = on;
      triggers = [trigger];
    } else if (c === 0) {
      triggers.push(trigger);
    }
  }
  return startOn === null ? null : { startOn, triggers, rule: 'M3' };
}

/**
 * The date `months` calendar months after `d`. Convention (month-end clamping): same day of the
 * month, clamped to the last day of the target month when that month is shorter. So 31 January +
 * 1 month is 28 February (29 in a leap year), + 3 months is 30 April; 29 February + 12 months is
 * 28 February. Each checkpoint is computed from the monitoring start date itself, never chained
 * from the previous checkpoint, so clamping in one month never shifts later checkpoints
 * (31 January → 31 July at 6 months, not 28th).
 */
export function addCalendarMonths(d: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Month count must be an integer: ${months}`);
  const { year, month, day } = ymdOf(d);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return isoDateFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** M7: the checkpoints, in order. */
export const CHECKPOINT_KINDS = ['completion', 'month_1', 'month_3', 'month_6', 'month_12'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

/** M7: calendar months after the monitoring start date at which each checkpoint falls due. */
export const CHECKPOINT_MONTHS: Readonly<Record<CheckpointKind, number>> = {
  completion: 0,
  month_1: 1,
  month_3: 3,
  month_6: 6,
  month_12: 12,
};

/**
 * The window in which a checkpoint contact is due (our choice; §17 sets no window). It opens
 * 14 calendar days before the due date, so caseworkers see it coming and can book the ESQ contact,
 * and closes 30 calendar days after it, long enough to chase a pay stub for the pay period
 * containing the checkpoint date (M9), after which it is overdue. Both bounds are inclusive. The
 * window only drives "due"/"overdue"; the evidence must still cover the checkpoint date itself (M9).
 */
export const CHECKPOINT_WINDOW = { daysBefore: 14, daysAfter: 30 } as const;

/**
 * The completion checkpoint falls on the monitoring start date, and nothing can be monitored
 * before monitoring starts, so its window opens on the due date (0 days before) and closes as the
 * others do.
 */
export const COMPLETION_WINDOW = { daysBefore: 0, daysAfter: CHECKPOINT_WINDOW.daysAfter } as const;

export interface Checkpoint {
  kind: CheckpointKind;
  dueOn: IsoDate;
  /** First day of the due window (inclusive). */
  windowOpensOn: IsoDate;
  /** Last day of the due window (inclusive); overdue from the next day. */
  windowClosesOn: IsoDate;
}

/** M7: the five checkpoints of a monitoring period starting on `startOn`. */
export function checkpointSchedule(startOn: IsoDate): Checkpoint[] {
  ymdOf(startOn);
  return CHECKPOINT_KINDS.map((kind) => {
    const dueOn = addCalendarMonths(startOn, CHECKPOINT_MONTHS[kind]);
    const w = kind === 'completion' ? COMPLETION_WINDOW : CHECKPOINT_WINDOW;
    return {
      kind,
      dueOn,
      windowOpensOn: addCalendarDays(dueOn, -w.daysBefore),
      windowClosesOn: addCalendarDays(dueOn, w.daysAfter),
    };
  });
}

export const CHECKPOINT_STATES = ['upcoming', 'due', 'overdue', 'completed'] as const;
export type CheckpointState = (typeof CHECKPOINT_STATES)[number];

/**
 * A checkpoint's state on `today`: completed once recorded (whenever that was; a late checkpoint
 * is still completed), otherwise upcoming before its window, due within it, overdue after it.
 */
export function checkpointState(
  checkpoint: Checkpoint,
  today: IsoDate,
  completedOn: IsoDate | null,
): CheckpointState {
  ymdOf(today);
  if (completedOn !== null) {
    ymdOf(completedOn);
    return 'completed';
  }
  if (compareIsoDates(today, checkpoint.windowOpensOn) < 0) return 'upcoming';
  if (compareIsoDates(today, checkpoint.windowClosesOn) <= 0) return 'due';
  return 'overdue';
}

/**
 * A8: the plan stays open 12 months after the monitoring start (the end of pre-employment services
 * or the funded-outcome threshold, whichever is first; M3), i.e. until the 12-month checkpoint's
 * due date, by the same month-end convention. This is the date from which the plan may be closed,
 * not a closure: closure is manual, never automatic (A8), and plans may stay open longer in
 * exceptional cases without effect on PMF/PBF/volumes.
 */
export function planClosesOn(monitoringStartOn: IsoDate): IsoDate {
  return addCalendarMonths(monitoringStartOn, CHECKPOINT_MONTHS.month_12);
}
