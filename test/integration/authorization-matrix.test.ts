import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_ORGANIZATION_KIND, ROLES, type Role } from '../../src/domain/access/roles.js';
import { eq } from 'drizzle-orm';
import {
  attestations,
  checkpoints,
  clientDataKeys,
  clients as clientsTable,
  plans,
  referrals,
  users,
} from '../../src/db/schema.js';
import { PersonalDataKey } from '../../src/server/clients/personal-data.js';
import {
  ATTESTATION_ATTEMPTS_FIELD,
  ATTESTATION_RATIONALE_FIELD,
} from '../../src/server/monitoring/facts.js';
import { addCalendarDays } from '../../src/domain/calendar/index.js';
import { CURRENT_NOTICE_VERSION, CURRENT_QUESTION_BANK_VERSION } from '../../src/domain/assessment/index.js';
import { syntheticSin } from '../../src/seed/people.js';
import {
  ADULT,
  ADULT_SA,
  completeAnswers,
  ok as succeed,
  PHOTO_ID,
  startAssessment,
} from '../support/assessments.js';
import { addClosure, addSite, createClient, ELIGIBLE_SCREENING, placeClients } from '../support/fixtures.js';
import { backdated, PLAN_BUILT_DAYS_AGO } from '../support/monitoring.js';
import { buildPlanWith, draftPlanFor, torontoToday, type PlanView } from '../support/plans.js';
import { sampleRequest } from '../support/samples.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * The authorization matrix: every API route × every role, aimed at records of another organization
 * and of another catchment. Routes are read from the running app, so a new route joins the matrix
 * by existing. A request naming a foreign record must never succeed; a request naming none must
 * not return a foreign record in its body. Positive controls prove the generated requests are valid
 * (otherwise a 400 could pass for a refusal).
 */
let world: World;
let spec: Parameters<typeof sampleRequest>[0];
let clients: Awaited<ReturnType<typeof placeClients>>;
const ids = {
  siteA: '',
  siteP2: '',
  siteB: '',
  closureB: '',
  targetUser: '',
  referralA: '',
  referralP1: '',
  referralReturned: '',
  referralUnscreened: '',
  referralToClose: '',
  referralP2: '',
  referralB: '',
  appointmentP1: '',
  appointmentP2: '',
  // Common Assessments: provider one's, each in the state one route needs, and foreign ones.
  caOpen: '',
  caReady: '',
  caToCancel: '',
  caToReturn: '',
  caAtSsm: '',
  caSubmitted: '',
  caSaToRefer: '',
  caP2: '',
  caSaOther: '',
  caB: '',
  revokeClient: '',
  revQueued: '',
  revAcked: '',
  revB: '',
  // Action plans: provider one's, each in the state one route needs, and foreign ones.
  planClient: '',
  planClientCa: '',
  planEdit: '',
  planEditSubGoal: '',
  planEditItem: '',
  planToSign: '',
  planToActivate: '',
  planTraining: '',
  planTrainingItem: '',
  planOnHold: '',
  planToClose: '',
  planP2: '',
  planP2SubGoal: '',
  planP2Item: '',
  planB: '',
  planBSubGoal: '',
  planBItem: '',
  catalogueA: '',
  catalogueB: '',
  // Case management: provider one's note, task and conferences (one to answer, one to withdraw), foreign ones.
  noteA: '',
  noteP2: '',
  noteB: '',
  taskA: '',
  taskP2: '',
  taskB: '',
  templateA: '',
  templateB: '',
  conferenceOpen: '',
  conferenceToWithdraw: '',
  conferenceP2: '',
  conferenceB: '',
  // PBF review (M9, M10): provider one's submitted checkpoints and requested attestations, catchment B's.
  checkpointToApprove: '',
  checkpointToReject: '',
  attestationToPreApprove: '',
  attestationToReject: '',
  checkpointB: '',
  attestationB: '',
  // Monitoring (M1–M10): a plan awaiting its outcome, one in monitoring with a job, an employer
  // support period, a recorded month_1 checkpoint and its evidence, and a pre-approved attestation to sign.
  monOutcomePlan: '',
  monPlan: '',
  monJob: '',
  monPeriod: '',
  monEvidence: '',
  attestationToSign: '',
  // Financial supports (F1–F13): provider one's, each in the state one route needs, and foreign ones.
  supportPlan: '',
  supportPending: '',
  supportApproved: '',
  supportToCancel: '',
  supportIssued: '',
  supportToReport: '',
  supportReported: '',
  supportEvidence: '',
  statusQuoClient: '',
  supportP2: '',
  supportEvidenceP2: '',
  supportB: '',
  supportEvidenceB: '',
  // Employers and placements (F10, F12–F14): provider one's employer and placements (one to end),
  // a plan to place a client on, provider two's placement and catchment B's employer and placement.
  employerA: '',
  employerB: '',
  placementPlan: '',
  placementA: '',
  placementToEnd: '',
  placementP2: '',
  placementB: '',
};
let dayCounter = 0;
/** A fresh date each call, so closures created or deleted by the positive control never collide. */
const freshDate = () => addCalendarDays('2031-01-01', dayCounter++);

