import { randomUUID } from 'node:crypto';
import { addCalendarDays, torontoDate } from '../../domain/calendar/index.js';
import { assignmentFacts, referralMetrics } from '../../domain/referral/metrics.js';
import type { z } from 'zod';
import type { Database, Transaction } from '../../db/connection.js';
import { clientVisibility, referralVisibility } from '../../domain/access/policy.js';
import { identifiedPopulations } from '../../domain/people/specialized-populations.js';
import { pathwayOf, sourceFitsPathway } from '../../domain/referral/pathways.js';
import { rankProviders, type RankedProvider, type ReferralNeeds } from '../../domain/referral/matrix.js';
import { ensureShare, findVisibleClient, findWrappedKey } from '../../db/repositories/clients.js';
import { findOrganization, listOrganizations } from '../../db/repositories/organizations.js';
import {
  addReferralEvent,
  findVisibleReferral,
  insertReferral,
  listVisibleReferrals,
  nextReferralReference,
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
  updateReferral,
  type ReferralStatus,
} from '../../db/repositories/referrals.js';
import { hasExtendedHours, type ServiceLanguage } from '../../domain/organizations/sites.js';
import { audit } from '../audit/record.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, invalid, notFound, ProblemError } from '../http/problem.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type {
  APPOINTMENT_MODES,
  appointmentBody,
  assignBody,
  CONTACT_RESULTS,
  contactAttemptBody,
  decisionBody,
  rankedProviderSchema,
  Referral,
  referralCreateBody,
  referralSummarySchema,
  returnBody,
} from './schemas.js';
import { calendarFor } from '../calendar/service.js';
import {
  completionClock,
  firstContactClock,
  nonResponsiveShortfalls,
  type ContactMethod,
} from '../../domain/referral/contact-standards.js';
import {
  decisionAllowed,
  statusAfterDecision,
  type ReturnReason,
  type SsmDecision,
} from '../../domain/referral/returns.js';

type ContactResult = (typeof CONTACT_RESULTS)[number];
type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export interface ReferralDeps {
  db: Database;
  crypto: PersonCrypto;
}

const NOTES_FIELD = 'referral.notes';
const RETURN_NOTE_FIELD = 'referral.return_note';
const DECISION_NOTE_FIELD = 'referral.decision_note';

async function noteKey(deps: ReferralDeps, clientId: string): Promise<PersonalDataKey> {
  return PersonalDataKey.open(deps.crypto, clientId, await findWrappedKey(deps.db, clientId));
}
type RankedView = z.infer<typeof rankedProviderSchema>;

const refuse = (rule: string, en: string, fr: string) =>
  new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
    detail: `${rule}: ${en}`,
    rule,
    messageFr: `${rule} : ${fr}`,
  });

/**
 * Records a referral on the pathway of the referrer's organization (P1, P2). A walk-in is the
 * provider's own client at once (P3), unless the client is already on an open referral elsewhere:
 * then it goes to SSM intake to be redirected.
 */
