import type { EvidenceStore } from '../server/storage/evidence-store.js';
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { appendAudit } from '../db/repositories/audit.js';
import { setLocalPassword } from '../db/repositories/credentials.js';
import {
  catchments,
  clientDataKeys,
  clients,
  clientShares,
  organizations,
  regions,
  sites,
  users,
} from '../db/schema.js';
import { ROLE_ORGANIZATION_KIND, ROLES, type Role } from '../domain/access/roles.js';
import { nameKeys } from '../domain/people/matching.js';
import { hashPassword } from '../server/auth/passwords.js';
import { sealNewClient } from '../server/clients/personal-data.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import {
  CATCHMENT,
  CITIES,
  DEMO_PASSWORD,
  demoEmail,
  MINISTRY,
  PROVIDERS,
  REGIONS,
  SA_OFFICES,
  SSM,
  type RegionCode,
} from './network.js';
import { syntheticPerson } from './people.js';
import { Random } from './random.js';
import { seedAssessments } from './assessments.js';
import { seedPlanCatalogue } from './plan-catalogue.js';
import { seedDemoSupports } from './supports.js';
import { seedDemoMonitoring } from './monitoring.js';
import { seedDemoPlans } from './plans.js';
import { seedReferrals } from './referrals.js';
import { seedDemoCaseManagement, seedNoteTemplates } from './case-management.js';

export interface Network {
  catchmentId: string;
  regionIds: Record<RegionCode, string>;
  ssmId: string;
  providers: { id: string; regions: RegionCode[] }[];
  saOffices: { id: string; program: 'ow' | 'odsp'; region: RegionCode }[];
  saCaseworkerId: string | null;
}

/** Loads the demo network if it exists. */
export async function findNetwork(db: Database): Promise<Network | null> {
  const [catchment] = await db.select().from(catchments).where(eq(catchments.code, CATCHMENT.code));
  if (!catchment) return null;
  const regionRows = await db.select().from(regions).where(eq(regions.catchmentId, catchment.id));
  const orgs = await db.select().from(organizations).where(eq(organizations.catchmentId, catchment.id));
  const siteRows = await db
    .select({ organizationId: sites.organizationId, regionId: sites.regionId })
    .from(sites);
  const regionCode = new Map(regionRows.map((r) => [r.id, r.code as RegionCode]));
  const [saWorker] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail('sa_caseworker')));
  const saOffices = orgs
    .filter((o) => o.kind === 'sa_office')
    .map((o) => ({
      id: o.id,
      program: o.saProgram!,
      region: SA_OFFICES.find((s) => s.name === o.name)?.region ?? 'windsor-essex',
    }));
  return {
    catchmentId: catchment.id,
    regionIds: Object.fromEntries(regionRows.map((r) => [r.code, r.id])) as Record<RegionCode, string>,
    ssmId: orgs.find((o) => o.kind === 'ssm')!.id,
    providers: orgs
      .filter((o) => o.kind === 'provider' && o.active)
      .map((o) => ({
        id: o.id,
        regions: [
          ...new Set(
            siteRows.filter((s) => s.organizationId === o.id).map((s) => regionCode.get(s.regionId)!),
          ),
        ],
      })),
    saOffices,
    saCaseworkerId: saWorker?.id ?? null,
  };
}

