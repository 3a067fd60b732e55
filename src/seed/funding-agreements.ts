/**
 * K4: every provider's funding agreement, seeded with the placeholder defaults
 * (`DEFAULT_FUNDING_AGREEMENT_AMOUNTS`: §17 leaves the exact amounts to each agreement). Idempotent:
 * an agreement the SSM has already set is kept.
 */
import type { Queryable } from '../db/connection.js';
import { insertFundingAgreementIfMissing } from '../db/repositories/pbf.js';
import { DEFAULT_FUNDING_AGREEMENT_AMOUNTS } from '../domain/monitoring/pbf.js';

export async function seedFundingAgreements(
  db: Queryable,
  organizationIds: readonly string[],
): Promise<void> {
  for (const organizationId of organizationIds)
    await insertFundingAgreementIfMissing(db, organizationId, DEFAULT_FUNDING_AGREEMENT_AMOUNTS);
}
