/**
 * Employment Action Plans (A1–A10) and the SSM's plan-item catalogue (A7). Reads of a plan always go
 * through the client's scope; writes take the plan's status and revision as a guard so two
 * caseworkers changing one plan at once cannot both win.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { MinimumService, PlanStatus, SubGoalKind } from '../../domain/plan/types.js';
import type { Queryable } from '../connection.js';
import { clientScope } from '../scope.js';
import {
  assessments,
  caseNotes,
  clientDataKeys,
  clients,
  organizations,
  planEvents,
  planGoals,
  planItemCatalogue,
  planItems,
  plans,
  planSubGoals,
  referrals,
  sites,
  users,
} from '../schema.js';

export type PlanRow = typeof plans.$inferSelect;
export type PlanInsert = typeof plans.$inferInsert;
export type PlanItemRow = typeof planItems.$inferSelect;
export type CatalogueRow = typeof planItemCatalogue.$inferSelect;
export type CatalogueInsert = typeof planItemCatalogue.$inferInsert;
export type PlanEventInsert = typeof planEvents.$inferInsert;

export async function nextPlanReference(q: Queryable): Promise<string> {
  // Both drivers return { rows }; their result types differ only in extras this does not use.
  const result = (await q.execute(sql`select nextval('plan_reference_seq') as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  return `EAP-${String(result.rows[0]!.n).padStart(7, '0')}`;
}

/**
 * Which A1 unique index refused an insert, if one did: `plans_one_open_per_client` (a second open
 * plan) or `plans_assessment` (a CA already used). Drizzle wraps the driver's error in `cause`.
 */
export function planUniqueViolation(error: unknown): 'open_plan' | 'assessment_used' | 'sub_goal' | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (x.code === '23505') {
      const text = `${typeof x.constraint === 'string' ? x.constraint : ''} ${typeof x.message === 'string' ? x.message : ''}`;
      if (text.includes('plans_one_open_per_client')) return 'open_plan';
      if (text.includes('plans_assessment')) return 'assessment_used';
      if (text.includes('plan_sub_goals_plan_goal_kind')) return 'sub_goal';
      return null;
    }
    e = x.cause;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading plans

/** One plan, if the actor may see its client, with what is needed to decrypt and describe it. */
export async function findVisiblePlan(q: Queryable, visibility: ClientVisibility, planId: string) {
  const [row] = await q
    .select({
      plan: plans,
      client: {
        id: clients.id,
        reference: clients.reference,
        legalGivenName: clients.legalGivenName,
        legalFamilyName: clients.legalFamilyName,
        preferredName: clients.preferredName,
        saProgram: clients.saProgram,
        purgedAt: clients.purgedAt,
      },
      wrappedKey: clientDataKeys.wrappedKey,
      organizationName: organizations.name,
      organizationPhone: organizations.phone,
      siteName: sites.name,
      assessment: {
        id: assessments.id,
        reference: assessments.reference,
        submittedAt: assessments.submittedAt,
      },
    })
    .from(plans)
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .innerJoin(assessments, eq(assessments.id, plans.assessmentId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, plans.clientId))
    .leftJoin(sites, eq(sites.id, plans.siteId))
    .where(and(eq(plans.id, planId), clientScope(visibility)));
  return row ?? null;
}
export type VisiblePlan = NonNullable<Awaited<ReturnType<typeof findVisiblePlan>>>;

export async function plansOfClient(q: Queryable, clientId: string): Promise<PlanRow[]> {
  return q.select().from(plans).where(eq(plans.clientId, clientId)).orderBy(desc(plans.createdAt));
}

export async function openPlanOfClient(q: Queryable, clientId: string): Promise<PlanRow | null> {
  const [row] = await q
    .select()
    .from(plans)
    .where(and(eq(plans.clientId, clientId), ne(plans.status, 'closed')))
    .limit(1);
  return row ?? null;
}

/** The client's submitted CAs, newest first, with whether a plan already uses each (A1). */
export async function submittedAssessmentsOf(q: Queryable, clientId: string) {
  return q
    .select({
      id: assessments.id,
      reference: assessments.reference,
      holderOrganizationId: assessments.holderOrganizationId,
      siteId: assessments.siteId,
      serviceLevel: assessments.serviceLevel,
      segmentation: assessments.segmentation,
      submittedAt: assessments.submittedAt,
      planId: plans.id,
    })
    .from(assessments)
    .leftJoin(plans, eq(plans.assessmentId, assessments.id))
    .where(and(eq(assessments.clientId, clientId), eq(assessments.status, 'submitted')))
    .orderBy(desc(assessments.submittedAt));
}

