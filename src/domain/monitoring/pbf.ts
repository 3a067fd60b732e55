/**
 * Performance-based funding (PBF) ledger rules: pure, no I/O. One ledger line per client per PBF
 * checkpoint; its amount comes from the provider's funding agreement (by stream and checkpoint) and
 * its state from the rules below.
 *
 * Rules: K4 (signed plan only; by stream and checkpoint), M8 (independent checkpoints), M9/M10
 * (evidence or an approved, lead-signed attestation), F12 (deferral while employer supports are paid,
 * retroactive release), M5 (5% stacking cap), E7 (status-quo clients), S4/F1 (self-directed), A10 and
 * M11 (training referrals, early exits), M12 (returning clients), M13 (re-association).
 *
 * Whether a job meets the client's funded outcome (M2) is decided elsewhere (`funded-outcome.ts`) and
 * arrives here as `fundedOutcomeMet`.
 */
import type { Stream } from '../assessment/types.js';
import { isEarlyExit, type ClosureReason } from '../plan/closure.js';
import {
  DEFAULT_TRAINING_POLICY,
  trainingReferralEffect,
  type TrainingPolicy,
  type TrainingProgram,
} from '../plan/training-referrals.js';
import type { EvidenceKind } from './types.js';

// ---------------------------------------------------------------------------------------------
// Checkpoints and amounts (M8, K4)

/**
 * The checkpoints that pay. §17 lists five monitoring checkpoints (completion of EAP activities, then
 * 1, 3, 6 and 12 months after the monitoring start) and says "successful achievement of the Funded
 * Outcome at each milestone checkpoint is associated with a PBF payment amount". But every worked
 * example pays only at months (M8: "1-, 3-, and 6-month … and not for the unattained 12-month"; F12:
 * "1-, 3-, and 6-month checkpoints"), and M13 speaks of "all four checkpoints" ("monitored … at 1, 3,
 * 6, and 12 months"). So the completion contact is a monitoring checkpoint (ESQ, K3 satisfaction) but
 * not a PBF checkpoint. Ambiguity: if a funding agreement did pay at completion, it would be added here.
 */
export const PBF_CHECKPOINTS = ['month_1', 'month_3', 'month_6', 'month_12'] as const;
export type PbfCheckpoint = (typeof PBF_CHECKPOINTS)[number];

/** Integer cents per stream and checkpoint (K4, M8: "the amount by stream and checkpoint"). */
export type FundingAgreementAmounts = { readonly [S in Stream]: { readonly [C in PbfCheckpoint]: number } };

/**
 * PLACEHOLDER amounts, not the ministry's: §17 says "Service Providers should reference their funding
 * agreement for exact amounts". The SSM configures the real amounts per provider; these seed a new
 * provider and the demo. Higher streams (more support needs) pay more, later checkpoints pay more.
 */
export const DEFAULT_FUNDING_AGREEMENT_AMOUNTS: FundingAgreementAmounts = {
  A: { month_1: 20_000, month_3: 30_000, month_6: 40_000, month_12: 50_000 },
  B: { month_1: 30_000, month_3: 45_000, month_6: 60_000, month_12: 75_000 },
  C: { month_1: 40_000, month_3: 60_000, month_6: 80_000, month_12: 100_000 },
};

