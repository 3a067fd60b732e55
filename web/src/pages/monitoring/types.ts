/**
 * The outcomes and monitoring API as the web reads it (issue 6 contract; keep in step with
 * src/server/monitoring/schemas.ts). The vocabularies are the domain's lists, the same ones the API's
 * response schemas enumerate, so each code exists once; the API sends codes and the web labels them
 * in EN/FR. Only pure domain modules are imported (no
 * zod, no calendar barrel): test/unit/web/bundle-imports.test.ts checks it.
 */
import type {
  FundedOutcomeReason,
  FundedOutcomeRegime,
} from '../../../../src/domain/monitoring/funded-outcome.js';
import type {
  EvidenceGap,
  EvidencePart,
  LineReason,
  LedgerLineState,
} from '../../../../src/domain/monitoring/pbf.js';
import type {
  CheckpointKind,
  CheckpointState,
  MonitoringTrigger,
} from '../../../../src/domain/monitoring/schedule.js';
import type {
  AttestationState,
  CheckpointReviewState,
  EsqStatus,
  EvidenceContentType,
  EvidenceKind,
  JobPermanence,
  OutcomeKind,
  SatisfactionAnswer,
} from '../../../../src/domain/monitoring/types.js';
import type {
  CheckpointWorklistBucket,
  CheckpointWorklistScope as WorklistScope,
} from '../../../../src/domain/monitoring/worklist.js';
import type { PlanPhase, PlanStatus } from '../plans/types.js';
import type { Stream } from '../../types.js';

export {
  ATTESTATION_STATES,
  CHECKPOINT_EVIDENCE_KINDS,
  CHECKPOINT_REVIEW_STATES,
  ESQ_STATUSES,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_KINDS,
  EVIDENCE_MAX_BYTES,
  JOB_PERMANENCE,
  OUTCOME_KINDS,
  SATISFACTION_ANSWERS,
  SATISFACTION_QUESTION,
  START_DATE_EVIDENCE_KINDS,
} from '../../../../src/domain/monitoring/types.js';
export {
  CHECKPOINT_KINDS,
  CHECKPOINT_STATES,
  MONITORING_TRIGGERS,
} from '../../../../src/domain/monitoring/schedule.js';
export {
  CHECKPOINT_WORKLIST_BUCKETS,
  CHECKPOINT_WORKLIST_SCOPES as WORKLIST_SCOPES,
} from '../../../../src/domain/monitoring/worklist.js';
export {
  EVIDENCE_GAP_CODES,
  EVIDENCE_PARTS,
  LEDGER_LINE_STATES,
  LINE_REASONS as LEDGER_LINE_REASONS,
  PBF_CHECKPOINTS,
} from '../../../../src/domain/monitoring/pbf.js';
export {
  FUNDED_OUTCOME_REASONS,
  FUNDED_OUTCOME_REGIMES,
} from '../../../../src/domain/monitoring/funded-outcome.js';
export {
  FUNDED_OUTCOME_MINUTES_PER_WEEK,
  NOC_CODE,
  nocBroadCategory,
} from '../../../../src/domain/monitoring/outcome.js';
export type {
  AttestationState,
  CheckpointKind,
  CheckpointReviewState,
  CheckpointState,
  CheckpointWorklistBucket,
  EsqStatus,
  EvidenceContentType,
  EvidenceGap,
  EvidenceKind,
  EvidencePart,
  FundedOutcomeReason,
  JobPermanence,
  LedgerLineState,
  LineReason,
  MonitoringTrigger,
  OutcomeKind,
  SatisfactionAnswer,
  WorklistScope,
};

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  /** Sealed personal data: null when the viewer may not read it. */
  fileName: string | null;
  contentType: EvidenceContentType;
  byteSize: number;
  showsClientName: boolean;
  showsBusinessName: boolean;
  coversDate: boolean;
  showsTwentyPlusHours: boolean;
  sufficient: boolean;
  uploadedAt: string;
  /** Null when the uploader's account no longer resolves. */
  uploadedBy: string | null;
}

export interface MonitoringJob {
  id: string;
  employerName: string | null;
  atEntryEmployer: boolean;
  startedOn: string;
  endedOn: string | null;
  minutesPerWeek: number;
  hourlyWageCents: number | null;
  nocCode: string;
  nocCategory: { en: string; fr: string } | null;
  permanence: JobPermanence;
  hoursReached20On: string | null;
  placementIntendedToContinue: boolean;
  startDateEvidence: EvidenceView[];
  supportPeriods: { id: string; startsOn: string; endsOn: string | null }[];
}

export interface CheckpointJobHours {
  jobId: string;
  minutesPerWeek: number;
  hourlyWageCents: number | null;
  nocCode: string;
}

