import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../connection.js';
import { catchments, organizations, regions, sites, users } from '../schema.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationKind = OrganizationRow['kind'];

const withCounts = {
  organization: organizations,
  // Qualified by hand: in a one-table select Drizzle leaves column names bare, and a bare "id" in
  // the subquery would mean the site's or user's own id.
  siteCount:
    sql<number>`(select count(*) from ${sites} s where s.organization_id = "organizations"."id")`.mapWith(
      Number,
    ),
  userCount:
    sql<number>`(select count(*) from ${users} u where u.organization_id = "organizations"."id")`.mapWith(
      Number,
    ),
};

export async function listOrganizations(
  q: Queryable,
  filter: { catchmentId: string; kind?: OrganizationKind | undefined; includeInactive?: boolean },
) {
  const where: SQL[] = [eq(organizations.catchmentId, filter.catchmentId)];
  if (filter.kind) where.push(eq(organizations.kind, filter.kind));
  if (!filter.includeInactive) where.push(eq(organizations.active, true));
  return q
    .select(withCounts)
    .from(organizations)
    .where(and(...where))
    .orderBy(asc(organizations.kind), asc(organizations.name));
}

export async function findOrganization(q: Queryable, id: string) {
  const [row] = await q.select(withCounts).from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function insertOrganization(q: Queryable, values: typeof organizations.$inferInsert) {
  const [row] = await q.insert(organizations).values(values).returning();
  return row!;
}

export async function updateOrganization(
  q: Queryable,
  id: string,
  values: Partial<typeof organizations.$inferInsert>,
) {
  await q
    .update(organizations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organizations.id, id));
}

export async function findCatchment(q: Queryable, id: string) {
  const [catchment] = await q.select().from(catchments).where(eq(catchments.id, id));
  if (!catchment) return null;
  const regionRows = await q
    .select()
    .from(regions)
    .where(eq(regions.catchmentId, id))
    .orderBy(asc(regions.nameEn));
  return { ...catchment, regions: regionRows };
}

export async function findRegion(q: Queryable, id: string) {
  const [row] = await q.select().from(regions).where(eq(regions.id, id));
  return row ?? null;
}