/** The catchment, its regions, organizations, sites and one user per role. Runs once. */
export async function seedNetwork(
  db: Database,
): Promise<{ network: Network; users: { role: Role; email: string }[] }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demoUsers: { role: Role; email: string }[] = [];
  await db.transaction(async (tx) => {
    const [catchment] = await tx.insert(catchments).values(CATCHMENT).returning();
    const regionRows = await tx
      .insert(regions)
      .values(REGIONS.map((r) => ({ ...r, catchmentId: catchment!.id })))
      .returning();
    const regionId = (code: RegionCode) => regionRows.find((r) => r.code === code)!.id;
    const org = async (values: Omit<typeof organizations.$inferInsert, 'catchmentId'>) => {
      const [row] = await tx
        .insert(organizations)
        .values({ ...values, catchmentId: catchment!.id })
        .returning();
      return row!;
    };
    const ssm = await org({
      kind: 'ssm',
      name: SSM.name,
      nameFr: SSM.nameFr,
      email: 'intake@pathways.test',
      phone: '519-555-0100',
    });
    const ministry = await org({ kind: 'ministry', name: MINISTRY.name, nameFr: MINISTRY.nameFr });
    const providerIds: string[] = [];
    for (const p of PROVIDERS) {
      const row = await org({ kind: 'provider', name: p.name, nameFr: p.nameFr, phone: '519-555-0111' });
      providerIds.push(row.id);
      for (const s of p.sites) {
        const city = CITIES[s.region].find((c) => c.name === s.city)!;
        await tx.insert(sites).values({
          organizationId: row.id,
          regionId: regionId(s.region),
          name: s.name,
          street: s.street,
          city: s.city,
          postalCode: s.postalCode,
          latitude: city.lat,
          longitude: city.lng,
          hours: s.hours,
          languages: s.languages,
          specializedPopulations: s.specializedPopulations,
          accessibilityFeatures: s.accessibilityFeatures,
          intakeCapacity: s.intakeCapacity,
        });
      }
    }
    const saIds: string[] = [];
    for (const o of SA_OFFICES) {
      const row = await org({ kind: 'sa_office', saProgram: o.program, name: o.name });
      saIds.push(row.id);
      const city = CITIES[o.region].find((c) => c.name === o.city)!;
      await tx.insert(sites).values({
        organizationId: row.id,
        regionId: regionId(o.region),
        name: o.name,
        street: o.street,
        city: o.city,
        postalCode: o.postalCode,
        latitude: city.lat,
        longitude: city.lng,
        hours: {
          mon: [{ opens: '08:30', closes: '16:30' }],
          tue: [{ opens: '08:30', closes: '16:30' }],
          wed: [{ opens: '08:30', closes: '16:30' }],
          thu: [{ opens: '08:30', closes: '16:30' }],
          fri: [{ opens: '08:30', closes: '16:30' }],
        },
        languages: ['en', 'fr'],
        accessibilityFeatures: ['step_free_entrance', 'accessible_washroom'],
        intakeCapacity: 0,
      });
    }
    const orgFor: Record<string, string> = {
      ssm: ssm.id,
      provider: providerIds[0]!,
      sa_office: saIds[0]!,
      ministry: ministry.id,
    };
    for (const role of ROLES) {
      const email = demoEmail(role);
      const [user] = await tx
        .insert(users)
        .values({
          organizationId: orgFor[ROLE_ORGANIZATION_KIND[role]]!,
          email,
          displayName: demoName(role),
          roles: [role],
        })
        .returning();
      await setLocalPassword(tx, user!.id, email, passwordHash);
      demoUsers.push({ role, email });
    }
    // A second provider's caseworker, so the demo shows that providers do not see each other's clients.
    const email = 'provider.caseworker2@pathways.test';
    const [other] = await tx
      .insert(users)
      .values({
        organizationId: providerIds[2]!,
        email,
        displayName: 'Kai Demo (Essex County Works)',
        roles: ['provider_caseworker'],
      })
      .returning();
    await setLocalPassword(tx, other!.id, email, passwordHash);
    await appendAudit(tx, [
      {
        actorUserId: null,
        actorOrganizationId: null,
        action: 'bulk_create',
        entityType: 'demo_network',
        entityId: catchment!.id,
      },
    ]);
  });
  return { network: (await findNetwork(db))!, users: demoUsers };
}

