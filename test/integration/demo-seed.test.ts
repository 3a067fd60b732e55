import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/repositories/audit.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/network.js';
import { seedDemo } from '../../src/seed/seed.js';
import { sessionFrom, signIn } from '../support/auth.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * The demo data `npm start` creates on an empty database: its referrals, seen by the demo users
 * through the API on a fixed day (Wednesday 2026-03-11, 14:00 in Toronto), so each clock is known.
 */
let world: World;
const RUN = new Date('2026-03-11T18:00:00Z');
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  world = await createWorld();
  world.setNow(RUN);
  seeded = await seedDemo(world.db, world.crypto, world.app.services.evidenceStore, 300, RUN);
});
afterAll(() => world?.close());

const sessions = new Map<string, Session>();
async function as(email: string): Promise<Session> {
  if (!sessions.has(email)) sessions.set(email, sessionFrom(await signIn(world, email, DEMO_PASSWORD)));
  return sessions.get(email)!;
}
async function worklistOf(email: string) {
  const res = await world.request(await as(email), { method: 'GET', url: '/api/referrals/worklist' });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { buckets: { bucket: string; count: number }[] };
  return Object.fromEntries(body.buckets.map((b) => [b.bucket, b.count]));
}
interface Item {
  id: string;
  source: string;
  bucket: string;
  screeningOutcome: string | null;
  firstContact: { state: string } | null;
}
async function listOf(email: string, query: Record<string, string> = {}) {
  const res = await world.request(await as(email), { method: 'GET', url: '/api/referrals', query });
  return (res.json() as { items: Item[] }).items;
}

describe('demo referrals', () => {
  it('a dozen referrals, once', async () => {
    expect(seeded?.referrals).toBe(12);
    expect(await seedDemo(world.db, world.crypto, world.app.services.evidenceStore, 300, RUN)).toBeNull();
  });

  it('SSM intake: SA and direct referrals to assign, one returned awaiting a decision, one lead overdue (P7)', async () => {
    expect(await worklistOf(demoEmail('ssm_intake'))).toEqual({
      new: 6,
      awaiting_decision: 0,
      returned: 1,
      overdue: 1,
      incomplete: 0,
      // Four referrals of the referral demo, and the SA caseworker's referred assessment (C6).
      with_provider: 5,
      closed: 0,
    });
    const queue = await listOf(demoEmail('ssm_intake'), { bucket: 'new' });
    // P2 pathway 2: the EI information session's person is screened; today's TRF applicant is not yet.
    expect(queue.find((i) => i.source === 'ei_information_session')?.screeningOutcome).toBe(
      'case_managed_eligible',
    );
    expect(queue.find((i) => i.source === 'trf')?.screeningOutcome).toBeNull();
    expect(queue.filter((i) => i.source === 'ontario_works')).toHaveLength(4);
  });

  it('Riverside: a lead due today, one overdue, two with attempts made (one the referred assessment’s), one client engaged', async () => {
    expect(await worklistOf(demoEmail('provider_caseworker'))).toEqual({
      incomplete: 0,
      overdue: 1,
      due_today: 1,
      new: 0,
      awaiting_client: 2,
      engaged: 1,
      elsewhere: 0,
    });
    const leads = await listOf(demoEmail('provider_caseworker'));
    expect(leads.map((l) => l.bucket)).toEqual([
      'overdue',
      'due_today',
      'awaiting_client',
      'awaiting_client',
      'engaged',
    ]);
  });

  it('Essex County Works: a lead on time and one it returned', async () => {
    expect(await worklistOf('provider.caseworker2@pathways.test')).toMatchObject({ new: 1, elsewhere: 1 });
  });

  it('the SA caseworker: four awaiting assignment, three with Riverside, one returned; most of their clients have none', async () => {
    expect(await worklistOf(demoEmail('sa_caseworker'))).toEqual({
      awaiting_assignment: 4,
      with_provider: 3,
      returned: 1,
      closed: 0,
    });
    const counts = (await world.db.execute(sql`
      select count(*)::int as clients,
             count(*) filter (where exists (select 1 from referrals r where r.client_id = c.id))::int as referred
      from clients c join users u on u.id = c.sa_caseworker_id
      where u.email = ${demoEmail('sa_caseworker')}`)) as unknown as {
      rows: { clients: number; referred: number }[];
    };
    const { clients, referred } = counts.rows[0]!;
    expect(referred).toBe(8);
    expect(clients).toBeGreaterThan(2 * referred);
  });

  it('each referral has its timeline and audit, as the API writes them; the audit chain holds', async () => {
    const rows = (await world.db.execute(sql`
      select r.id,
        (select count(*)::int from referral_events e where e.referral_id = r.id and e.kind = 'created') as created,
        (select count(*)::int from audit_log a where a.entity_id = r.id::text and a.action = 'create') as audited
      from referrals r`)) as unknown as { rows: { created: number; audited: number }[] };
    // The dozen of the referral demo and the one the SA caseworker's assessment went with (C6).
    expect(rows.rows).toHaveLength(13);
    expect(rows.rows.every((r) => r.created === 1 && r.audited === 1)).toBe(true);
    expect((await verifyAuditChain(world.db)).ok).toBe(true);
  });
});

