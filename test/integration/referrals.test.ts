import { sql } from 'drizzle-orm';
import { torontoDate } from '../../src/domain/calendar/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, sites } from '../../src/db/schema.js';
import { createClient, ELIGIBLE_SCREENING } from '../support/fixtures.js';
import { createWorld, share, type Session, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
  // Provider one serves Francophones in French; provider two is a general site. Both in region 1.
  const base = {
    regionId: world.a.regionId,
    street: '1 Main St',
    city: 'Windsor',
    postalCode: 'N9A 1B2',
    latitude: 42.3,
    longitude: -83.0,
    hours: { mon: [{ opens: '09:00', closes: '17:00' }] },
    accessibilityFeatures: [] as string[],
  };
  await world.db.insert(sites).values([
    {
      ...base,
      organizationId: world.a.provider1,
      name: 'One',
      languages: ['en', 'fr'],
      specializedPopulations: ['francophone'],
      intakeCapacity: 10,
    },
    {
      ...base,
      organizationId: world.a.provider2,
      name: 'Two',
      languages: ['en'],
      specializedPopulations: [],
      intakeCapacity: 50,
    },
  ]);
});
afterAll(() => world?.close());

interface ReferralBody {
  id: string;
  reference: string;
  pathway: string;
  status: string;
  redirectRequested: boolean;
  assignedOrganizationId: string | null;
  notes: string | null;
  explanation: { organizationId: string; rank: number; factors: { code: string; met: boolean }[] } | null;
  timeline: { kind: string }[];
}

const refer = (as: Session, payload: Record<string, unknown>) =>
  world.request(as, { method: 'POST', url: '/api/referrals', payload });

