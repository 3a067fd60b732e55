/**
 * The Employment Action Plan (A1–A10, I2, M11): created from a submitted, segmented case-managed CA,
 * built with the client (two goals, sub-goals, items), printed and signed at its current revision,
 * activated, changed while it lives, put on hold for a training program, and closed by the
 * caseworker with a reason the phase allows. Every read audited, every change written to the plan's
 * history in the same transaction as the change.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/connection.js';
import {
  assignCaseload,
  currentCaseload,
  recordIcmEvent,
  type IcmEventInput,
} from '../../db/repositories/case-records.js';
import { displayNameOf } from '../../db/repositories/case-management.js';
import { findVisibleClient } from '../../db/repositories/clients.js';
import {
  addPlanEvent,
  catalogueCoverage as coverageCounts,
  eventsOf,
  findCatalogueItem,
  findVisiblePlan,
  goalsOf,
  insertCatalogueItem,
  insertItem,
  insertPlan,
  insertSubGoal,
  itemsOf,
  listCatalogue,
  nextPlanReference,
  openPlanOfClient,
  planUniqueViolation,
  plansOfClient,
  setGoal,
  sharedCommentsOf,
  submittedAssessmentsOf,
  subGoalsOf,
  updateCatalogueItem,
  updateItem,
  updatePlan,
  userName,
  type CatalogueRow,
  type ItemWithCatalogue,
  type PlanInsert,
  type PlanRow,
  type VisiblePlan,
} from '../../db/repositories/plans.js';
import { clientVisibility, hasPermission } from '../../domain/access/policy.js';
import type { Stream } from '../../domain/assessment/types.js';
import { torontoDate } from '../../domain/calendar/index.js';
import type { IcmEventKind } from '../../domain/case-management/types.js';
import type { PlanEventKind, PlanStatus } from '../../domain/plan/types.js';
import {
  activationProblems,
  bumpsRevision,
  catalogueCoverage,
  catalogueItemProblems,
  closureFlags,
  closureReasonsFor,
  CONSENT_REVOCATION_CLOSURE_REASON,
  closureRefusal,
  contentChangeRefusal,
  isItemOpen,
  itemAfterOnHoldTraining,
  itemProblems,
  phaseOf,
  planActions,
  sharedWithSa,
  signatureProblems,
  trainingReferralEffect,
  trainingReferralProblems,
  type PlanPhase,
  type PlanProblem,
} from '../../domain/plan/index.js';
import { audit } from '../audit/record.js';
// The case-management module seals note bodies under this field; shared comments are read with it.
import { CASE_NOTE_BODY_FIELD } from '../case-management/service.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, notFound, ProblemError, refuse, refuseField } from '../http/problem.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import {
  CLOSURE_NOTE_FIELD,
  CUSTOM_TITLE_FIELD,
  GOAL_DESCRIPTION_FIELD,
  GOAL_TITLE_FIELD,
} from './sealed-fields.js';
import type {
  catalogueCreateBody,
  catalogueItemSchema,
  catalogueQuery,
  catalogueUpdateBody,
  clientPlansSchema,
  closeBody,
  coverageSchema,
  createPlanBody,
  goalsBody,
  historySchema,
  itemBody,
  itemPatchBody,
  PlanDetail,
  PlanSummary,
  resumeBody,
  signatureBody,
  subGoalBody,
  trainingReferralBody,
} from './schemas.js';

export interface PlanDeps {
  db: Database;
  crypto: PersonCrypto;
  /** The service's clock (app.services.now); every timestamp written comes from it. */
  now: () => Date;
}

/** Every problem of a list at once: the first one's rule, all of them as fields (one, or each its own). */
function refuseAll<P extends PlanProblem>(problems: P[], field: string | ((p: P) => string) = 'body') {
  const first = problems[0]!;
  return new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
    rule: first.rule,
    detail: problems.map((p) => `${p.rule}: ${p.en}`).join(' '),
    messageFr: problems.map((p) => `${p.rule} : ${p.fr}`).join(' '),
    errors: problems.map((p) => ({
      field: typeof field === 'string' ? field : field(p),
      message: `${p.rule}: ${p.en}`,
      code: p.code,
    })),
  });
}

const movedOn = () =>
  conflict('plan_changed', 'Someone else changed this plan just now; reload it and try again.');

const phaseOfPlan = (p: PlanRow): PlanPhase =>
  phaseOf({
    outcomeRecordedAt: p.outcomeRecordedAt?.toISOString() ?? null,
    finalCheckpointCompletedAt: p.finalCheckpointCompletedAt?.toISOString() ?? null,
  });

/** The provider delivering the plan works it; everyone else who may see it reads it (I2). */
const works = (ctx: RequestContext, p: PlanRow) =>
  hasPermission(ctx.actor, 'plan.write') && ctx.actor.organizationId === p.organizationId;

/** I2: the SA caseworker sees a plan once it is shared with them, that is once it is no longer a draft. */
const isSaViewer = (ctx: RequestContext) => ctx.actor.organizationKind === 'sa_office';

function draftNotShared() {
  return new ProblemError(403, 'forbidden', 'Forbidden', {
    rule: 'I2',
    detail: 'I2: a draft plan is not yet shared with social assistance; it is shared once activated.',
    messageFr:
      'I2 : un plan à l’état de brouillon n’est pas encore communiqué à l’aide sociale; il l’est une fois activé.',
  });
}

async function visibleOrNotFound(deps: PlanDeps, ctx: RequestContext, planId: string): Promise<VisiblePlan> {
  const row = await findVisiblePlan(deps.db, clientVisibility(ctx.actor), planId);
  // A plan of a client out of scope is indistinguishable from none: no existence leak.
  if (!row) throw notFound('Plan');
  if (isSaViewer(ctx) && !sharedWithSa(row.plan.status, true)) throw draftNotShared();
  return row;
}

