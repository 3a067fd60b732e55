/**
 * The Common Assessment's vocabulary (C1–C12, S1–S5): shared by the question bank, the rules, the
 * API schemas and the web, so each word exists once.
 */

/** C9/C11: a CA is edited only while in progress; every other state is read-only forever. */
export const ASSESSMENT_STATUSES = ['in_progress', 'submitted', 'cancelled', 'closed_in_error'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** C6: who administers which module. `sa`: SA does M1 and refers; `eo`: a provider does M1 and M2. */
export const ASSESSMENT_FLOWS = ['sa', 'eo'] as const;
export type AssessmentFlow = (typeof ASSESSMENT_FLOWS)[number];

export const MODULES = ['m1', 'm2'] as const;
export type Module = (typeof MODULES)[number];

/** C9: the four reasons a caseworker may pick; `consent_revoked` is written only by a revocation (C3). */
export const CANCEL_REASONS = [
  'client_not_proceeding',
  'unable_to_connect',
  'created_in_error',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export type CancelCause = CancelReason | 'consent_revoked';

/** C3: how the notice was read and consent given. Video counts; the client is seen on camera. */
export const CONSENT_CHANNELS = ['in_person', 'phone', 'video'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** S1. */
export const SERVICE_LEVELS = ['case_managed', 'self_directed', 'service_pending'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/** S3: the indicators that make self-directed service worth considering. */
export const SELF_DIRECTED_INDICATORS = [
  'client_choice',
  'good_employability',
  'high_motivation',
  'computer_literacy',
  'no_employer_perception_barriers',
  'no_life_stabilization_needs',
] as const;
export type SelfDirectedIndicator = (typeof SELF_DIRECTED_INDICATORS)[number];

/** C8: the segmentation streams, by risk of long-term unemployment. Internal words only. */
export const STREAMS = ['A', 'B', 'C'] as const;
export type Stream = (typeof STREAMS)[number];

/** C4. */
export const IDENTITY_METHODS = ['photo_id', 'dual_process', 'sa_documentation'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

export const PHOTO_ID_KINDS = [
  'drivers_licence',
  'ontario_photo_card',
  'passport',
  'nexus_or_enhanced_licence',
  'citizenship_card',
  'permanent_resident_card',
  'status_card',
] as const;
export type PhotoIdKind = (typeof PHOTO_ID_KINDS)[number];

/** Offered in the list so the refusal can say why (the Privacy Act forbids them as ID). */
export const REFUSED_ID_KINDS = ['health_card', 'sin_card'] as const;
export type RefusedIdKind = (typeof REFUSED_ID_KINDS)[number];

/** C4 dual process: two items from two different kinds of reliable source. */
export const DUAL_PROCESS_SOURCES = [
  'name_and_address',
  'name_and_date_of_birth',
  'name_and_financial_account',
] as const;
export type DualProcessSource = (typeof DUAL_PROCESS_SOURCES)[number];

/** One answer: the question's type decides which shape is valid. */
export type AnswerValue = string | number | boolean | string[];
/** Answers by question id; a question not answered yet is absent. */
export type Answers = Record<string, AnswerValue>;

/** What conditions may look at besides answers: known from the client record on the day. */
export interface AssessmentFacts {
  /** Age in completed years on the day of the assessment (from the client's date of birth). */
  ageYears: number;
  /** The client receives OW or ODSP (S2, C6). */
  saClient: boolean;
}

/** The rule ids the assessment's checks cite (`/work/shared/domain-rules.md`). */
export type AssessmentRuleId =
  | 'C1'
  | 'C3'
  | 'C4'
  | 'C5'
  | 'C6'
  | 'C8'
  | 'C9'
  | 'C11'
  | 'S1'
  | 'S2'
  | 'S3'
  | 'S4'
  | 'S5'
  | 'E1'
  | 'E2'
  | 'E3'
  | 'E4'
  | 'E5'
  | 'E6';

/** A rule refusing an action, said in both languages; `field` points at what to correct. */
export interface RuleProblem {
  rule: AssessmentRuleId;
  field: string;
  code: string;
  en: string;
  fr: string;
}

/**
 * The assessments worklist's views: in progress; reached this provider through a referral (C6);
 * in progress 120 days or more (C9, S4); service pending (S5); returned to the SSM (C10); submitted.
 */
export const ASSESSMENT_BUCKETS = [
  'in_progress',
  'referred',
  'aged',
  'service_pending',
  'returned_to_ssm',
  'submitted',
] as const;
export type AssessmentBucket = (typeof ASSESSMENT_BUCKETS)[number];

/** What an actor may do next on a CA; the API lists them so the screens offer only those. */
export const ASSESSMENT_ACTIONS = [
  'answer',
  'confirm_consent',
  'verify_identity',
  'set_service_level',
  'add_note',
  'refer',
  'assign_caseworker',
  'submit',
  'cancel',
  'reassign_to_ssm',
  'assign_provider',
  'close_in_error',
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** C3: a revocation waits for the SSM to acknowledge it (tell the ministry), then to remove the data. */
export const REVOCATION_STATES = ['queued', 'acknowledged', 'removed'] as const;
export type RevocationState = (typeof REVOCATION_STATES)[number];

/** C9: in progress under 90 days, ageing from 90, aged (may be cancelled) from 120. */
export const AGEING_STATES = ['open', 'ageing', 'aged'] as const;
export type AgeingState = (typeof AGEING_STATES)[number];

export const SECTION_STATUSES = ['not_started', 'in_progress', 'complete'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];
