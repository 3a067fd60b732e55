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
