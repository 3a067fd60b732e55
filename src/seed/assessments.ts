import type { Database } from '../db/connection.js';
import type { Answers, AssessmentFacts, Module } from '../domain/assessment/types.js';
import {
  addNote,
  answer,
  referAssessment,
  setServiceLevel,
  startAssessment,
  submitAssessment,
  verifyAssessmentIdentity,
} from '../server/assessments/service.js';
import type { RequestContext } from '../server/http/context.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import { assignReferral, logContactAttempt, suggestProviders } from '../server/referrals/service.js';
import {
  answersFor as answersForStory,
  DEMO_CONSENT,
  demoAssessmentDeps,
  demoClock,
  demoContexts,
  demoFacts,
  demoPhotoId,
  untouchedAdults,
} from './demo-kit.js';
import type { Network } from './seed.js';

/** What a caseworker would hear from a person out of work for eight months, with a college diploma. */
const STORY: Answers = {
  'administrative.lives_in_ontario': true,
  'administrative.status_in_canada': 'citizen',
  'administrative.temporary_address': false,
  'administrative.safe_to_leave_messages': true,
  'demographic.education': 'college_or_apprenticeship',
  'demographic.born_in_canada': 'yes',
  'demographic.dependants': 1,
  'essential_skills.reading': 4,
  'essential_skills.writing': 3,
  'essential_skills.numeracy': 3,
  'essential_skills.digital': 2,
  'supports.looking_for': 'new_job',
  'supports.stabilization_needs': ['transportation'],
  'supports.transportation': 'public_transit',
  'income.sources': ['ei'],
  'disability.has_disability': 'no',
  'employment.status': 'unemployed',
  'employment.months_without_work': 8,
  'employment.reason_left': 'laid_off',
  'employment.years_experience': 11,
  'employment.longest_job': 'more_than_3_years',
  'goals.seeking_self_employment': false,
  'goals.goal_clarity': 'some_ideas',
  'goals.hours_wanted': 'full_time',
};

/** The story's answers to every question asked in the modules; a plausible middle answer elsewhere. */
const answersFor = (facts: AssessmentFacts, modules: Module[], story: Answers = STORY): Answers =>
  answersForStory(facts, modules, story, { text: 'Warehouse and logistics', date: '2026-01-15' });

/**
 * A few Common Assessments for the demo, written through the assessment service as the demo users
 * with the clock set back to each step: an SA-flow CA referred and assigned to Riverside awaiting
 * M2 (C6), an EO CA in progress, one submitted with its stream (C8), a self-directed client's M1
 * left in progress (S4), and one in progress past 120 days that may now be cancelled (C9).
 */
