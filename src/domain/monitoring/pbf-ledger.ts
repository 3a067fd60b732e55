/**
 * From a plan's recorded facts to the inputs of the PBF ledger rules (`pbf.ts`), and from the stored
 * ledger lines to a provider's quarterly statement. Pure: no I/O, no clock.
 *
 * Rules: K4/E7/S4/A10/M11 (exclusions), M8/M9/M10/F12 (one line per checkpoint), M5 (the 5% stacking
 * cap for one provider's checkpoint period), K6 (quarterly statements).
 */
import type { ServiceLevel, Stream } from '../assessment/types.js';
import type { FiscalQuarter } from '../calendar/fiscal-year.js';
import { compareIsoDates, type IsoDate } from '../calendar/iso-date.js';
import type { ClosureReason } from '../plan/closure.js';
import type { TrainingProgram } from '../plan/training-referrals.js';
import { employerSupportsActiveOn, type EmployerSupportPeriod } from './employer-supports.js';
import {
  applyStackingCap,
  isPayable,
  type CheckpointEvidence,
  type CheckpointLineFacts,
  type LedgerLineState,
  type PbfCheckpoint,
  type PbfEligibilityFacts,
  type SsmReview,
} from './pbf.js';
import type { CheckpointReviewState } from './types.js';

// ---------------------------------------------------------------------------------------------
// Eligibility (K4, E7, S4, A10, M11)

export interface PlanEligibilityRecord {
  /** A3: the day the client signed the plan summary; null if never signed. */
  signedOn: IsoDate | null;
  /** S1: the service level of the plan's CA; null if unknown (a plan is only made from a case-managed CA). */
  serviceLevel: ServiceLevel | null;
  /** The plan's closure reason, when closed. */
  closureReason: ClosureReason | null;
  /** A10: the accepted training referral's program, when there is one. */
  trainingProgram: TrainingProgram | null;
  /** M1: an outcome (employed or not) has been recorded. */
  outcomeRecorded: boolean;
}

/**
 * The facts `pbfExclusion` judges, from the plan as recorded. `statusQuo` is always false here: E7
 * status-quo clients keep their legacy plans and never get an EAP in Pathways, so no Pathways plan is
 * a status-quo plan. A plan is only built from a case-managed CA (A1), so an unknown service level
 * reads as case-managed.
 */
export function pbfEligibilityOf(p: PlanEligibilityRecord): PbfEligibilityFacts {
  return {
    planSigned: p.signedOn !== null,
    statusQuo: false,
    serviceLevel: p.serviceLevel ?? 'case_managed',
    closure: p.closureReason ? { reason: p.closureReason, trainingProgram: p.trainingProgram } : null,
    outcomeRecorded: p.outcomeRecorded,
  };
}

// ---------------------------------------------------------------------------------------------
// One checkpoint's line facts (M2 result, M9/M10 evidence, F12 supports, SSM review)

/** The SSM's review as the ledger rules see it: a paid line is an approved one that finance paid. */
export function ssmReviewOf(reviewState: CheckpointReviewState | null, paid: boolean): SsmReview {
  if (paid) return 'paid';
  return reviewState ?? 'not_submitted';
}

export interface CheckpointLineRecord {
  checkpoint: PbfCheckpoint;
  dueOn: IsoDate;
  /** M2 at the checkpoint date; null while the checkpoint is not recorded. */
  fundedOutcome: { met: boolean; stacked: boolean } | null;
  evidence: CheckpointEvidence;
  supportPeriods: readonly EmployerSupportPeriod[];
  reviewState: CheckpointReviewState | null;
  paid: boolean;
  /** M5: refused by the provider's cap for the checkpoint's period (decided across clients). */
  stackingRefused: boolean;
}

export function checkpointLineFacts(r: CheckpointLineRecord): CheckpointLineFacts {
  return {
    checkpoint: r.checkpoint,
    fundedOutcomeMet: r.fundedOutcome?.met ?? null,
    // Only a met, stacked outcome can be refused by the cap.
    stackingRefused: r.stackingRefused && r.fundedOutcome?.met === true && r.fundedOutcome.stacked,
    evidence: r.evidence,
    employerSupportsActive: employerSupportsActiveOn(r.supportPeriods, r.dueOn),
    review: ssmReviewOf(r.reviewState, r.paid),
  };
}

// ---------------------------------------------------------------------------------------------
// M5 across one provider's checkpoint period

