/**
 * Financial supports (F1–F13, I3): the caseworker requests a support on the client's EAP (or, for a
 * status-quo client, outside any plan), the SSM pre-approves what F6 says it must, the provider
 * issues it, reports it with its evidence, and the SSM reviews the report (F11). The rules are the
 * pure functions of `src/domain/supports`; this module gathers the facts, refuses what the rules
 * refuse, and writes each step with its plan event and audit in one transaction. Personal text (what
 * is bought, the F4 answers, notes) is sealed with the client's key and never logged.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Database, Queryable, Transaction } from '../../db/connection.js';
import { displayNameOf } from '../../db/repositories/case-management.js';
import { userNames } from '../../db/repositories/monitoring.js';
import { goalsOf, itemsOf, subGoalsOf, type PlanRow } from '../../db/repositories/plans.js';
import {
  evidenceOfSupports,
  findVisibleClientForSupport,
  findVisibleSupport,
  insertSupport,
  insertSupportEvidence,
  lockClient,
  lockPlan,
  nextSupportReference,
  planById,
  planRecipientFacts,
  statusQuoSupportAmounts,
  supportAmountsOfPlan,
  supportEvidenceById,
  supportsInStates,
  supportsOfClient,
  supportsOfPlan,
  updateSupportFrom,
  type SupportEvidenceRow,
  type SupportInsert,
  type VisibleSupport,
} from '../../db/repositories/supports.js';
import { clientVisibility, hasPermission } from '../../domain/access/policy.js';
import type { ServiceLevel } from '../../domain/assessment/types.js';
import { compareIsoDates, torontoDate, type IsoDate } from '../../domain/calendar/index.js';
import { EVIDENCE_MAX_BYTES, type EvidenceContentType } from '../../domain/monitoring/types.js';
import type {
  SelfIdentification,
  SpecializedPopulationAnswers,
} from '../../domain/people/specialized-populations.js';
import type { PlanStatus } from '../../domain/plan/types.js';
import { categoryProblems } from '../../domain/supports/categories.js';
import {
  needJustificationProblems,
  odspReserveProblems,
  recipientProblems,
  saCoordinationProblems,
} from '../../domain/supports/eligibility.js';
import {
  planTotalCents,
  preApprovalReasons,
  THRESHOLDS,
  type PlanSupport,
  type PreApprovalReason,
} from '../../domain/supports/pre-approval.js';
import { evidenceProblems, reportDueOn, reportState } from '../../domain/supports/reporting.js';
import { isIssuedState, statesThatMayBecome } from '../../domain/supports/types.js';
import type {
  EmployerSupportUse,
  FundingSource,
  OdspReserveUse,
  PurchaseForm,
  RequestState,
  SellerKind,
  SupportCategory,
  SupportKind,
  SupportProblem,
  WithholdReason,
} from '../../domain/supports/types.js';
import { isProvisionalWithholding, suggestedWithholdReasons } from '../../domain/supports/withholding.js';
import { audit, auditEach } from '../audit/record.js';
import { calendarFor } from '../calendar/service.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import {
  onEmployerSupportApproved,
  onEmployerSupportCancelled,
  placementReadinessOfSupport,
} from '../employers/service.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, invalid, notFound, ProblemError } from '../http/problem.js';
import { contentTypeMatches, isBase64 } from '../monitoring/service.js';
import { isSaViewer, planEventBy, planInScope } from '../monitoring/shared.js';
import { GOAL_TITLE_FIELD, CUSTOM_TITLE_FIELD } from '../plans/sealed-fields.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import type {
  PaymentMethod,
  PlanSupports,
  SupportAction,
  SupportView,
  clientSupportsSchema,
  issueBody,
  preApprovalBody,
  reportBody,
  reviewBody,
  supportEvidenceBody,
} from './schemas.js';
import type { z } from 'zod';

export interface SupportDeps {
  db: Database;
  crypto: PersonCrypto;
  now: () => Date;
  evidenceStore: EvidenceStore;
}

/** A support request as the service takes it, client (F5 category) or employer (F10 use). */
export interface SupportInput {
  kind: SupportKind;
  /** Client supports: the F5 category; employer supports: null. */
  category: SupportCategory | null;
  /** Employer supports: what it pays for; client supports: null. */
  employerUse: EmployerSupportUse | null;
  description: string;
  vendorName: string;
  sellerKind: SellerKind;
  purchaseForm: PurchaseForm;
  amountCents: number;
  servicesDebt: boolean;
  periodFrom?: IsoDate | null | undefined;
  periodTo?: IsoDate | null | undefined;
  employerProvidesPpe?: boolean | undefined;
  planGoalOrdinal?: 1 | 2 | null | undefined;
  planItemId?: string | null | undefined;
  justification: {
    evidenceOfNeed: string;
    whyCouldNotPay: string;
    reasonableCost: string;
    barrierTemporary: boolean;
    noOtherFundingSource: boolean;
  };
  saCoordinationNote?: string | null | undefined;
  plannedIssueOn: IsoDate;
  fundingSource?: FundingSource | undefined;
  odspReserveUse?: OdspReserveUse | null | undefined;
  odspDeclarations?:
    | {
        infoNotObtainableOtherwise?: boolean | undefined;
        byProfessional?: boolean | undefined;
        writtenConsent?: boolean | undefined;
        owedByEmployer?: boolean | null | undefined;
      }
    | undefined;
}

/** The field names bound into each ciphertext of a support, so one sealed value cannot stand in for another. */
export const SUPPORT_FIELDS = {
  description: 'support.description',
  evidenceOfNeed: 'support.evidence_of_need',
  whyCouldNotPay: 'support.why_could_not_pay',
  reasonableCost: 'support.reasonable_cost',
  saCoordinationNote: 'support.sa_coordination_note',
  preApprovalNote: 'support.pre_approval_note',
  reportNote: 'support.report_note',
  reviewNote: 'support.review_note',
  cancelReason: 'support.cancel_reason',
  evidenceFile: 'support.evidence_file',
  evidenceFileName: 'support.evidence_file_name',
} as const;

/** The lifecycle decides what may be cancelled (before issue) and reported (issued, or withheld to correct). */
const CANCELLABLE = statesThatMayBecome('cancelled');
const REPORTABLE = statesThatMayBecome('reported');

const today = (deps: { now: () => Date }) => torontoDate(deps.now());