/** A plan the actor's provider works and that still takes changes (A4). */
async function workable(deps: PlanDeps, ctx: RequestContext, planId: string): Promise<VisiblePlan> {
  const row = await visibleOrNotFound(deps, ctx, planId);
  if (!works(ctx, row.plan)) throw forbidden('Only the provider delivering this plan may change it.');
  const closed = contentChangeRefusal(row.plan.status);
  if (closed) throw refuse(closed.rule, closed.en, closed.fr);
  return row;
}

const keyOf = (deps: PlanDeps, row: { plan: PlanRow; wrappedKey: Buffer | null }) =>
  PersonalDataKey.open(deps.crypto, row.plan.clientId, row.wrappedKey);

// ---------------------------------------------------------------------------------------------
// Reading a plan

interface Loaded {
  goals: Awaited<ReturnType<typeof goalsOf>>;
  subGoals: Awaited<ReturnType<typeof subGoalsOf>>;
  items: ItemWithCatalogue[];
}

async function load(q: Database, planId: string): Promise<Loaded> {
  const [goals, subGoals, items] = await Promise.all([
    goalsOf(q, planId),
    subGoalsOf(q, planId),
    itemsOf(q, planId),
  ]);
  return { goals, subGoals, items };
}

function goalsView(key: PersonalDataKey, goals: Loaded['goals']) {
  return ([1, 2] as const).map((ordinal) => {
    const g = goals.find((x) => x.ordinal === ordinal);
    return {
      ordinal,
      title: (g && key.openText(GOAL_TITLE_FIELD, g.titleSealed)) ?? '',
      description: (g && key.openText(GOAL_DESCRIPTION_FIELD, g.descriptionSealed)) ?? '',
    };
  });
}

function itemName(key: PersonalDataKey, i: ItemWithCatalogue) {
  if (i.catalogue) return { nameEn: i.catalogue.nameEn, nameFr: i.catalogue.nameFr, custom: false };
  const title = key.openText(CUSTOM_TITLE_FIELD, i.item.customTitleSealed) ?? '';
  return { nameEn: title, nameFr: title, custom: true };
}

function activationOf(p: PlanRow, loaded: Loaded, key: PersonalDataKey) {
  return activationProblems({
    status: p.status,
    revision: p.revision,
    goalTitles: goalsView(key, loaded.goals).map((g) => g.title),
    subGoalItemCounts: loaded.subGoals.map(
      (s) => loaded.items.filter((i) => i.item.subGoalId === s.id).length,
    ),
    signatureRevision: p.signatureRevision,
  });
}

/** The plan as the actor may see it. The read is audited unless the caller's write already was. */
export async function getPlan(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  options: { audited?: boolean } = {},
): Promise<PlanDetail> {
  const row = await visibleOrNotFound(deps, ctx, planId);
  const p = row.plan;
  const key = keyOf(deps, row);
  const loaded = await load(deps.db, p.id);
  const comments = await sharedCommentsOf(
    deps.db,
    loaded.items.map((i) => i.item.id),
  );
  const phase = phaseOfPlan(p);
  const problems = activationOf(p, loaded, key);
  const mayWork = works(ctx, p);
  const actions = planActions(
    { works: mayWork, comments: hasPermission(ctx.actor, 'case_note.write') },
    {
      status: p.status,
      revision: p.revision,
      summaryPrintedRevision: p.summaryPrintedRevision,
      activationProblemCount: problems.length,
      hasTrainingItem: loaded.items.some((i) => i.catalogue?.trainingProgram && isItemOpen(i.item.status)),
    },
  );
  if (!options.audited) await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'plan', p.id, p.clientId));
  const stream = p.stream as Stream;
  return {
    id: p.id,
    reference: p.reference,
    clientId: p.clientId,
    client: {
      reference: row.client.reference,
      displayName: displayNameOf(row.client),
      saProgram: row.client.saProgram,
    },
    organization: { id: p.organizationId, name: row.organizationName },
    assessment: {
      id: row.assessment.id,
      reference: row.assessment.reference,
      submittedAt: (row.assessment.submittedAt ?? p.createdAt).toISOString(),
      stream,
    },
    status: p.status,
    phase,
    stream,
    revision: p.revision,
    goals: goalsView(key, loaded.goals),
    subGoals: loaded.subGoals.map((s) => ({
      id: s.id,
      goalOrdinal: s.goalOrdinal as 1 | 2,
      kind: s.kind,
      addedInPhase: s.addedInPhase,
      items: loaded.items
        .filter((i) => i.item.subGoalId === s.id)
        .map((i) => ({
          id: i.item.id,
          subGoalId: s.id,
          catalogueItemId: i.item.catalogueItemId,
          code: i.catalogue?.code ?? null,
          ...itemName(key, i),
          trainingProgram: i.catalogue?.trainingProgram ?? null,
          costCents: i.item.costCents,
          plannedStart: i.item.plannedStart,
          plannedEnd: i.item.plannedEnd,
          actualEnd: i.item.actualEnd,
          status: i.item.status,
          outcome: i.item.outcome,
          addedInPhase: i.item.addedInPhase,
          comments: comments
            .filter((c) => c.planItemId === i.item.id)
            .map((c) => ({
              id: c.id,
              at: c.at.toISOString(),
              author: { name: c.authorName, organizationName: c.organizationName },
              body: key.openText(CASE_NOTE_BODY_FIELD, c.bodySealed) ?? '',
            })),
        })),
    })),
    signature:
      p.signedOn && p.signatureMethod && p.signatureRevision !== null
        ? {
            signedOn: p.signedOn,
            method: p.signatureMethod,
            revision: p.signatureRevision,
            current: p.signatureRevision === p.revision,
          }
        : null,
    summaryPrintedAt: p.summaryPrintedAt?.toISOString() ?? null,
    activatedAt: p.activatedAt?.toISOString() ?? null,
    onHold:
      p.onHoldSince && p.onHoldItemId ? { since: p.onHoldSince.toISOString(), itemId: p.onHoldItemId } : null,
    training:
      p.trainingProgram && p.trainingAcceptedOn
        ? { program: p.trainingProgram, acceptedOn: p.trainingAcceptedOn }
        : null,
    closure:
      p.status === 'closed' && p.closedAt && p.closureReason
        ? {
            closedAt: p.closedAt.toISOString(),
            reason: p.closureReason,
            phase: p.closedInPhase ?? phase,
            earlyExit: p.earlyExit ?? false,
            // I2: the closure rationale is the provider's note for the SSM, not a shared comment.
            note: isSaViewer(ctx) ? null : key.openText(CLOSURE_NOTE_FIELD, p.closureNoteSealed),
          }
        : null,
    closureReasons: p.status === 'closed' ? [] : [...closureReasonsFor(phase)],
    actions,
    activationProblems: problems.map((x) => ({ rule: x.rule, code: x.code })),
    totalCostCents: loaded.items.reduce((sum, i) => sum + i.item.costCents, 0),
    sharedWithSa: sharedWithSa(p.status, row.client.saProgram !== null),
    readOnly: !mayWork || p.status === 'closed',
  };
}