async function assessmentWorklist(email: string, bucket: string) {
  const res = await world.request(await as(email), {
    method: 'GET',
    url: '/api/assessments/worklist',
    query: { bucket },
  });
  expect(res.statusCode).toBe(200);
  const body = res.json() as {
    buckets: { bucket: string; count: number }[];
    items: { id: string; flow: string; serviceLevel: string | null; ageing: { state: string } }[];
  };
  return { counts: Object.fromEntries(body.buckets.map((b) => [b.bucket, b.count])), items: body.items };
}

describe('demo assessments', () => {
  it('six, written through the assessment service', () => {
    expect(seeded?.assessments).toBe(6);
  });

  it('Riverside: a referred SA assessment awaiting M2 (C6), one in progress, a self-directed M1 (S4), one service pending (S5), one aged (C9), one submitted (C8)', async () => {
    const riverside = demoEmail('provider_caseworker');
    const { counts, items } = await assessmentWorklist(riverside, 'in_progress');
    expect(counts).toEqual({
      in_progress: 5,
      referred: 1,
      aged: 1,
      service_pending: 1,
      returned_to_ssm: 0,
      // The assessment demo's one, the four CAs the demo plans were built from (A1), and the
      // monitoring demo's three and the supports demo's one.
      submitted: 9,
    });
    expect(items.map((i) => i.serviceLevel).sort()).toEqual([
      null,
      null,
      null,
      'self_directed',
      'service_pending',
    ]);
    const [referred] = (await assessmentWorklist(riverside, 'referred')).items;
    expect(referred?.flow).toBe('sa');
    const detail = await world.request(await as(riverside), {
      method: 'GET',
      url: `/api/assessments/${referred!.id}`,
    });
    expect(detail.json()).toMatchObject({
      holder: { kind: 'provider' },
      // C3: the SA caseworker's consent carries over to Riverside.
      consent: { active: true, carriedOver: true, needsReconfirmation: false },
      referral: { status: 'assigned' },
      actions: expect.arrayContaining(['answer', 'set_service_level']),
    });
    expect((await assessmentWorklist(riverside, 'aged')).items[0]?.ageing.state).toBe('aged');
  });

  it('S5: SSM intake sees the service-pending assessment waiting for another option', async () => {
    const { counts, items } = await assessmentWorklist(demoEmail('ssm_intake'), 'service_pending');
    expect(counts.service_pending).toBe(1);
    expect(items[0]?.serviceLevel).toBe('service_pending');
  });

  it('the submitted assessment carries its stream and the model that gave it; the audit chain still holds', async () => {
    const rows = (await world.db.execute(
      sql`select segmentation from assessments where status = 'submitted'`,
    )) as unknown as { rows: { segmentation: { stream: string; modelId: string; modelVersion: string } }[] };
    expect(rows.rows).toHaveLength(9);
    for (const row of rows.rows) {
      expect(row.segmentation.stream).toMatch(/^[ABC]$/);
      expect(row.segmentation.modelVersion).toBeTruthy();
    }
    expect((await verifyAuditChain(world.db)).ok).toBe(true);
  });
});

