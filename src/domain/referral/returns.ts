/**
 * Returned referrals (P10): why a provider hands a referral back, and what the SSM decides then.
 */
export const RETURN_REASONS = [
  'unable_to_contact',
  'client_declined',
  'already_registered',
  'crisis',
  'not_eligible',
  'referred_in_error',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** P10: the provider documents its efforts; "other" says in words what the list does not. */
export function returnNeedsNote(reason: ReturnReason): boolean {
  return reason === 'other';
}

export const SSM_DECISIONS = [
  /** (a) back to social assistance, who may re-refer when the client is ready. */
  'return_to_sa',
  /** (b) a case conference with the provider on service challenges. */
  'case_conference_service',
  /** (c) a case conference on other community resources. */
  'case_conference_resources',
  /** (d) forward to another provider. */
  'forward',
] as const;
export type SsmDecision = (typeof SSM_DECISIONS)[number];

export type ReferralStatusAfterDecision = 'closed' | 'returned' | 'awaiting_assignment';

/** Where a returned referral stands after the SSM's decision. A case conference keeps it open. */
export function statusAfterDecision(decision: SsmDecision): ReferralStatusAfterDecision {
  switch (decision) {
    case 'return_to_sa':
      return 'closed';
    case 'forward':
      return 'awaiting_assignment';
    case 'case_conference_service':
    case 'case_conference_resources':
      return 'returned';
  }
}

/** P10: only a referral that came from social assistance can be returned to it. */
export function decisionAllowed(
  decision: SsmDecision,
  pathway: 'social_assistance' | 'direct_to_ssm' | 'self_referral',
): boolean {
  return decision !== 'return_to_sa' || pathway === 'social_assistance';
}
