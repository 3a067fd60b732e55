/**
 * Performance-based funding (K4, M5, M8, F12): funding agreements, the ledger lines the domain
 * computes, the SSM's review queue and the provider's quarterly statement. Reads of client data go
 * through the client's scope; the ledger refresh reads one plan's rows by id inside the caller's
 * transaction.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { FundingAgreementAmounts, LineReason, PbfCheckpoint } from '../../domain/monitoring/pbf.js';
import type { Queryable } from '../connection.js';
import { clientScope } from '../scope.js';
import {
  attestations,
  checkpoints,
  clientDataKeys,
  clients,
  fundingAgreements,
  organizations,
  pbfLedgerLines,
  plans,
  users,
} from '../schema.js';

/**
 * A ledger line as read: its `reason` column is text in the database and only ever written from the
 * domain's `LineReason` (`refreshPbfLedger`), so it is read back as one.
 */
export type LedgerLineRow = Omit<typeof pbfLedgerLines.$inferSelect, 'reason'> & {
  reason: LineReason | null;
};
export type LedgerLineInsert = typeof pbfLedgerLines.$inferInsert;
export type FundingAgreementRow = typeof fundingAgreements.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Organizations and funding agreements (K4)

export async function organizationById(q: Queryable, organizationId: string) {
  const [row] = await q
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      catchmentId: organizations.catchmentId,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row ?? null;
}

export async function fundingAgreementOf(q: Queryable, organizationId: string) {
  const [row] = await q
    .select()
    .from(fundingAgreements)
    .where(eq(fundingAgreements.organizationId, organizationId));
  return row ?? null;
}

export async function saveFundingAgreement(
  q: Queryable,
  values: {
    organizationId: string;
    amounts: FundingAgreementAmounts;
    updatedByUserId: string | null;
    at: Date;
  },
): Promise<void> {
  await q
    .insert(fundingAgreements)
    .values({
      organizationId: values.organizationId,
      amounts: values.amounts,
      updatedByUserId: values.updatedByUserId,
      updatedAt: values.at,
    })
    .onConflictDoUpdate({
      target: fundingAgreements.organizationId,
      set: { amounts: values.amounts, updatedByUserId: values.updatedByUserId, updatedAt: values.at },
    });
}

/** Seeds: a row with these amounts where the provider has none yet (an existing agreement is kept). */
export async function insertFundingAgreementIfMissing(
  q: Queryable,
  organizationId: string,
  amounts: FundingAgreementAmounts,
): Promise<void> {
  await q
    .insert(fundingAgreements)
    .values({ organizationId, amounts })
    .onConflictDoNothing({ target: fundingAgreements.organizationId });
}

// ---------------------------------------------------------------------------------------------
// Ledger lines

export async function clientKeyOfPlan(q: Queryable, planId: string) {
  const [row] = await q
    .select({ clientId: plans.clientId, wrappedKey: clientDataKeys.wrappedKey })
    .from(plans)
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, plans.clientId))
    .where(eq(plans.id, planId));
  return row ?? null;
}

export async function ledgerLinesOfPlan(q: Queryable, planId: string): Promise<LedgerLineRow[]> {
  return (await q.select().from(pbfLedgerLines).where(eq(pbfLedgerLines.planId, planId))) as LedgerLineRow[];
}

/** M5: the lines of one provider's checkpoint period (one checkpoint, one fiscal quarter), other plans only. */
export async function periodLines(
  q: Queryable,
  period: { organizationId: string; checkpoint: PbfCheckpoint; fiscalYear: number; quarter: number },
  exceptPlanId: string,
): Promise<LedgerLineRow[]> {
  const rows = await q
    .select()
    .from(pbfLedgerLines)
    .where(
      and(
        eq(pbfLedgerLines.organizationId, period.organizationId),
        eq(pbfLedgerLines.checkpoint, period.checkpoint),
        eq(pbfLedgerLines.fiscalYear, period.fiscalYear),
        eq(pbfLedgerLines.fiscalQuarter, period.quarter),
        ne(pbfLedgerLines.planId, exceptPlanId),
      ),
    );
  return rows as LedgerLineRow[];
}

/** Writes the line's computed facts; `paidAt`/`paidByUserId` are the ledger's own and never overwritten. */
export async function upsertLedgerLine(
  q: Queryable,
  values: Omit<LedgerLineInsert, 'paidAt' | 'paidByUserId'>,
) {
  const { planId: _p, checkpoint: _c, id: _id, ...set } = values;
  await q
    .insert(pbfLedgerLines)
    .values(values)
    .onConflictDoUpdate({ target: [pbfLedgerLines.planId, pbfLedgerLines.checkpoint], set });
}

export async function deleteUnpaidLinesOfPlan(q: Queryable, planId: string): Promise<void> {
  await q.delete(pbfLedgerLines).where(and(eq(pbfLedgerLines.planId, planId), isNull(pbfLedgerLines.paidAt)));
}

/** Plans of a provider with a line not yet paid (a funding-agreement change moves these). */
export async function plansWithUnpaidLines(q: Queryable, organizationId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ planId: pbfLedgerLines.planId })
    .from(pbfLedgerLines)
    .where(and(eq(pbfLedgerLines.organizationId, organizationId), isNull(pbfLedgerLines.paidAt)));
  return rows.map((r) => r.planId);
}

// ---------------------------------------------------------------------------------------------
// The quarterly statement (K6)

