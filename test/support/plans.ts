import { ADULT, completeAnswers, ok, PHOTO_ID, startAssessment } from './assessments.js';
import { createClient } from './fixtures.js';
import { share, type Session, type World } from './world.js';
import { syntheticSin } from '../../src/seed/people.js';
import type { AssessmentFacts } from '../../src/domain/assessment/types.js';

/** A submitted, segmented, case-managed EO assessment of a client (A1's precondition), by `as`. */
export async function submittedCa(
  world: World,
  as: Session,
  clientId: string,
  facts: AssessmentFacts = ADULT,
): Promise<string> {
  const res = await startAssessment(world, as, clientId);
  if (res.statusCode !== 201) throw new Error(`start failed: ${res.statusCode} ${res.body}`);
  const id = (res.json() as { id: string }).id;
  const url = (step: string) => `/api/assessments/${id}/${step}`;
  await ok(world, as, 'PATCH', url('answers'), { answers: completeAnswers(facts, ['m1']) });
  await ok(world, as, 'PUT', url('identity'), PHOTO_ID);
  await ok(world, as, 'PUT', url('service-level'), { level: 'case_managed', indicators: [] });
  await ok(world, as, 'PATCH', url('answers'), { answers: completeAnswers(facts, ['m2']) });
  await ok(world, as, 'POST', url('submit'));
  return id;
}

let people = 0;
/**
 * A client of provider one (or of `as`'s organization); with `sa`, an OW client whose SA caseworker is `sa` (created at the SA
 * office and shared with provider one, as a referral would).
 */
export async function planClient(
  world: World,
  options: { sa?: Session; as?: Session; sinBase?: number; givenName?: string } = {},
): Promise<string> {
  people++;
  const body = {
    legalGivenName: options.givenName ?? `Planner${people}`,
    legalFamilyName: 'Plantest',
    dateOfBirth: '1988-03-03',
    sin: syntheticSin((options.sinBase ?? 6_100_000) + people),
  };
  if (!options.sa) return createClient(world, options.as ?? world.as.provider_caseworker, body);
  const id = await createClient(world, options.sa, {
    ...body,
    socialAssistance: {
      program: 'ow',
      samsMemberId: `7770${String(people).padStart(5, '0')}`,
      officeId: world.a.saOffice,
      caseworkerId: options.sa.userId,
    },
  });
  await share(world.db, id, world.a.provider1);
  return id;
}

/** Today in Ontario, as the API counts it. */
export const torontoDateOf = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(at);
export const torontoToday = () => torontoDateOf(new Date());

export interface PlanView {
  id: string;
  status: string;
  revision: number;
  subGoals: { id: string; kind: string; items: { id: string; code: string | null }[] }[];
}

/** The catchment's catalogue item ids by code. */
export async function catalogueByCode(world: World, as: Session): Promise<Map<string, string>> {
  const body = await ok<{ items: { id: string; code: string }[] }>(world, as, 'GET', '/api/plan-catalogue');
  return new Map(body.items.map((i) => [i.code, i.id]));
}

/** A client of `as`'s provider with a submitted CA and a draft plan from it. */
export async function draftPlanFor(world: World, as: Session, sinBase: number): Promise<PlanView> {
  const clientId = await planClient(world, { as, sinBase });
  await submittedCa(world, as, clientId);
  return ok<PlanView>(world, as, 'POST', `/api/clients/${clientId}/plans`, {});
}

/**
 * Two goals and one item per sub-goal kind named, from the catalogue codes given (A2); with `sign`
 * the summary is printed and signed (A3), with `activate` the plan is activated too.
 */
export async function buildPlanWith(
  world: World,
  as: Session,
  planId: string,
  items: { kind: string; code: string }[],
  options: { sign?: boolean; activate?: boolean } = {},
): Promise<PlanView> {
  const catalogue = await catalogueByCode(world, as);
  await ok(world, as, 'PUT', `/api/plans/${planId}/goals`, {
    goals: [
      { ordinal: 1, title: 'Steady work', description: '' },
      { ordinal: 2, title: 'Training', description: '' },
    ],
  });
  let plan: PlanView | null = null;
  for (const { kind, code } of items) {
    plan = await ok<PlanView>(world, as, 'POST', `/api/plans/${planId}/sub-goals`, { goalOrdinal: 1, kind });
    const subGoalId = plan.subGoals.find((s) => s.kind === kind)!.id;
    plan = await ok<PlanView>(world, as, 'POST', `/api/plans/${planId}/items`, {
      subGoalId,
      catalogueItemId: catalogue.get(code),
      costCents: 0,
      plannedStart: '2026-01-05',
      plannedEnd: '2026-02-27',
    });
  }
  if (options.sign || options.activate) {
    await ok(world, as, 'GET', `/api/plans/${planId}/summary`);
    plan = await ok<PlanView>(world, as, 'POST', `/api/plans/${planId}/signature`, {
      // The day the app's clock says, so a plan can be built in the past (`backdated`).
      signedOn: torontoDateOf(world.clockOverride() ?? new Date()),
      method: 'wet_ink',
    });
  }
  if (options.activate) plan = await ok<PlanView>(world, as, 'POST', `/api/plans/${planId}/activate`);
  return plan!;
}
