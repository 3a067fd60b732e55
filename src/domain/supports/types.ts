/**
 * Employment-related financial supports (ERFS) vocabulary (F1–F14, I3), shared by the rules, the
 * database enums, the API and the web so each word exists once. Pure data: safe for the web bundle.
 *
 * Every list is exported as a `const` tuple together with its union type, as in
 * `monitoring/types.ts`.
 */

/** F2: a support is bought for the client (items, training) or paid to an employer (training, placement). */
export const SUPPORT_KINDS = ['client', 'employer'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** F5: the eligible client-support categories of the §13 "Eligible expenses" chart, in its order. */
export const CLIENT_SUPPORT_CATEGORIES = [
  'technology',
  'short_term_transportation',
  'work_clothing_grooming',
  'special_equipment_supplies',
  'occupational_certification',
  'short_term_training',
  'emergency_childcare',
  'work_related_disability',
] as const;
export type ClientSupportCategory = (typeof CLIENT_SUPPORT_CATEGORIES)[number];

/**
 * F5 + "anything else case by case with the SSM": 'other' is a category a request may carry, and
 * always needs SSM pre-approval (F6 `unlisted_category`).
 */
export const SUPPORT_CATEGORIES = [...CLIENT_SUPPORT_CATEGORIES, 'other'] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

/** F10: what an employer support may pay for. */
export const EMPLOYER_SUPPORT_USES = [
  /** On-the-job accommodation not already owed by the employer under the AODA. */
  'on_the_job_accommodation',
  /** Costs of onboarding requirements. */
  'onboarding_costs',
  /** Placement incentives, including wage subsidies, for those most distant from the labour market. */
  'placement_incentive',
] as const;
export type EmployerSupportUse = (typeof EMPLOYER_SUPPORT_USES)[number];

/**
 * F3/F8: which money pays. ERFS is the provider's allocation; the ODSP Client Reserve is a separate
 * ministry reserve for ODSP recipients with disabilities, tracked apart (F8).
 */
export const FUNDING_SOURCES = ['erfs', 'odsp_client_reserve'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * The lifecycle of one support request (our reading of §13; the guidelines name the steps, not the
 * states):
 *
 * - `draft`: the caseworker is writing it; nothing is asked yet and nothing counts anywhere.
 * - `requested`: submitted for the provider's own decision (§13: providers use their internal
 *   business processes, e.g. staff pre-approval, quotes).
 * - `pre_approval_pending`: F6 applies, so it waits for the SSM before coverage is confirmed to the
 *   client (§13: "prior to confirming coverage to a client and providing payment").
 * - `approved`: coverage confirmed (by the provider, or by the SSM after pre-approval); the money is
 *   committed but not yet paid.
 * - `issued`: paid, purchased or handed to the client / employer; the F13 reporting clock starts
 *   (client supports: the issue date; employer supports: the placement's end).
 * - `reported`: reported to the SSM with its evidence (F13); the SSM reviews every report.
 * - `report_approved`: the SSM accepted the report; the expense is reimbursable ERFS.
 * - `withheld`: the SSM withholds reimbursement (F11, with a reason). Not final: a corrected report
 *   may be submitted again (→ `reported`) and a withholding pending a malfeasance review may be
 *   lifted (→ `report_approved`).
 * - `cancelled`: abandoned before issue (refused, no longer needed). Final.
 */
export const REQUEST_STATES = [
  'draft',
  'requested',
  'pre_approval_pending',
  'approved',
  'issued',
  'reported',
  'report_approved',
  'withheld',
  'cancelled',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** The moves the lifecycle above allows; everything else is refused. */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = {
  draft: ['requested', 'cancelled'],
  requested: ['pre_approval_pending', 'approved', 'cancelled'],
  pre_approval_pending: ['approved', 'cancelled'],
  approved: ['issued', 'cancelled'],
  issued: ['reported', 'withheld'],
  reported: ['report_approved', 'withheld'],
  report_approved: [],
  withheld: ['reported', 'report_approved'],
  cancelled: [],
};

export function canTransition(from: RequestState, to: RequestState): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

/** The states a support may move to `to` from, in lifecycle order (e.g. what may still be cancelled). */
export function statesThatMayBecome(to: RequestState): RequestState[] {
  return REQUEST_STATES.filter((from) => canTransition(from, to));
}

/**
 * F13/I3: issued to the client (or employer) and after: there is a report to make or review, and
 * the SA caseworker of a shared client sees the support (what was issued, and its report).
 */
export const ISSUED_STATES = [
  'issued',
  'reported',
  'report_approved',
  'withheld',
] as const satisfies readonly RequestState[];

export function isIssuedState(s: RequestState): boolean {
  return (ISSUED_STATES as readonly RequestState[]).includes(s);
}

/**
 * F6: the states whose amount counts toward the client's ERFS total over the EAP. Everything asked
 * for and not abandoned: a support waiting for approval already claims its share (otherwise two
 * requests of $2,000 filed the same day would each pass the $3,500 test). Not `draft` (nothing is
 * asked yet), not `cancelled`, and not `withheld` (the SSM does not fund it, so it is not ERFS).
 */
export const LIVE_REQUEST_STATES = [
  'requested',
  'pre_approval_pending',
  'approved',
  'issued',
  'reported',
  'report_approved',
] as const satisfies readonly RequestState[];

export function isLiveRequestState(s: RequestState): boolean {
  return (LIVE_REQUEST_STATES as readonly RequestState[]).includes(s);
}

/** F3: approved, not yet issued: committed money. */
export const COMMITTED_STATES = ['approved'] as const satisfies readonly RequestState[];
/** F3: issued and not withheld: spent money. */
export const SPENT_STATES = [
  'issued',
  'reported',
  'report_approved',
] as const satisfies readonly RequestState[];

/** F13: what a purchase was, as far as evidence rules care. */
export const PURCHASE_FORMS = ['goods_or_services', 'gift_card', 'gas_card', 'debt_payment'] as const;
export type PurchaseForm = (typeof PURCHASE_FORMS)[number];

/** F13: from whom it was bought; purchases from individuals are not eligible. */
export const SELLER_KINDS = ['business', 'individual'] as const;
export type SellerKind = (typeof SELLER_KINDS)[number];

/**
 * F13: documents attached to a report. Only the first two are ever evidence of expenditure; the
 * others are listed so the refusal can say what was wrong with what was attached.
 */
export const EVIDENCE_KINDS = [
  /** An itemized receipt (for a gift card: of what was bought with it). */
  'itemized_receipt',
  /** Employer supports: the employer's itemized invoice (wages, training costs) for the placement. */
  'employer_invoice',
  /** The receipt for buying a gift or gas card itself (enough for a gas card only). */
  'card_purchase_receipt',
  /** A credit or debit card slip without the itemized receipt. */
  'card_slip',
  /** A screenshot of an account or of a payment. */
  'account_screenshot',
  /** A handwritten receipt (typically from an individual, e.g. an online buy-and-sell group). */
  'handwritten_receipt',
  /** F13/F10: the Training Incentive Placement Agreement, required with every employer-support report. */
  'placement_agreement',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** F11: why the SSM may withhold reimbursement (labels in `withholding.ts`). */
export const WITHHOLD_REASONS = [
  'missing_or_improper_evidence',
  'no_evidence_of_need',
  'not_in_line_with_guidelines',
  'pre_approval_missing',
  'ministry_does_not_reimburse',
  'malfeasance_review',
] as const;
export type WithholdReason = (typeof WITHHOLD_REASONS)[number];

/** F10: the seven employer eligibility criteria of §13, in its order (labels in `employers.ts`). */
export const EMPLOYER_CHECKLIST_ITEMS = [
  'licensed_in_ontario',
  'compliant_and_insured',
  'not_ssm_or_eo_provider',
  'not_hiring_family',
  'not_otherwise_funded',
  'wsib_and_liability_insurance',
  'not_replacing_staff',
] as const;
export type EmployerChecklistItem = (typeof EMPLOYER_CHECKLIST_ITEMS)[number];

/** F10: how a site visit was made; only in-person visits satisfy the rule. */
export const SITE_VISIT_MODES = ['in_person', 'virtual', 'phone'] as const;
export type SiteVisitMode = (typeof SITE_VISIT_MODES)[number];

/** F10: what must be in place before a placement (see `placementReadiness`). */
export const PLACEMENT_REQUIREMENTS = [
  'eligibility_check',
  'site_visit',
  'placement_agreement',
  'client_consent',
  'employer_registration',
] as const;
export type PlacementRequirement = (typeof PLACEMENT_REQUIREMENTS)[number];

/** F8: the two uses of the ODSP Client Reserve. */
export const ODSP_RESERVE_USES = ['workplace_accommodation', 'specialized_diagnostic_assessment'] as const;
export type OdspReserveUse = (typeof ODSP_RESERVE_USES)[number];

/** F13: where a support's report stands on a given day. */
export const REPORT_STATES = ['due', 'overdue', 'reported', 'reported_late'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The rule ids this module cites. */
export type SupportRuleId = 'F1' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10' | 'F11' | 'F13';

/** A rule a request breaks, ready to show in either language (like `MonitoringProblem`). */
export interface SupportProblem {
  rule: SupportRuleId;
  code: string;
  en: string;
  fr: string;
}
