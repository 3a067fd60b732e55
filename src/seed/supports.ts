/**
 * Financial supports for the demo (F1–F13, I3, F3, F7, F8), written through the supports and budget
 * services as the demo users with the clock set back to each step:
 * - every provider's ERFS budget for this fiscal year and the last one (base per client × volume,
 *   plus a reallocation under the 10% cap, F3), and an ODSP Client Reserve share (F8);
 * - at Riverside, a client's active plan with supports in every step of the lifecycle: a bus pass
 *   reported and approved by the SSM (spent), interview clothing issued yesterday with its report due
 *   (F13), a certification fee reported and waiting in the SSM's review queue, a gas card withheld for
 *   improper evidence (F11), and a $1,400.00 laptop waiting for SSM pre-approval (F6);
 * - three employers registered by Riverside (F10): one meeting every criterion with an in-person
 *   visit this year and a placement with the same client under way (its training incentive committed),
 *   one not yet checked and visited only by video, one whose last in-person visit is 14 months old;
 * - a status-quo client (E7) whose work boots were issued in February 2024, inside the F7 window, so
 *   last years' status-quo quarter has something to show.
 * Receipts are synthetic one-page PDFs.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { clients, organizations } from '../db/schema.js';
import { calendarDaysBetween } from '../domain/calendar/iso-date.js';
import { fiscalYearOf } from '../domain/calendar/fiscal-year.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import { addSiteVisit, createEmployer, createPlacement, setChecklist } from '../server/employers/service.js';
import { EMPLOYER_CHECKLIST_ITEMS } from '../domain/supports/types.js';
import { setBudget } from '../server/supports/budgets.js';
import {
  issueSupport,
  reportSupport,
  requestStatusQuoSupport,
  requestSupport,
  reviewSupport,
  uploadSupportEvidence,
  type SupportDeps,
  type SupportInput,
} from '../server/supports/service.js';
import type { EvidenceStore } from '../server/storage/evidence-store.js';
import { demoContexts, untouchedAdults, type DemoActor, type DemoClient } from './demo-kit.js';
import { demoPdf } from './demo-documents.js';
import { demoPlanBuilder, type PlanStory } from './plans.js';
import type { Network } from './seed.js';

const JOB_READY: PlanStory = {
  goals: ['A permanent job in skilled trades', 'Reliable transportation to work'],
  subGoals: [
    {
      goal: 1,
      kind: 'jobseeker_financial_supports',
      items: [
        { code: 'jfs.certification_fees', cents: 21_000 },
        { code: 'jfs.work_clothing', cents: 12_000 },
      ],
    },
    {
      goal: 2,
      kind: 'jobseeker_financial_supports',
      items: [{ code: 'jfs.transportation', cents: 16_000 }],
    },
  ],
};

const receipt = (vendor: string, reference: string, lines: string[]) =>
  demoPdf([
    'SYNTHETIC DEMO DOCUMENT - not a real person or business',
    `Itemized receipt - ${vendor}`,
    `Pathways support ${reference}`,
    ...lines,
  ]).toString('base64');

/** The F4 answers every demo request gives; the SSM reads them on review. */
const justification = (need: string, cost: string) => ({
  evidenceOfNeed: need,
  whyCouldNotPay: 'Client is between jobs with no savings; the cost is due before a first pay cheque.',
  reasonableCost: cost,
  barrierTemporary: true,
  noOtherFundingSource: true,
});

function request(over: Partial<SupportInput> & Pick<SupportInput, 'category' | 'amountCents'>): SupportInput {
  return {
    kind: 'client',
    employerUse: null,
    description: 'Support for employment-related activity',
    vendorName: 'Demo vendor',
    sellerKind: 'business',
    purchaseForm: 'goods_or_services',
    servicesDebt: false,
    justification: justification(
      'Needed to take part in the activities of the plan.',
      'Lowest of two quotes.',
    ),
    plannedIssueOn: '2000-01-01',
    ...over,
  };
}