beforeAll(async () => {
  world = await createWorld();
  clients = await placeClients(world);
  ids.siteA = await addSite(world, world.a.provider1, world.a.regionId);
  ids.siteP2 = await addSite(world, world.a.provider2, world.a.regionId);
  ids.siteB = await addSite(world, world.b.provider, world.b.regionId);
  ids.closureB = await addClosure(world, world.b.catchmentId, '2026-12-24');
  // Referrals: one awaiting assignment in catchment A, one assigned to provider two, one in catchment B.
  ids.referralA = await createReferral(world, world.as.ssm_intake, clients.p1);
  ids.referralP2 = await createReferral(world, world.as.ssm_intake, clients.p2);
  const assigned = await world.request(world.as.ssm_intake, {
    method: 'POST',
    url: `/api/referrals/${ids.referralP2}/assign`,
    payload: { organizationId: world.a.provider2, overrideReason: 'Fixture: assigned to provider two' },
  });
  expect(assigned.statusCode).toBe(200);
  ids.referralB = await createReferral(world, world.bSessions.ssm_intake, clients.b);
  // Provider one's own lead (with an appointment), and one it has returned, awaiting the SSM.
  // Fresh clients, so these assignments share no one the matrix expects provider one not to see.
  const saClient = await createClient(world, world.as.sa_caseworker, {
    legalGivenName: 'Lead',
    legalFamilyName: 'Fixture',
    dateOfBirth: '1980-01-01',
  });
  const ssmClient = await createClient(world, world.as.ssm_intake, {
    legalGivenName: 'Returned',
    legalFamilyName: 'Fixture',
    dateOfBirth: '1980-01-02',
  });
  ids.referralP1 = await createReferral(
    world,
    world.as.sa_caseworker,
    saClient,
    'assign-to-provider1',
    'ontario_works',
  );
  ids.referralReturned = await createReferral(world, world.as.ssm_intake, ssmClient, 'assign-to-provider1');
  const returned = await world.request(world.as.provider_caseworker, {
    method: 'POST',
    url: `/api/referrals/${ids.referralReturned}/return`,
    payload: { reason: 'referred_in_error' },
  });
  expect(returned.statusCode).toBe(200);
  // A direct referral SSM intake has yet to screen (P2 pathway 2), as the TRF list import leaves them.
  const unscreenedClient = await createClient(world, world.as.ssm_intake, {
    legalGivenName: 'Unscreened',
    legalFamilyName: 'Fixture',
    dateOfBirth: '1980-01-03',
  });
  ids.referralUnscreened = await createReferral(world, world.as.ssm_intake, unscreenedClient);
  await world.db.update(referrals).set({ screening: null }).where(eq(referrals.id, ids.referralUnscreened));
  // One SSM intake will close (a duplicate): closed is final, so no other route may need it.
  const toCloseClient = await createClient(world, world.as.sa_caseworker, {
    legalGivenName: 'Closed',
    legalFamilyName: 'Fixture',
    dateOfBirth: '1980-01-04',
  });
  ids.referralToClose = await createReferral(
    world,
    world.as.sa_caseworker,
    toCloseClient,
    undefined,
    'ontario_works',
  );
  ids.appointmentP1 = await offerAppointment(world.as.provider_caseworker, ids.referralP1);
  ids.appointmentP2 = await offerAppointment(world.provider2Caseworker, ids.referralP2);
  await placeAssessments();
  await placePlans();
  await placeCaseRecords();
  await placePbfReview();
  await placeMonitoring();
  await placeSupports();
  await placeEmployers();
  const [target] = await world.db
    .insert(users)
    .values({
      organizationId: world.a.provider1,
      email: 'target@test.example',
      displayName: 'Target of user changes',
      roles: ['provider_caseworker'],
    })
    .returning();
  ids.targetUser = target!.id;
  const validator = new Validator();
  const result = await validator.validate(
    world.app.swagger() as unknown as Parameters<Validator['validate']>[0],
  );
  expect(result.valid).toBe(true);
  spec = validator.resolveRefs() as typeof spec;
});
afterAll(() => world?.close());

const isSsm = (role: Role) => ROLE_ORGANIZATION_KIND[role] === 'ssm';
const ok = (status: number) => status >= 200 && status < 300;

function send(session: Session, req: ReturnType<typeof sampleRequest>) {
  return world.request(session, {
    method: req.method as 'GET',
    url: req.url,
    query: req.query,
    ...(req.hasBody ? { payload: req.body as object } : {}),
  });
}

/** Ids of another catchment: no role of catchment A may touch these. */
/** A referral source that fits the pathway of the role's organization (P1). */
const sourceFor = (role: Role) =>
  role === 'sa_caseworker' ? 'ontario_works' : role.startsWith('provider') ? 'walk_in' : 'trf';

