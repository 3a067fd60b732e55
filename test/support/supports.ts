import type { LightMyRequestResponse } from 'fastify';
import { torontoDateOf } from './plans.js';
import { SAMPLE_FILES } from './monitoring.js';
import type { Session, World } from './world.js';

/** Financial-support helpers: request bodies, evidence bodies and a few API steps (F1–F13). */

/** The five F4 principles answered (synthetic text). */
export const JUSTIFICATION = {
  evidenceOfNeed: 'Starts a warehouse job on Monday; safety footwear is required on the floor.',
  whyCouldNotPay: 'No income until the first pay.',
  reasonableCost: 'Two quotes; this is the lower one.',
  barrierTemporary: true,
  noOtherFundingSource: true,
};

/** The day the app's clock says, as the API counts it. */
export const appToday = (world: World) => torontoDateOf(world.clockOverride() ?? new Date());

/** A complete client-support request (F4 linked to goal 1), planned for the app's today. */
export function supportRequest(world: World, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'client',
    category: 'special_equipment_supplies',
    description: 'CSA work boots',
    vendorName: 'Safety Footwear Ltd.',
    sellerKind: 'business',
    purchaseForm: 'goods_or_services',
    amountCents: 15_000,
    servicesDebt: false,
    planGoalOrdinal: 1,
    justification: JUSTIFICATION,
    plannedIssueOn: appToday(world),
    ...extra,
  };
}

/** The issue's two examples: a $1,200 laptop (needs SSM pre-approval) and $150 work boots (does not). */
export const laptop = (world: World, extra: Record<string, unknown> = {}) =>
  supportRequest(world, {
    category: 'technology',
    description: 'Laptop for the online certificate course',
    vendorName: 'Computer Store Inc.',
    amountCents: 120_000,
    ...extra,
  });
export const boots = (world: World, extra: Record<string, unknown> = {}) => supportRequest(world, extra);

export interface SupportViewLike {
  id: string;
  reference: string;
  state: string;
  planId: string | null;
  amountCents: number;
  preApprovalReasons: string[];
  approvedOn: string | null;
  issuedOn: string | null;
  reportDueOn: string | null;
  reportState: string | null;
  reportedOn: string | null;
  justification: unknown;
  saCoordinationNote: string | null;
  evidence: { id: string; kind: string; fileName: string | null; uploadedAt: string }[];
  evidenceProblems: { rule: string; code: string }[];
  withholdReason: string | null;
  suggestedWithholdReasons: string[];
  actions: string[];
}

export interface ProblemBody {
  status: number;
  code: string;
  rule?: string;
  messageFr?: string;
  errors?: { field: string; code?: string }[];
  problems?: { rule: string; code: string; en: string; fr: string }[];
  missing?: string[];
}

function expectStatus(res: LightMyRequestResponse, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

export async function requestSupport(
  world: World,
  as: Session,
  planId: string,
  body: Record<string, unknown>,
): Promise<SupportViewLike> {
  const res = await world.request(as, {
    method: 'POST',
    url: `/api/plans/${planId}/supports`,
    payload: body,
  });
  expectStatus(res, 201, 'support request');
  return res.json() as SupportViewLike;
}

/** One step on a support that must succeed (200), returning the view. */
export async function supportStep(
  world: World,
  as: Session,
  supportId: string,
  step: 'pre-approval' | 'issue' | 'evidence' | 'report' | 'review' | 'cancel',
  body: Record<string, unknown> = {},
): Promise<SupportViewLike> {
  const res = await world.request(as, {
    method: 'POST',
    url: `/api/supports/${supportId}/${step}`,
    payload: body,
  });
  expectStatus(res, 200, `support ${step}`);
  return res.json() as SupportViewLike;
}

export const issueBody = (issuedOn: string, extra: Record<string, unknown> = {}) => ({
  issuedOn,
  paymentMethod: 'purchase_card',
  ...extra,
});

/** A document attached to a support's report (F13), PDF by default. */
export const receiptBody = (kind = 'itemized_receipt', extra: Record<string, unknown> = {}) => ({
  kind,
  fileName: `${kind.replace(/_/g, '-')}.pdf`,
  contentType: 'application/pdf',
  contentBase64: SAMPLE_FILES.pdf.toString('base64'),
  ...extra,
});

/** Requested, issued on the app's today, receipted and reported: ready for the SSM's review. */
export async function reportedSupport(
  world: World,
  as: Session,
  planId: string,
  body: Record<string, unknown>,
): Promise<SupportViewLike> {
  const s = await requestSupport(world, as, planId, body);
  if (s.state !== 'approved') throw new Error(`expected approved, got ${s.state}`);
  await supportStep(world, as, s.id, 'issue', issueBody(appToday(world)));
  await supportStep(world, as, s.id, 'evidence', receiptBody());
  return supportStep(world, as, s.id, 'report', {});
}

export interface BudgetRowLike {
  organizationId: string;
  configured: boolean;
  position: {
    allocationCents: number;
    erfs: { pendingCents: number; committedCents: number; spentCents: number; withheldCents: number };
    ofWhichStatusQuo: { spentCents: number };
    remainingCents: number;
    returnableCents: number;
  };
  statusQuoByQuarter: Record<'1' | '2' | '3' | '4', { spentCents: number; committedCents: number }>;
  yearEnded: boolean;
  maxReallocationCents: number;
}

export async function budgetOf(
  world: World,
  as: Session,
  organizationId: string,
  fiscalYear: number,
): Promise<BudgetRowLike> {
  const res = await world.request(as, {
    method: 'GET',
    url: '/api/budgets',
    query: { fiscalYear: String(fiscalYear) },
  });
  expectStatus(res, 200, 'budgets');
  const row = (res.json() as { providers: BudgetRowLike[] }).providers.find(
    (p) => p.organizationId === organizationId,
  );
  if (!row) throw new Error(`no budget row for ${organizationId}`);
  return row;
}

/** A provider's allocation: $100 × 100 clients + $500 reallocated from $10,000 of operations. */
export const BUDGET = {
  basePerClientCents: 10_000,
  clientVolume: 100,
  operationalCents: 1_000_000,
  reallocationCents: 50_000,
  odspReserveCents: null,
};
