import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { Queryable } from '../connection.js';
import { clientScope } from '../scope.js';
import {
  assessmentNotes,
  assessments,
  catchments,
  clientDataKeys,
  clients,
  clientShares,
  consentReadings,
  consentRevocations,
  organizations,
  referrals,
  sites,
  users,
} from '../schema.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;
export type AssessmentStatusValue = AssessmentRow['status'];

export async function nextAssessmentReference(q: Queryable): Promise<string> {
  // Both drivers return { rows }; their result types differ only in extras this does not use.
  const result = (await q.execute(sql`select nextval('assessment_reference_seq') as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  return `CA-${String(result.rows[0]!.n).padStart(7, '0')}`;
}

export async function insertAssessment(q: Queryable, values: AssessmentInsert & { id: string }) {
  await q.insert(assessments).values(values);
}

/**
 * Whether an error is the C1 partial unique index refusing a second in-progress CA. node-postgres
 * puts the code and constraint on the error itself, PGlite on it too; Drizzle wraps both in a
 * DrizzleQueryError whose `cause` is the driver's error.
 */
export function isOneInProgressViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (x.code === '23505') {
      const constraint = typeof x.constraint === 'string' ? x.constraint : '';
      const message = typeof x.message === 'string' ? x.message : '';
      return constraint === 'assessments_one_in_progress' || message.includes('assessments_one_in_progress');
    }
    e = x.cause;
  }
  return false;
}

const holder = alias(organizations, 'holder');
const caseworker = alias(users, 'caseworker');

/** One CA, if the actor may see its client (C2: a CA is visible to whoever may see its client). */
export async function findVisibleAssessment(q: Queryable, visibility: ClientVisibility, id: string) {
  const [row] = await q
    .select({
      assessment: assessments,
      client: clients,
      wrappedKey: clientDataKeys.wrappedKey,
      catchmentName: catchments.nameEn,
      holderName: holder.name,
      holderKind: holder.kind,
      siteName: sites.name,
      caseworkerName: caseworker.displayName,
      referralReference: referrals.reference,
      referralStatus: referrals.status,
    })
    .from(assessments)
    .innerJoin(clients, eq(clients.id, assessments.clientId))
    .innerJoin(catchments, eq(catchments.id, assessments.catchmentId))
    .innerJoin(holder, eq(holder.id, assessments.holderOrganizationId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, assessments.clientId))
    .leftJoin(sites, eq(sites.id, assessments.siteId))
    .leftJoin(caseworker, eq(caseworker.id, assessments.caseworkerUserId))
    .leftJoin(referrals, eq(referrals.id, assessments.referralId))
    .where(and(eq(assessments.id, id), clientScope(visibility)));
  return row ?? null;
}
export type VisibleAssessment = NonNullable<Awaited<ReturnType<typeof findVisibleAssessment>>>;

/** The in-progress CA of a client, whoever holds it (C1). */
export async function findInProgressOfClient(q: Queryable, clientId: string) {
  const [row] = await q
    .select()
    .from(assessments)
    .where(and(eq(assessments.clientId, clientId), eq(assessments.status, 'in_progress')));
  return row ?? null;
}

/** C1 in search results: each listed client's in-progress CA, if any. */
export async function inProgressOfClients(q: Queryable, clientIds: string[]) {
  if (!clientIds.length) return new Map<string, { id: string; reference: string }>();
  const rows = await q
    .select({ clientId: assessments.clientId, id: assessments.id, reference: assessments.reference })
    .from(assessments)
    .where(and(inArray(assessments.clientId, clientIds), eq(assessments.status, 'in_progress')));
  return new Map(rows.map((r) => [r.clientId, { id: r.id, reference: r.reference }]));
}

/** A client's CAs, newest first, with their holders' names. */
export async function assessmentsOfClient(q: Queryable, clientId: string) {
  return q
    .select({ assessment: assessments, holderName: holder.name })
    .from(assessments)
    .innerJoin(holder, eq(holder.id, assessments.holderOrganizationId))
    .where(eq(assessments.clientId, clientId))
    .orderBy(desc(assessments.createdAt), desc(assessments.reference));
}

/**
 * A change that holds only while the CA is still in progress (and, when given, still with the same
 * holder): a write racing a submission or a cancellation cannot land on a finished CA. False when
 * the CA moved on. The C11 trigger refuses the rest; this makes the common race a clean refusal.
 */
export async function changeInProgress(
  q: Queryable,
  id: string,
  values: Partial<AssessmentInsert>,
  where: { holderOrganizationId?: string } = {},
): Promise<boolean> {
  const conditions: SQL[] = [eq(assessments.id, id), eq(assessments.status, 'in_progress')];
  if (where.holderOrganizationId)
    conditions.push(eq(assessments.holderOrganizationId, where.holderOrganizationId));
  const rows = await q
    .update(assessments)
    .set({ ...values, updatedAt: new Date() })
    .where(and(...conditions))
    .returning({ id: assessments.id });
  return rows.length === 1;
}

/** C11: the one change a submitted CA allows. False when it is not (or no longer) submitted. */
export async function closeSubmittedInError(
  q: Queryable,
  id: string,
  values: { closedInErrorAt: Date; closedInErrorByUserId: string; closedInErrorReasonSealed: Buffer },
): Promise<boolean> {
  const rows = await q
    .update(assessments)
    .set({ ...values, status: 'closed_in_error', updatedAt: new Date() })
    .where(and(eq(assessments.id, id), eq(assessments.status, 'submitted')))
    .returning({ id: assessments.id });
  return rows.length === 1;
}

/** C11: links the latest closed-in-error CA of a client, not yet replaced, to the CA replacing it. */
export async function linkReplacement(q: Queryable, clientId: string, replacementId: string) {
  const [latest] = await q
    .select({ id: assessments.id, replacedBy: assessments.replacedByAssessmentId })
    .from(assessments)
    .where(and(eq(assessments.clientId, clientId), eq(assessments.status, 'closed_in_error')))
    .orderBy(desc(assessments.closedInErrorAt))
    .limit(1);
  if (!latest || latest.replacedBy) return;
  await q
    .update(assessments)
    .set({ replacedByAssessmentId: replacementId, updatedAt: new Date() })
    .where(and(eq(assessments.id, latest.id), isNull(assessments.replacedByAssessmentId)));
}

/** C6/P10: the in-progress CA a referral carries changes hands with it. */
export async function setHolderOfReferredAssessment(
  q: Queryable,
  referralId: string,
  holderOrganizationId: string,
  extra: Partial<AssessmentInsert> = {},
) {
  await q
    .update(assessments)
    .set({ holderOrganizationId, ...extra, updatedAt: new Date() })
    .where(and(eq(assessments.referralId, referralId), eq(assessments.status, 'in_progress')));
}

export async function addAssessmentNote(q: Queryable, values: typeof assessmentNotes.$inferInsert) {
  await q.insert(assessmentNotes).values(values);
}

export async function notesOf(q: Queryable, assessmentId: string) {
  return q
    .select({
      id: assessmentNotes.id,
      at: assessmentNotes.at,
      kind: assessmentNotes.kind,
      bodySealed: assessmentNotes.bodySealed,
      authorName: users.displayName,
      organizationName: organizations.name,
    })
    .from(assessmentNotes)
    .innerJoin(users, eq(users.id, assessmentNotes.authorUserId))
    .innerJoin(organizations, eq(organizations.id, assessmentNotes.authorOrganizationId))
    .where(eq(assessmentNotes.assessmentId, assessmentId))
    .orderBy(asc(assessmentNotes.at), asc(assessmentNotes.seq));
}

export async function addConsentReading(q: Queryable, values: typeof consentReadings.$inferInsert) {
  await q.insert(consentReadings).values(values);
}

/** A client's consent readings, oldest first, with who read the notice and for which organization. */
export async function consentReadingsOf(q: Queryable, clientId: string) {
  return q
    .select({
      at: consentReadings.at,
      kind: consentReadings.kind,
      channel: consentReadings.channel,
      noticeVersion: consentReadings.noticeVersion,
      organizationId: consentReadings.organizationId,
      organizationName: organizations.name,
      byName: users.displayName,
      assessmentId: consentReadings.assessmentId,
    })
    .from(consentReadings)
    .innerJoin(users, eq(users.id, consentReadings.userId))
    .innerJoin(organizations, eq(organizations.id, consentReadings.organizationId))
    .where(eq(consentReadings.clientId, clientId))
    .orderBy(asc(consentReadings.at));
}

export async function insertRevocation(q: Queryable, values: typeof consentRevocations.$inferInsert) {
  const [row] = await q.insert(consentRevocations).values(values).returning();
  return row!;
}

/** A client's latest revocation, if any (C3: consent is no longer active after it). */
export async function latestRevocationOf(q: Queryable, clientId: string) {
  const [row] = await q
    .select()
    .from(consentRevocations)
    .where(eq(consentRevocations.clientId, clientId))
    .orderBy(desc(consentRevocations.receivedAt))
    .limit(1);
  return row ?? null;
}

const revocationOrg = alias(organizations, 'revocation_org');

/** The catchment's revocations for the SSM, newest first, with the client's key for the notice. */
export async function listRevocations(q: Queryable, catchmentId: string, id?: string) {
  return q
    .select({
      revocation: consentRevocations,
      clientReference: clients.reference,
      clientGivenName: clients.legalGivenName,
      clientFamilyName: clients.legalFamilyName,
      organizationName: revocationOrg.name,
      receivedByName: users.displayName,
      wrappedKey: clientDataKeys.wrappedKey,
    })
    .from(consentRevocations)
    .innerJoin(clients, eq(clients.id, consentRevocations.clientId))
    .innerJoin(revocationOrg, eq(revocationOrg.id, consentRevocations.organizationId))
    .innerJoin(users, eq(users.id, consentRevocations.userId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, consentRevocations.clientId))
    .where(
      and(eq(consentRevocations.catchmentId, catchmentId), id ? eq(consentRevocations.id, id) : undefined),
    )
    .orderBy(desc(consentRevocations.receivedAt));
}

/** A revocation's change of state, guarded like a referral's: it holds only from the state expected. */
export async function transitionRevocation(
  q: Queryable,
  id: string,
  from: 'queued' | 'acknowledged',
  values: Partial<typeof consentRevocations.$inferInsert>,
): Promise<boolean> {
  const rows = await q
    .update(consentRevocations)
    .set(values)
    .where(and(eq(consentRevocations.id, id), eq(consentRevocations.state, from)))
    .returning({ id: consentRevocations.id });
  return rows.length === 1;
}

/** C3: the client's information stops being shared with providers and SA. */
export async function revokeAllShares(q: Queryable, clientId: string, at: Date) {
  await q
    .update(clientShares)
    .set({ revokedAt: at })
    .where(and(eq(clientShares.clientId, clientId), isNull(clientShares.revokedAt)));
}

/**
 * C3 removal: the data key is destroyed (every sealed field becomes unreadable: SIN, contact,
 * answers, notes), the names are blanked and the record marked purged.
 */
export async function purgeClient(q: Queryable, clientId: string, at: Date) {
  await q.delete(clientDataKeys).where(eq(clientDataKeys.clientId, clientId));
  await q
    .update(clients)
    .set({
      legalGivenName: '',
      legalFamilyName: '',
      preferredName: null,
      familyNameKey: '',
      givenNameKey: '',
      sinIndex: null,
      sinEncrypted: null,
      contactEncrypted: null,
      samsMemberId: null,
      purgedAt: at,
      updatedAt: at,
    })
    .where(eq(clients.id, clientId));
}

/**
 * The CAs a worklist reads, among those whose client the actor may see (C2); the service places
 * them in buckets. No answers leave here unsealed, no notes.
 */
export async function listWorklistRows(
  q: Queryable,
  visibility: ClientVisibility,
  statuses: readonly AssessmentStatusValue[],
) {
  return q
    .select({
      assessment: assessments,
      clientReference: clients.reference,
      clientGivenName: clients.legalGivenName,
      clientFamilyName: clients.legalFamilyName,
      clientDateOfBirth: clients.dateOfBirth,
      clientSaProgram: clients.saProgram,
      wrappedKey: clientDataKeys.wrappedKey,
      holderName: holder.name,
      holderKind: holder.kind,
    })
    .from(assessments)
    .innerJoin(clients, eq(clients.id, assessments.clientId))
    .innerJoin(holder, eq(holder.id, assessments.holderOrganizationId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, assessments.clientId))
    .where(and(clientScope(visibility), inArray(assessments.status, [...statuses])))
    .orderBy(asc(assessments.createdAt), asc(assessments.reference));
}
export type WorklistRow = Awaited<ReturnType<typeof listWorklistRows>>[number];

/** The staff member the CA is assigned to, if they work for the holder organization. */
export async function findStaffOf(q: Queryable, organizationId: string, userId: string) {
  const [row] = await q
    .select({ id: users.id, name: users.displayName, roles: users.roles, active: users.active })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  return row ?? null;
}

export async function findSiteOf(q: Queryable, organizationId: string, siteId: string) {
  const [row] = await q
    .select({ id: sites.id, name: sites.name, active: sites.active })
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.organizationId, organizationId)));
  return row ?? null;
}

/** The SSM of a catchment: where a referred (C6) or returned (C10) CA waits. */
export async function ssmOfCatchment(q: Queryable, catchmentId: string) {
  const [row] = await q
    .select({ id: organizations.id, name: organizations.name, nameFr: organizations.nameFr })
    .from(organizations)
    .where(and(eq(organizations.catchmentId, catchmentId), eq(organizations.kind, 'ssm')))
    .orderBy(asc(organizations.createdAt))
    .limit(1);
  return row ?? null;
}

/** Roles that carry a caseload: who a CA may be assigned to in its holder organization (C6). */
export const CASEWORKER_ROLES = ['provider_caseworker', 'provider_lead', 'sa_caseworker'] as const;

/** The holder's active caseworkers, by name: the choices of "assign the assessment" (C6). */
export async function caseworkersOf(q: Queryable, organizationId: string) {
  const rows = await q
    .select({ id: users.id, name: users.displayName, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  return rows
    .filter((u) => u.roles.some((r) => (CASEWORKER_ROLES as readonly string[]).includes(r)))
    .map(({ id, name }) => ({ id, name }));
}

/** C7: the SA office and caseworker of an SA referral, by name. */
export async function socialAssistanceContactOf(
  q: Queryable,
  officeId: string | null,
  userId: string | null,
) {
  const [office] = officeId
    ? await q.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, officeId))
    : [];
  const [caseworker] = userId
    ? await q.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, userId))
    : [];
  return {
    officeName: office?.name ?? null,
    caseworkerName: caseworker?.name ?? null,
    caseworkerEmail: caseworker?.email ?? null,
  };
}