async function createReferral(
  w: World,
  as: Session,
  clientId: string,
  then?: 'assign-to-provider1',
  source = 'trf',
): Promise<string> {
  const res = await w.request(as, {
    method: 'POST',
    url: '/api/referrals',
    // P2: a direct referral to SSM intake carries its screening.
    payload: { clientId, source, ...(source === 'trf' ? { screening: ELIGIBLE_SCREENING } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`referral create failed: ${res.statusCode} ${res.body}`);
  const id = (res.json() as { id: string }).id;
  if (then) {
    const assigned = await w.request(w.as.ssm_intake, {
      method: 'POST',
      url: `/api/referrals/${id}/assign`,
      payload: { organizationId: w.a.provider1, overrideReason: 'Fixture: assigned to provider one' },
    });
    if (assigned.statusCode !== 200) throw new Error(`assign failed: ${assigned.body}`);
  }
  return id;
}

async function offerAppointment(as: Session, referralId: string): Promise<string> {
  const res = await world.request(as, {
    method: 'POST',
    url: `/api/referrals/${referralId}/appointments`,
    payload: { scheduledFor: '2026-12-01T15:00:00Z', mode: 'virtual' },
  });
  if (res.statusCode !== 200) throw new Error(`appointment failed: ${res.body}`);
  return (res.json() as { appointments: { id: string }[] }).appointments[0]!.id;
}

let sinCounter = 0;
/** A fresh client with a SIN (E2), so case-managed service is open to them. */
async function caClient(as: Session, label: string, extra: Record<string, unknown> = {}) {
  return createClient(world, as, {
    legalGivenName: label,
    legalFamilyName: 'Cafixture',
    dateOfBirth: '1985-05-05',
    sin: syntheticSin(8_100_000 + sinCounter++),
    ...extra,
  });
}

async function startedCa(as: Session, clientId: string): Promise<string> {
  const res = await startAssessment(world, as, clientId);
  if (res.statusCode !== 201) throw new Error(`assessment start failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Provider one's CAs, one per state a route needs, and CAs of provider two, another SA worker and catchment B. */
async function placeAssessments() {
  const p1 = world.as.provider_caseworker;
  const url = (id: string, step: string) => `/api/assessments/${id}/${step}`;
  ids.caOpen = await startedCa(p1, await caClient(p1, 'Open'));
  const ready = async (label: string) => {
    const id = await startedCa(p1, await caClient(p1, label));
    await succeed(world, p1, 'PATCH', url(id, 'answers'), { answers: completeAnswers(ADULT, ['m1']) });
    await succeed(world, p1, 'PUT', url(id, 'identity'), PHOTO_ID);
    await succeed(world, p1, 'PUT', url(id, 'service-level'), { level: 'case_managed', indicators: [] });
    await succeed(world, p1, 'PATCH', url(id, 'answers'), { answers: completeAnswers(ADULT, ['m2']) });
    return id;
  };
  ids.caReady = await ready('Ready');
  ids.caSubmitted = await ready('Submitted');
  await succeed(world, p1, 'POST', url(ids.caSubmitted, 'submit'));
  ids.caToCancel = await startedCa(p1, await caClient(p1, 'Cancel'));
  ids.caToReturn = await startedCa(p1, await caClient(p1, 'Return'));
  ids.caAtSsm = await startedCa(p1, await caClient(p1, 'Atssm'));
  await succeed(world, p1, 'POST', url(ids.caAtSsm, 'reassign-to-ssm'), { note: 'Fixture: back to the SSM' });
  // An SA-flow CA with M1 done, ready to be referred (C6).
  const sa = world.as.sa_caseworker;
  const saClient = await caClient(sa, 'Sarefer', {
    socialAssistance: {
      program: 'ow',
      samsMemberId: '55500011',
      officeId: world.a.saOffice,
      caseworkerId: sa.userId,
    },
  });
  ids.caSaToRefer = await startedCa(sa, saClient);
  await succeed(world, sa, 'PUT', url(ids.caSaToRefer, 'identity'), { method: 'sa_documentation' });
  await succeed(world, sa, 'PATCH', url(ids.caSaToRefer, 'answers'), {
    answers: completeAnswers(ADULT_SA, ['m1']),
  });
  // Foreign CAs: provider two's, the other SA caseworker's, catchment B's.
  ids.caP2 = await startedCa(world.provider2Caseworker, clients.p2);
  ids.caSaOther = await startedCa(world.otherSaCaseworker, clients.saOther);
  ids.caB = await startedCa(world.bSessions.provider_caseworker, clients.b);
  // Revocations (C3): one queued, one acknowledged, in catchment A; one in catchment B.
  const revoke = async (as: Session, clientId: string) =>
    (
      await succeed<{ id: string }>(world, as, 'POST', `/api/clients/${clientId}/consent/revocation`, {
        receivedOn: '2026-03-02',
        noticeToSsm: 'Fixture: the client withdrew consent.',
      })
    ).id;
  ids.revQueued = await revoke(world.as.ssm_intake, await caClient(world.as.ssm_intake, 'Revqueued'));
  ids.revAcked = await revoke(world.as.ssm_intake, await caClient(world.as.ssm_intake, 'Revacked'));
  await succeed(world, world.as.ssm_intake, 'POST', `/api/consent-revocations/${ids.revAcked}/acknowledge`);
  ids.revB = await revoke(world.bSessions.ssm_intake, await caClient(world.bSessions.ssm_intake, 'Revb'));
  // The client the positive control revokes: theirs alone, so no other fixture loses its shares.
  ids.revokeClient = await caClient(world.as.ssm_intake, 'Revokeme');
}

/** Which of provider one's CAs a route acts on, so the positive control finds one in the right state. */
function ownAssessmentFor(url: string): string {
  if (url.endsWith('/clients/:clientId/plans')) return ids.planClientCa;
  if (url.endsWith('/submit')) return ids.caReady;
  if (url.endsWith('/cancel')) return ids.caToCancel;
  if (url.endsWith('/reassign-to-ssm')) return ids.caToReturn;
  if (url.endsWith('/assign-provider')) return ids.caAtSsm;
  if (url.endsWith('/close-in-error')) return ids.caSubmitted;
  if (url.endsWith('/refer')) return ids.caSaToRefer;
  return ids.caOpen;
}

/** Which of catchment A's referrals a route acts on, so the positive control finds one in the right state. */
function ownReferralFor(url: string): string {
  if (url.endsWith('/assign') || url.endsWith('/suggestions')) return ids.referralA;
  if (url.endsWith('/decision')) return ids.referralReturned;
  if (url.endsWith('/screening')) return ids.referralUnscreened;
  if (url.endsWith('/close')) return ids.referralToClose;
  return ids.referralP1;
}

/** Provider one's plans in each state a plan route needs (A1–A10), and plans of provider two and catchment B. */
async function placePlans() {
  const p1 = world.as.provider_caseworker;
  const first = (plan: PlanView) => {
    const sub = plan.subGoals[0]!;
    return { subGoalId: sub.id, itemId: sub.items[0]!.id };
  };
  const eas = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];
  const withBjo = [...eas, { kind: 'skills_development_ministry_delivered', code: 'sdm.bjo' }];
  // A client with a submitted CA and no plan yet, for POST /clients/:clientId/plans.
  ({ clientId: ids.planClient, assessmentId: ids.planClientCa } = await planClientWithCa(p1));
  const edit = await buildPlanWith(world, p1, (await draftPlanFor(world, p1, 8_200_000)).id, eas);
  ids.planEdit = edit.id;
  ({ subGoalId: ids.planEditSubGoal, itemId: ids.planEditItem } = first(edit));
  const toSign = await buildPlanWith(world, p1, (await draftPlanFor(world, p1, 8_210_000)).id, eas);
  ids.planToSign = toSign.id;
  await succeed(world, p1, 'GET', `/api/plans/${toSign.id}/summary`);
  ids.planToActivate = (
    await buildPlanWith(world, p1, (await draftPlanFor(world, p1, 8_220_000)).id, eas, { sign: true })
  ).id;
  const training = await buildPlanWith(world, p1, (await draftPlanFor(world, p1, 8_230_000)).id, withBjo, {
    activate: true,
  });
  ids.planTraining = training.id;
  ids.planTrainingItem = training.subGoals.find(
    (s) => s.kind === 'skills_development_ministry_delivered',
  )!.items[0]!.id;
  const onHold = await buildPlanWith(world, p1, (await draftPlanFor(world, p1, 8_240_000)).id, withBjo, {
    activate: true,
  });
  ids.planOnHold = onHold.id;
  await succeed(world, p1, 'POST', `/api/plans/${onHold.id}/training-referral`, {
    itemId: onHold.subGoals.find((s) => s.kind === 'skills_development_ministry_delivered')!.items[0]!.id,
    acceptedOn: torontoToday(),
  });
  ids.planToClose = (await draftPlanFor(world, p1, 8_250_000)).id;
  const p2 = await buildPlanWith(
    world,
    world.provider2Caseworker,
    (await draftPlanFor(world, world.provider2Caseworker, 8_260_000)).id,
    eas,
  );
  ids.planP2 = p2.id;
  ({ subGoalId: ids.planP2SubGoal, itemId: ids.planP2Item } = first(p2));
  const bWorker = world.bSessions.provider_caseworker;
  const b = await buildPlanWith(world, bWorker, (await draftPlanFor(world, bWorker, 8_270_000)).id, eas);
  ids.planB = b.id;
  ({ subGoalId: ids.planBSubGoal, itemId: ids.planBItem } = first(b));
  const catalogue = async (as: Session) =>
    (
      await succeed<{ items: { id: string; code: string }[] }>(world, as, 'GET', '/api/plan-catalogue')
    ).items.find((i) => i.code === 'eas.job_matching')!.id;
  ids.catalogueA = await catalogue(p1);
  ids.catalogueB = await catalogue(bWorker);
}

async function planClientWithCa(as: Session): Promise<{ clientId: string; assessmentId: string }> {
  const clientId = await caClient(as, 'Planless');
  const id = await startedCa(as, clientId);
  const url = (step: string) => `/api/assessments/${id}/${step}`;
  await succeed(world, as, 'PATCH', url('answers'), { answers: completeAnswers(ADULT, ['m1']) });
  await succeed(world, as, 'PUT', url('identity'), PHOTO_ID);
  await succeed(world, as, 'PUT', url('service-level'), { level: 'case_managed', indicators: [] });
  await succeed(world, as, 'PATCH', url('answers'), { answers: completeAnswers(ADULT, ['m2']) });
  await succeed(world, as, 'POST', url('submit'));
  return { clientId, assessmentId: id };
}

/** Which of provider one's plans a plan route acts on, so the positive control finds one in the right state. */
function ownPlanFor(url: string): string {
  if (url.startsWith('/api/plans/:planId/placements')) return ids.placementPlan;
  if (url.startsWith('/api/plans/:planId/supports')) return ids.supportPlan;
  if (url.endsWith('/plans/:planId/outcome')) return ids.monOutcomePlan;
  if (MONITORED.test(url)) return ids.monPlan;
  if (url.endsWith('/signature')) return ids.planToSign;
  if (url.endsWith('/activate')) return ids.planToActivate;
  if (url.endsWith('/training-referral')) return ids.planTraining;
  if (url.endsWith('/resume')) return ids.planOnHold;
  if (url.endsWith('/close')) return ids.planToClose;
  return ids.planEdit;
}

/** Notes, tasks and case conferences of provider one, provider two and catchment B; the SSMs' templates. */
async function placeCaseRecords() {
  const note = async (as: Session, clientId: string) =>
    (
      await succeed<{ id: string }>(world, as, 'POST', `/api/clients/${clientId}/notes`, {
        visibility: 'internal',
        body: 'Fixture: internal note',
      })
    ).id;
  const task = async (as: Session, clientId: string) =>
    (
      await succeed<{ id: string }>(world, as, 'POST', `/api/clients/${clientId}/tasks`, {
        title: 'Fixture: task',
        dueOn: '2026-03-02',
      })
    ).id;
  const conference = async (as: Session, clientId: string) =>
    (
      await succeed<{ id: string }>(world, as, 'POST', `/api/clients/${clientId}/case-conferences`, {
        topic: 'Fixture: topic',
        channel: 'phone',
        includeClient: false,
        body: 'Fixture: request',
      })
    ).id;
  const template = async (as: Session) =>
    (await succeed<{ templates: { id: string }[] }>(world, as, 'GET', '/api/note-templates')).templates[0]!
      .id;
  const p1 = world.as.provider_caseworker;
  const p2 = world.provider2Caseworker;
  const b = world.bSessions.provider_caseworker;
  ids.noteA = await note(p1, clients.p1);
  ids.noteP2 = await note(p2, clients.p2);
  ids.noteB = await note(b, clients.b);
  ids.taskA = await task(p1, clients.p1);
  ids.taskP2 = await task(p2, clients.p2);
  ids.taskB = await task(b, clients.b);
  ids.templateA = await template(world.as.ssm_admin);
  ids.templateB = await template(world.bSessions.ssm_admin);
  ids.conferenceOpen = await conference(p1, clients.p1);
  ids.conferenceToWithdraw = await conference(p1, clients.p1);
  ids.conferenceP2 = await conference(p2, clients.p2);
  ids.conferenceB = await conference(b, clients.b);
}

/**
 * A plan in monitoring with its four PBF checkpoints recorded: two submitted to the SSM, two with an
 * attestation requested (rows written directly: the route fixtures only need them to exist).
 */
async function monitoredPlan(as: Session, sinBase: number) {
  const eas = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];
  const plan = await buildPlanWith(world, as, (await draftPlanFor(world, as, sinBase)).id, eas, {
    activate: true,
  });
  const [row] = await world.db.select().from(plans).where(eq(plans.id, plan.id));
  const [k] = await world.db.select().from(clientDataKeys).where(eq(clientDataKeys.clientId, row!.clientId));
  const key = PersonalDataKey.open(world.crypto, row!.clientId, k?.wrappedKey ?? null);
  await world.db.update(plans).set({ monitoringStartedOn: '2026-01-05' }).where(eq(plans.id, plan.id));
  const at = new Date('2026-02-10T15:00:00Z');
  const checkpoint = async (kind: 'month_1' | 'month_3' | 'month_6' | 'month_12', dueOn: string) =>
    (
      await world.db
        .insert(checkpoints)
        .values({
          planId: plan.id,
          kind,
          dueOn,
          contactedOn: dueOn,
          esqStatus: 'not_employed',
          satisfaction: '4',
          reviewState: kind === 'month_1' || kind === 'month_3' ? 'submitted' : 'not_submitted',
          submittedAt: at,
          submittedByUserId: as.userId,
          recordedByUserId: as.userId,
          recordedAt: at,
        })
        .returning()
    )[0]!.id;
  const attestation = async (checkpointId: string) =>
    (
      await world.db
        .insert(attestations)
        .values({
          planId: plan.id,
          checkpointId,
          covers: ['checkpoint'],
          rationaleSealed: key.sealText(ATTESTATION_RATIONALE_FIELD, 'Fixture: employer closed'),
          attemptsSealed: key.sealText(ATTESTATION_ATTEMPTS_FIELD, 'Fixture: three calls'),
          requestedByUserId: as.userId,
          requestedAt: at,
        })
        .returning()
    )[0]!.id;
  return {
    month1: await checkpoint('month_1', '2026-02-05'),
    month3: await checkpoint('month_3', '2026-04-05'),
    month6: await attestation(await checkpoint('month_6', '2026-07-05')),
    month12: await attestation(await checkpoint('month_12', '2027-01-05')),
  };
}

async function placePbfReview() {
  const a = await monitoredPlan(world.as.provider_caseworker, 8_280_000);
  ids.checkpointToApprove = a.month1;
  ids.checkpointToReject = a.month3;
  ids.attestationToPreApprove = a.month6;
  ids.attestationToReject = a.month12;
  const b = await monitoredPlan(world.bSessions.provider_caseworker, 8_290_000);
  ids.checkpointB = b.month1;
  ids.attestationB = b.month6;
}

/** Provider one's plans in the states the monitoring routes need (M1–M10), built through the API. */
async function placeMonitoring() {
  const p1 = world.as.provider_caseworker;
  const eas = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];
  // Built in the past, so outcomes dated before today follow the activation (M1).
  const active = (sinBase: number) =>
    backdated(world, PLAN_BUILT_DAYS_AGO, async () => {
      const draft = await draftPlanFor(world, p1, sinBase);
      return (await buildPlanWith(world, p1, draft.id, eas, { activate: true })).id;
    });
  type View = {
    jobs: { id: string }[];
    checkpoints: { kind: string; evidence: { id: string }[]; attestation: { id: string } | null }[];
  };
  const started = addCalendarDays(torontoToday(), -40);
  const job = {
    employerName: 'Fixture Employer',
    atEntryEmployer: false,
    startedOn: started,
    minutesPerWeek: 1500,
    nocCode: '74205',
    permanence: 'permanent',
  };
  const esq = (jobId: string) => ({
    contactedOn: torontoToday(),
    esqStatus: 'employed',
    satisfaction: '5',
    jobs: [{ jobId, minutesPerWeek: 1500, nocCode: '74205' }],
  });
  const employed = async (planId: string) => {
    const v = await succeed<View>(world, p1, 'POST', `/api/plans/${planId}/outcome`, {
      kind: 'employed',
      endedOn: started,
      jobs: [job],
    });
    await succeed(world, p1, 'POST', `/api/plans/${planId}/checkpoints/month_1`, esq(v.jobs[0]!.id));
    return v.jobs[0]!.id;
  };
  ids.monOutcomePlan = await active(8_300_000);
  ids.monPlan = await active(8_310_000);
  ids.monJob = await employed(ids.monPlan);
  const withPeriod = await succeed<{ jobs: { supportPeriods: { id: string }[] }[] }>(
    world,
    p1,
    'POST',
    `/api/plans/${ids.monPlan}/jobs/${ids.monJob}/employer-supports`,
    { startsOn: '2026-01-05', endsOn: null },
  );
  ids.monPeriod = withPeriod.jobs[0]!.supportPeriods[0]!.id;
  const signPlan = await active(8_320_000);
  await employed(signPlan);
  // Evidence on a checkpoint nobody submits (M9: what the SSM reviews cannot be withdrawn).
  const withEvidence = await succeed<View>(world, p1, 'POST', `/api/plans/${signPlan}/evidence`, {
    kind: 'pay_stub',
    checkpointKind: 'month_1',
    fileName: 'fixture.pdf',
    contentType: 'application/pdf',
    dataBase64: FIXTURE_PDF,
    showsClientName: true,
    showsBusinessName: true,
    coversDate: true,
    showsTwentyPlusHours: true,
  });
  ids.monEvidence = withEvidence.checkpoints.find((c) => c.kind === 'month_1')!.evidence[0]!.id;
  const requested = await succeed<View>(
    world,
    p1,
    'POST',
    `/api/plans/${signPlan}/checkpoints/month_1/attestation`,
    {
      covers: ['checkpoint'],
      rationale: 'Fixture: the employer closed',
      attempts: 'Fixture: three calls',
    },
  );
  ids.attestationToSign = requested.checkpoints.find((c) => c.kind === 'month_1')!.attestation!.id;
  // M10: the SSM's pre-approval, written directly (the PBF module's route has its own fixtures).
  await world.db
    .update(attestations)
    .set({ state: 'pre_approved', decidedAt: new Date(), decidedByUserId: world.as.ssm_qa.userId })
    .where(eq(attestations.id, ids.attestationToSign));
}

/** A few bytes that are a PDF by their magic number (M9 checks it). */
const FIXTURE_PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const MONITORED = /\/plans\/:planId\/(monitoring|jobs|employer-supports|checkpoints|evidence)/;

/** Body values the monitoring routes need on provider one's fixtures (M1–M10). */
function ownMonitoring(url: string): Record<string, unknown> {
  const own: Record<string, unknown> = {
    jobId: ids.monJob,
    periodId: ids.monPeriod,
    evidenceId: ids.monEvidence,
    nocCode: '74205',
    dataBase64: FIXTURE_PDF,
  };
  // M4: an outcome without employment, confirming every activity was offered.
  if (url.endsWith('/outcome'))
    Object.assign(own, { kind: 'not_employed', allActivitiesOfferedConfirmed: true });
  // M6: the completion ESQ names the job held.
  if (url.endsWith('/checkpoints/:kind'))
    Object.assign(own, {
      kind: 'completion',
      contactedOn: torontoToday(),
      jobs: [{ jobId: ids.monJob, minutesPerWeek: 1500, nocCode: '74205' }],
    });
  if (url.endsWith('/submit') || url.endsWith('/attestation')) own.kind = 'month_1';
  if (url.endsWith('/jobs/:jobId')) own.endedOn = null;
  return own;
}

/**
 * Financial supports (F1–F13) through the API: provider one's in each state a support route needs, a
 * status-quo client (E7), and an issued support with a receipt at provider two and in catchment B.
 */
async function placeSupports() {
  const p1 = world.as.provider_caseworker;
  const eas = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];
  const activePlan = async (as: Session, sinBase: number) =>
    (await buildPlanWith(world, as, (await draftPlanFor(world, as, sinBase)).id, eas, { activate: true })).id;
  const request = async (as: Session, planId: string, amountCents: number) =>
    (
      await succeed<{ id: string }>(world, as, 'POST', `/api/plans/${planId}/supports`, {
        kind: 'client',
        category: 'special_equipment_supplies',
        description: 'Fixture: work boots',
        vendorName: 'Fixture Footwear',
        sellerKind: 'business',
        purchaseForm: 'goods_or_services',
        amountCents,
        servicesDebt: false,
        planGoalOrdinal: 1,
        justification: {
          evidenceOfNeed: 'Fixture: need',
          whyCouldNotPay: 'Fixture: no income',
          reasonableCost: 'Fixture: quote',
          barrierTemporary: true,
          noOtherFundingSource: true,
        },
        plannedIssueOn: torontoToday(),
      })
    ).id;
  const step = (as: Session, id: string, name: string, body: object) =>
    succeed<{ evidence: { id: string }[] }>(world, as, 'POST', `/api/supports/${id}/${name}`, body);
  const issued = async (as: Session, planId: string) => {
    const id = await request(as, planId, 15_000);
    await step(as, id, 'issue', { issuedOn: torontoToday(), paymentMethod: 'purchase_card' });
    return id;
  };
  const receipted = async (as: Session, planId: string) => {
    const id = await issued(as, planId);
    const v = await step(as, id, 'evidence', {
      kind: 'itemized_receipt',
      fileName: 'fixture-receipt.pdf',
      contentType: 'application/pdf',
      contentBase64: FIXTURE_PDF,
    });
    return { id, evidenceId: v.evidence[0]!.id };
  };
  ids.supportPlan = await activePlan(p1, 8_400_000);
  ids.supportPending = await request(p1, ids.supportPlan, 120_000);
  ids.supportApproved = await request(p1, ids.supportPlan, 15_000);
  ids.supportToCancel = await request(p1, ids.supportPlan, 15_000);
  ids.supportIssued = await issued(p1, ids.supportPlan);
  ({ id: ids.supportToReport, evidenceId: ids.supportEvidence } = await receipted(p1, ids.supportPlan));
  ids.supportReported = (await receipted(p1, ids.supportPlan)).id;
  await step(p1, ids.supportReported, 'report', {});
  ids.statusQuoClient = await caClient(p1, 'Statusquo');
  await world.db
    .update(clientsTable)
    .set({ statusQuo: true })
    .where(eq(clientsTable.id, ids.statusQuoClient));
  ({ id: ids.supportP2, evidenceId: ids.supportEvidenceP2 } = await receipted(
    world.provider2Caseworker,
    await activePlan(world.provider2Caseworker, 8_410_000),
  ));
  const bWorker = world.bSessions.provider_caseworker;
  ({ id: ids.supportB, evidenceId: ids.supportEvidenceB } = await receipted(
    bWorker,
    await activePlan(bWorker, 8_420_000),
  ));
}

/** Body and path values the support routes need on provider one's fixtures. */
function ownSupports(url: string): Record<string, unknown> {
  if (url.startsWith('/api/clients/:clientId/supports'))
    // E7/F7: a status-quo client's support is planned inside the window.
    return { clientId: ids.statusQuoClient, plannedIssueOn: '2024-02-15', planGoalOrdinal: 1 };
  if (!url.includes('/supports') && !url.includes('/support-evidence')) return {};
  const byStep: [string, string][] = [
    ['/pre-approval', ids.supportPending],
    ['/issue', ids.supportApproved],
    ['/evidence', ids.supportIssued],
    ['/report', ids.supportToReport],
    ['/review', ids.supportReported],
    ['/cancel', ids.supportToCancel],
  ];
  return {
    supportId: byStep.find(([end]) => url.endsWith(end))?.[1] ?? ids.supportReported,
    supportEvidenceId: ids.supportEvidence,
    decision: 'approve',
    planGoalOrdinal: 1,
    issuedOn: torontoToday(),
    contentBase64: FIXTURE_PDF,
  };
}

/**
 * Employers and placements (F10, F12–F14) through the API: provider one's employer (registered, so
 * it manages it) with a placement to change and one to end, provider two's placement with that same
 * employer (employers are the catchment's, placements the plan's), and catchment B's.
 */
async function placeEmployers() {
  const p1 = world.as.provider_caseworker;
  const eas = [{ kind: 'employment_assistance_services', code: 'eas.resume_interview' }];
  const activePlan = async (as: Session, sinBase: number) =>
    (await buildPlanWith(world, as, (await draftPlanFor(world, as, sinBase)).id, eas, { activate: true })).id;
  const employer = async (as: Session) =>
    (
      await succeed<{ id: string }>(world, as, 'POST', '/api/employers', {
        legalName: 'Fixture Employer Ltd.',
      })
    ).id;
  const placement = async (as: Session, planId: string, employerId: string) =>
    (
      await succeed<{ id: string }>(world, as, 'POST', `/api/plans/${planId}/placements`, {
        employerId,
        jobTitle: 'Fixture trainee',
        startsOn: '2026-01-05',
        endsOn: '2026-12-31',
        minutesPerWeek: 1200,
        trainingIncentiveCents: 50_000,
        employerUse: 'placement_incentive',
        intendedToContinue: false,
        planGoalOrdinal: 1,
        justification: {
          evidenceOfNeed: 'Fixture: need',
          whyCouldNotPay: 'Fixture: employer cannot carry the training cost',
          reasonableCost: 'Fixture: market rate',
          barrierTemporary: true,
          noOtherFundingSource: true,
        },
      })
    ).id;
  ids.employerA = await employer(p1);
  ids.placementPlan = await activePlan(p1, 8_500_000);
  ids.placementA = await placement(p1, await activePlan(p1, 8_510_000), ids.employerA);
  ids.placementToEnd = await placement(p1, await activePlan(p1, 8_520_000), ids.employerA);
  const p2 = world.provider2Caseworker;
  ids.placementP2 = await placement(p2, await activePlan(p2, 8_530_000), ids.employerA);
  const bWorker = world.bSessions.provider_caseworker;
  ids.employerB = await employer(bWorker);
  ids.placementB = await placement(bWorker, await activePlan(bWorker, 8_540_000), ids.employerB);
}

/** Body and path values the employer and placement routes need on provider one's fixtures. */
function ownEmployers(url: string): Record<string, unknown> {
  if (!url.includes('/employers') && !url.includes('/placements')) return {};
  return {
    employerId: ids.employerA,
    placementId: url.endsWith('/end') ? ids.placementToEnd : ids.placementA,
    // F4: the placement's support is linked to the plan's first goal.
    planGoalOrdinal: 1,
    endedOn: torontoToday(),
  };
}

function otherCatchment() {
  return {
    appointmentId: ids.appointmentP2,
    referralId: ids.referralB,
    clientId: clients.b,
    organizationId: world.b.provider,
    siteId: ids.siteB,
    userId: world.bSessions.provider_caseworker.userId,
    closureId: ids.closureB,
    regionId: world.b.regionId,
    officeId: world.b.saOffice,
    name: 'Matrixtest',
    assessmentId: ids.caB,
    revocationId: ids.revB,
    planId: ids.planB,
    subGoalId: ids.planBSubGoal,
    itemId: ids.planBItem,
    catalogueItemId: ids.catalogueB,
    noteId: ids.noteB,
    taskId: ids.taskB,
    templateId: ids.templateB,
    conferenceId: ids.conferenceB,
    checkpointId: ids.checkpointB,
    attestationId: ids.attestationB,
    supportId: ids.supportB,
    supportEvidenceId: ids.supportEvidenceB,
    employerId: ids.employerB,
    placementId: ids.placementB,
    fiscalYear: 2026,
  };
}

/** Ids of another organization in the same catchment, for staff who are not SSM. */
function otherOrganization(role: Role) {
  return {
    appointmentId: ids.appointmentP2,
    referralId: ids.referralP2,
    clientId: role === 'sa_caseworker' ? clients.saOther : clients.p2,
    organizationId: world.a.provider2,
    siteId: ids.siteP2,
    userId: world.provider2Caseworker.userId,
    name: 'Matrixtest',
    assessmentId: role === 'sa_caseworker' ? ids.caSaOther : ids.caP2,
    planId: ids.planP2,
    subGoalId: ids.planP2SubGoal,
    itemId: ids.planP2Item,
    noteId: ids.noteP2,
    taskId: ids.taskP2,
    conferenceId: ids.conferenceP2,
    supportId: ids.supportP2,
    supportEvidenceId: ids.supportEvidenceP2,
    placementId: ids.placementP2,
    fiscalYear: 2026,
  };
}

function foreignIdsFor(role: Role): string[] {
  const list = [
    ids.referralB,
    clients.b,
    world.b.provider,
    world.b.ssm,
    world.b.saOffice,
    ids.siteB,
    ids.closureB,
    world.b.regionId,
    ids.caB,
    ids.revB,
    ids.planB,
    ids.planBSubGoal,
    ids.planBItem,
    ids.catalogueB,
    ids.noteB,
    ids.taskB,
    ids.templateB,
    ids.conferenceB,
    ids.checkpointB,
    ids.attestationB,
    ids.supportB,
    ids.supportEvidenceB,
    ids.employerB,
    ids.placementB,
  ];
  if (role === 'ministry_viewer') list.push(clients.p1, clients.p2, clients.saMine, clients.saOther);
  else if (!isSsm(role))
    list.push(
      clients.p2,
      clients.saOther,
      world.provider2Caseworker.userId,
      ids.referralP2,
      ids.appointmentP2,
      ids.caP2,
      ids.caSaOther,
      ids.planP2,
      ids.planP2SubGoal,
      ids.planP2Item,
      ids.noteP2,
      ids.taskP2,
      ids.conferenceP2,
      ids.supportP2,
      ids.supportEvidenceP2,
      ids.placementP2,
    );
  if (role === 'sa_caseworker') list.push(clients.p1);
  if (role.startsWith('provider')) list.push(clients.saMine);
  return list;
}

function referencesAny(req: ReturnType<typeof sampleRequest>, values: string[]): boolean {
  const text = JSON.stringify([req.url, req.query, req.body]);
  return values.some((v) => text.includes(v));
}

describe('authorization matrix: every route × every role × another organization’s record', () => {
  it('covers every registered API route', () => {
    expect(world.app.routeCatalog.length).toBeGreaterThanOrEqual(20);
  });

  for (const role of ROLES) {
    it(`${role}: no cross-catchment or cross-organization read or write succeeds`, async () => {
      const session = world.as[role];
      // Each variant names a source that fits the role's pathway, so only the foreign record is wrong.
      const variants: { name: string; ids: Record<string, unknown> }[] = [
        { name: 'other catchment', ids: { ...otherCatchment(), source: sourceFor(role) } },
      ];
      if (!isSsm(role)) {
        variants.push({
          name: 'other organization',
          ids: { ...otherOrganization(role), source: sourceFor(role) },
        });
      }
      const foreign = foreignIdsFor(role);
      const failures: string[] = [];
      for (const route of world.app.routeCatalog) {
        if (route.access === 'public') continue;
        for (const variant of variants) {
          // The provider directory (P5) is shared across the catchment on purpose: any staff member
          // may read another organization's name and sites. It holds no client data.
          if (variant.name === 'other organization' && route.access === 'organization.read') continue;
          if (route.url.endsWith('/auth/me/password') || route.url.endsWith('/auth/sign-out')) continue;
          const req = sampleRequest(spec, route.method, route.url, variant.ids);
          const res = await send(session, req);
          if (res.statusCode >= 500)
            failures.push(`${route.method} ${route.url} [${variant.name}] → ${res.statusCode}`);
          if (referencesAny(req, foreign)) {
            if (ok(res.statusCode))
              failures.push(`${route.method} ${route.url} [${variant.name}] succeeded (${res.statusCode})`);
          } else if (ok(res.statusCode) && foreign.some((id) => res.body.includes(id))) {
            failures.push(`${route.method} ${route.url} [${variant.name}] returned a foreign record`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('positive control: each route succeeds for some role on its own records (the requests are valid)', async () => {
    const unreached: string[] = [];
    for (const route of world.app.routeCatalog) {
      if (
        route.access === 'public' ||
        route.url.endsWith('/auth/sign-out') ||
        route.url.endsWith('/auth/me/password')
      )
        continue;
      let reached = false;
      for (const role of ROLES) {
        const session = world.as[role];
        const own = {
          referralId: ownReferralFor(route.url),
          appointmentId: ids.appointmentP1,
          reason: route.url.endsWith('/plans/:planId/close')
            ? 'client_ineligible'
            : route.url.endsWith('/close')
              ? 'duplicate'
              : route.url.endsWith('/cancel')
                ? 'created_in_error'
                : 'referred_in_error',
          decision: 'case_conference_service',
          csv: `trf_id,given_name,family_name,date_of_birth,sin\nM${freshDate()},Matrix,Import,1990-01-01,`,
          source: sourceFor(role),
          overrideReason: 'Positive control override',
          clientId: route.url.endsWith('/consent/revocation')
            ? ids.revokeClient
            : route.url.endsWith('/clients/:clientId/plans')
              ? ids.planClient
              : role === 'sa_caseworker'
                ? clients.saMine
                : clients.p1,
          assessmentId: ownAssessmentFor(route.url),
          planId: ownPlanFor(route.url),
          subGoalId: ids.planEditSubGoal,
          itemId: route.url.endsWith('/training-referral') ? ids.planTrainingItem : ids.planEditItem,
          catalogueItemId: ids.catalogueA,
          noteId: ids.noteA,
          taskId: ids.taskA,
          templateId: ids.templateA,
          conferenceId: route.url.endsWith('/withdraw') ? ids.conferenceToWithdraw : ids.conferenceOpen,
          checkpointId: route.url.endsWith('/approve') ? ids.checkpointToApprove : ids.checkpointToReject,
          attestationId: route.url.endsWith('/sign')
            ? ids.attestationToSign
            : route.url.endsWith('/pre-approve')
              ? ids.attestationToPreApprove
              : ids.attestationToReject,
          fiscalYear: 2026,
          caseworkerUserId: world.as.provider_caseworker.userId,
          active: true,
          code: `matrix.${freshDate()}`,
          signedOn: torontoToday(),
          acceptedOn: torontoToday(),
          completedOn: torontoToday(),
          revocationId: route.url.endsWith('/remove') ? ids.revAcked : ids.revQueued,
          version: route.url.includes('/consent-notices/')
            ? CURRENT_NOTICE_VERSION
            : CURRENT_QUESTION_BANK_VERSION,
          noticeVersion: CURRENT_NOTICE_VERSION,
          expiresOn: PHOTO_ID.expiresOn,
          organizationId:
            isSsm(role) || role.startsWith('provider') ? world.a.provider1 : session.organizationId,
          siteId: ids.siteA,
          userId: ids.targetUser,
          closureId: await addClosure(world, world.a.catchmentId, freshDate()),
          regionId: world.a.regionId,
          officeId: world.a.saOffice,
          roles: ['provider_caseworker'],
          name: 'Matrixtest',
          date: freshDate(),
          to: '2026-03-31',
          ...ownMonitoring(route.url),
          ...ownSupports(route.url),
          ...ownEmployers(route.url),
        };
        const res = await send(session, sampleRequest(spec, route.method, route.url, own));
        if (ok(res.statusCode)) {
          reached = true;
          break;
        }
      }
      if (!reached) unreached.push(`${route.method} ${route.url}`);
    }
    expect(unreached).toEqual([]);
  });

  it('a provider caseworker cannot read another provider’s client by id, by search, or by any list', async () => {
    const mine = world.as.provider_caseworker;
    const byId = await world.request(mine, { method: 'GET', url: `/api/clients/${clients.p2}` });
    expect(byId.statusCode).toBe(404);
    const search = await world.request(mine, {
      method: 'GET',
      url: '/api/clients',
      query: { name: 'Matrixtest' },
    });
    expect(search.statusCode).toBe(200);
    const found = (search.json() as { items: { id: string }[] }).items.map((c) => c.id);
    expect(found).toContain(clients.p1);
    expect(found).not.toContain(clients.p2);
    expect(found).not.toContain(clients.b);
    const bySin = await world.request(world.provider2Caseworker, {
      method: 'GET',
      url: `/api/clients/${clients.p1}`,
    });
    expect(bySin.statusCode).toBe(404);
    const theirs = await world.request(world.provider2Caseworker, {
      method: 'GET',
      url: `/api/clients/${clients.p2}`,
    });
    expect(theirs.statusCode).toBe(200);
  });

  it('SSM staff see the whole catchment but not another catchment; ministry viewers see no client', async () => {
    const intake = world.as.ssm_intake;
    for (const id of [clients.p1, clients.p2, clients.saMine, clients.saOther]) {
      expect((await world.request(intake, { method: 'GET', url: `/api/clients/${id}` })).statusCode).toBe(
        200,
      );
    }
    expect(
      (await world.request(intake, { method: 'GET', url: `/api/clients/${clients.b}` })).statusCode,
    ).toBe(404);
    const ministry = await world.request(world.as.ministry_viewer, {
      method: 'GET',
      url: `/api/clients/${clients.p1}`,
    });
    expect(ministry.statusCode).toBe(403);
    const stats = await world.request(world.as.ministry_viewer, {
      method: 'GET',
      url: '/api/statistics/clients',
    });
    expect(stats.statusCode).toBe(200);
  });

  it('an SA caseworker sees only the clients shared with them', async () => {
    const sa = world.as.sa_caseworker;
    expect(
      (await world.request(sa, { method: 'GET', url: `/api/clients/${clients.saMine}` })).statusCode,
    ).toBe(200);
    expect(
      (await world.request(sa, { method: 'GET', url: `/api/clients/${clients.saOther}` })).statusCode,
    ).toBe(404);
    expect((await world.request(sa, { method: 'GET', url: `/api/clients/${clients.p1}` })).statusCode).toBe(
      404,
    );
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const open: string[] = [];
    for (const route of world.app.routeCatalog) {
      if (route.access === 'public') continue;
      const res = await world.request(null, {
        method: route.method as 'GET',
        url: route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000'),
      });
      if (res.statusCode !== 401) open.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
