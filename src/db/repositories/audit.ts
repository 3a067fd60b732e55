import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../connection.js';
import { auditHead, auditLog } from '../schema.js';

/** What happened, to what, by whom: ids only, never personal data (they would defeat a purge). */
export interface AuditEntry {
  actorUserId: string | null;
  actorOrganizationId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  clientId?: string | null;
  requestId?: string | null;
}

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'read'
  | 'search'
  | 'reveal_sin'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'bulk_create';

export const GENESIS_HASH = '0'.repeat(64);

type Row = typeof auditLog.$inferSelect;

/** The hash covers every column but itself, in a fixed order, so any edit changes it. */
export function entryHash(row: Omit<Row, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.occurredAt.toISOString(),
    row.actorUserId,
    row.actorOrganizationId,
    row.action,
    row.entityType,
    row.entityId,
    row.clientId,
    row.requestId,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends entries to the chain. Must run inside the transaction that makes the change, so the
 * change and its audit entry commit or roll back together. Locking the head row serializes writers.
 */
export async function appendAudit(q: Queryable, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const [head] = await q.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('audit_head row missing: migrations incomplete');
  let seq = head.seq;
  let prevHash = head.hash;
  // JavaScript dates carry milliseconds, which timestamptz keeps exactly, so the hash survives a round trip.
  const occurredAt = new Date();
  const rows: Row[] = entries.map((e) => {
    seq += 1;
    const base = {
      seq,
      occurredAt,
      actorUserId: e.actorUserId,
      actorOrganizationId: e.actorOrganizationId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      clientId: e.clientId ?? null,
      requestId: e.requestId ?? null,
      prevHash,
    };
    const hash = entryHash(base);
    prevHash = hash;
    return { ...base, hash };
  });
  await q.insert(auditLog).values(rows);
  await q.update(auditHead).set({ seq, hash: prevHash }).where(eq(auditHead.id, 1));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry that does not verify, and why. */
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'chain_broken' | 'gap' | 'head_mismatch' };
}

/** Walks the whole chain in pages; a rewritten, removed or inserted entry breaks it. */
export async function verifyAuditChain(q: Queryable, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await q
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'gap' } };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'chain_broken' } };
      const { hash, ...rest } = row;
      if (entryHash(rest) !== hash)
        return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await q.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head || head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, checked, brokenAt: { seq: expectedSeq, reason: 'head_mismatch' } };
  }
  return { ok: true, checked };
}

/** One client's audit trail, newest first, paged by sequence number. */
export async function auditForClient(
  q: Queryable,
  clientId: string,
  limit: number,
  before?: number,
): Promise<Row[]> {
  return q
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.clientId, clientId), before ? lt(auditLog.seq, before) : sql`true`))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