/** A1: a client's plans, and whether (and from which CA) the actor could start one now. Audited. */
export async function listClientPlans(
  deps: PlanDeps,
  ctx: RequestContext,
  clientId: string,
): Promise<z.infer<typeof clientPlansSchema>> {
  const client = await findVisibleClient(deps.db, clientVisibility(ctx.actor), clientId);
  if (!client) throw notFound('Client');
  const rows = await plansOfClient(deps.db, clientId);
  // I2: SA sees no drafts.
  const visible = isSaViewer(ctx) ? rows.filter((p) => p.status !== 'draft') : rows;
  const canCreate = await creationCheck(deps, ctx, clientId, undefined);
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'plan', null, clientId));
  return {
    plans: visible.map((p) => ({
      id: p.id,
      reference: p.reference,
      status: p.status,
      phase: phaseOfPlan(p),
      stream: p.stream as Stream,
      createdAt: p.createdAt.toISOString(),
      activatedAt: p.activatedAt?.toISOString() ?? null,
      closedAt: p.closedAt?.toISOString() ?? null,
      closureReason: p.closureReason,
    })),
    canCreate: canCreate.ok
      ? { allowed: true, rule: null, reason: null, assessmentId: canCreate.assessment.id }
      : {
          allowed: false,
          rule: canCreate.rule,
          reason: canCreate.code,
          assessmentId: canCreate.assessmentId,
        },
  };
}

// ---------------------------------------------------------------------------------------------
// Creating a plan (A1)

type Assessment = Awaited<ReturnType<typeof submittedAssessmentsOf>>[number];
type CreationCheck =
  | { ok: true; assessment: Assessment & { stream: Stream } }
  | {
      ok: false;
      rule: string | null;
      code: string;
      status: 409 | 422 | 403;
      en: string;
      fr: string;
      assessmentId: string | null;
    };

async function creationCheck(
  deps: PlanDeps,
  ctx: RequestContext,
  clientId: string,
  assessmentId: string | undefined,
): Promise<CreationCheck> {
  if (!hasPermission(ctx.actor, 'plan.write') || ctx.actor.organizationKind !== 'provider')
    return {
      ok: false,
      rule: null,
      code: 'not_permitted',
      status: 403,
      en: 'Only the provider’s caseworkers build action plans.',
      fr: 'Seuls les intervenants du fournisseur élaborent les plans d’action.',
      assessmentId: null,
    };
  const open = await openPlanOfClient(deps.db, clientId);
  if (open)
    return {
      ok: false,
      rule: 'A1',
      code: 'open_plan',
      status: 409,
      en: `the client already has an open action plan (${open.reference}); one plan at a time.`,
      fr: `le client a déjà un plan d’action ouvert (${open.reference}); un seul plan à la fois.`,
      assessmentId: null,
    };
  const submitted = await submittedAssessmentsOf(deps.db, clientId);
  const chosen = assessmentId ? submitted.find((a) => a.id === assessmentId) : submitted[0];
  const none = (code: string, en: string, fr: string, id: string | null = null): CreationCheck => ({
    ok: false,
    rule: 'A1',
    code,
    status: 422,
    en,
    fr,
    assessmentId: id,
  });
  if (!chosen && assessmentId)
    return none(
      'assessment_not_submitted',
      'the assessment named is not a submitted assessment of this client.',
      'l’évaluation indiquée n’est pas une évaluation soumise de ce client.',
    );
  if (!chosen)
    return none(
      'no_submitted_assessment',
      'an action plan needs a submitted, segmented Common Assessment of this client first.',
      'un plan d’action exige d’abord une évaluation commune soumise et segmentée de ce client.',
    );
  if (chosen.planId)
    return none(
      'assessment_used',
      'this assessment already has its action plan; a returning client needs a new assessment before a new plan.',
      'cette évaluation a déjà son plan d’action; un client qui revient a besoin d’une nouvelle évaluation avant un nouveau plan.',
      chosen.id,
    );
  const stream = chosen.segmentation?.stream as Stream | undefined;
  if (!stream || chosen.serviceLevel !== 'case_managed')
    return none(
      'not_case_managed',
      'an action plan is for case-managed clients with a segmented assessment; self-directed clients need none.',
      'un plan d’action s’adresse aux clients en gestion de cas dont l’évaluation est segmentée; les clients autonomes n’en ont pas besoin.',
      chosen.id,
    );
  if (chosen.holderOrganizationId !== ctx.actor.organizationId)
    return none(
      'assessment_held_elsewhere',
      'the plan is built by the provider the assessment was assigned to.',
      'le plan est élaboré par le fournisseur à qui l’évaluation a été confiée.',
      chosen.id,
    );
  return { ok: true, assessment: { ...chosen, stream } };
}