export async function createReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  input: z.infer<typeof referralCreateBody>,
) {
  const { db, crypto } = deps;
  const pathway = pathwayOf(ctx.actor.organizationKind);
  if (!pathway) throw forbidden();
  if (!sourceFitsPathway(input.source, pathway)) {
    throw invalid(
      'body.source',
      `The source "${input.source}" is not one of the ${pathway.replace(/_/g, ' ')} pathway (P1).`,
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
  const servedElsewhere =
    pathway === 'self_referral' && open.some((r) => r.assignedOrganizationId !== ctx.actor.organizationId);
  const assignHere = pathway === 'self_referral' && !servedElsewhere;
  const id = randomUUID();
  const key = PersonalDataKey.open(crypto, input.clientId, client.wrappedKey);
  await db.transaction(async (tx) => {
    const now = new Date();
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
      barriers: input.barriers,
      notesEncrypted: input.notes ? key.sealText(NOTES_FIELD, input.notes) : null,
      status: assignHere ? 'assigned' : 'awaiting_assignment',
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
    };
    await addReferralEvent(tx, { ...actor, kind: 'created', detail: { pathway, source: input.source } });
    if (assignHere)
      await addReferralEvent(tx, {
        ...actor,
        kind: 'assigned',
        detail: { organizationId: ctx.actor.organizationId, rule: 'P3' },
      });
    if (servedElsewhere)
      await addReferralEvent(tx, { ...actor, kind: 'redirect_requested', detail: { rule: 'P2' } });
    await audit(tx, ctx, 'create', 'referral', id, input.clientId);
  });
  return getReferral(deps, ctx, id, { audited: true });
}

async function visibleReferral(deps: ReferralDeps, ctx: RequestContext, id: string) {
  const row = await findVisibleReferral(deps.db, referralVisibility(ctx.actor), id);
  if (!row) throw notFound('Referral');
  return row;
}

export async function getReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  options: { audited?: boolean } = {},
): Promise<Referral> {
  const row = await visibleReferral(deps, ctx, id);
  const r = row.referral;
  const [timeline, attempts, appointments, calendar] = await Promise.all([
    referralTimeline(deps.db, id),
    contactAttemptsOf(deps.db, id),
    appointmentsOf(deps.db, id),
    calendarFor(deps.db, r.catchmentId),
  ]);
  const now = new Date();
  const working = r.status === 'assigned' && r.assignedAt !== null;
  const key = PersonalDataKey.open(deps.crypto, r.clientId, row.wrappedKey);
  if (!options.audited) await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'referral', id, r.clientId));
  // P6: the chosen provider, and only it (and the SSM), may see why it was chosen.
  const mayExplain =
    ctx.actor.organizationKind === 'ssm' || r.assignedOrganizationId === ctx.actor.organizationId;
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
    barriers: { ...r.barriers, language: r.barriers.language as ServiceLanguage | null },
    notes: PersonalDataKey.open(deps.crypto, r.clientId, row.wrappedKey).openText(
      NOTES_FIELD,
      r.notesEncrypted,
    ),
    receivedAt: r.receivedAt.toISOString(),
    assignedOrganizationId: r.assignedOrganizationId,
    assignedSiteId: r.assignedSiteId,
    assignedAt: r.assignedAt?.toISOString() ?? null,
    overrideReason: mayExplain ? r.overrideReason : null,
    explanation: mayExplain ? ((r.assignmentExplanation as RankedView | null) ?? null) : null,
    saCaseworkerContactedAt: r.saCaseworkerContactedAt?.toISOString() ?? null,
    returnNote: key.openText(RETURN_NOTE_FIELD, r.returnNoteEncrypted),
    decisionNote: key.openText(DECISION_NOTE_FIELD, r.decisionNoteEncrypted),
    returnReason: r.returnReason as ReturnReason | null,
    returnedAt: r.returnedAt?.toISOString() ?? null,
    ssmDecision: r.ssmDecision as SsmDecision | null,
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
    firstContact: working ? firstContactClock(calendar, r.assignedAt!, attempts[0]?.at ?? null, now) : null,
    // P11 runs from an SSM referral; a walk-in's clock starts with its assessment (a later issue).
    completion: working && r.pathway !== 'self_referral' ? completionClock(r.assignedAt!, null, now) : null,
    timeline: timeline.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actorName: e.actorName,
      actorOrganizationName: e.actorOrganizationName,
      detail: e.detail,
    })),
  };
}

