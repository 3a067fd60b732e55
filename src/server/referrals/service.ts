import { randomUUID } from 'node:crypto';
import { addCalendarDays, torontoDate, type BusinessCalendar } from '../../domain/calendar/index.js';
import { screen, type ScreeningResult } from '../../domain/eligibility/screening.js';
import {
  assignmentFacts,
  intakeCompletionMetrics,
  planActivationAfter,
  referralMetrics,
} from '../../domain/referral/metrics.js';
import { planActivationsOfClients, planActivationsOfReferrals } from '../../db/repositories/plans.js';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/connection.js';
import { clientVisibility, referralVisibility } from '../../domain/access/policy.js';
import { identifiedPopulations } from '../../domain/people/specialized-populations.js';
import { pathwayOf, sourceFitsPathway } from '../../domain/referral/pathways.js';
import { rankProviders, type RankedProvider, type ReferralNeeds } from '../../domain/referral/matrix.js';
import { ensureShare, findVisibleClient, findWrappedKey } from '../../db/repositories/clients.js';
import { findOrganization, listOrganizations } from '../../db/repositories/organizations.js';
import { setHolderOfReferredAssessment, ssmOfCatchment } from '../../db/repositories/assessments.js';
import {
  addReferralEvent,
  countVisibleReferrals,
  findVisibleReferral,
  insertReferral,
  listWorkRows,
  nextReferralReference,
  organizationsThatReturned,
  userDisplayName,
  type WorkRow,
  addAppointment,
  addContactAttempt,
  appointmentsOf,
  contactAttemptsOf,
  eventsOfReferralsAssignedBetween,
  openAssignedCounts,
  revokeReferralShare,
  setAttendance,
  openReferralsOfClient,
  providerDirectory,
  referralTimeline,
  transitionReferral,
  updateReferral,
  type ReferralStatus,
} from '../../db/repositories/referrals.js';
import { closeNeedsNote, intakeMayClose, type CloseReason } from '../../domain/referral/closing.js';
import {
  hasExtendedHours,
  type AccessibilityFeature,
  type ServiceLanguage,
} from '../../domain/organizations/sites.js';
import type { Pathway } from '../../domain/referral/pathways.js';
import {
  byUrgency,
  closedBucket,
  newestFirst,
  statusesOfBucket,
  worklistBucket,
  REFERRAL_STATUSES,
  WORKLIST_BUCKETS,
  type WorklistBucket,
  type WorklistStatus,
  type WorklistView,
} from '../../domain/referral/worklist.js';
import type { ReferralBarriers, ReferralScreening } from '../../db/schema.js';
import { audit } from '../audit/record.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  ProblemError,
  refuse,
  refuseField,
} from '../http/problem.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type {
  appointmentBody,
  assignBody,
  contactAttemptBody,
  closeBody,
  decisionBody,
  rankedProviderSchema,
  Referral,
  referralCreateBody,
  referralSummarySchema,
  returnBody,
  screeningAnswersBody,
  worklistSchema,
} from './schemas.js';
import { calendarFor } from '../calendar/service.js';
import {
  completionClock,
  firstContactClock,
  nonResponsiveShortfalls,
  type AppointmentMode,
  type ContactMethod,
  type ContactResult,
} from '../../domain/referral/contact-standards.js';
import {
  decisionAllowed,
  returnNeedsNote,
  statusAfterDecision,
  type ReturnReason,
  type SsmDecision,
} from '../../domain/referral/returns.js';

export interface ReferralDeps {
  db: Database;
  crypto: PersonCrypto;
  /** The service's clock (app.services.now): tests set the date; every timestamp written comes from it. */
  now: () => Date;
}

const NOTES_FIELD = 'referral.notes';
const RETURN_NOTE_FIELD = 'referral.return_note';
const DECISION_NOTE_FIELD = 'referral.decision_note';
const CLOSE_NOTE_FIELD = 'referral.close_note';

async function noteKey(deps: ReferralDeps, clientId: string): Promise<PersonalDataKey> {
  return PersonalDataKey.open(deps.crypto, clientId, await findWrappedKey(deps.db, clientId));
}
type RankedView = z.infer<typeof rankedProviderSchema>;

type ScreeningAnswersInput = z.infer<typeof screeningAnswersBody>;

const SCREENING_ANSWERS_FIELD = 'referral.screening_answers';

/**
 * E1–E6 computed here, on the server's date, whatever a client may have computed itself. The
 * answers are personal (status in Canada, work permit): sealed with the client's key, like notes.
 */
function screeningOf(
  ctx: RequestContext,
  key: PersonalDataKey,
  answers: ScreeningAnswersInput,
  now: Date,
): ReferralScreening {
  const full = { ...answers, screenedOn: torontoDate(now) };
  return {
    answersSealed: key.sealText(SCREENING_ANSWERS_FIELD, JSON.stringify(full)).toString('base64'),
    result: screen(full),
    screenedAt: now.toISOString(),
    screenedByUserId: ctx.actor.userId,
  };
}

/**
 * P2 pathway 2: a person screened out of case-managed service is not referred. The refusal names
 * the first reason's rule, lists every reason, and says what remains open to them.
 */
