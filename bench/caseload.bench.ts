/**
 * J9: GET /api/caseload for a caseworker carrying 150 clients — each with an open plan, tasks and
 * contact notes — must cost a fixed number of queries, never one (or more) per client. Prints the
 * time per call and the queries it ran. Run alone with `npx tsx bench/caseload.bench.ts`, or as
 * part of `npm run bench`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database } from '../src/db/connection.js';
import { MIGRATIONS_FOLDER } from '../src/db/connection.js';
import * as schema from '../src/db/schema.js';
import { nameKeys } from '../src/domain/people/matching.js';
import { caseloadRows } from '../src/db/repositories/case-management.js';
import { clientVisibility } from '../src/domain/access/policy.js';
import { caseload } from '../src/server/case-management/service.js';
import { sealNewClient } from '../src/server/clients/personal-data.js';
import { PersonCrypto } from '../src/server/privacy/crypto.js';

const CLIENTS = 150;
const ITERATIONS = 30;

let queries = 0;
const pglite = new PGlite();
const db = drizzle(pglite, { schema, logger: { logQuery: () => void queries++ } }) as unknown as Database;
await migrate(drizzle(pglite, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
const crypto = new PersonCrypto({ encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) });

const [catchment] = await db
  .insert(schema.catchments)
  .values({ code: 'bench', nameEn: 'Bench', nameFr: 'Banc' })
  .returning();
const catchmentId = catchment!.id;
const [provider] = await db
  .insert(schema.organizations)
  .values({ catchmentId, kind: 'provider', name: 'Bench Provider' })
  .returning();
const [worker] = await db
  .insert(schema.users)
  .values({
    organizationId: provider!.id,
    email: 'bench.worker@test.example',
    displayName: 'Bench Worker',
    roles: ['provider_caseworker'],
  })
  .returning();
const [lead] = await db
  .insert(schema.users)
  .values({
    organizationId: provider!.id,
    email: 'bench.lead@test.example',
    displayName: 'Bench Lead',
    roles: ['provider_lead'],
  })
  .returning();

// Plans need a submitted CA; the bench inserts minimal rows directly, as the schema allows.
const now = new Date('2026-03-10T15:00:00Z');
for (let i = 0; i < CLIENTS; i++) {
  const id = randomUUID();
  const sealed = sealNewClient(crypto, id, null, { address: null, phone: '519-555-0100', email: null });
  await db.insert(schema.clients).values({
    id,
    reference: `PW-B${String(i).padStart(6, '0')}`,
    catchmentId,
    legalGivenName: `Given${i}`,
    legalFamilyName: `Family${i}`,
    ...nameKeys(`Family${i}`, `Given${i}`),
    dateOfBirth: '1990-01-01',
    contactEncrypted: sealed.contactEncrypted,
    specializedPopulations: {},
    createdByOrganizationId: provider!.id,
  });
  await db.insert(schema.clientDataKeys).values({ clientId: id, wrappedKey: sealed.wrappedKey });
  await db
    .insert(schema.clientShares)
    .values({ clientId: id, organizationId: provider!.id, reason: 'bench' });
  await db.insert(schema.caseloadAssignments).values({
    clientId: id,
    organizationId: provider!.id,
    caseworkerUserId: worker!.id,
    assignedAt: new Date('2026-01-05T15:00:00Z'),
    assignedByUserId: lead!.id,
  });
  for (let t = 0; t < 4; t++) {
    await db.insert(schema.tasks).values({
      clientId: id,
      organizationId: provider!.id,
      dueOn: `2026-03-${String(5 + t * 3).padStart(2, '0')}`,
      assigneeUserId: worker!.id,
      createdByUserId: worker!.id,
      status: t === 3 ? 'done' : 'open',
    });
  }
  for (let n = 0; n < 3; n++) {
    await db.insert(schema.caseNotes).values({
      clientId: id,
      catchmentId,
      organizationId: provider!.id,
      authorUserId: worker!.id,
      at: new Date(now.getTime() - (n + (i % 40)) * 86_400_000),
      visibility: 'internal',
      contactChannel: n === 2 ? null : 'phone',
    });
  }
}

const ctx = {
  actor: {
    userId: worker!.id,
    organizationId: provider!.id,
    organizationKind: 'provider' as const,
    catchmentId,
    roles: ['provider_caseworker' as const],
  },
  requestId: 'bench',
};
const deps = { db, crypto, now: () => now };

const first = await caseload(deps, ctx, {});
if (first.clients.length !== CLIENTS)
  throw new Error(`expected ${CLIENTS} clients, got ${first.clients.length}`);
queries = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < ITERATIONS; i++) await caseload(deps, ctx, {});
const ms = Number(process.hrtime.bigint() - start) / 1e6 / ITERATIONS;
const perCall = queries / ITERATIONS;
console.log(
  `${`caseload of ${CLIENTS} clients (service, PGlite)`.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms/call ${perCall.toFixed(0).padStart(4)} queries/call`,
);
// Reading the caseload is one select plus its audit transaction; anything per client would show here.
if (perCall > 10)
  throw new Error(`caseload ran ${perCall} queries per call: it must not grow with the clients`);

// The query alone, without the 150 audit entries the service writes for the clients it shows.
const rowsStart = process.hrtime.bigint();
for (let i = 0; i < ITERATIONS; i++)
  await caseloadRows(db, clientVisibility(ctx.actor), {
    organizationId: provider!.id,
    caseworkerUserId: worker!.id,
    today: '2026-03-10',
  });
const rowsMs = Number(process.hrtime.bigint() - rowsStart) / 1e6 / ITERATIONS;
console.log(`${'caseload query alone (150 clients)'.padEnd(48)} ${rowsMs.toFixed(1).padStart(9)} ms/call`);
await pglite.close();
