import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../connection.js';
import { organizations, sites } from '../schema.js';

export type SiteRow = typeof sites.$inferSelect;

export async function listSites(q: Queryable, organizationId: string): Promise<SiteRow[]> {
  return q.select().from(sites).where(eq(sites.organizationId, organizationId)).orderBy(asc(sites.name));
}

/** A site with the organization that owns it, which decides who may see or change it. */
export async function findSite(q: Queryable, id: string) {
  const [row] = await q
    .select({ site: sites, catchmentId: organizations.catchmentId, organizationKind: organizations.kind })
    .from(sites)
    .innerJoin(organizations, eq(organizations.id, sites.organizationId))
    .where(eq(sites.id, id));
  return row ?? null;
}

export async function insertSite(q: Queryable, values: typeof sites.$inferInsert): Promise<SiteRow> {
  const [row] = await q.insert(sites).values(values).returning();
  return row!;
}

export async function updateSite(
  q: Queryable,
  id: string,
  values: Partial<typeof sites.$inferInsert>,
): Promise<SiteRow> {
  const [row] = await q
    .update(sites)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(sites.id, id))
    .returning();
  return row!;
}