const openPlanConflict = () =>
  conflict('plan_open', 'A1: the client already has an open action plan; one plan at a time.', {
    rule: 'A1',
    messageFr: 'A1 : le client a déjà un plan d’action ouvert; un seul plan à la fois.',
  });

/**
 * A1: a draft plan from the client's latest (or the named) submitted, segmented, case-managed CA.
 * Two caseworkers creating at once: the partial unique index lets one insert win; the other gets 409.
 */
export async function createPlan(
  deps: PlanDeps,
  ctx: RequestContext,
  clientId: string,
  input: z.infer<typeof createPlanBody>,
): Promise<PlanDetail> {
  const client = await findVisibleClient(deps.db, clientVisibility(ctx.actor), clientId);
  if (!client) throw notFound('Client');
  if (client.client.purgedAt) throw conflict('client_purged', 'This person’s information has been removed.');
  const check = await creationCheck(deps, ctx, clientId, input.assessmentId);
  if (!check.ok) {
    if (check.status === 409) throw openPlanConflict();
    if (check.status === 403) throw forbidden(check.en);
    throw refuse('A1', check.en, check.fr, [
      { field: 'body.assessmentId', message: `A1: ${check.en}`, code: check.code },
    ]);
  }
  const a = check.assessment;
  const now = deps.now();
  const id = randomUUID();
  try {
    await deps.db.transaction(async (tx) => {
      await insertPlan(tx, {
        id,
        reference: await nextPlanReference(tx),
        clientId,
        catchmentId: client.client.catchmentId,
        assessmentId: a.id,
        organizationId: ctx.actor.organizationId,
        siteId: a.siteId,
        status: 'draft',
        stream: a.stream,
        createdByUserId: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await event(tx, ctx, id, now, 'created', { assessmentId: a.id, stream: a.stream });
      // J9: whoever starts the plan carries the client until the lead reassigns them.
      const current = await currentCaseload(tx, clientId, ctx.actor.organizationId);
      if (!current)
        await assignCaseload(tx, {
          clientId,
          organizationId: ctx.actor.organizationId,
          caseworkerUserId: ctx.actor.userId,
          byUserId: ctx.actor.userId,
          at: now,
        });
      await audit(tx, ctx, 'create', 'plan', id, clientId);
    });
  } catch (error) {
    const violation = planUniqueViolation(error);
    if (violation === 'open_plan') throw openPlanConflict();
    if (violation === 'assessment_used') {
      // The same race, seen through the other index: a plan on this CA was just created.
      if (await openPlanOfClient(deps.db, clientId)) throw openPlanConflict();
      throw refuse(
        'A1',
        'this assessment already has its action plan; a returning client needs a new assessment before a new plan.',
        'cette évaluation a déjà son plan d’action; un client qui revient a besoin d’une nouvelle évaluation avant un nouveau plan.',
      );
    }
    throw error;
  }
  return getPlan(deps, ctx, id, { audited: true });
}

function event(
  tx: Transaction,
  ctx: RequestContext,
  planId: string,
  at: Date,
  kind: PlanEventKind,
  detail: Record<string, unknown> = {},
) {
  return addPlanEvent(tx, {
    planId,
    at,
    userId: ctx.actor.userId,
    organizationId: ctx.actor.organizationId,
    kind,
    detail,
  });
}

/**
 * One step of the plan's life (a signature, activation, a training referral, resumption, closure):
 * the plan row moves on from the status and revision it was read at, or the step is refused as a
 * concurrent change; then the step's own writes (history, items, SA's ICM event) and the audit, all
 * in one transaction. Returns the plan as it now stands.
 */
async function stepPlan(
  deps: PlanDeps,
  ctx: RequestContext,
  row: VisiblePlan,
  set: Partial<PlanInsert>,
  write: (tx: Transaction) => Promise<unknown>,
  from: PlanStatus = row.plan.status,
): Promise<PlanDetail> {
  const p = row.plan;
  await deps.db.transaction(async (tx) => {
    if (!(await updatePlan(tx, p.id, { status: from, revision: p.revision }, set))) throw movedOn();
    await write(tx);
    await audit(tx, ctx, 'update', 'plan', p.id, p.clientId);
  });
  return getPlan(deps, ctx, p.id, { audited: true });
}

/** I4: SA sees the plan's activation, holds, resumption and closure at once, when the client is on SA. */
async function tellSa(
  tx: Transaction,
  ctx: RequestContext,
  row: VisiblePlan,
  at: Date,
  kind: IcmEventKind,
  detail: NonNullable<IcmEventInput['detail']> = {},
): Promise<void> {
  if (!row.client.saProgram) return;
  await recordIcmEvent(tx, {
    clientId: row.plan.clientId,
    catchmentId: row.plan.catchmentId,
    at,
    kind,
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    detail: { planId: row.plan.id, reference: row.plan.reference, ...detail },
  });
}

// ---------------------------------------------------------------------------------------------
// Changing the content (A2, A3, A4, R1)

/**
 * One change to the plan's content, its history entry and its audit, in one transaction. A3: on a
 * draft the revision goes up, so an earlier signature no longer covers the plan; A4: after
 * activation the change is written to the history and the signed revision stands.
 */
async function changeContent(
  deps: PlanDeps,
  ctx: RequestContext,
  row: VisiblePlan,
  write: (tx: Transaction, now: Date) => Promise<{ kind: PlanEventKind; detail: Record<string, unknown> }>,
  extra: Partial<PlanInsert> = {},
): Promise<void> {
  const p = row.plan;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const moved = await updatePlan(
      tx,
      p.id,
      { status: p.status, revision: p.revision },
      { ...extra, revision: bumpsRevision(p.status) ? p.revision + 1 : p.revision, updatedAt: now },
    );
    if (!moved) throw movedOn();
    const e = await write(tx, now);
    await event(tx, ctx, p.id, now, e.kind, {
      ...e.detail,
      ...(bumpsRevision(p.status) ? { revision: p.revision + 1 } : {}),
    });
    await audit(tx, ctx, 'update', 'plan', p.id, p.clientId);
  });
}