/** Every problem of a list at once: the first one's rule, all of them in `problems` (and as field errors). */
function refuseAll(problems: readonly SupportProblem[], field = 'body') {
  const first = problems[0]!;
  return new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
    rule: first.rule,
    detail: problems.map((p) => `${p.rule}: ${p.en}`).join(' '),
    messageFr: problems.map((p) => `${p.rule} : ${p.fr}`).join(' '),
    errors: problems.map((p) => ({ field, message: `${p.rule}: ${p.en}`, code: p.code })),
    problems: problems.map(({ rule, code, en, fr }) => ({ rule, code, en, fr })),
  });
}

const stateConflict = (code: string, en: string, fr: string, rule?: string) =>
  conflict(code, rule ? `${rule}: ${en}` : en, {
    ...(rule ? { rule } : {}),
    messageFr: rule ? `${rule} : ${fr}` : fr,
  });

const movedOn = () =>
  stateConflict(
    'support_changed',
    'This support changed just now; reload it and try again.',
    'Ce soutien vient de changer; rechargez-le et réessayez.',
  );

// ---------------------------------------------------------------------------------------------
// Who may do what

/** The provider that requested the support acts on it (issue, evidence, report, cancel). */
const works = (ctx: RequestContext, s: { organizationId: string }) =>
  hasPermission(ctx.actor, 'support.request') && ctx.actor.organizationId === s.organizationId;

/** The SSM's managers and finance decide pre-approvals and review reports (F6, F11). */
const approves = (ctx: RequestContext) =>
  hasPermission(ctx.actor, 'support.approve') && ctx.actor.organizationKind === 'ssm';

/**
 * Whether the actor may see this support at all (the client's scope already holds): a provider sees
 * its own organization's supports, SA the issued ones of shared clients (I3), the SSM all.
 */
function mayView(ctx: RequestContext, s: { organizationId: string; state: RequestState }): boolean {
  if (isSaViewer(ctx)) return isIssuedState(s.state);
  if (ctx.actor.organizationKind === 'provider') return ctx.actor.organizationId === s.organizationId;
  return ctx.actor.organizationKind === 'ssm';
}

function actionsOf(ctx: RequestContext, s: VisibleSupport['support']): SupportAction[] {
  if (isSaViewer(ctx)) return [];
  const mine = works(ctx, s);
  const ssm = approves(ctx);
  const out: SupportAction[] = [];
  switch (s.state) {
    case 'pre_approval_pending':
      if (ssm) out.push('pre_approve', 'refuse');
      if (mine) out.push('cancel');
      break;
    case 'requested':
      if (mine) out.push('cancel');
      break;
    case 'approved':
      if (mine) out.push('issue', 'cancel');
      break;
    case 'issued':
      if (mine) out.push('upload_evidence', 'report');
      break;
    case 'withheld': {
      // F11: a withholding pending a malfeasance review waits on the SSM's review, not on a corrected report.
      const provisional = s.withholdReason !== null && isProvisionalWithholding(s.withholdReason);
      if (mine) out.push('upload_evidence', ...(provisional ? [] : (['report'] as const)));
      if (ssm && provisional) out.push('lift_withholding');
      break;
    }
    case 'reported':
      if (ssm) out.push('approve_report', 'withhold');
      break;
    default:
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The view

const keyOfSupport = (crypto: PersonCrypto, row: { client: { id: string }; wrappedKey: Buffer | null }) =>
  PersonalDataKey.open(crypto, row.client.id, row.wrappedKey);

/** F13: what is wrong with the evidence attached to an issued support; [] before issue. */
function evidenceProblemsOf(s: VisibleSupport['support'], evidence: readonly SupportEvidenceRow[]) {
  if (!isIssuedState(s.state)) return [];
  return evidenceProblems({
    supportKind: s.kind,
    purchase: s.purchaseForm,
    seller: s.sellerKind,
    documents: evidence.map((e) => e.kind),
    ssmPreApproved: s.preApprovedAt !== null,
  });
}

async function buildViews(
  q: Queryable,
  deps: Pick<SupportDeps, 'crypto' | 'now'>,
  ctx: RequestContext,
  rows: readonly VisibleSupport[],
): Promise<SupportView[]> {
  const evidence = await evidenceOfSupports(
    q,
    rows.map((r) => r.support.id),
  );
  const names = await userNames(q, [
    ...rows.flatMap((r) =>
      [r.support.requestedByUserId, r.support.preApprovedByUserId, r.support.reviewedByUserId].filter(
        (x): x is string => x !== null,
      ),
    ),
    ...evidence.map((e) => e.uploadedByUserId),
  ]);
  const itemTitles = new Map<string, string>();
  for (const planId of new Set(rows.map((r) => r.support.planId).filter((x): x is string => x !== null))) {
    const row = rows.find((r) => r.support.planId === planId)!;
    const key = keyOfSupport(deps.crypto, row);
    for (const i of await itemsOf(q, planId))
      itemTitles.set(
        i.item.id,
        i.catalogue ? i.catalogue.nameEn : (key.openText(CUSTOM_TITLE_FIELD, i.item.customTitleSealed) ?? ''),
      );
  }
  const day = today(deps);
  const sa = isSaViewer(ctx);
  return rows.map((row) => {
    const s = row.support;
    const key = keyOfSupport(deps.crypto, row);
    // I3/I2: the SA caseworker sees what was issued and that it was reported, not the provider's reasoning.
    const open = (field: string, sealed: Buffer | null) => (sa ? null : key.openText(field, sealed));
    const files = evidence.filter((e) => e.supportId === s.id);
    const problems = evidenceProblemsOf(s, files);
    return {
      id: s.id,
      reference: s.reference,
      clientId: s.clientId,
      clientName: row.client.purgedAt ? null : displayNameOf(row.client),
      planId: s.planId,
      planReference: row.planReference,
      organizationId: s.organizationId,
      organizationName: row.organizationName,
      kind: s.kind,
      category: s.category,
      employerUse: s.employerUse,
      fundingSource: s.fundingSource,
      odspReserveUse: s.odspReserveUse,
      description: key.openText(SUPPORT_FIELDS.description, s.descriptionSealed) ?? '',
      vendorName: s.vendorName,
      sellerKind: s.sellerKind,
      purchaseForm: s.purchaseForm,
      amountCents: s.amountCents,
      servicesDebt: s.servicesDebt,
      periodFrom: s.periodFrom,
      periodTo: s.periodTo,
      employerProvidesPpe: s.employerProvidesPpe,
      planGoalOrdinal: s.planGoalOrdinal === 1 || s.planGoalOrdinal === 2 ? s.planGoalOrdinal : null,
      planItemId: s.planItemId,
      planItemTitle: s.planItemId ? (itemTitles.get(s.planItemId) ?? null) : null,
      justification: sa
        ? null
        : {
            evidenceOfNeed: key.openText(SUPPORT_FIELDS.evidenceOfNeed, s.evidenceOfNeedSealed) ?? '',
            whyCouldNotPay: key.openText(SUPPORT_FIELDS.whyCouldNotPay, s.whyCouldNotPaySealed) ?? '',
            reasonableCost: key.openText(SUPPORT_FIELDS.reasonableCost, s.reasonableCostSealed) ?? '',
            barrierTemporary: s.barrierTemporary,
            noOtherFundingSource: s.noOtherFundingSource,
          },
      saCoordinationNote: open(SUPPORT_FIELDS.saCoordinationNote, s.saCoordinationNoteSealed),
      plannedIssueOn: s.plannedIssueOn,
      state: s.state,
      preApprovalReasons: s.preApprovalReasons,
      requestedAt: s.requestedAt.toISOString(),
      requestedByName: names.get(s.requestedByUserId) ?? null,
      approvedOn: s.approvedOn,
      preApprovedAt: s.preApprovedAt?.toISOString() ?? null,
      preApprovedByName: s.preApprovedByUserId ? (names.get(s.preApprovedByUserId) ?? null) : null,
      preApprovalNote: open(SUPPORT_FIELDS.preApprovalNote, s.preApprovalNoteSealed),
      issuedOn: s.issuedOn,
      paymentMethod: s.paymentMethod as PaymentMethod | null,
      paymentReference: sa ? null : s.paymentReference,
      reportDueOn: s.reportDueOn,
      reportState: s.reportDueOn ? reportState(s.reportDueOn, day, s.reportedOn) : null,
      reportedOn: s.reportedOn,
      reportNote: open(SUPPORT_FIELDS.reportNote, s.reportNoteSealed),
      evidence: files.map((e) => ({
        id: e.id,
        kind: e.kind,
        fileName: sa ? null : key.openText(SUPPORT_FIELDS.evidenceFileName, e.fileNameSealed),
        contentType: sa ? null : e.contentType,
        byteSize: sa ? null : e.byteSize,
        uploadedAt: e.uploadedAt.toISOString(),
        uploadedByName: sa ? null : (names.get(e.uploadedByUserId) ?? null),
      })),
      evidenceProblems: problems,
      reviewedAt: s.reviewedAt?.toISOString() ?? null,
      reviewedByName: s.reviewedByUserId ? (names.get(s.reviewedByUserId) ?? null) : null,
      withholdReason: s.withholdReason,
      reviewNote: open(SUPPORT_FIELDS.reviewNote, s.reviewNoteSealed),
      // F11: what the reviewer is offered first; the SSM decides.
      suggestedWithholdReasons:
        s.state === 'reported' && !sa
          ? suggestedWithholdReasons(problems, s.preApprovalReasons.length > 0 && s.preApprovedAt === null)
          : [],
      cancelledAt: s.cancelledAt?.toISOString() ?? null,
      cancelReason: open(SUPPORT_FIELDS.cancelReason, s.cancelReasonSealed),
      placementId: row.placementId,
      actions: actionsOf(ctx, s),
    };
  });
}

/** A support the actor may see, else 404 (out of scope reads as none). */
async function visibleOrNotFound(
  q: Queryable,
  ctx: RequestContext,
  supportId: string,
): Promise<VisibleSupport> {
  const row = await findVisibleSupport(q, clientVisibility(ctx.actor), supportId);
  if (!row || !mayView(ctx, row.support)) throw notFound('Support');
  return row;
}

/**
 * One support as the actor may see it (I3 for SA). Not audited: the caller audits the read it is
 * part of (a support's page, a placement's page).
 */
export async function supportView(
  q: Queryable,
  deps: Pick<SupportDeps, 'crypto' | 'now'>,
  ctx: RequestContext,
  supportId: string,
): Promise<SupportView> {
  const row = await visibleOrNotFound(q, ctx, supportId);
  return (await buildViews(q, deps, ctx, [row]))[0]!;
}

/** GET /supports/:supportId. Audited. */
export async function getSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  supportId: string,
): Promise<SupportView> {
  const view = await supportView(deps.db, deps, ctx, supportId);
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'support', view.id, view.clientId));
  return view;
}

