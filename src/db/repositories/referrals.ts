import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ReferralVisibility } from '../../domain/access/policy.js';
import type { ReferralSource } from '../../domain/referral/pathways.js';
import type { Queryable } from '../connection.js';
import { referralScope } from '../scope.js';
import {
  clientDataKeys,
  clients,
  clientShares,
  organizations,
  referralAppointments,
  referralContactAttempts,
  referralEvents,
  referrals,
  sites,
  trfImports,
  users,
} from '../schema.js';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;
export type ReferralStatus = ReferralRow['status'];

export async function nextReferralReference(q: Queryable): Promise<string> {
  // Both drivers return { rows }; their result types differ only in extras this does not use.
  const result = (await q.execute(sql`select nextval('referral_reference_seq') as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  return `RF-${String(result.rows[0]!.n).padStart(7, '0')}`;
}

export async function insertReferral(q: Queryable, values: ReferralInsert & { id: string }): Promise<void> {
  await q.insert(referrals).values(values);
}

export async function updateReferral(
  q: Queryable,
  id: string,
  values: Partial<ReferralInsert>,
): Promise<void> {
  await q
    .update(referrals)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(referrals.id, id));
}

/**
 * A change of status that holds only if the referral is still where the caller found it: two intake
 * workers assigning at once, or a return racing an assignment, cannot both win. False when it moved.
 */
export async function transitionReferral(
  q: Queryable,
  id: string,
  from: ReferralStatus,
  values: Partial<ReferralInsert>,
  where: { assignedOrganizationId?: string } = {},
): Promise<boolean> {
  const conditions: SQL[] = [eq(referrals.id, id), eq(referrals.status, from)];
  if (where.assignedOrganizationId)
    conditions.push(eq(referrals.assignedOrganizationId, where.assignedOrganizationId));
  const rows = await q
    .update(referrals)
    .set({ ...values, updatedAt: new Date() })
    .where(and(...conditions))
    .returning({ id: referrals.id });
  return rows.length === 1;
}

export async function addReferralEvent(
  q: Queryable,
  e: {
    referralId: string;
    actorUserId: string | null;
    actorOrganizationId: string | null;
    kind: string;
    detail?: Record<string, unknown>;
    /** When the step was taken; the database's clock if omitted. */
    at?: Date;
  },
): Promise<void> {
  await q.insert(referralEvents).values({ ...e, detail: e.detail ?? {} });
}

/** A referral the actor may see, with the client's data key for its sealed notes. */
export async function findVisibleReferral(q: Queryable, visibility: ReferralVisibility, id: string) {
  const [row] = await q
    .select({
      referral: referrals,
      clientGivenName: clients.legalGivenName,
      clientFamilyName: clients.legalFamilyName,
      clientReference: clients.reference,
      wrappedKey: clientDataKeys.wrappedKey,
    })
    .from(referrals)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, referrals.clientId))
    .where(and(eq(referrals.id, id), referralScope(visibility)));
  return row ?? null;
}

export async function referralTimeline(q: Queryable, referralId: string) {
  return q
    .select({
      at: referralEvents.at,
      kind: referralEvents.kind,
      detail: referralEvents.detail,
      actorName: users.displayName,
      actorOrganizationId: referralEvents.actorOrganizationId,
      actorOrganizationName: organizations.name,
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.actorUserId))
    .leftJoin(organizations, eq(organizations.id, referralEvents.actorOrganizationId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.seq));
}

/** P10 d: the organizations that handed this referral back; a forward must not send it to them again. */
export async function organizationsThatReturned(q: Queryable, referralId: string): Promise<Set<string>> {
  const rows = await q
    .selectDistinct({ organizationId: referralEvents.actorOrganizationId })
    .from(referralEvents)
    .where(and(eq(referralEvents.referralId, referralId), eq(referralEvents.kind, 'returned')));
  return new Set(rows.map((r) => r.organizationId).filter((id): id is string => id !== null));
}

export async function userDisplayName(q: Queryable, userId: string): Promise<string | null> {
  const [row] = await q.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

const asBoolean = (v: unknown) => v === true || v === 't' || v === 'true';

/**
 * The referrals an actor may see in the given statuses, newest received first, with what a worklist
 * needs to place and order each one: the first contact attempt, the number of attempts and
 * appointments, whether the client came to one, whether it was ever assigned. One query, the
 * aggregates as correlated sub-selects on the referral-keyed indexes; no notes, no screening answers.
 */
export async function listWorkRows(
  q: Queryable,
  visibility: ReferralVisibility,
  filter: { statuses: readonly ReferralStatus[]; limit?: number },
) {
  const attemptsOf = sql`from ${referralContactAttempts} where ${referralContactAttempts.referralId} = ${referrals.id}`;
  const appointmentsOf = sql`from ${referralAppointments} where ${referralAppointments.referralId} = ${referrals.id}`;
  const query = q
    .select({
      id: referrals.id,
      reference: referrals.reference,
      clientId: referrals.clientId,
      pathway: referrals.pathway,
      source: referrals.source,
      status: referrals.status,
      redirectRequested: referrals.redirectRequested,
      warmReferral: referrals.warmReferral,
      receivedAt: referrals.receivedAt,
      assignedOrganizationId: referrals.assignedOrganizationId,
      assignedAt: referrals.assignedAt,
      returnReason: referrals.returnReason,
      ssmDecision: referrals.ssmDecision,
      screeningOutcome: sql<string | null>`${referrals.screening} -> 'result' ->> 'outcome'`,
      clientGivenName: clients.legalGivenName,
      clientFamilyName: clients.legalFamilyName,
      assignedOrganizationName: organizations.name,
      firstAttemptAt: sql<Date | null>`(select min(${referralContactAttempts.at}) ${attemptsOf})`.mapWith(
        referralContactAttempts.at,
      ),
      contactAttemptCount: sql<number>`(select count(*) ${attemptsOf})`.mapWith(Number),
      appointmentCount: sql<number>`(select count(*) ${appointmentsOf})`.mapWith(Number),
      appointmentAttended:
        sql<boolean>`exists (select 1 ${appointmentsOf} and ${referralAppointments.attended})`.mapWith(
          asBoolean,
        ),
      everAssigned:
        sql<boolean>`exists (select 1 from ${referralEvents} where ${referralEvents.referralId} = ${referrals.id} and ${referralEvents.kind} = 'assigned')`.mapWith(
          asBoolean,
        ),
    })
    .from(referrals)
    .innerJoin(clients, eq(clients.id, referrals.clientId))
    .leftJoin(organizations, eq(organizations.id, referrals.assignedOrganizationId))
    .where(and(referralScope(visibility), inArray(referrals.status, [...filter.statuses])))
    .orderBy(desc(referrals.receivedAt), desc(referrals.id));
  return filter.limit === undefined ? query : query.limit(filter.limit);
}
export type WorkRow = Awaited<ReturnType<typeof listWorkRows>>[number];

/** How many referrals the actor may see in the given statuses. */
export async function countVisibleReferrals(
  q: Queryable,
  visibility: ReferralVisibility,
  statuses: readonly ReferralStatus[],
): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(referrals)
    .where(and(referralScope(visibility), inArray(referrals.status, [...statuses])));
  return row?.n ?? 0;
}

/**
 * Open referrals of a client anywhere in the network, whoever can see them: a walk-in must not
 * start a second path for someone already on one (P2). Returns ids and owners only.
 */
export async function openReferralsOfClient(
  q: Queryable,
  clientId: string,
  statuses: readonly ReferralStatus[] = ['awaiting_assignment', 'assigned'],
) {
  return q
    .select({
      id: referrals.id,
      status: referrals.status,
      assignedOrganizationId: referrals.assignedOrganizationId,
    })
    .from(referrals)
    .where(and(eq(referrals.clientId, clientId), inArray(referrals.status, [...statuses])));
}

/** The provider directory the matrix ranks (P5): active provider sites of the catchment. */
export async function providerDirectory(q: Queryable, catchmentId: string) {
  return q
    .select({ site: sites, organizationName: organizations.name })
    .from(sites)
    .innerJoin(organizations, eq(organizations.id, sites.organizationId))
    .where(
      and(
        eq(organizations.catchmentId, catchmentId),
        eq(organizations.kind, 'provider'),
        eq(organizations.active, true),
      ),
    );
}

/** Open referrals assigned to each provider: the live caseload the matrix balances (P4 equity). */
export async function openAssignedCounts(q: Queryable, catchmentId: string) {
  return q
    .select({ organizationId: referrals.assignedOrganizationId, open: sql<number>`count(*)`.mapWith(Number) })
    .from(referrals)
    .where(and(eq(referrals.catchmentId, catchmentId), eq(referrals.status, 'assigned')))
    .groupBy(referrals.assignedOrganizationId);
}

export async function addContactAttempt(q: Queryable, values: typeof referralContactAttempts.$inferInsert) {
  const [row] = await q.insert(referralContactAttempts).values(values).returning();
  return row!;
}

export async function contactAttemptsOf(q: Queryable, referralId: string) {
  return q
    .select()
    .from(referralContactAttempts)
    .where(eq(referralContactAttempts.referralId, referralId))
    .orderBy(asc(referralContactAttempts.at));
}

export async function addAppointment(q: Queryable, values: typeof referralAppointments.$inferInsert) {
  const [row] = await q.insert(referralAppointments).values(values).returning();
  return row!;
}

export async function appointmentsOf(q: Queryable, referralId: string) {
  return q
    .select()
    .from(referralAppointments)
    .where(eq(referralAppointments.referralId, referralId))
    .orderBy(asc(referralAppointments.scheduledFor));
}

export async function setAttendance(
  q: Queryable,
  referralId: string,
  appointmentId: string,
  attended: boolean,
) {
  const rows = await q
    .update(referralAppointments)
    .set({ attended })
    .where(and(eq(referralAppointments.id, appointmentId), eq(referralAppointments.referralId, referralId)))
    .returning();
  return rows[0] ?? null;
}

/** Ends the provider's access through this referral when it hands the referral back. */
export async function revokeReferralShare(q: Queryable, clientId: string, organizationId: string) {
  await q
    .update(clientShares)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(clientShares.clientId, clientId),
        eq(clientShares.organizationId, organizationId),
        eq(clientShares.reason, 'referral'),
        sql`${clientShares.revokedAt} is null`,
      ),
    );
}

/**
 * Timeline events of the catchment's referrals that had an assignment between two instants, with
 * everything that followed it, for the K5 metrics.
 */
export async function eventsOfReferralsAssignedBetween(
  q: Queryable,
  catchmentId: string,
  from: Date,
  to: Date,
) {
  const assigned = q
    .selectDistinct({ id: referralEvents.referralId })
    .from(referralEvents)
    .innerJoin(referrals, eq(referrals.id, referralEvents.referralId))
    .where(
      and(
        eq(referrals.catchmentId, catchmentId),
        eq(referralEvents.kind, 'assigned'),
        sql`${referralEvents.at} >= ${from.toISOString()}`,
        sql`${referralEvents.at} < ${to.toISOString()}`,
      ),
    );
  return q
    .select({
      referralId: referralEvents.referralId,
      at: referralEvents.at,
      kind: referralEvents.kind,
      actorOrganizationId: referralEvents.actorOrganizationId,
      detail: referralEvents.detail,
    })
    .from(referralEvents)
    .where(inArray(referralEvents.referralId, assigned));
}

export async function findTrfImport(q: Queryable, catchmentId: string, fileHash: string) {
  const [row] = await q
    .select()
    .from(trfImports)
    .where(and(eq(trfImports.catchmentId, catchmentId), eq(trfImports.fileHash, fileHash)));
  return row ?? null;
}

export async function insertTrfImport(q: Queryable, values: typeof trfImports.$inferInsert) {
  const [row] = await q.insert(trfImports).values(values).returning();
  return row!;
}

/** Which of a list's source references already have a referral in the catchment. */
export async function existingSourceReferences(
  q: Queryable,
  catchmentId: string,
  source: ReferralSource,
  refs: string[],
): Promise<Set<string>> {
  if (!refs.length) return new Set();
  const rows = await q
    .select({ ref: referrals.sourceReference })
    .from(referrals)
    .where(
      and(
        eq(referrals.catchmentId, catchmentId),
        eq(referrals.source, source),
        inArray(referrals.sourceReference, refs),
      ),
    );
  return new Set(rows.map((r) => r.ref!));
}