/** A2: the plan's two goals, in the client's words (sealed). */
export async function setGoals(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof goalsBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const key = keyOf(deps, row);
  // Sealed before the transaction opens: PGlite has one connection.
  const sealed = input.goals.map((g) => ({
    ordinal: g.ordinal,
    title: g.title ? key.sealText(GOAL_TITLE_FIELD, g.title) : null,
    description: g.description ? key.sealText(GOAL_DESCRIPTION_FIELD, g.description) : null,
  }));
  await changeContent(deps, ctx, row, async (tx) => {
    for (const g of sealed) await setGoal(tx, planId, g.ordinal, g.title, g.description);
    return { kind: 'goals_changed', detail: { ordinals: sealed.map((g) => g.ordinal) } };
  });
  return getPlan(deps, ctx, planId, { audited: true });
}

/** A2/A4/R1: a sub-goal of one of the eight kinds under a goal, at any phase; once per kind and goal. */
export async function addSubGoal(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof subGoalBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const existing = await subGoalsOf(deps.db, planId);
  const duplicate = () =>
    conflict('sub_goal_exists', 'This goal already has a sub-goal of that kind; add the items to it.');
  if (existing.some((s) => s.goalOrdinal === input.goalOrdinal && s.kind === input.kind)) throw duplicate();
  const phase = phaseOfPlan(row.plan);
  try {
    await changeContent(deps, ctx, row, async (tx) => {
      const id = await insertSubGoal(tx, {
        planId,
        goalOrdinal: input.goalOrdinal,
        kind: input.kind,
        addedInPhase: phase,
        createdByUserId: ctx.actor.userId,
      });
      return {
        kind: 'sub_goal_added',
        detail: { subGoalId: id, goalOrdinal: input.goalOrdinal, kind: input.kind, phase },
      };
    });
  } catch (error) {
    if (planUniqueViolation(error) === 'sub_goal') throw duplicate();
    throw error;
  }
  return getPlan(deps, ctx, planId, { audited: true });
}

/** A2: an item from the SSM's catalogue for the sub-goal's kind, or a Custom Basic Plan item. */
export async function addItem(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof itemBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const subGoal = (await subGoalsOf(deps.db, planId)).find((s) => s.id === input.subGoalId);
  if (!subGoal) throw notFound('Sub-goal');
  let catalogue: CatalogueRow | null = null;
  if (input.catalogueItemId) {
    catalogue = await findCatalogueItem(deps.db, row.plan.catchmentId, input.catalogueItemId);
    if (!catalogue || !catalogue.active) throw notFound('Catalogue item');
    if (catalogue.subGoalKind !== subGoal.kind)
      throw refuse(
        'A2',
        'this catalogue item belongs to another kind of sub-goal.',
        'cet élément du catalogue relève d’un autre type de sous-objectif.',
        [
          {
            field: 'body.catalogueItemId',
            message: 'A2: another kind of sub-goal',
            code: 'item_not_for_sub_goal',
          },
        ],
      );
  }
  const problems = itemProblems({
    status: 'planned',
    outcome: null,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    actualEnd: null,
    today: torontoDate(deps.now()),
  });
  if (problems.length) throw refuseAll(problems, 'body.plannedEnd');
  const key = keyOf(deps, row);
  const customTitle = input.customTitle ? key.sealText(CUSTOM_TITLE_FIELD, input.customTitle) : null;
  const phase = phaseOfPlan(row.plan);
  await changeContent(deps, ctx, row, async (tx) => {
    const id = await insertItem(tx, {
      planId,
      subGoalId: subGoal.id,
      catalogueItemId: catalogue?.id ?? null,
      customTitleSealed: customTitle,
      costCents: input.costCents,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
      addedInPhase: phase,
      createdByUserId: ctx.actor.userId,
    });
    return {
      kind: 'item_added',
      detail: {
        itemId: id,
        subGoalId: subGoal.id,
        catalogueItemId: catalogue?.id ?? null,
        code: catalogue?.code ?? null,
        custom: catalogue === null,
        costCents: input.costCents,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        phase,
      },
    };
  });
  return getPlan(deps, ctx, planId, { audited: true });
}

/** A2/A4: an item's status, outcome, cost or dates; every change written to the history. */
export async function changeItem(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  itemId: string,
  input: z.infer<typeof itemPatchBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const found = (await itemsOf(deps.db, planId)).find((i) => i.item.id === itemId);
  if (!found) throw notFound('Plan item');
  const item = found.item;
  if (row.plan.status === 'active_on_hold' && row.plan.onHoldItemId === itemId)
    throw refuse(
      'A10',
      'the training item holds the plan; record the end of the program with “resume”.',
      'l’élément de formation met le plan en attente; consignez la fin du programme avec « reprendre ».',
    );
  const merged = {
    status: input.status ?? item.status,
    outcome: input.outcome !== undefined ? input.outcome : item.outcome,
    actualEnd: input.actualEnd !== undefined ? input.actualEnd : item.actualEnd,
    costCents: input.costCents ?? item.costCents,
    plannedStart: input.plannedStart ?? item.plannedStart,
    plannedEnd: input.plannedEnd ?? item.plannedEnd,
  };
  const problems = itemProblems({ ...merged, today: torontoDate(deps.now()) });
  if (problems.length) throw refuseAll(problems);
  const changes: Record<string, unknown> = {};
  for (const k of Object.keys(merged) as (keyof typeof merged)[]) {
    if (merged[k] !== item[k]) changes[k] = merged[k];
  }
  if (Object.keys(changes).length === 0) return getPlan(deps, ctx, planId);
  await changeContent(deps, ctx, row, async (tx, now) => {
    await updateItem(tx, itemId, { ...merged, updatedAt: now });
    return { kind: 'item_changed', detail: { itemId, ...changes } };
  });
  return getPlan(deps, ctx, planId, { audited: true });
}