// ---------------------------------------------------------------------------------------------
// Requests (F1, F4–F9)

interface Recipient {
  clientId: string;
  catchmentId: string;
  saProgram: 'ow' | 'odsp' | null;
  specializedPopulations: SpecializedPopulationAnswers;
  statusQuo: boolean;
  serviceLevel: ServiceLevel;
  planStatus: PlanStatus | null;
  /** The plan's items, to check the F4 link; null for a status-quo client (no EAP). */
  planItems: string[] | null;
  key: PersonalDataKey;
}

const disabilityOf = (answers: SpecializedPopulationAnswers): SelfIdentification | null =>
  answers.disability ?? null;

/**
 * Every rule a request breaks (F1, F4, F5, F8, F9, F13 seller), in that order. The plan-item link
 * is a 400 (a wrong id is bad input, not a rule), thrown here.
 */
function requestProblems(r: Recipient, input: SupportInput): SupportProblem[] {
  if (input.planItemId && r.planItems && !r.planItems.includes(input.planItemId))
    throw invalid('body.planItemId', 'Not an item of this plan', 'not_plan_item');
  // F4 principle 2: a status-quo client has no EAP; their legacy service plan is the plan the
  // barrier is linked to, so the link is taken as made.
  const linked =
    r.planItems === null
      ? 'legacy_service_plan'
      : (input.planItemId ?? (input.planGoalOrdinal ? `goal-${input.planGoalOrdinal}` : null));
  const problems: SupportProblem[] = [
    ...recipientProblems({
      serviceLevel: r.serviceLevel,
      planStatus: r.planStatus,
      statusQuo: r.statusQuo,
      usedOn: input.plannedIssueOn,
    }),
    ...needJustificationProblems({ ...input.justification, linkedPlanGoalOrItemId: linked }),
  ];
  if (input.kind === 'client' && input.category) {
    const period = input.periodFrom && input.periodTo ? { from: input.periodFrom, to: input.periodTo } : null;
    problems.push(
      ...categoryProblems({
        category: input.category,
        training: period,
        childcare: period,
        disabilitySelfIdentification: disabilityOf(r.specializedPopulations),
        employerProvides: input.employerProvidesPpe ?? false,
        otherDescription: input.description,
      }),
    );
  }
  problems.push(
    ...saCoordinationProblems({
      saProgram: r.saProgram === 'ow' ? 'ontario_works' : r.saProgram,
      coordinationNote: input.saCoordinationNote ?? null,
    }),
  );
  if ((input.fundingSource ?? 'erfs') === 'odsp_client_reserve')
    problems.push(
      ...odspReserveProblems({
        odspRecipient: r.saProgram === 'odsp',
        disabilitySelfIdentification: disabilityOf(r.specializedPopulations),
        use: input.odspReserveUse ?? null,
        ...input.odspDeclarations,
      }),
    );
  // F13: a purchase from an individual is never eligible, so it is refused before money moves.
  problems.push(
    ...evidenceProblems({
      supportKind: input.kind,
      purchase: input.purchaseForm,
      seller: input.sellerKind,
      documents: [],
      ssmPreApproved: false,
    }).filter((p) => p.code === 'purchase_from_individual'),
  );
  return problems;
}

