/**
 * Performance-based funding (PBF) as the web reads it (issue 6 contract, helper B's routes). The
 * vocabularies come from the domain so each code exists once; the API sends codes and the web labels
 * them in EN/FR.
 */
import type { FiscalQuarterNumber } from '../../../../src/domain/calendar/fiscal-year.js';
import type { FundedOutcomeReason } from '../../../../src/domain/monitoring/funded-outcome.js';
import type { Retention, Share, StatementJobQuality } from '../../../../src/domain/monitoring/job-quality.js';
import type {
  EvidenceGap,
  EvidencePart,
  FundingAgreementAmounts,
  LedgerLineState,
  LineReason,
  PbfCheckpoint,
} from '../../../../src/domain/monitoring/pbf.js';
import type { StatementTotals } from '../../../../src/domain/monitoring/pbf-ledger.js';
import type { CheckpointKind } from '../../../../src/domain/monitoring/schedule.js';
import type {
  AttestationState,
  CheckpointReviewState,
  EsqStatus,
  EvidenceKind,
  JobPermanence,
} from '../../../../src/domain/monitoring/types.js';
import type { EvidenceView } from '../monitoring/types.js';
import type { Stream } from '../../types.js';

export {
  EVIDENCE_GAP_CODES,
  EVIDENCE_PARTS,
  LEDGER_LINE_STATES,
  LINE_REASONS,
  PBF_CHECKPOINTS,
} from '../../../../src/domain/monitoring/pbf.js';
export { FUNDED_OUTCOME_REASONS } from '../../../../src/domain/monitoring/funded-outcome.js';
export { CHECKPOINT_KINDS } from '../../../../src/domain/monitoring/schedule.js';
export {
  ATTESTATION_STATES,
  CHECKPOINT_REVIEW_STATES,
  ESQ_STATUSES,
  EVIDENCE_KINDS,
  JOB_PERMANENCE,
} from '../../../../src/domain/monitoring/types.js';
export { STREAMS } from '../../../../src/domain/assessment/types.js';

export type {
  AttestationState,
  CheckpointKind,
  CheckpointReviewState,
  EsqStatus,
  EvidenceGap,
  EvidenceKind,
  EvidencePart,
  EvidenceView,
  FiscalQuarterNumber,
  FundedOutcomeReason,
  FundingAgreementAmounts,
  JobPermanence,
  LedgerLineState,
  LineReason,
  PbfCheckpoint,
  Retention,
  Share,
  StatementJobQuality,
  StatementTotals,
  Stream,
};

/** A PBF checkpoint submitted to the SSM and waiting for its review. */
export interface ReviewQueueCheckpoint {
  /** The checkpoint record's id: the approve/reject routes take it. */
  checkpointId: string;
  planId: string;
  planReference: string;
  clientId: string;
  clientName: string | null;
  providerName: string;
  stream: Stream;
  kind: CheckpointKind;
  dueOn: string;
  submittedAt: string | null;
  esqStatus: EsqStatus;
  fundedOutcome: { met: boolean; reason: FundedOutcomeReason; stacked: boolean } | null;
  evidence: EvidenceView[];
  evidenceGaps: EvidenceGap[];
  attestationState: AttestationState | null;
  /** M10: the provider's lead has signed the attestation (it counts only once pre-approved and signed). */
  attestationSigned: boolean;
}

/** M10: an attestation waiting for the SSM's pre-approval. */
export interface ReviewQueueAttestation {
  id: string;
  planId: string;
  planReference: string;
  clientId: string;
  clientName: string | null;
  providerName: string;
  kind: CheckpointKind;
  covers: EvidencePart[];
  rationale: string;
  attempts: string;
  otherFactors: string | null;
  requestedAt: string;
  requestedBy: string;
}

export interface ReviewQueue {
  checkpoints: ReviewQueueCheckpoint[];
  attestations: ReviewQueueAttestation[];
}

export interface CheckpointReviewResult {
  checkpointId: string;
  reviewState: CheckpointReviewState;
  ledger: { state: LedgerLineState; reason: LineReason | null; amountCents: number } | null;
}

export interface StatementLine {
  lineId: string;
  planId: string;
  planReference: string;
  clientId: string;
  clientName: string | null;
  stream: Stream;
  checkpoint: PbfCheckpoint;
  dueOn: string;
  state: LedgerLineState;
  reason: LineReason | null;
  retroactive: boolean;
  stacked: boolean;
  stackingRefused: boolean;
  amountCents: number;
  payableCents: number;
  paidAt: string | null;
  /** M2 at the checkpoint; null while it is not recorded. */
  fundedOutcomeMet: boolean | null;
  /** L4: the counted jobs' weekly minutes summed (null when the outcome is not met). */
  minutesPerWeek: number | null;
  /** L4: the best hourly wage among the counted jobs, in cents. */
  hourlyWageCents: number | null;
  /** L4: permanent if any counted job is. */
  permanence: JobPermanence | null;
}

/** A provider's quarterly PBF statement (K6). */
export interface Statement {
  organizationId: string;
  organizationName: string;
  fiscalYear: number;
  quarter: FiscalQuarterNumber;
  label: string;
  from: string;
  to: string;
  lines: StatementLine[];
  totals: StatementTotals;
  byStream: Record<Stream, { count: number; payableCents: number }>;
  /** M5: outcomes met only by job stacking, against all funded outcomes of the period. */
  stackedShare: { stacked: number; funded: number };
  /** L4: job quality of the lines' recorded checkpoints, overall, by stream, and retention. */
  jobQuality: StatementJobQuality;
}

export interface StatementQuery {
  organizationId: string;
  fiscalYear: number;
  quarter: FiscalQuarterNumber;
}

/** K4: the provider's amounts per stream and checkpoint, in cents. */
export interface FundingAgreement {
  organizationId: string;
  organizationName: string;
  amounts: FundingAgreementAmounts;
  /** No agreement configured yet: these are the seeded defaults. */
  isDefault: boolean;
  updatedAt: string | null;
}