function notEligibleRefusal(result: ScreeningResult) {
  const first = result.reasons[0];
  const what =
    result.outcome === 'self_directed_only'
      ? { en: 'self-directed services only', fr: 'services autonomes seulement' }
      : {
          en: 'not eligible for case-managed service',
          fr: 'non admissible aux services avec gestion de cas',
        };
  return refuse(
    first?.rule ?? 'E1',
    `${first?.en ?? 'Not eligible for case-managed service.'} Screening outcome: ${what.en}. ` +
      'No referral was recorded; self-directed services remain open to the person.',
    `${first?.fr ?? 'Non admissible aux services avec gestion de cas.'} Résultat du dépistage : ${what.fr}. ` +
      'Aucun aiguillage n’a été enregistré; les services autonomes restent ouverts à la personne.',
    result.reasons.map((r) => ({ field: 'body.screening', message: `${r.rule}: ${r.en}`, code: r.code })),
  );
}

/** Accessibility needs without repeats, in the vocabulary's order. */
function barriersOf(input: z.infer<typeof referralCreateBody>['barriers']): ReferralBarriers {
  return { ...input, accessibility: [...new Set(input.accessibility)] };
}

/**
 * Records a referral on the pathway of the referrer's organization (P1, P2). A walk-in is the
 * provider's own client at once (P3), unless the client is already on an open referral elsewhere:
 * then it goes to SSM intake to be redirected.
 */
export async function createReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  input: z.infer<typeof referralCreateBody>,
  options: {
    /** C6: the in-progress Common Assessment this referral carries to SSM intake. */
    assessmentId?: string;
    /** More writes that must land with the referral, inside its transaction (the CA's new holder). */
    within?: (tx: Transaction, referralId: string, now: Date) => Promise<void>;
  } = {},
) {
  const { db, crypto } = deps;
  const pathway = pathwayOf(ctx.actor.organizationKind);
  if (!pathway) throw forbidden();
  if (!sourceFitsPathway(input.source, pathway)) {
    throw refuseField(
      'P1',
      'body.source',
      'source_not_on_pathway',
      `The source "${input.source}" is not one of the ${pathway.replace(/_/g, ' ')} pathway.`,
      `La source « ${input.source} » ne fait pas partie de cette voie d’aiguillage.`,
    );
  }
  // P2: SSM intake runs the screening tool on pathway 2; social assistance screens its own
  // referrals (pathway 1) and a walk-in's provider verifies eligibility itself (pathway 3).
  if (pathway !== 'direct_to_ssm' && input.screening) {
    throw refuseField(
      'P2',
      'body.screening',
      'screening_not_on_pathway',
      'Only a referral made directly to SSM intake takes screening answers.',
      'Seul un aiguillage fait directement à l’accueil du GSS comporte des réponses de dépistage.',
    );
  }
  if (pathway === 'direct_to_ssm' && !input.screening) {
    throw refuseField(
      'P2',
      'body.screening',
      'required',
      'Screen a direct referral with the screening tool (E1–E6) before recording it.',
      'Faites le dépistage d’un aiguillage direct avec l’outil de dépistage (E1–E6) avant de l’enregistrer.',
    );
  }
  const client = await findVisibleClient(db, clientVisibility(ctx.actor), input.clientId);
  if (!client) throw invalid('body.clientId', 'No such client among those you serve.');
  if (input.clientChoiceOrganizationId) {
    const chosen = await findOrganization(db, input.clientChoiceOrganizationId);
    if (
      !chosen ||
      chosen.organization.catchmentId !== ctx.actor.catchmentId ||
      chosen.organization.kind !== 'provider'
    ) {
      throw invalid('body.clientChoiceOrganizationId', 'Choose a provider of the catchment.');
    }
  }
  const open = await openReferralsOfClient(db, input.clientId);
  if (pathway !== 'self_referral' && open.length) {
    throw conflict(
      'open_referral_exists',
      'This client already has an open referral; update it instead of adding another.',
    );
  }
  const now = deps.now();
  const key = PersonalDataKey.open(crypto, input.clientId, client.wrappedKey);
  const screening = input.screening ? screeningOf(ctx, key, input.screening, now) : null;
  if (screening && screening.result.outcome !== 'case_managed_eligible')
    throw notEligibleRefusal(screening.result);
  const servedElsewhere =
    pathway === 'self_referral' && open.some((r) => r.assignedOrganizationId !== ctx.actor.organizationId);
  const assignHere = pathway === 'self_referral' && !servedElsewhere;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertReferral(tx, {
      id,
      reference: await nextReferralReference(tx),
      catchmentId: ctx.actor.catchmentId,
      clientId: input.clientId,
      pathway,
      source: input.source,
      referringOrganizationId: ctx.actor.organizationId,
      referringUserId: ctx.actor.userId,
      clientChoiceOrganizationId: assignHere ? ctx.actor.organizationId : input.clientChoiceOrganizationId,
      warmReferral: input.warmReferral,
      barriers: barriersOf(input.barriers),
      screening,
      notesEncrypted: input.notes ? key.sealText(NOTES_FIELD, input.notes) : null,
      status: assignHere ? 'assigned' : 'awaiting_assignment',
      assessmentId: options.assessmentId ?? null,
      redirectRequested: servedElsewhere,
      receivedAt: now,
      ...(assignHere
        ? {
            assignedOrganizationId: ctx.actor.organizationId,
            assignedAt: now,
            assignedByUserId: ctx.actor.userId,
          }
        : {}),
    });
    const actor = {
      referralId: id,
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      at: now,
    };
    await addReferralEvent(tx, { ...actor, kind: 'created', detail: { pathway, source: input.source } });
    if (screening)
      await addReferralEvent(tx, {
        ...actor,
        kind: 'screened',
        detail: { outcome: screening.result.outcome },
      });
    if (assignHere)
      await addReferralEvent(tx, {
        ...actor,
        kind: 'assigned',
        detail: { organizationId: ctx.actor.organizationId, rule: 'P3' },
      });
    if (servedElsewhere)
      await addReferralEvent(tx, { ...actor, kind: 'redirect_requested', detail: { rule: 'P2' } });
    await audit(tx, ctx, 'create', 'referral', id, input.clientId);
    await options.within?.(tx, id, now);
  });
  return getReferral(deps, ctx, id, { audited: true });
}

