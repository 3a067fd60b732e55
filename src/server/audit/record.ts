import type { Queryable } from '../../db/connection.js';
import { appendAudit, type AuditAction } from '../../db/repositories/audit.js';
import type { RequestContext } from '../http/context.js';

/** Records what the request's actor did, inside the caller's transaction. */
export function audit(
  q: Queryable,
  ctx: RequestContext,
  action: AuditAction,
  entityType: string,
  entityId: string | null,
  clientId: string | null = null,
): Promise<void> {
  return appendAudit(q, [
    {
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      action,
      entityType,
      entityId,
      clientId,
      requestId: ctx.requestId,
    },
  ]);
}

/** One entry per record a list showed, so each person's audit trail says who saw them (one append). */
export function auditEach(
  q: Queryable,
  ctx: RequestContext,
  action: AuditAction,
  entityType: string,
  records: { entityId: string; clientId: string | null }[],
): Promise<void> {
  return appendAudit(
    q,
    records.map((r) => ({
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      action,
      entityType,
      entityId: r.entityId,
      clientId: r.clientId,
      requestId: ctx.requestId,
    })),
  );
}