function demoName(role: Role): string {
  const label = role.replace(/_/g, ' ').replace(/\b(ssm|sa)\b/g, (m) => m.toUpperCase());
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} (demo)`;
}

const REGION_WEIGHTS: (readonly [RegionCode, number])[] = [
  ['windsor-essex', 55],
  ['chatham-kent', 20],
  ['sarnia-lambton', 25],
];

/**
 * Adds `count` synthetic clients in batches, each batch in one transaction. Person number `i` is the
 * same for a given seed whatever the batch size, so runs are reproducible and resumable by offset.
 */
export async function seedClients(
  db: Database,
  crypto: PersonCrypto,
  network: Network,
  options: {
    count: number;
    seed: number;
    offset?: number;
    batchSize?: number;
    onProgress?: (done: number) => void;
  },
): Promise<void> {
  const batchSize = options.batchSize ?? 1000;
  const offset = options.offset ?? 0;
  for (let start = 0; start < options.count; start += batchSize) {
    const n = Math.min(batchSize, options.count - start);
    const clientRows: (typeof clients.$inferInsert)[] = [];
    const keyRows: (typeof clientDataKeys.$inferInsert)[] = [];
    const shareRows: (typeof clientShares.$inferInsert)[] = [];
    for (let k = 0; k < n; k++) {
      const index = offset + start + k;
      const rng = new Random(options.seed * 1_000_003 + index);
      const region = rng.weighted(REGION_WEIGHTS);
      const city = rng.pick(CITIES[region]);
      const person = syntheticPerson(rng, index, city);
      const id = randomUUID();
      const sealed = sealNewClient(crypto, id, person.sin, {
        address: {
          street: person.street,
          unit: null,
          city: person.city,
          province: 'ON',
          postalCode: person.postalCode,
          isProviderAddress: false,
        },
        phone: person.phone,
        email: person.email,
      });
      const office = person.socialAssistance
        ? (network.saOffices.find((o) => o.program === person.socialAssistance && o.region === region) ??
          network.saOffices.find((o) => o.program === person.socialAssistance))
        : undefined;
      const byDemoWorker =
        office !== undefined &&
        office.id === network.saOffices[0]?.id &&
        rng.chance(0.5) &&
        network.saCaseworkerId;
      clientRows.push({
        id,
        reference: '',
        catchmentId: network.catchmentId,
        legalGivenName: person.legalGivenName,
        legalFamilyName: person.legalFamilyName,
        preferredName: person.preferredName,
        ...nameKeys(person.legalFamilyName, person.legalGivenName),
        dateOfBirth: person.dateOfBirth,
        sinIndex: sealed.sinIndex,
        sinEncrypted: sealed.sinEncrypted,
        sinTemporary: person.sin?.startsWith('9') ?? false,
        contactEncrypted: sealed.contactEncrypted,
        preferredContactMethod: person.preferredContactMethod,
        preferredContactTime: person.preferredContactTime,
        language: person.language,
        languageOther: person.languageOther,
        specializedPopulations: person.specializedPopulations,
        saProgram: office ? person.socialAssistance : null,
        samsMemberId: office ? person.samsMemberId : null,
        saOfficeId: office?.id ?? null,
        saCaseworkerId: byDemoWorker ? network.saCaseworkerId : null,
        regionId: network.regionIds[region],
        createdByOrganizationId: network.ssmId,
      });
      keyRows.push({ clientId: id, wrappedKey: sealed.wrappedKey });
      const providers = network.providers.filter((p) => p.regions.includes(region));
      if (providers.length && rng.chance(0.85))
        shareRows.push({ clientId: id, organizationId: rng.pick(providers).id, reason: 'seed' });
      if (office)
        shareRows.push({
          clientId: id,
          organizationId: office.id,
          userId: byDemoWorker ? network.saCaseworkerId : null,
          reason: 'sa_caseworker',
        });
    }
    await db.transaction(async (tx) => {
      // A SIN someone typed in may equal a synthetic one; the real record keeps it (E2: unique).
      const indexes = clientRows.map((c) => c.sinIndex).filter((x): x is string => !!x);
      const taken = indexes.length
        ? new Set(
            (
              await tx.select({ s: clients.sinIndex }).from(clients).where(inArray(clients.sinIndex, indexes))
            ).map((r) => r.s),
          )
        : new Set<string | null>();
      for (const c of clientRows) {
        if (c.sinIndex && taken.has(c.sinIndex))
          Object.assign(c, { sinIndex: null, sinEncrypted: null, sinTemporary: false });
      }
      const refs = (await tx.execute(
        sql`select nextval('client_reference_seq') as n from generate_series(1, ${n})`,
      )) as unknown as {
        rows: { n: string | number }[];
      };
      refs.rows.forEach((r, i) => (clientRows[i]!.reference = `PW-${String(r.n).padStart(7, '0')}`));
      await tx.insert(clients).values(clientRows);
      await tx.insert(clientDataKeys).values(keyRows);
      if (shareRows.length) await tx.insert(clientShares).values(shareRows);
      await appendAudit(tx, [
        {
          actorUserId: null,
          actorOrganizationId: null,
          action: 'bulk_create',
          entityType: 'client_batch',
          entityId: String(n),
        },
      ]);
    });
    options.onProgress?.(start + n);
  }
}

/**
 * First start: the demo network, its users, a few hundred clients, a handful of referrals in every
 * state, a few Common Assessments and action plans (dated back from `now`). Does nothing if already
 * seeded.
 */
export async function seedDemo(
  db: Database,
  crypto: PersonCrypto,
  evidenceStore: EvidenceStore,
  clientCount = 300,
  now = new Date(),
) {
  if (await findNetwork(db)) return null;
  const { network, users: demoUsers } = await seedNetwork(db);
  // A2/A7: the SSM's plan-item catalogue for the catchment.
  await seedPlanCatalogue(db, network.catchmentId);
  await seedClients(db, crypto, network, { count: clientCount, seed: 2026 });
  const referrals = await seedReferrals(db, crypto, network, now);
  const assessments = await seedAssessments(db, crypto, network, now);
  // A1–A9: a few action plans at Riverside, each from its own submitted CA.
  const plans = await seedDemoPlans(db, crypto, network, now);
  // I4: the SSM's note templates (job aids) for consistent case notes.
  await seedNoteTemplates(db, network.catchmentId);
  // J9/I4: notes, tasks, a reassignment and a case conference on those plans.
  const caseRecords = await seedDemoCaseManagement(db, crypto, network.catchmentId, now);
  // M1–M10, K4: outcomes, checkpoints with evidence, an SSM review and a paid PBF line.
  const monitoring = await seedDemoMonitoring(db, crypto, network, evidenceStore, now);
  // F1–F13, F3: ERFS budgets and supports in every step, with the SSM's queue not empty.
  const supports = await seedDemoSupports(db, crypto, network, evidenceStore, now);
  return {
    users: demoUsers,
    password: DEMO_PASSWORD,
    referrals,
    assessments,
    plans,
    caseRecords,
    monitoring,
    supports,
  };
}
