/**
 * What the monitoring and PBF modules share: which plan an actor may see (I2), the client's key, the
 * plan's history, and the evidence view, so a document reads the same to the provider and to the
 * SSM's reviewers.
 */
import type { Queryable, Transaction } from '../../db/connection.js';
import type { EvidenceRow } from '../../db/repositories/monitoring.js';
import { clientKeyOfPlan } from '../../db/repositories/pbf.js';
import { addPlanEvent, findVisiblePlan, type VisiblePlan } from '../../db/repositories/plans.js';
import { clientVisibility } from '../../domain/access/policy.js';
import { evidenceDocumentSufficient } from '../../domain/monitoring/pbf.js';
import { sharedWithSa } from '../../domain/plan/index.js';
import type { PlanEventKind } from '../../domain/plan/types.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import { EVIDENCE_FILE_NAME_FIELD } from './facts.js';
import type { EvidenceView } from './schemas.js';

export const isSaViewer = (ctx: RequestContext) => ctx.actor.organizationKind === 'sa_office';

/**
 * The plan if the actor's scope holds it, else null (the caller answers 404: out of scope is
 * indistinguishable from none). I2: SA sees a plan once it is no longer a draft.
 */
export async function planInScope(
  q: Queryable,
  ctx: RequestContext,
  planId: string,
): Promise<VisiblePlan | null> {
  const row = await findVisiblePlan(q, clientVisibility(ctx.actor), planId);
  if (!row || (isSaViewer(ctx) && !sharedWithSa(row.plan.status, true))) return null;
  return row;
}

/** The client's key for a plan already read in scope. */
export const keyOfVisiblePlan = (crypto: PersonCrypto, row: VisiblePlan) =>
  PersonalDataKey.open(crypto, row.plan.clientId, row.wrappedKey);

/** The client's key for a plan by id (the ledger, the review queue); null if there is no such plan. */
export async function keyOfPlanId(
  q: Queryable,
  crypto: PersonCrypto,
  planId: string,
): Promise<PersonalDataKey | null> {
  const row = await clientKeyOfPlan(q, planId);
  return row ? PersonalDataKey.open(crypto, row.clientId, row.wrappedKey) : null;
}

/** A plan history row by the acting user (every monitoring and PBF change writes one). */
export function planEventBy(
  tx: Transaction,
  ctx: RequestContext,
  planId: string,
  at: Date,
  kind: PlanEventKind,
  detail: Record<string, unknown> = {},
) {
  return addPlanEvent(tx, {
    planId,
    at,
    userId: ctx.actor.userId,
    organizationId: ctx.actor.organizationId,
    kind,
    detail,
  });
}

/**
 * One evidence document (M9) with its sufficiency. The file name is opened only when the viewer may
 * read it (`withFileName`: not SA, I2); `names` resolves the uploader's display name.
 */
export function evidenceViewOf(
  e: EvidenceRow,
  key: PersonalDataKey,
  names: ReadonlyMap<string, string>,
  options: { withFileName: boolean },
): EvidenceView {
  const details = {
    showsClientName: e.showsClientName,
    showsBusinessName: e.showsBusinessName,
    coversDate: e.coversDate,
    showsTwentyPlusHours: e.showsTwentyPlusHours,
  };
  return {
    id: e.id,
    kind: e.kind,
    fileName: options.withFileName ? key.openText(EVIDENCE_FILE_NAME_FIELD, e.fileNameSealed) : null,
    contentType: e.contentType,
    byteSize: e.byteSize,
    ...details,
    sufficient: evidenceDocumentSufficient({ kind: e.kind, ...details }),
    uploadedAt: e.uploadedAt.toISOString(),
    uploadedBy: names.get(e.uploadedByUserId) ?? null,
  };
}
