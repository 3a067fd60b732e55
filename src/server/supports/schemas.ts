/**
 * The supports and budgets API (F1–F13, I3): request bodies checked at the edge and the views the
 * routes send. The OpenAPI document is generated from these.
 */
import { z } from 'zod';
import { SERVICE_LEVELS } from '../../domain/assessment/types.js';
import { EVIDENCE_CONTENT_TYPES } from '../../domain/monitoring/types.js';
import { SELF_IDENTIFICATION } from '../../domain/people/specialized-populations.js';
import { PRE_APPROVAL_REASONS } from '../../domain/supports/pre-approval.js';
import {
  EMPLOYER_SUPPORT_USES,
  EVIDENCE_KINDS,
  FUNDING_SOURCES,
  ODSP_RESERVE_USES,
  PURCHASE_FORMS,
  REPORT_STATES,
  REQUEST_STATES,
  SELLER_KINDS,
  SUPPORT_CATEGORIES,
  SUPPORT_KINDS,
  WITHHOLD_REASONS,
} from '../../domain/supports/types.js';
import { isoDate, queryInt, timestamp, uuidParam } from '../http/common.js';

export const PAYMENT_METHODS = ['cheque', 'eft', 'purchase_card', 'purchase_order', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const SUPPORT_ACTIONS = [
  'pre_approve',
  'refuse',
  'issue',
  'upload_evidence',
  'report',
  'approve_report',
  'withhold',
  'lift_withholding',
  'cancel',
] as const;
export type SupportAction = (typeof SUPPORT_ACTIONS)[number];

export const planParams = z.object({ planId: uuidParam });
export const clientParams = z.object({ clientId: uuidParam });
export const supportParams = z.object({ supportId: uuidParam });
export const supportEvidenceParams = z.object({ supportEvidenceId: uuidParam });
/** A fiscal year by its starting calendar year (1 April–31 March). */
const fiscalYear = queryInt(2000, 2199).describe(
  'Fiscal year by its starting year: 2026 = 1 April 2026–31 March 2027',
);
/**
 * The fiscal year in a path is read by the service (a year that is not one is a 404, as an unknown
 * path is), so a malformed organization id and a malformed year are told apart from a malformed body.
 */
export const budgetParams = z.object({
  organizationId: uuidParam,
  fiscalYear: z.string().min(1).max(40).describe('Fiscal year by its starting year, e.g. 2026'),
});
export const budgetQuery = z.object({ fiscalYear: fiscalYear.optional() });

/** Integer cents of one support: at least a cent, at most $100,000.00. */
const amountCents = z.number().int().min(1).max(10_000_000);
const text = (max: number) => z.string().trim().min(1).max(max);

/** F4: the principles a request answers (the link to the plan is `planGoalOrdinal`/`planItemId`). */
export const justificationInput = z.object({
  evidenceOfNeed: z.string().max(4000),
  whyCouldNotPay: z.string().max(4000),
  reasonableCost: z.string().max(4000),
  barrierTemporary: z.boolean(),
  noOtherFundingSource: z.boolean(),
});

/** F8: what the caseworker declares for the ODSP Client Reserve. */
export const odspDeclarationsInput = z.object({
  infoNotObtainableOtherwise: z.boolean().optional(),
  byProfessional: z.boolean().optional(),
  writtenConsent: z.boolean().optional(),
  owedByEmployer: z.boolean().nullable().optional(),
});

export const supportBody = z.object({
  kind: z.literal('client'),
  category: z.enum(SUPPORT_CATEGORIES),
  description: text(2000),
  vendorName: text(200),
  sellerKind: z.enum(SELLER_KINDS),
  purchaseForm: z.enum(PURCHASE_FORMS),
  amountCents,
  /** F6: the expense pays an existing debt (declared). */
  servicesDebt: z.boolean(),
  /** F5: training or childcare first and last day. */
  periodFrom: isoDate.nullable().optional(),
  periodTo: isoDate.nullable().optional(),
  /** F5: the employer provides this PPE (declared; not eligible). */
  employerProvidesPpe: z.boolean().optional(),
  /** F4 principle 2: the plan goal or item the barrier is linked to. */
  planGoalOrdinal: z
    .union([z.literal(1), z.literal(2)])
    .nullable()
    .optional(),
  planItemId: z.uuid().nullable().optional(),
  justification: justificationInput,
  /** F9: coordination with the SA caseworker (SA clients). */
  saCoordinationNote: z.string().max(4000).nullable().optional(),
  plannedIssueOn: isoDate,
  fundingSource: z.enum(FUNDING_SOURCES).optional(),
  odspReserveUse: z.enum(ODSP_RESERVE_USES).nullable().optional(),
  odspDeclarations: odspDeclarationsInput.optional(),
});
export type SupportBody = z.infer<typeof supportBody>;

export const preApprovalBody = z.object({
  decision: z.enum(['approve', 'refuse']),
  note: z.string().trim().max(4000).optional(),
});

export const issueBody = z.object({
  issuedOn: isoDate,
  paymentMethod: z.enum(PAYMENT_METHODS),
  paymentReference: z.string().trim().max(200).optional(),
});

export const supportEvidenceBody = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  fileName: text(255),
  contentType: z.enum(EVIDENCE_CONTENT_TYPES),
  /** Standard base64 (checked by the service); at most 5 MB once decoded. */
  contentBase64: z.string().min(4).max(7_200_000),
});

