import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { isOneInProgressViolation } from '../../src/db/repositories/assessments.js';
import { assessments } from '../../src/db/schema.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELF_DIRECTED_INDICATORS } from '../../src/domain/assessment/types.js';
import {
  ADULT,
  ADULT_SA,
  CONSENT,
  completeAnswers,
  ok,
  PHOTO_ID,
  startAssessment,
  type Detail,
} from '../support/assessments.js';
import { addSite, createClient } from '../support/fixtures.js';
import { syntheticSin } from '../../src/seed/people.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * The Common Assessment through the API (C1–C12, S1–S5): both flows end to end, then each rule on
 * its own. Rows are counted in the database where "nothing is written" or "exactly one" is the rule.
 */
let world: World;
let siteP1: string;
beforeAll(async () => {
  world = await createWorld();
  siteP1 = await addSite(world, world.a.provider1, world.a.regionId);
  await addSite(world, world.a.provider2, world.a.regionId);
});
afterAll(() => world?.close());
afterEach(() => world.setNow(null));

const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  ((await world.db.execute(query)) as unknown as { rows: T[] }).rows;
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(query))[0]!.n;

const call = (as: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  world.request(as, { method, url, ...(payload ? { payload } : {}) });
const problem = (res: { json(): unknown }) =>
  res.json() as {
    rule?: string;
    code: string;
    detail?: string;
    messageFr?: string;
    errors?: { field: string; code?: string }[];
  };

let people = 0;
/** A client of the given worker's organization, with a SIN (E2) unless told otherwise. */
async function client(as: Session, extra: Record<string, unknown> = {}) {
  people++;
  return createClient(world, as, {
    legalGivenName: `Person${people}`,
    legalFamilyName: 'Assessmenttest',
    dateOfBirth: '1990-04-04',
    ...extra,
  });
}
let sins = 0;
/** A valid synthetic SIN no other client of this file has (E2: unique). */
const nextSin = () => syntheticSin(7_000_000 + sins++);

async function started(as: Session, clientId: string) {
  const res = await startAssessment(world, as, clientId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
}

/** An EO CA with M1 and M2 answered, identity seen and case-managed: ready to submit. */
async function readyToSubmit(as: Session, clientId: string) {
  const ca = await started(as, clientId);
  await ok(world, as, 'PATCH', `/api/assessments/${ca.id}/answers`, {
    answers: completeAnswers(ADULT, ['m1']),
  });
  await ok(world, as, 'PUT', `/api/assessments/${ca.id}/identity`, PHOTO_ID);
  await ok(world, as, 'PUT', `/api/assessments/${ca.id}/service-level`, {
    level: 'case_managed',
    indicators: [],
  });
  // S4: Module 2 once the client is case-managed.
  return ok(world, as, 'PATCH', `/api/assessments/${ca.id}/answers`, {
    answers: completeAnswers(ADULT, ['m2']),
  });
}

async function worklist(as: Session, bucket: string) {
  const body = await ok<{ buckets: { bucket: string; count: number }[]; items: { id: string }[] }>(
    world,
    as,
    'GET',
    `/api/assessments/worklist?bucket=${bucket}`,
  );
  return {
    ids: body.items.map((i) => i.id),
    counts: Object.fromEntries(body.buckets.map((b) => [b.bucket, b.count])),
  };
}

/** The database's refusal of a statement, as its message (Drizzle wraps the driver's error). */
async function refusal(query: ReturnType<typeof sql>): Promise<string> {
  try {
    await world.db.execute(query);
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'not refused';
}

describe('SA flow end to end (C6)', () => {
  it('SA: consent, SA documentation, M1, notes, refer → SSM assigns → provider: SLD, M2, caseworker, submit (C3, C4, C7, C8, S2)', async () => {
    const sa = world.as.sa_caseworker;
    const intake = world.as.ssm_intake;
    const provider = world.as.provider_caseworker;
    const clientId = await client(sa, {
      sin: nextSin(),
      socialAssistance: {
        program: 'ow',
        samsMemberId: '123456789',
        officeId: world.a.saOffice,
        caseworkerId: sa.userId,
      },
    });

    // Day one at the SA office (C3: the notice read once by the first point of contact).
    world.setNow(new Date('2026-06-01T14:00:00Z'));
    const ca = await started(sa, clientId);
    expect(ca).toMatchObject({
      flow: 'sa',
      status: 'in_progress',
      holder: { organizationId: world.a.saOffice },
    });
    expect(ca.reference).toMatch(/^CA-\d{7}$/);
    await ok(world, sa, 'PUT', `/api/assessments/${ca.id}/identity`, { method: 'sa_documentation' });
    await ok(world, sa, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: completeAnswers(ADULT_SA, ['m1']),
    });
    // S2: an SA caseworker cannot answer the service level question.
    const sld = await call(sa, 'PUT', `/api/assessments/${ca.id}/service-level`, { level: 'case_managed' });
    expect(sld.statusCode).toBe(422);
    expect(problem(sld).rule).toBe('S2');
    await ok(world, sa, 'POST', `/api/assessments/${ca.id}/notes`, {
      body: 'Prefers calls after 10 am; no car, relies on the bus.',
    });
    const referred = await ok(world, sa, 'POST', `/api/assessments/${ca.id}/refer`, {
      warmReferral: true,
      notes: 'Client asked for a site on the bus line.',
    });
    expect(referred.holder.kind).toBe('ssm');
    expect(referred.referral).toMatchObject({ status: 'awaiting_assignment' });
    expect(referred.actions).not.toContain('answer');
    expect((await worklist(intake, 'referred')).ids).toContain(ca.id);

    // SSM intake assigns the referral with the existing route: the CA follows it (C6).
    world.setNow(new Date('2026-06-02T14:00:00Z'));
    await ok(world, intake, 'POST', `/api/referrals/${referred.referral!.id}/assign`, {
      organizationId: world.a.provider1,
      overrideReason: 'Client lives near the downtown site.',
    });
    world.setNow(new Date('2026-06-03T14:00:00Z'));
    expect((await worklist(provider, 'referred')).ids).toContain(ca.id);
    const received = await ok(world, provider, 'GET', `/api/assessments/${ca.id}`);
    expect(received.holder.organizationId).toBe(world.a.provider1);
    // C7: the summary names the SSM and the SA caseworker to consult; C6: the provider's own staff to assign.
    expect(received.ssm?.id).toBe(world.a.ssm);
    expect(received.socialAssistance).toMatchObject({ caseworkerName: expect.any(String) });
    expect(received.socialAssistance!.officeName).toBeTruthy();
    expect(received.assignableCaseworkers.map((u) => u.id)).toContain(provider.userId);
    expect(received.assignableCaseworkers.map((u) => u.id)).not.toContain(world.provider2Caseworker.userId);
    expect(received.startedAt).toBe('2026-06-01T14:00:00.000Z');
    expect(received.submittedAt).toBeNull();
    // SSM intake does not assign caseworkers of a provider.
    expect((await ok(world, intake, 'GET', `/api/assessments/${ca.id}`)).assignableCaseworkers).toEqual([]);
    // C3: the SA's consent carries over; a later day does not force the provider to re-read it (C9 is the same organization's).
    expect(received.consent).toMatchObject({ active: true, carriedOver: true, needsReconfirmation: false });
    expect(received.notes.map((n) => n.body)).toEqual([
      'Prefers calls after 10 am; no car, relies on the bus.',
      'Client asked for a site on the bus line.',
    ]);

    // S2: an SA client is always case-managed.
    const selfDirected = await call(provider, 'PUT', `/api/assessments/${ca.id}/service-level`, {
      level: 'self_directed',
      indicators: ['client_choice'],
      rationale: 'Client prefers to search alone.',
    });
    expect(selfDirected.statusCode).toBe(422);
    expect(problem(selfDirected).rule).toBe('S2');
    await ok(world, provider, 'PUT', `/api/assessments/${ca.id}/service-level`, {
      level: 'case_managed',
      indicators: [],
    });
    const early = await call(provider, 'POST', `/api/assessments/${ca.id}/submit`);
    expect(early.statusCode).toBe(422);
    expect(problem(early).errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(['body.sections.income', 'body.sections.employment']),
    );
    await ok(world, provider, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: completeAnswers(ADULT_SA, ['m2']),
    });
    const assigned = await ok(world, provider, 'PUT', `/api/assessments/${ca.id}/caseworker`, {
      userId: provider.userId,
      siteId: siteP1,
    });
    expect(assigned.caseworker?.id).toBe(provider.userId);
    const submitted = await ok(world, provider, 'POST', `/api/assessments/${ca.id}/submit`);
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).toBe('2026-06-03T14:00:00.000Z');
    expect(submitted.segmentation).toMatchObject({
      modelId: world.config.segmentation.modelId,
      thresholds: world.config.segmentation.thresholds,
    });
    expect(submitted.segmentation!.modelVersion).toBeTruthy();
    const [stored] = await rows<{ segmentation: { modelVersion: string; stream: string } }>(
      sql`select segmentation from assessments where id = ${ca.id}`,
    );
    expect(stored!.segmentation).toMatchObject({
      modelVersion: submitted.segmentation!.modelVersion,
      stream: submitted.segmentation!.stream,
    });
    // Answers are sealed with the client's key: no answer text in the row.
    const raw = await rows<{ row: string }>(
      sql`select row_to_json(a)::text as row from assessments a where id = ${ca.id}`,
    );
    expect(raw[0]!.row).not.toContain('new_job');
  });
});

