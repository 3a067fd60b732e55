import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSite, createClient, ELIGIBLE_SCREENING } from '../support/fixtures.js';
import { createWorld, share, type Session, type World } from '../support/world.js';

/**
 * Worklists over the API with a fixed clock: a week around Family Day 2026 (Monday 2026-02-16),
 * plus one lead assigned the October before, past its 120 days (P11). This file owns its world so
 * the counts are exact.
 */
let world: World;
// Noon in Toronto (EST) on a date.
const noon = (date: string) => new Date(`${date}T17:00:00Z`);

interface Summary {
  id: string;
  bucket: string;
  status: string;
  firstContact: { dueOn: string; state: string; businessDaysLeft: number } | null;
  completion: { deadline: string; daysLeft: number; incomplete: boolean } | null;
  contactAttemptCount: number;
  appointmentCount: number;
  screeningOutcome: string | null;
  assignedAt: string | null;
  receivedAt: string;
  warmReferral: boolean;
  returnReason: string | null;
  ssmDecision: string | null;
}
interface Worklist {
  view: string;
  buckets: { bucket: string; count: number }[];
}

const r = {
  incomplete: '',
  fresh: '',
  attempted: '',
  engaged: '',
  awaiting: '',
  returned: '',
  closed: '',
  forwarded: '',
  atTwo: '',
  servedAtTwo: '',
  redirect: '',
};
let people = 0;
let clock = noon('2025-10-01');
/** Sets the app's clock to a date; each referral then comes a minute after the one before. */
const setDay = (date: string) => {
  clock = noon(date);
  world.setNow(clock);
};
const tick = () => {
  clock = new Date(clock.getTime() + 60_000);
  world.setNow(clock);
};

