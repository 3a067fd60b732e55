import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
import { addCalendarDays } from '../../src/domain/calendar/iso-date.js';
import { addCalendarMonths } from '../../src/domain/monitoring/schedule.js';
import { EMPLOYER_CHECKLIST_ITEMS } from '../../src/domain/supports/types.js';
import { ok } from '../support/assessments.js';
import { activePlanFor } from '../support/monitoring.js';
import { torontoToday } from '../support/plans.js';
import { JUSTIFICATION } from '../support/supports.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * The employer registry through the API (F10): registration, the eligibility checklist, contacts,
 * locations and site visits with the 12-month in-person rule, and who sees and manages an employer
 * (the catchment's providers and SSM see it; only the registering provider manages it).
 */
let world: World;
let cw: Session;
beforeAll(async () => {
  world = await createWorld();
  cw = world.as.provider_caseworker;
});
afterAll(() => world?.close());

interface Employer {
  id: string;
  legalName: string;
  organizationName: string;
  eligible: boolean;
  lastInPersonVisitOn: string | null;
  placementCount: number;
  checklist: Record<string, boolean | null>;
  checklistCheckedOn: string | null;
  checklistProblems: { rule: string; code: string; en: string; fr: string }[];
  contacts: { id: string; name: string }[];
  locations: { id: string; label: string; postalCode: string }[];
  siteVisits: { id: string; visitedOn: string; mode: string; visitedByName: string }[];
  siteVisitWindowOpensOn: string;
  placements: { id: string; clientName: string | null; state: string }[];
  canManage: boolean;
}
interface Placement {
  id: string;
  readiness: { missing: string[] };
  actions: string[];
}

const allConfirmed = Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, true]));

const register = (as: Session = cw, extra: Record<string, unknown> = {}) =>
  ok<Employer>(world, as, 'POST', '/api/employers', {
    legalName: 'Lakeshore Fabrication Ltd.',
    operatingName: null,
    ontarioLicenceNumber: '1234567',
    wsibAccountNumber: '7654321',
    liabilityInsurer: 'Great Lakes Mutual',
    registeredOn: torontoToday(),
    contacts: [
      { name: 'Dana Porter', title: 'Plant manager', phone: '519-555-0100', email: 'dana@example.test' },
    ],
    locations: [{ label: 'Main plant', street: '12 Industrial Rd', city: 'Windsor', postalCode: 'n9a 1b2' }],
    ...extra,
  });

/** A placement of a fresh client's active plan with this employer, starting on `startsOn`. */
let sin = 7_400_000;
async function placementWith(employerId: string, startsOn: string, as: Session = cw): Promise<Placement> {
  const plan = await activePlanFor(world, as, (sin += 1000));
  return ok<Placement>(world, as, 'POST', `/api/plans/${plan.id}/placements`, {
    employerId,
    jobTitle: 'Machine operator trainee',
    startsOn,
    endsOn: addCalendarDays(startsOn, 60),
    minutesPerWeek: 1800,
    hourlyWageCents: 1800,
    trainingIncentiveCents: 80_000,
    employerUse: 'placement_incentive',
    intendedToContinue: false,
    agreementSignedOn: torontoToday(),
    clientConsentSignedOn: torontoToday(),
    planGoalOrdinal: 1,
    justification: JUSTIFICATION,
  });
}

