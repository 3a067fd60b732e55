import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../src/db/schema.js';
import { fiscalYearOf } from '../../src/domain/calendar/fiscal-year.js';
import { activePlanFor, backdated } from '../support/monitoring.js';
import { planClient, torontoToday } from '../support/plans.js';
import {
  BUDGET,
  boots,
  budgetOf,
  issueBody,
  laptop,
  receiptBody,
  reportedSupport,
  requestSupport,
  supportStep,
  type BudgetRowLike,
  type ProblemBody,
  type SupportViewLike,
} from '../support/supports.js';
import { createWorld, type World } from '../support/world.js';

let world: World;
let planId: string;
beforeAll(async () => {
  world = await createWorld();
  planId = (await activePlanFor(world, world.as.provider_caseworker, 9_500_000)).id;
});
afterAll(() => world?.close());

// F3: the fiscal year (1 April – 31 March) of the tests' today, which is the real day: a fixed year
// would make every assertion on today's supports fail once that year ends.
const CURRENT_YEAR = fiscalYearOf(torontoToday());
const put = (
  organizationId: string,
  fiscalYear: number,
  body: Record<string, unknown>,
  as = world.as.ssm_finance,
) => world.request(as, { method: 'PUT', url: `/api/budgets/${organizationId}/${fiscalYear}`, payload: body });
const position = async () =>
  (await budgetOf(world, world.as.provider_lead, world.a.provider1, CURRENT_YEAR)).position;

