import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerSupportPeriods, pbfLedgerLines, placements, plans } from '../../src/db/schema.js';
import { addCalendarDays } from '../../src/domain/calendar/iso-date.js';
import { EMPLOYER_CHECKLIST_ITEMS } from '../../src/domain/supports/types.js';
import { ok } from '../support/assessments.js';
import { activePlanFor, backdated, daysFromToday } from '../support/monitoring.js';
import { buildPlanWith, draftPlanFor, torontoToday } from '../support/plans.js';
import { JUSTIFICATION } from '../support/supports.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * Placements through the API (F10, F12, F13, F14): the placement and its employer support in one
 * step, readiness before the support is issued, the F12 period that defers PBF while the employer
 * is paid, the F14 monitoring start of a placement meant to continue, and the F13 report deadline
 * when it ends.
 */
let world: World;
let cw: Session;
beforeAll(async () => {
  world = await createWorld();
  cw = world.as.provider_caseworker;
});
afterAll(() => world?.close());

interface SupportView {
  id: string;
  state: string;
  kind: string;
  amountCents: number;
  vendorName: string;
  reportDueOn: string | null;
  placementId: string | null;
  preApprovalReasons: string[];
}
interface Placement {
  id: string;
  planId: string;
  supportId: string;
  support: SupportView;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  readiness: { missing: string[] };
  reportDueOn: string | null;
  actions: string[];
}

const allConfirmed = Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, true]));

/** An employer of provider one with everything F10 asks: eligible, registered, visited in person on `visitedOn`. */
async function readyEmployer(visitedOn = torontoToday(), as: Session = cw): Promise<string> {
  const e = await ok<{ id: string }>(world, as, 'POST', '/api/employers', {
    legalName: 'Riverbend Logistics Inc.',
    registeredOn: visitedOn,
    locations: [{ label: 'Depot', street: '40 Dock St', city: 'Windsor', postalCode: 'N9A 4K2' }],
  });
  await ok(world, as, 'PUT', `/api/employers/${e.id}/checklist`, { checklist: allConfirmed });
  await ok(world, as, 'POST', `/api/employers/${e.id}/site-visits`, {
    visitedOn,
    mode: 'in_person',
    notes: 'Met the supervisor; reviewed the training plan.',
  });
  return e.id;
}

const placementBody = (
  employerId: string,
  startsOn: string,
  endsOn: string,
  extra: Record<string, unknown> = {},
) => ({
  employerId,
  jobTitle: 'Warehouse associate trainee',
  startsOn,
  endsOn,
  minutesPerWeek: 1800,
  hourlyWageCents: 1750,
  trainingIncentiveCents: 90_000,
  employerUse: 'placement_incentive',
  intendedToContinue: false,
  agreementSignedOn: torontoToday(),
  clientConsentSignedOn: torontoToday(),
  planGoalOrdinal: 1,
  justification: JUSTIFICATION,
  ...extra,
});

const place = (planId: string, body: object, as: Session = cw) =>
  ok<Placement>(world, as, 'POST', `/api/plans/${planId}/placements`, body);

const periodsOf = (planId: string) =>
  world.db.select().from(employerSupportPeriods).where(eq(employerSupportPeriods.planId, planId));

let sin = 7_600_000;
const freshPlan = async (as: Session = cw) => (await activePlanFor(world, as, (sin += 1000))).id;

