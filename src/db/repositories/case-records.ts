/**
 * Writes two modules share: putting a client on a caseworker's caseload (J9) and recording an ICM
 * event the other side must see at once (I4). The plan service and the case-management service both
 * call these inside their own transactions.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { IcmEventKind } from '../../domain/case-management/types.js';
import type { Queryable } from '../connection.js';
import { caseloadAssignments, icmEvents } from '../schema.js';

export type CaseloadAssignmentRow = typeof caseloadAssignments.$inferSelect;

export async function currentCaseload(
  q: Queryable,
  clientId: string,
  organizationId: string,
): Promise<CaseloadAssignmentRow | null> {
  const [row] = await q
    .select()
    .from(caseloadAssignments)
    .where(
      and(
        eq(caseloadAssignments.clientId, clientId),
        eq(caseloadAssignments.organizationId, organizationId),
        isNull(caseloadAssignments.endedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface CaseloadChange {
  clientId: string;
  organizationId: string;
  caseworkerUserId: string;
  byUserId: string;
  at: Date;
}

/**
 * Puts the client on the caseworker's caseload at this provider, ending any current assignment to
 * someone else. Returns the previous caseworker, or null when there was none or nothing changed
 * (`changed` says which). The partial unique index `caseload_one_current` holds one current row.
 */
export async function assignCaseload(
  q: Queryable,
  change: CaseloadChange,
): Promise<{ changed: boolean; previousCaseworkerUserId: string | null }> {
  const current = await currentCaseload(q, change.clientId, change.organizationId);
  if (current?.caseworkerUserId === change.caseworkerUserId) {
    return { changed: false, previousCaseworkerUserId: current.caseworkerUserId };
  }
  if (current) {
    await q
      .update(caseloadAssignments)
      .set({ endedAt: change.at })
      .where(eq(caseloadAssignments.id, current.id));
  }
  await q.insert(caseloadAssignments).values({
    clientId: change.clientId,
    organizationId: change.organizationId,
    caseworkerUserId: change.caseworkerUserId,
    assignedAt: change.at,
    assignedByUserId: change.byUserId,
  });
  return { changed: true, previousCaseworkerUserId: current?.caseworkerUserId ?? null };
}

export interface IcmEventInput {
  clientId: string;
  catchmentId: string;
  at: Date;
  kind: IcmEventKind;
  organizationId: string;
  userId: string;
  /** Ids and codes only, never personal text. */
  detail?: Record<string, string | number | boolean | null>;
}

export async function recordIcmEvent(q: Queryable, event: IcmEventInput): Promise<void> {
  await q.insert(icmEvents).values({ ...event, detail: event.detail ?? {} });
}
