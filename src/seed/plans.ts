/**
 * A few Employment Action Plans for the demo, written through the assessment and plan services as
 * the demo users with the clock set back to each step: at Riverside, an OW client's active plan the
 * SA caseworker reads (I2), a plan active for a month with an item done (A4), a draft still being
 * built (A2), and a plan closed early when the client moved away (A9, M11). Each plan has its own
 * submitted CA (A1), so the assessment demo's submitted CA is left without a plan for a caseworker
 * to start one.
 */
import type { Database } from '../db/connection.js';
import { ensureShare } from '../db/repositories/clients.js';
import { listCatalogue } from '../db/repositories/plans.js';
import type { Answers } from '../domain/assessment/types.js';
import type { SubGoalKind } from '../domain/plan/types.js';
import {
  answer,
  setServiceLevel,
  startAssessment,
  submitAssessment,
  verifyAssessmentIdentity,
} from '../server/assessments/service.js';
import {
  activatePlan,
  addItem,
  addSubGoal,
  changeItem,
  closePlan,
  createPlan,
  getSummary,
  recordSignature,
  setGoals,
  type PlanDeps,
} from '../server/plans/service.js';
import type { PlanDetail } from '../server/plans/schemas.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import {
  answersFor,
  DEMO_CONSENT,
  demoAssessmentDeps,
  demoClock,
  demoContexts,
  demoFacts,
  demoPhotoId,
  untouchedAdults,
  type DemoActor,
  type DemoClient,
  type Filler,
} from './demo-kit.js';
import type { Network } from './seed.js';

/** An adult out of work for some months, ready for case-managed service; a plausible answer elsewhere. */
const STORY: Answers = {
  'administrative.lives_in_ontario': true,
  'administrative.status_in_canada': 'citizen',
  'administrative.temporary_address': false,
  'demographic.education': 'secondary',
  'supports.looking_for': 'new_job',
  'supports.stabilization_needs': ['transportation'],
  'supports.transportation': 'public_transit',
  'employment.status': 'unemployed',
  'employment.months_without_work': 14,
  'goals.seeking_self_employment': false,
  'goals.hours_wanted': 'full_time',
};

/** What the plan clients answer where the story is silent. */
const FILLER: Filler = { text: 'Warehouse, retail or food service', date: '2025-11-03' };

export interface PlanStory {
  goals: [string, string];
  /** Sub-goals under goal 1 or 2, each with its catalogue items (or a custom title). */
  subGoals: { goal: 1 | 2; kind: SubGoalKind; items: { code?: string; custom?: string; cents: number }[] }[];
}

const ACTIVE_SA: PlanStory = {
  goals: ['Full-time work in a warehouse or distribution centre', 'Reliable way to get to work'],
  subGoals: [
    {
      goal: 1,
      kind: 'employment_assistance_services',
      items: [
        { code: 'eas.resume_interview', cents: 0 },
        { code: 'eas.job_matching', cents: 0 },
      ],
    },
    { goal: 2, kind: 'jobseeker_financial_supports', items: [{ code: 'jfs.transportation', cents: 15_600 }] },
    { goal: 2, kind: 'life_stabilization', items: [{ code: 'ls.childcare', cents: 0 }] },
  ],
};

const ACTIVE: PlanStory = {
  goals: ['Back to work in retail within three months', 'Smart Serve and food handling certificates'],
  subGoals: [
    {
      goal: 1,
      kind: 'employment_assistance_services',
      items: [
        { code: 'eas.career_counselling', cents: 0 },
        { code: 'eas.job_trial', cents: 0 },
      ],
    },
    {
      goal: 2,
      kind: 'jobseeker_financial_supports',
      items: [
        { code: 'jfs.certification_fees', cents: 4_500 },
        { custom: 'Black work clothes for the food counter', cents: 8_999 },
      ],
    },
  ],
};

const DRAFT: PlanStory = {
  goals: ['A job in the trades', ''],
  subGoals: [
    {
      goal: 1,
      kind: 'skills_development_ministry_delivered',
      items: [{ code: 'sdm.apprenticeship', cents: 0 }],
    },
  ],
};

const CLOSED: PlanStory = {
  goals: ['Office administration work', 'Improve computer skills'],
  subGoals: [
    {
      goal: 1,
      kind: 'employment_assistance_services',
      items: [{ code: 'eas.employability_skills', cents: 0 }],
    },
  ],
};

/** What the demo stories need to build plans: the cast, the clock and `build`. */
export interface DemoPlanBuilder {
  cast: Awaited<ReturnType<typeof demoContexts>>;
  clock: ReturnType<typeof demoClock>;
  deps: PlanDeps;
  /** A plan from the client's own submitted CA, `n` days ago, built from the story; signed and activated if asked. */
  build: (
    client: DemoClient,
    n: number,
    story: PlanStory,
    options: { activate: boolean },
  ) => Promise<PlanDetail>;
}

/**
 * The plan builder the demo stories share. Every step goes through the services as the demo provider
 * caseworker with the clock set back to it.
 */
