import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/connection.js';
import { clientVisibility, hasPermission } from '../../domain/access/policy.js';
import {
  ageing,
  cancelNeedsNote,
  checkServiceLevel,
  consentNotice,
  CURRENT_NOTICE_VERSION,
  CURRENT_QUESTION_BANK_VERSION,
  eligibilityFromAnswers,
  mayCancel,
  allowedActions,
  assessmentBucketsOf,
  mergeAnswers,
  module2Problems,
  needsReconfirmation,
  questionBank,
  moduleProgress,
  referralProblems,
  sectionProgress,
  submissionProblems,
  validateAnswers,
  verifyIdentity,
  type IdentityEvidence,
  type QuestionBank,
  type RuleProblem,
} from '../../domain/assessment/index.js';
import { segmentationModel, type StreamThresholds } from '../../domain/assessment/segmentation/index.js';
import type {
  AnswerValue,
  Answers,
  AssessmentFacts,
  AssessmentStatus,
  CancelCause,
  ConsentChannel,
  SelfDirectedIndicator,
  Stream,
} from '../../domain/assessment/types.js';
import { torontoDate } from '../../domain/calendar/index.js';
import { ageOn } from '../../domain/eligibility/age.js';
import {
  addAssessmentNote,
  addConsentReading,
  assessmentsOfClient,
  changeInProgress,
  closeSubmittedInError,
  consentReadingsOf,
  findInProgressOfClient,
  findSiteOf,
  findStaffOf,
  findVisibleAssessment,
  insertAssessment,
  insertRevocation,
  isOneInProgressViolation,
  latestRevocationOf,
  linkReplacement,
  listRevocations,
  listWorklistRows,
  nextAssessmentReference,
  notesOf,
  purgeClient,
  revokeAllShares,
  ssmOfCatchment,
  caseworkersOf,
  socialAssistanceContactOf,
  CASEWORKER_ROLES,
  transitionRevocation,
  type AssessmentRow,
  type VisibleAssessment,
} from '../../db/repositories/assessments.js';
import { ensureShare, findVisibleClient } from '../../db/repositories/clients.js';
import { findOrganization } from '../../db/repositories/organizations.js';
import {
  addReferralEvent,
  openReferralsOfClient,
  transitionReferral,
  userDisplayName,
} from '../../db/repositories/referrals.js';
import type { IdentityDetail } from '../../db/schema.js';
import { audit, auditEach } from '../audit/record.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import { closeOnConsentRevocation } from '../plans/service.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, invalid, notFound, ProblemError, refuse } from '../http/problem.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import { createReferral } from '../referrals/service.js';
import type {
  AssessmentDetail,
  answersBody,
  assignProviderBody,
  cancelBody,
  caseworkerBody,
  clientAssessmentsSchema,
  clientCopySchema,
  closeInErrorBody,
  createAssessmentBody,
  identityBody,
  noteBody,
  reassignBody,
  referBody,
  revocationBody,
  RevocationView,
  serviceLevelBody,
  assessmentWorklistSchema,
  consentReadingBody,
} from './schemas.js';
import { ASSESSMENT_BUCKETS, type AssessmentBucket } from '../../domain/assessment/types.js';

/** What the segmentation runs with (C8): the configured model and stream thresholds. */
export interface SegmentationSettings {
  modelId: string;
  thresholds: StreamThresholds;
}

export interface AssessmentDeps {
  db: Database;
  crypto: PersonCrypto;
  /** The service's clock (app.services.now); every timestamp written comes from it. */
  now: () => Date;
  segmentation: SegmentationSettings;
}

// Field names bound into each ciphertext, so one sealed value cannot be swapped into another.
/** The CA answers' sealed-field name; the monitoring facts read the M2 entry status from them. */
export const ANSWERS_FIELD = 'assessment.answers';
const RATIONALE_FIELD = 'assessment.service_level_rationale';
const NOTE_FIELD = 'assessment.note';
const CANCEL_NOTE_FIELD = 'assessment.cancel_note';
const CLOSED_IN_ERROR_FIELD = 'assessment.closed_in_error_reason';
const REVOCATION_NOTICE_FIELD = 'consent.revocation_notice';

/** Every problem of a list at once (C4, S2, submission): the first one's rule, all of them as fields. */
function refuseAll(problems: RuleProblem[], fieldPrefix = 'body.') {
  const first = problems[0]!;
  return new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
    rule: first.rule,
    detail: problems.map((p) => `${p.rule}: ${p.en}`).join(' '),
    messageFr: problems.map((p) => `${p.rule} : ${p.fr}`).join(' '),
    errors: problems.map((p) => ({
      field: p.field ? `${fieldPrefix}${p.field}` : 'body',
      message: `${p.rule}: ${p.en}`,
      code: p.code,
    })),
  });
}

/** C9/C11: why a CA that is no longer in progress cannot be changed. */
function finished(status: AssessmentStatus) {
  switch (status) {
    case 'submitted':
      return refuse(
        'C11',
        'a submitted assessment cannot be changed; close it in error and start a new one if it is wrong.',
        'une évaluation soumise ne peut pas être modifiée; fermez-la pour erreur et commencez-en une nouvelle si elle est inexacte.',
      );
    case 'cancelled':
      return refuse(
        'C9',
        'a cancelled assessment is read-only; a returning client gets a new assessment.',
        'une évaluation annulée est en lecture seule; un client qui revient reçoit une nouvelle évaluation.',
      );
    default:
      return refuse(
        'C11',
        'an assessment closed in error cannot be changed.',
        'une évaluation fermée pour erreur ne peut pas être modifiée.',
      );
  }
}

const movedOn = () =>
  conflict('assessment_changed', 'Someone else changed this assessment just now; reload it and try again.');

function keyOf(deps: AssessmentDeps, clientId: string, wrappedKey: Buffer | null) {
  return PersonalDataKey.open(deps.crypto, clientId, wrappedKey);
}

function answersOf(key: PersonalDataKey, sealed: Buffer | null): Answers {
  const text = key.openText(ANSWERS_FIELD, sealed);
  return text ? (JSON.parse(text) as Answers) : {};
}

/** E1–E6 from the answers and the client record (SIN held, 900-series) on the day. */
function eligibilityOf(
  client: Pick<VisibleAssessment['client'], 'dateOfBirth' | 'sinIndex' | 'sinTemporary'>,
  answers: Answers,
  today: string,
) {
  return eligibilityFromAnswers({
    answers,
    dateOfBirth: client.dateOfBirth,
    today,
    hasSin: client.sinIndex !== null,
    sinTemporary: client.sinTemporary,
  });
}

