/**
 * Outcomes, monitoring and PBF for the demo (M1–M10, K4, K6), written through the monitoring and PBF
 * services as the demo users with the clock set back to each step, at Riverside:
 * - a client employed for about five months: the outcome and job with its offer letter, the
 *   completion and 1-month checkpoints (pay stub, approved by the SSM and paid by finance) and the
 *   3-month checkpoint submitted and waiting in the SSM's review queue;
 * - a client employed for a month: the 1-month checkpoint is due this week on the caseworker's
 *   checkpoint worklist;
 * - a client whose active plan has no outcome yet, for a caseworker to record one (the e2e test does).
 * Every provider gets the default funding agreement (K4). Documents are synthetic one-page PDFs.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { organizations } from '../db/schema.js';
import { fiscalQuarterOf } from '../domain/calendar/fiscal-year.js';
import type { CheckpointKind } from '../domain/monitoring/schedule.js';
import {
  getMonitoring,
  recordCheckpoint,
  recordOutcome,
  submitCheckpoint,
  uploadEvidence,
  type MonitoringDeps,
} from '../server/monitoring/service.js';
import type { MonitoringView } from '../server/monitoring/schemas.js';
import { approveCheckpoint, payStatement } from '../server/pbf/service.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import type { EvidenceStore } from '../server/storage/evidence-store.js';
import { demoContexts, untouchedAdults, type DemoClient } from './demo-kit.js';
import { demoPdf } from './demo-documents.js';
import { seedFundingAgreements } from './funding-agreements.js';
import { demoPlanBuilder, type PlanStory } from './plans.js';
import type { Network } from './seed.js';

const WAREHOUSE: PlanStory = {
  goals: ['Steady full-time work in a warehouse', 'Forklift certification'],
  subGoals: [
    {
      goal: 1,
      kind: 'employment_assistance_services',
      items: [
        { code: 'eas.resume_interview', cents: 0 },
        { code: 'eas.job_matching', cents: 0 },
      ],
    },
    {
      goal: 2,
      kind: 'jobseeker_financial_supports',
      items: [{ code: 'jfs.certification_fees', cents: 18_500 }],
    },
  ],
};

const RETAIL: PlanStory = {
  goals: ['Part-time retail work rising to full time', 'Confidence in interviews'],
  subGoals: [
    {
      goal: 1,
      kind: 'employment_assistance_services',
      items: [
        { code: 'eas.career_counselling', cents: 0 },
        { code: 'eas.resume_interview', cents: 0 },
      ],
    },
  ],
};

const pdfBase64 = (title: string, reference: string, lines: string[]) =>
  demoPdf([
    'SYNTHETIC DEMO DOCUMENT - not a real person or employer',
    title,
    `Pathways client ${reference}`,
    ...lines,
  ]).toString('base64');

/** Creates the demo monitoring stories; returns how many plans reached monitoring. */
export async function seedDemoMonitoring(
  db: Database,
  crypto: PersonCrypto,
  network: Network,
  evidenceStore: EvidenceStore,
  runAt: Date = new Date(),
): Promise<number> {
  const providerIds = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.kind, 'provider'));
  // K4: every provider is paid by its funding agreement; the defaults until the SSM enters its own.
  await seedFundingAgreements(
    db,
    providerIds.map((p) => p.id),
  );

  const cast = await demoContexts(db, network.catchmentId);
  const [saUser, caseworker, qa, finance] = await Promise.all([
    cast.byRole('sa_caseworker'),
    cast.byRole('provider_caseworker'),
    cast.byRole('ssm_qa'),
    cast.byRole('ssm_finance'),
  ]);
  const riverside = cast.riverside;
  if (!riverside || !saUser || !caseworker || !qa || !finance) return 0;
  const eo = caseworker.ctx;
  const { clock, build } = demoPlanBuilder(db, crypto, network, cast, eo, runAt);
  const { today, dayOf, at } = clock;
  const deps: MonitoringDeps = { db, crypto, now: clock.now, evidenceStore };
  const pbfDeps = { db, crypto, now: clock.now };

  const { providerClients } = await untouchedAdults(db, today, {
    saCaseworkerId: saUser.user.id,
    providerId: riverside,
    count: 3,
    unassessed: true,
  });
  if (providerClients.length < 3) return 0;
  const [longEmployed, newlyEmployed, awaitingOutcome] = providerClients as [
    DemoClient,
    DemoClient,
    DemoClient,
  ];

  /** M1: an employed outcome on day `n` with the job started that day, and its offer letter (M9). */
  const employed = async (planId: string, reference: string, n: number, job: Record<string, unknown>) => {
    clock.set(at(n, 100));
    let view = await recordOutcome(deps, eo, planId, {
      kind: 'employed',
      endedOn: dayOf(n),
      note: 'Client accepted the offer after the second interview; start date confirmed by phone.',
      jobs: [{ atEntryEmployer: false, startedOn: dayOf(n), permanence: 'permanent', ...job } as never],
    });
    const jobId = view.jobs[0]!.id;
    clock.set(at(n, 110));
    view = await uploadEvidence(deps, eo, planId, {
      kind: 'offer_letter',
      jobId,
      fileName: 'offer-letter.pdf',
      contentType: 'application/pdf',
      dataBase64: pdfBase64('Offer of employment', reference, [
        `Start date: ${dayOf(n)}`,
        'Hours: full time',
      ]),
      showsClientName: true,
      showsBusinessName: true,
      coversDate: true,
      showsTwentyPlusHours: true,
    });
    return { view, jobId };
  };

  /** M7: the ESQ on day `n` (employed at the job), with a pay stub for the period containing the date. */
  const checkpoint = async (
    planId: string,
    reference: string,
    kind: CheckpointKind,
    n: number,
    jobId: string,
    minutesPerWeek: number,
    options: { payStub: boolean; submit: boolean },
  ): Promise<MonitoringView> => {
    clock.set(at(n, 120));
    // The ESQ confirms the job as recorded: same wage and occupation.
    const { hourlyWageCents, nocCode } = (await getMonitoring(deps, eo, planId)).jobs.find(
      (j) => j.id === jobId,
    )!;
    let view = await recordCheckpoint(deps, eo, planId, kind, {
      contactedOn: dayOf(n),
      esqStatus: 'employed',
      satisfaction: '4',
      jobs: [{ jobId, minutesPerWeek, hourlyWageCents, nocCode }],
    });
    const due = view.checkpoints.find((c) => c.kind === kind)!.dueOn;
    if (options.payStub) {
      clock.set(at(n, 125));
      view = await uploadEvidence(deps, eo, planId, {
        kind: 'pay_stub',
        checkpointKind: kind,
        fileName: `pay-stub-${kind.replace('_', '-')}.pdf`,
        contentType: 'application/pdf',
        dataBase64: pdfBase64('Pay statement', reference, [
          `Pay period containing ${due}`,
          `Hours this period: ${(minutesPerWeek / 60) * 2} (two weeks)`,
        ]),
        showsClientName: true,
        showsBusinessName: true,
        coversDate: true,
        showsTwentyPlusHours: true,
      });
    }
    if (options.submit) {
      clock.set(at(n, 130));
      view = await submitCheckpoint(deps, eo, planId, kind);
    }
    return view;
  };

  let created = 0;

  // Employed about five months: month 1 approved and paid, month 3 waiting for the SSM.
  {
    const plan = await build(longEmployed, 170, WAREHOUSE, { activate: true });
    const { jobId } = await employed(plan.id, plan.reference, 140, {
      employerName: 'Maple Ridge Distribution (demo)',
      minutesPerWeek: 2_250,
      hourlyWageCents: 2_150,
      nocCode: '75101',
    });
    await checkpoint(plan.id, plan.reference, 'completion', 139, jobId, 2_250, {
      payStub: false,
      submit: false,
    });
    const month1 = await checkpoint(plan.id, plan.reference, 'month_1', 108, jobId, 2_250, {
      payStub: true,
      submit: true,
    });
    const record = month1.checkpoints.find((c) => c.kind === 'month_1')!;
    clock.set(at(100, 0));
    await approveCheckpoint(pbfDeps, qa.ctx, record.record!.id);
    clock.set(at(95, 0));
    await payStatement(pbfDeps, finance.ctx, { organizationId: riverside, ...fiscalQuarterOf(record.dueOn) });
    await checkpoint(plan.id, plan.reference, 'month_3', 48, jobId, 2_250, { payStub: true, submit: true });
    created++;
  }

  // Employed a month ago: the 1-month checkpoint is due now (the caseworker's worklist).
  {
    const plan = await build(newlyEmployed, 75, RETAIL, { activate: true });
    const { jobId } = await employed(plan.id, plan.reference, 31, {
      employerName: 'Lakeshore Outfitters (demo)',
      minutesPerWeek: 1_500,
      hourlyWageCents: 1_790,
      nocCode: '64100',
    });
    await checkpoint(plan.id, plan.reference, 'completion', 30, jobId, 1_500, {
      payStub: false,
      submit: false,
    });
    created++;
  }

  // Active for ten weeks, the client has started work: the outcome is still to be recorded.
  await build(awaitingOutcome, 70, WAREHOUSE, { activate: true });
  return created;
}
