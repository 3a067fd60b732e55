/**
 * F6: when a support needs the SSM's pre-approval before coverage is confirmed to the client (and
 * before payment or ordering).
 *
 * Amounts are integer cents, never floating point; a non-integer or negative amount is a
 * programming error and throws a RangeError. Both thresholds are strict "exceeds": an item of
 * exactly $1,000.00 needs no pre-approval, $1,000.01 does; a client total of exactly $3,500.00 needs
 * none, $3,500.01 does.
 *
 * Interpretations:
 * - "Total ERFS used for the specific client … over the course of their EAP" is the other live
 *   supports on the same EAP (states in `LIVE_REQUEST_STATES`: requested, pre-approval pending,
 *   approved, issued, reported, report approved) plus this item. Drafts, cancelled and withheld
 *   supports do not count (withheld ones are not funded by the SSM, so they are not ERFS). A
 *   pending request counts, so two requests filed together cannot each slip under $3,500.
 * - The total counts client and employer supports alike ("total ERFS used for the specific client")
 *   paid from ERFS; supports paid from the ODSP Client Reserve (F8, separate ministry money) and
 *   status-quo supports (F7, outside any EAP) are not part of it. `planTotalCents` does the sum.
 * - A debt is "serviced" when the expense pays an existing debt (cell phone arrears, car payments);
 *   the caseworker declares it.
 * - 'other' (not in the F5 chart) always needs pre-approval.
 */
import { isLiveRequestState, type FundingSource, type RequestState, type SupportCategory } from './types.js';

/** F6 thresholds in integer cents. */
export const THRESHOLDS = {
  /** One item above this needs pre-approval. */
  itemCents: 100_000,
  /** The client's ERFS total over the EAP above this needs pre-approval. */
  planTotalCents: 350_000,
} as const;

export const PRE_APPROVAL_REASONS = [
  'item_exceeds_1000',
  'plan_total_exceeds_3500',
  'services_debt',
  'unlisted_category',
] as const;
export type PreApprovalReason = (typeof PRE_APPROVAL_REASONS)[number];

export const PRE_APPROVAL_REASON_LABELS: Readonly<Record<PreApprovalReason, { en: string; fr: string }>> = {
  item_exceeds_1000: {
    en: 'The item costs more than $1,000.00.',
    fr: 'L’article coûte plus de 1 000,00 $.',
  },
  plan_total_exceeds_3500: {
    en: 'The client’s financial supports over the Employment Action Plan would exceed $3,500.00.',
    fr: 'Les soutiens financiers du client au cours du plan d’action pour l’emploi dépasseraient 3 500,00 $.',
  },
  services_debt: {
    en: 'The expense pays a debt.',
    fr: 'La dépense sert à rembourser une dette.',
  },
  unlisted_category: {
    en: 'The expense is not in the list of eligible expenses.',
    fr: 'La dépense ne figure pas dans la liste des dépenses admissibles.',
  },
};

/** Throws unless `cents` is a non-negative whole number of cents. */
export function assertCents(cents: number, what: string): void {
  if (!Number.isSafeInteger(cents) || cents < 0)
    throw new RangeError(`${what} must be a non-negative whole number of cents, got ${String(cents)}`);
}

export interface PreApprovalFacts {
  /** This item's cost, integer cents. */
  itemCents: number;
  /** The other live ERFS supports on the same EAP, integer cents (see `planTotalCents`). */
  clientPlanTotalCents: number;
  /** The expense pays a debt (declared). */
  servicesDebt: boolean;
  /** Employer supports have no F5 category: pass null. */
  category: SupportCategory | null;
}

/** F6: why this support needs SSM pre-approval, in the order of §13; empty = it does not. */
export function preApprovalReasons(f: PreApprovalFacts): PreApprovalReason[] {
  assertCents(f.itemCents, 'itemCents');
  assertCents(f.clientPlanTotalCents, 'clientPlanTotalCents');
  const reasons: PreApprovalReason[] = [];
  if (f.itemCents > THRESHOLDS.itemCents) reasons.push('item_exceeds_1000');
  if (f.clientPlanTotalCents + f.itemCents > THRESHOLDS.planTotalCents)
    reasons.push('plan_total_exceeds_3500');
  if (f.servicesDebt) reasons.push('services_debt');
  if (f.category === 'other') reasons.push('unlisted_category');
  return reasons;
}

/** One support already on the client's EAP, as `planTotalCents` reads it. */
export interface PlanSupport {
  id: string;
  state: RequestState;
  cents: number;
  fundingSource: FundingSource;
}

/**
 * F6: the client's ERFS total over the EAP, excluding the support being decided (`excludeId`, so a
 * request re-checked after an edit is not counted twice). Live states only, ERFS money only.
 */
export function planTotalCents(supports: readonly PlanSupport[], excludeId: string | null = null): number {
  let total = 0;
  for (const s of supports) {
    assertCents(s.cents, `support ${s.id}`);
    if (s.id === excludeId || s.fundingSource !== 'erfs' || !isLiveRequestState(s.state)) continue;
    total += s.cents;
  }
  return total;
}

/** "$1,234.56" / "1 234,56 $": integer cents shown in either language without floating point. */
export function formatCents(cents: number, lang: 'en' | 'fr'): string {
  assertCents(cents, 'cents');
  const dollars = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  const grouped = String(dollars).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '\u00a0');
  return lang === 'en' ? `$${grouped}.${rest}` : `${grouped},${rest}\u00a0$`;
}