export function demoPlanBuilder(
  db: Database,
  crypto: PersonCrypto,
  network: Network,
  cast: Awaited<ReturnType<typeof demoContexts>>,
  eo: DemoActor['ctx'],
  runAt: Date,
): DemoPlanBuilder {
  const clock = demoClock(runAt, 14, 120);
  const { today, dayOf, at } = clock;
  const caDeps = demoAssessmentDeps(db, crypto, clock);
  const deps: PlanDeps = { db, crypto, now: clock.now };
  const photoId = demoPhotoId(today, 700);
  /** M1, case-managed, M2 and submission, starting `n` days ago (C5, S1, C8). */
  const submittedCa = async (client: DemoClient, n: number) => {
    const facts = demoFacts(client, today);
    clock.set(at(n));
    const ca = (await startAssessment(caDeps, eo, client.id, { consent: DEMO_CONSENT })).detail.id;
    await verifyAssessmentIdentity(caDeps, eo, ca, photoId);
    await answer(caDeps, eo, ca, { answers: answersFor(facts, ['m1'], STORY, FILLER) });
    await setServiceLevel(caDeps, eo, ca, { level: 'case_managed', indicators: [], rationale: null });
    await answer(caDeps, eo, ca, { answers: answersFor(facts, ['m2'], STORY, FILLER) });
    clock.set(at(n, 50));
    await submitAssessment(caDeps, eo, ca);
  };

  const build: DemoPlanBuilder['build'] = async (client, n, story, options) => {
    await submittedCa(client, n + 1);
    clock.set(at(n, 0));
    let plan = await createPlan(deps, eo, client.id, {});
    clock.set(at(n, 10));
    plan = await setGoals(deps, eo, plan.id, {
      goals: story.goals.map((title, i) => ({ ordinal: (i + 1) as 1 | 2, title, description: '' })),
    });
    const catalogue = await listCatalogue(db, network.catchmentId);
    let minute = 20;
    for (const sub of story.subGoals) {
      clock.set(at(n, minute++));
      if (!plan.subGoals.some((s) => s.goalOrdinal === sub.goal && s.kind === sub.kind))
        plan = await addSubGoal(deps, eo, plan.id, { goalOrdinal: sub.goal, kind: sub.kind });
      const subGoalId = plan.subGoals.find((s) => s.goalOrdinal === sub.goal && s.kind === sub.kind)!.id;
      for (const it of sub.items) {
        clock.set(at(n, minute++));
        const catalogueItemId = it.code ? catalogue.find((c) => c.code === it.code)?.id : undefined;
        plan = await addItem(deps, eo, plan.id, {
          subGoalId,
          ...(catalogueItemId ? { catalogueItemId } : { customTitle: it.custom ?? 'Custom activity' }),
          costCents: it.cents,
          plannedStart: dayOf(n - 1),
          plannedEnd: dayOf(n - 45),
        });
      }
    }
    if (!options.activate) return plan;
    // A3: the summary printed for the client, signed on paper, then the plan activated.
    clock.set(at(n, 50));
    await getSummary(deps, eo, plan.id);
    clock.set(at(n, 55));
    await recordSignature(deps, eo, plan.id, { signedOn: dayOf(n), method: 'wet_ink' });
    clock.set(at(n, 58));
    return activatePlan(deps, eo, plan.id);
  };
  return { cast, clock, deps, build };
}

/** Creates the demo plans; returns how many. Needs the network, the demo users and the catalogue. */
export async function seedDemoPlans(
  db: Database,
  crypto: PersonCrypto,
  network: Network,
  runAt: Date = new Date(),
): Promise<number> {
  const cast = await demoContexts(db, network.catchmentId);
  const { riverside } = cast;
  const [saUser, caseworker] = await Promise.all([
    cast.byRole('sa_caseworker'),
    cast.byRole('provider_caseworker'),
  ]);
  if (!riverside || !saUser || !caseworker) return 0;
  const eo = caseworker.ctx;
  const { clock, deps, build } = demoPlanBuilder(db, crypto, network, cast, eo, runAt);
  const { today, dayOf, at } = clock;

  // Adults with a SIN, no referral and no assessment yet, in reference order: the same people each run.
  const { saClient, providerClients } = await untouchedAdults(db, today, {
    saCaseworkerId: saUser.user.id,
    providerId: riverside,
    count: 3,
    unassessed: true,
  });
  if (!saClient || providerClients.length < 3) return 0;
  const [activeClient, draftClient, closedClient] = providerClients as [DemoClient, DemoClient, DemoClient];
  // As the SSM's assignment of a referral would: the OW client is shared with Riverside.
  await db.transaction((tx) => ensureShare(tx, saClient.id, riverside, null, 'referral'));

  let created = 0;
  // I2: the OW client's plan, active for three weeks; the SA caseworker reads it.
  await build(saClient, 21, ACTIVE_SA, { activate: true });
  created++;

  // A4: a month in, the career counselling is done and attained.
  const active = await build(activeClient, 30, ACTIVE, { activate: true });
  const counselling = active.subGoals
    .flatMap((s) => s.items)
    .find((i) => i.code === 'eas.career_counselling');
  if (counselling) {
    clock.set(at(10, 0));
    await changeItem(deps, eo, active.id, counselling.id, {
      status: 'completed',
      outcome: 'attained',
      actualEnd: dayOf(10),
    });
  }
  created++;

  // A2: a draft started yesterday: one goal worded, the apprenticeship referral planned, not yet signed.
  await build(draftClient, 1, DRAFT, { activate: false });
  created++;

  // A9/M11: closed before any outcome: the client moved to Alberta for family.
  const closing = await build(closedClient, 60, CLOSED, { activate: true });
  clock.set(at(40, 0));
  await closePlan(deps, eo, closing.id, {
    reason: 'withdrawal_moved_outside_province',
    note: 'Client called to say they moved to Alberta to be near family; wished us well.',
  });
  created++;
  return created;
}