/** Age on the Toronto date and whether the client receives OW or ODSP: what conditions may read. */
function factsOf(
  client: { dateOfBirth: string; saProgram: 'ow' | 'odsp' | null },
  today: string,
): AssessmentFacts {
  return { ageYears: ageOn(client.dateOfBirth, today), saClient: client.saProgram !== null };
}

function bankOf(version: string): QuestionBank {
  const bank = questionBank(version);
  // A CA always names a bank the code ships with; anything else is a fault, not the caller's input.
  if (!bank) throw new Error(`question bank ${version} is not available`);
  return bank;
}

function progressSummary(bank: QuestionBank, answers: Answers, facts: AssessmentFacts) {
  return { m1: moduleProgress(bank, answers, facts, 'm1'), m2: moduleProgress(bank, answers, facts, 'm2') };
}

// ---------------------------------------------------------------------------------------------
// Consent (C3, C9)

type Readings = Awaited<ReturnType<typeof consentReadingsOf>>;
type Revocation = Awaited<ReturnType<typeof latestRevocationOf>>;

/**
 * Consent as it stands: active once given and not revoked since (C3). The readings after the
 * latest revocation are the ones that count.
 */
function consentState(readings: Readings, revocation: Revocation) {
  const since = revocation?.receivedAt ?? null;
  const current = since ? readings.filter((r) => r.at > since) : readings;
  const given = current.find((r) => r.kind === 'given') ?? null;
  return {
    active: given !== null,
    givenAt: given?.at ?? null,
    revokedAt: since,
    last: current.at(-1) ?? null,
  };
}

async function consentOf(db: Database, clientId: string) {
  const [readings, revocation] = await Promise.all([
    consentReadingsOf(db, clientId),
    latestRevocationOf(db, clientId),
  ]);
  return consentState(readings, revocation);
}

function reconfirmationNeeded(state: ReturnType<typeof consentState>, ctx: RequestContext, today: string) {
  return needsReconfirmation({
    lastReading: state.last
      ? { organizationId: state.last.organizationId, on: torontoDate(state.last.at) }
      : null,
    actorOrganizationId: ctx.actor.organizationId,
    today,
  });
}

function checkNotice(version: string, field: string) {
  if (!consentNotice(version))
    throw invalid(field, 'Read a published version of the notice.', 'unknown_notice');
}

// ---------------------------------------------------------------------------------------------
// Reading

async function visibleOrNotFound(deps: AssessmentDeps, ctx: RequestContext, id: string) {
  const row = await findVisibleAssessment(deps.db, clientVisibility(ctx.actor), id);
  // Another organization's CA is indistinguishable from none: no existence leak.
  if (!row) throw notFound('Assessment');
  return row;
}

const mayConduct = (ctx: RequestContext) => hasPermission(ctx.actor, 'assessment.conduct');
const mayAssign = (ctx: RequestContext) => hasPermission(ctx.actor, 'assessment.assign');
const isHolder = (ctx: RequestContext, a: AssessmentRow) =>
  a.holderOrganizationId === ctx.actor.organizationId;

function identityView(a: AssessmentRow, byName: string | null): AssessmentDetail['identity'] {
  if (!a.identityMethod || !a.identityVerifiedAt) return null;
  const detail: Record<string, unknown> = { ...(a.identityDetail ?? {}) };
  return { method: a.identityMethod, verifiedAt: a.identityVerifiedAt.toISOString(), byName, detail };
}

async function namesOf(db: Database, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const names = new Map<string, string>();
  for (const id of wanted) {
    const name = await userDisplayName(db, id);
    if (name) names.set(id, name);
  }
  return names;
}

/** The CA as the actor may see it. The read is audited unless the caller's write already was. */
export async function getAssessment(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  options: { audited?: boolean } = {},
): Promise<AssessmentDetail> {
  const row = await visibleOrNotFound(deps, ctx, id);
  return detailOf(deps, ctx, row, options);
}