async function visibleReferral(deps: ReferralDeps, ctx: RequestContext, id: string) {
  const row = await findVisibleReferral(deps.db, referralVisibility(ctx.actor), id);
  if (!row) throw notFound('Referral');
  return row;
}

/**
 * The service clocks of a referral with a provider. P7 and P11 run from a lead the SSM sent (any
 * referral assigned through intake, a redirected walk-in included); a walk-in the provider keeps
 * has its client in front of it, and its own P11 clock starts with the assessment (a later issue).
 * P11 is met once the provider activates the client's plan (`activations`: the client's plans).
 */
function clocksOf(
  r: {
    status: WorklistStatus;
    pathway: Pathway;
    redirectRequested: boolean;
    assignedAt: Date | null;
    assignedOrganizationId: string | null;
  },
  firstAttemptAt: Date | null,
  calendar: BusinessCalendar,
  now: Date,
  activations: readonly { organizationId: string; activatedAt: Date }[] = [],
) {
  const leadFromSsm = r.pathway !== 'self_referral' || r.redirectRequested;
  if (r.status !== 'assigned' || !r.assignedAt || !leadFromSsm)
    return { firstContact: null, completion: null };
  return {
    firstContact: firstContactClock(calendar, r.assignedAt, firstAttemptAt, now),
    completion: completionClock(
      r.assignedAt,
      r.assignedOrganizationId
        ? planActivationAfter(activations, r.assignedOrganizationId, r.assignedAt)
        : null,
      now,
    ),
  };
}

/** P6 and the screening: SSM staff and the provider the referral is assigned to. */
const mayExplain = (ctx: RequestContext, assignedOrganizationId: string | null) =>
  ctx.actor.organizationKind === 'ssm' || assignedOrganizationId === ctx.actor.organizationId;

const barriersView = (b: ReferralBarriers) => ({
  transportation: b.transportation,
  childcare: b.childcare,
  language: b.language as ServiceLanguage | null,
  // Rows written before accessibility needs were recorded have none.
  accessibility: (b.accessibility ?? []) as AccessibilityFeature[],
});

export async function getReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  options: { audited?: boolean } = {},
): Promise<Referral> {
  const row = await visibleReferral(deps, ctx, id);
  const r = row.referral;
  const explains = mayExplain(ctx, r.assignedOrganizationId);
  const screening = explains ? r.screening : null;
  const [timeline, attempts, appointments, calendar, screenedByName, activations] = await Promise.all([
    referralTimeline(deps.db, id),
    contactAttemptsOf(deps.db, id),
    appointmentsOf(deps.db, id),
    calendarFor(deps.db, r.catchmentId),
    screening ? userDisplayName(deps.db, screening.screenedByUserId) : null,
    planActivationsOfClients(deps.db, [r.clientId]),
  ]);
  const now = deps.now();
  const key = PersonalDataKey.open(deps.crypto, r.clientId, row.wrappedKey);
  if (!options.audited) await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'referral', id, r.clientId));
  return {
    id: r.id,
    reference: r.reference,
    clientId: r.clientId,
    clientReference: row.clientReference,
    clientName: `${row.clientGivenName} ${row.clientFamilyName}`,
    pathway: r.pathway,
    source: r.source,
    status: r.status,
    redirectRequested: r.redirectRequested,
    clientChoiceOrganizationId: r.clientChoiceOrganizationId,
    warmReferral: r.warmReferral,
    barriers: barriersView(r.barriers),
    notes: key.openText(NOTES_FIELD, r.notesEncrypted),
    receivedAt: r.receivedAt.toISOString(),
    assignedOrganizationId: r.assignedOrganizationId,
    assignedSiteId: r.assignedSiteId,
    assignedAt: r.assignedAt?.toISOString() ?? null,
    // P6: the chosen provider, and only it (and the SSM), may see why it was chosen.
    overrideReason: explains ? r.overrideReason : null,
    explanation: explains ? ((r.assignmentExplanation as RankedView | null) ?? null) : null,
    saCaseworkerContactedAt: r.saCaseworkerContactedAt?.toISOString() ?? null,
    returnNote: key.openText(RETURN_NOTE_FIELD, r.returnNoteEncrypted),
    decisionNote: key.openText(DECISION_NOTE_FIELD, r.decisionNoteEncrypted),
    closeReason: r.closeReason as CloseReason | null,
    closeNote: key.openText(CLOSE_NOTE_FIELD, r.closeNoteEncrypted),
    closedAt: r.closedAt?.toISOString() ?? null,
    returnReason: r.returnReason as ReturnReason | null,
    returnedAt: r.returnedAt?.toISOString() ?? null,
    ssmDecision: r.ssmDecision as SsmDecision | null,
    // P10 d: who handed it back, so the intake worker forwards it to someone else.
    returnedBy: timeline
      .filter((e) => e.kind === 'returned' && e.actorOrganizationId)
      .map((e) => ({
        organizationId: e.actorOrganizationId!,
        organizationName: e.actorOrganizationName ?? '',
        reason: e.detail.reason as ReturnReason,
        at: e.at.toISOString(),
      })),
    // The result only: the answers stay in the database.
    screening: screening
      ? { ...screening.result, screenedAt: new Date(screening.screenedAt).toISOString(), screenedByName }
      : null,
    contactAttempts: attempts.map((a) => ({
      at: a.at.toISOString(),
      method: a.method as ContactMethod,
      result: a.result as ContactResult,
    })),
    appointments: appointments.map((a) => ({
      id: a.id,
      scheduledFor: a.scheduledFor.toISOString(),
      mode: a.mode as AppointmentMode,
      saCaseworkerInvited: a.saCaseworkerInvited,
      attended: a.attended,
    })),
    ...clocksOf(r, attempts[0]?.at ?? null, calendar, now, activations),
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actorName: e.actorName,
      actorOrganizationName: e.actorOrganizationName,
      detail: e.detail,
    })),
  };
}