/**
 * Whether a line is one of the provider's funded outcomes for M5: an achieved outcome (met, with
 * its evidence, not rejected by the SSM), whether paid now, deferred for employer supports (F12) or
 * lost after a deferral, or refused by the cap itself. A line not met, unproven or excluded is no
 * funded outcome and uses none of the cap. The line's `state`/`reason` are its verdict *without*
 * the cap (the caller resolves it once with no refusal) or, when stored, with it; both agree
 * because a refusal only ever turns an achieved line into one marked `stackingRefused`.
 */
export function isFundedOutcomeLine(l: {
  state: LedgerLineState;
  reason: string | null;
  stackingRefused: boolean;
}): boolean {
  return (
    l.stackingRefused || l.state === 'deferred' || isPayable(l.state) || l.reason === 'deferred_not_released'
  );
}

/** M5: the checkpoint period of a line: one provider, one checkpoint, one fiscal quarter of the due date. */
export interface CheckpointPeriod extends FiscalQuarter {
  organizationId: string;
  checkpoint: PbfCheckpoint;
}

export interface PeriodLine {
  planId: string;
  dueOn: IsoDate;
  stacked: boolean;
  /** Paid lines keep their place: what finance paid is not refused afterwards. */
  paid: boolean;
}

/**
 * M5 for one period: which plans' stacked outcomes the 5% cap refuses. Every line given is a funded
 * outcome (`isFundedOutcomeLine`). Order (ours; M5 names none): paid lines first, so a payment is
 * never taken back, then by checkpoint date, then by plan id, so the earliest outcomes count and the
 * answer never depends on the order lines were recorded in.
 */
export function stackingRefusalsInPeriod(lines: readonly PeriodLine[]): Set<string> {
  const ordered = [...lines].sort(
    (a, b) =>
      Number(b.paid) - Number(a.paid) ||
      compareIsoDates(a.dueOn, b.dueOn) ||
      (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0),
  );
  const { refused } = applyStackingCap(ordered.map((l) => ({ id: l.planId, stacked: l.stacked })));
  return new Set(refused);
}

// ---------------------------------------------------------------------------------------------
// The quarterly statement (K6)

export interface StatementLine {
  stream: Stream;
  state: LedgerLineState;
  amountCents: number;
  stacked: boolean;
  stackingRefused: boolean;
}

export interface StatementTotals {
  /** Payable before the SSM's approval (earned at the checkpoint). */
  earnedCents: number;
  /** F12: released retroactively after employer supports ended, awaiting approval. */
  releasedCents: number;
  approvedCents: number;
  paidCents: number;
  /** F12: withheld while employer supports are paid. */
  deferredCents: number;
  /** Everything payable: earned + released + approved + paid. */
  payableCents: number;
  notMetCount: number;
  lineCount: number;
}

export function payableCentsOf(l: { state: LedgerLineState; amountCents: number }): number {
  return isPayable(l.state) ? l.amountCents : 0;
}

/** Totals computed from the lines themselves, so the statement always reconciles with them. */
export function statementTotals(lines: readonly StatementLine[]): {
  totals: StatementTotals;
  byStream: Record<Stream, { count: number; payableCents: number }>;
  stackedShare: { stacked: number; funded: number };
} {
  const sumOf = (state: LedgerLineState) =>
    lines.filter((l) => l.state === state).reduce((s, l) => s + l.amountCents, 0);
  const totals: StatementTotals = {
    earnedCents: sumOf('earned'),
    releasedCents: sumOf('released'),
    approvedCents: sumOf('approved'),
    paidCents: sumOf('paid'),
    deferredCents: sumOf('deferred'),
    payableCents: lines.reduce((s, l) => s + payableCentsOf(l), 0),
    notMetCount: lines.filter((l) => l.state === 'not_met').length,
    lineCount: lines.length,
  };
  const byStream = {
    A: { count: 0, payableCents: 0 },
    B: { count: 0, payableCents: 0 },
    C: { count: 0, payableCents: 0 },
  };
  for (const l of lines) {
    byStream[l.stream].count += 1;
    byStream[l.stream].payableCents += payableCentsOf(l);
  }
  // M5: the share of the period's funded outcomes met by stacking (refused ones are not funded).
  const funded = lines.filter((l) => isPayable(l.state) || l.state === 'deferred');
  return {
    totals,
    byStream,
    stackedShare: { stacked: funded.filter((l) => l.stacked).length, funded: funded.length },
  };
}

/** Integer cents as dollars with two decimals, no thousands separator: 123456 → "1234.56". */
export function dollarsOf(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =,+,-,@ is defused. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null)[]): string {
  return values.map(csvField).join(',');
}