export async function goalsOf(q: Queryable, planId: string) {
  return q.select().from(planGoals).where(eq(planGoals.planId, planId)).orderBy(asc(planGoals.ordinal));
}

export async function subGoalsOf(q: Queryable, planId: string) {
  return q
    .select()
    .from(planSubGoals)
    .where(eq(planSubGoals.planId, planId))
    .orderBy(asc(planSubGoals.goalOrdinal), asc(planSubGoals.createdAt));
}

export async function itemsOf(q: Queryable, planId: string) {
  return q
    .select({
      item: planItems,
      catalogue: {
        code: planItemCatalogue.code,
        nameEn: planItemCatalogue.nameEn,
        nameFr: planItemCatalogue.nameFr,
        trainingProgram: planItemCatalogue.trainingProgram,
      },
    })
    .from(planItems)
    .leftJoin(planItemCatalogue, eq(planItemCatalogue.id, planItems.catalogueItemId))
    .where(eq(planItems.planId, planId))
    .orderBy(asc(planItems.createdAt), asc(planItems.id));
}
export type ItemWithCatalogue = Awaited<ReturnType<typeof itemsOf>>[number];

/**
 * I2: the comments shared with SA on the plan's items, oldest first. Internal notes never leave
 * here; the case-management module writes the notes, this only reads the shared ones.
 */
export async function sharedCommentsOf(q: Queryable, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return q
    .select({
      id: caseNotes.id,
      at: caseNotes.at,
      planItemId: caseNotes.planItemId,
      bodySealed: caseNotes.bodySealed,
      authorName: users.displayName,
      organizationName: organizations.name,
    })
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorUserId))
    .innerJoin(organizations, eq(organizations.id, caseNotes.organizationId))
    .where(
      and(
        eq(caseNotes.visibility, 'shared_with_sa'),
        isNotNull(caseNotes.planItemId),
        inArray(caseNotes.planItemId, itemIds),
      ),
    )
    .orderBy(asc(caseNotes.seq));
}

export async function eventsOf(q: Queryable, planId: string) {
  return q
    .select({
      id: planEvents.id,
      at: planEvents.at,
      kind: planEvents.kind,
      detail: planEvents.detail,
      userName: users.displayName,
      organizationName: organizations.name,
    })
    .from(planEvents)
    .innerJoin(users, eq(users.id, planEvents.userId))
    .innerJoin(organizations, eq(organizations.id, planEvents.organizationId))
    .where(eq(planEvents.planId, planId))
    .orderBy(asc(planEvents.seq));
}