/** Problems with a configured agreement: every amount a non-negative whole number of cents. */
export function fundingAgreementProblems(amounts: FundingAgreementAmounts): string[] {
  const problems: string[] = [];
  for (const stream of ['A', 'B', 'C'] as const)
    for (const checkpoint of PBF_CHECKPOINTS) {
      const cents = amounts[stream][checkpoint];
      if (!Number.isSafeInteger(cents) || cents < 0)
        problems.push(
          `${stream}.${checkpoint}: ${String(cents)} is not a non-negative whole number of cents`,
        );
    }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Eligibility exclusions (K4, E7, S4, A10, M11)

export interface PbfEligibilityFacts {
  /** K4: the EAP was signed (and so could be activated). */
  planSigned: boolean;
  /** E7: a status-quo (legacy) client, outside PMF and PBF. */
  statusQuo: boolean;
  /** S4/F1: self-directed clients have no EAP and no outcome follow-ups. */
  serviceLevel: 'case_managed' | 'self_directed' | 'service_pending';
  /** The plan's closure, if closed; an accepted training referral names its program (A10). */
  closure: { reason: ClosureReason; trainingProgram: TrainingProgram | null } | null;
  /**
   * An early exit (M11) is a closure *without an outcome* (§17: "the client's EAP is closed without
   * recording an outcome"); a plan closed during or after monitoring keeps its earned lines.
   */
  outcomeRecorded: boolean;
}

export const PBF_EXCLUSION_RULES = ['K4', 'E7', 'S4', 'A10', 'M11'] as const;
export type PbfExclusionRule = (typeof PBF_EXCLUSION_RULES)[number];
export interface PbfExclusion {
  rule: PbfExclusionRule;
  code: 'no_signed_plan' | 'status_quo' | 'self_directed' | 'training_referral' | 'early_exit';
}

/**
 * Why a client earns no PBF at all, or null. The training-referral case is not re-decided here: it is
 * `trainingReferralEffect(program, policy).pbfPossible`, so the M11 conflict flag
 * (`immediateEmploymentEarnsPbf`, default false = §11) applies the same way as at closure. With the
 * flag set (§17 reading), such a referral is not an early exit either (§17: "an exception to this").
 */
export function pbfExclusion(
  f: PbfEligibilityFacts,
  policy: TrainingPolicy = DEFAULT_TRAINING_POLICY,
): PbfExclusion | null {
  if (f.statusQuo) return { rule: 'E7', code: 'status_quo' };
  if (f.serviceLevel === 'self_directed') return { rule: 'S4', code: 'self_directed' };
  if (!f.planSigned) return { rule: 'K4', code: 'no_signed_plan' };
  if (!f.closure) return null;
  if (f.closure.reason === 'referral_to_eo_training' && f.closure.trainingProgram) {
    const effect = trainingReferralEffect(f.closure.trainingProgram, policy);
    // K4: a referral made during monitoring leaves the checkpoints already earned with the provider.
    return effect.pbfPossible || f.outcomeRecorded ? null : { rule: 'A10', code: 'training_referral' };
  }
  if (isEarlyExit(f.closure.reason) && !f.outcomeRecorded) return { rule: 'M11', code: 'early_exit' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Evidence and attestation (M9, M10)

export const EVIDENCE_PARTS = ['start_date', 'checkpoint'] as const;
export type EvidencePart = (typeof EVIDENCE_PARTS)[number];

/** M9: a pay stub for the period containing the checkpoint date, or an employer letter. */
export interface EmploymentDocument {
  kind: 'pay_stub' | 'employer_letter';
  showsClientName: boolean;
  showsBusinessName: boolean;
  /** Pay-period dates containing the checkpoint date (a letter: continuous employment over it). */
  coversCheckpointDate: boolean;
  /** At least an average of 20 hours per week. */
  showsTwentyPlusHours: boolean;
}

/** M10: instead of evidence, only after all attempts fail; may cover just part of it. */
export interface Attestation {
  ssmPreApproved: boolean;
  signedByLeadEmploymentStaff: boolean;
  hasRationale: boolean;
  hasAttemptsSummary: boolean;
  covers: readonly EvidencePart[];
}

export interface CheckpointEvidence {
  /** M9 start-date proof on file: offer letter/email, zero-YTD first stub, stub showing hours rising to 20+. */
  startDateProof: 'offer_letter' | 'zero_ytd_pay_stub' | 'pay_stub_hours_rise' | null;
  documents: readonly EmploymentDocument[];
  attestation: Attestation | null;
}

export const EVIDENCE_GAP_RULES = ['M9', 'M10'] as const;
export const EVIDENCE_GAP_CODES = [
  'no_start_date_proof',
  'no_sufficient_document',
  'attestation_not_pre_approved',
  'attestation_not_signed_by_lead',
  'attestation_incomplete',
] as const;

export interface EvidenceGap {
  rule: (typeof EVIDENCE_GAP_RULES)[number];
  part: EvidencePart;
  code: (typeof EVIDENCE_GAP_CODES)[number];
}

/**
 * M9 start-date proof: an offer letter or email, a first pay stub with zero year-to-date, or a pay
 * stub showing hours rising to 20+ (which must show the 20+ hours). Each must name the client and the
 * business and show the start date (or the date of the rise).
 */
export function startDateDocumentSufficient(d: {
  kind: 'offer_letter' | 'zero_ytd_pay_stub' | 'pay_stub_hours_rise';
  showsClientName: boolean;
  showsBusinessName: boolean;
  coversDate: boolean;
  showsTwentyPlusHours: boolean;
}): boolean {
  return (
    d.showsClientName &&
    d.showsBusinessName &&
    d.coversDate &&
    (d.kind !== 'pay_stub_hours_rise' || d.showsTwentyPlusHours)
  );
}

/** M9: a document counts only if it shows all four required details. */
export function documentSufficient(d: EmploymentDocument): boolean {
  return d.showsClientName && d.showsBusinessName && d.coversCheckpointDate && d.showsTwentyPlusHours;
}

/**
 * M9: whether one document on file shows what its kind must (start-date proof or checkpoint proof),
 * from the four details checked off at upload (`coversDate`: the start date, the rise, or the pay
 * period containing the checkpoint date).
 */
export function evidenceDocumentSufficient(d: {
  kind: EvidenceKind;
  showsClientName: boolean;
  showsBusinessName: boolean;
  coversDate: boolean;
  showsTwentyPlusHours: boolean;
}): boolean {
  const { kind, coversDate, ...shown } = d;
  return kind === 'pay_stub' || kind === 'employer_letter'
    ? documentSufficient({ kind, coversCheckpointDate: coversDate, ...shown })
    : startDateDocumentSufficient({ kind, coversDate, ...shown });
}

function attestationGaps(a: Attestation, part: EvidencePart): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  if (!a.ssmPreApproved) gaps.push({ rule: 'M10', part, code: 'attestation_not_pre_approved' });
  if (!a.signedByLeadEmploymentStaff)
    gaps.push({ rule: 'M10', part, code: 'attestation_not_signed_by_lead' });
  if (!a.hasRationale || !a.hasAttemptsSummary)
    gaps.push({ rule: 'M10', part, code: 'attestation_incomplete' });
  return gaps;
}

/**
 * What keeps the checkpoint's evidence from being sufficient (empty = sufficient). Each part (start
 * date, checkpoint employment) is met by its own evidence or by a valid attestation covering it.
 */
export function evidenceGaps(e: CheckpointEvidence): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  const parts: { part: EvidencePart; proven: boolean; code: EvidenceGap['code'] }[] = [
    { part: 'start_date', proven: e.startDateProof !== null, code: 'no_start_date_proof' },
    { part: 'checkpoint', proven: e.documents.some(documentSufficient), code: 'no_sufficient_document' },
  ];
  for (const { part, proven, code } of parts) {
    if (proven) continue;
    if (e.attestation && e.attestation.covers.includes(part))
      gaps.push(...attestationGaps(e.attestation, part));
    else gaps.push({ rule: 'M9', part, code });
  }
  return gaps;
}

export function evidenceSufficient(e: CheckpointEvidence): boolean {
  return evidenceGaps(e).length === 0;
}

// ---------------------------------------------------------------------------------------------
// One ledger line (M8, F12, M5, M9, M10)

/**
 * `approved` (by the SSM) and `paid` are later workflow states of a payable line (earned or released).
 * A deferred line stays deferred even if the SSM has accepted the checkpoint report (F12 example: the
 * successes are reported, the payments are withheld).
 */
export const LEDGER_LINE_STATES = ['not_met', 'earned', 'deferred', 'released', 'approved', 'paid'] as const;
export type LedgerLineState = (typeof LEDGER_LINE_STATES)[number];

export type SsmReview = 'not_submitted' | 'submitted' | 'approved' | 'rejected' | 'paid';

export interface CheckpointLineFacts {
  checkpoint: PbfCheckpoint;
  /** M2 (funded-outcome.ts); null while the checkpoint is not yet recorded. */
  fundedOutcomeMet: boolean | null;
  /** M5: a stacked outcome refused by the provider's 5% cap for this checkpoint period. */
  stackingRefused: boolean;
  evidence: CheckpointEvidence;
  /** F12: employer financial supports are being issued for this client at this checkpoint. */
  employerSupportsActive: boolean;
  /** The SSM's review of the submission; `paid` implies approved. */
  review: SsmReview;
}

/** Why a line is not payable (or, deferred, why it waits): an exclusion's rule or one of these. */
export const LINE_REASONS = [
  ...PBF_EXCLUSION_RULES,
  'outcome_pending',
  'funded_outcome_not_met',
  'stacking_cap',
  'evidence_insufficient',
  'ssm_rejected',
  'employer_supports_active',
  'deferred_not_released',
] as const;
export type LineReason = (typeof LINE_REASONS)[number];

/** F12's verdict on a deferred line, decided across checkpoints by `resolveLedger`. */
export type DeferralOutcome = 'pending' | 'released' | 'forfeited';

export interface LineVerdict {
  state: LedgerLineState;
  /** Why the line is not payable (or, for `deferred`, why it waits); null when payable. */
  reason: LineReason | null;
  /** F12: paid retroactively after employer supports ended. */
  retroactive: boolean;
}

/**
 * Whether the line's checkpoint is an achieved, documented funded outcome: met (M2), not refused by
 * the stacking cap (M5), with sufficient evidence or approved attestation (M9/M10), not rejected.
 */
function achievement(f: CheckpointLineFacts): { achieved: true } | { achieved: false; reason: LineReason } {
  if (f.fundedOutcomeMet === null) return { achieved: false, reason: 'outcome_pending' };
  if (!f.fundedOutcomeMet) return { achieved: false, reason: 'funded_outcome_not_met' };
  if (f.stackingRefused) return { achieved: false, reason: 'stacking_cap' };
  if (f.review === 'rejected') return { achieved: false, reason: 'ssm_rejected' };
  if (!evidenceSufficient(f.evidence)) return { achieved: false, reason: 'evidence_insufficient' };
  return { achieved: true };
}

/**
 * The state of one client × checkpoint line. `deferral` is F12's verdict for a line whose checkpoint
 * fell while employer supports were active (ignored otherwise); alone, such a line is `pending`.
 */
export function ledgerLineState(
  f: CheckpointLineFacts,
  exclusion: PbfExclusion | null = null,
  deferral: DeferralOutcome = 'pending',
): LineVerdict {
  if (exclusion) return { state: 'not_met', reason: exclusion.rule, retroactive: false };
  const a = achievement(f);
  if (!a.achieved) return { state: 'not_met', reason: a.reason, retroactive: false };
  let retroactive = false;
  if (f.employerSupportsActive) {
    if (deferral === 'pending') return { state: 'deferred', reason: 'employer_supports_active', retroactive };
    if (deferral === 'forfeited') return { state: 'not_met', reason: 'deferred_not_released', retroactive };
    retroactive = true;
  }
  const state: LedgerLineState =
    f.review === 'paid' ? 'paid' : f.review === 'approved' ? 'approved' : retroactive ? 'released' : 'earned';
  return { state, reason: null, retroactive };
}

// ---------------------------------------------------------------------------------------------
// A client's ledger (F12 across checkpoints, M8 independence)

export interface ClientLedgerInput {
  stream: Stream;
  amounts: FundingAgreementAmounts;
  exclusion: PbfExclusion | null;
  /** The client's checkpoints; any order, each at most once; missing ones are not yet recorded. */
  checkpoints: readonly CheckpointLineFacts[];
}

export interface LedgerLine extends LineVerdict {
  checkpoint: PbfCheckpoint;
  amountCents: number;
  /** The amount if the line is payable (earned, released, approved, paid), else 0. */
  payableCents: number;
}

export interface ClientLedger {
  lines: LedgerLine[];
  payableCents: number;
  deferredCents: number;
}

const PAYABLE: ReadonlySet<LedgerLineState> = new Set(['earned', 'released', 'approved', 'paid']);

export function isPayable(state: LedgerLineState): boolean {
  return PAYABLE.has(state);
}

/**
 * F12: a line deferred for employer supports is released when the client achieves an unsubsidized
 * funded outcome at the *next* PBF checkpoint after the supports end; if that checkpoint is not
 * achieved, the deferred payments are lost ("if the client successfully achieves an unsubsidized
 * Funded Outcome at the next PBF checkpoint"). With no unsubsidized checkpoint left, they are lost once
 * the 12-month checkpoint is recorded. Until then they stay deferred.
 * M8: every other line stands on its own checkpoint.
 */
export function resolveLedger(input: ClientLedgerInput): ClientLedger {
  const byCheckpoint = new Map<PbfCheckpoint, CheckpointLineFacts>();
  for (const c of input.checkpoints) {
    if (byCheckpoint.has(c.checkpoint)) throw new Error(`checkpoint ${c.checkpoint} given twice`);
    byCheckpoint.set(c.checkpoint, c);
  }
  const ordered = PBF_CHECKPOINTS.flatMap((cp) => {
    const f = byCheckpoint.get(cp);
    return f ? [f] : [];
  });

  const deferralOf = (index: number): DeferralOutcome => {
    const later = PBF_CHECKPOINTS.slice(index + 1);
    for (const cp of later) {
      const f = byCheckpoint.get(cp);
      if (!f) return 'pending'; // not recorded yet: supports may or may not have ended by then
      if (f.employerSupportsActive) continue;
      const a = achievement(f);
      if (a.achieved) return 'released';
      return a.reason === 'outcome_pending' || a.reason === 'evidence_insufficient' ? 'pending' : 'forfeited';
    }
    const last = byCheckpoint.get('month_12');
    return last && last.fundedOutcomeMet !== null ? 'forfeited' : 'pending';
  };

  const lines = ordered.map((f): LedgerLine => {
    const verdict = ledgerLineState(f, input.exclusion, deferralOf(PBF_CHECKPOINTS.indexOf(f.checkpoint)));
    const amountCents = input.amounts[input.stream][f.checkpoint];
    return {
      checkpoint: f.checkpoint,
      ...verdict,
      amountCents,
      payableCents: isPayable(verdict.state) ? amountCents : 0,
    };
  });
  return {
    lines,
    payableCents: lines.reduce((sum, l) => sum + l.payableCents, 0),
    deferredCents: lines.reduce((sum, l) => sum + (l.state === 'deferred' ? l.amountCents : 0), 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Job stacking cap (M5)

/** M5: "at most 5%" as a share, in integer arithmetic: stacked × 100 ≤ funded × 5. */
export const STACKING_CAP_PERCENT = 5;

/**
 * M5: stacked outcomes "may count for at most 5% of a provider's funded outcomes at each checkpoint
 * period". "At most" is a ceiling, so the allowance rounds **down**: floor(5% × funded outcomes).
 * 20 funded outcomes → 1 stacked; 19 → 0; 39 → 1; 40 → 2. The count includes the stacked outcomes
 * that are allowed (they are funded outcomes) but not the refused ones.
 */
export function stackingCap(fundedOutcomesInPeriod: number): number {
  if (!Number.isSafeInteger(fundedOutcomesInPeriod) || fundedOutcomesInPeriod < 0)
    throw new Error('funded outcomes must be a non-negative whole number');
  return Math.floor((fundedOutcomesInPeriod * STACKING_CAP_PERCENT) / 100);
}

export interface PeriodOutcome<Id> {
  id: Id;
  /** Two or more jobs adding up to 20+ h/week (M5). */
  stacked: boolean;
}

/**
 * M5 for one provider and one checkpoint period: keeps every single-job outcome and as many stacked
 * ones, in the order given (the caller orders them, e.g. by checkpoint date then id), as keep the
 * stacked share at or under 5% of the funded outcomes counted. The rest are refused.
 */
export function applyStackingCap<Id>(outcomes: readonly PeriodOutcome<Id>[]): {
  counted: Id[];
  refused: Id[];
} {
  const single = outcomes.filter((o) => !o.stacked).length;
  const counted: Id[] = [];
  const refused: Id[] = [];
  let stacked = 0;
  for (const o of outcomes) {
    if (!o.stacked) counted.push(o.id);
    else if (stacked + 1 <= stackingCap(single + stacked + 1)) {
      stacked += 1;
      counted.push(o.id);
    } else refused.push(o.id);
  }
  return { counted, refused };
}

// ---------------------------------------------------------------------------------------------
// Returning and longer-term clients (M12, M13)

/**
 * M13 (§17 "Longer Term Clients"): a client still in service after all checkpoints is no longer
 * associated with PBF unless all three hold: all four checkpoints (1, 3, 6, 12 months) have passed;
 * they need pre-employment assisted services; a new CA was done after the last checkpoint.
 */
export function reassociatesWithPbf(f: {
  allFourCheckpointsPassed: boolean;
  needsPreEmploymentServices: boolean;
  newCaAfterLastCheckpoint: boolean;
}): boolean {
  return f.allFourCheckpointsPassed && f.needsPreEmploymentServices && f.newCaAfterLastCheckpoint;
}

/**
 * M12: a returning client is treated like a new client: a new CA and a new EAP, any number of
 * returns, no waiting time. Their PBF ledger starts fresh: no line of an earlier plan carries over,
 * and the new plan's lines depend on its own signature (K4) and checkpoints. Returns what is still
 * missing before the new episode can earn PBF.
 */
export function returningClientPbfStart(f: { newCaCompleted: boolean; newPlanSigned: boolean }): {
  carriesEarlierLines: false;
  waitingDays: 0;
  missing: ('new_ca' | 'new_signed_eap')[];
} {
  const missing: ('new_ca' | 'new_signed_eap')[] = [];
  if (!f.newCaCompleted) missing.push('new_ca');
  if (!f.newPlanSigned) missing.push('new_signed_eap');
  return { carriesEarlierLines: false, waitingDays: 0, missing };
}