export const reportBody = z.object({ note: z.string().trim().max(4000).optional() });

export const reviewBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('withhold'), reason: z.enum(WITHHOLD_REASONS), note: text(4000) }),
]);

export const cancelBody = z.object({ reason: text(2000) });

export const budgetBody = z.object({
  basePerClientCents: z.number().int().min(0).max(100_000_000),
  clientVolume: z.number().int().min(0).max(1_000_000),
  operationalCents: z.number().int().min(0).max(1_000_000_000_000),
  reallocationCents: z.number().int().min(0).max(1_000_000_000_000),
  odspReserveCents: z.number().int().min(0).max(1_000_000_000_000).nullable(),
});

// ---- Views ----

const problem = z.object({ rule: z.string(), code: z.string(), en: z.string(), fr: z.string() });

export const supportViewSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    clientId: z.uuid(),
    clientName: z.string().nullable(),
    planId: z.uuid().nullable(),
    planReference: z.string().nullable(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    kind: z.enum(SUPPORT_KINDS),
    category: z.enum(SUPPORT_CATEGORIES).nullable(),
    employerUse: z.enum(EMPLOYER_SUPPORT_USES).nullable(),
    fundingSource: z.enum(FUNDING_SOURCES),
    odspReserveUse: z.enum(ODSP_RESERVE_USES).nullable(),
    description: z.string(),
    vendorName: z.string(),
    sellerKind: z.enum(SELLER_KINDS),
    purchaseForm: z.enum(PURCHASE_FORMS),
    amountCents: z.number().int(),
    servicesDebt: z.boolean(),
    periodFrom: isoDate.nullable(),
    periodTo: isoDate.nullable(),
    employerProvidesPpe: z.boolean(),
    planGoalOrdinal: z.union([z.literal(1), z.literal(2)]).nullable(),
    planItemId: z.uuid().nullable(),
    planItemTitle: z.string().nullable(),
    /** I3: null for the SA caseworker. */
    justification: z
      .object({
        evidenceOfNeed: z.string(),
        whyCouldNotPay: z.string(),
        reasonableCost: z.string(),
        barrierTemporary: z.boolean(),
        noOtherFundingSource: z.boolean(),
      })
      .nullable(),
    saCoordinationNote: z.string().nullable(),
    plannedIssueOn: isoDate,
    state: z.enum(REQUEST_STATES),
    preApprovalReasons: z.array(z.enum(PRE_APPROVAL_REASONS)),
    requestedAt: timestamp,
    requestedByName: z.string().nullable(),
    approvedOn: isoDate.nullable(),
    preApprovedAt: timestamp.nullable(),
    preApprovedByName: z.string().nullable(),
    preApprovalNote: z.string().nullable(),
    issuedOn: isoDate.nullable(),
    paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
    paymentReference: z.string().nullable(),
    reportDueOn: isoDate.nullable(),
    reportState: z.enum(REPORT_STATES).nullable(),
    reportedOn: isoDate.nullable(),
    reportNote: z.string().nullable(),
    evidence: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(EVIDENCE_KINDS),
        /** I3: the SA caseworker gets the kind and the time only. */
        fileName: z.string().nullable(),
        contentType: z.enum(EVIDENCE_CONTENT_TYPES).nullable(),
        byteSize: z.number().int().nullable(),
        uploadedAt: timestamp,
        uploadedByName: z.string().nullable(),
      }),
    ),
    evidenceProblems: z.array(problem),
    reviewedAt: timestamp.nullable(),
    reviewedByName: z.string().nullable(),
    withholdReason: z.enum(WITHHOLD_REASONS).nullable(),
    reviewNote: z.string().nullable(),
    suggestedWithholdReasons: z.array(z.enum(WITHHOLD_REASONS)),
    cancelledAt: timestamp.nullable(),
    cancelReason: z.string().nullable(),
    placementId: z.uuid().nullable(),
    actions: z.array(z.enum(SUPPORT_ACTIONS)),
  })
  .meta({ id: 'SupportView' });
