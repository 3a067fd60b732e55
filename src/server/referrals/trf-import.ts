import { createHash, randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { appendAudit, type AuditEntry } from '../../db/repositories/audit.js';
import { clientsBySinIndexes, insertClient, nextClientReference } from '../../db/repositories/clients.js';
import {
  addReferralEvent,
  existingSourceReferences,
  findTrfImport,
  insertReferral,
  insertTrfImport,
  nextReferralReference,
} from '../../db/repositories/referrals.js';
import { nameKeys } from '../../domain/people/matching.js';
import { readTrfList, TRF_LINE_PROBLEMS, TRF_MAX_CHARACTERS } from '../../domain/referral/trf.js';
import { contextOf } from '../auth/plugin.js';
import { sealNewClient } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import { invalid, problemResponses } from '../http/problem.js';
import type { PersonCrypto } from '../privacy/crypto.js';

const importBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  csv: z
    .string()
    .min(1)
    .max(TRF_MAX_CHARACTERS)
    .describe(
      'The TRF list as CSV with a header row: trf_id, given_name, family_name, date_of_birth, sin, phone, email, postal_code, language',
    ),
});

const importResult = z
  .object({
    importId: z.uuid(),
    fileName: z.string(),
    alreadyImported: z.boolean().describe('The same file was imported before: nothing was added'),
    rowsRead: z.number().int(),
    referralsCreated: z.number().int(),
    newClients: z.number().int(),
    skipped: z.array(
      z.object({ line: z.number().int(), reason: z.enum(['already_on_a_list', 'open_referral']) }),
    ),
    errors: z.array(
      z.object({
        line: z.number().int(),
        field: z.string(),
        code: z.enum(TRF_LINE_PROBLEMS),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'TrfImportResult' });
type ImportResult = z.infer<typeof importResult>;

/**
 * Imports a daily TRF list (P1 pathway 2). Each new applicant lands in SSM intake's queue as a
 * referral from source "trf"; a person already known by SIN is referred without a second record;
 * someone already on a list or on an open referral is skipped. Importing the same file again adds
 * nothing, and a bad row is reported by line without holding back the good ones.
 */
export async function importTrfList(
  db: Database,
  crypto: PersonCrypto,
  ctx: RequestContext,
  input: z.infer<typeof importBody>,
  now: Date = new Date(),
): Promise<ImportResult> {
  const fileHash = createHash('sha256').update(input.csv).digest('hex');
  const previous = await findTrfImport(db, ctx.actor.catchmentId, fileHash);
  if (previous) {
    return {
      ...(previous.summary as Omit<ImportResult, 'importId' | 'alreadyImported'>),
      // The same bytes (same hash) give the same line errors; read again, they carry today's codes
      // even when the import was recorded before the codes existed.
      errors: readTrfList(input.csv).errors,
      importId: previous.id,
      alreadyImported: true,
    };
  }
  const list = readTrfList(input.csv);
  if (list.fileError) throw invalid('body.csv', list.fileError);

  // Everything the import needs to know is read before its one transaction opens.
  const known = await existingSourceReferences(
    db,
    ctx.actor.catchmentId,
    'trf',
    list.rows.map((r) => r.trfId),
  );
  const sinIndexes = new Map(list.rows.map((r) => [r.line, crypto.blindIndex('sin', r.sin)]));
  const holders = new Map(
    (await clientsBySinIndexes(db, [...sinIndexes.values()])).map((c) => [c.sinIndex!, c]),
  );

  const skipped: ImportResult['skipped'] = [];
  const toCreate: { row: (typeof list.rows)[number]; clientId: string | null }[] = [];
  for (const row of list.rows) {
    const holder = holders.get(sinIndexes.get(row.line)!);
    if (known.has(row.trfId)) skipped.push({ line: row.line, reason: 'already_on_a_list' });
    else if (holder && holder.openReferrals > 0) skipped.push({ line: row.line, reason: 'open_referral' });
    else toCreate.push({ row, clientId: holder?.id ?? null });
  }

  const importId = randomUUID();
  const summary = {
    fileName: input.fileName,
    rowsRead: list.rows.length + new Set(list.errors.map((e) => e.line)).size,
    referralsCreated: toCreate.length,
    newClients: toCreate.filter((c) => c.clientId === null).length,
    skipped,
    errors: list.errors,
  };
  await db.transaction(async (tx) => {
    const auditEntries: AuditEntry[] = [];
    const base = {
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      requestId: ctx.requestId,
    };
    for (const { row, clientId: existing } of toCreate) {
      let clientId = existing;
      if (!clientId) {
        clientId = randomUUID();
        const sealed = sealNewClient(crypto, clientId, row.sin, {
          address: null,
          phone: row.phone,
          email: row.email,
        });
        await insertClient(
          tx,
          {
            id: clientId,
            reference: await nextClientReference(tx),
            catchmentId: ctx.actor.catchmentId,
            legalGivenName: row.givenName,
            legalFamilyName: row.familyName,
            ...nameKeys(row.familyName, row.givenName),
            dateOfBirth: row.dateOfBirth,
            sinIndex: sealed.sinIndex,
            sinEncrypted: sealed.sinEncrypted,
            sinTemporary: row.sin.startsWith('9'),
            contactEncrypted: sealed.contactEncrypted,
            language: row.language,
            specializedPopulations: {},
            createdByOrganizationId: ctx.actor.organizationId,
          },
          sealed.wrappedKey,
          [],
        );
        auditEntries.push({ ...base, action: 'create', entityType: 'client', entityId: clientId, clientId });
      }
      const referralId = randomUUID();
      await insertReferral(tx, {
        id: referralId,
        reference: await nextReferralReference(tx),
        catchmentId: ctx.actor.catchmentId,
        clientId,
        pathway: 'direct_to_ssm',
        source: 'trf',
        sourceReference: row.trfId,
        referringOrganizationId: ctx.actor.organizationId,
        referringUserId: ctx.actor.userId,
        barriers: {
          transportation: false,
          childcare: false,
          language: row.language === 'fr' ? 'fr' : null,
          accessibility: [],
        },
        // P2 pathway 2: not screened yet; SSM intake screens it (POST /referrals/:id/screening) before assigning.
        screening: null,
        status: 'awaiting_assignment',
        receivedAt: now,
      });
      await addReferralEvent(tx, {
        referralId,
        actorUserId: ctx.actor.userId,
        actorOrganizationId: ctx.actor.organizationId,
        kind: 'created',
        detail: { pathway: 'direct_to_ssm', source: 'trf', importId },
        at: now,
      });
      auditEntries.push({
        ...base,
        action: 'create',
        entityType: 'referral',
        entityId: referralId,
        clientId,
      });
    }
    await insertTrfImport(tx, {
      id: importId,
      catchmentId: ctx.actor.catchmentId,
      fileHash,
      fileName: input.fileName,
      importedByUserId: ctx.actor.userId,
      summary,
    });
    auditEntries.push({ ...base, action: 'bulk_create', entityType: 'trf_import', entityId: importId });
    await appendAudit(tx, auditEntries);
  });
  return { ...summary, importId, alreadyImported: false };
}

export const trfImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/referrals/trf-imports',
    {
      config: { access: 'referral.assign' },
      schema: {
        tags: ['referrals'],
        summary:
          'Import the daily TRF list of EI applicants into the SSM intake queue (idempotent; bad rows reported by line)',
        body: importBody,
        response: { 200: importResult, ...problemResponses },
      },
    },
    async (request) =>
      importTrfList(
        app.services.db,
        app.services.crypto,
        contextOf(request),
        request.body,
        app.services.now(),
      ),
  );
};