// ---------------------------------------------------------------------------------------------
// Summary, signature, activation (A3, A5)

/**
 * A3/A5: the summary the client reviews and signs. Printing it by the provider while the plan is a
 * draft records the revision printed, which the signature must then match. Client-facing: no stream.
 */
export async function getSummary(deps: PlanDeps, ctx: RequestContext, planId: string): Promise<PlanSummary> {
  const row = await visibleOrNotFound(deps, ctx, planId);
  const p = row.plan;
  const key = keyOf(deps, row);
  const loaded = await load(deps.db, planId);
  const caseload = await currentCaseload(deps.db, p.clientId, p.organizationId);
  const caseworkerName = (await userName(deps.db, caseload?.caseworkerUserId ?? p.createdByUserId)) ?? '';
  const now = deps.now();
  const printing = works(ctx, p) && p.status === 'draft';
  await deps.db.transaction(async (tx) => {
    if (printing) {
      const moved = await updatePlan(
        tx,
        p.id,
        { status: p.status, revision: p.revision },
        { summaryPrintedAt: now, summaryPrintedRevision: p.revision, updatedAt: now },
      );
      if (!moved) throw movedOn();
      await event(tx, ctx, p.id, now, 'summary_printed', { revision: p.revision });
    }
    await audit(tx, ctx, 'read', 'plan_summary', p.id, p.clientId);
  });
  return {
    reference: p.reference,
    printedAt: (printing ? now : (p.summaryPrintedAt ?? now)).toISOString(),
    revision: p.revision,
    client: { displayName: displayNameOf(row.client), reference: row.client.reference },
    caseworker: { name: caseworkerName },
    organization: { name: row.organizationName, siteName: row.siteName, phone: row.organizationPhone },
    goals: goalsView(key, loaded.goals),
    subGoals: loaded.subGoals.map((s) => ({
      kind: s.kind,
      goalOrdinal: s.goalOrdinal as 1 | 2,
      items: loaded.items
        .filter((i) => i.item.subGoalId === s.id)
        .map((i) => {
          const name = itemName(key, i);
          return {
            nameEn: name.nameEn,
            nameFr: name.nameFr,
            customTitle: name.custom ? name.nameEn : null,
            costCents: i.item.costCents,
            plannedStart: i.item.plannedStart,
            plannedEnd: i.item.plannedEnd,
            status: i.item.status,
          };
        }),
    })),
    totalCostCents: loaded.items.reduce((sum, i) => sum + i.item.costCents, 0),
    documentsNotice: true,
    signature:
      p.signedOn && p.signatureMethod && p.signatureRevision !== null
        ? { signedOn: p.signedOn, method: p.signatureMethod, revision: p.signatureRevision }
        : null,
  };
}

/** A3: the client signed the printed summary of the current revision, before activation. */
export async function recordSignature(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof signatureBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const p = row.plan;
  const now = deps.now();
  const problems = signatureProblems({
    status: p.status,
    revision: p.revision,
    summaryPrintedRevision: p.summaryPrintedRevision,
    signedOn: input.signedOn,
    today: torontoDate(now),
    planCreatedOn: torontoDate(p.createdAt),
  });
  if (problems.length) throw refuseAll(problems, 'body.signedOn');
  return stepPlan(
    deps,
    ctx,
    row,
    {
      signedOn: input.signedOn,
      signatureMethod: input.method,
      signatureRevision: p.revision,
      signatureRecordedAt: now,
      signatureRecordedByUserId: ctx.actor.userId,
      updatedAt: now,
    },
    (tx) =>
      event(tx, ctx, p.id, now, 'signature_recorded', {
        signedOn: input.signedOn,
        method: input.method,
        revision: p.revision,
      }),
  );
}

/** A2/A3: activation once the plan is complete and signed at its current revision; SA is told (I4). */
export async function activatePlan(deps: PlanDeps, ctx: RequestContext, planId: string): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const p = row.plan;
  const problems = activationOf(p, await load(deps.db, planId), keyOf(deps, row));
  if (problems.length) throw refuseAll(problems);
  const now = deps.now();
  return stepPlan(
    deps,
    ctx,
    row,
    { status: 'active', activatedAt: now, activatedByUserId: ctx.actor.userId, updatedAt: now },
    async (tx) => {
      await event(tx, ctx, p.id, now, 'activated', { revision: p.revision });
      await tellSa(tx, ctx, row, now, 'plan_activated');
    },
    'draft',
  );
}

// ---------------------------------------------------------------------------------------------
// Training referrals (A10) and closure (A8, A9, M11)

/**
 * A10: the program accepted the client. Cases 1 and 3 close the plan "Referral to EO Training
 * Program" (case 1 once the other items are finished); case 2 puts it "Active – On Hold".
 */
