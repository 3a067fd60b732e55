import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseNotes } from '../../src/db/schema.js';
import { ADULT_SA, ok } from '../support/assessments.js';
import { addSite, createClient, ELIGIBLE_SCREENING } from '../support/fixtures.js';
import { syntheticSin } from '../../src/seed/people.js';
import { planClient, submittedCa } from '../support/plans.js';
import { createWorld, type Session, type World } from '../support/world.js';
import { PersonalDataKey } from '../../src/server/clients/personal-data.js';
import { CASE_NOTE_BODY_FIELD } from '../../src/server/case-management/service.js';

/**
 * The Employment Action Plan through the API (A1–A10, I2, M11): one open plan per client even under
 * a race, a plan only from a submitted CA, the SA's read-only shared view, the full life of a plan
 * from draft to closure, and the training-referral cases.
 */
let world: World;
beforeAll(async () => {
  world = await createWorld();
  await addSite(world, world.a.provider1, world.a.regionId);
});
afterAll(() => world?.close());
afterEach(() => world.setNow(null));

const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  ((await world.db.execute(query)) as unknown as { rows: T[] }).rows;
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(query))[0]!.n);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (as: Session, method: Method, url: string, payload?: object) =>
  world.request(as, { method, url, ...(payload ? { payload } : {}) });
const problem = (res: { json(): unknown }) =>
  res.json() as { rule?: string; code: string; errors?: { field: string; code?: string }[] };

interface PlanItem {
  id: string;
  subGoalId: string;
  code: string | null;
  nameEn: string;
  custom: boolean;
  status: string;
  outcome: string | null;
  trainingProgram: string | null;
  comments: { body: string; author: { name: string } }[];
}
interface Plan {
  id: string;
  reference: string;
  status: string;
  phase: string;
  revision: number;
  stream: string;
  goals: { ordinal: number; title: string; description: string }[];
  subGoals: { id: string; goalOrdinal: number; kind: string; items: PlanItem[] }[];
  signature: { signedOn: string; revision: number; current: boolean } | null;
  activatedAt: string | null;
  onHold: { itemId: string } | null;
  closure: { reason: string; phase: string; earlyExit: boolean; note: string | null } | null;
  closureReasons: string[];
  actions: string[];
  activationProblems: { rule: string; code: string }[];
  totalCostCents: number;
  sharedWithSa: boolean;
  readOnly: boolean;
}

const caseworker = () => world.as.provider_caseworker;
const planOk = (method: Method, url: string, payload?: object, as: Session = caseworker()) =>
  ok<Plan>(world, as, method, url, payload);

let catalogue: { id: string; code: string; subGoalKind: string; trainingProgram: string | null }[] = [];
const catalogueId = (code: string) => catalogue.find((c) => c.code === code)!.id;

beforeAll(async () => {
  catalogue = (
    await ok<{ items: typeof catalogue }>(world, world.as.provider_caseworker, 'GET', '/api/plan-catalogue')
  ).items;
});

/** A client of provider one with a submitted, case-managed CA, and a draft plan from it. */
async function draftPlan(options: { sa?: Session } = {}) {
  const clientId = await planClient(world, options);
  const assessmentId = await submittedCa(world, caseworker(), clientId, options.sa ? ADULT_SA : undefined);
  const res = await call(caseworker(), 'POST', `/api/clients/${clientId}/plans`, {});
  expect(res.statusCode, res.body).toBe(201);
  return { clientId, assessmentId, plan: res.json() as Plan };
}

/** Goals, one sub-goal with one catalogue item: complete but not yet signed. */
async function buildPlan(
  planId: string,
  itemCode = 'eas.resume_interview',
  kind = 'employment_assistance_services',
) {
  await planOk('PUT', `/api/plans/${planId}/goals`, {
    goals: [
      { ordinal: 1, title: 'Work in logistics', description: 'A warehouse job near home' },
      { ordinal: 2, title: 'Forklift licence', description: '' },
    ],
  });
  const withSub = await planOk('POST', `/api/plans/${planId}/sub-goals`, { goalOrdinal: 1, kind });
  const subGoalId = withSub.subGoals.find((s) => s.kind === kind)!.id;
  return planOk('POST', `/api/plans/${planId}/items`, {
    subGoalId,
    catalogueItemId: catalogueId(itemCode),
    costCents: 12_500,
    plannedStart: '2026-03-02',
    plannedEnd: '2026-03-27',
  });
}

async function signAndActivate(planId: string) {
  await ok(world, caseworker(), 'GET', `/api/plans/${planId}/summary`);
  await planOk('POST', `/api/plans/${planId}/signature`, { signedOn: '2026-03-01', method: 'wet_ink' });
  return planOk('POST', `/api/plans/${planId}/activate`);
}