describe('setting up a placement (F10, F1–F9 through the supports service)', () => {
  it('F10/F12: a placement under $1,000 creates its approved employer support and writes its supported period', async () => {
    const planId = await freshPlan();
    const employerId = await readyEmployer();
    const startsOn = daysFromToday(7);
    const p = await place(planId, placementBody(employerId, startsOn, addCalendarDays(startsOn, 90)));
    expect(p.readiness.missing).toEqual([]);
    expect(p.support).toMatchObject({
      kind: 'employer',
      state: 'approved',
      amountCents: 90_000,
      vendorName: 'Riverbend Logistics Inc.',
      placementId: p.id,
      preApprovalReasons: [],
    });
    expect(p.actions).toContain('start');
    const periods = await periodsOf(planId);
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({
      source: 'placement',
      startsOn,
      endsOn: addCalendarDays(startsOn, 90),
    });
    const [row] = await world.db.select().from(placements).where(eq(placements.id, p.id));
    expect(row!.employerSupportPeriodId).toBe(periods[0]!.id);
    const listed = await ok<{ placements: { id: string }[] }>(
      world,
      cw,
      'GET',
      `/api/plans/${planId}/placements`,
    );
    expect(listed.placements.map((x) => x.id)).toEqual([p.id]);
  });

  it('F6/F12: a placement over $1,000 waits for SSM pre-approval; its period is written only when the SSM approves', async () => {
    const planId = await freshPlan();
    const employerId = await readyEmployer();
    const startsOn = daysFromToday(10);
    const p = await place(
      planId,
      placementBody(employerId, startsOn, addCalendarDays(startsOn, 60), { trainingIncentiveCents: 150_000 }),
    );
    expect(p.support.state).toBe('pre_approval_pending');
    expect(p.support.preApprovalReasons).toContain('item_exceeds_1000');
    expect(p.actions).not.toContain('start');
    expect(await periodsOf(planId)).toEqual([]);
    await ok(world, world.as.ssm_manager, 'POST', `/api/supports/${p.supportId}/pre-approval`, {
      decision: 'approve',
    });
    const periods = await periodsOf(planId);
    expect(periods.map((x) => [x.source, x.startsOn])).toEqual([['placement', startsOn]]);
  });

  it('F12: cancelling the employer support removes the placement’s supported period', async () => {
    const planId = await freshPlan();
    const p = await place(planId, placementBody(await readyEmployer(), daysFromToday(5), daysFromToday(40)));
    expect(await periodsOf(planId)).toHaveLength(1);
    await ok(world, cw, 'POST', `/api/supports/${p.supportId}/cancel`, { reason: 'The employer withdrew.' });
    expect(await periodsOf(planId)).toEqual([]);
    const after = await ok<Placement>(world, cw, 'GET', `/api/placements/${p.id}`);
    expect(after.support.state).toBe('cancelled');
    expect(after.actions).toEqual([]);
  });

  it('F1–F9 run through the supports service: a placement without the F4 link to the plan is refused and nothing is written', async () => {
    const planId = await freshPlan();
    const employerId = await readyEmployer();
    const res = await world.request(cw, {
      method: 'POST',
      url: `/api/plans/${planId}/placements`,
      payload: placementBody(employerId, daysFromToday(5), daysFromToday(40), { planGoalOrdinal: null }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().rule).toBe('F4');
    expect(await world.db.select().from(placements).where(eq(placements.planId, planId))).toEqual([]);
  });

  it('refuses an end before the start, a future signature and another employer’s location, naming the field', async () => {
    const planId = await freshPlan();
    const employerId = await readyEmployer();
    const other = await ok<{ locations: { id: string }[] }>(world, cw, 'POST', '/api/employers', {
      legalName: 'Other Co.',
      locations: [{ label: 'Yard', street: '1 Yard Rd', city: 'Windsor', postalCode: 'N9A 2B2' }],
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: daysFromToday(1), startsOn: daysFromToday(5) }, 'body.endsOn'],
      [{ agreementSignedOn: daysFromToday(1) }, 'body.agreementSignedOn'],
      [{ locationId: other.locations[0]!.id }, 'body.locationId'],
    ];
    for (const [extra, field] of cases) {
      const res = await world.request(cw, {
        method: 'POST',
        url: `/api/plans/${planId}/placements`,
        payload: placementBody(employerId, daysFromToday(5), daysFromToday(40), extra),
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
  });

  it('scope: another provider’s plan and placements are 404 (its employers it may use), another catchment’s employer is 404', async () => {
    const planId = await freshPlan();
    const employerId = await readyEmployer();
    const body = placementBody(employerId, daysFromToday(5), daysFromToday(40));
    const p2 = world.provider2Caseworker;
    // Provider two sees provider one's employer, but not provider one's client's plan.
    expect(
      (await world.request(p2, { method: 'POST', url: `/api/plans/${planId}/placements`, payload: body }))
        .statusCode,
    ).toBe(404);
    const p2Plan = await freshPlan(p2);
    // Provider two may place its own client with an employer another provider registered.
    const theirs = await place(p2Plan, body, p2);
    expect(theirs.support.state).toBe('approved');
    expect((await world.request(cw, { method: 'GET', url: `/api/placements/${theirs.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await world.request(cw, {
          method: 'POST',
          url: `/api/placements/${theirs.id}/end`,
          payload: { endedOn: torontoToday() },
        })
      ).statusCode,
    ).toBe(404);
    // SSM staff read the catchment's placements, and change none.
    const ssm = await ok<Placement>(world, world.as.ssm_manager, 'GET', `/api/placements/${theirs.id}`);
    expect(ssm.actions).toEqual([]);
    const b = world.bSessions.provider_caseworker;
    const bEmployer = await ok<{ id: string }>(world, b, 'POST', '/api/employers', {
      legalName: 'Elsewhere Ltd.',
    });
    const foreign = await world.request(cw, {
      method: 'POST',
      url: `/api/plans/${planId}/placements`,
      payload: { ...body, employerId: bEmployer.id },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await world.request(b, { method: 'GET', url: `/api/placements/${theirs.id}` })).statusCode).toBe(
      404,
    );
  });
});

describe('issuing and reporting (F10, F13)', () => {
  it('F10: a placement not ready cannot have its support issued (409 placement_not_ready with the missing list)', async () => {
    const planId = await freshPlan();
    const e = await ok<{ id: string }>(world, cw, 'POST', '/api/employers', {
      legalName: 'Unvisited Works',
      registeredOn: torontoToday(),
    });
    await ok(world, cw, 'PUT', `/api/employers/${e.id}/checklist`, { checklist: allConfirmed });
    const p = await place(
      planId,
      placementBody(e.id, daysFromToday(-20), daysFromToday(-1), { agreementSignedOn: null }),
    );
    expect(p.readiness.missing).toEqual(['site_visit', 'placement_agreement']);
    await ok(world, cw, 'POST', `/api/placements/${p.id}/end`, { endedOn: daysFromToday(-1) });
    const issue = () =>
      world.request(cw, {
        method: 'POST',
        url: `/api/supports/${p.supportId}/issue`,
        payload: { issuedOn: torontoToday(), paymentMethod: 'cheque' },
      });
    const refused = await issue();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      rule: 'F10',
      code: 'placement_not_ready',
      missing: ['site_visit', 'placement_agreement'],
    });
    // Recording the agreement is not enough: the site visit is still missing.
    await ok(world, cw, 'PATCH', `/api/placements/${p.id}`, { agreementSignedOn: torontoToday() });
    expect((await issue()).json()).toMatchObject({ code: 'placement_not_ready', missing: ['site_visit'] });
  });

  it('F13: ending the placement sets the report due 15 business days later, across the Christmas holidays', async () => {
    const planId = await freshPlan();
    const employerId = await readyEmployer('2025-11-20');
    const p = await place(planId, placementBody(employerId, '2025-12-01', '2026-02-27'));
    expect(p.reportDueOn).toBeNull();
    expect(p.actions).toContain('end');
    const ended = await ok<Placement>(world, cw, 'POST', `/api/placements/${p.id}/end`, {
      endedOn: '2025-12-19',
    });
    // Friday 19 December 2025: 22–24, 29–31 December, 2, 5–9 and 12–14 January are the 15 business
    // days; Christmas, Boxing Day and New Year's Day are not.
    expect(ended.endedOn).toBe('2025-12-19');
    expect(ended.reportDueOn).toBe('2026-01-14');
    expect(ended.support.reportDueOn).toBe('2026-01-14');
    expect(ended.actions).toEqual([]);
    // F12: the supported period ends on the actual last day.
    expect((await periodsOf(planId)).map((x) => x.endsOn)).toEqual(['2025-12-19']);
    const again = await world.request(cw, {
      method: 'POST',
      url: `/api/placements/${p.id}/end`,
      payload: { endedOn: '2025-12-19' },
    });
    expect(again.statusCode).toBe(409);
    // The support may now be issued (ready, ended), its report due as the placement set it.
    const issued = await ok<SupportView>(world, cw, 'POST', `/api/supports/${p.supportId}/issue`, {
      issuedOn: torontoToday(),
      paymentMethod: 'eft',
    });
    expect(issued).toMatchObject({ state: 'issued', reportDueOn: '2026-01-14' });
  });

  it('F13/F12: two ends at once: one wins, the other is 409; the report due date and the supported period follow the winner', async () => {
    const planId = await freshPlan();
    const p = await place(
      planId,
      placementBody(await readyEmployer('2025-11-20'), '2025-12-01', '2026-02-27'),
    );
    const ends = ['2025-12-19', '2026-01-09'];
    const results = await Promise.all(
      ends.map((endedOn) =>
        world.request(cw, { method: 'POST', url: `/api/placements/${p.id}/end`, payload: { endedOn } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json() as Placement;
    expect((results.find((r) => r.statusCode === 409)!.json() as { code: string }).code).toBe(
      'placement_ended',
    );
    const [row] = await world.db.select().from(placements).where(eq(placements.id, p.id));
    expect(row!.endedOn).toBe(winner.endedOn);
    const after = await ok<Placement>(world, cw, 'GET', `/api/placements/${p.id}`);
    expect(after.support.reportDueOn).toBe(winner.reportDueOn);
    expect((await periodsOf(planId)).map((x) => x.endsOn)).toEqual([winner.endedOn]);
  });

  it('F13: the end is refused before the start or after today, naming the field', async () => {
    const planId = await freshPlan();
    const p = await place(
      planId,
      placementBody(await readyEmployer(), daysFromToday(-10), daysFromToday(30)),
    );
    for (const endedOn of [daysFromToday(-11), daysFromToday(1)]) {
      const res = await world.request(cw, {
        method: 'POST',
        url: `/api/placements/${p.id}/end`,
        payload: { endedOn },
      });
      expect(res.statusCode, endedOn).toBe(400);
      expect(res.json().errors[0].field).toBe('body.endedOn');
    }
  });
});

describe('monitoring and PBF (F12, F14)', () => {
  it('F14: a placement meant to continue as a job starts monitoring on its first day; one that is not does not', async () => {
    const continuing = await freshPlan();
    const startsOn = daysFromToday(-30);
    await place(
      continuing,
      placementBody(await readyEmployer(daysFromToday(-40)), startsOn, daysFromToday(60), {
        intendedToContinue: true,
      }),
    );
    const view = await ok<{ monitoringStart: { startOn: string; triggers: string[] } | null }>(
      world,
      cw,
      'GET',
      `/api/plans/${continuing}/monitoring`,
    );
    expect(view.monitoringStart).toMatchObject({
      startOn: startsOn,
      triggers: ['placement_intended_to_continue_started'],
    });
    const [plan] = await world.db.select().from(plans).where(eq(plans.id, continuing));
    expect(plan!.monitoringStartedOn).toBe(startsOn);

    const notContinuing = await freshPlan();
    await place(
      notContinuing,
      placementBody(await readyEmployer(daysFromToday(-40)), startsOn, daysFromToday(60)),
    );
    const other = await ok<{ monitoringStart: unknown }>(
      world,
      cw,
      'GET',
      `/api/plans/${notContinuing}/monitoring`,
    );
    expect(other.monitoringStart).toBeNull();
  });

  it('F14: a continuing placement waiting for SSM pre-approval does not start monitoring until it is approved', async () => {
    const planId = await freshPlan();
    const startsOn = daysFromToday(-15);
    const p = await place(
      planId,
      placementBody(await readyEmployer(daysFromToday(-20)), startsOn, daysFromToday(60), {
        intendedToContinue: true,
        trainingIncentiveCents: 120_000,
      }),
    );
    const monitoring = () =>
      ok<{ monitoringStart: { startOn: string } | null }>(
        world,
        cw,
        'GET',
        `/api/plans/${planId}/monitoring`,
      );
    expect((await monitoring()).monitoringStart).toBeNull();
    await ok(world, world.as.ssm_finance, 'POST', `/api/supports/${p.supportId}/pre-approval`, {
      decision: 'approve',
    });
    expect((await monitoring()).monitoringStart?.startOn).toBe(startsOn);
  });

  it('F12: an approved placement over a PBF checkpoint defers it; ending the placement before it releases it', async () => {
    // Monitoring from 2 June 2025 (employed outcome), month 1 due 2 July 2025, met and documented.
    const planId = await backdated(world, new Date('2025-05-01T15:00:00Z'), async () => {
      const draft = await draftPlanFor(world, cw, (sin += 1000));
      const eas = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];
      return (await buildPlanWith(world, cw, draft.id, eas, { activate: true })).id;
    });
    const pdf = Buffer.from('%PDF-1.4\n% fixture\n').toString('base64');
    const doc = {
      fileName: 'doc.pdf',
      contentType: 'application/pdf',
      dataBase64: pdf,
      showsClientName: true,
      showsBusinessName: true,
      coversDate: true,
      showsTwentyPlusHours: true,
    };
    const outcome = await ok<{ jobs: { id: string }[] }>(world, cw, 'POST', `/api/plans/${planId}/outcome`, {
      kind: 'employed',
      endedOn: '2025-06-02',
      jobs: [
        {
          employerName: 'Riverbend Logistics Inc.',
          atEntryEmployer: false,
          startedOn: '2025-06-02',
          minutesPerWeek: 1800,
          hourlyWageCents: 1900,
          nocCode: '65100',
          permanence: 'permanent',
        },
      ],
    });
    const jobId = outcome.jobs[0]!.id;
    await ok(world, cw, 'POST', `/api/plans/${planId}/evidence`, { kind: 'offer_letter', jobId, ...doc });
    await ok(world, cw, 'POST', `/api/plans/${planId}/checkpoints/month_1`, {
      contactedOn: '2025-07-02',
      esqStatus: 'employed',
      satisfaction: '5',
      jobs: [{ jobId, minutesPerWeek: 1800, hourlyWageCents: 1900, nocCode: '65100' }],
    });
    await ok(world, cw, 'POST', `/api/plans/${planId}/evidence`, {
      kind: 'pay_stub',
      checkpointKind: 'month_1',
      ...doc,
    });
    const month1 = async () =>
      (await world.db.select().from(pbfLedgerLines).where(eq(pbfLedgerLines.planId, planId))).find(
        (l) => l.checkpoint === 'month_1',
      )!;
    expect((await month1()).state).toBe('earned');

    const p = await place(
      planId,
      placementBody(await readyEmployer('2025-05-20'), '2025-06-02', '2025-09-30'),
    );
    expect(p.support.state).toBe('approved');
    expect(await month1()).toMatchObject({ state: 'deferred', reason: 'employer_supports_active' });

    // The placement ended before the checkpoint: the employer was not paid on 2 July.
    await ok(world, cw, 'POST', `/api/placements/${p.id}/end`, { endedOn: '2025-06-30' });
    expect((await month1()).state).toBe('earned');
  });
});