async function detailOf(
  deps: AssessmentDeps,
  ctx: RequestContext,
  row: VisibleAssessment,
  options: { audited?: boolean },
): Promise<AssessmentDetail> {
  const a = row.assessment;
  const c = row.client;
  const [consent, notes, names, ssm, socialAssistance] = await Promise.all([
    consentOf(deps.db, a.clientId),
    notesOf(deps.db, a.id),
    namesOf(deps.db, [a.identityVerifiedByUserId, a.serviceLevelSetByUserId]),
    ssmOfCatchment(deps.db, a.catchmentId),
    c.saProgram ? socialAssistanceContactOf(deps.db, c.saOfficeId, c.saCaseworkerId) : null,
  ]);
  const now = deps.now();
  const today = torontoDate(now);
  const key = keyOf(deps, a.clientId, row.wrappedKey);
  const bank = bankOf(a.questionBankVersion);
  const answers = answersOf(key, a.answersSealed);
  const facts = factsOf(c, today);
  const progress = sectionProgress(bank, answers, facts);
  const eligibility = a.eligibility ?? eligibilityOf(c, answers, today);
  const needs = a.status === 'in_progress' && consent.active && reconfirmationNeeded(consent, ctx, today);
  const identityVerified = a.identityVerifiedAt !== null;
  const submittable =
    a.status === 'in_progress' &&
    submissionProblems({
      bank,
      answers,
      facts,
      consentActive: consent.active,
      identityVerified,
      serviceLevel: a.serviceLevel,
    }).length === 0;
  const actions = allowedActions({
    status: a.status,
    flow: a.flow,
    referred: a.referralId !== null,
    holder: isHolder(ctx, a),
    actorKind: ctx.actor.organizationKind,
    conducts: mayConduct(ctx),
    assigns: mayAssign(ctx),
    consentActive: consent.active,
    needsReconfirmation: needs,
    submittable,
  });
  const assignableCaseworkers = actions.includes('assign_caseworker')
    ? await caseworkersOf(deps.db, a.holderOrganizationId)
    : [];
  if (!options.audited)
    await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'assessment', a.id, a.clientId));
  return {
    id: a.id,
    reference: a.reference,
    status: a.status,
    flow: a.flow,
    questionBankVersion: a.questionBankVersion,
    client: {
      id: c.id,
      reference: c.reference,
      name: `${c.legalGivenName} ${c.legalFamilyName}`.trim(),
      dateOfBirth: c.dateOfBirth,
      saProgram: c.saProgram,
    },
    catchmentName: row.catchmentName,
    holder: { organizationId: a.holderOrganizationId, name: row.holderName, kind: row.holderKind },
    site: a.siteId && row.siteName ? { id: a.siteId, name: row.siteName } : null,
    caseworker:
      a.caseworkerUserId && row.caseworkerName ? { id: a.caseworkerUserId, name: row.caseworkerName } : null,
    consent: {
      active: consent.active,
      lastReading: consent.last
        ? {
            at: consent.last.at.toISOString(),
            channel: consent.last.channel as ConsentChannel,
            noticeVersion: consent.last.noticeVersion,
            byName: consent.last.byName,
            organizationName: consent.last.organizationName,
          }
        : null,
      // C3: the consent the first point of contact recorded carries over to whoever works the CA next.
      carriedOver: consent.last !== null && consent.last.organizationId !== ctx.actor.organizationId,
      needsReconfirmation: needs,
    },
    identity: identityView(
      a,
      a.identityVerifiedByUserId ? (names.get(a.identityVerifiedByUserId) ?? null) : null,
    ),
    answers,
    facts,
    progress,
    eligibility,
    serviceLevel:
      a.serviceLevel && a.serviceLevelSetAt
        ? {
            level: a.serviceLevel,
            indicators: a.serviceLevelIndicators as SelfDirectedIndicator[],
            rationale: key.openText(RATIONALE_FIELD, a.serviceLevelRationaleSealed),
            setAt: a.serviceLevelSetAt.toISOString(),
            byName: a.serviceLevelSetByUserId ? (names.get(a.serviceLevelSetByUserId) ?? null) : null,
          }
        : null,
    segmentation: a.segmentation ? { ...a.segmentation, stream: a.segmentation.stream as Stream } : null,
    notes: notes.map((n) => ({
      id: n.id,
      at: n.at.toISOString(),
      kind: n.kind,
      authorName: n.authorName,
      organizationName: n.organizationName,
      body: key.openText(NOTE_FIELD, n.bodySealed),
    })),
    referral:
      a.referralId && row.referralReference && row.referralStatus
        ? { id: a.referralId, reference: row.referralReference, status: row.referralStatus }
        : null,
    startedAt: a.createdAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    ssm,
    socialAssistance,
    assignableCaseworkers,
    ageing: ageing(torontoDate(a.createdAt), today),
    cancellation:
      a.status === 'cancelled' && a.cancelledAt
        ? {
            reason: a.cancelReason as CancelCause,
            note: key.openText(CANCEL_NOTE_FIELD, a.cancelNoteSealed),
            at: a.cancelledAt.toISOString(),
          }
        : null,
    closedInError:
      a.status === 'closed_in_error' && a.closedInErrorAt
        ? {
            reason: key.openText(CLOSED_IN_ERROR_FIELD, a.closedInErrorReasonSealed),
            at: a.closedInErrorAt.toISOString(),
            replacedById: a.replacedByAssessmentId,
          }
        : null,
    actions,
  };
}

