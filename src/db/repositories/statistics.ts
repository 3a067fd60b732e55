import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../connection.js';
import { clients, organizations, regions, sites } from '../schema.js';

/** Counts only: what a ministry viewer may see. No row here identifies a person. */
export async function clientCounts(q: Queryable, catchmentId: string) {
  const live = and(eq(clients.catchmentId, catchmentId), sql`${clients.purgedAt} is null`);
  const count = sql<number>`count(*)`.mapWith(Number);
  const byRegion = await q
    .select({ regionId: clients.regionId, nameEn: regions.nameEn, nameFr: regions.nameFr, clients: count })
    .from(clients)
    .leftJoin(regions, eq(regions.id, clients.regionId))
    .where(live)
    .groupBy(clients.regionId, regions.nameEn, regions.nameFr);
  const bySa = await q
    .select({ program: clients.saProgram, clients: count })
    .from(clients)
    .where(live)
    .groupBy(clients.saProgram);
  const byLanguage = await q
    .select({ language: clients.language, clients: count })
    .from(clients)
    .where(live)
    .groupBy(clients.language);
  const [providers] = await q
    .select({ n: count })
    .from(organizations)
    .where(
      and(
        eq(organizations.catchmentId, catchmentId),
        eq(organizations.kind, 'provider'),
        eq(organizations.active, true),
      ),
    );
  const [siteCount] = await q
    .select({ n: count })
    .from(sites)
    .innerJoin(organizations, eq(organizations.id, sites.organizationId))
    .where(and(eq(organizations.catchmentId, catchmentId), eq(sites.active, true)));
  return { byRegion, bySa, byLanguage, providers: providers?.n ?? 0, sites: siteCount?.n ?? 0 };
}