export interface CheckpointRecord {
  id: string;
  contactedOn: string;
  esqStatus: EsqStatus;
  satisfaction: SatisfactionAnswer;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
  jobs: CheckpointJobHours[];
  reviewState: CheckpointReviewState;
  reviewReason: string | null;
  reviewedAt: string | null;
  submittedAt: string | null;
}

export interface AttestationView {
  id: string;
  covers: EvidencePart[];
  /** What the provider wrote for the SSM; null for SA viewers (I2). */
  rationale: string | null;
  attempts: string | null;
  otherFactors: string | null;
  state: AttestationState;
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decisionReason: string | null;
  signedAt: string | null;
  signedBy: string | null;
}

export interface LedgerLineView {
  state: LedgerLineState;
  reason: LineReason | null;
  amountCents: number;
  retroactive: boolean;
  stacked: boolean;
  stackingRefused: boolean;
  paidAt: string | null;
}

export interface MonitoringCheckpoint {
  kind: CheckpointKind;
  dueOn: string;
  windowOpensOn: string;
  windowClosesOn: string;
  state: CheckpointState;
  pbf: boolean;
  record: CheckpointRecord | null;
  fundedOutcome: {
    met: boolean;
    reason: FundedOutcomeReason;
    stacked: boolean;
    regime: FundedOutcomeRegime;
    countedJobIds: string[];
  } | null;
  evidence: EvidenceView[];
  evidenceGaps: { rule: EvidenceGap['rule']; part: EvidencePart; code: EvidenceGap['code'] }[];
  attestation: AttestationView | null;
  ledger: LedgerLineView | null;
}

export interface MonitoringView {
  planId: string;
  planReference: string;
  clientId: string;
  clientName: string | null;
  stream: Stream;
  planStatus: PlanStatus;
  phase: PlanPhase;
  entry: { employed: boolean; minutesPerWeek: number | null };
  outcome: {
    kind: OutcomeKind;
    endedOn: string;
    allActivitiesOfferedConfirmed: boolean;
    note: string | null;
    recordedAt: string;
    recordedBy: string;
  } | null;
  openItemCount: number;
  jobs: MonitoringJob[];
  monitoringStart: { startOn: string; triggers: MonitoringTrigger[]; fixed: boolean } | null;
  planClosesOn: string | null;
  checkpoints: MonitoringCheckpoint[];
  actions: {
    recordOutcome: boolean;
    addJob: boolean;
    recordCheckpoint: CheckpointKind[];
    submit: CheckpointKind[];
  };
}

export interface JobInput {
  employerName: string;
  atEntryEmployer: boolean;
  startedOn: string;
  endedOn?: string | null;
  minutesPerWeek: number;
  hourlyWageCents?: number | null;
  nocCode: string;
  permanence: JobPermanence;
  hoursReached20On?: string | null;
  placementIntendedToContinue?: boolean;
  employerSupport?: { startsOn: string; endsOn: string | null };
}

export interface OutcomeInput {
  kind: OutcomeKind;
  endedOn: string;
  allActivitiesOfferedConfirmed?: boolean;
  note?: string;
  jobs?: JobInput[];
}

export interface JobUpdate {
  employerName?: string;
  atEntryEmployer?: boolean;
  startedOn?: string;
  placementIntendedToContinue?: boolean;
  endedOn?: string | null;
  minutesPerWeek?: number;
  hourlyWageCents?: number | null;
  nocCode?: string;
  permanence?: JobPermanence;
  hoursReached20On?: string | null;
}

export interface CheckpointInput {
  contactedOn: string;
  esqStatus: EsqStatus;
  satisfaction: SatisfactionAnswer;
  note?: string;
  jobs: { jobId: string; minutesPerWeek: number; hourlyWageCents?: number | null; nocCode: string }[];
}

export interface EvidenceInput {
  kind: EvidenceKind;
  jobId?: string;
  checkpointKind?: CheckpointKind;
  fileName: string;
  contentType: EvidenceContentType;
  dataBase64: string;
  showsClientName: boolean;
  showsBusinessName: boolean;
  coversDate: boolean;
  showsTwentyPlusHours: boolean;
}

export interface AttestationInput {
  covers: EvidencePart[];
  /** What the provider wrote for the SSM; null for SA viewers (I2). */
  rationale: string | null;
  attempts: string | null;
  otherFactors?: string;
}

export interface CheckpointWorklistItem {
  planId: string;
  planReference: string;
  clientId: string;
  clientName: string | null;
  caseworkerName: string | null;
  stream: Stream;
  kind: CheckpointKind;
  dueOn: string;
  windowClosesOn: string;
  bucket: CheckpointWorklistBucket;
  state: CheckpointState;
}

export interface CheckpointWorklist {
  items: CheckpointWorklistItem[];
  counts: Record<CheckpointWorklistBucket, number>;
}
