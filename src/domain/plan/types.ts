/**
 * The Employment Action Plan's vocabulary (A1–A4), shared by the rules, the API and the web so each
 * word exists once.
 */

/** A1/A3/A10: draft until the client signs and it is activated; on hold during BJO/OJCP/LBS; closed. */
export const PLAN_STATUSES = ['draft', 'active', 'active_on_hold', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A2: the eight kinds of sub-goal. */
export const SUB_GOAL_KINDS = [
  'life_stabilization',
  'employment_assistance_services',
  'employer_financial_supports',
  'jobseeker_financial_supports',
  'skills_development_ministry_delivered',
  'skills_development_other',
  'retention',
  'specialized_services',
] as const;
export type SubGoalKind = (typeof SUB_GOAL_KINDS)[number];

/** A2: a plan item's status and, once it ends, its outcome. */
export const PLAN_ITEM_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];
export const PLAN_ITEM_OUTCOMES = ['attained', 'not_attained'] as const;
export type PlanItemOutcome = (typeof PLAN_ITEM_OUTCOMES)[number];

/** A3: how the client signed the plan summary before activation. */
export const SIGNATURE_METHODS = ['wet_ink', 'electronic', 'verbal_recorded'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/**
 * A7: the minimum services every provider delivers, which the SSM's plan-item catalogue must cover.
 * Each catalogue item names the one it delivers, so the SSM can see the network's coverage.
 */
export const MINIMUM_SERVICES = [
  'assessment_and_referral',
  'life_stabilization',
  'career_exploration',
  'employability_skills',
  'job_development',
  'financial_supports',
  'specialized_services',
  'skills_training_referral',
  'job_retention',
] as const;
export type MinimumService = (typeof MINIMUM_SERVICES)[number];

/**
 * A4: every change to a plan is written to its history. Details hold ids, codes and amounts, never
 * personal text (that is sealed on the rows themselves).
 */
export const PLAN_EVENT_KINDS = [
  'created',
  'goals_changed',
  'sub_goal_added',
  'item_added',
  'item_changed',
  'summary_printed',
  'signature_recorded',
  'activated',
  'training_referral_recorded',
  'put_on_hold',
  'resumed',
  'closed',
  'caseworker_changed',
  // Outcomes and monitoring (M1–M10, F12): the monitoring timeline reads these.
  'outcome_recorded',
  'job_recorded',
  'job_changed',
  'employer_support_recorded',
  'monitoring_started',
  'checkpoint_recorded',
  'evidence_uploaded',
  'evidence_withdrawn',
  'checkpoint_submitted',
  'checkpoint_approved',
  'checkpoint_rejected',
  'attestation_requested',
  'attestation_pre_approved',
  'attestation_rejected',
  'attestation_signed',
  'pbf_paid',
  // Financial supports (F4–F13): each step of a support on the plan's EAP.
  'support_requested',
  'support_pre_approved',
  'support_refused',
  'support_issued',
  'support_evidence_uploaded',
  'support_reported',
  'support_report_approved',
  'support_withheld',
  'support_cancelled',
] as const;
export type PlanEventKind = (typeof PLAN_EVENT_KINDS)[number];
