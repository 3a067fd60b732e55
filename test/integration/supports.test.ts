import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, auditLog, clients, plans } from '../../src/db/schema.js';
import { addClosure } from '../support/fixtures.js';
import { activePlanFor, activeSaPlan, backdated } from '../support/monitoring.js';
import { planClient, torontoToday } from '../support/plans.js';
import {
  appToday,
  boots,
  issueBody,
  laptop,
  receiptBody,
  reportedSupport,
  requestSupport,
  supportRequest,
  supportStep,
  type ProblemBody,
  type SupportViewLike,
} from '../support/supports.js';
import { createWorld, type Session, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world?.close());

const caseworker = () => world.as.provider_caseworker;
let sinBase = 9_100_000;
const freshPlan = async () => (await activePlanFor(world, caseworker(), (sinBase += 1000))).id;

const post = (url: string, payload: Record<string, unknown>, as = caseworker()) =>
  world.request(as, { method: 'POST', url, payload });
const get = (url: string, as = caseworker()) => world.request(as, { method: 'GET', url });

describe('F6: SSM pre-approval', () => {
  it('F6: an item needing pre-approval cannot be issued before approval ($1,200 laptop); $150 boots issue directly', async () => {
    const planId = await freshPlan();
    const l = await requestSupport(world, caseworker(), planId, laptop(world));
    expect(l.state).toBe('pre_approval_pending');
    expect(l.preApprovalReasons).toEqual(['item_exceeds_1000']);
    expect(l.approvedOn).toBeNull();
    expect(l.reference).toMatch(/^ERFS-\d{6}$/);

    const early = await post(`/api/supports/${l.id}/issue`, issueBody(torontoToday()));
    expect(early.statusCode).toBe(409);
    const problem = early.json() as ProblemBody;
    expect(problem.rule).toBe('F6');
    expect(problem.code).toBe('pre_approval_required');
    expect(problem.messageFr).toContain('F6');

    // The caseworker cannot pre-approve their own request; the SSM manager can.
    expect((await post(`/api/supports/${l.id}/pre-approval`, { decision: 'approve' })).statusCode).toBe(403);
    const approved = await supportStep(world, world.as.ssm_manager, l.id, 'pre-approval', {
      decision: 'approve',
      note: 'Quote checked',
    });
    expect(approved.state).toBe('approved');
    expect(approved.approvedOn).toBe(torontoToday());
    // The reasons stay frozen on the support after approval.
    expect(approved.preApprovalReasons).toEqual(['item_exceeds_1000']);
    const issued = await supportStep(world, caseworker(), l.id, 'issue', issueBody(torontoToday()));
    expect(issued.state).toBe('issued');
    expect(issued.reportDueOn).not.toBeNull();

    const b = await requestSupport(world, caseworker(), planId, boots(world));
    expect(b.state).toBe('approved');
    expect(b.preApprovalReasons).toEqual([]);
    expect(b.approvedOn).toBe(torontoToday());
    expect((await supportStep(world, caseworker(), b.id, 'issue', issueBody(torontoToday()))).state).toBe(
      'issued',
    );
  });

  it('F6: $1,000.00 exactly needs no pre-approval, $1,000.01 does (strict "exceeds"); the preview says so first', async () => {
    const planId = await freshPlan();
    const preview = await post(
      `/api/plans/${planId}/supports/preview`,
      laptop(world, { amountCents: 100_001 }),
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      preApprovalReasons: ['item_exceeds_1000'],
      problems: [],
      planTotalCents: 0,
    });
    const exact = await requestSupport(world, caseworker(), planId, laptop(world, { amountCents: 100_000 }));
    expect(exact.preApprovalReasons).toEqual([]);
    expect(exact.state).toBe('approved');
    const over = await requestSupport(world, caseworker(), planId, laptop(world, { amountCents: 100_001 }));
    expect(over.preApprovalReasons).toEqual(['item_exceeds_1000']);
    expect(over.state).toBe('pre_approval_pending');
    const list = await get(`/api/plans/${planId}/supports`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      planTotalCents: 200_001,
      thresholds: { itemCents: 100_000, planTotalCents: 350_000 },
    });
  });

  it('F6: concurrent requests cannot push a client past $3,500 without approval (4 × $900 at once)', async () => {
    const planId = await freshPlan();
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        post(
          `/api/plans/${planId}/supports`,
          boots(world, { amountCents: 90_000, description: `Tools ${n}` }),
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const views = results.map((r) => r.json() as SupportViewLike);
    const approved = views.filter((v) => v.state === 'approved');
    const waiting = views.filter((v) => v.state === 'pre_approval_pending');
    expect(approved.reduce((sum, v) => sum + v.amountCents, 0)).toBeLessThanOrEqual(350_000);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.every((v) => v.preApprovalReasons.includes('plan_total_exceeds_3500'))).toBe(true);
    // Decided one after the other: exactly the fourth $900 crosses $3,500.00.
    expect(approved).toHaveLength(3);
  });

  it('F6: a debt and an unlisted category need pre-approval whatever the amount; debt_payment must declare the debt (400)', async () => {
    const planId = await freshPlan();
    const debt = await requestSupport(
      world,
      caseworker(),
      planId,
      boots(world, {
        category: 'technology',
        purchaseForm: 'debt_payment',
        servicesDebt: true,
        amountCents: 5_000,
      }),
    );
    expect(debt.preApprovalReasons).toEqual(['services_debt']);
    const other = await requestSupport(
      world,
      caseworker(),
      planId,
      boots(world, { category: 'other', amountCents: 2_000 }),
    );
    expect(other.preApprovalReasons).toEqual(['unlisted_category']);
    const undeclared = await post(
      `/api/plans/${planId}/supports`,
      boots(world, { purchaseForm: 'debt_payment', servicesDebt: false }),
    );
    expect(undeclared.statusCode).toBe(400);
    expect((undeclared.json() as ProblemBody).errors?.[0]?.field).toBe('body.servicesDebt');
  });

  it('F6: the SSM refuses a pre-approval with a reason (the support is cancelled); a refusal without one is 400', async () => {
    const planId = await freshPlan();
    const l = await requestSupport(world, caseworker(), planId, laptop(world));
    const bare = await post(
      `/api/supports/${l.id}/pre-approval`,
      { decision: 'refuse' },
      world.as.ssm_finance,
    );
    expect(bare.statusCode).toBe(400);
    const refused = await supportStep(world, world.as.ssm_finance, l.id, 'pre-approval', {
      decision: 'refuse',
      note: 'A refurbished laptop is available from the lending library',
    });
    expect(refused.state).toBe('cancelled');
    const again = await post(
      `/api/supports/${l.id}/pre-approval`,
      { decision: 'approve' },
      world.as.ssm_finance,
    );
    expect(again.statusCode).toBe(409);
  });

  it('F6: the SSM approvals queue lists pending pre-approvals with their reasons and reports to review', async () => {
    const planId = await freshPlan();
    const l = await requestSupport(world, caseworker(), planId, laptop(world));
    const r = await reportedSupport(world, caseworker(), planId, boots(world));
    const queue = await get('/api/supports/approvals', world.as.ssm_manager);
    expect(queue.statusCode).toBe(200);
    const body = queue.json() as { preApprovals: SupportViewLike[]; reports: SupportViewLike[] };
    expect(body.preApprovals.find((s) => s.id === l.id)?.preApprovalReasons).toEqual(['item_exceeds_1000']);
    expect(body.reports.map((s) => s.id)).toContain(r.id);
    expect((await get('/api/supports/approvals', world.bSessions.ssm_admin)).statusCode).toBe(403);
  });
});

