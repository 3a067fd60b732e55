import { and, asc, eq, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { clients, clientShares, organizations, referrals, users } from '../db/schema.js';
import type { Actor } from '../domain/access/policy.js';
import type { Role } from '../domain/access/roles.js';
import {
  CURRENT_NOTICE_VERSION,
  CURRENT_QUESTION_BANK_VERSION,
  isAsked,
  questionBank,
} from '../domain/assessment/index.js';
import {
  DEFAULT_SEGMENTATION_MODEL_ID,
  DEFAULT_STREAM_THRESHOLDS,
} from '../domain/assessment/segmentation/index.js';
import type { AnswerValue, Answers, AssessmentFacts, Module } from '../domain/assessment/types.js';
import { addCalendarDays, torontoDate } from '../domain/calendar/index.js';
import { ageOn } from '../domain/eligibility/age.js';
import {
  addNote,
  answer,
  referAssessment,
  setServiceLevel,
  startAssessment,
  submitAssessment,
  verifyAssessmentIdentity,
  type AssessmentDeps,
} from '../server/assessments/service.js';
import type { RequestContext } from '../server/http/context.js';
import type { PersonCrypto } from '../server/privacy/crypto.js';
import { assignReferral, logContactAttempt, suggestProviders } from '../server/referrals/service.js';
import { demoEmail, PROVIDERS } from './network.js';
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
function answersFor(facts: AssessmentFacts, modules: Module[], story: Answers = STORY): Answers {
  const bank = questionBank(CURRENT_QUESTION_BANK_VERSION)!;
  const all: Answers = {};
  for (let changed = true; changed;) {
    changed = false;
    for (const q of bank.sections.flatMap((s) => s.questions)) {
      if (all[q.id] !== undefined || !isAsked(q, all, facts)) continue;
      const options = q.options?.map((o) => o.value) ?? [];
      const fallback: AnswerValue =
        q.type === 'boolean'
          ? false
          : q.type === 'scale'
            ? 3
            : q.type === 'number'
              ? (q.min ?? 0)
              : q.type === 'multi'
                ? [options.includes('none') ? 'none' : options[0]!]
                : q.type === 'text'
                  ? 'Warehouse and logistics'
                  : q.type === 'date'
                    ? '2026-01-15'
                    : options.includes('no')
                      ? 'no'
                      : options[0]!;
      all[q.id] = story[q.id] ?? fallback;
      changed = true;
    }
  }
  const wanted = new Set(
    bank.sections.filter((s) => modules.includes(s.module)).flatMap((s) => s.questions.map((q) => q.id)),
  );
  return Object.fromEntries(Object.entries(all).filter(([id]) => wanted.has(id)));
}

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
  let clock = runAt;
  const deps: AssessmentDeps = {
    db,
    crypto,
    now: () => clock,
    segmentation: { modelId: DEFAULT_SEGMENTATION_MODEL_ID, thresholds: DEFAULT_STREAM_THRESHOLDS },
  };
  const today = torontoDate(runAt);
  /** 14:00 in Toronto `n` days ago, plus `minutes`; never after the run. */
  const at = (n: number, minutes = 0): Date => {
    const when = new Date(new Date(`${addCalendarDays(today, -n)}T18:00:00Z`).getTime() + minutes * 60_000);
    return when > runAt ? new Date(runAt.getTime() - (60 - minutes) * 1000) : when;
  };

  const orgs = await db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.catchmentId, network.catchmentId));
  const riverside = orgs.find((o) => o.name === PROVIDERS[0]!.name)?.id;
  const userOf = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];
  const [saUser, ssmUser, riversideUser] = await Promise.all([
    userOf(demoEmail('sa_caseworker')),
    userOf(demoEmail('ssm_intake')),
    userOf(demoEmail('provider_caseworker')),
  ]);
  if (!riverside || !saUser || !ssmUser || !riversideUser) return 0;
  const ctxOf = (user: typeof saUser): RequestContext => {
    const actor: Actor = {
      userId: user.id,
      organizationId: user.organizationId,
      organizationKind: orgs.find((o) => o.id === user.organizationId)!.kind,
      catchmentId: network.catchmentId,
      roles: user.roles as Role[],
    };
    return { actor, requestId: 'demo-seed' };
  };
  const sa = ctxOf(saUser);
  const ssm = ctxOf(ssmUser);
  const eo = ctxOf(riversideUser);

  // Adults with a SIN and no referral yet, in reference order: the same people on every run.
  const adult = lte(clients.dateOfBirth, addCalendarDays(today, -25 * 365));
  const noReferral = notExists(
    db
      .select({ one: sql`1` })
      .from(referrals)
      .where(eq(referrals.clientId, clients.id)),
  );
  const [saClient] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.saCaseworkerId, saUser.id), adult, isNotNull(clients.sinIndex), noReferral))
    .orderBy(asc(clients.reference))
    .limit(1);
  const riversideClients = await db
    .select({ client: clients })
    .from(clients)
    .innerJoin(clientShares, eq(clientShares.clientId, clients.id))
    .where(
      and(
        eq(clientShares.organizationId, riverside),
        isNull(clientShares.revokedAt),
        isNull(clients.saProgram),
        isNotNull(clients.sinIndex),
        adult,
        noReferral,
      ),
    )
    .orderBy(asc(clients.reference))
    .limit(5);
  if (!saClient || riversideClients.length < 5) return 0;
  const [inProgress, submitted, selfDirected, aged, pending] = riversideClients.map((r) => r.client) as [
    typeof saClient,
    typeof saClient,
    typeof saClient,
    typeof saClient,
    typeof saClient,
  ];
  const factsOf = (c: typeof saClient): AssessmentFacts => ({
    ageYears: ageOn(c.dateOfBirth, today),
    saClient: c.saProgram !== null,
  });
  const consent = { given: true, channel: 'in_person', noticeVersion: CURRENT_NOTICE_VERSION } as const;
  const photoId = {
    method: 'photo_id',
    kind: 'drivers_licence',
    expiresOn: addCalendarDays(today, 900),
    seen: 'in_person',
  } as const;
  const start = async (ctx: RequestContext, clientId: string, when: Date) => {
    clock = when;
    return (await startAssessment(deps, ctx, clientId, { consent })).detail.id;
  };
  let created = 0;

  // C6: the SA caseworker's M1 and notes, referred to SSM intake, assigned to Riverside: M2 is theirs.
  const saCa = await start(sa, saClient.id, at(6, 0));
  await verifyAssessmentIdentity(deps, sa, saCa, { method: 'sa_documentation' });
  await answer(deps, sa, saCa, { answers: answersFor(factsOf(saClient), ['m1']) });
  clock = at(6, 40);
  await addNote(deps, sa, saCa, {
    body: 'Prefers calls after 10 am. No car: a site on the bus line, please. Motivated; wants warehouse work again.',
  });
  const referred = await referAssessment(deps, sa, saCa, {
    warmReferral: false,
    clientChoiceOrganizationId: null,
    barriers: { transportation: true, childcare: false, language: null, accessibility: [] },
    notes: 'Referred after Module 1; the client is ready to take part.',
  });
  clock = at(5, 30);
  const ranked = await suggestProviders(deps, ssm, referred.referral!.id);
  await assignReferral(deps, ssm, referred.referral!.id, {
    organizationId: riverside,
    overrideReason:
      ranked[0]?.organizationId === riverside
        ? null
        : 'The client lives near the downtown site on the bus line.',
  });
  // P7: Riverside called the next day and booked the client in to complete Module 2.
  clock = at(4, 60);
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
  clock = at(9, 50);
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