/** Bad input the schema cannot see (400 naming the field). */
function checkInput(input: SupportInput): void {
  if (input.purchaseForm === 'debt_payment' && !input.servicesDebt)
    throw invalid(
      'body.servicesDebt',
      'A debt payment services a debt: declare it (F6)',
      'debt_not_declared',
    );
  if (input.kind === 'client' && input.category === null)
    throw invalid('body.category', 'A client support has a category (F5)', 'category_required');
  if (input.kind === 'employer' && input.employerUse === null)
    throw invalid(
      'body.employerUse',
      'An employer support says what it pays for (F10)',
      'employer_use_required',
    );
}

/** F6: the reasons for pre-approval against the live ERFS total, and that total. */
function f6(input: SupportInput, existing: readonly PlanSupport[]) {
  const total = planTotalCents(existing);
  const reserve = (input.fundingSource ?? 'erfs') === 'odsp_client_reserve';
  let reasons = preApprovalReasons({
    itemCents: input.amountCents,
    clientPlanTotalCents: total,
    servicesDebt: input.servicesDebt,
    category: input.kind === 'client' ? input.category : null,
  });
  // F8: the reserve is separate ministry money; it adds nothing to the client's ERFS total.
  if (reserve) reasons = reasons.filter((r) => r !== 'plan_total_exceeds_3500');
  return { reasons, total };
}

async function recipientOfPlan(q: Queryable, crypto: PersonCrypto, plan: PlanRow): Promise<Recipient> {
  const facts = await planRecipientFacts(q, plan.id);
  if (!facts) throw notFound('Plan');
  const items = await itemsOf(q, plan.id);
  return {
    clientId: facts.client.id,
    catchmentId: facts.client.catchmentId,
    saProgram: facts.client.saProgram,
    specializedPopulations: facts.client.specializedPopulations,
    statusQuo: false,
    serviceLevel: facts.serviceLevel ?? 'service_pending',
    planStatus: plan.status,
    planItems: items.map((i) => i.item.id),
    key: PersonalDataKey.open(crypto, facts.client.id, facts.wrappedKey),
  };
}

async function insertRequest(
  tx: Transaction,
  deps: SupportDeps,
  ctx: RequestContext,
  r: Recipient,
  planId: string | null,
  input: SupportInput,
  reasons: PreApprovalReason[],
): Promise<string> {
  const now = deps.now();
  const reserve = (input.fundingSource ?? 'erfs') === 'odsp_client_reserve';
  const seal = (field: string, text: string) => r.key.sealText(field, text);
  const values: SupportInsert = {
    reference: await nextSupportReference(tx),
    clientId: r.clientId,
    planId,
    organizationId: ctx.actor.organizationId,
    catchmentId: r.catchmentId,
    kind: input.kind,
    category: input.kind === 'client' ? input.category : null,
    employerUse: input.kind === 'employer' ? input.employerUse : null,
    fundingSource: reserve ? 'odsp_client_reserve' : 'erfs',
    odspReserveUse: reserve ? (input.odspReserveUse ?? null) : null,
    odspDeclarations: reserve ? (input.odspDeclarations ?? null) : null,
    descriptionSealed: seal(SUPPORT_FIELDS.description, input.description),
    vendorName: input.vendorName,
    sellerKind: input.sellerKind,
    purchaseForm: input.purchaseForm,
    amountCents: input.amountCents,
    servicesDebt: input.servicesDebt,
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    employerProvidesPpe: input.employerProvidesPpe ?? false,
    planGoalOrdinal: input.planGoalOrdinal ?? null,
    planItemId: input.planItemId ?? null,
    evidenceOfNeedSealed: seal(SUPPORT_FIELDS.evidenceOfNeed, input.justification.evidenceOfNeed),
    whyCouldNotPaySealed: seal(SUPPORT_FIELDS.whyCouldNotPay, input.justification.whyCouldNotPay),
    reasonableCostSealed: seal(SUPPORT_FIELDS.reasonableCost, input.justification.reasonableCost),
    barrierTemporary: input.justification.barrierTemporary,
    noOtherFundingSource: input.justification.noOtherFundingSource,
    saCoordinationNoteSealed: input.saCoordinationNote?.trim()
      ? seal(SUPPORT_FIELDS.saCoordinationNote, input.saCoordinationNote)
      : null,
    plannedIssueOn: input.plannedIssueOn,
    // F6: waits for the SSM when a reason applies, else coverage is confirmed now.
    state: reasons.length ? 'pre_approval_pending' : 'approved',
    preApprovalReasons: reasons,
    requestedByUserId: ctx.actor.userId,
    requestedAt: now,
    approvedOn: reasons.length ? null : torontoDate(now),
  };
  const id = await insertSupport(tx, values);
  if (planId)
    await planEventBy(tx, ctx, planId, now, 'support_requested', {
      supportId: id,
      reference: values.reference,
      kind: input.kind,
      amountCents: input.amountCents,
      preApprovalReasons: reasons,
    });
  await audit(tx, ctx, 'create', 'support', id, r.clientId);
  if (input.kind === 'employer' && !reasons.length) await onEmployerSupportApproved(tx, deps, ctx, id);
  return id;
}

/**
 * Submits a support on a plan inside the caller's transaction (the employers module creates its
 * placements' supports through here). F6: the plan row is locked before the live ERFS total is read,
 * so concurrent requests on one plan are decided one after the other and cannot together pass
 * $3,500.00 without pre-approval. The reasons are frozen on the row.
 */
export async function submitSupportInTx(
  tx: Transaction,
  deps: SupportDeps,
  ctx: RequestContext,
  plan: PlanRow,
  input: SupportInput & { placementId?: string },
): Promise<{ id: string }> {
  checkInput(input);
  await lockPlan(tx, plan.id);
  // Under the lock the plan's status is current (a plan closed meanwhile is refused, F1).
  const current = (await planById(tx, plan.id)) ?? plan;
  const recipient = await recipientOfPlan(tx, deps.crypto, current);
  const problems = requestProblems(recipient, input);
  if (problems.length) throw refuseAll(problems);
  const { reasons } = f6(input, await supportAmountsOfPlan(tx, plan.id));
  return { id: await insertRequest(tx, deps, ctx, recipient, plan.id, input, reasons) };
}

