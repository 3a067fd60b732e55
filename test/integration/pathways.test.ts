import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSite, createClient, ELIGIBLE_SCREENING } from '../support/fixtures.js';
import { createWorld, share, type Session, type World } from '../support/world.js';

/**
 * Each of the three ways in (P1), walked end to end through the API as the people involved would:
 * who refers, where the referral waits, who works it, how it comes back (P8, P10), what SSM intake
 * decides, and the timeline that records all of it. The other files test each rule in isolation.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
  await addSite(world, world.a.provider1, world.a.regionId);
  await addSite(world, world.a.provider2, world.a.regionId);
});
afterAll(() => world?.close());

interface Referral {
  id: string;
  pathway: string;
  status: string;
  assignedOrganizationId: string | null;
  redirectRequested: boolean;
  ssmDecision: string | null;
  closeReason: string | null;
  explanation: { organizationId: string } | null;
  returnedBy: { organizationId: string; reason: string }[];
  timeline: { kind: string; actorOrganizationName: string | null }[];
}
interface Summary {
  id: string;
  bucket: string;
}

const call = async (as: Session, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
  const res = await world.request(as, { method, url, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Referral & Record<string, unknown> };
};
const ok = async (as: Session, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
  const res = await call(as, method, url, payload);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};
const bucketOf = async (as: Session, id: string) => {
  const list = await world.request(as, { method: 'GET', url: '/api/referrals', query: { limit: '200' } });
  return (list.json() as { items: Summary[] }).items.find((i) => i.id === id)?.bucket ?? null;
};
const kinds = (r: Referral) => r.timeline.map((e) => e.kind);
const suggestions = async (id: string) =>
  (
    (
      await world.request(world.as.ssm_intake, { method: 'GET', url: `/api/referrals/${id}/suggestions` })
    ).json() as {
      items: { organizationId: string; rank: number }[];
    }
  ).items;

describe('pathway 1: social assistance → SSM intake → provider (P1, P2)', () => {
  it('refer, assign by the matrix, work the lead, return as unreachable (P8), forward (P10 d), reassign', async () => {
    const sa = world.as.sa_caseworker;
    const intake = world.as.ssm_intake;
    const lead = world.as.provider_caseworker;
    const clientId = await createClient(world, sa, {
      legalGivenName: 'Ines',
      legalFamilyName: 'Pathwayone',
      dateOfBirth: '1985-05-05',
      preferredContactMethod: 'phone',
      regionId: world.a.regionId,
    });
    const referred = await ok(sa, 'POST', '/api/referrals', {
      clientId,
      source: 'ontario_works',
      notes: 'Ready for work; mornings are best.',
    });
    expect(referred).toMatchObject({ pathway: 'social_assistance', status: 'awaiting_assignment' });
    expect(await bucketOf(intake, referred.id)).toBe('new');
    expect(await bucketOf(sa, referred.id)).toBe('awaiting_assignment');

    // SSM intake takes the matrix's first suggestion (P4); only that provider sees why (P6).
    const [first] = await suggestions(referred.id);
    const assigned = await ok(intake, 'POST', `/api/referrals/${referred.id}/assign`, {
      organizationId: first!.organizationId,
    });
    expect(assigned.status).toBe('assigned');
    const firstProvider = first!.organizationId;
    const works = firstProvider === world.a.provider1 ? lead : world.provider2Caseworker;
    const other = firstProvider === world.a.provider1 ? world.provider2Caseworker : lead;
    expect((await ok(works, 'GET', `/api/referrals/${referred.id}`)).explanation).not.toBeNull();
    expect(await bucketOf(works, referred.id)).toMatch(/^(new|due_today)$/);
    expect(await bucketOf(sa, referred.id)).toBe('with_provider');

    // The provider tries by phone on three days and offers two appointments (P8), asks SA first.
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04'])
      await ok(works, 'POST', `/api/referrals/${referred.id}/contact-attempts`, {
        method: 'phone',
        result: 'no_answer',
        at: `${day}T15:00:00Z`,
      });
    expect(await bucketOf(works, referred.id)).toBe('awaiting_client');
    for (const day of ['2026-03-10', '2026-03-12'])
      await ok(works, 'POST', `/api/referrals/${referred.id}/appointments`, {
        scheduledFor: `${day}T14:00:00Z`,
        mode: 'in_person',
      });
    const early = await call(works, 'POST', `/api/referrals/${referred.id}/return`, {
      reason: 'unable_to_contact',
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'P8' });
    await ok(works, 'POST', `/api/referrals/${referred.id}/sa-caseworker-contacted`);
    const returned = await ok(works, 'POST', `/api/referrals/${referred.id}/return`, {
      reason: 'unable_to_contact',
      note: 'Three calls, two appointments missed; SA caseworker informed.',
    });
    expect(returned.status).toBe('returned');
    expect(await bucketOf(intake, referred.id)).toBe('returned');
    // The provider no longer holds the client through this referral.
    expect((await call(works, 'GET', `/api/clients/${clientId}`)).status).toBe(404);

    // SSM intake forwards it (P10 d): the provider that returned it is not offered again.
    const forwarded = await ok(intake, 'POST', `/api/referrals/${referred.id}/decision`, {
      decision: 'forward',
    });
    // Nobody holds it now, so nobody's "why us" is shown until the next assignment.
    expect(forwarded).toMatchObject({ assignedOrganizationId: null, explanation: null });
    expect(await bucketOf(intake, referred.id)).toBe('awaiting_decision');
    const next = await suggestions(referred.id);
    expect(next.map((s) => s.organizationId)).not.toContain(firstProvider);
    const reassigned = await ok(intake, 'POST', `/api/referrals/${referred.id}/assign`, {
      organizationId: next[0]!.organizationId,
    });
    expect(reassigned.assignedOrganizationId).not.toBe(firstProvider);
    expect(reassigned.returnedBy).toMatchObject([
      { organizationId: firstProvider, reason: 'unable_to_contact' },
    ]);
    await ok(other, 'POST', `/api/referrals/${referred.id}/contact-attempts`, {
      method: 'phone',
      result: 'reached',
    });

    const timeline = kinds(await ok(sa, 'GET', `/api/referrals/${referred.id}`));
    expect(timeline).toEqual([
      'created',
      'assigned',
      'contact_attempt',
      'contact_attempt',
      'contact_attempt',
      'appointment_offered',
      'appointment_offered',
      'sa_caseworker_contacted',
      'returned',
      'ssm_decision',
      'assigned',
      'contact_attempt',
    ]);
  });
});

describe('pathway 2: a named source → SSM intake screening → provider (P1, P2, E1–E6)', () => {
  it('screen, refer, assign with an override reason, return as declined, case conference (P10 b), close', async () => {
    const intake = world.as.ssm_intake;
    const clientId = await createClient(world, intake, {
      legalGivenName: 'Theo',
      legalFamilyName: 'Pathwaytwo',
      dateOfBirth: '1979-09-09',
      regionId: world.a.regionId,
    });
    const unscreened = await call(intake, 'POST', '/api/referrals', {
      clientId,
      source: 'ei_information_session',
    });
    expect(unscreened.status).toBe(422);
    expect(unscreened.body).toMatchObject({ rule: 'P2' });
    const referred = await ok(intake, 'POST', '/api/referrals', {
      clientId,
      source: 'ei_information_session',
      screening: ELIGIBLE_SCREENING,
    });
    expect(kinds(referred)).toEqual(['created', 'screened']);
    const ranking = await suggestions(referred.id);
    const second = ranking.find((s) => s.rank === 2)!;
    const noReason = await call(intake, 'POST', `/api/referrals/${referred.id}/assign`, {
      organizationId: second.organizationId,
    });
    expect(noReason.status).toBe(400);
    await ok(intake, 'POST', `/api/referrals/${referred.id}/assign`, {
      organizationId: second.organizationId,
      overrideReason: 'The client works near this site.',
    });
    const works =
      second.organizationId === world.a.provider1 ? world.as.provider_caseworker : world.provider2Caseworker;
    await ok(works, 'POST', `/api/referrals/${referred.id}/contact-attempts`, {
      method: 'phone',
      result: 'reached',
    });
    await ok(works, 'POST', `/api/referrals/${referred.id}/return`, { reason: 'client_declined' });

    // (a) is for SA referrals only; (b) keeps it with intake, which then closes it.
    const toSa = await call(intake, 'POST', `/api/referrals/${referred.id}/decision`, {
      decision: 'return_to_sa',
    });
    expect(toSa.status).toBe(422);
    expect(toSa.body).toMatchObject({ rule: 'P10' });
    const conference = await ok(intake, 'POST', `/api/referrals/${referred.id}/decision`, {
      decision: 'case_conference_service',
      note: 'Call with the provider on Thursday.',
    });
    expect(conference).toMatchObject({ status: 'returned', ssmDecision: 'case_conference_service' });
    const closed = await ok(intake, 'POST', `/api/referrals/${referred.id}/close`, {
      reason: 'client_withdrew',
    });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'client_withdrew' });
    expect(await bucketOf(intake, referred.id)).toBe('closed');
    expect(kinds(closed)).toEqual([
      'created',
      'screened',
      'assigned',
      'contact_attempt',
      'returned',
      'ssm_decision',
      'closed',
    ]);
  });
});

describe('pathway 3: a walk-in to a provider (P1, P2, P3)', () => {
  it('the provider keeps its walk-in; the same person walking in elsewhere goes to intake to redirect', async () => {
    const here = world.as.provider_caseworker;
    const elsewhere = world.provider2Caseworker;
    const clientId = await createClient(world, here, {
      legalGivenName: 'Lea',
      legalFamilyName: 'Pathwaythree',
      dateOfBirth: '1999-01-09',
    });
    const walkIn = await ok(here, 'POST', '/api/referrals', { clientId, source: 'walk_in' });
    expect(walkIn).toMatchObject({
      pathway: 'self_referral',
      status: 'assigned',
      assignedOrganizationId: world.a.provider1,
    });
    expect(kinds(walkIn)).toEqual(['created', 'assigned']);
    // P3: no SSM screening or approval; nothing for intake to do.
    expect(await bucketOf(world.as.ssm_intake, walkIn.id)).toBe('with_provider');

    // The same person walks into the second provider, which already holds their record.
    await share(world.db, clientId, world.a.provider2);
    const second = await ok(elsewhere, 'POST', '/api/referrals', { clientId, source: 'walk_in' });
    expect(second).toMatchObject({ status: 'awaiting_assignment', redirectRequested: true });
    expect(await bucketOf(world.as.ssm_intake, second.id)).toBe('awaiting_decision');
    // SSM intake sees it is the same path and closes the repeat (P2).
    const closed = await ok(world.as.ssm_intake, 'POST', `/api/referrals/${second.id}/close`, {
      reason: 'duplicate',
      note: 'Already served by Provider One.',
    });
    expect(kinds(closed)).toEqual(['created', 'redirect_requested', 'closed']);
    expect((await ok(here, 'GET', `/api/referrals/${walkIn.id}`)).status).toBe('assigned');
  });
});
