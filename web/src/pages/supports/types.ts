/**
 * What the supports API sends and takes (the zod schemas of src/server/supports/schemas.ts). The vocabularies are the
 * domain's own lists (src/domain/supports/types.ts), so a value the API can send always has a label.
 */
import type { BudgetPosition, BudgetTotals } from '../../../../src/domain/supports/budgets.js';
import type { PreApprovalReason } from '../../../../src/domain/supports/pre-approval.js';
import type {
  EmployerSupportUse,
  EvidenceKind,
  FundingSource,
  OdspReserveUse,
  PurchaseForm,
  ReportState,
  RequestState,
  SellerKind,
  SupportCategory,
  SupportKind,
  SupportProblem,
  WithholdReason,
} from '../../../../src/domain/supports/types.js';
import type { SelfIdentification } from '../../types.js';

export {
  CLIENT_SUPPORT_CATEGORIES,
  EVIDENCE_KINDS,
  ODSP_RESERVE_USES,
  PURCHASE_FORMS,
  REPORT_STATES,
  REQUEST_STATES,
  SELLER_KINDS,
  SUPPORT_CATEGORIES,
  WITHHOLD_REASONS,
} from '../../../../src/domain/supports/types.js';
export { PRE_APPROVAL_REASONS } from '../../../../src/domain/supports/pre-approval.js';
export type {
  BudgetPosition,
  BudgetTotals,
  EmployerSupportUse,
  EvidenceKind,
  FundingSource,
  OdspReserveUse,
  PreApprovalReason,
  PurchaseForm,
  ReportState,
  RequestState,
  SellerKind,
  SupportCategory,
  SupportKind,
  SupportProblem,
  WithholdReason,
};

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

/** The F4 principles a request answers (the fifth, the link to the plan, is its own field). */
export interface Justification {
  evidenceOfNeed: string;
  whyCouldNotPay: string;
  reasonableCost: string;
  barrierTemporary: boolean;
  noOtherFundingSource: boolean;
}

export interface SupportEvidence {
  id: string;
  kind: EvidenceKind;
  /** I3: the SA caseworker gets the kind and the time only. */
  fileName?: string | null;
  contentType?: string | null;
  byteSize?: number | null;
  uploadedAt: string;
  uploadedByName?: string | null;
}

export interface SupportView {
  id: string;
  reference: string;
  clientId: string;
  clientName: string | null;
  planId: string | null;
  planReference: string | null;
  organizationId: string;
  organizationName: string;
  kind: SupportKind;
  category: SupportCategory | null;
  employerUse: EmployerSupportUse | null;
  fundingSource: FundingSource;
  odspReserveUse: OdspReserveUse | null;
  description: string;
  vendorName: string;
  sellerKind: SellerKind;
  purchaseForm: PurchaseForm;
  amountCents: number;
  servicesDebt: boolean;
  periodFrom: string | null;
  periodTo: string | null;
  employerProvidesPpe: boolean;
  planGoalOrdinal: 1 | 2 | null;
  planItemId: string | null;
  planItemTitle: string | null;
  /** I3: left out for the SA caseworker. */
  justification?: Justification | null;
  saCoordinationNote?: string | null;
  plannedIssueOn: string;
  state: RequestState;
  preApprovalReasons: PreApprovalReason[];
  requestedAt: string;
  requestedByName: string | null;
  approvedOn: string | null;
  preApprovedAt: string | null;
  preApprovedByName: string | null;
  preApprovalNote?: string | null;
  issuedOn: string | null;
  paymentMethod: PaymentMethod | null;
  paymentReference: string | null;
  reportDueOn: string | null;
  reportState: ReportState | null;
  reportedOn: string | null;
  reportNote?: string | null;
  evidence: SupportEvidence[];
  evidenceProblems: SupportProblem[];
  reviewedAt: string | null;
  reviewedByName: string | null;
  withholdReason: WithholdReason | null;
  reviewNote?: string | null;
  suggestedWithholdReasons: WithholdReason[];
  cancelledAt: string | null;
  cancelReason: string | null;
  placementId: string | null;
  actions: SupportAction[];
}

export type SaProgramFlag = 'ow' | 'odsp' | null;

export interface PlanSupports {
  supports: SupportView[];
  /** F1: whether the reader may request a support now, and what stops it. */
  requesting: { allowed: boolean; problems: SupportProblem[] };
  planTotalCents: number;
  thresholds: { itemCents: number; planTotalCents: number };
  clientFlags: {
    saProgram: SaProgramFlag;
    disabilitySelfIdentification: SelfIdentification | null;
    statusQuo: boolean;
    serviceLevel: string | null;
  };
  goals: { ordinal: 1 | 2; title: string }[];
  /** `title` in English, `titleFr` in French (the catalogue's two names). */
  items: { id: string; title: string; titleFr: string; goalOrdinal: 1 | 2 }[];
}

export interface OdspDeclarations {
  infoNotObtainableOtherwise?: boolean;
  byProfessional?: boolean;
  writtenConsent?: boolean;
  owedByEmployer?: boolean | null;
}

/** POST /plans/:planId/supports (and /preview). */
export interface SupportRequestInput {
  kind: 'client';
  category: SupportCategory;
  description: string;
  vendorName: string;
  sellerKind: SellerKind;
  purchaseForm: PurchaseForm;
  amountCents: number;
  servicesDebt: boolean;
  periodFrom?: string | null;
  periodTo?: string | null;
  employerProvidesPpe?: boolean;
  planGoalOrdinal?: 1 | 2 | null;
  planItemId?: string | null;
  justification: Justification;
  saCoordinationNote?: string | null;
  plannedIssueOn: string;
  fundingSource?: FundingSource;
  odspReserveUse?: OdspReserveUse | null;
  odspDeclarations?: OdspDeclarations;
}

export interface SupportPreview {
  preApprovalReasons: PreApprovalReason[];
  problems: SupportProblem[];
  planTotalCents: number;
}

export interface SupportApprovals {
  preApprovals: SupportView[];
  reports: SupportView[];
}

export interface IssueInput {
  issuedOn: string;
  paymentMethod: PaymentMethod;
  paymentReference?: string;
}

export interface SupportEvidenceInput {
  kind: EvidenceKind;
  fileName: string;
  contentType: string;
  contentBase64: string;
}

export type ReviewInput =
  { decision: 'approve' } | { decision: 'withhold'; reason: WithholdReason; note: string };

export interface BudgetRow {
  organizationId: string;
  organizationName: string;
  configured: boolean;
  basePerClientCents: number;
  clientVolume: number;
  operationalCents: number;
  reallocationCents: number;
  maxReallocationCents: number;
  odspReserveCents: number | null;
  position: BudgetPosition;
  statusQuoByQuarter: Record<1 | 2 | 3 | 4, BudgetTotals>;
  yearEnded: boolean;
}

export interface Budgets {
  fiscalYear: number;
  providers: BudgetRow[];
}

export interface BudgetInput {
  basePerClientCents: number;
  clientVolume: number;
  operationalCents: number;
  reallocationCents: number;
  odspReserveCents: number | null;
}