/** A client's CAs and consent (C1: an in-progress one is resumed, not duplicated). Audited. */
export async function listClientAssessments(
  deps: AssessmentDeps,
  ctx: RequestContext,
  clientId: string,
): Promise<z.infer<typeof clientAssessmentsSchema>> {
  const client = await findVisibleClient(deps.db, clientVisibility(ctx.actor), clientId);
  if (!client) throw notFound('Client');
  const [rows, consent] = await Promise.all([
    assessmentsOfClient(deps.db, clientId),
    consentOf(deps.db, clientId),
  ]);
  const today = torontoDate(deps.now());
  const key = keyOf(deps, clientId, client.wrappedKey);
  const facts = factsOf(client.client, today);
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'assessment', null, clientId));
  return {
    items: rows.map(({ assessment: a, holderName }) => ({
      id: a.id,
      reference: a.reference,
      status: a.status,
      flow: a.flow,
      holderName,
      startedAt: a.createdAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      serviceLevel: a.serviceLevel,
      progress: progressSummary(bankOf(a.questionBankVersion), answersOf(key, a.answersSealed), facts),
      stream: (a.segmentation?.stream as Stream | undefined) ?? null,
    })),
    consent: {
      active: consent.active,
      givenAt: consent.givenAt?.toISOString() ?? null,
      revokedAt: consent.revokedAt?.toISOString() ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Starting and resuming (C1, C3)

/**
 * Starts a CA once the notice was read and the client agreed (C3), or resumes the client's
 * in-progress one (C1). With no consent nothing at all is written. Two caseworkers starting at
 * once both get the one CA: the partial unique index lets one insert win, the other resumes it.
 */
export async function startAssessment(
  deps: AssessmentDeps,
  ctx: RequestContext,
  clientId: string,
  input: z.infer<typeof createAssessmentBody>,
): Promise<{ created: boolean; detail: AssessmentDetail }> {
  const client = await findVisibleClient(deps.db, clientVisibility(ctx.actor), clientId);
  if (!client) throw notFound('Client');
  if (!input.consent.given) {
    // C3: no consent → stop; nothing is recorded (no CA, no reading, no answers, no audit of content).
    throw refuse(
      'C3',
      'the client did not consent: stop the assessment. Nothing was recorded; self-directed, life-stabilization and community services remain open to them.',
      'le client n’a pas consenti : arrêtez l’évaluation. Rien n’a été enregistré; les services autonomes, de stabilisation et communautaires lui restent ouverts.',
    );
  }
  checkNotice(input.consent.noticeVersion, 'body.consent.noticeVersion');
  if (client.client.purgedAt) throw conflict('client_purged', 'This person’s information has been removed.');
  const existing = await findInProgressOfClient(deps.db, clientId);
  if (existing) return { created: false, detail: await resume(deps, ctx, existing, input.consent) };

  const now = deps.now();
  const id = randomUUID();
  // C6: an SA caseworker's CA follows the SA flow (M1, then referred); everyone else's the EO flow.
  const flow = ctx.actor.organizationKind === 'sa_office' ? 'sa' : 'eo';
  try {
    await deps.db.transaction(async (tx) => {
      await insertAssessment(tx, {
        id,
        reference: await nextAssessmentReference(tx),
        clientId,
        catchmentId: client.client.catchmentId,
        status: 'in_progress',
        flow,
        questionBankVersion: CURRENT_QUESTION_BANK_VERSION,
        createdByUserId: ctx.actor.userId,
        createdByOrganizationId: ctx.actor.organizationId,
        holderOrganizationId: ctx.actor.organizationId,
        caseworkerUserId: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await addConsentReading(tx, {
        clientId,
        assessmentId: id,
        at: now,
        organizationId: ctx.actor.organizationId,
        userId: ctx.actor.userId,
        channel: input.consent.channel,
        noticeVersion: input.consent.noticeVersion,
        kind: 'given',
      });
      // C11: a CA started after one closed in error replaces it.
      await linkReplacement(tx, clientId, id);
      await audit(tx, ctx, 'create', 'assessment', id, clientId);
    });
  } catch (error) {
    if (!isOneInProgressViolation(error)) throw error;
    // C1: another start won the race; resume the CA it created.
    const winner = await findInProgressOfClient(deps.db, clientId);
    if (!winner) throw error;
    return { created: false, detail: await resume(deps, ctx, winner, input.consent) };
  }
  return { created: true, detail: await getAssessment(deps, ctx, id, { audited: true }) };
}

/**
 * C1/C9: resuming the client's in-progress CA. The holder's caseworker has just read the notice
 * again, so the reading is recorded as a re-confirmation; anyone else only gets to see it.
 */
async function resume(
  deps: AssessmentDeps,
  ctx: RequestContext,
  existing: AssessmentRow,
  consent: { channel: ConsentChannel; noticeVersion: string },
) {
  if (isHolder(ctx, existing)) {
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      await addConsentReading(tx, {
        clientId: existing.clientId,
        assessmentId: existing.id,
        at: now,
        organizationId: ctx.actor.organizationId,
        userId: ctx.actor.userId,
        channel: consent.channel,
        noticeVersion: consent.noticeVersion,
        kind: 'reconfirmed',
      });
      await audit(tx, ctx, 'update', 'assessment', existing.id, existing.clientId);
    });
  }
  return getAssessment(deps, ctx, existing.id, { audited: isHolder(ctx, existing) });
}

// ---------------------------------------------------------------------------------------------
// Working a CA

/** A CA the actor's organization holds and may change: visible, held by it, still in progress. */
async function workable(deps: AssessmentDeps, ctx: RequestContext, id: string) {
  const row = await visibleOrNotFound(deps, ctx, id);
  if (row.assessment.status !== 'in_progress') throw finished(row.assessment.status);
  if (!isHolder(ctx, row.assessment))
    throw forbidden('Only the organization working this assessment now may change it.');
  return row;
}

/** C3 and C9: consent given and, when resumed on a later day, the notice read again. */
async function requireConsent(deps: AssessmentDeps, ctx: RequestContext, a: AssessmentRow) {
  const consent = await consentOf(deps.db, a.clientId);
  if (!consent.active) {
    throw refuse(
      'C3',
      'consent is not active: read the notice and record the client’s consent before any question.',
      'le consentement n’est pas actif : lisez l’avis et consignez le consentement du client avant toute question.',
    );
  }
  if (reconfirmationNeeded(consent, ctx, torontoDate(deps.now()))) {
    throw refuse(
      'C9',
      'this assessment is resumed on a later day: read the notice again and record the re-confirmation first.',
      'cette évaluation reprend un autre jour : relisez l’avis et consignez la confirmation d’abord.',
      [
        {
          field: 'consent',
          message: 'C9: read the notice again before continuing.',
          code: 'consent_reconfirmation_needed',
        },
      ],
    );
  }
  return consent;
}

/** One change to an in-progress CA and its audit entry, in one transaction; then the CA as it is. */
async function change(
  deps: AssessmentDeps,
  ctx: RequestContext,
  row: VisibleAssessment,
  write: (tx: Transaction, now: Date) => Promise<boolean>,
) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (!(await write(tx, now))) throw movedOn();
    await audit(tx, ctx, 'update', 'assessment', row.assessment.id, row.assessment.clientId);
  });
  return getAssessment(deps, ctx, row.assessment.id, { audited: true });
}

const guard = (ctx: RequestContext) => ({ holderOrganizationId: ctx.actor.organizationId });

/**
 * Records answers (C5): each checked against the CA's bank (type, options, range, whether it is
 * asked), merged into what was there; answers to questions no longer asked are dropped.
 */
export async function answer(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof answersBody>,
) {
  const row = await workable(deps, ctx, id);
  await requireConsent(deps, ctx, row.assessment);
  const bank = bankOf(row.assessment.questionBankVersion);
  const key = keyOf(deps, row.assessment.clientId, row.wrappedKey);
  const facts = factsOf(row.client, torontoDate(deps.now()));
  const existing = answersOf(key, row.assessment.answersSealed);
  const patch = input.answers as Record<string, AnswerValue | null>;
  const early = module2Problems(bank, patch, row.assessment.serviceLevel);
  if (early.length) throw refuseAll(early, '');
  const merged = mergeAnswers(bank, existing, patch, facts);
  const problems = validateAnswers(bank, patch, merged, facts);
  if (problems.length) {
    throw new ProblemError(400, 'validation_failed', 'Invalid request', {
      detail: problems.map((p) => `answers.${p.questionId}: ${p.en}`).join('; '),
      messageFr: problems.map((p) => `answers.${p.questionId} : ${p.fr}`).join('; '),
      errors: problems.map((p) => ({ field: `answers.${p.questionId}`, message: p.en, code: p.code })),
    });
  }
  // Sealed before the transaction opens: PGlite has one connection.
  const sealed = key.sealText(ANSWERS_FIELD, JSON.stringify(merged));
  return change(deps, ctx, row, (tx) => changeInProgress(tx, id, { answersSealed: sealed }, guard(ctx)));
}

/** C3/C9: the notice read again (or for the first time by this organization) and consent confirmed. */
export async function recordConsentReading(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof consentReadingBody>,
) {
  const row = await workable(deps, ctx, id);
  checkNotice(input.noticeVersion, 'body.noticeVersion');
  const consent = await consentOf(deps.db, row.assessment.clientId);
  return change(deps, ctx, row, async (tx, now) => {
    await addConsentReading(tx, {
      clientId: row.assessment.clientId,
      assessmentId: id,
      at: now,
      organizationId: ctx.actor.organizationId,
      userId: ctx.actor.userId,
      channel: input.channel,
      noticeVersion: input.noticeVersion,
      kind: consent.active ? 'reconfirmed' : 'given',
    });
    // Touches the CA so a concurrent submission or cancellation cannot slip between.
    return changeInProgress(tx, id, {}, guard(ctx));
  });
}