/** F3/F8: budgets for every provider, this fiscal year and the last. */
async function seedBudgets(db: Database, finance: DemoActor, now: () => Date, fiscalYear: number) {
  const providers = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(eq(organizations.kind, 'provider'), eq(organizations.catchmentId, finance.ctx.actor.catchmentId)),
    )
    .orderBy(asc(organizations.name));
  const deps = { db, now };
  for (const [i, p] of providers.entries()) {
    for (const year of [fiscalYear - 1, fiscalYear]) {
      const operationalCents = 180_000_000 + i * 25_000_000;
      await setBudget(deps, finance.ctx, p.id, year, {
        basePerClientCents: 85_000,
        clientVolume: 120 + i * 20,
        operationalCents,
        // F3: a reallocation under the 10% cap in the current year only.
        reallocationCents: year === fiscalYear ? Math.floor(operationalCents / 40) : 0,
        odspReserveCents: 1_500_000,
      });
    }
  }
}

/** Creates the demo supports; returns how many supports were requested. */
export async function seedDemoSupports(
  db: Database,
  crypto: PersonCrypto,
  network: Network,
  evidenceStore: EvidenceStore,
  runAt: Date = new Date(),
): Promise<number> {
  const cast = await demoContexts(db, network.catchmentId);
  const [saUser, caseworker, manager, finance] = await Promise.all([
    cast.byRole('sa_caseworker'),
    cast.byRole('provider_caseworker'),
    cast.byRole('ssm_manager'),
    cast.byRole('ssm_finance'),
  ]);
  const riverside = cast.riverside;
  if (!riverside || !saUser || !caseworker || !manager || !finance) return 0;
  const eo = caseworker.ctx;
  const { clock, build } = demoPlanBuilder(db, crypto, network, cast, eo, runAt);
  const { today, dayOf, at } = clock;
  const deps: SupportDeps = { db, crypto, now: clock.now, evidenceStore };

  clock.set(at(400, 0));
  await seedBudgets(db, finance, clock.now, fiscalYearOf(today));

  const { providerClients } = await untouchedAdults(db, today, {
    saCaseworkerId: saUser.user.id,
    providerId: riverside,
    count: 2,
    unassessed: true,
  });
  if (providerClients.length < 2) return 0;
  const [jobReady, statusQuo] = providerClients as [DemoClient, DemoClient];
  let requested = 0;

  /** Request on day `n`, issue on day `issue`, and optionally report (with a receipt) and review. */
  const story = async (
    planId: string,
    n: number,
    input: SupportInput,
    steps: {
      issue?: number;
      report?: { on: number; kind: 'itemized_receipt' | 'card_purchase_receipt' };
      review?: { on: number; decision: 'approve' | 'withhold' };
    },
  ) => {
    clock.set(at(n, 0));
    let view = await requestSupport(deps, eo, planId, { ...input, plannedIssueOn: dayOf(steps.issue ?? n) });
    requested++;
    if (steps.issue === undefined) return view;
    clock.set(at(steps.issue, 5));
    view = await issueSupport(deps, eo, view.id, {
      issuedOn: dayOf(steps.issue),
      paymentMethod: 'purchase_card',
      paymentReference: `PC-${view.reference}`,
    });
    if (!steps.report) return view;
    clock.set(at(steps.report.on, 10));
    view = await uploadSupportEvidence(deps, eo, view.id, {
      kind: steps.report.kind,
      fileName: 'receipt.pdf',
      contentType: 'application/pdf',
      contentBase64: receipt(input.vendorName, view.reference, [
        `Date: ${dayOf(steps.issue)}`,
        `Total: ${(input.amountCents / 100).toFixed(2)}`,
      ]),
    });
    clock.set(at(steps.report.on, 15));
    view = await reportSupport(deps, eo, view.id, {});
    if (!steps.review) return view;
    clock.set(at(steps.review.on, 20));
    return reviewSupport(
      deps,
      manager.ctx,
      view.id,
      steps.review.decision === 'approve'
        ? { decision: 'approve' }
        : {
            decision: 'withhold',
            reason: 'missing_or_improper_evidence',
            note: 'The receipt is for groceries, not gas; send the itemized receipt of what the card paid for.',
          },
    );
  };

  const plan = await build(jobReady, 60, JOB_READY, { activate: true });
  {
    await story(
      plan.id,
      55,
      request({
        category: 'short_term_transportation',
        amountCents: 15_600,
        description: 'Monthly transit pass for job search and interviews',
        vendorName: 'Transit Windsor (demo)',
        planGoalOrdinal: 2,
      }),
      { issue: 54, report: { on: 53, kind: 'itemized_receipt' }, review: { on: 50, decision: 'approve' } },
    );
    await story(
      plan.id,
      30,
      request({
        category: 'occupational_certification',
        amountCents: 21_000,
        description: 'Working at Heights certification exam fee',
        vendorName: 'Safety Training Institute (demo)',
        planGoalOrdinal: 1,
      }),
      { issue: 28, report: { on: 27, kind: 'itemized_receipt' } },
    );
    await story(
      plan.id,
      20,
      request({
        category: 'short_term_transportation',
        amountCents: 6_000,
        description: 'Gift card for gas to reach the job trial site',
        vendorName: 'Northway Grocers (demo)',
        purchaseForm: 'gift_card',
        planGoalOrdinal: 2,
      }),
      { issue: 19, report: { on: 18, kind: 'itemized_receipt' }, review: { on: 15, decision: 'withhold' } },
    );
    // F13: issued yesterday, report due within 3 business days.
    await story(
      plan.id,
      2,
      request({
        category: 'work_clothing_grooming',
        amountCents: 11_850,
        description: 'Interview clothing: trousers, shirt and shoes',
        vendorName: 'Lakeshore Outfitters (demo)',
        planGoalOrdinal: 1,
      }),
      { issue: 1 },
    );
    // F6: over $1,000.00, waits for the SSM's pre-approval (the approvals queue).
    await story(
      plan.id,
      1,
      request({
        category: 'technology',
        amountCents: 140_000,
        description: 'Laptop for the online safety training and the job search',
        vendorName: 'Campus Computers (demo)',
        planGoalOrdinal: 1,
        justification: justification(
          'The training and the applications are online; the client has no computer and the library limits sessions to one hour.',
          'Three quotes; the lowest that meets the training’s requirements.',
        ),
      }),
      {},
    );
  }

  // F10: the employer registry, and a placement for the same client.
  {
    const employerDeps = deps;
    const allConfirmed = Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [i, true])) as Record<
      (typeof EMPLOYER_CHECKLIST_ITEMS)[number],
      boolean | null
    >;
    clock.set(at(200, 0));
    const machining = await createEmployer(employerDeps, eo, {
      legalName: 'Essex Precision Machining Inc. (demo)',
      operatingName: 'Essex Precision (demo)',
      ontarioLicenceNumber: '1000001-DEMO',
      wsibAccountNumber: 'DEMO-771204',
      liabilityInsurer: 'Great Lakes Mutual (demo)',
      liabilityPolicyNumber: 'GLM-DEMO-5521',
      liabilityInsuranceExpiresOn: dayOf(-200),
      registeredOn: dayOf(200),
      contacts: [{ name: 'Dana Okafor (demo)', title: 'Plant manager', phone: '519-555-0142' }],
      locations: [{ label: 'Plant', street: '2100 Industrial Dr', city: 'Windsor', postalCode: 'N8W 5B2' }],
    });
    clock.set(at(199, 0));
    await setChecklist(employerDeps, eo, machining.id, { checklist: allConfirmed });
    clock.set(at(40, 0));
    await addSiteVisit(employerDeps, eo, machining.id, {
      visitedOn: dayOf(40),
      mode: 'in_person',
      locationId: machining.locations[0]!.id,
      notes: 'Walked the CNC floor with the plant manager; safety orientation and mentor confirmed.',
    });
    clock.set(at(12, 0));
    await createPlacement(employerDeps, eo, plan.id, {
      employerId: machining.id,
      locationId: machining.locations[0]!.id,
      jobTitle: 'Machine operator trainee',
      startsOn: dayOf(10),
      endsOn: dayOf(-50),
      minutesPerWeek: 1_800,
      scheduleNote: 'Monday to Thursday, 7:00 to 15:30',
      hourlyWageCents: 1_900,
      trainingIncentiveCents: 100_000,
      employerUse: 'placement_incentive',
      intendedToContinue: false,
      agreementSignedOn: dayOf(12),
      clientConsentSignedOn: dayOf(12),
      planGoalOrdinal: 1,
      justification: justification(
        'Stream B client with no Canadian work experience in trades; the employer would not hire without on-the-job training.',
        'The incentive covers 8 weeks of the mentor’s time at the employer’s training rate.',
      ),
    });
    requested++;

    clock.set(at(30, 0));
    const hotel = await createEmployer(employerDeps, eo, {
      legalName: 'Harbour View Hotel Ltd. (demo)',
      registeredOn: dayOf(30),
      locations: [{ label: 'Hotel', street: '1 Riverside Dr W', city: 'Windsor', postalCode: 'N9A 5K3' }],
    });
    clock.set(at(29, 0));
    await addSiteVisit(employerDeps, eo, hotel.id, {
      visitedOn: dayOf(29),
      mode: 'virtual',
      notes: 'Video call with HR; an in-person visit is still to be booked.',
    });

    clock.set(at(500, 0));
    const coop = await createEmployer(employerDeps, eo, {
      legalName: 'Tecumseh Grain Co-operative (demo)',
      ontarioLicenceNumber: '1000002-DEMO',
      wsibAccountNumber: 'DEMO-330981',
      registeredOn: dayOf(500),
      locations: [{ label: 'Elevator', street: '12 County Rd 42', city: 'Tecumseh', postalCode: 'N8N 2L9' }],
    });
    await setChecklist(employerDeps, eo, coop.id, { checklist: allConfirmed });
    clock.set(at(425, 0));
    await addSiteVisit(employerDeps, eo, coop.id, {
      visitedOn: dayOf(425),
      mode: 'in_person',
      locationId: coop.locations[0]!.id,
      notes: 'Seasonal loader roles; visit again before the next placement.',
    });
  }

  // E7/F7: a status-quo client's legacy plan; supports only from 1 January to 31 March 2024.
  {
    await db.update(clients).set({ statusQuo: true }).where(eq(clients.id, statusQuo.id));
    const n = calendarDaysBetween('2024-02-14', today);
    clock.set(at(n, 0));
    let view = await requestStatusQuoSupport(
      deps,
      eo,
      statusQuo.id,
      request({
        category: 'special_equipment_supplies',
        amountCents: 16_500,
        description: 'CSA-approved work boots for a warehouse start',
        vendorName: 'Work Wear Depot (demo)',
        plannedIssueOn: dayOf(n - 1),
      }),
    );
    requested++;
    clock.set(at(n - 1, 0));
    view = await issueSupport(deps, eo, view.id, { issuedOn: dayOf(n - 1), paymentMethod: 'purchase_order' });
    clock.set(at(n - 2, 0));
    await uploadSupportEvidence(deps, eo, view.id, {
      kind: 'itemized_receipt',
      fileName: 'boots-receipt.pdf',
      contentType: 'application/pdf',
      contentBase64: receipt('Work Wear Depot (demo)', view.reference, [
        'Work boots, CSA green patch: 165.00',
      ]),
    });
    await reportSupport(deps, eo, view.id, {});
    clock.set(at(n - 6, 0));
    await reviewSupport(deps, manager.ctx, view.id, { decision: 'approve' });
  }
  return requested;
}
