import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pbfLedgerLines, planEvents } from '../../src/db/schema.js';
import { DEFAULT_FUNDING_AGREEMENT_AMOUNTS } from '../../src/domain/monitoring/pbf.js';
import { ok } from '../support/assessments.js';
import { buildPlanWith, draftPlanFor } from '../support/plans.js';
import { backdated } from '../support/monitoring.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * The PBF ledger through the API (K4, K6, M5, M8, M9, M10, F12): monitoring recorded with the
 * monitoring routes, the SSM's review, the provider's statement, payment and funding agreements.
 * Monitoring starts on 2 June 2025 so every checkpoint's window is open: month 1 falls on 2 July
 * and month 3 on 2 September (fiscal 2025 Q2), month 6 on 2 December (Q3), month 12 on 2 June 2026
 * (fiscal 2026 Q1).
 */
let world: World;
let cw: Session;
let qa: Session;
let finance: Session;
let lead: Session;
beforeAll(async () => {
  world = await createWorld();
  cw = world.as.provider_caseworker;
  qa = world.as.ssm_qa;
  finance = world.as.ssm_finance;
  lead = world.as.provider_lead;
});
afterAll(() => world?.close());

const START = '2025-06-02';
const DUE = { month_1: '2025-07-02', month_3: '2025-09-02', month_6: '2025-12-02', month_12: '2026-06-02' };
type Pbf = keyof typeof DUE;
/** The default amounts of the world's plans' stream (the test CA segments every client alike). */
let A: (typeof DEFAULT_FUNDING_AGREEMENT_AMOUNTS)['A'] = DEFAULT_FUNDING_AGREEMENT_AMOUNTS.A;
const PDF = Buffer.from('%PDF-1.4\n% fixture pay stub\n').toString('base64');

interface View {
  jobs: { id: string }[];
  checkpoints: { kind: string; record: { id: string } | null }[];
}

let sin = 6_900_000;
async function activePlan(as: Session = cw): Promise<string> {
  // Activated a month before START, on which the outcomes of this file are dated.
  return backdated(world, new Date('2025-05-01T15:00:00Z'), async () => {
    const draft = await draftPlanFor(world, as, (sin += 1000));
    const eas = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];
    return (await buildPlanWith(world, as, draft.id, eas, { activate: true })).id;
  });
}

interface JobSpec {
  minutesPerWeek: number;
  endedOn?: string;
  employerSupport?: { startsOn: string; endsOn: string | null };
  employerName?: string;
  hourlyWageCents?: number;
  permanence?: 'permanent' | 'temporary' | 'seasonal';
}
/** An employed outcome on START with the jobs given (each started on START), and start-date proof for each. */
async function employed(planId: string, jobs: JobSpec[], as: Session = cw): Promise<string[]> {
  const view = await ok<View>(world, as, 'POST', `/api/plans/${planId}/outcome`, {
    kind: 'employed',
    endedOn: START,
    jobs: jobs.map((j, i) => ({
      employerName: j.employerName ?? `Employer ${i + 1}`,
      atEntryEmployer: false,
      startedOn: START,
      endedOn: j.endedOn ?? null,
      minutesPerWeek: j.minutesPerWeek,
      hourlyWageCents: j.hourlyWageCents ?? 1900,
      nocCode: '65100',
      permanence: j.permanence ?? 'permanent',
      ...(j.employerSupport ? { employerSupport: j.employerSupport } : {}),
    })),
  });
  const ids = view.jobs.map((j) => j.id);
  const [line] = await world.db.select().from(pbfLedgerLines).where(eq(pbfLedgerLines.planId, planId));
  A = DEFAULT_FUNDING_AGREEMENT_AMOUNTS[line!.stream];
  for (const jobId of ids)
    await ok(world, as, 'POST', `/api/plans/${planId}/evidence`, {
      kind: 'offer_letter',
      jobId,
      fileName: 'offer.pdf',
      contentType: 'application/pdf',
      dataBase64: PDF,
      showsClientName: true,
      showsBusinessName: true,
      coversDate: true,
      showsTwentyPlusHours: true,
    });
  return ids;
}