/** Whose worklist the actor reads: the SSM's intake queue, a provider's leads, an SA caseworker's referrals. */
function worklistViewOf(ctx: RequestContext): WorklistView {
  switch (ctx.actor.organizationKind) {
    case 'ssm':
      return 'ssm';
    case 'provider':
      return 'provider';
    case 'sa_office':
      return 'sa';
    case 'ministry':
      throw forbidden();
  }
}

type ReferralSummary = z.infer<typeof referralSummarySchema>;

/** P11: the plan activations of the clients of a page of referrals, in one query. */
type Activations = Map<string, { organizationId: string; activatedAt: Date }[]>;
async function activationsOf(deps: ReferralDeps, rows: readonly { clientId: string; status: string }[]) {
  const assigned = rows.filter((r) => r.status === 'assigned').map((r) => r.clientId);
  const byClient: Activations = new Map();
  for (const a of await planActivationsOfClients(deps.db, assigned))
    byClient.set(a.clientId, [...(byClient.get(a.clientId) ?? []), a]);
  return byClient;
}

function summarize(
  ctx: RequestContext,
  view: WorklistView,
  row: WorkRow,
  calendar: BusinessCalendar,
  now: Date,
  activations: Activations,
): { summary: ReferralSummary; receivedAt: Date } {
  const clocks = clocksOf(row, row.firstAttemptAt, calendar, now, activations.get(row.clientId));
  const ssmDecision = row.ssmDecision as SsmDecision | null;
  const bucket = worklistBucket(view, {
    status: row.status,
    pathway: row.pathway,
    everAssigned: row.everAssigned,
    redirectRequested: row.redirectRequested,
    ssmDecision,
    ...clocks,
    contactAttempts: row.contactAttemptCount,
    appointmentAttended: row.appointmentAttended,
    assignedToViewer: row.assignedOrganizationId === ctx.actor.organizationId,
  });
  return {
    receivedAt: row.receivedAt,
    summary: {
      id: row.id,
      reference: row.reference,
      clientId: row.clientId,
      clientName: `${row.clientGivenName} ${row.clientFamilyName}`,
      pathway: row.pathway,
      source: row.source,
      status: row.status,
      redirectRequested: row.redirectRequested,
      receivedAt: row.receivedAt.toISOString(),
      assignedOrganizationName: row.assignedOrganizationName,
      bucket,
      assignedAt: row.assignedAt?.toISOString() ?? null,
      warmReferral: row.warmReferral,
      ...clocks,
      returnReason: row.returnReason as ReturnReason | null,
      ssmDecision,
      contactAttemptCount: row.contactAttemptCount,
      appointmentCount: row.appointmentCount,
      screeningOutcome: mayExplain(ctx, row.assignedOrganizationId)
        ? (row.screeningOutcome as ReferralSummary['screeningOutcome'])
        : null,
    },
  };
}

/**
 * The actor's referrals, each placed in its worklist bucket with its clocks computed on the
 * catchment's calendar. The SSM's and a provider's lists put the most urgent first (P11
 * incomplete, P7 overdue, then due soonest); an SA caseworker's, the newest.
 *
 * Open referrals are read whole (the clocks decide their bucket and order); closed ones, which have
 * no clock and sort last, only as many as the page can show.
 */
export async function listReferrals(
  deps: ReferralDeps,
  ctx: RequestContext,
  filter: { status?: ReferralStatus | undefined; bucket?: WorklistBucket | undefined; limit: number },
): Promise<ReferralSummary[]> {
  const view = worklistViewOf(ctx);
  const visibility = referralVisibility(ctx.actor);
  const inBucket = filter.bucket ? statusesOfBucket(view, filter.bucket) : REFERRAL_STATUSES;
  const statuses = (filter.status ? [filter.status] : REFERRAL_STATUSES).filter((s) => inBucket.includes(s));
  const open = statuses.filter((s) => s !== 'closed');
  const [openRows, closedRows, calendar] = await Promise.all([
    open.length ? listWorkRows(deps.db, visibility, { statuses: open }) : [],
    statuses.includes('closed')
      ? listWorkRows(deps.db, visibility, { statuses: ['closed'], limit: filter.limit })
      : [],
    calendarFor(deps.db, ctx.actor.catchmentId),
  ]);
  const now = deps.now();
  const activations = await activationsOf(deps, openRows);
  const items = [...openRows, ...closedRows]
    .map((row) => summarize(ctx, view, row, calendar, now, activations))
    .filter((i) => !filter.bucket || i.summary.bucket === filter.bucket);
  items.sort((a, b) =>
    view === 'sa'
      ? newestFirst(a, b)
      : byUrgency(
          { ...a.summary, contactAttempts: a.summary.contactAttemptCount, receivedAt: a.receivedAt },
          { ...b.summary, contactAttempts: b.summary.contactAttemptCount, receivedAt: b.receivedAt },
        ),
  );
  return items.slice(0, filter.limit).map((i) => i.summary);
}