export async function statementLines(
  q: Queryable,
  visibility: ClientVisibility,
  quarter: { organizationId: string; fiscalYear: number; quarter: number },
) {
  const rows = await q
    .select({
      line: pbfLedgerLines,
      planReference: plans.reference,
      client: {
        id: clients.id,
        legalGivenName: clients.legalGivenName,
        legalFamilyName: clients.legalFamilyName,
        preferredName: clients.preferredName,
        purgedAt: clients.purgedAt,
      },
    })
    .from(pbfLedgerLines)
    .innerJoin(plans, eq(plans.id, pbfLedgerLines.planId))
    .innerJoin(clients, eq(clients.id, pbfLedgerLines.clientId))
    .where(
      and(
        eq(pbfLedgerLines.organizationId, quarter.organizationId),
        eq(pbfLedgerLines.fiscalYear, quarter.fiscalYear),
        eq(pbfLedgerLines.fiscalQuarter, quarter.quarter),
        // The provider's statement covers every line it earned, including clients whose shares
        // later ended: the SSM's scope is the catchment; a provider reads its own lines only.
        visibility.kind === 'catchment' ? clientScope(visibility) : sql`true`,
      ),
    )
    .orderBy(asc(pbfLedgerLines.dueOn), asc(plans.reference), asc(pbfLedgerLines.checkpoint));
  return rows as (Omit<(typeof rows)[number], 'line'> & { line: LedgerLineRow })[];
}
export type StatementLineRow = Awaited<ReturnType<typeof statementLines>>[number];

/** K6: finance pays the quarter's approved lines. Returns the lines marked paid. */
export async function markApprovedLinesPaid(
  q: Queryable,
  quarter: { organizationId: string; fiscalYear: number; quarter: number },
  by: { userId: string; at: Date },
) {
  return q
    .update(pbfLedgerLines)
    .set({ state: 'paid', paidAt: by.at, paidByUserId: by.userId, updatedAt: by.at })
    .where(
      and(
        eq(pbfLedgerLines.organizationId, quarter.organizationId),
        eq(pbfLedgerLines.fiscalYear, quarter.fiscalYear),
        eq(pbfLedgerLines.fiscalQuarter, quarter.quarter),
        eq(pbfLedgerLines.state, 'approved'),
        isNull(pbfLedgerLines.paidAt),
      ),
    )
    .returning({
      id: pbfLedgerLines.id,
      planId: pbfLedgerLines.planId,
      checkpoint: pbfLedgerLines.checkpoint,
      amountCents: pbfLedgerLines.amountCents,
    });
}

// ---------------------------------------------------------------------------------------------
// The SSM's review (M9, M10)

const planAndClient = {
  planId: plans.id,
  planReference: plans.reference,
  organizationId: plans.organizationId,
  stream: plans.stream,
  clientId: clients.id,
  legalGivenName: clients.legalGivenName,
  legalFamilyName: clients.legalFamilyName,
  preferredName: clients.preferredName,
  providerName: organizations.name,
};

/** Checkpoints submitted to the SSM, of the clients in scope, oldest submission first. */
export async function submittedCheckpoints(q: Queryable, visibility: ClientVisibility) {
  return q
    .select({ checkpoint: checkpoints, ...planAndClient })
    .from(checkpoints)
    .innerJoin(plans, eq(plans.id, checkpoints.planId))
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(and(eq(checkpoints.reviewState, 'submitted'), clientScope(visibility)))
    .orderBy(asc(checkpoints.submittedAt), asc(checkpoints.id));
}

/** M10: attestations awaiting the SSM's pre-approval, of the clients in scope, oldest first. */
export async function requestedAttestations(q: Queryable, visibility: ClientVisibility) {
  return q
    .select({
      attestation: attestations,
      kind: checkpoints.kind,
      requestedByName: users.displayName,
      ...planAndClient,
    })
    .from(attestations)
    .innerJoin(checkpoints, eq(checkpoints.id, attestations.checkpointId))
    .innerJoin(plans, eq(plans.id, attestations.planId))
    .innerJoin(clients, eq(clients.id, plans.clientId))
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .innerJoin(users, eq(users.id, attestations.requestedByUserId))
    .where(and(eq(attestations.state, 'requested'), clientScope(visibility)))
    .orderBy(asc(attestations.requestedAt), asc(attestations.id));
}

export async function checkpointRow(q: Queryable, checkpointId: string) {
  const [row] = await q.select().from(checkpoints).where(eq(checkpoints.id, checkpointId));
  return row ?? null;
}

export async function attestationRow(q: Queryable, attestationId: string) {
  const [row] = await q.select().from(attestations).where(eq(attestations.id, attestationId));
  return row ?? null;
}

/** Moves a checkpoint's review on only from the state the caller read (a concurrent review loses). */
export async function setCheckpointReview(
  q: Queryable,
  checkpointId: string,
  from: (typeof checkpoints.$inferSelect)['reviewState'][],
  set: Partial<typeof checkpoints.$inferInsert>,
): Promise<boolean> {
  const rows = await q
    .update(checkpoints)
    .set(set)
    .where(and(eq(checkpoints.id, checkpointId), inArray(checkpoints.reviewState, from)))
    .returning({ id: checkpoints.id });
  return rows.length === 1;
}

export async function setAttestationDecision(
  q: Queryable,
  attestationId: string,
  set: Partial<typeof attestations.$inferInsert>,
): Promise<boolean> {
  const rows = await q
    .update(attestations)
    .set(set)
    .where(and(eq(attestations.id, attestationId), eq(attestations.state, 'requested')))
    .returning({ id: attestations.id });
  return rows.length === 1;
}

export async function ledgerLineOf(
  q: Queryable,
  planId: string,
  checkpoint: PbfCheckpoint,
): Promise<LedgerLineRow | null> {
  const [row] = await q
    .select()
    .from(pbfLedgerLines)
    .where(and(eq(pbfLedgerLines.planId, planId), eq(pbfLedgerLines.checkpoint, checkpoint)));
  return (row as LedgerLineRow | undefined) ?? null;
}