/** The ESQ at a checkpoint: employed in the jobs given with their hours, or not employed. */
async function checkpoint(
  planId: string,
  kind: Pbf,
  jobs: { jobId: string; minutesPerWeek: number; hourlyWageCents?: number }[],
  as: Session = cw,
): Promise<string> {
  const view = await ok<View>(world, as, 'POST', `/api/plans/${planId}/checkpoints/${kind}`, {
    contactedOn: DUE[kind],
    esqStatus: jobs.length ? 'employed' : 'not_employed',
    satisfaction: '5',
    jobs: jobs.map((j) => ({ hourlyWageCents: 1900, nocCode: '65100', ...j })),
  });
  return view.checkpoints.find((c) => c.kind === kind)!.record!.id;
}

/** A pay stub for the checkpoint; `sufficient: false` leaves out the 20+ hours (M9). */
async function payStub(planId: string, kind: Pbf, sufficient = true, as: Session = cw) {
  await ok(world, as, 'POST', `/api/plans/${planId}/evidence`, {
    kind: 'pay_stub',
    checkpointKind: kind,
    fileName: `stub-${kind}.pdf`,
    contentType: 'application/pdf',
    dataBase64: PDF,
    showsClientName: true,
    showsBusinessName: true,
    coversDate: true,
    showsTwentyPlusHours: sufficient,
  });
}

const submit = (planId: string, kind: Pbf, as: Session = cw) =>
  ok(world, as, 'POST', `/api/plans/${planId}/checkpoints/${kind}/submit`);

/** Recorded with the given hours (and wage) at one job, a sufficient stub, submitted. */
async function documented(
  planId: string,
  kind: Pbf,
  jobId: string,
  minutesPerWeek = 1800,
  as: Session = cw,
  hourlyWageCents = 1900,
) {
  const id = await checkpoint(planId, kind, [{ jobId, minutesPerWeek, hourlyWageCents }], as);
  await payStub(planId, kind, true, as);
  await submit(planId, kind, as);
  return id;
}

const approve = (checkpointId: string) =>
  world.request(qa, { method: 'POST', url: `/api/pbf/checkpoints/${checkpointId}/approve`, payload: {} });
const reject = (checkpointId: string, reason = 'The stub is for another pay period.') =>
  world.request(qa, {
    method: 'POST',
    url: `/api/pbf/checkpoints/${checkpointId}/reject`,
    payload: { reason },
  });

async function lineOf(planId: string, kind: Pbf) {
  const [line] = await world.db
    .select()
    .from(pbfLedgerLines)
    .where(and(eq(pbfLedgerLines.planId, planId), eq(pbfLedgerLines.checkpoint, kind)));
  return line!;
}
async function linesOf(planId: string) {
  const rows = await world.db.select().from(pbfLedgerLines).where(eq(pbfLedgerLines.planId, planId));
  return Object.fromEntries(rows.map((l) => [l.checkpoint, l])) as Record<Pbf, (typeof rows)[number]>;
}

interface JobQualitySummary {
  metCount: number;
  averageMinutesPerWeek: number | null;
  medianHourlyWageCents: number | null;
  permanent: { numerator: number; denominator: number };
  fullTime: { numerator: number; denominator: number };
}
interface Statement {
  organizationId: string;
  label: string;
  lines: {
    planId: string;
    checkpoint: string;
    state: string;
    amountCents: number;
    payableCents: number;
    stream: 'A' | 'B' | 'C';
    fundedOutcomeMet: boolean | null;
    minutesPerWeek: number | null;
    hourlyWageCents: number | null;
    permanence: string | null;
  }[];
  totals: Record<string, number>;
  byStream: Record<'A' | 'B' | 'C', { count: number; payableCents: number }>;
  jobQuality: {
    overall: JobQualitySummary;
    byStream: Record<'A' | 'B' | 'C', JobQualitySummary>;
    retention: Record<Pbf, { met: number; recorded: number }>;
  };
}
const statement = (as: Session, fiscalYear: number, quarter: number, organizationId = world.a.provider1) =>
  world.request(as, {
    method: 'GET',
    url: '/api/pbf/statements',
    query: { organizationId, fiscalYear: String(fiscalYear), quarter: String(quarter) },
  });

