import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionReferral } from '../../src/db/repositories/referrals.js';
import { addSite, createClient, ELIGIBLE_SCREENING } from '../support/fixtures.js';
import { createWorld, type World } from '../support/world.js';

/**
 * SSM intake closes what it will not send to a provider (a person screened out keeps self-directed
 * service, E1), and a referral's state changes hold only once under concurrent requests.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
  await addSite(world, world.a.provider1, world.a.regionId);
});
afterAll(() => world?.close());

interface Body {
  id: string;
  status: string;
  closeReason: string | null;
  closeNote: string | null;
  timeline: { kind: string; detail: Record<string, unknown> }[];
}

async function trfReferral(family: string): Promise<string> {
  const csv = `trf_id,given_name,family_name,date_of_birth,sin\nT-${family},Kim,${family},1991-04-04,${
    family === 'Closeau' ? '130 692 544' : '726 481 930'
  }\n`;
  const res = await world.request(world.as.ssm_intake, {
    method: 'POST',
    url: '/api/referrals/trf-imports',
    payload: { fileName: `${family}.csv`, csv },
  });
  expect(res.statusCode, res.body).toBe(200);
  const list = await world.request(world.as.ssm_intake, {
    method: 'GET',
    url: '/api/referrals',
    query: { bucket: 'new' },
  });
  const item = (list.json() as { items: { id: string; clientName: string }[] }).items.find((i) =>
    i.clientName.endsWith(family),
  );
  return item!.id;
}

describe('closing a referral at intake', () => {
  it('E1/P2: a TRF applicant screened ineligible cannot be assigned and is closed as self-directed', async () => {
    const id = await trfReferral('Closeau');
    const screened = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/screening`,
      payload: { ...ELIGIBLE_SCREENING, workAuthorization: 'international_student', workPermit: 'none' },
    });
    expect(screened.statusCode, screened.body).toBe(200);
    const assign = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/assign`,
      payload: { organizationId: world.a.provider1 },
    });
    expect(assign.statusCode).toBe(422);
    expect(assign.json()).toMatchObject({ rule: 'P2' });

    const close = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/close`,
      payload: { reason: 'not_eligible_self_directed', note: 'Pointed to the college career centre.' },
    });
    expect(close.statusCode, close.body).toBe(200);
    const body = close.json() as Body;
    expect(body).toMatchObject({
      status: 'closed',
      closeReason: 'not_eligible_self_directed',
      closeNote: 'Pointed to the college career centre.',
    });
    expect(body.timeline.map((e) => e.kind)).toEqual(['created', 'screened', 'closed']);
    // Closed is final for intake: a second close is refused, and nothing changed.
    const again = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/close`,
      payload: { reason: 'duplicate' },
    });
    expect(again.statusCode).toBe(409);
    const worklist = await world.request(world.as.ssm_intake, {
      method: 'GET',
      url: '/api/referrals',
      query: { bucket: 'closed' },
    });
    expect((worklist.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(id);
  });

  it('"other" needs a note, and only SSM intake may close', async () => {
    const id = await trfReferral('Fermeur');
    const bare = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/close`,
      payload: { reason: 'other' },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ errors: [{ field: 'body.note' }] });
    const provider = await world.request(world.as.provider_caseworker, {
      method: 'POST',
      url: `/api/referrals/${id}/close`,
      payload: { reason: 'duplicate' },
    });
    expect(provider.statusCode).toBe(403);
  });
});

describe('state changes under concurrency', () => {
  it('two intake workers assigning the same referral at once: exactly one wins', async () => {
    const clientId = await createClient(world, world.as.sa_caseworker, {
      legalGivenName: 'Mo',
      legalFamilyName: 'Concurrent',
      dateOfBirth: '1987-07-07',
    });
    const created = await world.request(world.as.sa_caseworker, {
      method: 'POST',
      url: '/api/referrals',
      payload: { clientId, source: 'ontario_works' },
    });
    const { id } = created.json() as Body;
    const attempt = () =>
      world.request(world.as.ssm_intake, {
        method: 'POST',
        url: `/api/referrals/${id}/assign`,
        payload: { organizationId: world.a.provider1 },
      });
    // Two writers that both read "awaiting assignment": the guard in the write decides, on either
    // engine, whatever order the requests' reads happen to take.
    const guard: boolean[] = [];
    await world.db
      .transaction(async (tx) => {
        guard.push(await transitionReferral(tx, id, 'awaiting_assignment', { status: 'assigned' }));
        guard.push(await transitionReferral(tx, id, 'awaiting_assignment', { status: 'assigned' }));
        tx.rollback();
      })
      .catch(() => undefined); // the rollback above: the referral is left as it was
    expect(guard).toEqual([true, false]);
    const results = await Promise.all([attempt(), attempt(), attempt()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const detail = await world.request(world.as.ssm_intake, { method: 'GET', url: `/api/referrals/${id}` });
    const kinds = (detail.json() as Body).timeline.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'assigned')).toHaveLength(1);
  });
});
