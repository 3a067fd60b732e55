import { z } from 'zod';
import { queryInt, timestamp, uuidParam } from '../http/common.js';

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    occurredAt: timestamp,
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorOrganizationId: z.uuid().nullable(),
    actorOrganizationName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = z.object({
  limit: queryInt(1, 200).default(50),
  before: queryInt(1, Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Page: entries with a sequence number below this'),
});
export const clientAuditParams = z.object({ clientId: uuidParam });
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});