/** Counts per bucket of the actor's worklist, every bucket of the view in display order. */
export async function worklist(
  deps: ReferralDeps,
  ctx: RequestContext,
): Promise<z.infer<typeof worklistSchema>> {
  const view = worklistViewOf(ctx);
  const visibility = referralVisibility(ctx.actor);
  const [openRows, closed, calendar] = await Promise.all([
    listWorkRows(deps.db, visibility, { statuses: ['awaiting_assignment', 'assigned', 'returned'] }),
    countVisibleReferrals(deps.db, visibility, ['closed']),
    calendarFor(deps.db, ctx.actor.catchmentId),
  ]);
  const now = deps.now();
  const counts = new Map<WorklistBucket, number>(WORKLIST_BUCKETS[view].map((b) => [b, 0]));
  const add = (bucket: WorklistBucket, n: number) => counts.set(bucket, (counts.get(bucket) ?? 0) + n);
  const activations = await activationsOf(deps, openRows);
  for (const row of openRows) add(summarize(ctx, view, row, calendar, now, activations).summary.bucket, 1);
  add(closedBucket(view), closed);
  return { view, buckets: [...counts.entries()].map(([bucket, count]) => ({ bucket, count })) };
}

/** The matrix's ranking for one referral (P4), with the reasons for each place (P6). */
export async function suggestProviders(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
): Promise<RankedView[]> {
  const row = await visibleReferral(deps, ctx, id);
  const client = await findVisibleClient(deps.db, clientVisibility(ctx.actor), row.referral.clientId);
  if (!client) throw notFound('Client');
  // P10 d: a referral forwarded after a return goes to another provider, not back to one that returned it.
  const returnedBy = await organizationsThatReturned(deps.db, id);
  const directory = (await providerDirectory(deps.db, ctx.actor.catchmentId)).filter(
    (d) => !returnedBy.has(d.site.organizationId),
  );
  const counts = await openAssignedCounts(deps.db, ctx.actor.catchmentId);
  const barriers = barriersView(row.referral.barriers);
  const needs: ReferralNeeds = {
    clientChoiceOrganizationId: row.referral.clientChoiceOrganizationId,
    specializedPopulations: identifiedPopulations(client.client.specializedPopulations),
    warmReferral: row.referral.warmReferral,
    language: barriers.language,
    transportationBarrier: barriers.transportation,
    childcareBarrier: barriers.childcare,
    accessibilityNeeds: barriers.accessibility,
    homeRegionId: client.client.regionId,
    location: null,
    // Streams come with the Common Assessment; until then a provider's whole caseload counts.
    stream: null,
  };
  const capacity = new Map<string, number>();
  for (const d of directory)
    capacity.set(d.site.organizationId, (capacity.get(d.site.organizationId) ?? 0) + d.site.intakeCapacity);
  const ranked = rankProviders(
    needs,
    directory.map((d) => ({
      organizationId: d.site.organizationId,
      siteId: d.site.id,
      regionId: d.site.regionId,
      latitude: d.site.latitude,
      longitude: d.site.longitude,
      languages: d.site.languages,
      specializedPopulations: d.site.specializedPopulations,
      accessibilityFeatures: d.site.accessibilityFeatures,
      extendedHours: hasExtendedHours(d.site.hours),
      active: d.site.active,
    })),
    [...capacity.entries()].map(([organizationId, target]) => ({
      organizationId,
      byStream: {
        A: { caseload: counts.find((c) => c.organizationId === organizationId)?.open ?? 0, target },
        B: { caseload: 0, target: 0 },
        C: { caseload: 0, target: 0 },
      },
    })),
  );
  const names = new Map(directory.map((d) => [d.site.organizationId, d.organizationName]));
  const siteNames = new Map(directory.map((d) => [d.site.id, d.site.name]));
  return ranked.map((r) => toView(r, names.get(r.organizationId) ?? '', siteNames.get(r.siteId) ?? ''));
}

function toView(r: RankedProvider, organizationName: string, siteName: string): RankedView {
  return {
    rank: r.rank,
    organizationId: r.organizationId,
    organizationName,
    siteId: r.siteId,
    siteName,
    chosenByClient: r.chosenByClient,
    populationMatches: r.populationMatches,
    fit: r.fit,
    utilisationPercent: Number.isFinite(r.utilisation) ? Math.round(r.utilisation * 100) : null,
    factors: r.factors,
  };
}

/**
 * SSM intake assigns a referral: the matrix's first suggestion in one step, or another provider
 * with a reason. A client's choice binds (P3). The chosen provider receives the lead and may read
 * why it was chosen (P6); the client is shared with it.
 */