/** C4: identity seen and verified; only what was seen is kept, never numbers or images. */
export async function verifyAssessmentIdentity(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof identityBody>,
) {
  const row = await workable(deps, ctx, id);
  await requireConsent(deps, ctx, row.assessment);
  const today = torontoDate(deps.now());
  const evidence = input as IdentityEvidence;
  const result = verifyIdentity(evidence, {
    today,
    saClient: row.client.saProgram !== null || row.assessment.flow === 'sa',
  });
  if (!result.ok) throw refuseAll(result.problems.map((p) => ({ rule: 'C4', ...p })));
  // Kinds and sources only: the caseworker's words for a dual-process document may hold a number.
  const detail: IdentityDetail =
    evidence.method === 'dual_process'
      ? {
          method: 'dual_process',
          items: evidence.items.map((i) => ({ source: i.source, original: i.original })),
        }
      : evidence;
  return change(deps, ctx, row, (tx, now) =>
    changeInProgress(
      tx,
      id,
      {
        identityMethod: input.method,
        identityDetail: detail,
        identityVerifiedAt: now,
        identityVerifiedByUserId: ctx.actor.userId,
      },
      guard(ctx),
    ),
  );
}

function actorKind(ctx: RequestContext): 'provider' | 'sa_office' | 'ssm' {
  const kind = ctx.actor.organizationKind;
  if (kind === 'ministry') throw forbidden();
  return kind;
}

/** S1–S5: the service level determination, with the self-directed indicators and rationale. */
export async function setServiceLevel(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof serviceLevelBody>,
) {
  const row = await workable(deps, ctx, id);
  await requireConsent(deps, ctx, row.assessment);
  const today = torontoDate(deps.now());
  const key = keyOf(deps, row.assessment.clientId, row.wrappedKey);
  const answers = answersOf(key, row.assessment.answersSealed);
  const eligibility = eligibilityOf(row.client, answers, today);
  const problems = checkServiceLevel({
    level: input.level,
    saClient: row.client.saProgram !== null,
    actorKind: actorKind(ctx),
    indicators: input.indicators,
    rationale: input.rationale ?? null,
    eligibility,
  });
  if (problems.length) throw refuseAll(problems);
  const rationale = input.rationale ? key.sealText(RATIONALE_FIELD, input.rationale) : null;
  return change(deps, ctx, row, (tx, now) =>
    changeInProgress(
      tx,
      id,
      {
        serviceLevel: input.level,
        serviceLevelIndicators: [...new Set(input.indicators)],
        serviceLevelRationaleSealed: rationale,
        serviceLevelSetAt: now,
        serviceLevelSetByUserId: ctx.actor.userId,
      },
      guard(ctx),
    ),
  );
}

/** C7: a two-way note from any organization that sees the CA (SA, SSM, provider). */
export async function addNote(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof noteBody>,
) {
  if (!mayConduct(ctx) && !mayAssign(ctx)) throw forbidden();
  const row = await visibleOrNotFound(deps, ctx, id);
  if (row.assessment.status !== 'in_progress') throw finished(row.assessment.status);
  const body = keyOf(deps, row.assessment.clientId, row.wrappedKey).sealText(NOTE_FIELD, input.body);
  return change(deps, ctx, row, async (tx, now) => {
    await addAssessmentNote(tx, {
      assessmentId: id,
      at: now,
      authorUserId: ctx.actor.userId,
      authorOrganizationId: ctx.actor.organizationId,
      bodySealed: body,
      kind: 'note',
    });
    return changeInProgress(tx, id, {});
  });
}

/**
 * C6: the SA caseworker refers the in-progress CA once M1 is done: a pathway-1 referral to SSM
 * intake linked to the CA, which the SSM then holds until it assigns a provider.
 */
export async function referAssessment(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof referBody>,
) {
  const row = await workable(deps, ctx, id);
  const a = row.assessment;
  if (a.flow !== 'sa' || ctx.actor.organizationKind !== 'sa_office') {
    throw refuse(
      'C6',
      'only social assistance refers an assessment to the SSM; a provider completes M2 itself.',
      'seule l’aide sociale aiguille une évaluation vers le GSS; le fournisseur remplit lui-même le module 2.',
    );
  }
  if (a.referralId) throw conflict('already_referred', 'This assessment was already referred.');
  const consent = await requireConsent(deps, ctx, a);
  const today = torontoDate(deps.now());
  const key = keyOf(deps, a.clientId, row.wrappedKey);
  const problems = referralProblems({
    bank: bankOf(a.questionBankVersion),
    answers: answersOf(key, a.answersSealed),
    facts: factsOf(row.client, today),
    consentActive: consent.active,
    identityVerified: a.identityVerifiedAt !== null,
    flow: a.flow,
  });
  if (problems.length) throw refuseAll(problems);
  const [office, ssm] = await Promise.all([
    findOrganization(deps.db, ctx.actor.organizationId),
    ssmOfCatchment(deps.db, a.catchmentId),
  ]);
  if (!ssm) throw conflict('no_ssm', 'This catchment has no SSM to refer to.');
  const note = input.notes ? key.sealText(NOTE_FIELD, input.notes) : null;
  await createReferral(
    deps,
    ctx,
    {
      clientId: a.clientId,
      source: office?.organization.saProgram === 'odsp' ? 'odsp' : 'ontario_works',
      clientChoiceOrganizationId: input.clientChoiceOrganizationId ?? null,
      warmReferral: input.warmReferral,
      barriers: input.barriers,
      notes: input.notes ?? null,
    },
    {
      assessmentId: id,
      // Inside the referral's transaction: the referral, the CA's new holder and the note land together.
      within: async (tx, referralId, now) => {
        const moved = await changeInProgress(
          tx,
          id,
          { referralId, holderOrganizationId: ssm.id, siteId: null, caseworkerUserId: null },
          guard(ctx),
        );
        if (!moved) throw movedOn();
        if (note)
          await addAssessmentNote(tx, {
            assessmentId: id,
            at: now,
            authorUserId: ctx.actor.userId,
            authorOrganizationId: ctx.actor.organizationId,
            bodySealed: note,
            kind: 'note',
          });
        await audit(tx, ctx, 'update', 'assessment', id, a.clientId);
      },
    },
  );
  return getAssessment(deps, ctx, id, { audited: true });
}

