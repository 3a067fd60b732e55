import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { clientVisibility, referralVisibility } from '../../domain/access/policy.js';
import { identifiedPopulations } from '../../domain/people/specialized-populations.js';
import { pathwayOf, sourceFitsPathway } from '../../domain/referral/pathways.js';
import { rankProviders, type RankedProvider, type ReferralNeeds } from '../../domain/referral/matrix.js';
import { ensureShare, findVisibleClient } from '../../db/repositories/clients.js';
import { findOrganization } from '../../db/repositories/organizations.js';
import {
  addReferralEvent,
  findVisibleReferral,
  insertReferral,
  listVisibleReferrals,
  nextReferralReference,
  openAssignedCounts,
  openReferralsOfClient,
  providerDirectory,
  referralTimeline,
  updateReferral,
  type ReferralStatus,
} from '../../db/repositories/referrals.js';
import type { ServiceLanguage } from '../../domain/organizations/sites.js';
import { audit } from '../audit/record.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import { conflict, forbidden, invalid, notFound, ProblemError } from '../http/problem.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type {
  assignBody,
  rankedProviderSchema,
  Referral,
  referralCreateBody,
  referralSummarySchema,
} from './schemas.js';

export interface ReferralDeps {
  db: Database;
  crypto: PersonCrypto;
}

const NOTES_FIELD = 'referral.notes';
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
  const timeline = await referralTimeline(deps.db, id);
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
      extendedHours:
        Object.values(d.site.hours).some((spans) => spans?.some((s) => s.closes > '18:00')) ||
        !!d.site.hours.sat?.length,
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
