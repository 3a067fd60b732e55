import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { ClientVisibility, ReferralVisibility } from '../domain/access/policy.js';
import { clients, clientShares, referrals } from './schema.js';

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

/** The WHERE clause for referral rows an actor may see (policy: referralVisibility). */
export function referralScope(visibility: ReferralVisibility): SQL {
  switch (visibility.kind) {
    case 'none':
      return sql`false`;
    case 'catchment':
      return eq(referrals.catchmentId, visibility.catchmentId);
    case 'assigned':
      return and(
        eq(referrals.catchmentId, visibility.catchmentId),
        or(
          eq(referrals.assignedOrganizationId, visibility.organizationId),
          eq(referrals.referringOrganizationId, visibility.organizationId),
        ),
      )!;
    case 'referred_by':
      return and(
        eq(referrals.catchmentId, visibility.catchmentId),
        eq(referrals.referringUserId, visibility.userId),
      )!;
  }
}
