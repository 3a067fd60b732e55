/**
 * J9: a caseworker's tasks and caseload measures — what is overdue, what is due today, the
 * outstanding tasks and the clients not contacted for a while. Dates are Ontario dates
 * (torontoDate); nothing here reads a clock.
 */
import { addCalendarDays, calendarDaysBetween, torontoDate, type IsoDate } from '../calendar/iso-date.js';
import type { TaskStatus } from './types.js';

export const TASK_DUE_STATES = ['overdue', 'due_today', 'upcoming'] as const;
export type TaskDueState = (typeof TASK_DUE_STATES)[number];

/** J9: where a task stands against its due date on Ontario's today. */
export function taskDueState(dueOn: IsoDate, today: IsoDate): TaskDueState {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'due_today';
  return 'upcoming';
}

/**
 * The caseload filter "due this week": due by the sixth day after today at the latest. An overdue
 * task is included — it is due this week at the latest, and the most urgent of all.
 */
export function dueWithinWeek(dueOn: IsoDate, today: IsoDate): boolean {
  return dueOn <= addCalendarDays(today, 6);
}

/** Calendar days since the last contact with the client, on Ontario dates; null when there was none. */
export function daysSinceContact(lastContactAt: Date | null, now: Date): number | null {
  if (!lastContactAt) return null;
  return Math.max(0, calendarDaysBetween(torontoDate(lastContactAt), torontoDate(now)));
}

/**
 * J9 "no contact in N days": the last note recording a contact is N or more days old, or — when
 * no contact was ever recorded — the client has been on the caseload that long.
 */
export function noContactFor(
  days: number,
  facts: { lastContactAt: Date | null; assignedAt: Date },
  now: Date,
): boolean {
  const since = facts.lastContactAt ?? facts.assignedAt;
  return calendarDaysBetween(torontoDate(since), torontoDate(now)) >= days;
}

export interface TaskFacts {
  status: TaskStatus;
  dueOn: IsoDate;
}

export interface TaskCounts {
  /** J9 "outstanding tasks": open, whatever their date. */
  open: number;
  overdue: number;
  dueToday: number;
  /** The earliest due date of an open task. */
  nextDueOn: IsoDate | null;
}

export function taskCounts(tasks: readonly TaskFacts[], today: IsoDate): TaskCounts {
  let open = 0;
  let overdue = 0;
  let dueToday = 0;
  let nextDueOn: IsoDate | null = null;
  for (const t of tasks) {
    if (t.status !== 'open') continue;
    open++;
    const state = taskDueState(t.dueOn, today);
    if (state === 'overdue') overdue++;
    if (state === 'due_today') dueToday++;
    if (nextDueOn === null || t.dueOn < nextDueOn) nextDueOn = t.dueOn;
  }
  return { open, overdue, dueToday, nextDueOn };
}

export interface CaseloadFacts {
  openTasks: number;
  overdueTasks: number;
  lastContactAt: Date | null;
  assignedAt: Date;
}

export interface CaseloadSummary {
  clients: number;
  outstandingTasks: number;
  overdueTasks: number;
  /** Clients with no contact in `noContactDays` days (see noContactFor). */
  noContact: number;
}

/** J9: the measures of one caseload, for the caseworker's own view and the lead's board. */
export function caseloadSummary(
  entries: readonly CaseloadFacts[],
  noContactDays: number,
  now: Date,
): CaseloadSummary {
  return {
    clients: entries.length,
    outstandingTasks: entries.reduce((n, e) => n + e.openTasks, 0),
    overdueTasks: entries.reduce((n, e) => n + e.overdueTasks, 0),
    noContact: entries.filter((e) => noContactFor(noContactDays, e, now)).length,
  };
}