export async function recordTrainingReferral(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof trainingReferralBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const p = row.plan;
  if (p.status !== 'active')
    throw refuse(
      'A10',
      'a training referral is recorded on an active plan.',
      'un aiguillage vers une formation est consigné sur un plan actif.',
    );
  const items = await itemsOf(deps.db, planId);
  const found = items.find((i) => i.item.id === input.itemId);
  if (!found) throw notFound('Plan item');
  const program = found.catalogue?.trainingProgram ?? null;
  if (!program)
    throw refuse(
      'A10',
      'choose the plan item of the ministry-retained training program.',
      'choisissez l’élément du plan du programme de formation relevant du ministère.',
      [{ field: 'body.itemId', message: 'A10: not a training program item', code: 'not_training_item' }],
    );
  const now = deps.now();
  const today = torontoDate(now);
  if (input.acceptedOn > today || input.acceptedOn < torontoDate(p.createdAt))
    throw refuse(
      'A10',
      'the acceptance date lies between the plan’s start and today.',
      'la date d’acceptation se situe entre le début du plan et aujourd’hui.',
      [{ field: 'body.acceptedOn', message: 'A10: date out of range', code: 'accepted_on_out_of_range' }],
    );
  const openOtherItems = items.filter((i) => i.item.id !== input.itemId && isItemOpen(i.item.status)).length;
  const problems = trainingReferralProblems({ program, acceptanceConfirmed: true, openOtherItems });
  if (problems.length) throw refuseAll(problems);
  const effect = trainingReferralEffect(program);
  const phase = phaseOfPlan(p);
  const common = { trainingProgram: program, trainingAcceptedOn: input.acceptedOn, updatedAt: now };
  const set: Partial<PlanInsert> =
    effect.plan === 'on_hold'
      ? { ...common, status: 'active_on_hold', onHoldSince: now, onHoldItemId: input.itemId }
      : {
          ...common,
          status: 'closed',
          closedAt: now,
          closedByUserId: ctx.actor.userId,
          closureReason: 'referral_to_eo_training',
          closedInPhase: phase,
          ...closureFlags({
            reason: 'referral_to_eo_training',
            phase,
            activated: p.activatedAt !== null,
            trainingProgram: program,
            completedOnHoldTraining: false,
          }),
        };
  return stepPlan(deps, ctx, row, set, async (tx) => {
    if (found.item.status === 'planned')
      await updateItem(tx, input.itemId, { status: 'in_progress', updatedAt: now });
    await event(tx, ctx, p.id, now, 'training_referral_recorded', {
      itemId: input.itemId,
      program,
      path: effect.path,
      acceptedOn: input.acceptedOn,
    });
    await event(tx, ctx, p.id, now, effect.plan === 'on_hold' ? 'put_on_hold' : 'closed', {
      itemId: input.itemId,
      ...(effect.plan === 'close' ? { reason: 'referral_to_eo_training', phase, earlyExit: true } : {}),
    });
    await tellSa(tx, ctx, row, now, effect.plan === 'on_hold' ? 'plan_on_hold' : 'plan_closed', {
      program,
      ...(effect.plan === 'close' ? { reason: 'referral_to_eo_training', earlyExit: true } : {}),
    });
  });
}

/** A10 case 2: the program ended; the training item is completed and attained, and service resumes. */
export async function resumePlan(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof resumeBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const p = row.plan;
  if (p.status !== 'active_on_hold' || !p.onHoldItemId)
    throw refuse('A10', 'only a plan on hold is resumed.', 'seul un plan en attente est repris.');
  const now = deps.now();
  if (
    input.completedOn > torontoDate(now) ||
    input.completedOn < (p.trainingAcceptedOn ?? torontoDate(p.createdAt))
  )
    throw refuse(
      'A10',
      'the program’s end lies between its acceptance and today.',
      'la fin du programme se situe entre son acceptation et aujourd’hui.',
      [{ field: 'body.completedOn', message: 'A10: date out of range', code: 'completed_on_out_of_range' }],
    );
  const after = itemAfterOnHoldTraining();
  const itemId = p.onHoldItemId;
  return stepPlan(
    deps,
    ctx,
    row,
    { status: after.planStatus, onHoldSince: null, onHoldItemId: null, updatedAt: now },
    async (tx) => {
      await updateItem(tx, itemId, {
        status: after.status,
        outcome: after.outcome,
        actualEnd: input.completedOn,
        updatedAt: now,
      });
      await event(tx, ctx, p.id, now, 'resumed', { itemId, completedOn: input.completedOn });
      await tellSa(tx, ctx, row, now, 'plan_resumed');
    },
  );
}

/**
 * A8/A9/M11: the caseworker closes the plan with a reason the phase allows and a note for the SSM.
 * The KPI flags are fixed now; SA is told (I4: closures and early exits are coordinated with SA).
 */
export async function closePlan(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
  input: z.infer<typeof closeBody>,
): Promise<PlanDetail> {
  const row = await workable(deps, ctx, planId);
  const p = row.plan;
  const phase = phaseOfPlan(p);
  const refusal = closureRefusal(phase, input.reason);
  if (refusal) throw refuseField(refusal.rule, 'body.reason', refusal.code, refusal.en, refusal.fr);
  const items = await itemsOf(deps.db, planId);
  const completedOnHoldTraining = items.some(
    (i) =>
      i.catalogue?.trainingProgram &&
      i.catalogue.trainingProgram === p.trainingProgram &&
      trainingReferralEffect(i.catalogue.trainingProgram).path === 'on_hold' &&
      i.item.status === 'completed' &&
      i.item.outcome === 'attained',
  );
  const flags = closureFlags({
    reason: input.reason,
    phase,
    activated: p.activatedAt !== null,
    trainingProgram: p.trainingProgram,
    completedOnHoldTraining,
  });
  const note = keyOf(deps, row).sealText(CLOSURE_NOTE_FIELD, input.note);
  const now = deps.now();
  return stepPlan(
    deps,
    ctx,
    row,
    {
      status: 'closed',
      closedAt: now,
      closedByUserId: ctx.actor.userId,
      closureReason: input.reason,
      closedInPhase: phase,
      closureNoteSealed: note,
      onHoldSince: null,
      onHoldItemId: null,
      ...flags,
      updatedAt: now,
    },
    async (tx) => {
      await event(tx, ctx, p.id, now, 'closed', { reason: input.reason, phase, earlyExit: flags.earlyExit });
      // A draft was never shared with SA (I2), so closing one tells SA nothing.
      if (p.status !== 'draft')
        await tellSa(tx, ctx, row, now, 'plan_closed', { reason: input.reason, earlyExit: flags.earlyExit });
    },
  );
}

/**
 * C3: a client who withdraws consent stops receiving services, so their open plan closes in the
 * revocation's own transaction, as a voluntary withdrawal for personal reasons (A9 has no "consent
 * withdrawn"; this reason is offered in every phase) and an early exit (M11). Nobody is told through
 * ICM: the revocation ends SA's share at the same moment. Returns the closed plan's id, if any.
 */