describe('F1, F4, F5, F8, F9: who may receive a support and what a request must say', () => {
  it('F1: the plan’s supports say who may request one now: the delivering provider, not the SSM', async () => {
    const planId = await freshPlan();
    const as = async (session: Session) =>
      (await world.request(session, { method: 'GET', url: `/api/plans/${planId}/supports` })).json() as {
        requesting: unknown;
      };
    expect((await as(caseworker())).requesting).toEqual({ allowed: true, problems: [] });
    expect((await as(world.as.ssm_manager)).requesting).toEqual({ allowed: false, problems: [] });
  });

  it('F4: the plan’s goals and items to link a request to, items named in both languages', async () => {
    const planId = await freshPlan();
    const view = (await get(`/api/plans/${planId}/supports`)).json() as {
      goals: { ordinal: number }[];
      items: { id: string; title: string; titleFr: string }[];
    };
    expect(view.goals.map((g) => g.ordinal)).toEqual([1, 2]);
    const rows = (
      (await world.db.execute(
        sql`select c.name_en, c.name_fr from plan_items i join plan_item_catalogue c on c.id = i.catalogue_item_id
            where i.plan_id = ${planId}`,
      )) as unknown as { rows: { name_en: string; name_fr: string }[] }
    ).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(view.items.map((i) => [i.title, i.titleFr]).sort()).toEqual(
      rows.map((r) => [r.name_en, r.name_fr]).sort(),
    );
  });

  it('F1: a self-directed client is refused', async () => {
    const planId = await freshPlan();
    const [plan] = await world.db.select().from(plans).where(eq(plans.id, planId));
    // A plan is only built from a case-managed CA (A1), so the fixture rewrites the submitted CA
    // past its C11 trigger: the API must still refuse if the service level says self-directed.
    await world.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx
        .update(assessments)
        .set({ serviceLevel: 'self_directed' })
        .where(eq(assessments.id, plan!.assessmentId));
    });
    const res = await post(`/api/plans/${planId}/supports`, boots(world));
    expect(res.statusCode).toBe(422);
    const problem = res.json() as ProblemBody;
    expect(problem.rule).toBe('F1');
    expect(problem.problems?.map((p) => p.code)).toEqual(['self_directed']);
    expect(problem.problems?.[0]?.fr).toContain('autonomes');
    // The plan's supports page says so before anyone fills in the form.
    const page = await world.request(caseworker(), {
      method: 'GET',
      url: `/api/plans/${planId}/supports`,
    });
    expect(page.json()).toMatchObject({
      requesting: { allowed: false, problems: [{ rule: 'F1', code: 'self_directed' }] },
    });
  });

  it('F4/F5: every unanswered principle and category problem is listed at once', async () => {
    const planId = await freshPlan();
    const res = await post(
      `/api/plans/${planId}/supports`,
      boots(world, {
        category: 'emergency_childcare',
        planGoalOrdinal: null,
        periodFrom: '2026-06-01',
        periodTo: '2026-06-15',
        justification: { ...(supportRequest(world).justification as object), evidenceOfNeed: ' ' },
      }),
    );
    expect(res.statusCode).toBe(422);
    const problem = res.json() as ProblemBody;
    expect(problem.rule).toBe('F4');
    expect(problem.problems?.map((p) => `${p.rule}:${p.code}`)).toEqual([
      'F4:no_evidence_of_need',
      'F4:not_linked_to_plan',
      'F5:childcare_over_2_weeks',
    ]);
  });

  it('F9: an SA client’s request without the coordination note is refused; with it, accepted', async () => {
    const { plan } = await activeSaPlan(world, caseworker(), world.as.sa_caseworker, (sinBase += 1000));
    const res = await post(`/api/plans/${plan.id}/supports`, boots(world));
    expect(res.statusCode).toBe(422);
    expect((res.json() as ProblemBody).rule).toBe('F9');
    expect((res.json() as ProblemBody).problems?.[0]?.code).toBe('sa_coordination_note_missing');
    const ok = await requestSupport(
      world,
      caseworker(),
      plan.id,
      boots(world, { saCoordinationNote: 'OW caseworker agreed: ERFS pays, no OW benefit for boots.' }),
    );
    expect(ok.state).toBe('approved');
  });

  it('F8: the ODSP Client Reserve is refused for a client who is not an ODSP recipient with a disability', async () => {
    const planId = await freshPlan();
    const res = await post(
      `/api/plans/${planId}/supports`,
      boots(world, {
        category: 'work_related_disability',
        fundingSource: 'odsp_client_reserve',
        odspReserveUse: 'workplace_accommodation',
        odspDeclarations: { owedByEmployer: false },
      }),
    );
    expect(res.statusCode).toBe(422);
    const problem = res.json() as ProblemBody;
    expect(problem.problems?.map((p) => p.code)).toContain('not_odsp_with_disability');
    expect(problem.problems?.some((p) => p.rule === 'F8')).toBe(true);
  });

  it('F13: a purchase from an individual is refused at request', async () => {
    const planId = await freshPlan();
    const res = await post(`/api/plans/${planId}/supports`, boots(world, { sellerKind: 'individual' }));
    expect(res.statusCode).toBe(422);
    expect((res.json() as ProblemBody).problems?.map((p) => p.code)).toEqual(['purchase_from_individual']);
  });

  it('another provider may not request a support on a plan it does not deliver, nor see one', async () => {
    const planId = await freshPlan();
    const s = await requestSupport(world, caseworker(), planId, boots(world));
    expect(
      (await post(`/api/plans/${planId}/supports`, boots(world), world.provider2Caseworker)).statusCode,
    ).toBe(404);
    expect((await get(`/api/supports/${s.id}`, world.provider2Caseworker)).statusCode).toBe(404);
    expect((await get(`/api/supports/${s.id}`, world.bSessions.provider_caseworker)).statusCode).toBe(404);
  });
});