/** C6/C7: the holder assigns the CA to one of its own caseworkers, at one of its sites. */
export async function assignCaseworker(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof caseworkerBody>,
) {
  const row = await workable(deps, ctx, id);
  const staff = await findStaffOf(deps.db, ctx.actor.organizationId, input.userId);
  const works = (r: string) => (CASEWORKER_ROLES as readonly string[]).includes(r);
  if (!staff || !staff.active || !staff.roles.some(works))
    throw invalid('body.userId', 'Choose an active caseworker of your organization.');
  const site = input.siteId ? await findSiteOf(deps.db, ctx.actor.organizationId, input.siteId) : null;
  if (input.siteId && (!site || !site.active))
    throw invalid('body.siteId', 'Choose an active site of your organization.');
  return change(deps, ctx, row, (tx) =>
    changeInProgress(
      tx,
      id,
      { caseworkerUserId: staff.id, ...(input.siteId !== undefined ? { siteId: input.siteId } : {}) },
      guard(ctx),
    ),
  );
}

/**
 * C8: submission. Every part must be there (consent, identity, SLD case-managed, M1 and M2); the
 * refusal lists all that is missing. The configured model segments the client and the result is
 * kept with the model's id and version and the thresholds used.
 */
export async function submitAssessment(deps: AssessmentDeps, ctx: RequestContext, id: string) {
  const row = await workable(deps, ctx, id);
  const a = row.assessment;
  const consent = await requireConsent(deps, ctx, a);
  const today = torontoDate(deps.now());
  const key = keyOf(deps, a.clientId, row.wrappedKey);
  const bank = bankOf(a.questionBankVersion);
  const answers = answersOf(key, a.answersSealed);
  const facts = factsOf(row.client, today);
  const problems = submissionProblems({
    bank,
    answers,
    facts,
    consentActive: consent.active,
    identityVerified: a.identityVerifiedAt !== null,
    serviceLevel: a.serviceLevel,
  });
  if (problems.length) throw refuseAll(problems);
  const eligibility = eligibilityOf(row.client, answers, today);
  // E1–E6: an answer changed since the level was set may have closed case-managed service.
  const level = a.serviceLevel ?? 'case_managed'; // set: submissionProblems refused it otherwise
  const closed = checkServiceLevel({
    level,
    saClient: row.client.saProgram !== null,
    actorKind: 'provider',
    indicators: a.serviceLevelIndicators as SelfDirectedIndicator[],
    rationale: key.openText(RATIONALE_FIELD, a.serviceLevelRationaleSealed),
    eligibility,
  }).filter((p) => p.rule.startsWith('E'));
  if (closed.length) throw refuseAll(closed);
  const model = segmentationModel(deps.segmentation.modelId);
  if (!model) throw new Error(`segmentation model ${deps.segmentation.modelId} is not registered`);
  const segmentation = model.segment({ answers, facts }, deps.segmentation.thresholds);
  return change(deps, ctx, row, (tx, now) =>
    changeInProgress(
      tx,
      id,
      {
        status: 'submitted',
        submittedAt: now,
        submittedByUserId: ctx.actor.userId,
        segmentation: {
          modelId: segmentation.modelId,
          modelVersion: segmentation.modelVersion,
          score: segmentation.score,
          stream: segmentation.stream,
          thresholds: { b: segmentation.thresholds.b, c: segmentation.thresholds.c },
          factors: segmentation.factors.map((f) => ({ id: f.id, en: f.en, fr: f.fr, points: f.points })),
        },
        eligibility,
      },
      guard(ctx),
    ),
  );
}

/** C9: only an in-progress CA is cancelled, for one of the four reasons; "other" says why. */
export async function cancelAssessment(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof cancelBody>,
) {
  const row = await visibleOrNotFound(deps, ctx, id);
  if (!mayCancel(row.assessment.status)) throw finished(row.assessment.status);
  if (!isHolder(ctx, row.assessment))
    throw forbidden('Only the organization working this assessment now may cancel it.');
  if (cancelNeedsNote(input.reason) && !input.note)
    throw invalid('body.note', 'C9: say why, when the reason is "other".', 'required');
  const note = input.note
    ? keyOf(deps, row.assessment.clientId, row.wrappedKey).sealText(CANCEL_NOTE_FIELD, input.note)
    : null;
  return change(deps, ctx, row, (tx, now) =>
    changeInProgress(
      tx,
      id,
      {
        status: 'cancelled',
        cancelledAt: now,
        cancelledByUserId: ctx.actor.userId,
        cancelReason: input.reason,
        cancelNoteSealed: note,
      },
      guard(ctx),
    ),
  );
}

/** C10: with the SSM's agreement, the provider hands the in-progress CA back, saying why in the notes. */
export async function reassignToSsm(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof reassignBody>,
) {
  const row = await workable(deps, ctx, id);
  if (ctx.actor.organizationKind !== 'provider') {
    throw refuse(
      'C10',
      'a provider returns an in-progress assessment to the SSM; social assistance refers it instead.',
      'un fournisseur retourne une évaluation en cours au GSS; l’aide sociale l’aiguille plutôt.',
    );
  }
  const ssm = await ssmOfCatchment(deps.db, row.assessment.catchmentId);
  if (!ssm) throw conflict('no_ssm', 'This catchment has no SSM to return to.');
  const note = keyOf(deps, row.assessment.clientId, row.wrappedKey).sealText(NOTE_FIELD, input.note);
  return change(deps, ctx, row, async (tx, now) => {
    await addAssessmentNote(tx, {
      assessmentId: id,
      at: now,
      authorUserId: ctx.actor.userId,
      authorOrganizationId: ctx.actor.organizationId,
      bodySealed: note,
      kind: 'returned_to_ssm',
    });
    return changeInProgress(
      tx,
      id,
      {
        holderOrganizationId: ssm.id,
        returnedToSsmAt: now,
        returnedByOrganizationId: ctx.actor.organizationId,
        siteId: null,
        caseworkerUserId: null,
      },
      guard(ctx),
    );
  });
}