export async function assignReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof assignBody>,
) {
  const row = await visibleReferral(deps, ctx, id);
  if (row.referral.status !== 'awaiting_assignment') {
    throw conflict(
      'not_awaiting_assignment',
      `This referral is ${row.referral.status.replace(/_/g, ' ')}, not awaiting assignment.`,
    );
  }
  // P2 pathway 2: SSM intake assigns a direct referral only once the screening tool found the
  // person eligible for case-managed service.
  if (row.referral.pathway === 'direct_to_ssm') {
    const outcome = row.referral.screening?.result.outcome ?? null;
    if (outcome === null) {
      throw refuse(
        'P2',
        'Screen first: run the screening tool (E1–E6) on this direct referral before assigning it.',
        'Faites d’abord le dépistage : utilisez l’outil de dépistage (E1–E6) avant d’attribuer cet aiguillage direct.',
      );
    }
    if (outcome !== 'case_managed_eligible') {
      throw refuse(
        'P2',
        'The screening found the person not eligible for case-managed service; self-directed services remain open to them.',
        'Le dépistage indique que la personne n’est pas admissible aux services avec gestion de cas; les services autonomes lui restent ouverts.',
      );
    }
  }
  const choice = row.referral.clientChoiceOrganizationId;
  if (choice && choice !== input.organizationId) {
    throw refuse(
      'P3',
      'The client chose a provider; the referral goes to that provider.',
      'Le client a choisi un fournisseur; l’aiguillage va à ce fournisseur.',
    );
  }
  if ((await organizationsThatReturned(deps.db, id)).has(input.organizationId)) {
    throw refuseField(
      'P10',
      'body.organizationId',
      'returned_by_provider',
      'This provider returned the referral; forward it to another provider (d).',
      'Ce fournisseur a retourné l’aiguillage; transmettez-le à un autre fournisseur (d).',
    );
  }
  const ranking = await suggestProviders(deps, ctx, id);
  const picked = ranking.find((r) => r.organizationId === input.organizationId);
  if (!picked) throw invalid('body.organizationId', 'Choose an active provider of the catchment.');
  if (picked.rank !== 1 && !input.overrideReason) {
    throw invalid(
      'body.overrideReason',
      'Say why you chose a provider other than the first suggestion.',
      'required',
    );
  }
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const moved = !(await transitionReferral(tx, id, 'awaiting_assignment', {
      status: 'assigned',
      assignedOrganizationId: picked.organizationId,
      assignedSiteId: picked.siteId,
      assignedAt: now,
      assignedByUserId: ctx.actor.userId,
      assignmentExplanation: picked,
      overrideReason: input.overrideReason,
    }));
    // Thrown inside the transaction: it rolls back, so a second assignment racing the first loses.
    if (moved) throw movedOn();
    await ensureShare(tx, row.referral.clientId, picked.organizationId, null, 'referral');
    // C6: the in-progress CA the referral carries goes to the provider, on its "referred" list.
    await setHolderOfReferredAssessment(tx, id, picked.organizationId, {
      siteId: picked.siteId,
      caseworkerUserId: null,
    });
    await addReferralEvent(tx, {
      referralId: id,
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      kind: 'assigned',
      detail: { organizationId: picked.organizationId, rank: picked.rank, override: picked.rank !== 1 },
      at: now,
    });
    await audit(tx, ctx, 'update', 'referral', id, row.referral.clientId);
  });
  return getReferral(deps, ctx, id, { audited: true });
}

/**
 * P2 pathway 2: SSM intake screens a direct referral it holds (E1–E6), typically one that came in
 * on the TRF daily list. Allowed while the referral awaits assignment and has no screening, or needs
 * a new one: the last found the person ineligible (their situation may have changed), or a provider
 * returned it as not eligible (P10). The result is stored whatever it is, with a `screened` event
 * (its outcome, never the answers); an ineligible person's referral stays, and cannot be assigned.
 */
export async function screenReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  answers: ScreeningAnswersInput,
) {
  const { referral } = await visibleReferral(deps, ctx, id);
  if (referral.pathway !== 'direct_to_ssm') {
    throw refuse(
      'P2',
      'Only a referral made directly to SSM intake is screened here: social assistance screens its own referrals, and a walk-in’s provider verifies eligibility.',
      'Seul un aiguillage fait directement à l’accueil du GSS est soumis au dépistage ici : l’aide sociale fait le dépistage de ses aiguillages, et le fournisseur vérifie l’admissibilité d’une personne qui se présente.',
    );
  }
  if (referral.status !== 'awaiting_assignment') {
    throw conflict(
      'not_awaiting_assignment',
      `This referral is ${referral.status.replace(/_/g, ' ')}, not awaiting assignment.`,
    );
  }
  const previous = referral.screening?.result.outcome ?? null;
  const needsScreening =
    previous !== 'case_managed_eligible' ||
    (referral.ssmDecision === 'forward' && referral.returnReason === 'not_eligible');
  if (!needsScreening) {
    throw conflict(
      'already_screened',
      'This referral was screened and found eligible; it awaits assignment.',
    );
  }
  const now = deps.now();
  // Sealed before the transaction opens (see returnReferral).
  const screening = screeningOf(ctx, await noteKey(deps, referral.clientId), answers, now);
  return step(deps, ctx, referral, 'screened', { outcome: screening.result.outcome }, async (tx) => {
    await updateReferral(tx, id, { screening });
  });
}

/** Another worker changed the referral between our read and our write: nothing was written. */
const movedOn = () =>
  conflict('referral_changed', 'Someone else changed this referral just now; reload it and try again.');

/** A referral the actor's provider is working: assigned to it and still open. */
async function workingReferral(deps: ReferralDeps, ctx: RequestContext, id: string) {
  const row = await visibleReferral(deps, ctx, id);
  if (row.referral.assignedOrganizationId !== ctx.actor.organizationId) throw notFound('Referral');
  if (row.referral.status !== 'assigned') {
    throw conflict('referral_not_open', `This referral is ${row.referral.status.replace(/_/g, ' ')}.`);
  }
  return row;
}

