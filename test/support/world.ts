import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database, DatabaseHandle } from '../../src/db/connection.js';
import { catchments, clientShares, organizations, regions, sessions, users } from '../../src/db/schema.js';
import { ROLE_ORGANIZATION_KIND, ROLES, type Role } from '../../src/domain/access/roles.js';
import { buildApp } from '../../src/server/app.js';
import { FileSystemEvidenceStore } from '../../src/server/storage/evidence-store.js';
import { hashToken, SESSION_COOKIE } from '../../src/server/auth/plugin.js';
import { createLogger } from '../../src/server/logging.js';
import { PersonCrypto } from '../../src/server/privacy/crypto.js';
import { seedPlanCatalogue } from '../../src/seed/plan-catalogue.js';
import { seedNoteTemplates } from '../../src/seed/case-management.js';
import { openTestDatabase } from './database.js';

/** Synthetic, valid SINs for tests (Luhn-checked), never real people's. */
export const SINS = { a: '130692544', b: '234567899', c: '543210983', temp: '927419531' };

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  organizationId: string;
}

/**
 * A running API on a fresh database with a small, known world: catchment A with an SSM, two
 * providers, an OW office and a ministry, one signed-in user per role; and catchment B with its
 * own SSM, provider and SA office, so cross-organization and cross-catchment access can be tested.
 */