/** A plan the actor's provider delivers (else 404 out of scope, 403 another provider's). */
async function requestablePlan(deps: SupportDeps, ctx: RequestContext, planId: string) {
  const row = await planInScope(deps.db, ctx, planId);
  if (!row) throw notFound('Plan');
  if (!works(ctx, row.plan)) throw forbidden('Only the provider delivering this plan requests its supports.');
  return row;
}

export const clientInput = (
  body: Omit<SupportInput, 'employerUse' | 'kind'> & { kind: 'client' },
): SupportInput => ({
  ...body,
  employerUse: null,
});

/** POST /plans/:planId/supports (F1, F4–F9). */
export async function requestSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  planId: string,
  input: SupportInput,
): Promise<SupportView> {
  const row = await requestablePlan(deps, ctx, planId);
  const { id } = await deps.db.transaction((tx) => submitSupportInTx(tx, deps, ctx, row.plan, input));
  return supportView(deps.db, deps, ctx, id);
}

/** POST /plans/:planId/supports/preview: what a request would meet, without writing it (F6 and the rest). */
export async function previewSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  planId: string,
  input: SupportInput,
): Promise<{ preApprovalReasons: PreApprovalReason[]; problems: SupportProblem[]; planTotalCents: number }> {
  const row = await requestablePlan(deps, ctx, planId);
  checkInput(input);
  const recipient = await recipientOfPlan(deps.db, deps.crypto, row.plan);
  const problems = requestProblems(recipient, input);
  const { reasons, total } = f6(input, await supportAmountsOfPlan(deps.db, planId));
  return { preApprovalReasons: reasons, problems, planTotalCents: total };
}

/** POST /clients/:clientId/supports: a status-quo client's support, outside any EAP (E7/F7). */
export async function requestStatusQuoSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  clientId: string,
  input: SupportInput,
): Promise<SupportView> {
  const found = await findVisibleClientForSupport(deps.db, clientVisibility(ctx.actor), clientId);
  if (!found) throw notFound('Client');
  if (!hasPermission(ctx.actor, 'support.request') || ctx.actor.organizationKind !== 'provider')
    throw forbidden('A provider requests financial supports.');
  if (!found.client.statusQuo)
    throw stateConflict(
      'not_status_quo',
      'this client is not a status-quo client; request the support on their Employment Action Plan.',
      'ce client n’est pas un client du statu quo; demandez le soutien dans son plan d’action pour l’emploi.',
      'F7',
    );
  if (input.kind !== 'client')
    throw invalid('body.kind', 'A status-quo client’s support is a client support');
  checkInput(input);
  const id = await deps.db.transaction(async (tx) => {
    await lockClient(tx, clientId);
    const recipient: Recipient = {
      clientId,
      catchmentId: found.client.catchmentId,
      saProgram: found.client.saProgram,
      specializedPopulations: found.client.specializedPopulations,
      statusQuo: true,
      // E7: a legacy service plan is a case-managed service.
      serviceLevel: 'case_managed',
      planStatus: null,
      planItems: null,
      key: PersonalDataKey.open(deps.crypto, clientId, found.wrappedKey),
    };
    const problems = requestProblems(recipient, input);
    if (problems.length) throw refuseAll(problems);
    // F6: their supports outside any plan make up their total over the legacy plan.
    const { reasons } = f6(input, await statusQuoSupportAmounts(tx, clientId));
    return insertRequest(tx, deps, ctx, recipient, null, input, reasons);
  });
  return supportView(deps.db, deps, ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Lists

/** GET /plans/:planId/supports: the plan's supports, its F6 total and what a request links to. Audited. */
export async function planSupports(
  deps: SupportDeps,
  ctx: RequestContext,
  planId: string,
): Promise<PlanSupports> {
  const row = await planInScope(deps.db, ctx, planId);
  if (!row) throw notFound('Plan');
  const all = await supportsOfPlan(deps.db, planId);
  const shown = all.filter((r) => mayView(ctx, r.support));
  const supports = await buildViews(deps.db, deps, ctx, shown);
  const key = PersonalDataKey.open(deps.crypto, row.plan.clientId, row.wrappedKey);
  const goals = await goalsOf(deps.db, planId);
  const subGoals = await subGoalsOf(deps.db, planId);
  const items = await itemsOf(deps.db, planId);
  const facts = await planRecipientFacts(deps.db, planId);
  const sa = isSaViewer(ctx);
  const ordinal = (n: number): 1 | 2 => (n === 2 ? 2 : 1);
  // F1: only the delivering provider requests, and only while the client may receive ERFS.
  const stops = facts
    ? recipientProblems({
        serviceLevel: facts.serviceLevel ?? 'service_pending',
        planStatus: row.plan.status,
        statusQuo: false,
        usedOn: today(deps),
      })
    : [];
  const result: PlanSupports = {
    supports,
    requesting: {
      allowed: works(ctx, row.plan) && stops.length === 0,
      problems: works(ctx, row.plan) ? stops : [],
    },
    // I3: SA's total counts what SA sees.
    planTotalCents: planTotalCents(
      (sa ? shown : all).map((r) => ({
        id: r.support.id,
        state: r.support.state,
        cents: r.support.amountCents,
        fundingSource: r.support.fundingSource,
      })),
    ),
    thresholds: { itemCents: THRESHOLDS.itemCents, planTotalCents: THRESHOLDS.planTotalCents },
    clientFlags: {
      saProgram: facts?.client.saProgram ?? null,
      disabilitySelfIdentification: facts ? disabilityOf(facts.client.specializedPopulations) : null,
      statusQuo: facts?.client.statusQuo ?? false,
      serviceLevel: facts?.serviceLevel ?? null,
    },
    goals: goals.map((g) => ({
      ordinal: ordinal(g.ordinal),
      title: key.openText(GOAL_TITLE_FIELD, g.titleSealed) ?? '',
    })),
    items: items.flatMap((i) => {
      const sub = subGoals.find((s) => s.id === i.item.subGoalId);
      if (!sub) return [];
      const custom = i.catalogue ? null : (key.openText(CUSTOM_TITLE_FIELD, i.item.customTitleSealed) ?? '');
      return [
        {
          id: i.item.id,
          title: i.catalogue ? i.catalogue.nameEn : custom!,
          titleFr: i.catalogue ? i.catalogue.nameFr : custom!,
          goalOrdinal: ordinal(sub.goalOrdinal),
        },
      ];
    }),
  };
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'plan_supports', planId, row.plan.clientId));
  return result;
}

