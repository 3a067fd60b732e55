/**
 * Checkpoint worklists: what a caseworker must do this week and what is already late, so a checkpoint
 * is seen before its window closes (M7, M9). Pure; the week is Monday–Sunday in Toronto, passed in
 * as the caller's `today`.
 */
import { addCalendarDays, compareIsoDates, dayOfWeek, type IsoDate } from '../calendar/iso-date.js';
import { checkpointState, type Checkpoint } from './schedule.js';

export const CHECKPOINT_WORKLIST_BUCKETS = ['overdue', 'due_this_week', 'due_later', 'upcoming'] as const;
export type CheckpointWorklistBucket = (typeof CHECKPOINT_WORKLIST_BUCKETS)[number];

/** Whose checkpoints: the user's own caseload, or every plan of the provider. */
export const CHECKPOINT_WORKLIST_SCOPES = ['mine', 'organization'] as const;
export type CheckpointWorklistScope = (typeof CHECKPOINT_WORKLIST_SCOPES)[number];

/** Monday and Sunday of the week containing `today`. */
export function weekOf(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const dow = dayOfWeek(today); // 0 = Sunday
  const from = addCalendarDays(today, dow === 0 ? -6 : 1 - dow);
  return { from, to: addCalendarDays(from, 6) };
}

/**
 * Where an unrecorded checkpoint sits on `today`: overdue once its window has closed; due this week
 * when its window is open and either its due date or the window's last day falls by Sunday; due
 * later when open but neither does; upcoming before its window opens. Recorded checkpoints are in
 * no bucket (null).
 */
export function checkpointWorklistBucket(
  checkpoint: Checkpoint,
  today: IsoDate,
  completedOn: IsoDate | null,
): CheckpointWorklistBucket | null {
  const state = checkpointState(checkpoint, today, completedOn);
  if (state === 'completed') return null;
  if (state === 'overdue') return 'overdue';
  if (state === 'upcoming') return 'upcoming';
  const sunday = weekOf(today).to;
  return compareIsoDates(checkpoint.dueOn, sunday) <= 0 ||
    compareIsoDates(checkpoint.windowClosesOn, sunday) <= 0
    ? 'due_this_week'
    : 'due_later';
}