export async function seedAssessments(
  db: Database,
  crypto: PersonCrypto,
  network: Network,
  runAt: Date = new Date(),
): Promise<number> {
  const clock = demoClock(runAt, 18, 60);
  const { today, at } = clock;
  const deps = demoAssessmentDeps(db, crypto, clock);

  const cast = await demoContexts(db, network.catchmentId);
  const { riverside } = cast;
  const [saUser, ssmUser, riversideUser] = await Promise.all([
    cast.byRole('sa_caseworker'),
    cast.byRole('ssm_intake'),
    cast.byRole('provider_caseworker'),
  ]);
  if (!riverside || !saUser || !ssmUser || !riversideUser) return 0;
  const sa = saUser.ctx;
  const ssm = ssmUser.ctx;
  const eo = riversideUser.ctx;

  // Adults with a SIN and no referral yet, in reference order: the same people on every run.
  const { saClient, providerClients } = await untouchedAdults(db, today, {
    saCaseworkerId: saUser.user.id,
    providerId: riverside,
    count: 5,
    unassessed: false,
  });
  if (!saClient || providerClients.length < 5) return 0;
  const [inProgress, submitted, selfDirected, aged, pending] = providerClients as [
    typeof saClient,
    typeof saClient,
    typeof saClient,
    typeof saClient,
    typeof saClient,
  ];
  const factsOf = (c: typeof saClient) => demoFacts(c, today);
  const photoId = demoPhotoId(today, 900);
  const start = async (ctx: RequestContext, clientId: string, when: Date) => {
    clock.set(when);
    return (await startAssessment(deps, ctx, clientId, { consent: DEMO_CONSENT })).detail.id;
  };
  let created = 0;

  // C6: the SA caseworker's M1 and notes, referred to SSM intake, assigned to Riverside: M2 is theirs.
  const saCa = await start(sa, saClient.id, at(6, 0));
  await verifyAssessmentIdentity(deps, sa, saCa, { method: 'sa_documentation' });
  await answer(deps, sa, saCa, { answers: answersFor(factsOf(saClient), ['m1']) });
  clock.set(at(6, 40));
  await addNote(deps, sa, saCa, {
    body: 'Prefers calls after 10 am. No car: a site on the bus line, please. Motivated; wants warehouse work again.',
  });
  const referred = await referAssessment(deps, sa, saCa, {
    warmReferral: false,
    clientChoiceOrganizationId: null,
    barriers: { transportation: true, childcare: false, language: null, accessibility: [] },
    notes: 'Referred after Module 1; the client is ready to take part.',
  });
  clock.set(at(5, 30));
  const ranked = await suggestProviders(deps, ssm, referred.referral!.id);
  await assignReferral(deps, ssm, referred.referral!.id, {
    organizationId: riverside,
    overrideReason:
      ranked[0]?.organizationId === riverside
        ? null
        : 'The client lives near the downtown site on the bus line.',
  });
  // P7: Riverside called the next day and booked the client in to complete Module 2.
  clock.set(at(4, 60));
  await logContactAttempt(deps, eo, referred.referral!.id, { method: 'phone', result: 'reached' });
  created++;

  // EO flow at Riverside: Module 1 under way.
  const eoCa = await start(eo, inProgress.id, at(2, 0));
  await verifyAssessmentIdentity(deps, eo, eoCa, photoId);
  const partial = answersFor(factsOf(inProgress), ['m1']);
  await answer(deps, eo, eoCa, {
    answers: Object.fromEntries(
      Object.entries(partial).filter(
        ([id]) => id.startsWith('administrative.') || id.startsWith('demographic.'),
      ),
    ),
  });
  created++;

  // Submitted: M1, the SLD (case-managed), M2, the caseworker, then the stream (C8).
  const done = await start(eo, submitted.id, at(9, 0));
  await verifyAssessmentIdentity(deps, eo, done, photoId);
  await answer(deps, eo, done, { answers: answersFor(factsOf(submitted), ['m1']) });
  await setServiceLevel(deps, eo, done, { level: 'case_managed', indicators: [], rationale: null });
  await answer(deps, eo, done, { answers: answersFor(factsOf(submitted), ['m2']) });
  clock.set(at(9, 50));
  await submitAssessment(deps, eo, done);
  created++;

  // S4: self-directed after M1; the CA stays in progress 120 days in case circumstances change.
  const sd = await start(eo, selfDirected.id, at(20, 0));
  await verifyAssessmentIdentity(deps, eo, sd, photoId);
  await answer(deps, eo, sd, {
    answers: answersFor(factsOf(selfDirected), ['m1'], {
      ...STORY,
      'supports.stabilization_needs': ['none'],
      'essential_skills.digital': 5,
      'demographic.education': 'university',
    }),
  });
  await setServiceLevel(deps, eo, sd, {
    level: 'self_directed',
    indicators: ['client_choice', 'computer_literacy', 'no_life_stabilization_needs'],
    rationale: 'Prefers to search on their own with the online job boards; will call back if that changes.',
  });
  created++;

  // S5: Riverside is at capacity for this person; SSM intake sees it waiting for another option.
  const full = await start(eo, pending.id, at(1, 0));
  await verifyAssessmentIdentity(deps, eo, full, photoId);
  await answer(deps, eo, full, { answers: answersFor(factsOf(pending), ['m1']) });
  await setServiceLevel(deps, eo, full, { level: 'service_pending', indicators: [], rationale: null });
  created++;

  // C9: started 130 days ago and never finished: past 120 days, it may now be cancelled.
  const old = await start(eo, aged.id, at(130, 0));
  await answer(deps, eo, old, {
    answers: { 'administrative.lives_in_ontario': true, 'administrative.status_in_canada': 'citizen' },
  });
  created++;
  return created;
}