async function saReferral(extra: Record<string, unknown> = {}): Promise<string> {
  tick();
  people++;
  const clientId = await createClient(world, world.as.sa_caseworker, {
    legalGivenName: `Person${people}`,
    legalFamilyName: 'Worklisttest',
    dateOfBirth: '1985-01-01',
  });
  const res = await world.request(world.as.sa_caseworker, {
    method: 'POST',
    url: '/api/referrals',
    payload: { clientId, source: 'ontario_works', ...extra },
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
}

async function ssmReferral(clientId?: string): Promise<string> {
  tick();
  people++;
  const id =
    clientId ??
    (await createClient(world, world.as.ssm_intake, {
      legalGivenName: `Person${people}`,
      legalFamilyName: 'Worklisttest',
      dateOfBirth: '1985-01-01',
    }));
  const res = await world.request(world.as.ssm_intake, {
    method: 'POST',
    url: '/api/referrals',
    payload: { clientId: id, source: 'eo_contact_centre', screening: ELIGIBLE_SCREENING },
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
}

async function call(as: Session, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown> = {}) {
  const res = await world.request(as, { method, url, payload });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { appointments: { id: string }[] };
}
const assign = (id: string, organizationId: string) =>
  call(world.as.ssm_intake, 'POST', `/api/referrals/${id}/assign`, {
    organizationId,
    overrideReason: 'Test assignment',
  });
const work = (id: string, step: string, payload: Record<string, unknown> = {}) =>
  call(world.as.provider_caseworker, 'POST', `/api/referrals/${id}/${step}`, payload);

beforeAll(async () => {
  world = await createWorld();
  await addSite(world, world.a.provider1, world.a.regionId);
  await addSite(world, world.a.provider2, world.a.regionId);

  // October 2025: a lead that will be past its 120 days by February, though the client came (P11).
  setDay('2025-10-01');
  r.incomplete = await saReferral();
  await assign(r.incomplete, world.a.provider1);
  await work(r.incomplete, 'contact-attempts', { method: 'phone', result: 'reached' });
  const booked = await work(r.incomplete, 'appointments', {
    scheduledFor: '2025-10-02T15:00:00Z',
    mode: 'in_person',
  });
  await call(
    world.as.provider_caseworker,
    'PUT',
    `/api/referrals/${r.incomplete}/appointments/${booked.appointments[0]!.id}/attendance`,
    { attended: true },
  );

  // Friday 2026-02-13, before Family Day.
  setDay('2026-02-13');
  r.fresh = await saReferral({ warmReferral: true });
  await assign(r.fresh, world.a.provider1);
  r.attempted = await saReferral();
  await assign(r.attempted, world.a.provider1);
  await work(r.attempted, 'contact-attempts', { method: 'phone', result: 'no_answer' });
  r.engaged = await saReferral();
  await assign(r.engaged, world.a.provider1);
  await work(r.engaged, 'contact-attempts', { method: 'phone', result: 'reached' });
  const appointment = await work(r.engaged, 'appointments', {
    scheduledFor: '2026-02-13T19:00:00Z',
    mode: 'virtual',
  });
  await call(
    world.as.provider_caseworker,
    'PUT',
    `/api/referrals/${r.engaged}/appointments/${appointment.appointments[0]!.id}/attendance`,
    { attended: true },
  );
  r.awaiting = await saReferral();
  r.returned = await saReferral();
  await assign(r.returned, world.a.provider1);
  await work(r.returned, 'return', { reason: 'client_declined' });
  r.closed = await saReferral();
  await assign(r.closed, world.a.provider1);
  await work(r.closed, 'return', { reason: 'crisis' });
  await call(world.as.ssm_intake, 'POST', `/api/referrals/${r.closed}/decision`, {
    decision: 'return_to_sa',
  });
  r.forwarded = await saReferral();
  await assign(r.forwarded, world.a.provider1);
  await work(r.forwarded, 'return', { reason: 'client_declined' });
  await call(world.as.ssm_intake, 'POST', `/api/referrals/${r.forwarded}/decision`, { decision: 'forward' });
  r.atTwo = await ssmReferral();
  await assign(r.atTwo, world.a.provider2);
  // A client already with provider two walks into provider one: sent to SSM intake (P2).
  const servedClient = await createClient(world, world.as.ssm_intake, {
    legalGivenName: 'Served',
    legalFamilyName: 'Worklisttest',
    dateOfBirth: '1985-01-02',
  });
  r.servedAtTwo = await ssmReferral(servedClient);
  await assign(r.servedAtTwo, world.a.provider2);
  await share(world.db, servedClient, world.a.provider1);
  const walkIn = await world.request(world.as.provider_caseworker, {
    method: 'POST',
    url: '/api/referrals',
    payload: { clientId: servedClient, source: 'walk_in' },
  });
  expect(walkIn.json()).toMatchObject({ redirectRequested: true, status: 'awaiting_assignment' });
  r.redirect = (walkIn.json() as { id: string }).id;
});
afterAll(() => world?.close());

async function worklistOf(as: Session, date: string): Promise<Record<string, number>> {
  world.setNow(noon(date));
  const res = await world.request(as, { method: 'GET', url: '/api/referrals/worklist' });
  expect(res.statusCode).toBe(200);
  const body = res.json() as Worklist;
  return Object.fromEntries(body.buckets.map((b) => [b.bucket, b.count]));
}

async function list(as: Session, date: string, query: Record<string, string> = {}): Promise<Summary[]> {
  world.setNow(noon(date));
  const res = await world.request(as, { method: 'GET', url: '/api/referrals', query });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: Summary[] }).items;
}

describe('GET /referrals/worklist: counts per bucket (P2, P7, P10, P11)', () => {
  it('every bucket of the view, in display order, even when empty', async () => {
    world.setNow(noon('2026-02-17'));
    const res = await world.request(world.as.provider_caseworker, {
      method: 'GET',
      url: '/api/referrals/worklist',
    });
    expect(res.json()).toMatchObject({
      view: 'provider',
      buckets: [
        { bucket: 'incomplete' },
        { bucket: 'overdue' },
        { bucket: 'due_today' },
        { bucket: 'new' },
        { bucket: 'awaiting_client' },
        { bucket: 'engaged' },
        { bucket: 'elsewhere' },
      ],
    });
    const sa = (
      await world.request(world.as.sa_caseworker, { method: 'GET', url: '/api/referrals/worklist' })
    ).json() as Worklist;
    expect(sa.view).toBe('sa');
    expect(sa.buckets.map((b) => b.bucket)).toEqual([
      'awaiting_assignment',
      'with_provider',
      'returned',
      'closed',
    ]);
  });

  it('SSM on Tuesday after Family Day: nothing overdue yet; P2 redirect and P10 d forward await a decision; P11 incomplete', async () => {
    expect(await worklistOf(world.as.ssm_intake, '2026-02-17')).toEqual({
      new: 1,
      awaiting_decision: 2,
      returned: 1,
      overdue: 0,
      incomplete: 1,
      with_provider: 5,
      closed: 1,
    });
  });

  it('SSM on Thursday: the three leads still without an attempt are overdue (P7: due Wednesday 2026-02-18)', async () => {
    expect(await worklistOf(world.as.ssm_manager, '2026-02-19')).toMatchObject({
      overdue: 3,
      incomplete: 1,
      with_provider: 2,
    });
  });

  it.each([
    ['2026-02-13', { new: 1, due_today: 0, overdue: 0 }],
    ['2026-02-16', { new: 1, due_today: 0, overdue: 0 }],
    ['2026-02-17', { new: 1, due_today: 0, overdue: 0 }],
    ['2026-02-18', { new: 0, due_today: 1, overdue: 0 }],
    ['2026-02-19', { new: 0, due_today: 0, overdue: 1 }],
  ])(
    'P7: provider one on %s, the lead assigned Friday before Family Day moves new → due today → overdue',
    async (date, counts) => {
      expect(await worklistOf(world.as.provider_caseworker, date)).toEqual({
        incomplete: 1,
        awaiting_client: 1,
        engaged: 1,
        // Its returned and closed referrals, and its walk-in sent to SSM intake.
        elsewhere: 3,
        ...counts,
      });
    },
  );

  it('an SA caseworker’s referrals by status', async () => {
    expect(await worklistOf(world.as.sa_caseworker, '2026-02-19')).toEqual({
      awaiting_assignment: 2,
      with_provider: 4,
      returned: 1,
      closed: 1,
    });
  });

  it('counts everything the actor may see, not a page; ministry viewers have no worklist', async () => {
    expect(await list(world.as.ssm_intake, '2026-02-19', { limit: '1' })).toHaveLength(1);
    const counts = await worklistOf(world.as.ssm_intake, '2026-02-19');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(11);
    expect(
      (await world.request(world.as.ministry_viewer, { method: 'GET', url: '/api/referrals/worklist' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('GET /referrals: buckets, clocks and urgency', () => {
  it('P7: the bucket filter gives provider one its overdue lead on Thursday, with its clock', async () => {
    const overdue = await list(world.as.provider_caseworker, '2026-02-19', { bucket: 'overdue' });
    expect(overdue.map((i) => i.id)).toEqual([r.fresh]);
    expect(overdue[0]).toMatchObject({
      bucket: 'overdue',
      warmReferral: true,
      firstContact: { dueOn: '2026-02-18', state: 'overdue', businessDaysLeft: -1 },
      completion: { deadline: '2026-06-13', incomplete: false },
      contactAttemptCount: 0,
      appointmentCount: 0,
    });
    expect(await list(world.as.provider_caseworker, '2026-02-18', { bucket: 'overdue' })).toEqual([]);
    const dueToday = await list(world.as.provider_caseworker, '2026-02-18', { bucket: 'due_today' });
    expect(dueToday.map((i) => i.id)).toEqual([r.fresh]);
    expect(dueToday[0]!.firstContact).toMatchObject({ state: 'due_today', businessDaysLeft: 0 });
  });

  it('each bucket lists exactly the referrals it counts', async () => {
    const engaged = await list(world.as.provider_caseworker, '2026-02-19', { bucket: 'engaged' });
    expect(engaged.map((i) => i.id)).toEqual([r.engaged]);
    expect(engaged[0]).toMatchObject({ contactAttemptCount: 1, appointmentCount: 1 });
    const elsewhere = await list(world.as.provider_caseworker, '2026-02-19', { bucket: 'elsewhere' });
    expect(elsewhere.map((i) => i.id).sort()).toEqual([r.returned, r.closed, r.redirect].sort());
    expect(elsewhere.find((i) => i.id === r.returned)).toMatchObject({
      status: 'returned',
      returnReason: 'client_declined',
    });
    const decide = await list(world.as.ssm_intake, '2026-02-19', { bucket: 'awaiting_decision' });
    expect(decide.map((i) => i.id).sort()).toEqual([r.redirect, r.forwarded].sort());
    expect(decide.find((i) => i.id === r.forwarded)).toMatchObject({
      ssmDecision: 'forward',
      assignedAt: null,
    });
    expect((await list(world.as.ssm_intake, '2026-02-19', { bucket: 'new' })).map((i) => i.id)).toEqual([
      r.awaiting,
    ]);
    // A bucket of another view holds nothing for this one; with a status, both must hold.
    expect(await list(world.as.provider_caseworker, '2026-02-19', { bucket: 'with_provider' })).toEqual([]);
    expect(
      await list(world.as.ssm_intake, '2026-02-19', { bucket: 'overdue', status: 'awaiting_assignment' }),
    ).toEqual([]);
  });

  it('P11 and P7: the SSM’s list puts incomplete first, then overdue; the rest newest first', async () => {
    const items = await list(world.as.ssm_intake, '2026-02-19');
    expect(items).toHaveLength(11);
    expect(items[0]).toMatchObject({ id: r.incomplete, bucket: 'incomplete' });
    expect(items.slice(1, 4).map((i) => i.bucket)).toEqual(['overdue', 'overdue', 'overdue']);
    expect(
      items
        .slice(1, 4)
        .map((i) => i.id)
        .sort(),
    ).toEqual([r.fresh, r.atTwo, r.servedAtTwo].sort());
    const rest = items.slice(4);
    expect(rest.every((i) => i.bucket !== 'overdue' && i.bucket !== 'incomplete')).toBe(true);
    const received = rest.map((i) => i.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    const incomplete = items[0]!;
    expect(incomplete.completion).toMatchObject({ deadline: '2026-01-29', incomplete: true });
  });

  it('P2: the screening outcome shows to the SSM and to the provider the referral is assigned to', async () => {
    const ssm = await list(world.as.ssm_intake, '2026-02-19', { bucket: 'overdue' });
    expect(ssm.find((i) => i.id === r.atTwo)?.screeningOutcome).toBe('case_managed_eligible');
    const two = await list(world.provider2Caseworker, '2026-02-19', { bucket: 'overdue' });
    expect(two.map((i) => i.id).sort()).toEqual([r.atTwo, r.servedAtTwo].sort());
    expect(two.every((i) => i.screeningOutcome === 'case_managed_eligible')).toBe(true);
  });

  it('the SA caseworker’s list is newest first', async () => {
    const items = await list(world.as.sa_caseworker, '2026-02-19');
    expect(items).toHaveLength(8);
    expect(items.at(-1)!.id).toBe(r.incomplete);
    const received = items.map((i) => i.id);
    expect(received.indexOf(r.forwarded)).toBeLessThan(received.indexOf(r.fresh));
  });
});