describe('demo plans', () => {
  interface PlanList {
    plans: { id: string; status: string; closureReason: string | null }[];
    canCreate: { allowed: boolean; reason: string | null };
  }
  const plansOf = async (email: string, clientId: string) => {
    const res = await world.request(await as(email), {
      method: 'GET',
      url: `/api/clients/${clientId}/plans`,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as PlanList;
  };
  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await world.db.execute(query)) as unknown as { rows: T[] }).rows;

  it('four at Riverside, written through the plan service: two active, a draft, one closed early (A1–A9, M11)', async () => {
    expect(seeded?.plans).toBe(4);
    const rows = await rowsOf<{ status: string; early_exit: boolean | null }>(
      sql`select status, early_exit from plans order by status`,
    );
    // Four plan stories, three more from the monitoring demo (below) and one from the supports
    // demo, all active.
    expect(rows.map((r) => r.status)).toEqual([
      'draft',
      'active',
      'active',
      'active',
      'active',
      'active',
      'active',
      'closed',
    ]);
    expect(rows.find((r) => r.status === 'closed')!.early_exit).toBe(true);
    // A catalogue covering every minimum service (A7).
    const coverage = await world.request(await as(demoEmail('ssm_manager')), {
      method: 'GET',
      url: '/api/plan-catalogue/coverage',
    });
    expect((coverage.json() as { missing: string[] }).missing).toEqual([]);
  });

  it('I2: the SA caseworker reads their OW client’s active plan, read-only', async () => {
    const [row] = await rowsOf<{ id: string; client_id: string }>(
      sql`select p.id, p.client_id from plans p join clients c on c.id = p.client_id where c.sa_program is not null`,
    );
    const sa = demoEmail('sa_caseworker');
    expect((await plansOf(sa, row!.client_id)).plans.map((p) => p.id)).toEqual([row!.id]);
    const res = await world.request(await as(sa), { method: 'GET', url: `/api/plans/${row!.id}` });
    expect(res.json()).toMatchObject({ status: 'active', readOnly: true, actions: [] });
  });

  it('A1: the assessment demo’s submitted CA is left without a plan, for a caseworker to start one', async () => {
    const [row] = await rowsOf<{ client_id: string }>(
      sql`select a.client_id from assessments a where a.status = 'submitted' and not exists (select 1 from plans p where p.assessment_id = a.id)`,
    );
    const list = await plansOf(demoEmail('provider_caseworker'), row!.client_id);
    expect(list.plans).toEqual([]);
    expect(list.canCreate.allowed).toBe(true);
  });
});

