import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/connection.js';
import { clientVisibility } from '../../domain/access/policy.js';
import { auditForClient, verifyAuditChain } from '../../db/repositories/audit.js';
import { findVisibleClient } from '../../db/repositories/clients.js';
import { organizations, users } from '../../db/schema.js';
import type { RequestContext } from '../http/context.js';
import { notFound } from '../http/problem.js';
import { audit } from './record.js';

/** A client's audit trail for SSM admins, with actor names looked up (entries themselves hold ids only). */
export async function clientAuditTrail(
  db: Database,
  ctx: RequestContext,
  clientId: string,
  limit: number,
  before?: number,
) {
  if (!(await findVisibleClient(db, clientVisibility(ctx.actor), clientId))) throw notFound('Client');
  const rows = await auditForClient(db, clientId, limit, before);
  const userIds = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x))];
  const orgIds = [...new Set(rows.map((r) => r.actorOrganizationId).filter((x): x is string => !!x))];
  const userNames = new Map(
    userIds.length
      ? (
          await db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(inArray(users.id, userIds))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const orgNames = new Map(
    orgIds.length
      ? (
          await db
            .select({ id: organizations.id, name: organizations.name })
            .from(organizations)
            .where(inArray(organizations.id, orgIds))
        ).map((o) => [o.id, o.name])
      : [],
  );
  await db.transaction((tx) => audit(tx, ctx, 'read', 'client_audit_trail', clientId, clientId));
  return rows.map((r) => ({
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    actorUserId: r.actorUserId,
    actorName: r.actorUserId ? (userNames.get(r.actorUserId) ?? null) : null,
    actorOrganizationId: r.actorOrganizationId,
    actorOrganizationName: r.actorOrganizationId ? (orgNames.get(r.actorOrganizationId) ?? null) : null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    requestId: r.requestId,
  }));
}

export async function verifyChain(db: Database) {
  return verifyAuditChain(db);
}