describe('the CA follows its referral (C6, P10)', () => {
  it('a returned referral puts the CA back with the SSM; forwarded and assigned again, the next provider holds it', async () => {
    const sa = world.as.sa_caseworker;
    const intake = world.as.ssm_intake;
    const clientId = await client(sa, {
      sin: nextSin(),
      socialAssistance: {
        program: 'ow',
        samsMemberId: '987654321',
        officeId: world.a.saOffice,
        caseworkerId: sa.userId,
      },
    });
    const ca = await started(sa, clientId);
    await ok(world, sa, 'PUT', `/api/assessments/${ca.id}/identity`, { method: 'sa_documentation' });
    await ok(world, sa, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: completeAnswers(ADULT_SA, ['m1']),
    });
    const referralId = (await ok(world, sa, 'POST', `/api/assessments/${ca.id}/refer`, {})).referral!.id;
    const assign = (organizationId: string) =>
      ok(world, intake, 'POST', `/api/referrals/${referralId}/assign`, {
        organizationId,
        overrideReason: 'Test: this provider on purpose.',
      });
    await assign(world.a.provider1);
    expect(
      (await ok(world, world.as.provider_caseworker, 'GET', `/api/assessments/${ca.id}`)).holder
        .organizationId,
    ).toBe(world.a.provider1);
    await ok(world, world.as.provider_caseworker, 'POST', `/api/referrals/${referralId}/return`, {
      reason: 'referred_in_error',
    });
    const back = await ok(world, intake, 'GET', `/api/assessments/${ca.id}`);
    expect(back.holder.kind).toBe('ssm');
    expect((await call(world.as.provider_caseworker, 'GET', `/api/assessments/${ca.id}`)).statusCode).toBe(
      404,
    );
    await ok(world, intake, 'POST', `/api/referrals/${referralId}/decision`, { decision: 'forward' });
    await assign(world.a.provider2);
    const next = await ok(world, world.provider2Caseworker, 'GET', `/api/assessments/${ca.id}`);
    expect(next.holder.organizationId).toBe(world.a.provider2);
    expect((await worklist(world.provider2Caseworker, 'referred')).ids).toContain(ca.id);
  });

  it('only the SA flow is referred (C6)', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me));
    const res = await call(me, 'POST', `/api/assessments/${ca.id}/refer`, {});
    expect(res.statusCode).toBe(422);
    expect(problem(res).rule).toBe('C6');
  });
});