/** GET /clients/:clientId/supports: a client's supports across plans and outside them (E7). Audited. */
export async function clientSupports(
  deps: SupportDeps,
  ctx: RequestContext,
  clientId: string,
): Promise<z.infer<typeof clientSupportsSchema>> {
  const visibility = clientVisibility(ctx.actor);
  const found = await findVisibleClientForSupport(deps.db, visibility, clientId);
  if (!found) throw notFound('Client');
  const rows = (await supportsOfClient(deps.db, visibility, clientId)).filter((r) => mayView(ctx, r.support));
  const supports = await buildViews(deps.db, deps, ctx, rows);
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'client_supports', clientId, clientId));
  return {
    supports,
    planTotalCents: planTotalCents(
      rows
        .filter((r) => r.support.planId === null)
        .map((r) => ({
          id: r.support.id,
          state: r.support.state,
          cents: r.support.amountCents,
          fundingSource: r.support.fundingSource,
        })),
    ),
    clientFlags: {
      saProgram: found.client.saProgram,
      disabilitySelfIdentification: disabilityOf(found.client.specializedPopulations),
      statusQuo: found.client.statusQuo,
      // E7: a legacy service plan is a case-managed service; others' levels are on their plans.
      serviceLevel: found.client.statusQuo ? 'case_managed' : null,
    },
  };
}

/** GET /supports/approvals: pending pre-approvals (oldest first) and reports to review. Audited per client. */
export async function approvalsQueue(
  deps: SupportDeps,
  ctx: RequestContext,
): Promise<{ preApprovals: SupportView[]; reports: SupportView[] }> {
  if (!approves(ctx)) throw forbidden('The SSM decides pre-approvals and reviews reports.');
  const rows = await supportsInStates(deps.db, clientVisibility(ctx.actor), ctx.actor.catchmentId, [
    'pre_approval_pending',
    'reported',
  ]);
  const views = await buildViews(deps.db, deps, ctx, rows);
  const preApprovals = views.filter((v) => v.state === 'pre_approval_pending');
  const reports = views
    .filter((v) => v.state === 'reported')
    .sort(
      (a, b) =>
        compareIsoDates(a.reportedOn ?? '', b.reportedOn ?? '') || a.reference.localeCompare(b.reference),
    );
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'support',
      views.map((v) => ({ entityId: v.id, clientId: v.clientId })),
    ),
  );
  return { preApprovals, reports };
}

// ---------------------------------------------------------------------------------------------
// Steps after the request

/** A support the actor's provider requested (403 when another's, 404 when out of scope). */
async function ownSupport(deps: SupportDeps, ctx: RequestContext, supportId: string) {
  const row = await visibleOrNotFound(deps.db, ctx, supportId);
  if (!works(ctx, row.support)) throw forbidden('Only the provider that requested this support acts on it.');
  return row;
}

async function reviewableSupport(deps: SupportDeps, ctx: RequestContext, supportId: string) {
  const row = await visibleOrNotFound(deps.db, ctx, supportId);
  if (!approves(ctx)) throw forbidden('The SSM decides pre-approvals and reviews reports.');
  return row;
}

/** One step: the guarded update, the plan event, the audit, in the caller's transaction. */
async function step(
  tx: Transaction,
  ctx: RequestContext,
  row: VisibleSupport,
  from: readonly RequestState[],
  values: Partial<SupportInsert>,
  event: Parameters<typeof planEventBy>[4],
  now: Date,
  detail: Record<string, unknown> = {},
): Promise<void> {
  if (!(await updateSupportFrom(tx, row.support.id, from, { ...values, updatedAt: now }))) throw movedOn();
  if (row.support.planId)
    await planEventBy(tx, ctx, row.support.planId, now, event, {
      supportId: row.support.id,
      reference: row.support.reference,
      ...detail,
    });
  await audit(tx, ctx, 'update', 'support', row.support.id, row.support.clientId);
}

const reread = (deps: SupportDeps, ctx: RequestContext, supportId: string) =>
  supportView(deps.db, deps, ctx, supportId);

/** POST /supports/:supportId/pre-approval: the SSM approves or refuses (F6). */
export async function decidePreApproval(
  deps: SupportDeps,
  ctx: RequestContext,
  supportId: string,
  input: z.infer<typeof preApprovalBody>,
): Promise<SupportView> {
  const row = await reviewableSupport(deps, ctx, supportId);
  if (row.support.state !== 'pre_approval_pending')
    throw stateConflict(
      'not_pending_pre_approval',
      'this support is not waiting for pre-approval.',
      'ce soutien n’attend pas d’approbation préalable.',
      'F6',
    );
  const note = input.note?.trim() ?? '';
  if (input.decision === 'refuse' && !note)
    throw invalid('body.note', 'Say why the support is refused', 'note_required');
  const key = keyOfSupport(deps.crypto, row);
  const now = deps.now();
  const sealedNote = note ? key.sealText(SUPPORT_FIELDS.preApprovalNote, note) : null;
  await deps.db.transaction(async (tx) => {
    if (input.decision === 'approve') {
      await step(
        tx,
        ctx,
        row,
        ['pre_approval_pending'],
        {
          state: 'approved',
          approvedOn: torontoDate(now),
          preApprovedByUserId: ctx.actor.userId,
          preApprovedAt: now,
          preApprovalNoteSealed: sealedNote,
        },
        'support_pre_approved',
        now,
      );
      if (row.support.kind === 'employer') await onEmployerSupportApproved(tx, deps, ctx, supportId);
    } else {
      await step(
        tx,
        ctx,
        row,
        ['pre_approval_pending'],
        {
          state: 'cancelled',
          cancelledAt: now,
          cancelledByUserId: ctx.actor.userId,
          cancelReasonSealed: key.sealText(SUPPORT_FIELDS.cancelReason, note),
          preApprovalNoteSealed: sealedNote,
        },
        'support_refused',
        now,
      );
      if (row.support.kind === 'employer') await onEmployerSupportCancelled(tx, deps, ctx, supportId);
    }
  });
  return reread(deps, ctx, supportId);
}