describe('budgets (F3, F7, F8)', () => {
  it('a provider sees only its own budget; the SSM sees every provider of its catchment; only SSM finance sets them', async () => {
    expect((await put(world.a.provider1, CURRENT_YEAR, BUDGET)).statusCode).toBe(200);
    expect((await put(world.a.provider2, CURRENT_YEAR, { ...BUDGET, clientVolume: 50 })).statusCode).toBe(
      200,
    );
    const mine = await world.request(world.as.provider_caseworker, { method: 'GET', url: '/api/budgets' });
    expect(mine.statusCode).toBe(200);
    const body = mine.json() as { fiscalYear: number; providers: BudgetRowLike[] };
    expect(body.fiscalYear).toBe(CURRENT_YEAR);
    expect(body.providers.map((p) => p.organizationId)).toEqual([world.a.provider1]);
    const ssm = await world.request(world.as.ssm_director, { method: 'GET', url: '/api/budgets' });
    const rows = (ssm.json() as { providers: BudgetRowLike[] }).providers;
    expect(rows.map((p) => p.organizationId).sort()).toEqual([world.a.provider1, world.a.provider2].sort());
    expect(rows.find((r) => r.organizationId === world.a.provider2)?.position.allocationCents).toBe(
      10_000 * 50 + 50_000,
    );
    expect((await put(world.a.provider1, CURRENT_YEAR, BUDGET, world.as.provider_lead)).statusCode).toBe(403);
    expect((await put(world.a.provider1, CURRENT_YEAR, BUDGET, world.as.ssm_manager)).statusCode).toBe(403);
    expect((await put(world.b.provider, CURRENT_YEAR, BUDGET)).statusCode).toBe(404);
    expect((await put(world.a.saOffice, CURRENT_YEAR, BUDGET)).statusCode).toBe(404);
    // A provider with no budget row yet is listed, unconfigured, with zeros.
    const unconfigured = await budgetOf(world, world.as.ssm_finance, world.a.provider1, 2030);
    expect(unconfigured).toMatchObject({ configured: false, position: { allocationCents: 0 } });
  });

  it('F3: a reallocation over 10% of operational funding is refused naming the field; 10% floored to the cent is allowed', async () => {
    // $100,000.05 of operational funding allows $10,000.00 (1,000,000.5 cents floored).
    const over = await put(world.a.provider2, CURRENT_YEAR, {
      ...BUDGET,
      operationalCents: 10_000_005,
      reallocationCents: 1_000_001,
    });
    expect(over.statusCode).toBe(422);
    const problem = over.json() as ProblemBody;
    expect(problem.rule).toBe('F3');
    expect(problem.errors?.[0]).toMatchObject({
      field: 'body.reallocationCents',
      code: 'reallocation_over_10_percent',
    });
    expect(problem.messageFr).toContain('10 %');
    const at = await put(world.a.provider2, CURRENT_YEAR, {
      ...BUDGET,
      operationalCents: 10_000_005,
      reallocationCents: 1_000_000,
    });
    expect(at.statusCode).toBe(200);
    expect(at.json()).toMatchObject({
      maxReallocationCents: 1_000_000,
      position: { allocationCents: 10_000 * 100 + 1_000_000 },
    });
  });

  it('F11: a withheld report leaves the budget consistent (spent drops, withheld shows it; re-report; lift of malfeasance_review)', async () => {
    await put(world.a.provider1, CURRENT_YEAR, BUDGET);
    const before = await position();
    const pending = await requestSupport(world, world.as.provider_caseworker, planId, laptop(world));
    expect(pending.state).toBe('pre_approval_pending');
    const afterPending = await position();
    expect(afterPending.erfs.pendingCents - before.erfs.pendingCents).toBe(120_000);
    expect(afterPending.remainingCents).toBe(before.remainingCents);

    const s = await reportedSupport(world, world.as.provider_caseworker, planId, boots(world));
    const reported = await position();
    expect(reported.erfs.spentCents - before.erfs.spentCents).toBe(15_000);
    expect(before.remainingCents - reported.remainingCents).toBe(15_000);
    expect(before.returnableCents - reported.returnableCents).toBe(15_000);

    const withheld = await supportStep(world, world.as.ssm_manager, s.id, 'review', {
      decision: 'withhold',
      reason: 'missing_or_improper_evidence',
      note: 'The receipt is not legible',
    });
    expect(withheld.state).toBe('withheld');
    const afterWithhold = await position();
    expect(afterWithhold.erfs.spentCents).toBe(before.erfs.spentCents);
    expect(afterWithhold.erfs.withheldCents - before.erfs.withheldCents).toBe(15_000);
    expect(afterWithhold.remainingCents).toBe(before.remainingCents);
    expect(afterWithhold.returnableCents).toBe(before.returnableCents);
    expect(afterWithhold.allocationCents).toBe(before.allocationCents);

    // The provider corrects the file and reports again: spent again, nothing withheld.
    await supportStep(world, world.as.provider_caseworker, s.id, 'evidence', receiptBody());
    const again = await supportStep(world, world.as.provider_caseworker, s.id, 'report', {
      note: 'Legible copy',
    });
    expect(again.state).toBe('reported');
    const afterReReport = await position();
    expect(afterReReport.erfs.spentCents - before.erfs.spentCents).toBe(15_000);
    expect(afterReReport.erfs.withheldCents).toBe(before.erfs.withheldCents);
    await supportStep(world, world.as.ssm_manager, s.id, 'review', { decision: 'approve' });
    expect((await position()).erfs.spentCents - before.erfs.spentCents).toBe(15_000);

    // A withholding pending a malfeasance review is lifted: spent again.
    const t = await reportedSupport(world, world.as.provider_caseworker, planId, boots(world));
    await supportStep(world, world.as.ssm_finance, t.id, 'review', {
      decision: 'withhold',
      reason: 'malfeasance_review',
      note: 'Vendor under review',
    });
    expect((await position()).erfs.withheldCents - before.erfs.withheldCents).toBe(15_000);
    const lifted = await supportStep(world, world.as.ssm_finance, t.id, 'review', { decision: 'approve' });
    expect(lifted.state).toBe('report_approved');
    const end = await position();
    expect(end.erfs.spentCents - before.erfs.spentCents).toBe(30_000);
    expect(end.erfs.withheldCents).toBe(before.erfs.withheldCents);
    expect(end.remainingCents).toBe(before.remainingCents - 30_000);
  });

  it('fiscal year boundary: issued on 31 March counts in the year ending then, on 1 April in the next; the past year has ended', async () => {
    const [march, april] = await backdated(world, new Date('2026-03-30T15:00:00Z'), async () => [
      await requestSupport(world, world.as.provider_caseworker, planId, boots(world, { amountCents: 1_111 })),
      await requestSupport(world, world.as.provider_caseworker, planId, boots(world, { amountCents: 2_222 })),
    ]);
    const before2025 = await budgetOf(world, world.as.ssm_finance, world.a.provider1, 2025);
    const before2026 = await budgetOf(world, world.as.ssm_finance, world.a.provider1, 2026);
    // Approved on 30 March: committed in fiscal 2025 until issued.
    expect(before2025.position.erfs.committedCents).toBeGreaterThanOrEqual(3_333);
    await supportStep(world, world.as.provider_caseworker, march!.id, 'issue', issueBody('2026-03-31'));
    await supportStep(world, world.as.provider_caseworker, april!.id, 'issue', issueBody('2026-04-01'));
    const after2025 = await budgetOf(world, world.as.ssm_finance, world.a.provider1, 2025);
    const after2026 = await budgetOf(world, world.as.ssm_finance, world.a.provider1, 2026);
    expect(after2025.position.erfs.spentCents - before2025.position.erfs.spentCents).toBe(1_111);
    expect(before2025.position.erfs.committedCents - after2025.position.erfs.committedCents).toBe(3_333);
    expect(after2026.position.erfs.spentCents - before2026.position.erfs.spentCents).toBe(2_222);
    expect(after2025.yearEnded).toBe(true);
    expect(after2026.yearEnded).toBe(torontoToday() > '2027-03-31');
  });

  it('F7: status-quo supports count in ERFS and are reported apart, by quarter', async () => {
    const clientId = await planClient(world, { sinBase: 9_600_000 });
    await world.db.update(clients).set({ statusQuo: true }).where(eq(clients.id, clientId));
    const { planGoalOrdinal: _link, ...body } = boots(world, {
      plannedIssueOn: '2024-02-20',
      amountCents: 4_444,
    });
    const s = await backdated(world, new Date('2024-02-01T15:00:00Z'), async () => {
      const res = await world.request(world.as.provider_caseworker, {
        method: 'POST',
        url: `/api/clients/${clientId}/supports`,
        payload: body,
      });
      expect(res.statusCode).toBe(201);
      return res.json() as SupportViewLike;
    });
    await backdated(world, new Date('2024-02-20T15:00:00Z'), () =>
      supportStep(world, world.as.provider_caseworker, s.id, 'issue', issueBody('2024-02-20')),
    );
    // 20 February 2024 is in the fourth quarter of fiscal 2023 (1 April 2023 – 31 March 2024).
    const row = await budgetOf(world, world.as.ssm_finance, world.a.provider1, 2023);
    expect(row.position.erfs.spentCents).toBe(4_444);
    expect(row.position.ofWhichStatusQuo.spentCents).toBe(4_444);
    expect(row.statusQuoByQuarter['4'].spentCents).toBe(4_444);
    expect(row.statusQuoByQuarter['1'].spentCents).toBe(0);
  });
});
