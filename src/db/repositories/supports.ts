/**
 * Financial supports (F1–F13) and ERFS budgets (F3, F7, F8). Reads of a support always go through
 * the client's scope (`clientScope`); state changes take the states they may leave as a guard, so
 * two people acting on one support at once cannot both win.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { RequestState } from '../../domain/supports/types.js';
import type { Queryable, Transaction } from '../connection.js';
import { clientScope } from '../scope.js';
import {
  assessments,
  clientDataKeys,
  clients,
  erfsBudgets,
  organizations,
  placements,
  plans,
  supportEvidence,
  supportRequests,
} from '../schema.js';

export type SupportRow = typeof supportRequests.$inferSelect;
export type SupportInsert = typeof supportRequests.$inferInsert;
export type SupportEvidenceRow = typeof supportEvidence.$inferSelect;
export type BudgetRowDb = typeof erfsBudgets.$inferSelect;

export async function nextSupportReference(q: Queryable): Promise<string> {
  // Both drivers return { rows }; their result types differ only in extras this does not use.
  const result = (await q.execute(sql`select nextval('support_reference_seq') as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  return `ERFS-${String(result.rows[0]!.n).padStart(6, '0')}`;
}

/**
 * F6: takes the plan row's lock for the rest of the transaction, so the live ERFS total read after
 * it cannot change under a concurrent request on the same plan (which waits here).
 */
export async function lockPlan(tx: Transaction, planId: string): Promise<void> {
  await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId)).for('update');
}

/** F6 for status-quo clients (no plan): the client row is what concurrent requests serialize on. */
export async function lockClient(tx: Transaction, clientId: string): Promise<void> {
  await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).for('update');
}

/** What a support needs of its client: names, scope facts, the key to open its sealed text. */
const clientColumns = {
  id: clients.id,
  legalGivenName: clients.legalGivenName,
  legalFamilyName: clients.legalFamilyName,
  preferredName: clients.preferredName,
  saProgram: clients.saProgram,
  statusQuo: clients.statusQuo,
  specializedPopulations: clients.specializedPopulations,
  catchmentId: clients.catchmentId,
  purgedAt: clients.purgedAt,
};

/** A support with its client, organization and plan, if the actor may see the client. */
export async function findVisibleSupport(q: Queryable, visibility: ClientVisibility, supportId: string) {
  const [row] = await supportRowsWhere(q, and(eq(supportRequests.id, supportId), clientScope(visibility))!);
  return row ?? null;
}
export type VisibleSupport = NonNullable<Awaited<ReturnType<typeof findVisibleSupport>>>;

function supportRowsWhere(q: Queryable, where: ReturnType<typeof and>) {
  return q
    .select({
      support: supportRequests,
      client: clientColumns,
      wrappedKey: clientDataKeys.wrappedKey,
      organizationName: organizations.name,
      planReference: plans.reference,
      placementId: placements.id,
    })
    .from(supportRequests)
    .innerJoin(clients, eq(clients.id, supportRequests.clientId))
    .innerJoin(organizations, eq(organizations.id, supportRequests.organizationId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, supportRequests.clientId))
    .leftJoin(plans, eq(plans.id, supportRequests.planId))
    .leftJoin(placements, eq(placements.supportId, supportRequests.id))
    .where(where)
    .orderBy(asc(supportRequests.requestedAt), asc(supportRequests.reference));
}

/** Every support of a plan, oldest first (the client is in scope: the caller read the plan). */
export function supportsOfPlan(q: Queryable, planId: string) {
  return supportRowsWhere(q, and(eq(supportRequests.planId, planId)));
}

/** Every support of a client, across plans and status-quo ones, if the actor may see the client. */
export function supportsOfClient(q: Queryable, visibility: ClientVisibility, clientId: string) {
  return supportRowsWhere(q, and(eq(supportRequests.clientId, clientId), clientScope(visibility)));
}

/** Supports of a catchment in some states (the SSM's approvals queue), scoped to what the actor sees. */
export function supportsInStates(
  q: Queryable,
  visibility: ClientVisibility,
  catchmentId: string,
  states: readonly RequestState[],
) {
  return supportRowsWhere(
    q,
    and(
      eq(supportRequests.catchmentId, catchmentId),
      inArray(supportRequests.state, [...states]),
      clientScope(visibility),
    ),
  );
}

/** F6: the amounts and states of the supports of a plan (read under the plan's lock). */
export function supportAmountsOfPlan(q: Queryable, planId: string) {
  return q
    .select({
      id: supportRequests.id,
      state: supportRequests.state,
      cents: supportRequests.amountCents,
      fundingSource: supportRequests.fundingSource,
    })
    .from(supportRequests)
    .where(eq(supportRequests.planId, planId));
}

/** F6/F7: the same for a status-quo client's supports, which hang on no plan. */
export function statusQuoSupportAmounts(q: Queryable, clientId: string) {
  return q
    .select({
      id: supportRequests.id,
      state: supportRequests.state,
      cents: supportRequests.amountCents,
      fundingSource: supportRequests.fundingSource,
    })
    .from(supportRequests)
    .where(and(eq(supportRequests.clientId, clientId), isNull(supportRequests.planId)));
}