describe('referrals (P1–P3, P6)', () => {
  it('P1 pathway 1: an SA caseworker refers their client to SSM intake, with notes kept encrypted', async () => {
    const clientId = await createClient(world, world.as.sa_caseworker, {
      legalGivenName: 'Sam',
      legalFamilyName: 'Ouellette',
      dateOfBirth: '1988-02-02',
    });
    const res = await refer(world.as.sa_caseworker, {
      clientId,
      source: 'ontario_works',
      warmReferral: true,
      notes: 'Prefers mornings; childcare until 3 pm',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as ReferralBody;
    expect(body).toMatchObject({
      pathway: 'social_assistance',
      status: 'awaiting_assignment',
      notes: 'Prefers mornings; childcare until 3 pm',
    });
    expect(body.reference).toMatch(/^RF-\d{7}$/);
    const raw = (await world.db.execute(
      sql`select row_to_json(r)::text as row from referrals r`,
    )) as unknown as { rows: { row: string }[] };
    expect(raw.rows.map((r) => r.row).join()).not.toContain('childcare until');
    // It is in the SSM's queue.
    const queue = await world.request(world.as.ssm_intake, {
      method: 'GET',
      url: '/api/referrals',
      query: { status: 'awaiting_assignment' },
    });
    expect((queue.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(body.id);
  });

  it('P1: a source must fit the referrer’s pathway', async () => {
    const clientId = await createClient(world, world.as.sa_caseworker, {
      legalGivenName: 'Ana',
      legalFamilyName: 'Lopes',
      dateOfBirth: '1990-02-02',
    });
    const res = await refer(world.as.sa_caseworker, { clientId, source: 'trf' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ rule: 'P1', errors: [{ field: 'body.source' }] });
    expect((res.json() as { messageFr: string }).messageFr).toMatch(/^P1 : /);
  });

  it('P4/P6: SSM intake sees the ranking with reasons, assigns the first suggestion, and only that provider sees why', async () => {
    const clientId = await createClient(world, world.as.ssm_intake, {
      legalGivenName: 'Élodie',
      legalFamilyName: 'Roy',
      dateOfBirth: '1995-05-05',
      regionId: world.a.regionId,
      specializedPopulations: { francophone: 'yes' },
    });
    const created = (
      await refer(world.as.ssm_intake, {
        clientId,
        source: 'eo_contact_centre',
        barriers: { language: 'fr' },
        screening: ELIGIBLE_SCREENING,
      })
    ).json() as ReferralBody;
    const suggestions = await world.request(world.as.ssm_intake, {
      method: 'GET',
      url: `/api/referrals/${created.id}/suggestions`,
    });
    const ranked = (
      suggestions.json() as { items: { organizationId: string; factors: { code: string; met: boolean }[] }[] }
    ).items;
    expect(ranked[0]!.organizationId).toBe(world.a.provider1);
    expect(ranked[0]!.factors).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'specialized_population', met: true })]),
    );

    const other = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${created.id}/assign`,
      payload: { organizationId: world.a.provider2 },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ errors: [{ field: 'body.overrideReason' }] });

    const assigned = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${created.id}/assign`,
      payload: { organizationId: world.a.provider1 },
    });
    expect(assigned.statusCode).toBe(200);
    expect((assigned.json() as ReferralBody).timeline.map((e) => e.kind)).toEqual([
      'created',
      'screened',
      'assigned',
    ]);

    const mine = (
      await world.request(world.as.provider_caseworker, {
        method: 'GET',
        url: `/api/referrals/${created.id}`,
      })
    ).json() as ReferralBody;
    expect(mine.explanation?.organizationId).toBe(world.a.provider1);
    // The client is now shared with the provider.
    expect(
      (await world.request(world.as.provider_caseworker, { method: 'GET', url: `/api/clients/${clientId}` }))
        .statusCode,
    ).toBe(200);
    // Another provider cannot see the referral at all.
    expect(
      (await world.request(world.provider2Caseworker, { method: 'GET', url: `/api/referrals/${created.id}` }))
        .statusCode,
    ).toBe(404);
    // A second assignment is refused.
    const again = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${created.id}/assign`,
      payload: { organizationId: world.a.provider1 },
    });
    expect(again.statusCode).toBe(409);
  });

  it('P3: a client’s choice binds the assignment, with the rule in both languages', async () => {
    const clientId = await createClient(world, world.as.ssm_intake, {
      legalGivenName: 'Kai',
      legalFamilyName: 'Tanaka',
      dateOfBirth: '1993-03-03',
    });
    const created = (
      await refer(world.as.ssm_intake, {
        clientId,
        source: 'rasp',
        clientChoiceOrganizationId: world.a.provider2,
        screening: ELIGIBLE_SCREENING,
      })
    ).json() as ReferralBody;
    const res = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${created.id}/assign`,
      payload: { organizationId: world.a.provider1, overrideReason: 'Closer to home' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ rule: 'P3', code: 'rule_refused' });
    expect((res.json() as { messageFr: string }).messageFr).toMatch(/^P3 :/);
    const ranked = (
      await world.request(world.as.ssm_intake, {
        method: 'GET',
        url: `/api/referrals/${created.id}/suggestions`,
      })
    ).json() as {
      items: { organizationId: string; chosenByClient: boolean }[];
    };
    expect(ranked.items[0]).toMatchObject({ organizationId: world.a.provider2, chosenByClient: true });
    const ok = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${created.id}/assign`,
      payload: { organizationId: world.a.provider2 },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('P3 pathway 3: a walk-in belongs to the provider it walked into, without SSM screening', async () => {
    const clientId = await createClient(world, world.provider2Caseworker, {
      legalGivenName: 'Lea',
      legalFamilyName: 'Morin',
      dateOfBirth: '1999-09-09',
    });
    const res = await refer(world.provider2Caseworker, { clientId, source: 'walk_in' });
    expect(res.json()).toMatchObject({
      pathway: 'self_referral',
      status: 'assigned',
      assignedOrganizationId: world.a.provider2,
      redirectRequested: false,
    });
  });

  it('P2: a walk-in already referred elsewhere goes to SSM intake to be redirected', async () => {
    const clientId = await createClient(world, world.as.ssm_intake, {
      legalGivenName: 'Omar',
      legalFamilyName: 'Haddad',
      dateOfBirth: '1985-08-08',
    });
    const first = (
      await refer(world.as.ssm_intake, { clientId, source: 'trf', screening: ELIGIBLE_SCREENING })
    ).json() as ReferralBody;
    await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${first.id}/assign`,
      payload: { organizationId: world.a.provider2, overrideReason: 'Test' },
    });
    await share(world.db, clientId, world.a.provider1);
    const walkIn = await refer(world.as.provider_caseworker, { clientId, source: 'walk_in' });
    expect(walkIn.json()).toMatchObject({
      status: 'awaiting_assignment',
      redirectRequested: true,
      assignedOrganizationId: null,
    });
  });

  it('one open referral per client for SA and SSM referrals', async () => {
    const clientId = await createClient(world, world.as.ssm_intake, {
      legalGivenName: 'Ivy',
      legalFamilyName: 'Chen',
      dateOfBirth: '1991-01-01',
    });
    const lbs = { clientId, source: 'lbs', screening: ELIGIBLE_SCREENING };
    expect((await refer(world.as.ssm_intake, lbs)).statusCode).toBe(201);
    expect((await refer(world.as.ssm_intake, lbs)).statusCode).toBe(409);
  });
});