/** One step on a referral: the change, its timeline event and its audit entry in one transaction. */
async function step(
  deps: ReferralDeps,
  ctx: RequestContext,
  referral: { id: string; clientId: string },
  kind: string,
  detail: Record<string, unknown>,
  write: (tx: Transaction, now: Date) => Promise<void>,
) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await write(tx, now);
    await addReferralEvent(tx, {
      referralId: referral.id,
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      kind,
      detail,
      at: now,
    });
    await audit(tx, ctx, 'update', 'referral', referral.id, referral.clientId);
  });
  return getReferral(deps, ctx, referral.id, { audited: true });
}

/** P7/P8: the provider logs an attempt to reach the client. */
export async function logContactAttempt(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof contactAttemptBody>,
) {
  const { referral } = await workingReferral(deps, ctx, id);
  const now = deps.now();
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + 5 * 60_000)
    throw invalid('body.at', 'An attempt cannot be in the future.');
  return step(
    deps,
    ctx,
    referral,
    'contact_attempt',
    { method: input.method, result: input.result },
    async (tx) => {
      await addContactAttempt(tx, {
        referralId: id,
        at,
        method: input.method,
        result: input.result,
        byUserId: ctx.actor.userId,
      });
    },
  );
}

/** P8/P9: the provider offers an appointment, the SA caseworker invited for a warm referral. */
export async function offerAppointment(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof appointmentBody>,
) {
  const { referral } = await workingReferral(deps, ctx, id);
  const detail = { mode: input.mode, saCaseworkerInvited: input.saCaseworkerInvited };
  return step(deps, ctx, referral, 'appointment_offered', detail, async (tx) => {
    await addAppointment(tx, {
      referralId: id,
      scheduledFor: new Date(input.scheduledFor),
      mode: input.mode,
      saCaseworkerInvited: input.saCaseworkerInvited,
      byUserId: ctx.actor.userId,
    });
  });
}

export async function recordAttendance(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  appointmentId: string,
  attended: boolean,
) {
  const { referral } = await workingReferral(deps, ctx, id);
  const kind = attended ? 'appointment_attended' : 'appointment_missed';
  return step(deps, ctx, referral, kind, { appointmentId }, async (tx) => {
    if (!(await setAttendance(tx, id, appointmentId, attended))) throw notFound('Appointment');
  });
}

/** P8: for an SA client, the SA caseworker was contacted about reaching the client. */
export async function markSaCaseworkerContacted(deps: ReferralDeps, ctx: RequestContext, id: string) {
  const { referral } = await workingReferral(deps, ctx, id);
  if (referral.pathway !== 'social_assistance') {
    throw refuseField(
      'P8',
      'params.referralId',
      'not_from_social_assistance',
      'Only a referral from social assistance has an SA caseworker to contact.',
      'Seul un aiguillage provenant de l’aide sociale a un chargé de cas de l’aide sociale à joindre.',
    );
  }
  return step(deps, ctx, referral, 'sa_caseworker_contacted', {}, async (tx, now) => {
    await updateReferral(tx, id, { saCaseworkerContactedAt: now });
  });
}

/**
 * P10: the provider hands the referral back with one of the seven reasons. "Unable to contact" needs
 * the P8 evidence first; the refusal names what is missing, in both languages.
 */
export async function returnReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof returnBody>,
) {
  const { referral } = await workingReferral(deps, ctx, id);
  if (returnNeedsNote(input.reason) && !input.note)
    throw invalid('body.note', 'Say why, when the reason is "other".', 'required');
  if (input.reason === 'unable_to_contact') {
    const client = await findVisibleClient(deps.db, clientVisibility(ctx.actor), referral.clientId);
    const [attempts, appointments] = await Promise.all([
      contactAttemptsOf(deps.db, id),
      appointmentsOf(deps.db, id),
    ]);
    const missing = nonResponsiveShortfalls({
      preferredMethod: (client?.client.preferredContactMethod as ContactMethod | null) ?? null,
      attempts: attempts.map((a) => ({ method: a.method as ContactMethod, at: a.at })),
      appointmentsOffered: appointments.length,
      socialAssistanceClient: referral.pathway === 'social_assistance',
      saCaseworkerContacted: referral.saCaseworkerContactedAt !== null,
    });
    if (missing.length) {
      throw new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
        rule: 'P8',
        detail: missing.map((m) => m.en).join(' '),
        messageFr: missing.map((m) => m.fr).join(' '),
        errors: missing.map((m) => ({ field: 'body.reason', message: m.en, code: m.code })),
      });
    }
  }
  // Sealed before the transaction opens: on PGlite's single connection a look-up made outside an open
  // transaction would wait for it forever.
  const returnNote = input.note
    ? (await noteKey(deps, referral.clientId)).sealText(RETURN_NOTE_FIELD, input.note)
    : null;
  const ssm = await ssmOfCatchment(deps.db, referral.catchmentId);
  return step(deps, ctx, referral, 'returned', { reason: input.reason }, async (tx, now) => {
    const returned = await transitionReferral(
      tx,
      id,
      'assigned',
      { status: 'returned', returnedAt: now, returnReason: input.reason, returnNoteEncrypted: returnNote },
      { assignedOrganizationId: ctx.actor.organizationId },
    );
    if (!returned) throw movedOn();
    await revokeReferralShare(tx, referral.clientId, ctx.actor.organizationId);
    // P10: an in-progress CA comes back with its referral: the SSM holds it until the next assignment.
    if (ssm) await setHolderOfReferredAssessment(tx, id, ssm.id, { siteId: null, caseworkerUserId: null });
  });
}