describe('EO flow (C6, S3)', () => {
  it('a provider does M1 with the SLD, M2, assigns its own caseworker and submits', async () => {
    const me = world.as.provider_caseworker;
    const clientId = await client(me, { sin: nextSin() });
    const ca = await started(me, clientId);
    expect(ca).toMatchObject({ flow: 'eo', holder: { organizationId: world.a.provider1 } });
    expect(ca.actions).toEqual(
      expect.arrayContaining(['answer', 'verify_identity', 'set_service_level', 'cancel']),
    );
    await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: completeAnswers(ADULT, ['m1']),
    });
    await ok(world, me, 'PUT', `/api/assessments/${ca.id}/identity`, PHOTO_ID);
    // S3: self-directed needs the rationale.
    const noWhy = await call(me, 'PUT', `/api/assessments/${ca.id}/service-level`, {
      level: 'self_directed',
      indicators: ['client_choice'],
    });
    expect(noWhy.statusCode).toBe(422);
    expect(problem(noWhy).rule).toBe('S3');
    // S4: no Module 2 before the client is case-managed.
    const tooSoon = await call(me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: { 'employment.status': 'unemployed' },
    });
    expect(tooSoon.statusCode).toBe(422);
    expect(problem(tooSoon)).toMatchObject({ rule: 'S4' });
    expect(problem(tooSoon).errors![0]!.field).toBe('answers.employment.status');
    await ok(world, me, 'PUT', `/api/assessments/${ca.id}/service-level`, {
      level: 'case_managed',
      indicators: [],
    });
    await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: completeAnswers(ADULT, ['m2']),
    });
    await ok(world, me, 'PUT', `/api/assessments/${ca.id}/caseworker`, { userId: me.userId });
    const done = await ok(world, me, 'POST', `/api/assessments/${ca.id}/submit`);
    expect(done.status).toBe('submitted');
    expect(done.actions).toEqual(['close_in_error']);
    // The client's list shows the stream to staff (never to the client: see the client copy).
    const list = await ok<{ items: { id: string; stream: string | null }[]; consent: { active: boolean } }>(
      world,
      me,
      'GET',
      `/api/clients/${clientId}/assessments`,
    );
    expect(list.consent.active).toBe(true);
    expect(list.items[0]).toMatchObject({ id: ca.id, stream: done.segmentation!.stream });
  });

  it('a caseworker of another organization cannot be assigned (C6)', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me));
    const res = await call(me, 'PUT', `/api/assessments/${ca.id}/caseworker`, {
      userId: world.provider2Caseworker.userId,
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors![0]!.field).toBe('body.userId');
  });
});

