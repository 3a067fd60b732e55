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
 * A client of provider one; with `sa`, an OW client whose SA caseworker is `sa` (created at the SA
 * office and shared with provider one, as a referral would).
 */
export async function planClient(
  world: World,
  options: { sa?: Session; sinBase?: number } = {},
): Promise<string> {
  people++;
  const body = {
    legalGivenName: `Planner${people}`,
    legalFamilyName: 'Plantest',
    dateOfBirth: '1988-03-03',
    sin: syntheticSin((options.sinBase ?? 6_100_000) + people),
  };
  if (!options.sa) return createClient(world, world.as.provider_caseworker, body);
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