describe('employer registration and checklist (F10)', () => {
  it('F10: a new employer has every criterion unchecked; the checklist names each one not confirmed, in §13 order', async () => {
    const e = await register();
    expect(e.organizationName).toBe('Provider One');
    expect(e.canManage).toBe(true);
    expect(e.locations[0]!.postalCode).toBe('N9A 1B2');
    expect(e.contacts.map((c) => c.name)).toEqual(['Dana Porter']);
    expect(e.eligible).toBe(false);
    expect(e.checklistProblems.map((p) => p.code)).toEqual(
      EMPLOYER_CHECKLIST_ITEMS.map((i) => `${i}_not_checked`),
    );
    expect(e.checklistProblems.every((p) => p.rule === 'F10' && p.fr.length > 0)).toBe(true);

    const failing = await ok<Employer>(world, cw, 'PUT', `/api/employers/${e.id}/checklist`, {
      checklist: { ...allConfirmed, not_hiring_family: false, not_otherwise_funded: null },
    });
    expect(failing.eligible).toBe(false);
    expect(failing.checklistProblems.map((p) => p.code)).toEqual([
      'not_hiring_family_not_met',
      'not_otherwise_funded_not_checked',
    ]);
    expect(failing.checklistCheckedOn).toBe(torontoToday());

    const passing = await ok<Employer>(world, cw, 'PUT', `/api/employers/${e.id}/checklist`, {
      checklist: allConfirmed,
    });
    expect(passing.eligible).toBe(true);
    expect(passing.checklistProblems).toEqual([]);
    const list = await ok<{ employers: { id: string; eligible: boolean }[] }>(
      world,
      cw,
      'GET',
      '/api/employers',
      {},
    );
    expect(list.employers.find((x) => x.id === e.id)?.eligible).toBe(true);
  });

  it('F10: the checklist needs all seven criteria answered (true, false or null): a missing one is a 400 naming it', async () => {
    const e = await register();
    const { not_replacing_staff: _left, ...six } = allConfirmed;
    const res = await world.request(cw, {
      method: 'PUT',
      url: `/api/employers/${e.id}/checklist`,
      payload: { checklist: six },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((x: { field: string }) => x.field)).toContain(
      'body.checklist.not_replacing_staff',
    );
  });

  it('registration refuses a future registration date and a malformed postal code, naming the field', async () => {
    const future = await world.request(cw, {
      method: 'POST',
      url: '/api/employers',
      payload: { legalName: 'Future Co.', registeredOn: addCalendarDays(torontoToday(), 1) },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('body.registeredOn');
    const postal = await world.request(cw, {
      method: 'POST',
      url: '/api/employers',
      payload: {
        legalName: 'Postal Co.',
        locations: [{ label: 'Shop', street: '1 Main St', city: 'Windsor', postalCode: '12345' }],
      },
    });
    expect(postal.statusCode).toBe(400);
    expect(postal.json().errors[0].field).toBe('body.locations.0.postalCode');
  });

  it('search matches the legal or operating name, and a PATCH changes only the fields it names', async () => {
    const e = await register(cw, { legalName: 'Zephyr Widgets Inc.', operatingName: 'Zephyr' });
    const found = await ok<{ employers: { id: string }[] }>(world, cw, 'GET', '/api/employers?search=zephyr');
    expect(found.employers.map((x) => x.id)).toEqual([e.id]);
    const none = await ok<{ employers: unknown[] }>(
      world,
      cw,
      'GET',
      '/api/employers?search=nothing-like-it',
    );
    expect(none.employers).toEqual([]);
    const changed = await ok<
      Employer & { liabilityInsurer: string | null; wsibAccountNumber: string | null }
    >(world, cw, 'PATCH', `/api/employers/${e.id}`, { liabilityInsurer: 'Harbour Insurance' });
    expect(changed.liabilityInsurer).toBe('Harbour Insurance');
    expect(changed.wsibAccountNumber).toBe('7654321');
    expect(changed.legalName).toBe('Zephyr Widgets Inc.');
  });
});

describe('site visits and the 12-month rule (F10)', () => {
  it('F10: a visit is recorded by the actor, not after today, at one of the employer’s own locations', async () => {
    const e = await register();
    const other = await register();
    const visited = await ok<Employer>(world, cw, 'POST', `/api/employers/${e.id}/site-visits`, {
      visitedOn: torontoToday(),
      mode: 'in_person',
      locationId: e.locations[0]!.id,
      notes: 'Walked the floor with the plant manager.',
    });
    expect(visited.siteVisits).toHaveLength(1);
    expect(visited.siteVisits[0]!.visitedByName).not.toBe('');
    expect(visited.lastInPersonVisitOn).toBe(torontoToday());
    expect(visited.siteVisitWindowOpensOn).toBe(addCalendarMonths(torontoToday(), -12));
    const future = await world.request(cw, {
      method: 'POST',
      url: `/api/employers/${e.id}/site-visits`,
      payload: { visitedOn: addCalendarDays(torontoToday(), 1), mode: 'in_person', notes: '' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('body.visitedOn');
    const elsewhere = await world.request(cw, {
      method: 'POST',
      url: `/api/employers/${e.id}/site-visits`,
      payload: {
        visitedOn: torontoToday(),
        mode: 'in_person',
        locationId: other.locations[0]!.id,
        notes: '',
      },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0].field).toBe('body.locationId');
  });

  it('F10: a visit 12 months before the placement’s start covers it; 12 months and a day before does not', async () => {
    const e = await register();
    await ok(world, cw, 'PUT', `/api/employers/${e.id}/checklist`, { checklist: allConfirmed });
    const visitedOn = addCalendarDays(torontoToday(), -1);
    await ok(world, cw, 'POST', `/api/employers/${e.id}/site-visits`, {
      visitedOn,
      mode: 'in_person',
      notes: 'In person.',
    });
    const covered = await placementWith(e.id, addCalendarMonths(visitedOn, 12));
    expect(covered.readiness.missing).toEqual([]);
    const tooLate = await placementWith(e.id, addCalendarDays(addCalendarMonths(visitedOn, 12), 1));
    expect(tooLate.readiness.missing).toEqual(['site_visit']);
    // A visit after the start does not cover it either: it must be done before the placement.
    const before = await placementWith(e.id, addCalendarDays(visitedOn, -1));
    expect(before.readiness.missing).toEqual(['site_visit']);
  });

  it('F10: virtual and phone visits never count, however recent', async () => {
    const e = await register();
    await ok(world, cw, 'PUT', `/api/employers/${e.id}/checklist`, { checklist: allConfirmed });
    for (const mode of ['virtual', 'phone'])
      await ok(world, cw, 'POST', `/api/employers/${e.id}/site-visits`, {
        visitedOn: torontoToday(),
        mode,
        notes: 'Not in person.',
      });
    const placement = await placementWith(e.id, addCalendarDays(torontoToday(), 7));
    expect(placement.readiness.missing).toEqual(['site_visit']);
    const view = await ok<Employer>(world, cw, 'GET', `/api/employers/${e.id}`);
    expect(view.lastInPersonVisitOn).toBeNull();
    expect(view.siteVisits.map((v) => v.mode).sort()).toEqual(['phone', 'virtual']);
  });

  it('F10: readiness lists each missing requirement: eligibility, site visit, agreement, consent, registration', async () => {
    const e = await register(cw, { registeredOn: null });
    const plan = await activePlanFor(world, cw, (sin += 1000));
    const p = await ok<Placement>(world, cw, 'POST', `/api/plans/${plan.id}/placements`, {
      employerId: e.id,
      jobTitle: 'Line cook trainee',
      startsOn: addCalendarDays(torontoToday(), 14),
      endsOn: addCalendarDays(torontoToday(), 74),
      minutesPerWeek: 1500,
      trainingIncentiveCents: 50_000,
      employerUse: 'onboarding_costs',
      intendedToContinue: false,
      planGoalOrdinal: 1,
      justification: JUSTIFICATION,
    });
    expect(p.readiness.missing).toEqual([
      'eligibility_check',
      'site_visit',
      'placement_agreement',
      'client_consent',
      'employer_registration',
    ]);
    expect(p.actions).toEqual(['record_agreement', 'record_consent']);
  });
});

describe('who sees and manages an employer (F10)', () => {
  it('F10: another provider of the catchment reads the employer but cannot manage it; only the registering provider does', async () => {
    const e = await register();
    const p2 = world.provider2Caseworker;
    const seen = await ok<Employer>(world, p2, 'GET', `/api/employers/${e.id}`);
    expect(seen.canManage).toBe(false);
    const attempts = [
      { method: 'PATCH' as const, url: `/api/employers/${e.id}`, payload: { operatingName: 'Taken over' } },
      {
        method: 'PUT' as const,
        url: `/api/employers/${e.id}/checklist`,
        payload: { checklist: allConfirmed },
      },
      { method: 'POST' as const, url: `/api/employers/${e.id}/contacts`, payload: { name: 'Someone Else' } },
      {
        method: 'POST' as const,
        url: `/api/employers/${e.id}/locations`,
        payload: { label: 'Annex', street: '2 Side St', city: 'Windsor', postalCode: 'N9A 1B3' },
      },
      {
        method: 'POST' as const,
        url: `/api/employers/${e.id}/site-visits`,
        payload: { visitedOn: torontoToday(), mode: 'in_person', notes: '' },
      },
    ];
    for (const a of attempts)
      expect((await world.request(p2, a)).statusCode, `${a.method} ${a.url}`).toBe(403);
    // The provider lead of the registering provider manages it too.
    const byLead = await ok<Employer>(
      world,
      world.as.provider_lead,
      'POST',
      `/api/employers/${e.id}/contacts`,
      {
        name: 'Second Contact',
      },
    );
    expect(byLead.contacts.map((c) => c.name)).toEqual(['Dana Porter', 'Second Contact']);
    const theirs = await ok<{ employers: { id: string }[] }>(world, p2, 'GET', '/api/employers');
    expect(theirs.employers.map((x) => x.id)).toContain(e.id);
  });

  it('another catchment’s employer is 404 to read or change; SSM staff read their catchment’s; SA has no access', async () => {
    const e = await register();
    const b = world.bSessions.provider_caseworker;
    expect((await world.request(b, { method: 'GET', url: `/api/employers/${e.id}` })).statusCode).toBe(404);
    expect(
      (
        await world.request(b, {
          method: 'PATCH',
          url: `/api/employers/${e.id}`,
          payload: { operatingName: 'X' },
        })
      ).statusCode,
    ).toBe(404);
    const bList = await ok<{ employers: { id: string }[] }>(world, b, 'GET', '/api/employers');
    expect(bList.employers.map((x) => x.id)).not.toContain(e.id);
    const ssm = await ok<Employer>(world, world.as.ssm_manager, 'GET', `/api/employers/${e.id}`);
    expect(ssm.canManage).toBe(false);
    expect(
      (
        await world.request(world.as.ssm_manager, {
          method: 'POST',
          url: '/api/employers',
          payload: { legalName: 'X' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await world.request(world.as.sa_caseworker, { method: 'GET', url: `/api/employers/${e.id}` }))
        .statusCode,
    ).toBe(403);
  });

  it('I2: the employer page lists only the placements of clients the reader may see, and audits each one shown', async () => {
    const e = await register();
    const placement = await placementWith(e.id, addCalendarDays(torontoToday(), 10));
    const mine = await ok<Employer>(world, cw, 'GET', `/api/employers/${e.id}`);
    expect(mine.placements.map((p) => p.id)).toEqual([placement.id]);
    expect(mine.placements[0]!.clientName).toMatch(/Plantest$/);
    expect(mine.placementCount).toBe(1);
    const theirs = await ok<Employer>(world, world.provider2Caseworker, 'GET', `/api/employers/${e.id}`);
    expect(theirs.placements).toEqual([]);
    expect(theirs.placementCount).toBe(0);
    const list = await ok<{ employers: { id: string; placementCount: number }[] }>(
      world,
      world.provider2Caseworker,
      'GET',
      '/api/employers',
    );
    expect(list.employers.find((x) => x.id === e.id)?.placementCount).toBe(0);
    const reads = await world.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'placement'),
          eq(auditLog.entityId, placement.id),
          eq(auditLog.action, 'read'),
          eq(auditLog.actorUserId, cw.userId),
        ),
      );
    expect(reads.length).toBeGreaterThan(0);
  });
});