export async function userName(q: Queryable, userId: string): Promise<string | null> {
  const [row] = await q.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/** P11/K5: every plan activation of these clients, with the provider that activated it. */
export async function planActivationsOfClients(q: Queryable, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  const rows = await q
    .select({
      clientId: plans.clientId,
      organizationId: plans.organizationId,
      activatedAt: plans.activatedAt,
    })
    .from(plans)
    .where(and(inArray(plans.clientId, [...new Set(clientIds)]), isNotNull(plans.activatedAt)));
  return rows.map((r) => ({ ...r, activatedAt: r.activatedAt! }));
}

/** P11/K5: the plan activations of each referral's client, by referral. */
export async function planActivationsOfReferrals(q: Queryable, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  const rows = await q
    .select({
      referralId: referrals.id,
      organizationId: plans.organizationId,
      activatedAt: plans.activatedAt,
    })
    .from(referrals)
    .innerJoin(plans, eq(plans.clientId, referrals.clientId))
    .where(and(inArray(referrals.id, [...new Set(referralIds)]), isNotNull(plans.activatedAt)));
  return rows.map((r) => ({ ...r, activatedAt: r.activatedAt! }));
}

// ---------------------------------------------------------------------------------------------
// Writing plans

export async function insertPlan(q: Queryable, values: PlanInsert & { id: string }): Promise<void> {
  await q.insert(plans).values(values);
  // A2: the two goals exist from the start, empty until the client and caseworker word them.
  await q.insert(planGoals).values([
    { planId: values.id, ordinal: 1 },
    { planId: values.id, ordinal: 2 },
  ]);
}

/**
 * Changes the plan only if it is still in the status and revision the caller read, so a concurrent
 * change is detected rather than overwritten. Returns whether the row was changed.
 */
export async function updatePlan(
  q: Queryable,
  planId: string,
  expected: { status: PlanStatus; revision: number },
  set: Partial<PlanInsert>,
): Promise<boolean> {
  const rows = await q
    .update(plans)
    .set(set)
    .where(
      and(eq(plans.id, planId), eq(plans.status, expected.status), eq(plans.revision, expected.revision)),
    )
    .returning({ id: plans.id });
  return rows.length === 1;
}

export async function setGoal(
  q: Queryable,
  planId: string,
  ordinal: number,
  titleSealed: Buffer | null,
  descriptionSealed: Buffer | null,
): Promise<void> {
  await q
    .insert(planGoals)
    .values({ planId, ordinal, titleSealed, descriptionSealed })
    .onConflictDoUpdate({
      target: [planGoals.planId, planGoals.ordinal],
      set: { titleSealed, descriptionSealed },
    });
}

export async function insertSubGoal(q: Queryable, values: typeof planSubGoals.$inferInsert): Promise<string> {
  const [row] = await q.insert(planSubGoals).values(values).returning({ id: planSubGoals.id });
  return row!.id;
}

export async function insertItem(q: Queryable, values: typeof planItems.$inferInsert): Promise<string> {
  const [row] = await q.insert(planItems).values(values).returning({ id: planItems.id });
  return row!.id;
}

export async function updateItem(
  q: Queryable,
  itemId: string,
  set: Partial<typeof planItems.$inferInsert>,
): Promise<void> {
  await q.update(planItems).set(set).where(eq(planItems.id, itemId));
}

export async function addPlanEvent(q: Queryable, event: PlanEventInsert): Promise<void> {
  await q.insert(planEvents).values(event);
}

// ---------------------------------------------------------------------------------------------
// The catalogue (A7)

export async function listCatalogue(
  q: Queryable,
  catchmentId: string,
  filter: { subGoalKind?: SubGoalKind | undefined; includeInactive?: boolean | undefined } = {},
): Promise<CatalogueRow[]> {
  const where = [eq(planItemCatalogue.catchmentId, catchmentId)];
  if (filter.subGoalKind) where.push(eq(planItemCatalogue.subGoalKind, filter.subGoalKind));
  if (!filter.includeInactive) where.push(eq(planItemCatalogue.active, true));
  return q
    .select()
    .from(planItemCatalogue)
    .where(and(...where))
    .orderBy(asc(planItemCatalogue.subGoalKind), asc(planItemCatalogue.code));
}

export async function findCatalogueItem(
  q: Queryable,
  catchmentId: string,
  id: string,
): Promise<CatalogueRow | null> {
  const [row] = await q
    .select()
    .from(planItemCatalogue)
    .where(and(eq(planItemCatalogue.id, id), eq(planItemCatalogue.catchmentId, catchmentId)));
  return row ?? null;
}

export async function insertCatalogueItem(
  q: Queryable,
  values: CatalogueInsert,
): Promise<CatalogueRow | null> {
  const [row] = await q
    .insert(planItemCatalogue)
    .values(values)
    .onConflictDoNothing({ target: [planItemCatalogue.catchmentId, planItemCatalogue.code] })
    .returning();
  return row ?? null;
}

export async function updateCatalogueItem(
  q: Queryable,
  catchmentId: string,
  id: string,
  set: Partial<CatalogueInsert>,
): Promise<CatalogueRow | null> {
  const [row] = await q
    .update(planItemCatalogue)
    .set(set)
    .where(and(eq(planItemCatalogue.id, id), eq(planItemCatalogue.catchmentId, catchmentId)))
    .returning();
  return row ?? null;
}

/** A7: how many active catalogue items deliver each minimum service in the catchment. */
export async function catalogueCoverage(q: Queryable, catchmentId: string) {
  const rows = await q
    .select({ minimumService: planItemCatalogue.minimumService, n: sql<number>`count(*)::int` })
    .from(planItemCatalogue)
    .where(and(eq(planItemCatalogue.catchmentId, catchmentId), eq(planItemCatalogue.active, true)))
    .groupBy(planItemCatalogue.minimumService);
  return rows.map((r) => ({ minimumService: r.minimumService as MinimumService, items: Number(r.n) }));
}