export async function closeOnConsentRevocation(
  tx: Transaction,
  ctx: RequestContext,
  clientId: string,
  now: Date,
): Promise<string | null> {
  const p = await openPlanOfClient(tx, clientId);
  if (!p) return null;
  const phase = phaseOfPlan(p);
  const reason = CONSENT_REVOCATION_CLOSURE_REASON;
  const flags = closureFlags({
    reason,
    phase,
    activated: p.activatedAt !== null,
    trainingProgram: null,
    completedOnHoldTraining: false,
  });
  const moved = await updatePlan(
    tx,
    p.id,
    { status: p.status, revision: p.revision },
    {
      status: 'closed',
      closedAt: now,
      closedByUserId: ctx.actor.userId,
      closureReason: reason,
      closedInPhase: phase,
      onHoldSince: null,
      onHoldItemId: null,
      ...flags,
      updatedAt: now,
    },
  );
  if (!moved) throw movedOn();
  await event(tx, ctx, p.id, now, 'closed', { reason, phase, earlyExit: flags.earlyExit, rule: 'C3' });
  await audit(tx, ctx, 'update', 'plan', p.id, clientId);
  return p.id;
}

/** A4: every change to the plan, in order. Not shared with SA (I2). Audited. */
export async function planHistory(
  deps: PlanDeps,
  ctx: RequestContext,
  planId: string,
): Promise<z.infer<typeof historySchema>> {
  const row = await visibleOrNotFound(deps, ctx, planId);
  if (isSaViewer(ctx))
    throw new ProblemError(403, 'forbidden', 'Forbidden', {
      rule: 'I2',
      detail:
        'I2: the plan’s history stays with the provider and the SSM; SA reads the plan and its shared comments.',
      messageFr:
        'I2 : l’historique du plan reste au fournisseur et au GSS; l’aide sociale consulte le plan et ses commentaires partagés.',
    });
  const events = await eventsOf(deps.db, planId);
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'plan_history', planId, row.plan.clientId));
  return {
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      user: { name: e.userName },
      organizationName: e.organizationName,
      detail: e.detail,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The catalogue (A7)

const catalogueView = (c: CatalogueRow): z.infer<typeof catalogueItemSchema> => ({
  id: c.id,
  code: c.code,
  subGoalKind: c.subGoalKind,
  minimumService: c.minimumService,
  trainingProgram: c.trainingProgram,
  nameEn: c.nameEn,
  nameFr: c.nameFr,
  descriptionEn: c.descriptionEn,
  descriptionFr: c.descriptionFr,
  active: c.active,
});

export async function listCatalogueItems(
  deps: PlanDeps,
  ctx: RequestContext,
  query: z.infer<typeof catalogueQuery>,
): Promise<{ items: z.infer<typeof catalogueItemSchema>[] }> {
  // Inactive items are the SSM's to see when it manages the catalogue.
  const includeInactive = query.includeInactive === true && hasPermission(ctx.actor, 'plan_catalogue.manage');
  const rows = await listCatalogue(deps.db, ctx.actor.catchmentId, {
    subGoalKind: query.subGoalKind,
    includeInactive,
  });
  return { items: rows.map(catalogueView) };
}

function checkCatalogueItem(item: Parameters<typeof catalogueItemProblems>[0]) {
  const problems = catalogueItemProblems(item);
  if (problems.length) throw refuseAll(problems, (p) => `body.${p.field}`);
}

export async function createCatalogueItem(
  deps: PlanDeps,
  ctx: RequestContext,
  input: z.infer<typeof catalogueCreateBody>,
): Promise<z.infer<typeof catalogueItemSchema>> {
  const trainingProgram = input.trainingProgram ?? null;
  checkCatalogueItem({
    subGoalKind: input.subGoalKind,
    minimumService: input.minimumService,
    trainingProgram,
  });
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertCatalogueItem(tx, {
      catchmentId: ctx.actor.catchmentId,
      code: input.code,
      subGoalKind: input.subGoalKind,
      minimumService: input.minimumService,
      trainingProgram,
      nameEn: input.nameEn,
      nameFr: input.nameFr,
      descriptionEn: input.descriptionEn ?? '',
      descriptionFr: input.descriptionFr ?? '',
      createdAt: now,
      updatedAt: now,
    });
    if (!created)
      throw conflict('catalogue_code_taken', `The catalogue already has an item with code “${input.code}”.`);
    await audit(tx, ctx, 'create', 'plan_catalogue_item', created.id);
    return created;
  });
  return catalogueView(row);
}

export async function changeCatalogueItem(
  deps: PlanDeps,
  ctx: RequestContext,
  itemId: string,
  input: z.infer<typeof catalogueUpdateBody>,
): Promise<z.infer<typeof catalogueItemSchema>> {
  const existing = await findCatalogueItem(deps.db, ctx.actor.catchmentId, itemId);
  if (!existing) throw notFound('Catalogue item');
  checkCatalogueItem({
    subGoalKind: input.subGoalKind ?? existing.subGoalKind,
    minimumService: input.minimumService ?? existing.minimumService,
    trainingProgram: input.trainingProgram !== undefined ? input.trainingProgram : existing.trainingProgram,
  });
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const updated = await updateCatalogueItem(tx, ctx.actor.catchmentId, itemId, {
      ...input,
      updatedAt: now,
    });
    if (!updated) throw notFound('Catalogue item');
    await audit(tx, ctx, 'update', 'plan_catalogue_item', itemId);
    return updated;
  });
  return catalogueView(row);
}

/** A7: the catchment's coverage of the minimum services. */
export async function catalogueCoverageOf(
  deps: PlanDeps,
  ctx: RequestContext,
): Promise<z.infer<typeof coverageSchema>> {
  return catalogueCoverage(await coverageCounts(deps.db, ctx.actor.catchmentId));
}