describe('PBF ledger lines (M8, M9, M10, F12)', () => {
  it('M3/M8: the four PBF lines exist once monitoring has started, unrecorded ones not met (outcome pending)', async () => {
    const planId = await activePlan();
    expect(await linesOf(planId)).toEqual({});
    await employed(planId, [{ minutesPerWeek: 1800 }]);
    const lines = await linesOf(planId);
    expect(Object.keys(lines).sort()).toEqual(['month_1', 'month_12', 'month_3', 'month_6']);
    for (const kind of Object.keys(DUE) as Pbf[]) {
      expect(lines[kind]).toMatchObject({ state: 'not_met', reason: 'outcome_pending', dueOn: DUE[kind] });
      expect(lines[kind].amountCents).toBe(A[kind]);
    }
    expect(lines.month_1).toMatchObject({ fiscalYear: 2025, fiscalQuarter: 2 });
    expect(lines.month_12).toMatchObject({ fiscalYear: 2026, fiscalQuarter: 1 });
  });

  it('M9: a met checkpoint without sufficient evidence never becomes earned, and the SSM cannot approve it (422 M9)', async () => {
    const planId = await activePlan();
    const [jobId] = await employed(planId, [{ minutesPerWeek: 1800 }]);
    const checkpointId = await checkpoint(planId, 'month_1', [{ jobId: jobId!, minutesPerWeek: 1800 }]);
    expect(await lineOf(planId, 'month_1')).toMatchObject({
      state: 'not_met',
      reason: 'evidence_insufficient',
    });
    // A stub without the 20+ hours is not sufficient either.
    await payStub(planId, 'month_1', false);
    await submit(planId, 'month_1');
    expect(await lineOf(planId, 'month_1')).toMatchObject({
      state: 'not_met',
      reason: 'evidence_insufficient',
    });
    const refused = await approve(checkpointId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'rule_refused', rule: 'M9' });
    expect((refused.json() as { detail: string }).detail).toMatch(/^M9: /);
    expect(await lineOf(planId, 'month_1')).toMatchObject({
      state: 'not_met',
      reason: 'evidence_insufficient',
    });
    // With a sufficient stub the line is earned at once, and approved on review.
    await payStub(planId, 'month_1');
    expect(await lineOf(planId, 'month_1')).toMatchObject({ state: 'earned', reason: null });
    const approved = await approve(checkpointId);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toEqual({
      checkpointId,
      reviewState: 'approved',
      ledger: { state: 'approved', reason: null, amountCents: A.month_1 },
    });
  });

  it('M10: an attestation counts only once SSM-pre-approved AND signed by the lead; a rejected one never', async () => {
    const planId = await activePlan();
    const [jobId] = await employed(planId, [{ minutesPerWeek: 1800 }]);
    const checkpointId = await checkpoint(planId, 'month_1', [{ jobId: jobId!, minutesPerWeek: 1800 }]);
    const attest = async () =>
      (
        await ok<{ checkpoints: { kind: string; attestation: { id: string } | null }[] }>(
          world,
          cw,
          'POST',
          `/api/plans/${planId}/checkpoints/month_1/attestation`,
          { covers: ['checkpoint'], rationale: 'The employer closed.', attempts: 'Three calls, two emails.' },
        )
      ).checkpoints.find((c) => c.kind === 'month_1')!.attestation!.id;
    const first = await attest();
    await submit(planId, 'month_1');
    // The queue shows the request; rejecting it leaves the line unproven.
    const queue = await ok<{ attestations: { id: string; rationale: string }[] }>(
      world,
      qa,
      'GET',
      '/api/pbf/review-queue',
    );
    expect(queue.attestations.find((a) => a.id === first)?.rationale).toBe('The employer closed.');
    const rejected = await world.request(qa, {
      method: 'POST',
      url: `/api/pbf/attestations/${first}/reject`,
      payload: { reason: 'Ask the client for a bank statement first.' },
    });
    expect(rejected.json()).toMatchObject({
      state: 'rejected',
      ledger: { state: 'not_met', reason: 'evidence_insufficient' },
    });
    const second = await attest();
    const pre = await world.request(qa, {
      method: 'POST',
      url: `/api/pbf/attestations/${second}/pre-approve`,
      payload: {},
    });
    expect(pre.statusCode).toBe(200);
    // Pre-approved, not yet signed: still not earned, and approval refused (M10 gap).
    expect(await lineOf(planId, 'month_1')).toMatchObject({
      state: 'not_met',
      reason: 'evidence_insufficient',
    });
    const early = await approve(checkpointId);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ rule: 'M10' });
    await ok(world, lead, 'POST', `/api/attestations/${second}/sign`);
    expect(await lineOf(planId, 'month_1')).toMatchObject({ state: 'earned' });
    expect((await approve(checkpointId)).json()).toMatchObject({ ledger: { state: 'approved' } });
  });

  it('M9: an SSM rejection reverses an earned line and an approved one; a paid line cannot be rejected (409)', async () => {
    const planId = await activePlan();
    const [jobId] = await employed(planId, [{ minutesPerWeek: 1800 }]);
    const m1 = await documented(planId, 'month_1', jobId!);
    const m3 = await documented(planId, 'month_3', jobId!);
    expect(await lineOf(planId, 'month_1')).toMatchObject({ state: 'earned' });
    // Earned (submitted) → rejected.
    const r1 = await reject(m1);
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toEqual({
      checkpointId: m1,
      reviewState: 'rejected',
      ledger: { state: 'not_met', reason: 'ssm_rejected', amountCents: A.month_1 },
    });
    // Approved (not paid) → rejected.
    expect((await approve(m3)).json()).toMatchObject({ ledger: { state: 'approved' } });
    expect((await reject(m3)).json()).toMatchObject({
      reviewState: 'rejected',
      ledger: { state: 'not_met', reason: 'ssm_rejected' },
    });
    const history = await world.db.select().from(planEvents).where(eq(planEvents.planId, planId));
    const rejections = history.filter((e) => e.kind === 'checkpoint_rejected');
    expect(rejections.map((e) => e.detail.reversedApproval)).toEqual([false, true]);
    expect(JSON.stringify(rejections)).not.toContain('pay period');
    // The provider corrects and resubmits; approved, paid, then no longer reversible.
    await submit(planId, 'month_3');
    expect((await approve(m3)).statusCode).toBe(200);
    const paid = await world.request(finance, {
      method: 'POST',
      url: '/api/pbf/statements/pay',
      payload: { organizationId: world.a.provider1, fiscalYear: 2025, quarter: 2 },
    });
    expect(paid.statusCode).toBe(200);
    expect(await lineOf(planId, 'month_3')).toMatchObject({ state: 'paid' });
    const late = await reject(m3);
    expect(late.statusCode).toBe(409);
    // K6 in both languages, like every refusal.
    expect(late.json()).toMatchObject({ code: 'line_paid', rule: 'K6' });
    expect((late.json() as { detail: string }).detail).toMatch(/^K6: /);
    expect((late.json() as { messageFr: string }).messageFr).toMatch(/^K6 : la ligne de FAR/);
    expect(await lineOf(planId, 'month_3')).toMatchObject({ state: 'paid' });
  });

  it('M8: 1, 3 and 6 months met and 12 not → three payable lines, the 12-month one not met', async () => {
    const planId = await activePlan();
    const [jobId] = await employed(planId, [{ minutesPerWeek: 1800, endedOn: '2026-03-31' }]);
    for (const kind of ['month_1', 'month_3', 'month_6'] as const) await documented(planId, kind, jobId!);
    await checkpoint(planId, 'month_12', []);
    await submit(planId, 'month_12');
    const lines = await linesOf(planId);
    expect(lines.month_1.state).toBe('earned');
    expect(lines.month_3.state).toBe('earned');
    expect(lines.month_6.state).toBe('earned');
    expect(lines.month_12).toMatchObject({ state: 'not_met', reason: 'funded_outcome_not_met' });
  });

  it('F12: supports over months 1 and 3 defer them; month 6 met unsubsidized releases all three', async () => {
    const planId = await activePlan();
    const [jobId] = await employed(planId, [
      { minutesPerWeek: 1800, employerSupport: { startsOn: START, endsOn: '2025-09-30' } },
    ]);
    await documented(planId, 'month_1', jobId!);
    await documented(planId, 'month_3', jobId!);
    let lines = await linesOf(planId);
    expect(lines.month_1).toMatchObject({ state: 'deferred', reason: 'employer_supports_active' });
    expect(lines.month_3).toMatchObject({ state: 'deferred', reason: 'employer_supports_active' });
    await documented(planId, 'month_6', jobId!);
    lines = await linesOf(planId);
    expect(lines.month_1).toMatchObject({ state: 'released', retroactive: true, reason: null });
    expect(lines.month_3).toMatchObject({ state: 'released', retroactive: true });
    expect(lines.month_6).toMatchObject({ state: 'earned', retroactive: false });
  });
});