describe('demo monitoring and PBF', () => {
  interface Checkpoint {
    kind: string;
    dueOn: string;
    state: string;
    record: { id: string; reviewState: string } | null;
    ledger: { state: string; amountCents: number } | null;
  }
  const monitoringOf = async (planId: string) => {
    const res = await world.request(await as(demoEmail('provider_caseworker')), {
      method: 'GET',
      url: `/api/plans/${planId}/monitoring`,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { outcome: unknown; checkpoints: Checkpoint[] };
  };
  const plansInMonitoring = async () =>
    (
      (await world.db.execute(
        sql`select id from plans where monitoring_started_on is not null order by monitoring_started_on`,
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((r) => r.id);

  it('K4: every provider has the default funding agreement', async () => {
    const [row] = (
      (await world.db.execute(
        sql`select count(*)::int as n from organizations o where o.kind = 'provider' and not exists (select 1 from funding_agreements f where f.organization_id = o.id)`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(row!.n).toBe(0);
  });

  it('M7/M8: a client five months in work: month 1 approved and paid, month 3 waiting for the SSM', async () => {
    expect(seeded?.monitoring).toBe(2);
    const [longest] = await plansInMonitoring();
    const view = await monitoringOf(longest!);
    const byKind = Object.fromEntries(view.checkpoints.map((c) => [c.kind, c]));
    expect(byKind.completion!.state).toBe('completed');
    expect(byKind.month_1!.ledger).toMatchObject({ state: 'paid' });
    expect(byKind.month_1!.ledger!.amountCents).toBeGreaterThan(0);
    expect(byKind.month_3!.record!.reviewState).toBe('submitted');
    const queue = await world.request(await as(demoEmail('ssm_qa')), {
      method: 'GET',
      url: '/api/pbf/review-queue',
    });
    expect((queue.json() as { checkpoints: { kind: string }[] }).checkpoints.map((c) => c.kind)).toEqual([
      'month_3',
    ]);
  });

  it('M7: the newer client’s 1-month checkpoint is on the caseworker’s worklist', async () => {
    const res = await world.request(await as(demoEmail('provider_caseworker')), {
      method: 'GET',
      url: '/api/checkpoints/worklist?scope=organization',
    });
    const items = (res.json() as { items: { kind: string; bucket: string }[] }).items;
    expect(items.filter((i) => i.kind === 'month_1').map((i) => i.bucket)).toEqual(['due_this_week']);
  });
});

describe('demo financial supports', () => {
  const get = async <T>(email: string, url: string, query: Record<string, string> = {}) => {
    const res = await world.request(await as(email), { method: 'GET', url, query });
    expect(res.statusCode).toBe(200);
    return res.json() as T;
  };
  interface Queue {
    preApprovals: { reference: string; amountCents: number; preApprovalReasons: string[] }[];
    reports: { category: string | null; state: string }[];
  }

  it('F6/F13: the SSM’s queue holds the $1,400.00 laptop waiting for pre-approval and a report to review', async () => {
    expect(seeded?.supports).toBe(7);
    const queue = await get<Queue>(demoEmail('ssm_manager'), '/api/supports/approvals');
    expect(queue.preApprovals.map((s) => [s.amountCents, s.preApprovalReasons])).toEqual([
      [140_000, ['item_exceeds_1000']],
    ]);
    expect(queue.reports.map((s) => [s.category, s.state])).toEqual([
      ['occupational_certification', 'reported'],
    ]);
  });

  it('F3/F7/F10/F11: Riverside’s budget counts the spent, the committed placement, the withheld and last year’s status-quo boots apart; its employer registry', async () => {
    interface Budgets {
      fiscalYear: number;
      providers: {
        organizationName: string;
        configured: boolean;
        position: {
          allocationCents: number;
          erfs: { pendingCents: number; committedCents: number; spentCents: number; withheldCents: number };
          remainingCents: number;
        };
        statusQuoByQuarter: Record<string, { spentCents: number }>;
      }[];
    }
    const email = demoEmail('provider_caseworker');
    const now = await get<Budgets>(email, '/api/budgets');
    expect(now.providers).toHaveLength(1);
    const [riverside] = now.providers;
    expect(riverside!.configured).toBe(true);
    // Bus pass + certification + clothing are spent; the gas card is withheld; the laptop is
    // pending; the placement's training incentive is committed.
    expect(riverside!.position.erfs).toEqual({
      pendingCents: 140_000,
      committedCents: 100_000,
      spentCents: 15_600 + 21_000 + 11_850,
      withheldCents: 6_000,
    });
    expect(riverside!.position.remainingCents).toBe(
      riverside!.position.allocationCents - 100_000 - (15_600 + 21_000 + 11_850),
    );
    interface Employers {
      employers: {
        legalName: string;
        eligible: boolean;
        lastInPersonVisitOn: string | null;
        placementCount: number;
      }[];
    }
    const registry = await get<Employers>(email, '/api/employers');
    expect(
      registry.employers.map((e) => [e.eligible, e.placementCount, e.lastInPersonVisitOn !== null]).sort(),
    ).toEqual([
      [false, 0, false],
      [true, 0, true],
      [true, 1, true],
    ]);
    const fy2023 = await get<Budgets>(email, '/api/budgets', { fiscalYear: '2023' });
    expect(fy2023.providers[0]!.statusQuoByQuarter['4']!.spentCents).toBe(16_500);
  });
});