describe('A1: one open plan per client, from a submitted CA', () => {
  it('A1: a second plan while one is open is refused (409 A1)', async () => {
    const { clientId, plan } = await draftPlan();
    expect(plan.status).toBe('draft');
    expect(plan.reference).toMatch(/^EAP-\d{7}$/);
    const again = await call(caseworker(), 'POST', `/api/clients/${clientId}/plans`, {});
    expect(again.statusCode).toBe(409);
    expect(problem(again).rule).toBe('A1');
    const list = await ok<{
      plans: { id: string }[];
      canCreate: { allowed: boolean; rule: string; reason: string };
    }>(world, caseworker(), 'GET', `/api/clients/${clientId}/plans`);
    expect(list.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(list.canCreate).toMatchObject({ allowed: false, rule: 'A1', reason: 'open_plan' });
  });

  it('A1: two simultaneous creates give exactly one 201 and one 409, and one open row', async () => {
    const clientId = await planClient(world);
    await submittedCa(world, caseworker(), clientId);
    const [a, b] = await Promise.all([
      call(caseworker(), 'POST', `/api/clients/${clientId}/plans`, {}),
      call(world.as.provider_lead, 'POST', `/api/clients/${clientId}/plans`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(problem(a.statusCode === 409 ? a : b).rule).toBe('A1');
    expect(
      await count(
        sql`select count(*)::int as n from plans where client_id = ${clientId} and status <> 'closed'`,
      ),
    ).toBe(1);
  });

  it('A1: the unique index refuses a second open plan on the driver itself', async () => {
    const { clientId, plan } = await draftPlan();
    const other = await secondSubmittedCa(clientId);
    const [p] = await rows<{ catchment_id: string; organization_id: string; created_by_user_id: string }>(
      sql`select catchment_id, organization_id, created_by_user_id from plans where id = ${plan.id}`,
    );
    let message = 'not refused';
    try {
      await world.db
        .execute(sql`insert into plans (id, reference, client_id, catchment_id, assessment_id, organization_id, stream, created_by_user_id)
        values (${randomUUID()}, ${`EAP-T${Date.now()}`}, ${clientId}, ${p!.catchment_id}, ${other}, ${p!.organization_id}, 'A', ${p!.created_by_user_id})`);
    } catch (error) {
      const e = error as { message: string; cause?: { message?: string } };
      message = `${e.message} ${e.cause?.message ?? ''}`;
    }
    expect(message).toContain('plans_one_open_per_client');
  });

  it('A1: no plan without a submitted CA (422 A1), nor twice from one CA', async () => {
    const clientId = await planClient(world);
    const res = await call(caseworker(), 'POST', `/api/clients/${clientId}/plans`, {});
    expect(res.statusCode).toBe(422);
    expect(problem(res)).toMatchObject({ rule: 'A1' });
    expect(problem(res).errors?.[0]?.code).toBe('no_submitted_assessment');
    const list = await ok<{ canCreate: { allowed: boolean; reason: string } }>(
      world,
      caseworker(),
      'GET',
      `/api/clients/${clientId}/plans`,
    );
    expect(list.canCreate).toMatchObject({ allowed: false, reason: 'no_submitted_assessment' });

    // A closed plan keeps its CA: a returning client needs a new CA first.
    const { clientId: returning, plan } = await draftPlan();
    await planOk('POST', `/api/plans/${plan.id}/close`, {
      reason: 'opened_in_error',
      note: 'Started for the wrong client',
    });
    const again = await call(caseworker(), 'POST', `/api/clients/${returning}/plans`, {});
    expect(again.statusCode).toBe(422);
    expect(problem(again).errors?.[0]?.code).toBe('assessment_used');
  });

  it('A1: only the provider builds plans (SA and SSM are refused by permission)', async () => {
    const clientId = await planClient(world, { sa: world.as.sa_caseworker });
    await submittedCa(world, caseworker(), clientId, ADULT_SA);
    for (const as of [world.as.sa_caseworker, world.as.ssm_intake]) {
      const res = await call(as, 'POST', `/api/clients/${clientId}/plans`, {});
      expect(res.statusCode).toBe(403);
    }
  });

  it('A1: creating the plan puts the client on the creator’s caseload (J9)', async () => {
    const { clientId } = await draftPlan();
    expect(
      await count(
        sql`select count(*)::int as n from caseload_assignments where client_id = ${clientId} and caseworker_user_id = ${caseworker().userId} and ended_at is null`,
      ),
    ).toBe(1);
  });
});

/** A second submitted CA of a client (the first one is already used by the open plan). */
const secondSubmittedCa = (clientId: string) => submittedCa(world, caseworker(), clientId);

describe('A2–A4: building, signing and activating', () => {
  it('the full lifecycle: goals, sub-goals, items, summary, signature, activation, changes, closure', async () => {
    world.setNow(new Date('2026-03-01T15:00:00Z'));
    const { plan } = await draftPlan();
    expect(plan.goals).toEqual([
      { ordinal: 1, title: '', description: '' },
      { ordinal: 2, title: '', description: '' },
    ]);
    // A2/A3: nothing to activate yet, and the reasons say why.
    expect(plan.activationProblems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['two_goals_needed', 'sub_goal_needed', 'signature_missing']),
    );
    const activate = await call(caseworker(), 'POST', `/api/plans/${plan.id}/activate`);
    expect(activate.statusCode).toBe(422);

    let p = await buildPlan(plan.id);
    const sub2 = await planOk('POST', `/api/plans/${plan.id}/sub-goals`, {
      goalOrdinal: 2,
      kind: 'jobseeker_financial_supports',
    });
    // A2: a sub-goal kind once per goal.
    const dup = await call(caseworker(), 'POST', `/api/plans/${plan.id}/sub-goals`, {
      goalOrdinal: 2,
      kind: 'jobseeker_financial_supports',
    });
    expect(dup.statusCode).toBe(409);
    const jfs = sub2.subGoals.find((s) => s.kind === 'jobseeker_financial_supports')!;
    expect(sub2.activationProblems.map((x) => x.code)).toContain('sub_goal_without_item');
    // A2: a catalogue item of another kind does not fit this sub-goal.
    const wrongKind = await call(caseworker(), 'POST', `/api/plans/${plan.id}/items`, {
      subGoalId: jfs.id,
      catalogueItemId: catalogueId('eas.job_trial'),
      costCents: 0,
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-03',
    });
    expect(wrongKind.statusCode).toBe(422);
    expect(problem(wrongKind).rule).toBe('A2');
    // A2: planned dates run forward.
    const reversed = await call(caseworker(), 'POST', `/api/plans/${plan.id}/items`, {
      subGoalId: jfs.id,
      customTitle: 'Bus pass for March',
      costCents: 15_600,
      plannedStart: '2026-03-10',
      plannedEnd: '2026-03-02',
    });
    expect(reversed.statusCode).toBe(422);
    expect(problem(reversed).errors?.[0]?.code).toBe('dates_reversed');
    // Exactly one of catalogue item or custom title.
    const both = await call(caseworker(), 'POST', `/api/plans/${plan.id}/items`, {
      subGoalId: jfs.id,
      customTitle: 'Bus pass',
      catalogueItemId: catalogueId('jfs.transportation'),
      costCents: 1,
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-02',
    });
    expect(both.statusCode).toBe(400);
    p = await planOk('POST', `/api/plans/${plan.id}/items`, {
      subGoalId: jfs.id,
      customTitle: 'Bus pass for March',
      costCents: 15_600,
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-31',
    });
    const custom = p.subGoals.find((s) => s.id === jfs.id)!.items[0]!;
    expect(custom).toMatchObject({ custom: true, nameEn: 'Bus pass for March', code: null });
    expect(p.totalCostCents).toBe(12_500 + 15_600);
    // The custom title is sealed, not stored in the clear.
    const [stored] = await rows<{ t: string }>(
      sql`select encode(custom_title_sealed, 'escape') as t from plan_items where id = ${custom.id}`,
    );
    expect(stored!.t).not.toContain('Bus pass');

    // A3: no signature before the summary is printed at this revision.
    const early = await call(caseworker(), 'POST', `/api/plans/${plan.id}/signature`, {
      signedOn: '2026-03-01',
      method: 'wet_ink',
    });
    expect(early.statusCode).toBe(422);
    expect(problem(early).errors?.map((e) => e.code)).toContain('summary_not_printed');

    const summary = await ok<{
      revision: number;
      documentsNotice: boolean;
      goals: { title: string }[];
      subGoals: { items: { customTitle: string | null }[] }[];
      stream?: string;
    }>(world, caseworker(), 'GET', `/api/plans/${plan.id}/summary`);
    expect(summary.revision).toBe(p.revision);
    expect(summary.documentsNotice).toBe(true);
    expect(summary.goals[0]!.title).toBe('Work in logistics');
    expect(summary.stream).toBeUndefined();
    expect(summary.subGoals.flatMap((s) => s.items).some((i) => i.customTitle === 'Bus pass for March')).toBe(
      true,
    );

    // A3: signed on a real day, not in the future.
    const future = await call(caseworker(), 'POST', `/api/plans/${plan.id}/signature`, {
      signedOn: '2026-03-05',
      method: 'wet_ink',
    });
    expect(problem(future).errors?.map((e) => e.code)).toContain('signed_in_future');
    p = await planOk('POST', `/api/plans/${plan.id}/signature`, {
      signedOn: '2026-03-01',
      method: 'wet_ink',
    });
    expect(p.signature).toMatchObject({ signedOn: '2026-03-01', current: true });
    expect(p.actions).toContain('activate');

    // A3: a later draft change makes the signature stale; activation is refused with A3.
    p = await planOk('PUT', `/api/plans/${plan.id}/goals`, {
      goals: [{ ordinal: 2, title: 'Forklift licence (class 7)', description: '' }],
    });
    expect(p.signature!.current).toBe(false);
    expect(p.activationProblems).toEqual([{ rule: 'A3', code: 'signature_outdated' }]);
    const stale = await call(caseworker(), 'POST', `/api/plans/${plan.id}/activate`);
    expect(stale.statusCode).toBe(422);
    expect(problem(stale).rule).toBe('A3');

    p = await signAndActivate(plan.id);
    expect(p.status).toBe('active');
    expect(p.activatedAt).toBe('2026-03-01T15:00:00.000Z');
    const activeRevision = p.revision;
    // A3: no signature after activation.
    const late = await call(caseworker(), 'POST', `/api/plans/${plan.id}/signature`, {
      signedOn: '2026-03-01',
      method: 'wet_ink',
    });
    expect(late.statusCode).toBe(422);
    expect(problem(late).rule).toBe('A3');

    // A4: adding an item after activation is allowed, writes history, keeps the signed revision.
    const ret = await planOk('POST', `/api/plans/${plan.id}/sub-goals`, {
      goalOrdinal: 1,
      kind: 'retention',
    });
    const retention = ret.subGoals.find((s) => s.kind === 'retention')!;
    p = await planOk('POST', `/api/plans/${plan.id}/items`, {
      subGoalId: retention.id,
      catalogueItemId: catalogueId('ret.coaching'),
      costCents: 0,
      plannedStart: '2026-04-01',
      plannedEnd: '2026-06-30',
    });
    expect(p.revision).toBe(activeRevision);
    expect(p.signature!.current).toBe(true);
    const history = await ok<{ events: { kind: string; detail: Record<string, unknown> }[] }>(
      world,
      caseworker(),
      'GET',
      `/api/plans/${plan.id}/history`,
    );
    const kinds = history.events.map((e) => e.kind);
    expect(kinds[0]).toBe('created');
    expect(kinds).toEqual(expect.arrayContaining(['summary_printed', 'signature_recorded', 'activated']));
    expect(kinds.at(-1)).toBe('item_added');
    // History holds ids and codes, never the personal text.
    expect(JSON.stringify(history.events)).not.toContain('Bus pass');

    // A2: an outcome belongs to an item that ended.
    const resumeItem = p.subGoals.find((s) => s.kind === 'employment_assistance_services')!.items[0]!;
    const noEnd = await call(caseworker(), 'PATCH', `/api/plans/${plan.id}/items/${resumeItem.id}`, {
      outcome: 'attained',
    });
    expect(noEnd.statusCode).toBe(422);
    expect(problem(noEnd).errors?.[0]?.code).toBe('outcome_needs_end');
    p = await planOk('PATCH', `/api/plans/${plan.id}/items/${resumeItem.id}`, {
      status: 'completed',
      outcome: 'attained',
      actualEnd: '2026-03-01',
    });
    expect(p.subGoals.flatMap((s) => s.items).find((i) => i.id === resumeItem.id)).toMatchObject({
      status: 'completed',
      outcome: 'attained',
    });

    // A9: "Completion" is not a pre-employment closure reason.
    expect(p.closureReasons).not.toContain('completion');
    const wrongReason = await call(caseworker(), 'POST', `/api/plans/${plan.id}/close`, {
      reason: 'completion',
      note: 'All done',
    });
    expect(wrongReason.statusCode).toBe(422);
    expect(problem(wrongReason).rule).toBe('A9');

    p = await planOk('POST', `/api/plans/${plan.id}/close`, {
      reason: 'withdrawal_moved_outside_province',
      note: 'Moved to Manitoba for family',
    });
    expect(p.status).toBe('closed');
    expect(p.closure).toMatchObject({
      reason: 'withdrawal_moved_outside_province',
      phase: 'pre_employment',
      earlyExit: true,
    });
    expect(p.closure!.note).toBe('Moved to Manitoba for family');
    expect(p.closureReasons).toEqual([]);
    expect(p.actions).toEqual([]);
    expect(p.readOnly).toBe(true);
    // M11: the KPI flags are stored at closure.
    const [flags] = await rows(
      sql`select early_exit, counts_as_client_served, counts_as_training_completion, successful_outcome, pbf_possible from plans where id = ${plan.id}`,
    );
    expect(flags).toEqual({
      early_exit: true,
      counts_as_client_served: false,
      counts_as_training_completion: false,
      successful_outcome: false,
      pbf_possible: false,
    });

    // A4: a closed plan is read-only.
    for (const [method, url, payload] of [
      ['PUT', `/api/plans/${plan.id}/goals`, { goals: [{ ordinal: 1, title: 'x', description: '' }] }],
      ['POST', `/api/plans/${plan.id}/sub-goals`, { goalOrdinal: 2, kind: 'life_stabilization' }],
      ['PATCH', `/api/plans/${plan.id}/items/${resumeItem.id}`, { costCents: 1 }],
      ['POST', `/api/plans/${plan.id}/close`, { reason: 'client_deceased', note: 'again' }],
    ] as const) {
      const res = await call(caseworker(), method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(422);
      expect(problem(res).rule).toBe('A4');
    }
  });

  it('A2: a plan without two goals or with an empty sub-goal is not activated', async () => {
    const { plan } = await draftPlan();
    await planOk('POST', `/api/plans/${plan.id}/sub-goals`, { goalOrdinal: 1, kind: 'life_stabilization' });
    await ok(world, caseworker(), 'GET', `/api/plans/${plan.id}/summary`);
    await planOk('POST', `/api/plans/${plan.id}/signature`, {
      signedOn: torontoToday(),
      method: 'electronic',
    });
    const res = await call(caseworker(), 'POST', `/api/plans/${plan.id}/activate`);
    expect(res.statusCode).toBe(422);
    expect(problem(res).rule).toBe('A2');
    expect(problem(res).errors?.map((e) => e.code)).toEqual(['two_goals_needed', 'sub_goal_without_item']);
  });

  it('every read of a plan is audited', async () => {
    const { plan, clientId } = await draftPlan();
    const before = await count(
      sql`select count(*)::int as n from audit_log where entity_type = 'plan' and action = 'read' and entity_id = ${plan.id}`,
    );
    await planOk('GET', `/api/plans/${plan.id}`);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity_type = 'plan' and action = 'read' and entity_id = ${plan.id} and client_id = ${clientId}`,
      ),
    ).toBe(before + 1);
  });
});

function torontoToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date());
}

describe('I2: what the SA caseworker sees', () => {
  it('SA: 404 for a client not shared, 403 I2 on a draft, then the active plan read-only with shared comments only', async () => {
    const sa = world.as.sa_caseworker;
    world.setNow(new Date('2026-03-01T15:00:00Z'));
    const { plan, clientId } = await draftPlan({ sa });
    // Not their client: indistinguishable from no plan.
    const other = await call(world.otherSaCaseworker, 'GET', `/api/plans/${plan.id}`);
    expect(other.statusCode).toBe(404);
    // I2: a draft is not shared yet.
    const draft = await call(sa, 'GET', `/api/plans/${plan.id}`);
    expect(draft.statusCode).toBe(403);
    expect(problem(draft).rule).toBe('I2');
    const listed = await ok<{ plans: unknown[] }>(world, sa, 'GET', `/api/clients/${clientId}/plans`);
    expect(listed.plans).toEqual([]);

    let p = await buildPlan(plan.id);
    p = await signAndActivate(plan.id);
    const item = p.subGoals[0]!.items[0]!;
    // Notes as the case-management module writes them: one shared on the item, one internal on it.
    const [keyRow] = await rows<{ wrapped_key: Buffer }>(
      sql`select wrapped_key from client_data_keys where client_id = ${clientId}`,
    );
    const key = PersonalDataKey.open(world.crypto, clientId, keyRow!.wrapped_key);
    const note = (visibility: 'internal' | 'shared_with_sa', body: string, at: string) => ({
      clientId,
      catchmentId: world.a.catchmentId,
      organizationId: world.a.provider1,
      authorUserId: caseworker().userId,
      at: new Date(at),
      visibility,
      planId: plan.id,
      planItemId: item.id,
      bodySealed: key.sealText(CASE_NOTE_BODY_FIELD, body),
    });
    await world.db
      .insert(caseNotes)
      .values([
        note('shared_with_sa', 'Resume workshop attended, going well', '2026-03-02T15:00:00Z'),
        note('internal', 'Internal: client anxious about interviews', '2026-03-02T16:00:00Z'),
        note('shared_with_sa', 'Second session booked', '2026-03-03T15:00:00Z'),
      ]);

    // And one through the notes API, as the caseworker writes it in the workspace.
    world.setNow(new Date('2026-03-04T15:00:00Z'));
    await ok(world, caseworker(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'shared_with_sa',
      planItemId: item.id,
      body: 'Interview at the distribution centre on Friday',
    });
    await ok(world, caseworker(), 'POST', `/api/clients/${clientId}/notes`, {
      visibility: 'internal',
      body: 'Internal: follow up on the childcare subsidy',
    });
    const seen = await ok<Plan>(world, sa, 'GET', `/api/plans/${plan.id}`);
    expect(seen).toMatchObject({ status: 'active', readOnly: true, actions: [], sharedWithSa: true });
    const comments = seen.subGoals[0]!.items[0]!.comments.map((c) => c.body);
    expect(comments).toEqual([
      'Resume workshop attended, going well',
      'Second session booked',
      'Interview at the distribution centre on Friday',
    ]);
    expect(JSON.stringify(seen)).not.toContain('Internal:');
    expect(seen.goals[0]!.title).toBe('Work in logistics');
    // I2: the history stays with the provider; SA may not change the plan.
    const history = await call(sa, 'GET', `/api/plans/${plan.id}/history`);
    expect(history.statusCode).toBe(403);
    expect(problem(history).rule).toBe('I2');
    const change = await call(sa, 'PUT', `/api/plans/${plan.id}/goals`, {
      goals: [{ ordinal: 1, title: 'x', description: '' }],
    });
    expect(change.statusCode).toBe(403);
    // I4: SA learns of the activation at once.
    expect(
      await count(
        sql`select count(*)::int as n from icm_events where client_id = ${clientId} and kind = 'plan_activated'`,
      ),
    ).toBe(1);
    // Provider two cannot see the client at all.
    expect((await call(world.provider2Caseworker, 'GET', `/api/plans/${plan.id}`)).statusCode).toBe(404);
    // SSM reads it, read-only.
    const ssm = await ok<Plan>(world, world.as.ssm_qa, 'GET', `/api/plans/${plan.id}`);
    expect(ssm).toMatchObject({ readOnly: true, actions: [] });
  });
});

describe('C3: a consent revocation ends the plan', () => {
  it('C3/A9: the open plan closes as a voluntary withdrawal (early exit, M11) in the revocation’s transaction', async () => {
    world.setNow(new Date('2026-03-01T15:00:00Z'));
    const { clientId, plan } = await draftPlan();
    await buildPlan(plan.id);
    await signAndActivate(plan.id);
    const revoked = await call(caseworker(), 'POST', `/api/clients/${clientId}/consent/revocation`, {
      receivedOn: '2026-03-01',
      noticeToSsm: 'The client withdrew consent by phone; please remove their information.',
    });
    expect(revoked.statusCode, revoked.body).toBe(201);
    const [row] = await rows<{
      status: string;
      closure_reason: string;
      early_exit: boolean;
      closed_in_phase: string;
    }>(sql`select status, closure_reason, early_exit, closed_in_phase from plans where id = ${plan.id}`);
    expect(row).toEqual({
      status: 'closed',
      closure_reason: 'withdrawal_personal_reasons',
      early_exit: true,
      closed_in_phase: 'pre_employment',
    });
    const [closed] = await rows<{ detail: { rule: string; reason: string } }>(
      sql`select detail from plan_events where plan_id = ${plan.id} and kind = 'closed'`,
    );
    expect(closed?.detail).toMatchObject({ rule: 'C3', reason: 'withdrawal_personal_reasons' });
    // No open plan is left behind for a client whose information is about to be removed.
    expect(
      await count(
        sql`select count(*)::int as n from plans where client_id = ${clientId} and status <> 'closed'`,
      ),
    ).toBe(0);
  });
});

describe('A10: referrals to ministry-retained training programs', () => {
  async function activeWith(code: string) {
    world.setNow(new Date('2026-03-01T15:00:00Z'));
    const { plan, clientId } = await draftPlan();
    await buildPlan(plan.id);
    const withSub = await planOk('POST', `/api/plans/${plan.id}/sub-goals`, {
      goalOrdinal: 2,
      kind: 'skills_development_ministry_delivered',
    });
    const sdm = withSub.subGoals.find((s) => s.kind === 'skills_development_ministry_delivered')!;
    await planOk('POST', `/api/plans/${plan.id}/items`, {
      subGoalId: sdm.id,
      catalogueItemId: catalogueId(code),
      costCents: 0,
      plannedStart: '2026-04-01',
      plannedEnd: '2026-09-30',
    });
    const p = await signAndActivate(plan.id);
    const training = p.subGoals.find((s) => s.id === sdm.id)!.items[0]!;
    const other = p.subGoals.find((s) => s.kind === 'employment_assistance_services')!.items[0]!;
    expect(p.actions).toContain('record_training_referral');
    return { plan: p, clientId, training, other };
  }

  it('A10 case 1 (COJG): other items must be finished, then the plan closes as a referral to EO training', async () => {
    const { plan, training, other } = await activeWith('sdm.cojg');
    const open = await call(caseworker(), 'POST', `/api/plans/${plan.id}/training-referral`, {
      itemId: training.id,
      acceptedOn: '2026-03-01',
    });
    expect(open.statusCode).toBe(422);
    expect(problem(open).rule).toBe('A10');
    expect(problem(open).errors?.[0]?.code).toBe('items_still_open');
    await planOk('PATCH', `/api/plans/${plan.id}/items/${other.id}`, {
      status: 'completed',
      outcome: 'attained',
      actualEnd: '2026-03-01',
    });
    const p = await planOk('POST', `/api/plans/${plan.id}/training-referral`, {
      itemId: training.id,
      acceptedOn: '2026-03-01',
    });
    expect(p.status).toBe('closed');
    expect(p.closure).toMatchObject({ reason: 'referral_to_eo_training', earlyExit: true });
    const [flags] = await rows(
      sql`select counts_as_client_served, counts_as_training_completion, successful_outcome, pbf_possible, training_program from plans where id = ${plan.id}`,
    );
    expect(flags).toEqual({
      counts_as_client_served: true,
      counts_as_training_completion: true,
      successful_outcome: true,
      pbf_possible: false,
      training_program: 'cojg',
    });
  });

  it('A10 case 2 (BJO): the plan goes on hold, then resumes with the item completed and attained', async () => {
    const { plan, training } = await activeWith('sdm.bjo');
    // A non-training item is refused.
    const notTraining = await call(caseworker(), 'POST', `/api/plans/${plan.id}/training-referral`, {
      itemId: plan.subGoals.find((s) => s.kind === 'employment_assistance_services')!.items[0]!.id,
      acceptedOn: '2026-03-01',
    });
    expect(problem(notTraining).rule).toBe('A10');
    let p = await planOk('POST', `/api/plans/${plan.id}/training-referral`, {
      itemId: training.id,
      acceptedOn: '2026-03-01',
    });
    expect(p.status).toBe('active_on_hold');
    expect(p.onHold).toMatchObject({ itemId: training.id });
    expect(p.actions).toContain('resume');
    world.setNow(new Date('2026-10-01T15:00:00Z'));
    p = await planOk('POST', `/api/plans/${plan.id}/resume`, { completedOn: '2026-09-30' });
    expect(p.status).toBe('active');
    expect(p.onHold).toBeNull();
    expect(p.subGoals.flatMap((s) => s.items).find((i) => i.id === training.id)).toMatchObject({
      status: 'completed',
      outcome: 'attained',
    });
  });

  it('A10 case 3 (SDF): the plan closes at once, not as a successful outcome', async () => {
    const { plan, training } = await activeWith('sdm.sdf');
    const p = await planOk('POST', `/api/plans/${plan.id}/training-referral`, {
      itemId: training.id,
      acceptedOn: '2026-03-01',
    });
    expect(p.status).toBe('closed');
    expect(p.closure!.reason).toBe('referral_to_eo_training');
    const [flags] = await rows(
      sql`select successful_outcome, counts_as_training_completion, pbf_possible from plans where id = ${plan.id}`,
    );
    expect(flags).toEqual({
      successful_outcome: false,
      counts_as_training_completion: false,
      pbf_possible: false,
    });
  });
});

describe('A7: the catalogue', () => {
  it('A7: every minimum service is covered; the SSM adds and retires items', async () => {
    const coverage = await ok<{ services: { items: number }[]; missing: string[] }>(
      world,
      world.as.ssm_manager,
      'GET',
      '/api/plan-catalogue/coverage',
    );
    expect(coverage.missing).toEqual([]);
    const created = await call(world.as.ssm_admin, 'POST', '/api/plan-catalogue', {
      code: 'eas.test_item',
      subGoalKind: 'employment_assistance_services',
      minimumService: 'job_development',
      nameEn: 'Test item',
      nameFr: 'Élément d’essai',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const dup = await call(world.as.ssm_admin, 'POST', '/api/plan-catalogue', {
      code: 'eas.test_item',
      subGoalKind: 'employment_assistance_services',
      minimumService: 'job_development',
      nameEn: 'Test item',
      nameFr: 'Élément d’essai',
    });
    expect(dup.statusCode).toBe(409);
    // A10: a training program item belongs under the ministry-delivered sub-goal.
    const misfiled = await call(world.as.ssm_admin, 'POST', '/api/plan-catalogue', {
      code: 'eas.lbs_misfiled',
      subGoalKind: 'employment_assistance_services',
      minimumService: 'skills_training_referral',
      trainingProgram: 'lbs',
      nameEn: 'LBS',
      nameFr: 'AFB',
    });
    expect(misfiled.statusCode).toBe(422);
    await ok(world, world.as.ssm_admin, 'PATCH', `/api/plan-catalogue/${id}`, { active: false });
    const active = await ok<{ items: { id: string }[] }>(world, caseworker(), 'GET', '/api/plan-catalogue');
    expect(active.items.map((i) => i.id)).not.toContain(id);
    const all = await ok<{ items: { id: string }[] }>(
      world,
      world.as.ssm_admin,
      'GET',
      '/api/plan-catalogue?includeInactive=true',
    );
    expect(all.items.map((i) => i.id)).toContain(id);
    // Providers do not manage the catalogue.
    expect(
      (await call(caseworker(), 'PATCH', `/api/plan-catalogue/${id}`, { active: true })).statusCode,
    ).toBe(403);
    const filtered = await ok<{ items: { subGoalKind: string }[] }>(
      world,
      caseworker(),
      'GET',
      '/api/plan-catalogue?subGoalKind=retention',
    );
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(new Set(filtered.items.map((i) => i.subGoalKind))).toEqual(new Set(['retention']));
  });
});

describe('P11/K5: the referral is complete once the plan is active', () => {
  it('P11: a referral assigned 130 days ago is not incomplete when the plan was activated in time; K5 counts it', async () => {
    const intake = world.as.ssm_intake;
    const assignedOn = new Date('2026-05-04T14:00:00Z');
    world.setNow(assignedOn);
    const referral = async (clientId: string) => {
      const created = await ok<{ id: string }>(world, intake, 'POST', '/api/referrals', {
        clientId,
        source: 'trf',
        screening: ELIGIBLE_SCREENING,
      });
      await ok(world, intake, 'POST', `/api/referrals/${created.id}/assign`, {
        organizationId: world.a.provider1,
        overrideReason: 'Test: provider one',
      });
      return created.id;
    };
    const withPlanClient = await createClient(world, intake, {
      legalGivenName: 'Completed',
      legalFamilyName: 'Plantest',
      dateOfBirth: '1984-02-02',
      sin: syntheticSin(6_900_001),
    });
    const withoutPlanClient = await createClient(world, intake, {
      legalGivenName: 'Waiting',
      legalFamilyName: 'Plantest',
      dateOfBirth: '1984-02-03',
      sin: syntheticSin(6_900_002),
    });
    const done = await referral(withPlanClient);
    const waiting = await referral(withoutPlanClient);
    world.setNow(new Date('2026-05-14T14:00:00Z'));
    await submittedCa(world, caseworker(), withPlanClient);
    const plan = await ok<Plan>(world, caseworker(), 'POST', `/api/clients/${withPlanClient}/plans`, {});
    await buildPlan(plan.id);
    await ok(world, caseworker(), 'GET', `/api/plans/${plan.id}/summary`);
    await planOk('POST', `/api/plans/${plan.id}/signature`, { signedOn: '2026-05-14', method: 'wet_ink' });
    await planOk('POST', `/api/plans/${plan.id}/activate`);

    world.setNow(new Date('2026-09-11T14:00:00Z'));
    const clock = async (id: string) =>
      (
        await ok<{ completion: { incomplete: boolean } | null }>(
          world,
          caseworker(),
          'GET',
          `/api/referrals/${id}`,
        )
      ).completion;
    expect(await clock(done)).toMatchObject({ incomplete: false });
    expect(await clock(waiting)).toMatchObject({ incomplete: true });

    const metrics = await ok<{
      items: {
        organizationId: string;
        intakesCompleted: number;
        averageDaysToActivePlan: number | null;
        completedWithinStandardRate: number | null;
      }[];
    }>(world, world.as.ssm_manager, 'GET', '/api/referrals/metrics?from=2026-05-04&to=2026-05-04');
    expect(metrics.items.find((m) => m.organizationId === world.a.provider1)).toMatchObject({
      intakesCompleted: 1,
      averageDaysToActivePlan: 10,
      completedWithinStandardRate: 0.5,
    });
  });
});