/** P10: the SSM's course after a return: (a) back to SA, (b)/(c) a case conference, (d) forward. */
export async function decideReturn(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof decisionBody>,
) {
  const { referral } = await visibleReferral(deps, ctx, id);
  if (referral.status !== 'returned')
    throw conflict('not_returned', 'Only a returned referral awaits a decision.');
  if (!decisionAllowed(input.decision, referral.pathway)) {
    throw refuse(
      'P10',
      'Only a referral from social assistance can be returned to it.',
      'Seul un aiguillage provenant de l’aide sociale peut lui être retourné.',
    );
  }
  const status = statusAfterDecision(input.decision);
  const decisionNote = input.note
    ? (await noteKey(deps, referral.clientId)).sealText(DECISION_NOTE_FIELD, input.note)
    : null;
  return step(deps, ctx, referral, 'ssm_decision', { decision: input.decision }, async (tx, now) => {
    const decided = await transitionReferral(tx, id, 'returned', {
      status,
      ssmDecision: input.decision,
      decidedAt: now,
      decisionNoteEncrypted: decisionNote,
      // Forwarding reopens the assignment for another provider; the earlier choice no longer binds.
      ...(status === 'awaiting_assignment'
        ? {
            assignedOrganizationId: null,
            assignedSiteId: null,
            assignedAt: null,
            // The earlier "why this provider" answered for the provider that returned it; the
            // timeline keeps that assignment, the next one brings its own explanation.
            assignmentExplanation: null,
            overrideReason: null,
            clientChoiceOrganizationId: null,
          }
        : {}),
    });
    if (!decided) throw movedOn();
    // P10 (a): back to social assistance, the in-progress CA too; SA may refer it again later.
    if (input.decision === 'return_to_sa' && referral.referringOrganizationId)
      await setHolderOfReferredAssessment(tx, id, referral.referringOrganizationId, { referralId: null });
  });
}

/**
 * SSM intake closes a referral it holds without sending it to a provider: the screening found the
 * person eligible for self-directed service only (E1–E6), the person withdrew, or it repeats another.
 * The person keeps every self-directed service and may be referred again (E1).
 */
export async function closeReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof closeBody>,
) {
  const { referral } = await visibleReferral(deps, ctx, id);
  if (!intakeMayClose(referral.status)) {
    throw conflict(
      'not_closable',
      `This referral is ${referral.status.replace(/_/g, ' ')}; intake closes only what awaits assignment or came back.`,
    );
  }
  if (closeNeedsNote(input.reason) && !input.note)
    throw invalid('body.note', 'Say why, when the reason is "other".', 'required');
  const note = input.note
    ? (await noteKey(deps, referral.clientId)).sealText(CLOSE_NOTE_FIELD, input.note)
    : null;
  return step(deps, ctx, referral, 'closed', { reason: input.reason }, async (tx, now) => {
    const closed = await transitionReferral(tx, id, referral.status, {
      status: 'closed',
      closeReason: input.reason,
      closeNoteEncrypted: note,
      closedAt: now,
    });
    if (!closed) throw movedOn();
  });
}

/**
 * K5: per provider, referrals assigned between two Ontario dates (inclusive): response time to the
 * first contact attempt in business days, returns and lost contact, and intake completion (the
 * assignment to an active plan, M1/P11). Counts only, no personal data.
 */
export async function providerMetrics(deps: ReferralDeps, ctx: RequestContext, from: string, to: string) {
  // A day of margin either side in UTC, then exact Ontario dates: no time-zone arithmetic in SQL.
  const events = await eventsOfReferralsAssignedBetween(
    deps.db,
    ctx.actor.catchmentId,
    new Date(`${addCalendarDays(from, -1)}T00:00:00Z`),
    new Date(`${addCalendarDays(to, 2)}T00:00:00Z`),
  );
  // Facts per referral, so each assignment knows its referral's client for the plan activation (K5).
  const byReferral = new Map<string, typeof events>();
  for (const e of events) byReferral.set(e.referralId, [...(byReferral.get(e.referralId) ?? []), e]);
  const inPeriod = (f: { assignedAt: Date }) => {
    const day = torontoDate(f.assignedAt);
    return day >= from && day <= to;
  };
  const perReferral = [...byReferral.entries()].flatMap(([referralId, list]) =>
    assignmentFacts(list)
      .filter(inPeriod)
      .map((fact) => ({ referralId, fact })),
  );
  const facts = perReferral.map((p) => p.fact);
  const [calendar, providers, activations] = await Promise.all([
    calendarFor(deps.db, ctx.actor.catchmentId),
    listOrganizations(deps.db, {
      catchmentId: ctx.actor.catchmentId,
      kind: 'provider',
      includeInactive: true,
    }),
    planActivationsOfReferrals(deps.db, [...byReferral.keys()]),
  ]);
  const completion = new Map(
    intakeCompletionMetrics(
      perReferral.map(({ referralId, fact }) => ({
        organizationId: fact.organizationId,
        assignedAt: fact.assignedAt,
        planActivatedAt: planActivationAfter(
          activations.filter((a) => a.referralId === referralId),
          fact.organizationId,
          fact.assignedAt,
        ),
      })),
    ).map((c) => [c.organizationId, c]),
  );
  const names = new Map(providers.map((p) => [p.organization.id, p.organization.name]));
  return referralMetrics(calendar, facts).map((m) => {
    const c = completion.get(m.organizationId);
    return {
      ...m,
      organizationName: names.get(m.organizationId) ?? '',
      intakesCompleted: c?.intakesCompleted ?? 0,
      averageDaysToActivePlan: c?.averageDaysToActivePlan ?? null,
      completedWithinStandardRate: c?.completedWithinStandardRate ?? null,
    };
  });
}