describe('C4: identity', () => {
  it('a health card is refused with the rule and the field; the dual process keeps sources, never the documents’ words', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me));
    const health = await call(me, 'PUT', `/api/assessments/${ca.id}/identity`, {
      ...PHOTO_ID,
      kind: 'health_card',
    });
    expect(health.statusCode).toBe(422);
    expect(problem(health)).toMatchObject({
      rule: 'C4',
      errors: [{ field: 'body.kind', code: 'refused_id_kind' }],
    });
    const oneSource = await call(me, 'PUT', `/api/assessments/${ca.id}/identity`, {
      method: 'dual_process',
      items: [
        { source: 'name_and_address', document: 'Hydro bill', original: true },
        { source: 'name_and_address', document: 'Tax notice', original: true },
      ],
    });
    expect(oneSource.statusCode).toBe(422);
    expect(problem(oneSource).rule).toBe('C4');
    const dual = await ok(world, me, 'PUT', `/api/assessments/${ca.id}/identity`, {
      method: 'dual_process',
      items: [
        { source: 'name_and_address', document: 'Hydro bill 4471-220', original: true },
        { source: 'name_and_date_of_birth', document: 'Birth certificate', original: true },
      ],
    });
    expect(dual).toMatchObject({ identity: { method: 'dual_process' } });
    const raw = await rows<{ detail: string }>(
      sql`select identity_detail::text as detail from assessments where id = ${ca.id}`,
    );
    expect(raw[0]!.detail).not.toContain('Hydro');
    expect(raw[0]!.detail).toContain('name_and_date_of_birth');
  });
});

describe('C1: one in-progress assessment per client', () => {
  it('two simultaneous starts for one client give exactly one in-progress CA, and both get it', async () => {
    const me = world.as.provider_caseworker;
    const clientId = await client(me);
    const [a, b] = await Promise.all([
      startAssessment(world, me, clientId),
      startAssessment(world, me, clientId),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect((a.json() as Detail).id).toBe((b.json() as Detail).id);
    expect(
      await count(
        sql`select count(*)::int as n from assessments where client_id = ${clientId} and status = 'in_progress'`,
      ),
    ).toBe(1);
  });

  it('the partial unique index refuses a second in-progress row, in a shape the service recognises on this driver', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me));
    const [row] = await world.db.select().from(assessments).where(eq(assessments.id, ca.id));
    let caught: unknown = null;
    try {
      await world.db
        .insert(assessments)
        .values({ ...row!, id: randomUUID(), reference: `${row!.reference}-X` });
    } catch (error) {
      caught = error;
    }
    expect(caught).not.toBeNull();
    expect(isOneInProgressViolation(caught)).toBe(true);
    expect(isOneInProgressViolation(new Error('something else'))).toBe(false);
  });

  it('starting again resumes the in-progress CA, and the search shows it', async () => {
    const me = world.as.provider_caseworker;
    const clientId = await client(me, { legalFamilyName: 'Resumetest' });
    const first = await started(me, clientId);
    const again = await startAssessment(world, me, clientId);
    expect(again.statusCode).toBe(200);
    expect((again.json() as Detail).id).toBe(first.id);
    const search = await ok<{ items: { id: string; assessmentInProgress: { id: string } | null }[] }>(
      world,
      me,
      'GET',
      '/api/clients?name=Resumetest',
    );
    expect(search.items.find((c) => c.id === clientId)?.assessmentInProgress).toEqual({
      id: first.id,
      reference: first.reference,
    });
  });
});