export interface World {
  app: FastifyInstance;
  db: Database;
  handle: DatabaseHandle;
  config: Config;
  crypto: PersonCrypto;
  logs: string[];
  a: {
    catchmentId: string;
    regionId: string;
    ssm: string;
    provider1: string;
    provider2: string;
    saOffice: string;
    ministry: string;
  };
  b: { catchmentId: string; regionId: string; ssm: string; provider: string; saOffice: string };
  /** A session for each role in catchment A (provider roles at provider1, SA at saOffice). */
  as: Record<Role, Session>;
  /** Sessions of other organizations: provider2's caseworker, catchment B's staff, a second SA caseworker. */
  provider2Caseworker: Session;
  otherSaCaseworker: Session;
  bSessions: Record<'ssm_admin' | 'ssm_intake' | 'provider_caseworker' | 'sa_caseworker', Session>;
  request(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /**
   * Sets the app's clock (app.services.now) to an instant, or back to real time with null. Use
   * instants in the past: sessions are valid from the real now, so a later date would expire them.
   */
  setNow(at: Date | null): void;
  /** The clock set with `setNow`, or null when the app runs on real time. */
  clockOverride(): Date | null;
  close(): Promise<void>;
}

export async function createWorld(options: { env?: Record<string, string> } = {}): Promise<World> {
  const handle = await openTestDatabase();
  const db = handle.db;
  const config: Config = {
    // Tests stand behind a pretend proxy so each can sign in from its own address (X-Forwarded-For).
    ...loadConfig({
      NODE_ENV: 'test',
      PATHWAYS_DATA_DIR: '/tmp/pathways-test-unused',
      PATHWAYS_TRUST_PROXY: 'true',
      ...options.env,
    }),
    keys: { encryptionKey: randomBytes(32), blindIndexKey: randomBytes(32) },
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger('info', sink as unknown as pino.DestinationStream);
  let clock: Date | null = null;
  // Each world keeps its evidence files in its own directory, removed on close.
  const evidenceDir = mkdtempSync(join(tmpdir(), 'pathways-evidence-'));
  const evidenceStore = new FileSystemEvidenceStore(evidenceDir);
  const app = await buildApp({
    db,
    config,
    logger,
    webRoot: '/nonexistent',
    now: () => clock ?? new Date(),
    evidenceStore,
  });
  await app.ready();

  const catchment = async (code: string) => {
    const [c] = await db.insert(catchments).values({ code, nameEn: code, nameFr: code }).returning();
    const [r] = await db
      .insert(regions)
      .values({ catchmentId: c!.id, code: `${code}-r1`, nameEn: 'Region 1', nameFr: 'Région 1' })
      .returning();
    return { catchmentId: c!.id, regionId: r!.id };
  };
  const ca = await catchment('a');
  const cb = await catchment('b');
  // A2/A7: each catchment has the SSM's plan-item catalogue, as the demo does.
  await seedPlanCatalogue(db, ca.catchmentId);
  await seedPlanCatalogue(db, cb.catchmentId);
  // I4: and the SSM's note templates.
  await seedNoteTemplates(db, ca.catchmentId);
  await seedNoteTemplates(db, cb.catchmentId);
  const org = async (
    catchmentId: string,
    kind: 'ssm' | 'provider' | 'sa_office' | 'ministry',
    name: string,
  ) => {
    const [o] = await db
      .insert(organizations)
      .values({ catchmentId, kind, name, saProgram: kind === 'sa_office' ? 'ow' : null })
      .returning();
    return o!.id;
  };
  const a = {
    ...ca,
    ssm: await org(ca.catchmentId, 'ssm', 'SSM A'),
    provider1: await org(ca.catchmentId, 'provider', 'Provider One'),
    provider2: await org(ca.catchmentId, 'provider', 'Provider Two'),
    saOffice: await org(ca.catchmentId, 'sa_office', 'OW Office A'),
    ministry: await org(ca.catchmentId, 'ministry', 'Ministry'),
  };
  const b = {
    ...cb,
    ssm: await org(cb.catchmentId, 'ssm', 'SSM B'),
    provider: await org(cb.catchmentId, 'provider', 'Provider B'),
    saOffice: await org(cb.catchmentId, 'sa_office', 'OW Office B'),
  };

  let n = 0;
  const session = async (organizationId: string, roles: Role[]): Promise<Session> => {
    n++;
    const [u] = await db
      .insert(users)
      .values({ organizationId, email: `user${n}@test.example`, displayName: `Test User ${n}`, roles })
      .returning();
    const token = randomBytes(24).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    await db.insert(sessions).values({
      tokenHash: hashToken(token),
      userId: u!.id,
      csrfToken: csrf,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    return { cookie: `${SESSION_COOKIE}=${token}`, csrf, userId: u!.id, organizationId };
  };
  const orgForKind = {
    ssm: a.ssm,
    provider: a.provider1,
    sa_office: a.saOffice,
    ministry: a.ministry,
  } as const;
  const as = {} as Record<Role, Session>;
  for (const role of ROLES) as[role] = await session(orgForKind[ROLE_ORGANIZATION_KIND[role]], [role]);
  const provider2Caseworker = await session(a.provider2, ['provider_caseworker']);
  const otherSaCaseworker = await session(a.saOffice, ['sa_caseworker']);
  const bSessions = {
    ssm_admin: await session(b.ssm, ['ssm_admin']),
    ssm_intake: await session(b.ssm, ['ssm_intake']),
    provider_caseworker: await session(b.provider, ['provider_caseworker']),
    sa_caseworker: await session(b.saOffice, ['sa_caseworker']),
  };

  const request = (s: Session | null, options: InjectOptions) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (s) {
      headers.cookie = s.cookie;
      headers['x-csrf-token'] = s.csrf;
    }
    return app.inject({ ...options, headers });
  };

  return {
    app,
    db,
    handle,
    config,
    crypto: new PersonCrypto(config.keys),
    logs,
    a,
    b,
    as,
    provider2Caseworker,
    otherSaCaseworker,
    bSessions,
    request,
    setNow(at) {
      clock = at;
    },
    clockOverride: () => clock,
    async close() {
      await app.close();
      await handle.close();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

/** Shares a client with an organization (what a referral will do in a later issue). */
export async function share(
  db: Database,
  clientId: string,
  organizationId: string,
  userId: string | null = null,
) {
  await db.insert(clientShares).values({ clientId, organizationId, userId, reason: 'test' });
}

export function json<T>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