/** POST /supports/:supportId/issue: paid or handed over; the F13 clock starts (F6, F7, F10). */
export async function issueSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  supportId: string,
  input: z.infer<typeof issueBody>,
): Promise<SupportView> {
  const row = await ownSupport(deps, ctx, supportId);
  const s = row.support;
  const day = today(deps);
  if (compareIsoDates(input.issuedOn, day) > 0)
    throw invalid('body.issuedOn', 'A support is recorded as issued once it has been', 'in_future');
  // F6: nothing is paid or ordered before the SSM's pre-approval.
  if (s.state === 'pre_approval_pending')
    throw stateConflict(
      'pre_approval_required',
      'needs SSM pre-approval before it is issued.',
      'exige l’approbation préalable du GSS avant d’être remis.',
      'F6',
    );
  if (s.state !== 'approved')
    throw stateConflict(
      'not_approved',
      'only an approved support is issued.',
      'seul un soutien approuvé peut être remis.',
    );
  if (s.approvedOn && compareIsoDates(input.issuedOn, s.approvedOn) < 0)
    throw invalid(
      'body.issuedOn',
      `Coverage was confirmed on ${s.approvedOn}; it was issued on or after that day`,
      'before_approval',
    );
  // F7: a status-quo client's support is used inside the window.
  if (s.planId === null) {
    const problems = recipientProblems({
      serviceLevel: 'case_managed',
      planStatus: null,
      statusQuo: true,
      usedOn: input.issuedOn,
    });
    if (problems.length) throw refuseAll(problems, 'body.issuedOn');
  }
  const calendar = await calendarFor(deps.db, s.catchmentId);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    let dueOn: IsoDate;
    if (s.kind === 'employer') {
      // F10: the employer is paid only once everything a placement needs is in place.
      const readiness = await placementReadinessOfSupport(tx, supportId);
      if (readiness.missing.length)
        throw new ProblemError(409, 'placement_not_ready', 'Conflict', {
          rule: 'F10',
          detail: `F10: the placement is not ready: ${readiness.missing.join(', ')}.`,
          messageFr: `F10 : le placement n’est pas prêt : ${readiness.missing.join(', ')}.`,
          missing: readiness.missing,
        });
      // F13: an employer support is reported within 15 business days of the placement's end.
      if (!readiness.endedOn)
        throw stateConflict(
          'placement_not_ended',
          'an employer support is issued once the placement has ended (its report is due 15 business days after).',
          'un soutien à l’employeur est remis une fois le placement terminé (son rapport est dû 15 jours ouvrables après).',
          'F13',
        );
      dueOn = reportDueOn(calendar, { kind: 'employer', placementEndedOn: readiness.endedOn });
    } else {
      // F13: within 3 business days of issuing, on the catchment's calendar (holidays and closures).
      dueOn = reportDueOn(calendar, { kind: 'client', issuedOn: input.issuedOn });
    }
    await step(
      tx,
      ctx,
      row,
      ['approved'],
      {
        state: 'issued',
        issuedOn: input.issuedOn,
        paymentMethod: input.paymentMethod,
        paymentReference: input.paymentReference?.trim() || null,
        issuedByUserId: ctx.actor.userId,
        reportDueOn: dueOn,
      },
      'support_issued',
      now,
      { issuedOn: input.issuedOn, reportDueOn: dueOn },
    );
  });
  return reread(deps, ctx, supportId);
}

/** POST /supports/:supportId/evidence: a receipt or invoice, sealed with the client's key (F13). */
export async function uploadSupportEvidence(
  deps: SupportDeps,
  ctx: RequestContext,
  supportId: string,
  input: z.infer<typeof supportEvidenceBody>,
): Promise<SupportView> {
  if (!isBase64(input.contentBase64))
    throw invalid('body.contentBase64', 'Send the file as standard base64', 'not_base64');
  const row = await ownSupport(deps, ctx, supportId);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > EVIDENCE_MAX_BYTES)
    throw new ProblemError(413, 'payload_too_large', 'File too large', {
      detail: `body.contentBase64: the file is ${bytes.length} bytes; evidence files are at most ${EVIDENCE_MAX_BYTES} bytes (5 MB).`,
      messageFr: `body.contentBase64 : le fichier fait ${bytes.length} octets; une pièce justificative fait au plus ${EVIDENCE_MAX_BYTES} octets (5 Mo).`,
      errors: [{ field: 'body.contentBase64', message: 'At most 5 MB', code: 'file_too_large' }],
    });
  if (bytes.length === 0) throw invalid('body.contentBase64', 'The file is empty', 'empty_file');
  if (!contentTypeMatches(input.contentType, bytes))
    throw invalid(
      'body.contentBase64',
      `The file is not a ${input.contentType} file`,
      'content_type_mismatch',
    );
  // F13: documents go with the report: after issue, and to correct a withheld one.
  if (!REPORTABLE.includes(row.support.state))
    throw stateConflict(
      'evidence_not_open',
      'evidence is attached to an issued support’s report, or to correct a withheld one.',
      'une pièce justificative s’ajoute au rapport d’un soutien remis, ou pour corriger un rapport retenu.',
      'F13',
    );
  const key = keyOfSupport(deps.crypto, row);
  const storageKey = `support-evidence/${supportId}/${randomUUID()}`;
  await deps.evidenceStore.put(storageKey, key.sealBytes(SUPPORT_FIELDS.evidenceFile, bytes));
  const now = deps.now();
  try {
    await deps.db.transaction(async (tx) => {
      const evidenceId = await insertSupportEvidence(tx, {
        supportId,
        kind: input.kind,
        storageKey,
        contentType: input.contentType,
        byteSize: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        fileNameSealed: key.sealText(SUPPORT_FIELDS.evidenceFileName, input.fileName),
        uploadedByUserId: ctx.actor.userId,
        uploadedAt: now,
      });
      if (row.support.planId)
        await planEventBy(tx, ctx, row.support.planId, now, 'support_evidence_uploaded', {
          supportId,
          evidenceId,
          kind: input.kind,
          byteSize: bytes.length,
          contentType: input.contentType,
        });
      await audit(tx, ctx, 'create', 'support_evidence', evidenceId, row.support.clientId);
    });
  } catch (error) {
    await deps.evidenceStore.remove(storageKey);
    throw error;
  }
  return reread(deps, ctx, supportId);
}