describe('C3: consent', () => {
  it('refused consent leaves no row: no assessment, no consent reading, nothing of the client', async () => {
    const me = world.as.provider_caseworker;
    const clientId = await client(me);
    const res = await startAssessment(world, me, clientId, { ...CONSENT, given: false });
    expect(res.statusCode).toBe(422);
    expect(problem(res)).toMatchObject({ rule: 'C3', code: 'rule_refused' });
    expect(problem(res).messageFr).toMatch(/^C3 : /);
    expect(await count(sql`select count(*)::int as n from assessments where client_id = ${clientId}`)).toBe(
      0,
    );
    expect(
      await count(sql`select count(*)::int as n from consent_readings where client_id = ${clientId}`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where client_id = ${clientId} and entity_type like 'assessment%'`,
      ),
    ).toBe(0);
  });

  it('C9: resumed on a later day by the same organization, the notice is read again first', async () => {
    const me = world.as.provider_caseworker;
    const clientId = await client(me);
    world.setNow(new Date('2026-07-06T14:00:00Z'));
    const ca = await started(me, clientId);
    await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: { 'administrative.lives_in_ontario': true },
    });
    world.setNow(new Date('2026-07-08T14:00:00Z'));
    expect((await ok(world, me, 'GET', `/api/assessments/${ca.id}`)).consent.needsReconfirmation).toBe(true);
    const refused = await call(me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: { 'administrative.temporary_address': false },
    });
    expect(refused.statusCode).toBe(422);
    expect(problem(refused)).toMatchObject({
      rule: 'C9',
      errors: [{ code: 'consent_reconfirmation_needed' }],
    });
    await ok(world, me, 'POST', `/api/assessments/${ca.id}/consent-readings`, {
      channel: 'phone',
      noticeVersion: CONSENT.noticeVersion,
    });
    const resumed = await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: { 'administrative.temporary_address': false },
    });
    expect(resumed.answers).toMatchObject({
      'administrative.lives_in_ontario': true,
      'administrative.temporary_address': false,
    });
    expect(
      await count(
        sql`select count(*)::int as n from consent_readings where client_id = ${clientId} and kind = 'reconfirmed'`,
      ),
    ).toBe(1);
  });

  it('revocation cancels the in-progress CA, stops sharing, queues the removal; SSM acknowledges and removes (crypto-shred)', async () => {
    const me = world.as.provider_caseworker;
    const intake = world.as.ssm_intake;
    const clientId = await client(me, { sin: nextSin() });
    const ca = await started(me, clientId);
    await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: { 'administrative.lives_in_ontario': true },
    });
    const walkIn = await ok<{ id: string; status: string }>(world, me, 'POST', '/api/referrals', {
      clientId,
      source: 'walk_in',
    });
    expect(walkIn.status).toBe('assigned');
    const revoked = await call(me, 'POST', `/api/clients/${clientId}/consent/revocation`, {
      receivedOn: '2026-11-30',
      noticeToSsm: 'The client called to withdraw consent to Pathways; please remove their information.',
    });
    expect(revoked.statusCode, revoked.body).toBe(201);
    const revocation = revoked.json() as { id: string; state: string };
    expect(revocation.state).toBe('queued');
    // C3: case-managed services stop: the provider no longer sees the client or the CA.
    expect((await call(me, 'GET', `/api/assessments/${ca.id}`)).statusCode).toBe(404);
    expect((await call(me, 'GET', `/api/clients/${clientId}`)).statusCode).toBe(404);
    const cancelled = await ok(world, intake, 'GET', `/api/assessments/${ca.id}`);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { reason: 'consent_revoked' } });
    expect(cancelled.answers).toEqual({ 'administrative.lives_in_ontario': true });
    // The open referral closes as withdrawn (C3: case-managed services stop).
    expect(
      await ok<{ status: string; closeReason: string }>(world, intake, 'GET', `/api/referrals/${walkIn.id}`),
    ).toMatchObject({ status: 'closed', closeReason: 'client_withdrew' });

    const queue = await ok<{ items: { id: string; noticeToSsm: string | null; state: string }[] }>(
      world,
      intake,
      'GET',
      '/api/consent-revocations',
    );
    expect(queue.items.find((r) => r.id === revocation.id)?.noticeToSsm).toContain('withdraw consent');
    // Removal comes after the acknowledgement.
    expect((await call(intake, 'POST', `/api/consent-revocations/${revocation.id}/remove`)).statusCode).toBe(
      409,
    );
    await ok(world, intake, 'POST', `/api/consent-revocations/${revocation.id}/acknowledge`);
    const removed = await ok<{ state: string; noticeToSsm: string | null; clientName: string }>(
      world,
      intake,
      'POST',
      `/api/consent-revocations/${revocation.id}/remove`,
    );
    expect(removed).toMatchObject({ state: 'removed', noticeToSsm: null, clientName: '' });
    expect(
      await count(sql`select count(*)::int as n from client_data_keys where client_id = ${clientId}`),
    ).toBe(0);
    const after = await ok(world, intake, 'GET', `/api/assessments/${ca.id}`);
    expect(after.answers).toEqual({});
    // The sealed answers are still there, and unreadable without the key.
    expect(
      await count(
        sql`select count(*)::int as n from assessments where id = ${ca.id} and answers_sealed is not null`,
      ),
    ).toBe(1);
  });
});

describe('E1–E6 at submission', () => {
  it('E1: an answer changed after the level was set that closes case-managed service stops the submission', async () => {
    const me = world.as.provider_caseworker;
    const ca = await readyToSubmit(me, await client(me, { sin: nextSin() }));
    await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: { 'administrative.lives_in_ontario': false },
    });
    const res = await call(me, 'POST', `/api/assessments/${ca.id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(problem(res).rule).toBe('E1');
    expect(problem(res).detail).toMatch(/self-directed/i);
  });
});

describe('C11: a submitted assessment is never changed', () => {
  it('the API refuses answers, identity, service level and cancel with C11', async () => {
    const me = world.as.provider_caseworker;
    const ca = await readyToSubmit(me, await client(me, { sin: nextSin() }));
    await ok(world, me, 'POST', `/api/assessments/${ca.id}/submit`);
    const attempts = [
      call(me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
        answers: { 'administrative.temporary_address': true },
      }),
      call(me, 'PUT', `/api/assessments/${ca.id}/identity`, PHOTO_ID),
      call(me, 'PUT', `/api/assessments/${ca.id}/service-level`, { level: 'case_managed', indicators: [] }),
      call(me, 'POST', `/api/assessments/${ca.id}/cancel`, { reason: 'created_in_error' }),
      call(me, 'POST', `/api/assessments/${ca.id}/submit`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(422);
      expect(problem(res).rule).toBe('C11');
      expect(problem(res).detail).toMatch(/^C11: a submitted assessment cannot be changed/);
    }
  });

  it('the database itself refuses an UPDATE or a DELETE of a submitted CA (trigger)', async () => {
    const me = world.as.provider_caseworker;
    const ca = await readyToSubmit(me, await client(me, { sin: nextSin() }));
    await ok(world, me, 'POST', `/api/assessments/${ca.id}/submit`);
    expect(
      await refusal(sql`update assessments set service_level = 'self_directed' where id = ${ca.id}`),
    ).toMatch(/C11/);
    expect(await refusal(sql`update assessments set status = 'in_progress' where id = ${ca.id}`)).toMatch(
      /C11/,
    );
    expect(await refusal(sql`delete from assessments where id = ${ca.id}`)).toMatch(/C11/);
    expect(
      await count(
        sql`select count(*)::int as n from assessments where id = ${ca.id} and status = 'submitted'`,
      ),
    ).toBe(1);
    // Even an in-progress CA is never deleted.
    const open = await started(me, await client(me));
    expect(await refusal(sql`delete from assessments where id = ${open.id}`)).toMatch(/C11/);
  });

  it('an error found later: closed in error, then a new CA replaces it', async () => {
    const me = world.as.provider_caseworker;
    const clientId = await client(me, { sin: nextSin() });
    const ca = await readyToSubmit(me, clientId);
    await ok(world, me, 'POST', `/api/assessments/${ca.id}/submit`);
    const closed = await ok(world, me, 'POST', `/api/assessments/${ca.id}/close-in-error`, {
      reason: 'Answers were entered for the wrong person.',
    });
    expect(closed).toMatchObject({ status: 'closed_in_error', closedInError: { replacedById: null } });
    expect(closed.segmentation).not.toBeNull();
    const next = await started(me, clientId);
    expect(next.id).not.toBe(ca.id);
    const old = await ok(world, me, 'GET', `/api/assessments/${ca.id}`);
    expect(old.closedInError).toMatchObject({
      reason: 'Answers were entered for the wrong person.',
      replacedById: next.id,
    });
    // Closed in error is final: the trigger refuses any further change, the replacement link included.
    expect(
      await refusal(sql`update assessments set replaced_by_assessment_id = null where id = ${ca.id}`),
    ).toMatch(/C11/);
  });
});

describe('C9: cancelling', () => {
  it('"other" needs a note; a cancelled CA is read-only and a new one may start', async () => {
    const me = world.as.provider_caseworker;
    const clientId = await client(me);
    const ca = await started(me, clientId);
    const noNote = await call(me, 'POST', `/api/assessments/${ca.id}/cancel`, { reason: 'other' });
    expect(noNote.statusCode).toBe(400);
    expect(problem(noNote).errors![0]!.field).toBe('body.note');
    const cancelled = await ok(world, me, 'POST', `/api/assessments/${ca.id}/cancel`, {
      reason: 'other',
      note: 'Self-directed for 120 days; no change in circumstances.',
    });
    expect(cancelled.cancellation).toMatchObject({
      reason: 'other',
      note: 'Self-directed for 120 days; no change in circumstances.',
    });
    const again = await call(me, 'PATCH', `/api/assessments/${ca.id}/answers`, { answers: {} });
    expect(again.statusCode).toBe(422);
    expect(problem(again).rule).toBe('C9');
    expect((await startAssessment(world, me, clientId)).statusCode).toBe(201);
  });

  it('the aged bucket holds CAs in progress 120 days or more', async () => {
    const me = world.as.provider_caseworker;
    world.setNow(new Date('2026-03-02T15:00:00Z'));
    const old = await started(me, await client(me));
    world.setNow(new Date('2026-06-29T15:00:00Z'));
    const recent = await started(me, await client(me));
    world.setNow(new Date('2026-06-30T15:00:00Z'));
    const { ids, counts } = await worklist(me, 'aged');
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(recent.id);
    expect(counts.aged).toBeGreaterThanOrEqual(1);
    expect((await ok(world, me, 'GET', `/api/assessments/${old.id}`)).ageing).toEqual({
      days: 120,
      state: 'aged',
    });
  });
});

describe('C10 and S5: the SSM', () => {
  it('a provider returns an in-progress CA to the SSM, which assigns another provider', async () => {
    const me = world.as.provider_caseworker;
    const intake = world.as.ssm_intake;
    const ca = await started(me, await client(me));
    const back = await ok(world, me, 'POST', `/api/assessments/${ca.id}/reassign-to-ssm`, {
      note: 'SSM approved: the client moved to Leamington.',
    });
    expect(back.holder.kind).toBe('ssm');
    expect(back.notes.at(-1)).toMatchObject({ kind: 'returned_to_ssm' });
    expect((await worklist(intake, 'returned_to_ssm')).ids).toContain(ca.id);
    expect((await worklist(me, 'returned_to_ssm')).ids).toContain(ca.id);
    expect((await call(me, 'PATCH', `/api/assessments/${ca.id}/answers`, { answers: {} })).statusCode).toBe(
      403,
    );
    const moved = await ok(world, intake, 'POST', `/api/assessments/${ca.id}/assign-provider`, {
      organizationId: world.a.provider2,
    });
    expect(moved.holder.organizationId).toBe(world.a.provider2);
    const there = await ok(world, world.provider2Caseworker, 'GET', `/api/assessments/${ca.id}`);
    expect(there.actions).toContain('answer');
    expect((await worklist(intake, 'returned_to_ssm')).ids).not.toContain(ca.id);
  });

  it('S5: a service-pending CA shows in SSM intake’s service_pending bucket', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me, { sin: nextSin() }));
    await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: completeAnswers(ADULT, ['m1']),
    });
    await ok(world, me, 'PUT', `/api/assessments/${ca.id}/service-level`, {
      level: 'service_pending',
      indicators: [],
    });
    expect((await worklist(world.as.ssm_intake, 'service_pending')).ids).toContain(ca.id);
    expect((await worklist(me, 'service_pending')).ids).toContain(ca.id);
  });
});