describe('F13: issuing and reporting', () => {
  it('F13: a report is refused without an itemized receipt (screenshot, card slip named) and accepted with one', async () => {
    const planId = await freshPlan();
    const s = await requestSupport(world, caseworker(), planId, boots(world));
    expect((await post(`/api/supports/${s.id}/evidence`, receiptBody())).statusCode).toBe(409);
    await supportStep(world, caseworker(), s.id, 'issue', issueBody(torontoToday()));
    await supportStep(world, caseworker(), s.id, 'evidence', receiptBody('account_screenshot'));
    const withSlip = await supportStep(world, caseworker(), s.id, 'evidence', receiptBody('card_slip'));
    expect(withSlip.evidenceProblems.map((p) => p.code)).toEqual([
      'screenshot_not_evidence',
      'card_slip_without_itemized_receipt',
      'no_itemized_receipt',
    ]);
    const refused = await post(`/api/supports/${s.id}/report`, {});
    expect(refused.statusCode).toBe(422);
    const problem = refused.json() as ProblemBody;
    expect(problem.rule).toBe('F13');
    expect(problem.problems?.map((p) => p.code)).toContain('card_slip_without_itemized_receipt');
    expect(problem.problems?.map((p) => p.code)).toContain('screenshot_not_evidence');

    // The magic bytes must match the declared type (the monitoring check).
    const fake = await post(
      `/api/supports/${s.id}/evidence`,
      receiptBody('itemized_receipt', { contentType: 'image/png' }),
    );
    expect(fake.statusCode).toBe(400);
    const withReceipt = await supportStep(world, caseworker(), s.id, 'evidence', receiptBody());
    expect(withReceipt.evidenceProblems).toEqual([]);
    const reported = await supportStep(world, caseworker(), s.id, 'report', { note: 'Receipt attached' });
    expect(reported.state).toBe('reported');
    expect(reported.reportState).toBe('reported');
    expect(reported.reportedOn).toBe(torontoToday());

    const file = await get(`/api/support-evidence/${reported.evidence[0]!.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const reads = await world.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, reported.evidence[0]!.id));
    expect(reads.some((r) => r.action === 'read')).toBe(true);
  });

  it('F13: the report is due 3 business days after issue, over Good Friday and over an SSM closure; then overdue', async () => {
    const planId = await freshPlan();
    // Requested before the days it is issued on, so the issue date follows the approval.
    const [goodFriday, victoriaDay] = await backdated(world, new Date('2026-03-20T15:00:00Z'), async () => [
      await requestSupport(world, caseworker(), planId, boots(world)),
      await requestSupport(world, caseworker(), planId, boots(world)),
    ]);
    // Thursday 2 April 2026, the day before Good Friday: due Wednesday 8 April.
    const a = await supportStep(world, caseworker(), goodFriday!.id, 'issue', issueBody('2026-04-02'));
    expect(a.reportDueOn).toBe('2026-04-08');
    // Thursday 14 May: Victoria Day (18 May) and the SSM's closure on 19 May both skipped: due 21 May.
    await addClosure(world, world.a.catchmentId, '2026-05-19');
    const b = await supportStep(world, caseworker(), victoriaDay!.id, 'issue', issueBody('2026-05-14'));
    expect(b.reportDueOn).toBe('2026-05-21');
    expect(a.reportState).toBe('overdue');
    await supportStep(world, caseworker(), a.id, 'evidence', receiptBody());
    expect((await supportStep(world, caseworker(), a.id, 'report', {})).reportState).toBe('reported_late');
  });

  it('issue refuses a date after today and a second issue; cancel works before issue only', async () => {
    const planId = await freshPlan();
    const s = await requestSupport(world, caseworker(), planId, boots(world));
    const future = await post(`/api/supports/${s.id}/issue`, issueBody('2199-01-01'));
    expect(future.statusCode).toBe(400);
    expect((future.json() as ProblemBody).errors?.[0]?.field).toBe('body.issuedOn');
    await supportStep(world, caseworker(), s.id, 'issue', issueBody(torontoToday()));
    expect((await post(`/api/supports/${s.id}/issue`, issueBody(torontoToday()))).statusCode).toBe(409);
    expect((await post(`/api/supports/${s.id}/cancel`, { reason: 'Not needed' })).statusCode).toBe(409);
    const other = await requestSupport(world, caseworker(), planId, boots(world));
    expect(
      (await supportStep(world, caseworker(), other.id, 'cancel', { reason: 'Client found boots' })).state,
    ).toBe('cancelled');
  });
});

describe('F11: the SSM’s review', () => {
  it('F11: only a malfeasance-review withholding is lifted, and only by the SSM (the provider cannot report it again); the others wait for a corrected report', async () => {
    const planId = await freshPlan();
    const s = await reportedSupport(world, caseworker(), planId, boots(world));
    const missingNote = await post(
      `/api/supports/${s.id}/review`,
      { decision: 'withhold', reason: 'no_evidence_of_need' },
      world.as.ssm_manager,
    );
    expect(missingNote.statusCode).toBe(400);
    const withheld = await supportStep(world, world.as.ssm_manager, s.id, 'review', {
      decision: 'withhold',
      reason: 'no_evidence_of_need',
      note: 'The need is not described',
    });
    expect(withheld.state).toBe('withheld');
    expect(withheld.withholdReason).toBe('no_evidence_of_need');
    const lift = await post(`/api/supports/${s.id}/review`, { decision: 'approve' }, world.as.ssm_manager);
    expect(lift.statusCode).toBe(409);
    expect((lift.json() as ProblemBody).rule).toBe('F11');

    const t = await reportedSupport(world, caseworker(), planId, boots(world));
    const review = await get(`/api/supports/${t.id}`, world.as.ssm_manager);
    expect((review.json() as SupportViewLike).actions).toEqual(['approve_report', 'withhold']);
    const underReview = await supportStep(world, world.as.ssm_manager, t.id, 'review', {
      decision: 'withhold',
      reason: 'malfeasance_review',
      note: 'Vendor under review',
    });
    expect(underReview.actions).toEqual(['lift_withholding']);
    // F11: pending the review, the provider cannot report it again (that would clear the reason).
    const ownView = await get(`/api/supports/${t.id}`);
    expect((ownView.json() as SupportViewLike).actions).toEqual(['upload_evidence']);
    const reReport = await post(`/api/supports/${t.id}/report`, {});
    expect(reReport.statusCode).toBe(409);
    expect(reReport.json()).toMatchObject({ rule: 'F11', code: 'withholding_pending_review' });
    expect((reReport.json() as ProblemBody).messageFr).toContain('F11');
    const still = (await get(`/api/supports/${t.id}`, world.as.ssm_manager)).json() as SupportViewLike;
    expect(still).toMatchObject({ state: 'withheld', withholdReason: 'malfeasance_review' });
    const lifted = await supportStep(world, world.as.ssm_manager, t.id, 'review', { decision: 'approve' });
    expect(lifted.state).toBe('report_approved');
    expect(lifted.withholdReason).toBeNull();
  });
});

describe('I3: what the SA caseworker sees', () => {
  it('I3: the SA caseworker sees an issued support of a shared client without justification, gets 403 on the file; another provider gets 404', async () => {
    const sa = world.as.sa_caseworker;
    const { plan } = await activeSaPlan(world, caseworker(), sa, (sinBase += 1000));
    const note = { saCoordinationNote: 'OW agreed ERFS pays.' };
    const issued = await reportedSupport(world, caseworker(), plan.id, boots(world, note));
    const pending = await requestSupport(world, caseworker(), plan.id, laptop(world, note));

    const seen = await get(`/api/supports/${issued.id}`, sa);
    expect(seen.statusCode).toBe(200);
    const v = seen.json() as SupportViewLike;
    expect(v.state).toBe('reported');
    expect(v.justification).toBeNull();
    expect(v.saCoordinationNote).toBeNull();
    expect(v.actions).toEqual([]);
    expect(v.evidence).toHaveLength(1);
    expect(v.evidence[0]).toMatchObject({ kind: 'itemized_receipt', fileName: null });
    expect(JSON.stringify(v)).not.toContain('work boots on the floor');

    const file = await get(`/api/support-evidence/${v.evidence[0]!.id}/file`, sa);
    expect(file.statusCode).toBe(403);
    expect((file.json() as ProblemBody).rule).toBe('I2');
    // Not yet issued: not shared with SA.
    expect((await get(`/api/supports/${pending.id}`, sa)).statusCode).toBe(404);
    const list = await get(`/api/plans/${plan.id}/supports`, sa);
    expect((list.json() as { supports: SupportViewLike[] }).supports.map((s) => s.id)).toEqual([issued.id]);
    // Another SA caseworker and another provider do not see the client at all.
    expect((await get(`/api/supports/${issued.id}`, world.otherSaCaseworker)).statusCode).toBe(404);
    expect((await get(`/api/supports/${issued.id}`, world.provider2Caseworker)).statusCode).toBe(404);
    expect(
      (await get(`/api/support-evidence/${v.evidence[0]!.id}/file`, world.provider2Caseworker)).statusCode,
    ).toBe(404);
    // SSM staff without the approval role see the support but do not open the receipt.
    expect(
      (await get(`/api/support-evidence/${v.evidence[0]!.id}/file`, world.as.ssm_intake)).statusCode,
    ).toBe(403);
    expect(
      (await get(`/api/support-evidence/${v.evidence[0]!.id}/file`, world.as.ssm_finance)).statusCode,
    ).toBe(200);
  });

  it('every read of a client’s supports is audited', async () => {
    const planId = await freshPlan();
    const s = await requestSupport(world, caseworker(), planId, boots(world));
    await get(`/api/supports/${s.id}`);
    await get(`/api/plans/${planId}/supports`);
    const entries = await world.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorUserId, caseworker().userId));
    expect(
      entries.some((e) => e.action === 'read' && e.entityType === 'support' && e.entityId === s.id),
    ).toBe(true);
    expect(
      entries.some((e) => e.action === 'read' && e.entityType === 'plan_supports' && e.entityId === planId),
    ).toBe(true);
  });
});

describe('E7/F7: status-quo clients', () => {
  it('F7: a status-quo client’s support is requested outside any plan, only inside the window, and issued inside it', async () => {
    const clientId = await planClient(world, { sinBase: (sinBase += 1000) });
    await world.db.update(clients).set({ statusQuo: true }).where(eq(clients.id, clientId));
    const url = `/api/clients/${clientId}/supports`;
    const { planGoalOrdinal: _link, ...body } = boots(world, { plannedIssueOn: '2024-02-15' });
    const outside = await post(url, { ...body, plannedIssueOn: '2024-04-01' });
    expect(outside.statusCode).toBe(422);
    expect((outside.json() as ProblemBody).problems?.map((p) => p.code)).toEqual([
      'status_quo_outside_window',
    ]);

    const [inWindow, late] = await backdated(world, new Date('2024-02-01T15:00:00Z'), async () => [
      (await post(url, body)).json() as SupportViewLike,
      (await post(url, body)).json() as SupportViewLike,
    ]);
    expect(inWindow!.state).toBe('approved');
    expect(inWindow!.planId).toBeNull();
    const issued = await backdated(world, new Date('2024-03-15T15:00:00Z'), () =>
      supportStep(world, caseworker(), inWindow!.id, 'issue', issueBody('2024-03-15')),
    );
    expect(issued.state).toBe('issued');
    const afterWindow = await backdated(world, new Date('2024-04-02T15:00:00Z'), () =>
      post(`/api/supports/${late!.id}/issue`, issueBody('2024-04-02')),
    );
    expect(afterWindow.statusCode).toBe(422);
    expect((afterWindow.json() as ProblemBody).rule).toBe('F7');

    const list = await get(url);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ clientFlags: { statusQuo: true, serviceLevel: 'case_managed' } });
    expect((list.json() as { supports: unknown[] }).supports).toHaveLength(2);

    const ordinary = await planClient(world, { sinBase: (sinBase += 1000) });
    const refused = await post(`/api/clients/${ordinary}/supports`, body);
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as ProblemBody).rule).toBe('F7');
    expect(appToday(world)).toBe(torontoToday());
  });
});