export async function listReferrals(
  deps: ReferralDeps,
  ctx: RequestContext,
  filter: { status?: ReferralStatus | undefined; limit: number },
): Promise<z.infer<typeof referralSummarySchema>[]> {
  const rows = await listVisibleReferrals(deps.db, referralVisibility(ctx.actor), {
    statuses: filter.status ? [filter.status] : undefined,
    limit: filter.limit,
  });
  return rows.map((row) => ({
    id: row.referral.id,
    reference: row.referral.reference,
    clientId: row.referral.clientId,
    clientName: `${row.clientGivenName} ${row.clientFamilyName}`,
    pathway: row.referral.pathway,
    source: row.referral.source,
    status: row.referral.status,
    redirectRequested: row.referral.redirectRequested,
    receivedAt: row.referral.receivedAt.toISOString(),
    assignedOrganizationName: row.assignedOrganizationName,
  }));
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
  const directory = await providerDirectory(deps.db, ctx.actor.catchmentId);
  const counts = await openAssignedCounts(deps.db, ctx.actor.catchmentId);
  const needs: ReferralNeeds = {
    clientChoiceOrganizationId: row.referral.clientChoiceOrganizationId,
    specializedPopulations: identifiedPopulations(client.client.specializedPopulations),
    warmReferral: row.referral.warmReferral,
    language: row.referral.barriers.language as ServiceLanguage | null,
    transportationBarrier: row.referral.barriers.transportation,
    childcareBarrier: row.referral.barriers.childcare,
    accessibilityNeeds: [],
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
  const choice = row.referral.clientChoiceOrganizationId;
  if (choice && choice !== input.organizationId) {
    throw refuse(
      'P3',
      'The client chose a provider; the referral goes to that provider.',
      'Le client a choisi un fournisseur; l’aiguillage va à ce fournisseur.',
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
  await deps.db.transaction(async (tx) => {
    await updateReferral(tx, id, {
      status: 'assigned',
      assignedOrganizationId: picked.organizationId,
      assignedSiteId: picked.siteId,
      assignedAt: new Date(),
      assignedByUserId: ctx.actor.userId,
      assignmentExplanation: picked,
      overrideReason: input.overrideReason,
    });
    await ensureShare(tx, row.referral.clientId, picked.organizationId, null, 'referral');
    await addReferralEvent(tx, {
      referralId: id,
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      kind: 'assigned',
      detail: { organizationId: picked.organizationId, rank: picked.rank, override: picked.rank !== 1 },
    });
    await audit(tx, ctx, 'update', 'referral', id, row.referral.clientId);
  });
  return getReferral(deps, ctx, id, { audited: true });
}

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
  write: (tx: Transaction) => Promise<void>,
) {
  await deps.db.transaction(async (tx) => {
    await write(tx);
    await addReferralEvent(tx, {
      referralId: referral.id,
      actorUserId: ctx.actor.userId,
      actorOrganizationId: ctx.actor.organizationId,
      kind,
      detail,
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
  const at = input.at ? new Date(input.at) : new Date();
  if (at.getTime() > Date.now() + 5 * 60_000) throw invalid('body.at', 'An attempt cannot be in the future.');
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
    throw invalid(
      'params.referralId',
      'Only a referral from social assistance has an SA caseworker to contact.',
    );
  }
  return step(deps, ctx, referral, 'sa_caseworker_contacted', {}, async (tx) => {
    await updateReferral(tx, id, { saCaseworkerContactedAt: new Date() });
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
  if (input.reason === 'other' && !input.note)
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
  return step(deps, ctx, referral, 'returned', { reason: input.reason }, async (tx) => {
    await updateReferral(tx, id, {
      status: 'returned',
      returnedAt: new Date(),
      returnReason: input.reason,
      returnNoteEncrypted: returnNote,
    });
    await revokeReferralShare(tx, referral.clientId, ctx.actor.organizationId);
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
  return step(deps, ctx, referral, 'ssm_decision', { decision: input.decision }, async (tx) => {
    await updateReferral(tx, id, {
      status,
      ssmDecision: input.decision,
      decidedAt: new Date(),
      decisionNoteEncrypted: decisionNote,
      // Forwarding reopens the assignment for another provider; the earlier choice no longer binds.
      ...(status === 'awaiting_assignment'
        ? {
            assignedOrganizationId: null,
            assignedSiteId: null,
            assignedAt: null,
            clientChoiceOrganizationId: null,
          }
        : {}),
    });
  });
}

/**
 * K5: per provider, referrals assigned between two Ontario dates (inclusive): response time to the
 * first contact attempt in business days, returns and lost contact. Counts only, no personal data.
 */
export async function providerMetrics(deps: ReferralDeps, ctx: RequestContext, from: string, to: string) {
  // A day of margin either side in UTC, then exact Ontario dates: no time-zone arithmetic in SQL.
  const events = await eventsOfReferralsAssignedBetween(
    deps.db,
    ctx.actor.catchmentId,
    new Date(`${addCalendarDays(from, -1)}T00:00:00Z`),
    new Date(`${addCalendarDays(to, 2)}T00:00:00Z`),
  );
  const facts = assignmentFacts(events).filter((f) => {
    const day = torontoDate(f.assignedAt);
    return day >= from && day <= to;
  });
  const [calendar, providers] = await Promise.all([
    calendarFor(deps.db, ctx.actor.catchmentId),
    listOrganizations(deps.db, {
      catchmentId: ctx.actor.catchmentId,
      kind: 'provider',
      includeInactive: true,
    }),
  ]);
  const names = new Map(providers.map((p) => [p.organization.id, p.organization.name]));
  return referralMetrics(calendar, facts).map((m) => ({
    ...m,
    organizationName: names.get(m.organizationId) ?? '',
  }));
}
