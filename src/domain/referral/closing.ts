/**
 * SSM intake closing a referral that will not go to a provider. Not every referral reaching intake
 * should be served case-managed: the screening tool may find the person eligible for self-directed
 * service only (E1–E6, P2), the person may withdraw, or the referral may repeat another. Closing is
 * how the queue stays true; the person keeps every self-directed service (E1) and can be referred
 * again later.
 */
import type { WorklistStatus as ReferralStatus } from './worklist.js';

export const CLOSE_REASONS = [
  /** The screening found case-managed service not open to the person; self-directed service offered. */
  'not_eligible_self_directed',
  /** The person no longer wants employment services. */
  'client_withdrew',
  /** The same person is already on another referral. */
  'duplicate',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Intake closes what it holds: a referral awaiting assignment, or one a provider returned (P10). */
export function intakeMayClose(status: ReferralStatus): boolean {
  return status === 'awaiting_assignment' || status === 'returned';
}

/** "Other" needs words; the others speak for themselves. */
export function closeNeedsNote(reason: CloseReason): boolean {
  return reason === 'other';
}
