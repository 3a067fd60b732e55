import { closureDays, sites } from '../../src/db/schema.js';
import type { Session, World } from './world.js';
import { share } from './world.js';

export const SITE_BODY = {
  name: 'Main office',
  street: '100 Test St',
  city: 'Windsor',
  postalCode: 'N9A 1B2',
  latitude: 42.3,
  longitude: -83.0,
  hours: { mon: [{ opens: '09:00', closes: '17:00' }] },
  languages: ['en'],
  intakeCapacity: 10,
};

export async function createClient(
  world: World,
  as: Session,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await world.request(as, { method: 'POST', url: '/api/clients', payload: body });
  if (res.statusCode !== 201) throw new Error(`client create failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export async function addSite(world: World, organizationId: string, regionId: string): Promise<string> {
  const [row] = await world.db
    .insert(sites)
    .values({ ...SITE_BODY, organizationId, regionId, specializedPopulations: [], accessibilityFeatures: [] })
    .returning();
  return row!.id;
}

export async function addClosure(world: World, catchmentId: string, date: string): Promise<string> {
  const [row] = await world.db
    .insert(closureDays)
    .values({ catchmentId, date, nameEn: 'Closed', nameFr: 'Fermé' })
    .returning();
  return row!.id;
}

/**
 * Clients placed around the world so each role has one of its own and several it must never see.
 * All share the family name "Matrixtest" so a name search would surface any leak.
 */
export async function placeClients(world: World) {
  const person = (given: string, dob: string) => ({
    legalGivenName: given,
    legalFamilyName: 'Matrixtest',
    dateOfBirth: dob,
  });
  const p1 = await createClient(world, world.as.ssm_intake, person('Pone', '1990-01-01'));
  const p2 = await createClient(world, world.as.ssm_intake, person('Ptwo', '1990-01-02'));
  const saMine = await createClient(world, world.as.ssm_intake, person('Samine', '1990-01-03'));
  const saOther = await createClient(world, world.as.ssm_intake, person('Saother', '1990-01-04'));
  const b = await createClient(world, world.bSessions.ssm_intake, person('Bee', '1990-01-05'));
  await share(world.db, p1, world.a.provider1);
  await share(world.db, p2, world.a.provider2);
  await share(world.db, saMine, world.a.saOffice, world.as.sa_caseworker.userId);
  await share(world.db, saOther, world.a.saOffice, world.otherSaCaseworker.userId);
  await share(world.db, b, world.b.provider);
  return { p1, p2, saMine, saOther, b };
}

/**
 * Screening-tool answers (E1–E6) of an adult citizen living in Ontario with a SIN: eligible for
 * case-managed service. A referral made directly to SSM intake (P2 pathway 2) carries them.
 */
export const ELIGIBLE_SCREENING = {
  dateOfBirth: '1990-01-01',
  livesInOntario: true,
  hasSin: true,
  workAuthorization: 'citizen',
  workPermit: 'not_applicable',
  secondarySchoolCompleted: true,
} as const;