export type SupportView = z.infer<typeof supportViewSchema>;

export const clientFlagsSchema = z.object({
  saProgram: z.enum(['ow', 'odsp']).nullable(),
  disabilitySelfIdentification: z.enum(SELF_IDENTIFICATION).nullable(),
  statusQuo: z.boolean(),
  serviceLevel: z.enum(SERVICE_LEVELS).nullable(),
});

export const planSupportsSchema = z.object({
  supports: z.array(supportViewSchema),
  /**
   * Whether this reader may request a support on the plan today; when the client cannot receive one
   * (F1: self-directed, plan not open), the rules that stop it, so the page says why.
   */
  requesting: z.object({ allowed: z.boolean(), problems: z.array(problem) }),
  /** F6: the live ERFS total of the plan's supports. */
  planTotalCents: z.number().int(),
  thresholds: z.object({ itemCents: z.number().int(), planTotalCents: z.number().int() }),
  clientFlags: clientFlagsSchema,
  goals: z.array(z.object({ ordinal: z.union([z.literal(1), z.literal(2)]), title: z.string() })),
  items: z.array(
    z.object({
      id: z.uuid(),
      /** The catalogue's English and French names; a custom item's own title in both. */
      title: z.string(),
      titleFr: z.string(),
      goalOrdinal: z.union([z.literal(1), z.literal(2)]),
    }),
  ),
});
export type PlanSupports = z.infer<typeof planSupportsSchema>;

export const clientSupportsSchema = z.object({
  supports: z.array(supportViewSchema),
  /** F6 (status-quo clients: their supports outside any plan). */
  planTotalCents: z.number().int(),
  clientFlags: clientFlagsSchema,
});

export const previewSchema = z.object({
  preApprovalReasons: z.array(z.enum(PRE_APPROVAL_REASONS)),
  problems: z.array(problem),
  planTotalCents: z.number().int(),
});

export const approvalsSchema = z.object({
  preApprovals: z.array(supportViewSchema),
  reports: z.array(supportViewSchema),
});

const totals = z.object({
  pendingCents: z.number().int(),
  committedCents: z.number().int(),
  spentCents: z.number().int(),
  withheldCents: z.number().int(),
});

export const budgetRowSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    configured: z.boolean(),
    basePerClientCents: z.number().int(),
    clientVolume: z.number().int(),
    operationalCents: z.number().int(),
    reallocationCents: z.number().int(),
    maxReallocationCents: z.number().int(),
    odspReserveCents: z.number().int().nullable(),
    position: z.object({
      fiscalYear: z.number().int(),
      allocationCents: z.number().int(),
      erfs: totals,
      ofWhichStatusQuo: totals,
      remainingCents: z.number().int(),
      returnableCents: z.number().int(),
      odspReserve: totals,
      odspReserveRemainingCents: z.number().int().nullable(),
    }),
    statusQuoByQuarter: z.object({ 1: totals, 2: totals, 3: totals, 4: totals }),
    yearEnded: z.boolean(),
  })
  .meta({ id: 'BudgetRow' });
export type BudgetRow = z.infer<typeof budgetRowSchema>;

export const budgetsSchema = z.object({ fiscalYear: z.number().int(), providers: z.array(budgetRowSchema) });