export async function insertSupport(q: Queryable, values: SupportInsert): Promise<string> {
  const [row] = await q.insert(supportRequests).values(values).returning({ id: supportRequests.id });
  return row!.id;
}

/**
 * Moves a support on only if it is still in one of `from`; false when someone else moved it first
 * (the caller answers 409).
 */
export async function updateSupportFrom(
  q: Queryable,
  supportId: string,
  from: readonly RequestState[],
  values: Partial<SupportInsert>,
): Promise<boolean> {
  const rows = await q
    .update(supportRequests)
    .set(values)
    .where(and(eq(supportRequests.id, supportId), inArray(supportRequests.state, [...from])))
    .returning({ id: supportRequests.id });
  return rows.length === 1;
}

export async function evidenceOfSupports(
  q: Queryable,
  supportIds: readonly string[],
): Promise<SupportEvidenceRow[]> {
  if (!supportIds.length) return [];
  return q
    .select()
    .from(supportEvidence)
    .where(inArray(supportEvidence.supportId, [...supportIds]))
    .orderBy(asc(supportEvidence.uploadedAt), asc(supportEvidence.id));
}

export async function insertSupportEvidence(
  q: Queryable,
  values: typeof supportEvidence.$inferInsert,
): Promise<string> {
  const [row] = await q.insert(supportEvidence).values(values).returning({ id: supportEvidence.id });
  return row!.id;
}

export async function supportEvidenceById(
  q: Queryable,
  evidenceId: string,
): Promise<SupportEvidenceRow | null> {
  const [row] = await q.select().from(supportEvidence).where(eq(supportEvidence.id, evidenceId));
  return row ?? null;
}

/** A client as a support request reads it: scope facts, key, and (for F1) nothing else. */
export async function findVisibleClientForSupport(
  q: Queryable,
  visibility: ClientVisibility,
  clientId: string,
) {
  const [row] = await q
    .select({ client: clientColumns, wrappedKey: clientDataKeys.wrappedKey })
    .from(clients)
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, clients.id))
    .where(and(eq(clients.id, clientId), clientScope(visibility)));
  return row ?? null;
}

/** The client of a plan and the plan's assessment's service level (F1), for a plan already in scope. */
export async function planRecipientFacts(q: Queryable, planId: string) {
  const [row] = await q
    .select({
      client: clientColumns,
      wrappedKey: clientDataKeys.wrappedKey,
      serviceLevel: assessments.serviceLevel,
    })
    .from(plans)
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .innerJoin(assessments, eq(assessments.id, plans.assessmentId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, plans.clientId))
    .where(eq(plans.id, planId));
  return row ?? null;
}

/** The plan row again, inside a transaction (after its lock, its status is current). */
export async function planById(q: Queryable, planId: string) {
  const [row] = await q.select().from(plans).where(eq(plans.id, planId));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Budgets (F3, F7, F8)

/** The providers of a catchment, or one of them, by name. */
export function providersOf(q: Queryable, catchmentId: string, organizationId: string | null = null) {
  return q
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.catchmentId, catchmentId),
        eq(organizations.kind, 'provider'),
        organizationId ? eq(organizations.id, organizationId) : undefined,
      ),
    )
    .orderBy(asc(organizations.name));
}

export async function budgetsOf(
  q: Queryable,
  organizationIds: readonly string[],
  fiscalYear: number,
): Promise<BudgetRowDb[]> {
  if (!organizationIds.length) return [];
  return q
    .select()
    .from(erfsBudgets)
    .where(
      and(inArray(erfsBudgets.organizationId, [...organizationIds]), eq(erfsBudgets.fiscalYear, fiscalYear)),
    );
}

export async function saveBudget(q: Queryable, values: typeof erfsBudgets.$inferInsert): Promise<void> {
  await q
    .insert(erfsBudgets)
    .values(values)
    .onConflictDoUpdate({
      target: [erfsBudgets.organizationId, erfsBudgets.fiscalYear],
      set: {
        basePerClientCents: values.basePerClientCents,
        clientVolume: values.clientVolume,
        operationalCents: values.operationalCents,
        reallocationCents: values.reallocationCents,
        odspReserveCents: values.odspReserveCents,
        updatedByUserId: values.updatedByUserId,
        updatedAt: values.updatedAt,
      },
    });
}

/**
 * F3: every support of some providers as the budget reads it (amounts, states and dates only: no
 * personal data, so a budget read is not a read of anyone's record).
 */
export function budgetLinesOf(q: Queryable, organizationIds: readonly string[]) {
  if (!organizationIds.length) return Promise.resolve([]);
  return q
    .select({
      organizationId: supportRequests.organizationId,
      state: supportRequests.state,
      cents: supportRequests.amountCents,
      fundingSource: supportRequests.fundingSource,
      statusQuo: clients.statusQuo,
      planId: supportRequests.planId,
      requestedAt: supportRequests.requestedAt,
      approvedOn: supportRequests.approvedOn,
      issuedOn: supportRequests.issuedOn,
    })
    .from(supportRequests)
    .innerJoin(clients, eq(clients.id, supportRequests.clientId))
    .where(inArray(supportRequests.organizationId, [...organizationIds]));
}