describe('the SSM review queue (M9, M10)', () => {
  it('M9: lists submitted checkpoints of the catchment with funded outcome, evidence and gaps; audited; not for providers', async () => {
    const planId = await activePlan();
    const [jobId] = await employed(planId, [{ minutesPerWeek: 1800 }]);
    const checkpointId = await checkpoint(planId, 'month_1', [{ jobId: jobId!, minutesPerWeek: 1800 }]);
    await payStub(planId, 'month_1', false);
    await submit(planId, 'month_1');
    const queue = await ok<{
      checkpoints: {
        checkpointId: string;
        fundedOutcome: { met: boolean };
        evidence: { kind: string; sufficient: boolean; fileName: string | null }[];
        evidenceGaps: { rule: string; code: string }[];
      }[];
    }>(world, qa, 'GET', '/api/pbf/review-queue');
    const item = queue.checkpoints.find((c) => c.checkpointId === checkpointId)!;
    expect(item.fundedOutcome.met).toBe(true);
    expect(item.evidence.map((e) => [e.kind, e.sufficient, e.fileName])).toEqual([
      ['offer_letter', true, 'offer.pdf'],
      ['pay_stub', false, 'stub-month_1.pdf'],
    ]);
    expect(item.evidenceGaps).toEqual([{ rule: 'M9', part: 'checkpoint', code: 'no_sufficient_document' }]);
    const audited = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'checkpoint'), eq(auditLog.entityId, checkpointId)));
    expect(audited.some((a) => a.action === 'read' && a.actorUserId === qa.userId)).toBe(true);
    expect((await world.request(lead, { method: 'GET', url: '/api/pbf/review-queue' })).statusCode).toBe(403);
    const foreign = await world.request(world.bSessions.ssm_admin, {
      method: 'POST',
      url: `/api/pbf/checkpoints/${checkpointId}/approve`,
      payload: {},
    });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('M5: the 5% stacking cap across a provider’s clients', () => {
  it('M5: a stacked outcome over the provider’s 5% for the period is refused (stacking_cap); single-job outcomes count', async () => {
    const single = await activePlan();
    const [job] = await employed(single, [{ minutesPerWeek: 1800 }]);
    await documented(single, 'month_1', job!);
    const stacked = await activePlan();
    const [a, b] = await employed(stacked, [
      { minutesPerWeek: 720, employerName: 'Cafe' },
      { minutesPerWeek: 600, employerName: 'Grocer' },
    ]);
    await checkpoint(stacked, 'month_1', [
      { jobId: a!, minutesPerWeek: 720 },
      { jobId: b!, minutesPerWeek: 600 },
    ]);
    await payStub(stacked, 'month_1');
    await submit(stacked, 'month_1');
    expect(await lineOf(single, 'month_1')).toMatchObject({ state: 'earned', stacked: false });
    // Two funded outcomes in the period: floor(5% × 2) = 0 stacked ones allowed.
    expect(await lineOf(stacked, 'month_1')).toMatchObject({
      state: 'not_met',
      reason: 'stacking_cap',
      stacked: true,
      stackingRefused: true,
    });
  });
});

describe('statements, payment and funding agreements (K4, K6)', () => {
  let planA: string;
  let planB: string;
  beforeAll(async () => {
    // A provider of its own (provider two), so the totals are this block's alone.
    const p2 = world.provider2Caseworker;
    // L4's known inputs: plan A's permanent job at 30 h and $21.50, then 25 h and $23.00 at month
    // 3; plan B's temporary job at 40 h and $17.00 at month 1, lost before month 3.
    planA = await activePlan(p2);
    const [ja] = await employed(planA, [{ minutesPerWeek: 1800, hourlyWageCents: 2150 }], p2);
    await documented(planA, 'month_1', ja!, 1800, p2, 2150);
    await documented(planA, 'month_3', ja!, 1500, p2, 2300);
    planB = await activePlan(p2);
    const [jb] = await employed(
      planB,
      [{ minutesPerWeek: 1800, endedOn: '2025-08-31', hourlyWageCents: 1700, permanence: 'temporary' }],
      p2,
    );
    await documented(planB, 'month_1', jb!, 2400, p2, 1700);
    await checkpoint(planB, 'month_3', [], p2);
  });

  it('K6: the statement’s totals reconcile with its per-client lines and with each plan’s ledger', async () => {
    const res = await statement(finance, 2025, 2, world.a.provider2);
    expect(res.statusCode).toBe(200);
    const s = res.json() as Statement;
    expect(s.label).toBe('2025–26 Q2');
    expect(s.lines).toHaveLength(4);
    const sum = (state: string) =>
      s.lines.filter((l) => l.state === state).reduce((t, l) => t + l.amountCents, 0);
    expect(s.totals.earnedCents).toBe(sum('earned'));
    expect(s.totals.earnedCents).toBe(A.month_1 * 2 + A.month_3);
    expect(s.totals.payableCents).toBe(s.lines.reduce((t, l) => t + l.payableCents, 0));
    expect(s.totals.notMetCount).toBe(1);
    expect(s.totals.lineCount).toBe(4);
    expect(s.byStream.A.payableCents + s.byStream.B.payableCents + s.byStream.C.payableCents).toBe(
      s.totals.payableCents,
    );
    // Per plan: the ledger's lines of the quarter add up to the statement's total.
    let perPlan = 0;
    for (const planId of [planA, planB]) {
      const lines = Object.values(await linesOf(planId)).filter(
        (l) => l.fiscalYear === 2025 && l.fiscalQuarter === 2,
      );
      perPlan += lines
        .filter((l) => ['earned', 'released', 'approved', 'paid'].includes(l.state))
        .reduce((t, l) => t + l.amountCents, 0);
    }
    expect(perPlan).toBe(s.totals.payableCents);
  });

  it('L4: job quality beside the counts — each line’s counted job, and hours, wage, permanence, full time and retention over the lines', async () => {
    const s = (await statement(finance, 2025, 2, world.a.provider2)).json() as Statement;
    const line = (planId: string, checkpoint: Pbf) =>
      s.lines.find((l) => l.planId === planId && l.checkpoint === checkpoint)!;
    expect(line(planA, 'month_1')).toMatchObject({
      fundedOutcomeMet: true,
      minutesPerWeek: 1800,
      hourlyWageCents: 2150,
      permanence: 'permanent',
    });
    // The month-3 ESQ's hours and wage, not the job's own.
    expect(line(planA, 'month_3')).toMatchObject({
      fundedOutcomeMet: true,
      minutesPerWeek: 1500,
      hourlyWageCents: 2300,
      permanence: 'permanent',
    });
    expect(line(planB, 'month_1')).toMatchObject({
      fundedOutcomeMet: true,
      minutesPerWeek: 2400,
      hourlyWageCents: 1700,
      permanence: 'temporary',
    });
    expect(line(planB, 'month_3')).toMatchObject({
      fundedOutcomeMet: false,
      minutesPerWeek: null,
      hourlyWageCents: null,
      permanence: null,
    });
    const expected: JobQualitySummary = {
      metCount: 3,
      averageMinutesPerWeek: 1900, // (1800 + 1500 + 2400) / 3
      medianHourlyWageCents: 2150, // of 1700, 2150, 2300
      permanent: { numerator: 2, denominator: 3 },
      fullTime: { numerator: 2, denominator: 3 }, // 25 h is not full time
    };
    expect(s.jobQuality.overall).toEqual(expected);
    // Reconciles with the lines: one met outcome per line whose funded outcome is met (here the
    // earned ones), and the streams add up to the overall count.
    expect(s.jobQuality.overall.metCount).toBe(s.lines.filter((l) => l.fundedOutcomeMet).length);
    expect(s.jobQuality.overall.metCount).toBe(s.lines.filter((l) => l.state !== 'not_met').length);
    const stream = s.lines[0]!.stream;
    expect(s.jobQuality.byStream[stream]).toEqual(expected);
    expect(
      s.jobQuality.byStream.A.metCount + s.jobQuality.byStream.B.metCount + s.jobQuality.byStream.C.metCount,
    ).toBe(3);
    expect(s.jobQuality.retention).toEqual({
      month_1: { met: 2, recorded: 2 },
      month_3: { met: 1, recorded: 2 },
      month_6: { met: 0, recorded: 0 },
      month_12: { met: 0, recorded: 0 },
    });
  });

  it('K6: the CSV has a header, one row per line and a totals row, amounts in dollars', async () => {
    const res = await world.request(finance, {
      method: 'GET',
      url: '/api/pbf/statements.csv',
      query: { organizationId: world.a.provider2, fiscalYear: '2025', quarter: '2' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pbf-provider-two-2025-Q2.csv"');
    const rows = res.body.trim().split('\r\n');
    expect(rows[0]).toBe(
      'plan_reference,client_name,stream,checkpoint,due_on,state,reason,retroactive,stacked,stacking_refused,amount,payable,paid_at,hours_per_week,hourly_wage,permanence',
    );
    expect(rows).toHaveLength(1 + 4 + 1);
    expect(rows.filter((r) => r.includes(',month_1,2025-07-02,earned,'))).toHaveLength(2);
    const m1 = (A.month_1 / 100).toFixed(2);
    // L4: the counted job's hours (one decimal), best wage in dollars and permanence.
    expect(rows.some((r) => r.endsWith(`,${m1},${m1},,30.0,21.50,permanent`))).toBe(true);
    expect(rows.some((r) => r.endsWith(`,${m1},${m1},,40.0,17.00,temporary`))).toBe(true);
    expect(
      rows.some((r) => r.includes(',month_3,2025-09-02,earned,') && r.endsWith(',25.0,23.00,permanent')),
    ).toBe(true);
    expect(rows.some((r) => r.includes(',funded_outcome_not_met,') && r.endsWith(',,,'))).toBe(true);
    expect(rows.at(-1)).toBe(
      `Total,,,,,,,,,,${((2 * A.month_1 + 2 * A.month_3) / 100).toFixed(2)},${((2 * A.month_1 + A.month_3) / 100).toFixed(2)},,,,`,
    );
  });

  it('K6: a provider reads only its own statement (403 for another provider’s, 404 for another catchment’s)', async () => {
    expect((await statement(lead, 2025, 2, world.a.provider2)).statusCode).toBe(403);
    expect((await statement(lead, 2025, 2, world.a.provider1)).statusCode).toBe(200);
    expect((await statement(finance, 2025, 2, world.b.provider)).statusCode).toBe(404);
    expect((await statement(cw, 2025, 2, world.a.provider1)).statusCode).toBe(403);
    const bad = await world.request(finance, {
      method: 'GET',
      url: '/api/pbf/statements',
      query: { organizationId: world.a.provider2, fiscalYear: '2025', quarter: '5' },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('query.quarter');
  });

  it('K4: a funding-agreement change moves unpaid amounts, not paid ones; K6 pays approved lines with a plan event', async () => {
    const m1 = (await linesOf(planA)).month_1;
    const queue = await ok<{ checkpoints: { checkpointId: string; planId: string; kind: string }[] }>(
      world,
      qa,
      'GET',
      '/api/pbf/review-queue',
    );
    const id = queue.checkpoints.find((c) => c.planId === planA && c.kind === 'month_1')!.checkpointId;
    expect((await approve(id)).statusCode).toBe(200);
    const paid = await world.request(finance, {
      method: 'POST',
      url: '/api/pbf/statements/pay',
      payload: { organizationId: world.a.provider2, fiscalYear: 2025, quarter: 2 },
    });
    expect(paid.statusCode).toBe(200);
    expect((paid.json() as Statement).totals.paidCents).toBe(A.month_1);
    const events = await world.db.select().from(planEvents).where(eq(planEvents.planId, planA));
    expect(events.filter((e) => e.kind === 'pbf_paid')).toHaveLength(1);
    const before = await ok<{ isDefault: boolean }>(
      world,
      lead,
      'GET',
      `/api/pbf/funding-agreements/${world.a.provider1}`,
    );
    expect(before.isDefault).toBe(true);
    const custom = { month_1: 11_100, month_3: 22_200, month_6: 33_300, month_12: 44_400 };
    const amounts = { A: custom, B: custom, C: custom };
    const put = await world.request(finance, {
      method: 'PUT',
      url: `/api/pbf/funding-agreements/${world.a.provider2}`,
      payload: { amounts },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ isDefault: false, amounts });
    const after = await linesOf(planA);
    expect(after.month_1).toMatchObject({ state: 'paid', amountCents: m1.amountCents });
    expect(after.month_3).toMatchObject({ state: 'earned', amountCents: 22_200 });
    expect((await linesOf(planB)).month_1.amountCents).toBe(11_100);
    const negative = await world.request(finance, {
      method: 'PUT',
      url: `/api/pbf/funding-agreements/${world.a.provider2}`,
      payload: { amounts: { ...amounts, A: { ...custom, month_1: -1 } } },
    });
    expect(negative.statusCode, negative.body).toBe(400);
    const byLead = await world.request(lead, {
      method: 'PUT',
      url: `/api/pbf/funding-agreements/${world.a.provider1}`,
      payload: { amounts },
    });
    expect(byLead.statusCode).toBe(403);
  });
});
