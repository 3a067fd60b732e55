/**
 * Employers, their contacts, locations and site visits, and placements (F10, F12, F13, F14). Plain
 * reads and writes: the rules live in `src/domain/supports/employers.ts`, the checks in the
 * service. Employers are business data (plain text); placements are read by an id the service
 * scopes through the placement's plan, or through `clientScope` for lists.
 */
import { and, asc, desc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { Queryable, Transaction } from '../connection.js';
import { clientScope } from '../scope.js';
import {
  clients,
  employerContacts,
  employerLocations,
  employers,
  employerSiteVisits,
  employerSupportPeriods,
  organizations,
  placements,
  plans,
  supportRequests,
} from '../schema.js';

export type EmployerRow = typeof employers.$inferSelect;
export type EmployerContactRow = typeof employerContacts.$inferSelect;
export type EmployerLocationRow = typeof employerLocations.$inferSelect;
export type SiteVisitRow = typeof employerSiteVisits.$inferSelect;
export type PlacementRow = typeof placements.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Employers

export async function employerById(
  q: Queryable,
  employerId: string,
): Promise<(EmployerRow & { organizationName: string }) | null> {
  const [row] = await q
    .select({ employer: employers, organizationName: organizations.name })
    .from(employers)
    .innerJoin(organizations, eq(organizations.id, employers.organizationId))
    .where(eq(employers.id, employerId));
  return row ? { ...row.employer, organizationName: row.organizationName } : null;
}

/** The catchment's employers, by legal name; `search` matches the legal or operating name. */
export async function employersOfCatchment(q: Queryable, catchmentId: string, search: string | null) {
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await q
    .select({ employer: employers, organizationName: organizations.name })
    .from(employers)
    .innerJoin(organizations, eq(organizations.id, employers.organizationId))
    .where(
      and(
        eq(employers.catchmentId, catchmentId),
        pattern
          ? or(ilike(employers.legalName, pattern), ilike(employers.operatingName, pattern))
          : undefined,
      ),
    )
    .orderBy(asc(employers.legalName), asc(employers.id));
  return rows.map((r) => ({ ...r.employer, organizationName: r.organizationName }));
}

export async function insertEmployer(q: Queryable, values: typeof employers.$inferInsert): Promise<string> {
  const [row] = await q.insert(employers).values(values).returning({ id: employers.id });
  return row!.id;
}

export async function updateEmployer(
  q: Queryable,
  employerId: string,
  set: Partial<typeof employers.$inferInsert>,
): Promise<void> {
  await q.update(employers).set(set).where(eq(employers.id, employerId));
}

export async function contactsOf(q: Queryable, employerId: string): Promise<EmployerContactRow[]> {
  return q
    .select()
    .from(employerContacts)
    .where(eq(employerContacts.employerId, employerId))
    .orderBy(asc(employerContacts.createdAt), asc(employerContacts.id));
}

export async function locationsOf(q: Queryable, employerId: string): Promise<EmployerLocationRow[]> {
  return q
    .select()
    .from(employerLocations)
    .where(eq(employerLocations.employerId, employerId))
    .orderBy(asc(employerLocations.createdAt), asc(employerLocations.id));
}

export async function locationById(q: Queryable, locationId: string): Promise<EmployerLocationRow | null> {
  const [row] = await q.select().from(employerLocations).where(eq(employerLocations.id, locationId));
  return row ?? null;
}

/** Newest first. */
export async function siteVisitsOf(q: Queryable, employerId: string): Promise<SiteVisitRow[]> {
  return q
    .select()
    .from(employerSiteVisits)
    .where(eq(employerSiteVisits.employerId, employerId))
    .orderBy(desc(employerSiteVisits.visitedOn), desc(employerSiteVisits.recordedAt));
}

/** The site visits of several employers at once (the registry list). */
export async function siteVisitsOfEmployers(q: Queryable, employerIds: readonly string[]) {
  if (employerIds.length === 0) return [];
  return q
    .select({
      employerId: employerSiteVisits.employerId,
      visitedOn: employerSiteVisits.visitedOn,
      mode: employerSiteVisits.mode,
    })
    .from(employerSiteVisits)
    .where(inArray(employerSiteVisits.employerId, [...employerIds]));
}

export async function insertContact(q: Queryable, values: typeof employerContacts.$inferInsert) {
  await q.insert(employerContacts).values(values);
}

export async function insertLocation(q: Queryable, values: typeof employerLocations.$inferInsert) {
  await q.insert(employerLocations).values(values);
}

export async function insertSiteVisit(q: Queryable, values: typeof employerSiteVisits.$inferInsert) {
  await q.insert(employerSiteVisits).values(values);
}

// ---------------------------------------------------------------------------------------------
// Placements

export async function placementById(q: Queryable, placementId: string): Promise<PlacementRow | null> {
  const [row] = await q.select().from(placements).where(eq(placements.id, placementId));
  return row ?? null;
}

export async function placementOfSupport(q: Queryable, supportId: string): Promise<PlacementRow | null> {
  const [row] = await q.select().from(placements).where(eq(placements.supportId, supportId));
  return row ?? null;
}

/**
 * A placement and its support, locked for the rest of the transaction, always in the order support
 * then placement (the order every support step takes: its guarded update, then the placement hooks),
 * so concurrent ends, changes and approvals of one placement are decided one after the other.
 */
export async function lockPlacementOfSupport(tx: Transaction, supportId: string) {
  const [support] = await tx
    .select({ state: supportRequests.state })
    .from(supportRequests)
    .where(eq(supportRequests.id, supportId))
    .for('update');
  const [placement] = await tx
    .select()
    .from(placements)
    .where(eq(placements.supportId, supportId))
    .for('update');
  return support && placement ? { supportState: support.state, placement } : null;
}

export async function placementsOfPlan(q: Queryable, planId: string): Promise<PlacementRow[]> {
  return q
    .select()
    .from(placements)
    .where(eq(placements.planId, planId))
    .orderBy(asc(placements.startsOn), asc(placements.createdAt), asc(placements.id));
}

/**
 * An employer's placements the actor may see (their clients' plans, `clientScope`), with what the
 * employer page lists; another provider's clients stay out of it.
 */
export async function visiblePlacementsOfEmployers(
  q: Queryable,
  visibility: ClientVisibility,
  employerIds: readonly string[],
) {
  if (employerIds.length === 0) return [];
  return q
    .select({
      placement: placements,
      planReference: plans.reference,
      supportState: supportRequests.state,
      client: {
        id: clients.id,
        legalGivenName: clients.legalGivenName,
        legalFamilyName: clients.legalFamilyName,
        preferredName: clients.preferredName,
        purgedAt: clients.purgedAt,
      },
    })
    .from(placements)
    .innerJoin(plans, eq(plans.id, placements.planId))
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .innerJoin(supportRequests, eq(supportRequests.id, placements.supportId))
    .where(and(inArray(placements.employerId, [...employerIds]), clientScope(visibility)))
    .orderBy(desc(placements.startsOn), asc(placements.id));
}

export async function insertPlacement(q: Queryable, values: typeof placements.$inferInsert): Promise<void> {
  await q.insert(placements).values(values);
}

export async function updatePlacement(
  q: Queryable,
  placementId: string,
  set: Partial<typeof placements.$inferInsert>,
): Promise<void> {
  await q.update(placements).set(set).where(eq(placements.id, placementId));
}

/**
 * F14: the placements of a plan meant to continue as a job whose employer support is approved (it
 * has its F12 period): the monitoring facts read their first days.
 */
export async function continuingPlacementsOf(q: Queryable, planId: string) {
  return q
    .select({ startsOn: placements.startsOn, endsOn: placements.endsOn, endedOn: placements.endedOn })
    .from(placements)
    .where(
      and(
        eq(placements.planId, planId),
        eq(placements.intendedToContinue, true),
        isNotNull(placements.employerSupportPeriodId),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// The placement's support, as far as this module reads and writes it

export async function supportOfPlacement(q: Queryable, supportId: string) {
  const [row] = await q
    .select({
      id: supportRequests.id,
      reference: supportRequests.reference,
      state: supportRequests.state,
      amountCents: supportRequests.amountCents,
      employerUse: supportRequests.employerUse,
      preApprovalReasons: supportRequests.preApprovalReasons,
      approvedOn: supportRequests.approvedOn,
      issuedOn: supportRequests.issuedOn,
      reportDueOn: supportRequests.reportDueOn,
      reportedOn: supportRequests.reportedOn,
    })
    .from(supportRequests)
    .where(eq(supportRequests.id, supportId));
  return row ?? null;
}
export type PlacementSupportRow = NonNullable<Awaited<ReturnType<typeof supportOfPlacement>>>;

/** F13: the employer support's report deadline, fixed when the placement ends. */
export async function setSupportReportDueOn(q: Queryable, supportId: string, reportDueOn: string, at: Date) {
  await q
    .update(supportRequests)
    .set({ reportDueOn, updatedAt: at })
    .where(eq(supportRequests.id, supportId));
}

// ---------------------------------------------------------------------------------------------
// F12: the placement's employer support period (monitoring's table, source 'placement')

export async function insertPlacementPeriod(
  q: Queryable,
  values: { planId: string; startsOn: string; endsOn: string | null; recordedByUserId: string; at: Date },
): Promise<string> {
  const [row] = await q
    .insert(employerSupportPeriods)
    .values({
      planId: values.planId,
      jobId: null,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      source: 'placement',
      recordedByUserId: values.recordedByUserId,
      createdAt: values.at,
      updatedAt: values.at,
    })
    .returning({ id: employerSupportPeriods.id });
  return row!.id;
}

export async function setPlacementPeriodEnd(q: Queryable, periodId: string, endsOn: string, at: Date) {
  await q
    .update(employerSupportPeriods)
    .set({ endsOn, updatedAt: at })
    .where(and(eq(employerSupportPeriods.id, periodId), eq(employerSupportPeriods.source, 'placement')));
}

/** Unlinks the placement from its period and removes it: a cancelled support was never paid (F12). */
export async function removePlacementPeriod(q: Queryable, placementId: string, periodId: string, at: Date) {
  await q
    .update(placements)
    .set({ employerSupportPeriodId: null, updatedAt: at })
    .where(eq(placements.id, placementId));
  await q
    .delete(employerSupportPeriods)
    .where(and(eq(employerSupportPeriods.id, periodId), eq(employerSupportPeriods.source, 'placement')));
}

/** Placement counts per employer over what the actor may see (the registry list). */
export async function visiblePlacementCounts(
  q: Queryable,
  visibility: ClientVisibility,
  employerIds: readonly string[],
): Promise<Map<string, number>> {
  if (employerIds.length === 0) return new Map();
  const rows = await q
    .select({ employerId: placements.employerId, n: sql<number>`count(*)::int` })
    .from(placements)
    .innerJoin(plans, eq(plans.id, placements.planId))
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .where(and(inArray(placements.employerId, [...employerIds]), clientScope(visibility)))
    .groupBy(placements.employerId);
  return new Map(rows.map((r) => [r.employerId, Number(r.n)]));
}