/** C10/C6: SSM intake sends an in-progress CA it holds to a provider, which then sees the client. */
export async function assignProvider(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof assignProviderBody>,
) {
  const row = await workable(deps, ctx, id);
  const provider = await findOrganization(deps.db, input.organizationId);
  if (
    !provider ||
    provider.organization.kind !== 'provider' ||
    !provider.organization.active ||
    provider.organization.catchmentId !== row.assessment.catchmentId
  )
    throw invalid('body.organizationId', 'Choose an active provider of the catchment.');
  return change(deps, ctx, row, async (tx) => {
    await ensureShare(tx, row.assessment.clientId, input.organizationId, null, 'assessment');
    return changeInProgress(
      tx,
      id,
      {
        holderOrganizationId: input.organizationId,
        returnedToSsmAt: null,
        siteId: null,
        caseworkerUserId: null,
      },
      guard(ctx),
    );
  });
}

/** C11: an error found after submission: the CA is closed in error; a new CA replaces it. */
export async function closeInError(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof closeInErrorBody>,
) {
  const row = await visibleOrNotFound(deps, ctx, id);
  if (row.assessment.status !== 'submitted') {
    throw refuse(
      'C11',
      row.assessment.status === 'in_progress'
        ? 'only a submitted assessment is closed in error; an in-progress one is corrected, or cancelled (C9).'
        : 'this assessment is already finished and cannot be changed.',
      row.assessment.status === 'in_progress'
        ? 'seule une évaluation soumise est fermée pour erreur; une évaluation en cours est corrigée, ou annulée (C9).'
        : 'cette évaluation est terminée et ne peut pas être modifiée.',
    );
  }
  if (!isHolder(ctx, row.assessment))
    throw forbidden('Only the organization that submitted this assessment may close it in error.');
  const reason = keyOf(deps, row.assessment.clientId, row.wrappedKey).sealText(
    CLOSED_IN_ERROR_FIELD,
    input.reason,
  );
  return change(deps, ctx, row, (tx, now) =>
    closeSubmittedInError(tx, id, {
      closedInErrorAt: now,
      closedInErrorByUserId: ctx.actor.userId,
      closedInErrorReasonSealed: reason,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Worklist

/**
 * The actor's CAs by bucket: counts of every bucket, the items of one. Buckets overlap (an aged CA
 * is also in progress); `aged` ones (120 days, C9/S4) may be cancelled.
 */
export async function assessmentWorklist(
  deps: AssessmentDeps,
  ctx: RequestContext,
  bucket: AssessmentBucket,
): Promise<z.infer<typeof assessmentWorklistSchema>> {
  const rows = await listWorklistRows(deps.db, clientVisibility(ctx.actor), ['in_progress', 'submitted']);
  const today = torontoDate(deps.now());
  const scope = { ssm: ctx.actor.organizationKind === 'ssm', organizationId: ctx.actor.organizationId };
  const placed = rows.map((r) => {
    const age = ageing(torontoDate(r.assessment.createdAt), today);
    return { r, age, buckets: assessmentBucketsOf({ ...r.assessment, ageDays: age.days }, scope) };
  });
  const items = placed.filter((p) => p.buckets.includes(bucket));
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'assessment_worklist', bucket));
  return {
    buckets: ASSESSMENT_BUCKETS.map((b) => ({
      bucket: b,
      count: placed.filter((p) => p.buckets.includes(b)).length,
    })),
    items: items.map(({ r, age }) => {
      const a = r.assessment;
      const key = keyOf(deps, a.clientId, r.wrappedKey);
      const facts = factsOf({ dateOfBirth: r.clientDateOfBirth, saProgram: r.clientSaProgram }, today);
      return {
        id: a.id,
        reference: a.reference,
        client: {
          id: a.clientId,
          reference: r.clientReference,
          name: `${r.clientGivenName} ${r.clientFamilyName}`.trim(),
        },
        status: a.status,
        flow: a.flow,
        holderName: r.holderName,
        startedAt: a.createdAt.toISOString(),
        ageing: age,
        serviceLevel: a.serviceLevel,
        progress: progressSummary(bankOf(a.questionBankVersion), answersOf(key, a.answersSealed), facts),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The client's copy (C3 written copy, C8 no streams)

function answerText(
  q: QuestionBank['sections'][number]['questions'][number],
  value: AnswerValue,
): { en: string; fr: string } {
  const label = (v: string) => q.options?.find((o) => o.value === v);
  if (typeof value === 'boolean') return value ? { en: 'Yes', fr: 'Oui' } : { en: 'No', fr: 'Non' };
  if (Array.isArray(value)) {
    const labels = value.map((v) => label(v) ?? { en: v, fr: v });
    return { en: labels.map((l) => l.en).join(', '), fr: labels.map((l) => l.fr).join(', ') };
  }
  const option = label(String(value));
  return option ? { en: option.en, fr: option.fr } : { en: String(value), fr: String(value) };
}

/**
 * What the client may take home: their answers in both languages and the notice they agreed to.
 * C8: never the stream, score, factors or service-level indicators: those are internal words.
 */
export async function clientCopy(
  deps: AssessmentDeps,
  ctx: RequestContext,
  id: string,
): Promise<z.infer<typeof clientCopySchema>> {
  const row = await visibleOrNotFound(deps, ctx, id);
  const a = row.assessment;
  const consent = await consentOf(deps.db, a.clientId);
  const today = torontoDate(deps.now());
  const key = keyOf(deps, a.clientId, row.wrappedKey);
  const bank = bankOf(a.questionBankVersion);
  const answers = answersOf(key, a.answersSealed);
  const notice =
    consentNotice(consent.last?.noticeVersion ?? CURRENT_NOTICE_VERSION) ??
    consentNotice(CURRENT_NOTICE_VERSION)!;
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'assessment_client_copy', a.id, a.clientId));
  return {
    reference: a.reference,
    clientName: `${row.client.legalGivenName} ${row.client.legalFamilyName}`.trim(),
    preparedOn: today,
    notice: { version: notice.version, en: notice.en, fr: notice.fr },
    sections: bank.sections
      .map((s) => ({
        id: s.id,
        en: s.en,
        fr: s.fr,
        answers: s.questions
          .filter((q) => answers[q.id] !== undefined)
          .map((q) => {
            const text = answerText(q, answers[q.id]!);
            return { questionEn: q.en, questionFr: q.fr, answerEn: text.en, answerFr: text.fr };
          }),
      }))
      .filter((s) => s.answers.length > 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Revocation (C3)

function revocationView(
  deps: AssessmentDeps,
  r: Awaited<ReturnType<typeof listRevocations>>[number],
): RevocationView {
  const v = r.revocation;
  return {
    id: v.id,
    clientId: v.clientId,
    clientReference: r.clientReference,
    clientName: `${r.clientGivenName} ${r.clientFamilyName}`.trim(),
    receivedOn: v.receivedOn,
    receivedAt: v.receivedAt.toISOString(),
    organizationName: r.organizationName,
    receivedByName: r.receivedByName,
    noticeToSsm: keyOf(deps, v.clientId, r.wrappedKey).openText(REVOCATION_NOTICE_FIELD, v.noticeToSsmSealed),
    state: v.state,
    acknowledgedAt: v.acknowledgedAt?.toISOString() ?? null,
    removedAt: v.removedAt?.toISOString() ?? null,
  };
}

/**
 * C3: the client withdraws consent. At once: the in-progress CA is cancelled (consent_revoked), open
 * referrals close as withdrawn, the client's record stops being shared with providers and SA, and a
 * removal is queued for the SSM with the written notice. All in one transaction.
 */
export async function revokeConsent(
  deps: AssessmentDeps,
  ctx: RequestContext,
  clientId: string,
  input: z.infer<typeof revocationBody>,
): Promise<RevocationView> {
  const client = await findVisibleClient(deps.db, clientVisibility(ctx.actor), clientId);
  if (!client) throw notFound('Client');
  if (client.client.purgedAt) throw conflict('client_purged', 'This person’s information has been removed.');
  const now = deps.now();
  if (input.receivedOn > torontoDate(now))
    throw invalid('body.receivedOn', 'A revocation cannot be in the future.');
  const [inProgress, open] = await Promise.all([
    findInProgressOfClient(deps.db, clientId),
    openReferralsOfClient(deps.db, clientId, ['awaiting_assignment', 'assigned', 'returned']),
  ]);
  const notice = keyOf(deps, clientId, client.wrappedKey).sealText(
    REVOCATION_NOTICE_FIELD,
    input.noticeToSsm,
  );
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    if (inProgress) {
      await changeInProgress(tx, inProgress.id, {
        status: 'cancelled',
        cancelledAt: now,
        cancelledByUserId: ctx.actor.userId,
        cancelReason: 'consent_revoked',
      });
      await audit(tx, ctx, 'update', 'assessment', inProgress.id, clientId);
    }
    // C3: case-managed services stop: every open referral closes as withdrawn, in the timeline too.
    for (const referral of open) {
      const closed = await transitionReferral(tx, referral.id, referral.status, {
        status: 'closed',
        closeReason: 'client_withdrew',
        closedAt: now,
      });
      if (!closed)
        throw conflict('referral_changed', 'A referral of this client changed just now; try again.');
      await addReferralEvent(tx, {
        referralId: referral.id,
        actorUserId: ctx.actor.userId,
        actorOrganizationId: ctx.actor.organizationId,
        kind: 'closed',
        detail: { reason: 'client_withdrew', rule: 'C3' },
        at: now,
      });
      await audit(tx, ctx, 'update', 'referral', referral.id, clientId);
    }
    // C3: the open plan closes too (as a voluntary withdrawal, A9), before the shares end.
    await closeOnConsentRevocation(tx, ctx, clientId, now);
    await revokeAllShares(tx, clientId, now);
    await insertRevocation(tx, {
      id,
      clientId,
      catchmentId: client.client.catchmentId,
      receivedOn: input.receivedOn,
      receivedAt: now,
      organizationId: ctx.actor.organizationId,
      userId: ctx.actor.userId,
      noticeToSsmSealed: notice,
      state: 'queued',
    });
    await audit(tx, ctx, 'create', 'consent_revocation', id, clientId);
  });
  const [row] = await listRevocations(deps.db, client.client.catchmentId, id);
  return revocationView(deps, row!);
}

/** C3: the SSM's queue of revocations to act on. */
export async function listConsentRevocations(deps: AssessmentDeps, ctx: RequestContext) {
  const rows = await listRevocations(deps.db, ctx.actor.catchmentId);
  // Each revocation shown names a person and their written notice: one audit entry per client (C3).
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'consent_revocation',
      rows.map((r) => ({ entityId: r.revocation.id, clientId: r.revocation.clientId })),
    ),
  );
  return rows.map((r) => revocationView(deps, r));
}

async function revocationOrNotFound(deps: AssessmentDeps, ctx: RequestContext, id: string) {
  const [row] = await listRevocations(deps.db, ctx.actor.catchmentId, id);
  if (!row) throw notFound('Revocation');
  return row;
}

/** C3: the SSM acknowledges the written notice (and tells the ministry to stop sharing). */
export async function acknowledgeRevocation(deps: AssessmentDeps, ctx: RequestContext, id: string) {
  const row = await revocationOrNotFound(deps, ctx, id);
  if (row.revocation.state !== 'queued')
    throw conflict('not_queued', `This revocation is already ${row.revocation.state}.`);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const moved = await transitionRevocation(tx, id, 'queued', {
      state: 'acknowledged',
      acknowledgedAt: now,
      acknowledgedByUserId: ctx.actor.userId,
    });
    if (!moved) throw conflict('revocation_changed', 'Someone else acted on this revocation just now.');
    await audit(tx, ctx, 'update', 'consent_revocation', id, row.revocation.clientId);
  });
  return revocationView(deps, await revocationOrNotFound(deps, ctx, id));
}

/**
 * C3: the person's information is removed: their data key is destroyed (every sealed field, the
 * answers and notes of their CAs included, becomes unreadable), the names blanked, the record
 * marked purged. Finished CA rows stay (C11) but hold nothing readable.
 */
export async function removeRevokedData(deps: AssessmentDeps, ctx: RequestContext, id: string) {
  const row = await revocationOrNotFound(deps, ctx, id);
  if (row.revocation.state !== 'acknowledged') {
    throw conflict(
      row.revocation.state === 'removed' ? 'already_removed' : 'not_acknowledged',
      row.revocation.state === 'removed'
        ? 'This person’s information was already removed.'
        : 'Acknowledge the revocation before removing the information.',
    );
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const moved = await transitionRevocation(tx, id, 'acknowledged', {
      state: 'removed',
      removedAt: now,
      removedByUserId: ctx.actor.userId,
    });
    if (!moved) throw conflict('revocation_changed', 'Someone else acted on this revocation just now.');
    await purgeClient(tx, row.revocation.clientId, now);
    await audit(tx, ctx, 'delete', 'client_personal_data', row.revocation.clientId, row.revocation.clientId);
  });
  return revocationView(deps, await revocationOrNotFound(deps, ctx, id));
}
