import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { Queryable } from '../connection.js';
import { clientScope } from '../scope.js';
import { clientDataKeys, clients, clientShares, organizations, users } from '../schema.js';

export type ClientRow = typeof clients.$inferSelect;
export type ClientInsert = typeof clients.$inferInsert;

export async function nextClientReference(q: Queryable): Promise<string> {
  // Both drivers return { rows }; their result types differ only in extras this does not use.
  const result = (await q.execute(sql`select nextval('client_reference_seq') as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  const row = result.rows[0];
  return `PW-${String(row!.n).padStart(7, '0')}`;
}

export async function insertClient(
  q: Queryable,
  values: ClientInsert & { id: string },
  wrappedKey: Buffer,
  shares: { organizationId: string; userId: string | null; reason: string }[],
): Promise<void> {
  await q.insert(clients).values(values);
  await q.insert(clientDataKeys).values({ clientId: values.id, wrappedKey });
  if (shares.length) await q.insert(clientShares).values(shares.map((s) => ({ ...s, clientId: values.id })));
}

/** One client, if the actor may see them, with what is needed to decrypt and describe the record. */
export async function findVisibleClient(q: Queryable, visibility: ClientVisibility, id: string) {
  const [row] = await q
    .select({ client: clients, wrappedKey: clientDataKeys.wrappedKey })
    .from(clients)
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, clients.id))
    .where(and(eq(clients.id, id), clientScope(visibility)));
  if (!row) return null;
  const shares = await q
    .select({
      organizationId: clientShares.organizationId,
      organizationName: organizations.name,
      reason: clientShares.reason,
    })
    .from(clientShares)
    .innerJoin(organizations, eq(organizations.id, clientShares.organizationId))
    .where(and(eq(clientShares.clientId, id), sql`${clientShares.revokedAt} is null`))
    .orderBy(asc(clientShares.grantedAt));
  const names = await namesOf(q, row.client.saOfficeId, row.client.saCaseworkerId);
  return { ...row, shares, ...names };
}

async function namesOf(q: Queryable, officeId: string | null, caseworkerId: string | null) {
  const [office] = officeId
    ? await q.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, officeId))
    : [];
  const [caseworker] = caseworkerId
    ? await q.select({ name: users.displayName }).from(users).where(eq(users.id, caseworkerId))
    : [];
  return { saOfficeName: office?.name ?? null, saCaseworkerName: caseworker?.name ?? null };
}

/** Who holds a SIN, whoever can see them: the SIN must stay unique across the catchments (E2). */
export async function findClientIdBySinIndex(q: Queryable, sinIndex: string): Promise<string | null> {
  const [row] = await q.select({ id: clients.id }).from(clients).where(eq(clients.sinIndex, sinIndex));
  return row?.id ?? null;
}

export interface SearchCriteria {
  /** Normalized name tokens; each may be the start of the family name. */
  nameTokens: string[];
  dateOfBirth?: string | undefined;
  sinIndex?: string | undefined;
  limit: number;
}

/** Candidate people for a search, within what the actor may see; ranking happens in the domain. */
export async function searchClientCandidates(q: Queryable, visibility: ClientVisibility, c: SearchCriteria) {
  const any: SQL[] = [];
  for (const token of c.nameTokens) {
    const prefix = `${token.replace(/[%_\\]/g, '')}%`;
    any.push(like(clients.familyNameKey, prefix), like(clients.givenNameKey, prefix));
  }
  if (c.dateOfBirth) any.push(eq(clients.dateOfBirth, c.dateOfBirth));
  if (c.sinIndex) any.push(eq(clients.sinIndex, c.sinIndex));
  if (!any.length) return [];
  return q
    .select({
      id: clients.id,
      reference: clients.reference,
      legalGivenName: clients.legalGivenName,
      legalFamilyName: clients.legalFamilyName,
      preferredName: clients.preferredName,
      dateOfBirth: clients.dateOfBirth,
      sinIndex: clients.sinIndex,
      sinEncrypted: clients.sinEncrypted,
      wrappedKey: clientDataKeys.wrappedKey,
    })
    .from(clients)
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, clients.id))
    .where(and(clientScope(visibility), or(...any), sql`${clients.purgedAt} is null`))
    .limit(c.limit);
}

export async function updateClient(q: Queryable, id: string, values: Partial<ClientInsert>): Promise<void> {
  await q
    .update(clients)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(clients.id, id));
}

/** Makes sure a caseworker's SA office can see the client (C2: SA sees the EO record it is linked to). */
export async function ensureShare(
  q: Queryable,
  clientId: string,
  organizationId: string,
  userId: string | null,
  reason: string,
) {
  const existing = await q
    .select({ id: clientShares.id })
    .from(clientShares)
    .where(
      and(
        eq(clientShares.clientId, clientId),
        eq(clientShares.organizationId, organizationId),
        userId ? eq(clientShares.userId, userId) : sql`${clientShares.userId} is null`,
        sql`${clientShares.revokedAt} is null`,
      ),
    );
  if (!existing.length) await q.insert(clientShares).values({ clientId, organizationId, userId, reason });
}

export async function organizationsByIds(q: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return q.select().from(organizations).where(inArray(organizations.id, ids));
}

/** A client's wrapped data key, or null once it has been destroyed. */
export async function findWrappedKey(q: Queryable, clientId: string): Promise<Buffer | null> {
  const [row] = await q
    .select({ wrappedKey: clientDataKeys.wrappedKey })
    .from(clientDataKeys)
    .where(eq(clientDataKeys.clientId, clientId));
  return row?.wrappedKey ?? null;
}

/** Clients holding any of these SIN blind indexes, whoever can see them, with whether they have an open referral. */
export async function clientsBySinIndexes(q: Queryable, sinIndexes: string[]) {
  if (!sinIndexes.length) return [];
  return q
    .select({
      id: clients.id,
      sinIndex: clients.sinIndex,
      openReferrals:
        sql<number>`(select count(*) from referrals r where r.client_id = "clients"."id" and r.status in ('awaiting_assignment', 'assigned'))`.mapWith(
          Number,
        ),
    })
    .from(clients)
    .where(inArray(clients.sinIndex, sinIndexes));
}