/** GET /support-evidence/:id/file: the document, for the provider that filed it and the SSM's approvers. Audited. */
export async function supportEvidenceFile(
  deps: SupportDeps,
  ctx: RequestContext,
  evidenceId: string,
): Promise<{ contentType: EvidenceContentType; bytes: Buffer; extension: string }> {
  const evidence = await supportEvidenceById(deps.db, evidenceId);
  if (!evidence) throw notFound('Evidence');
  const row = await findVisibleSupport(deps.db, clientVisibility(ctx.actor), evidence.supportId);
  if (!row || !mayView(ctx, row.support)) throw notFound('Evidence');
  // I3/I2: SA sees that a receipt is on file, not the receipt.
  if (isSaViewer(ctx))
    throw new ProblemError(403, 'forbidden', 'Forbidden', {
      rule: 'I2',
      detail:
        'I2: support evidence is shared with the delivering provider and the SSM, not with social assistance; the support shows that it was reported.',
      messageFr:
        'I2 : les pièces justificatives des soutiens sont communiquées au fournisseur et au GSS, non à l’aide sociale; le soutien indique qu’il a fait l’objet d’un rapport.',
    });
  if (!works(ctx, row.support) && !approves(ctx))
    throw forbidden(
      'Support evidence is opened by the provider that filed it and the SSM staff who review it.',
    );
  const bytes = keyOfSupport(deps.crypto, row).openBytes(
    SUPPORT_FIELDS.evidenceFile,
    await deps.evidenceStore.get(evidence.storageKey),
  );
  // A purged client's key is gone (C3): the file is unreadable, as if removed.
  if (!bytes) throw notFound('Evidence');
  await deps.db.transaction((tx) =>
    audit(tx, ctx, 'read', 'support_evidence', evidence.id, row.support.clientId),
  );
  const extension = {
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/webp': 'webp',
  }[evidence.contentType];
  return { contentType: evidence.contentType, bytes, extension };
}

/** POST /supports/:supportId/report: reported to the SSM with acceptable evidence (F13). */
export async function reportSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  supportId: string,
  input: z.infer<typeof reportBody>,
): Promise<SupportView> {
  const row = await ownSupport(deps, ctx, supportId);
  if (!REPORTABLE.includes(row.support.state))
    throw stateConflict(
      'not_reportable',
      'a support is reported once issued, or again after a withholding.',
      'un soutien fait l’objet d’un rapport une fois remis, ou de nouveau après une retenue.',
      'F13',
    );
  // F11: a withholding pending a malfeasance review is the SSM's to lift; a report from the
  // provider would clear the reason the SSM is reviewing.
  if (
    row.support.state === 'withheld' &&
    row.support.withholdReason !== null &&
    isProvisionalWithholding(row.support.withholdReason)
  )
    throw stateConflict(
      'withholding_pending_review',
      'reimbursement is withheld pending a malfeasance review; the SSM lifts it after the review, it is not reported again.',
      'le remboursement est retenu en attendant un examen pour malversation; le GSS la lève après l’examen, le soutien ne fait pas l’objet d’un nouveau rapport.',
      'F11',
    );
  const evidence = await evidenceOfSupports(deps.db, [supportId]);
  const problems = evidenceProblemsOf(row.support, evidence);
  if (problems.length) throw refuseAll(problems, 'body.evidence');
  const key = keyOfSupport(deps.crypto, row);
  const now = deps.now();
  const note = input.note?.trim();
  await deps.db.transaction((tx) =>
    step(
      tx,
      ctx,
      row,
      REPORTABLE,
      {
        state: 'reported',
        reportedOn: torontoDate(now),
        reportedByUserId: ctx.actor.userId,
        reportNoteSealed: note ? key.sealText(SUPPORT_FIELDS.reportNote, note) : null,
        withholdReason: null,
      },
      'support_reported',
      now,
      { reportedOn: torontoDate(now), resubmitted: row.support.state === 'withheld' },
    ),
  );
  return reread(deps, ctx, supportId);
}

/** POST /supports/:supportId/review: the SSM approves the report or withholds reimbursement (F11). */
export async function reviewSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  supportId: string,
  input: z.infer<typeof reviewBody>,
): Promise<SupportView> {
  const row = await reviewableSupport(deps, ctx, supportId);
  const s = row.support;
  const now = deps.now();
  const reviewed = { reviewedAt: now, reviewedByUserId: ctx.actor.userId };
  if (input.decision === 'approve') {
    if (s.state === 'withheld' && !(s.withholdReason && isProvisionalWithholding(s.withholdReason)))
      throw stateConflict(
        'withholding_not_provisional',
        'only a withholding pending a malfeasance review is lifted; the others stand until a corrected report is accepted.',
        'seule une retenue en attente d’un examen pour malversation peut être levée; les autres demeurent jusqu’à l’acceptation d’un rapport corrigé.',
        'F11',
      );
    if (s.state !== 'reported' && s.state !== 'withheld')
      throw stateConflict(
        'not_reported',
        'only a reported support is reviewed.',
        'seul un soutien ayant fait l’objet d’un rapport est examiné.',
        'F11',
      );
    await deps.db.transaction((tx) =>
      step(
        tx,
        ctx,
        row,
        [s.state],
        { state: 'report_approved', withholdReason: null, ...reviewed },
        'support_report_approved',
        now,
        { lifted: s.state === 'withheld' },
      ),
    );
  } else {
    if (s.state !== 'reported')
      throw stateConflict(
        'not_reported',
        'only a reported support is reviewed.',
        'seul un soutien ayant fait l’objet d’un rapport est examiné.',
        'F11',
      );
    const reason: WithholdReason = input.reason;
    const key = keyOfSupport(deps.crypto, row);
    await deps.db.transaction((tx) =>
      step(
        tx,
        ctx,
        row,
        ['reported'],
        {
          state: 'withheld',
          withholdReason: reason,
          reviewNoteSealed: key.sealText(SUPPORT_FIELDS.reviewNote, input.note),
          ...reviewed,
        },
        'support_withheld',
        now,
        { reason },
      ),
    );
  }
  return reread(deps, ctx, supportId);
}

/** POST /supports/:supportId/cancel: abandoned before issue. */
export async function cancelSupport(
  deps: SupportDeps,
  ctx: RequestContext,
  supportId: string,
  input: { reason: string },
): Promise<SupportView> {
  const row = await ownSupport(deps, ctx, supportId);
  if (!CANCELLABLE.includes(row.support.state))
    throw stateConflict(
      'not_cancellable',
      'a support is cancelled before it is issued.',
      'un soutien est annulé avant d’être remis.',
    );
  const key = keyOfSupport(deps.crypto, row);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await step(
      tx,
      ctx,
      row,
      CANCELLABLE,
      {
        state: 'cancelled',
        cancelledAt: now,
        cancelledByUserId: ctx.actor.userId,
        cancelReasonSealed: key.sealText(SUPPORT_FIELDS.cancelReason, input.reason),
      },
      'support_cancelled',
      now,
    );
    if (row.support.kind === 'employer') await onEmployerSupportCancelled(tx, deps, ctx, supportId);
  });
  return reread(deps, ctx, supportId);
}