describe('C8: the client’s copy', () => {
  it('holds the answers and the notice, never the stream, score, factors or indicators', async () => {
    const me = world.as.provider_caseworker;
    const ca = await readyToSubmit(me, await client(me, { sin: nextSin() }));
    const done = await ok(world, me, 'POST', `/api/assessments/${ca.id}/submit`);
    expect(done.segmentation).not.toBeNull();
    const res = await call(me, 'GET', `/api/assessments/${ca.id}/client-copy`);
    expect(res.statusCode).toBe(200);
    const text = res.body;
    for (const word of [
      '"stream"',
      '"score"',
      '"factors"',
      'Rapid Employment',
      'Employability',
      ...SELF_DIRECTED_INDICATORS,
    ])
      expect(text).not.toContain(word);
    const copy = res.json() as {
      reference: string;
      sections: { id: string; answers: unknown[] }[];
      notice: { en: string };
    };
    expect(copy.reference).toBe(ca.reference);
    expect(copy.sections.map((s) => s.id)).toContain('administrative');
    expect(copy.notice.en.length).toBeGreaterThan(100);
  });
});

describe('who sees and edits a CA (C2)', () => {
  it('the SA caseworker the client is shared with sees the CA; another SA caseworker of the office does not', async () => {
    const sa = world.as.sa_caseworker;
    const ca = await started(sa, await client(sa));
    expect((await call(sa, 'GET', `/api/assessments/${ca.id}`)).statusCode).toBe(200);
    expect((await call(world.otherSaCaseworker, 'GET', `/api/assessments/${ca.id}`)).statusCode).toBe(404);
    expect((await worklist(world.otherSaCaseworker, 'in_progress')).ids).not.toContain(ca.id);
    expect((await call(world.provider2Caseworker, 'GET', `/api/assessments/${ca.id}`)).statusCode).toBe(404);
    expect((await call(world.bSessions.ssm_intake, 'GET', `/api/assessments/${ca.id}`)).statusCode).toBe(404);
  });

  it('every read of a CA is audited', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me));
    const before = await count(
      sql`select count(*)::int as n from audit_log where entity_id = ${ca.id} and action = 'read'`,
    );
    await ok(world, me, 'GET', `/api/assessments/${ca.id}`);
    await ok(world, world.as.ssm_qa, 'GET', `/api/assessments/${ca.id}`);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity_id = ${ca.id} and action = 'read'`,
      ),
    ).toBe(before + 2);
  });
});

describe('answers are checked against the bank (C5)', () => {
  it('a validation error names answers.<questionId>', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me));
    const res = await call(me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: {
        'administrative.lives_in_ontario': 'yes',
        'demographic.education': 'doctorate',
        'no_such.question': true,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(
      problem(res)
        .errors!.map((e) => e.field)
        .sort(),
    ).toEqual([
      'answers.administrative.lives_in_ontario',
      'answers.demographic.education',
      'answers.no_such.question',
    ]);
    // Nothing was written.
    expect((await ok(world, me, 'GET', `/api/assessments/${ca.id}`)).answers).toEqual({});
  });

  it('an answer to a follow-up dropped when the question it depends on changes', async () => {
    const me = world.as.provider_caseworker;
    const ca = await started(me, await client(me));
    await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: {
        'administrative.status_in_canada': 'refugee_claimant',
        'administrative.work_permit': 'open',
      },
    });
    const changed = await ok(world, me, 'PATCH', `/api/assessments/${ca.id}/answers`, {
      answers: { 'administrative.status_in_canada': 'citizen' },
    });
    expect(changed.answers).toEqual({ 'administrative.status_in_canada': 'citizen' });
  });
});