describe('provider leads: contact, appointments and returns (P7, P8, P10)', () => {
  async function saLead() {
    const clientId = await createClient(world, world.as.sa_caseworker, {
      legalGivenName: 'Rita',
      legalFamilyName: 'Moreau',
      dateOfBirth: '1987-07-07',
      preferredContactMethod: 'phone',
    });
    const created = (
      await refer(world.as.sa_caseworker, { clientId, source: 'odsp' })
    ).json() as ReferralBody;
    await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${created.id}/assign`,
      payload: { organizationId: world.a.provider1, overrideReason: 'Test lead' },
    });
    return created.id;
  }
  const post = (url: string, payload: Record<string, unknown> = {}) =>
    world.request(world.as.provider_caseworker, { method: 'POST', url, payload });

  it('P7: a new lead shows its first-contact clock, met by a logged attempt; P11 shows the 120-day deadline', async () => {
    const id = await saLead();
    const lead = (
      await world.request(world.as.provider_caseworker, { method: 'GET', url: `/api/referrals/${id}` })
    ).json() as {
      firstContact: { dueOn: string; state: string };
      completion: { daysLeft: number; incomplete: boolean };
    };
    expect(['on_time', 'due_today']).toContain(lead.firstContact.state);
    expect(lead.completion).toMatchObject({ daysLeft: 120, incomplete: false });
    const after = (
      await post(`/api/referrals/${id}/contact-attempts`, { method: 'phone', result: 'no_answer' })
    ).json() as {
      firstContact: { state: string };
      contactAttempts: unknown[];
    };
    expect(after.firstContact.state).toBe('met');
    expect(after.contactAttempts).toHaveLength(1);
  });

  it('P8: "unable to contact" is refused until 2 appointments, 3 attempts on different days and the SA caseworker contact, naming what is missing', async () => {
    const id = await saLead();
    const first = await post(`/api/referrals/${id}/return`, { reason: 'unable_to_contact' });
    expect(first.statusCode).toBe(422);
    const problem = first.json() as { rule: string; errors: { code: string }[]; messageFr: string };
    expect(problem.rule).toBe('P8');
    expect(problem.errors.map((e) => e.code)).toEqual([
      'appointments_offered',
      'contact_attempts',
      'sa_caseworker_not_contacted',
    ]);
    expect(problem.messageFr).toMatch(/P8 :/);

    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
      await post(`/api/referrals/${id}/contact-attempts`, {
        method: 'phone',
        result: 'no_answer',
        at: `${day}T15:00:00Z`,
      });
    }
    // An email does not count when the client prefers the phone.
    await post(`/api/referrals/${id}/contact-attempts`, {
      method: 'email',
      result: 'other',
      at: '2026-03-05T15:00:00Z',
    });
    for (const day of ['2026-03-10', '2026-03-12']) {
      await post(`/api/referrals/${id}/appointments`, {
        scheduledFor: `${day}T14:00:00Z`,
        mode: 'in_person',
      });
    }
    const second = await post(`/api/referrals/${id}/return`, { reason: 'unable_to_contact' });
    expect((second.json() as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual([
      'sa_caseworker_not_contacted',
    ]);

    await post(`/api/referrals/${id}/sa-caseworker-contacted`);
    const returned = await post(`/api/referrals/${id}/return`, {
      reason: 'unable_to_contact',
      note: 'Three calls, two appointments missed',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'unable_to_contact' });
    // The provider no longer works the lead.
    expect(
      (await post(`/api/referrals/${id}/contact-attempts`, { method: 'phone', result: 'reached' }))
        .statusCode,
    ).toBe(409);
  });

  it('P10: the SSM decides; "back to SA" only for SA referrals; forward reopens the assignment; the timeline tells it all', async () => {
    const id = await saLead();
    await post(`/api/referrals/${id}/return`, { reason: 'client_declined' });
    const forward = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/decision`,
      payload: { decision: 'forward' },
    });
    expect(forward.json()).toMatchObject({
      status: 'awaiting_assignment',
      ssmDecision: 'forward',
      assignedOrganizationId: null,
    });
    const reassigned = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/assign`,
      payload: { organizationId: world.a.provider2, overrideReason: 'Second provider' },
    });
    const timeline = (reassigned.json() as ReferralBody).timeline.map((e) => e.kind);
    expect(timeline).toEqual(['created', 'assigned', 'returned', 'ssm_decision', 'assigned']);

    const walkInClient = await createClient(world, world.provider2Caseworker, {
      legalGivenName: 'Zed',
      legalFamilyName: 'Walker',
      dateOfBirth: '1990-10-10',
    });
    const walkIn = (
      await refer(world.provider2Caseworker, { clientId: walkInClient, source: 'walk_in' })
    ).json() as ReferralBody;
    await world.request(world.provider2Caseworker, {
      method: 'POST',
      url: `/api/referrals/${walkIn.id}/return`,
      payload: { reason: 'referred_in_error' },
    });
    const toSa = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${walkIn.id}/decision`,
      payload: { decision: 'return_to_sa' },
    });
    expect(toSa.statusCode).toBe(422);
    expect(toSa.json()).toMatchObject({ rule: 'P10' });
  });

  it('only the provider the lead is assigned to can work it', async () => {
    const id = await saLead();
    const other = await world.request(world.provider2Caseworker, {
      method: 'POST',
      url: `/api/referrals/${id}/contact-attempts`,
      payload: { method: 'phone', result: 'reached' },
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('K5 referral metrics', () => {
  it('per provider for a period: assigned, contacted, returned and lost-contact counts; aggregates only', async () => {
    const today = torontoDate(new Date());
    const res = await world.request(world.as.ssm_manager, {
      method: 'GET',
      url: '/api/referrals/metrics',
      query: { from: today, to: today },
    });
    expect(res.statusCode).toBe(200);
    const rows = (
      res.json() as {
        items: {
          organizationId: string;
          organizationName: string;
          referralsAssigned: number;
          lostContact: number;
          returned: number;
          lostContactRate: number;
          averageBusinessDaysToAssignment: number | null;
        }[];
      }
    ).items;
    const one = rows.find((r) => r.organizationId === world.a.provider1);
    // Earlier tests in this file assigned provider one several leads, one lost for want of contact.
    expect(one).toMatchObject({ organizationName: 'Provider One' });
    expect(one!.referralsAssigned).toBeGreaterThanOrEqual(4);
    expect(one!.lostContact).toBe(1);
    expect(one!.returned).toBeGreaterThanOrEqual(2);
    expect(one!.lostContactRate).toBeCloseTo(1 / one!.referralsAssigned, 3);
    // Every lead here was assigned the day it arrived: intake took no business day.
    expect(one!.averageBusinessDaysToAssignment).toBe(0);
    expect(res.body).not.toMatch(/Rita|Moreau/);
    const yesterday = await world.request(world.as.ssm_manager, {
      method: 'GET',
      url: '/api/referrals/metrics',
      query: { from: '2020-01-01', to: '2020-01-31' },
    });
    expect((yesterday.json() as { items: unknown[] }).items).toEqual([]);
    expect(
      (
        await world.request(world.as.provider_caseworker, {
          method: 'GET',
          url: '/api/referrals/metrics',
          query: { from: today, to: today },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('screening tool (E1–E6) over the API', () => {
  const answers = ELIGIBLE_SCREENING;
  it('E1: an eligible adult; E4: an employer-specific permit is self-directed only, with the rule in both languages', async () => {
    const ok = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/screening',
      payload: answers,
    });
    expect(ok.json()).toMatchObject({ outcome: 'case_managed_eligible', reasons: [] });
    const permit = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/screening',
      payload: {
        ...answers,
        workAuthorization: 'refugee_claimant',
        workPermit: 'employer_specific',
        sinTemporary: true,
      },
    });
    expect(permit.json()).toMatchObject({
      outcome: 'self_directed_only',
      reasons: [{ rule: 'E4', code: 'employer_specific_permit' }],
    });
    expect((permit.json() as { reasons: { fr: string }[] }).reasons[0]!.fr).toMatch(/permis/);
  });
  it('ministry viewers cannot screen people', async () => {
    expect(
      (
        await world.request(world.as.ministry_viewer, {
          method: 'POST',
          url: '/api/screening',
          payload: answers,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('TRF daily list import (P1 pathway 2)', () => {
  const header = 'trf_id,given_name,family_name,date_of_birth,sin,phone,email,postal_code,language';
  const importList = (fileName: string, csv: string) =>
    world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/referrals/trf-imports',
      payload: { fileName, csv },
    });
  interface Result {
    alreadyImported: boolean;
    rowsRead: number;
    referralsCreated: number;
    newClients: number;
    skipped: { line: number; reason: string }[];
    errors: { line: number; field: string }[];
  }

  it('lands each new applicant in the SSM queue, reports bad rows by line, and is idempotent', async () => {
    const csv = [
      header,
      'TRF-1001,Nadia,Haddad,1992-02-02,543 210 983,519-555-0111,nadia@example.com,N9A 1B2,fr',
      'TRF-1002,Broken,Date,02/02/1992,234567899,,,,',
      'TRF-1003,Ming,Li,1980-08-08,130-692-544,,,,en',
      'TRF-1004,Bad,Sin,1980-08-08,130692545,,,,en',
    ].join('\r\n');
    const trfQueue = async () =>
      (
        (
          await world.request(world.as.ssm_intake, {
            method: 'GET',
            url: '/api/referrals',
            query: { status: 'awaiting_assignment', limit: '200' },
          })
        ).json() as {
          items: { clientName: string; source: string }[];
        }
      ).items.filter((i) => i.source === 'trf');
    const before = (await trfQueue()).length;
    const first = await importList('trf-2026-03-02.csv', csv);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      alreadyImported: false,
      rowsRead: 4,
      referralsCreated: 2,
      newClients: 2,
      skipped: [],
      errors: [
        { line: 3, field: 'date_of_birth' },
        { line: 5, field: 'sin' },
      ],
    });
    const queue = await trfQueue();
    expect(queue).toHaveLength(before + 2);
    expect(queue.map((i) => i.clientName)).toEqual(expect.arrayContaining(['Ming Li', 'Nadia Haddad']));

    const again = (await importList('trf-2026-03-02 (copy).csv', csv)).json() as Result;
    expect(again).toMatchObject({ alreadyImported: true, referralsCreated: 2 });
    expect(await trfQueue()).toHaveLength(before + 2);
  });

  it('a person already on a list or on an open referral is skipped; one known by SIN gets no second record', async () => {
    const csv = [
      header,
      'TRF-1001,Nadia,Haddad,1992-02-02,543210983,,,,fr',
      'TRF-2001,Sam,Ouellette,1988-02-02,927419531,,,,',
    ].join('\n');
    const result = (await importList('trf-2026-03-03.csv', csv)).json() as Result;
    expect(result.skipped).toEqual([{ line: 2, reason: 'already_on_a_list' }]);
    expect(result).toMatchObject({ referralsCreated: 1, newClients: 1 });
  });

  it('a file without the required columns is refused as a whole, naming the field', async () => {
    const res = await importList('wrong.csv', 'name,dob\nA,1990-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'body.csv' }] });
  });
});

describe('screening stored on a direct referral (P2 pathway 2, E1–E6)', () => {
  const newClient = (given: string) =>
    createClient(world, world.as.ssm_intake, {
      legalGivenName: given,
      legalFamilyName: 'Screeningtest',
      dateOfBirth: '1990-01-01',
    });
  interface Screened {
    id: string;
    screening: {
      outcome: string;
      reasons: { rule: string; code: string }[];
      notes: { rule: string }[];
      screenedAt: string;
      screenedByName: string | null;
    } | null;
    timeline: { kind: string; detail: Record<string, unknown> }[];
  }

  it('P2: a direct referral without screening answers is refused, naming the field', async () => {
    const res = await refer(world.as.ssm_intake, {
      clientId: await newClient('Nora'),
      source: 'eo_contact_centre',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      rule: 'P2',
      errors: [{ field: 'body.screening', code: 'required' }],
    });
    expect((res.json() as { messageFr: string }).messageFr).toMatch(/dépistage/);
  });

  it('P2: only a direct referral takes screening answers', async () => {
    const clientId = await createClient(world, world.as.sa_caseworker, {
      legalGivenName: 'Olga',
      legalFamilyName: 'Screeningtest',
      dateOfBirth: '1990-01-01',
    });
    const res = await refer(world.as.sa_caseworker, {
      clientId,
      source: 'ontario_works',
      screening: ELIGIBLE_SCREENING,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ rule: 'P2', errors: [{ field: 'body.screening' }] });
  });

  it('E1–E6: the result is computed and stored; the referral shows it, never the answers', async () => {
    const res = await refer(world.as.ssm_intake, {
      clientId: await newClient('Pia'),
      source: 'ei_information_session',
      // Employed (E5): eligible, with a note. A client-computed outcome would be ignored (not in the schema).
      screening: { ...ELIGIBLE_SCREENING, currentlyEmployed: true },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as Screened;
    expect(body.screening).toMatchObject({
      outcome: 'case_managed_eligible',
      reasons: [],
      notes: [{ rule: 'E5' }],
      screenedByName: expect.any(String),
    });
    expect(body.timeline.map((e) => e.kind)).toEqual(['created', 'screened']);
    expect(body.timeline[1]!.detail).toEqual({ outcome: 'case_managed_eligible' });
    expect(res.body).not.toContain('dateOfBirth');
    expect(res.body).not.toContain('livesInOntario');
    // The answers are kept for the record, sealed with the client's key: not readable in the row.
    const raw = (await world.db.execute(
      sql`select screening::text as s from referrals where id = ${body.id}`,
    )) as unknown as { rows: { s: string }[] };
    const stored = raw.rows[0]!.s;
    expect(stored).toContain('answersSealed');
    expect(stored).not.toMatch(/workAuthorization|citizen|not_applicable|1990-01-01/);
  });

  it('E4: an ineligible person is refused with the first reason’s rule, in both languages, and nothing is stored', async () => {
    const clientId = await newClient('Quinn');
    const res = await refer(world.as.ssm_intake, {
      clientId,
      source: 'community_organization',
      screening: {
        ...ELIGIBLE_SCREENING,
        workAuthorization: 'temporary_foreign_worker',
        workPermit: 'employer_specific',
      },
    });
    expect(res.statusCode).toBe(422);
    const problem = res.json() as {
      rule: string;
      detail: string;
      messageFr: string;
      errors: { code: string }[];
    };
    expect(problem.rule).toBe('E4');
    expect(problem.detail).toMatch(/self-directed services remain open/);
    expect(problem.messageFr).toMatch(/^E4 : .*services autonomes/);
    expect(problem.errors.map((e) => e.code)).toEqual(['employer_specific_permit']);
    // Nothing was recorded: the same client can be referred once eligible.
    const rows = (await world.db.execute(
      sql`select count(*)::int as n from referrals where client_id = ${clientId}`,
    )) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]!.n).toBe(0);
    const ok = await refer(world.as.ssm_intake, {
      clientId,
      source: 'community_organization',
      screening: ELIGIBLE_SCREENING,
    });
    expect(ok.statusCode).toBe(201);
  });

  it('E2: the rule of the first reason leads: no SIN is E2', async () => {
    const res = await refer(world.as.ssm_intake, {
      clientId: await newClient('Rhea'),
      source: 'lbs',
      screening: { ...ELIGIBLE_SCREENING, hasSin: false },
    });
    expect(res.json()).toMatchObject({ status: 422, rule: 'E2' });
  });

  it('P2: a TRF referral is screened on its own route, an ineligible result is kept and blocks assignment, a new screening opens it', async () => {
    const csv = [
      'trf_id,given_name,family_name,date_of_birth,sin,phone,email,postal_code,language',
      'TRF-9001,Sasha,Screeningtest,1991-04-04,612345678,,,,en',
    ].join('\n');
    const imported = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/referrals/trf-imports',
      payload: { fileName: 'trf-screening.csv', csv },
    });
    expect(imported.json()).toMatchObject({ referralsCreated: 1 });
    const queue = (
      await world.request(world.as.ssm_intake, {
        method: 'GET',
        url: '/api/referrals',
        query: { bucket: 'new', limit: '200' },
      })
    ).json() as { items: { id: string; clientName: string; screeningOutcome: string | null }[] };
    const item = queue.items.find((i) => i.clientName === 'Sasha Screeningtest')!;
    expect(item.screeningOutcome).toBeNull();
    const assign = () =>
      world.request(world.as.ssm_intake, {
        method: 'POST',
        url: `/api/referrals/${item.id}/assign`,
        payload: { organizationId: world.a.provider2, overrideReason: 'Closest to home' },
      });
    const unscreened = await assign();
    expect(unscreened.statusCode).toBe(422);
    expect(unscreened.json()).toMatchObject({ rule: 'P2' });
    expect((unscreened.json() as { detail: string }).detail).toMatch(/Screen first/);

    const screenWith = (answers: Record<string, unknown>) =>
      world.request(world.as.ssm_intake, {
        method: 'POST',
        url: `/api/referrals/${item.id}/screening`,
        payload: answers,
      });
    const outside = await screenWith({ ...ELIGIBLE_SCREENING, livesInOntario: false });
    expect(outside.statusCode).toBe(200);
    expect((outside.json() as Screened).screening).toMatchObject({
      outcome: 'not_eligible',
      reasons: [{ rule: 'E1', code: 'not_living_in_ontario' }],
    });
    const blocked = await assign();
    expect(blocked.statusCode).toBe(422);
    expect((blocked.json() as { rule: string; detail: string }).detail).toMatch(
      /not eligible for case-managed/,
    );

    const eligible = (await screenWith(ELIGIBLE_SCREENING)).json() as Screened;
    expect(eligible.screening?.outcome).toBe('case_managed_eligible');
    expect(eligible.timeline.filter((e) => e.kind === 'screened').map((e) => e.detail)).toEqual([
      { outcome: 'not_eligible' },
      { outcome: 'case_managed_eligible' },
    ]);
    // Screened and eligible: another screening is not needed, and the referral can be assigned.
    expect((await screenWith(ELIGIBLE_SCREENING)).statusCode).toBe(409);
    expect((await assign()).statusCode).toBe(200);
    // The assigned provider sees the result; the answers are in the database only.
    const seen = (
      await world.request(world.provider2Caseworker, { method: 'GET', url: `/api/referrals/${item.id}` })
    ).json() as Screened;
    expect(seen.screening?.outcome).toBe('case_managed_eligible');
    expect((await screenWith(ELIGIBLE_SCREENING)).statusCode).toBe(409);
  });

  it('P2: a referral from social assistance is not screened by SSM intake', async () => {
    const clientId = await createClient(world, world.as.sa_caseworker, {
      legalGivenName: 'Tess',
      legalFamilyName: 'Screeningtest',
      dateOfBirth: '1990-01-01',
    });
    const created = (
      await refer(world.as.sa_caseworker, { clientId, source: 'odsp' })
    ).json() as ReferralBody;
    const res = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${created.id}/screening`,
      payload: ELIGIBLE_SCREENING,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ rule: 'P2' });
  });
});

describe('forward to the next provider (P10 d)', () => {
  it('the providers that returned a referral are neither suggested nor assignable, and the detail names them', async () => {
    const clientId = await createClient(world, world.as.sa_caseworker, {
      legalGivenName: 'Uma',
      legalFamilyName: 'Forwardtest',
      dateOfBirth: '1989-09-09',
    });
    const created = (
      await refer(world.as.sa_caseworker, { clientId, source: 'ontario_works' })
    ).json() as ReferralBody;
    const url = `/api/referrals/${created.id}`;
    const suggested = async () =>
      (
        (await world.request(world.as.ssm_intake, { method: 'GET', url: `${url}/suggestions` })).json() as {
          items: { organizationId: string; rank: number }[];
        }
      ).items;
    expect((await suggested()).map((s) => s.organizationId)).toContain(world.a.provider1);
    await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `${url}/assign`,
      payload: { organizationId: world.a.provider1, overrideReason: 'First try' },
    });
    await world.request(world.as.provider_caseworker, {
      method: 'POST',
      url: `${url}/return`,
      payload: { reason: 'client_declined' },
    });
    const forwarded = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `${url}/decision`,
      payload: { decision: 'forward' },
    });
    const detail = forwarded.json() as {
      returnedBy: { organizationId: string; organizationName: string; reason: string; at: string }[];
    };
    expect(detail.returnedBy).toEqual([
      {
        organizationId: world.a.provider1,
        organizationName: 'Provider One',
        reason: 'client_declined',
        at: expect.any(String),
      },
    ]);
    const after = await suggested();
    expect(after.map((s) => s.organizationId)).not.toContain(world.a.provider1);
    expect(after[0]).toMatchObject({ rank: 1 });
    const back = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `${url}/assign`,
      payload: { organizationId: world.a.provider1, overrideReason: 'Try them again' },
    });
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({
      rule: 'P10',
      errors: [{ field: 'body.organizationId', code: 'returned_by_provider' }],
    });
    const next = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `${url}/assign`,
      payload: { organizationId: after[0]!.organizationId },
    });
    expect(next.statusCode).toBe(200);
  });
});

describe('accessibility needs in the decision matrix (P4)', () => {
  it('a site with the needed feature ranks above an otherwise equal one; the explanation names it', async () => {
    // Two providers alike in everything but a step-free entrance; the one with it has the id that
    // would lose the final tie-break, so only the accessibility need can put it first.
    const plain = '00000000-0000-4000-8000-0000000000a1';
    const stepFree = 'ffffffff-ffff-4fff-bfff-0000000000a2';
    await world.db.insert(organizations).values([
      { id: plain, catchmentId: world.a.catchmentId, kind: 'provider', name: 'Plain Access' },
      { id: stepFree, catchmentId: world.a.catchmentId, kind: 'provider', name: 'Step Free' },
    ]);
    const site = {
      regionId: world.a.regionId,
      street: '2 Side St',
      city: 'Windsor',
      postalCode: 'N9A 1B2',
      latitude: 42.3,
      longitude: -83.0,
      hours: { mon: [{ opens: '09:00', closes: '17:00' }] },
      languages: ['en'],
      specializedPopulations: [] as string[],
      intakeCapacity: 10,
    };
    await world.db.insert(sites).values([
      { ...site, organizationId: plain, name: 'Plain', accessibilityFeatures: ['quiet_room'] },
      {
        ...site,
        organizationId: stepFree,
        name: 'Step',
        accessibilityFeatures: ['quiet_room', 'step_free_entrance'],
      },
    ]);
    const ranking = async (accessibility: string[]) => {
      const clientId = await createClient(world, world.as.sa_caseworker, {
        legalGivenName: `Vic${accessibility.length}`,
        legalFamilyName: 'Accesstest',
        dateOfBirth: '1979-07-07',
      });
      const created = await refer(world.as.sa_caseworker, {
        clientId,
        source: 'odsp',
        barriers: { accessibility },
      });
      const body = created.json() as { id: string; barriers: { accessibility: string[] } };
      expect(body.barriers.accessibility).toEqual(accessibility);
      const res = await world.request(world.as.ssm_intake, {
        method: 'GET',
        url: `/api/referrals/${body.id}/suggestions`,
      });
      const items = (
        res.json() as {
          items: {
            organizationId: string;
            factors: { code: string; met: boolean; detail: Record<string, unknown> }[];
          }[];
        }
      ).items;
      return {
        id: body.id,
        items,
        order: items.map((i) => i.organizationId).filter((id) => id === plain || id === stepFree),
      };
    };
    expect((await ranking([])).order).toEqual([plain, stepFree]);
    const needs = await ranking(['step_free_entrance']);
    expect(needs.order).toEqual([stepFree, plain]);
    const factor = needs.items
      .find((i) => i.organizationId === stepFree)!
      .factors.find((f) => f.code === 'accessibility');
    expect(factor).toMatchObject({ met: true, detail: { matched: ['step_free_entrance'], missing: [] } });

    // A referral written before accessibility needs were recorded reads as needing none.
    await world.db.execute(
      sql`update referrals set barriers = barriers - 'accessibility' where id = ${needs.id}`,
    );
    const old = (
      await world.request(world.as.ssm_intake, { method: 'GET', url: `/api/referrals/${needs.id}` })
    ).json() as { barriers: { accessibility: string[] } };
    expect(old.barriers.accessibility).toEqual([]);
  });
});
