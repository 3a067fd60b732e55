import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ClientVisibility } from '../domain/access/policy.js';
import { clients, clientShares } from './schema.js';

/**
 * The WHERE clause that limits client rows to what the policy lets an actor see. Every query that
 * returns client data goes through this; there is no unscoped read path for request handlers.
 */
export function clientScope(visibility: ClientVisibility): SQL {
  switch (visibility.kind) {
    case 'none':
      return sql`false`;
    case 'catchment':
      return eq(clients.catchmentId, visibility.catchmentId);
    case 'organization':
      return and(
        eq(clients.catchmentId, visibility.catchmentId),
        sql`exists (select 1 from ${clientShares} where ${clientShares.clientId} = ${clients.id} and ${clientShares.organizationId} = ${visibility.organizationId} and ${clientShares.revokedAt} is null)`,
      )!;
    case 'caseworker':
      return and(
        eq(clients.catchmentId, visibility.catchmentId),
        sql`exists (select 1 from ${clientShares} where ${clientShares.clientId} = ${clients.id} and ${clientShares.organizationId} = ${visibility.organizationId} and ${clientShares.revokedAt} is null and (${clientShares.userId} is null or ${clientShares.userId} = ${visibility.userId}))`,
      )!;
  }
}
