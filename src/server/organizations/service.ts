import type { Database } from '../../db/connection.js';
import { canManageOrganization } from '../../domain/access/policy.js';
import { weeklyHoursProblems } from '../../domain/organizations/sites.js';
import {
  findCatchment,
  findOrganization,
  findRegion,
  insertOrganization,
  listOrganizations,
  updateOrganization,
  type OrganizationKind,
} from '../../db/repositories/organizations.js';
import { findSite, insertSite, listSites, updateSite, type SiteRow } from '../../db/repositories/sites.js';
import { audit } from '../audit/record.js';
import type { RequestContext } from '../http/context.js';
import { forbidden, invalid, notFound } from '../http/problem.js';
import type { Organization, Site } from './schemas.js';
import type { z } from 'zod';
import type {
  organizationCreateBody,
  organizationUpdateBody,
  siteCreateBody,
  siteUpdateBody,
} from './schemas.js';

type OrgWithCounts = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

function toOrganization({ organization: o, siteCount, userCount }: OrgWithCounts): Organization {
  return {
    id: o.id,
    catchmentId: o.catchmentId,
    kind: o.kind,
    saProgram: o.saProgram,
    name: o.name,
    nameFr: o.nameFr,
    email: o.email,
    phone: o.phone,
    active: o.active,
    siteCount,
    userCount,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

function toSite(s: SiteRow): Site {
  return {
    ...s,
    languages: s.languages as Site['languages'],
    specializedPopulations: s.specializedPopulations as Site['specializedPopulations'],
    accessibilityFeatures: s.accessibilityFeatures as Site['accessibilityFeatures'],
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function getCatchment(db: Database, ctx: RequestContext) {
  const catchment = await findCatchment(db, ctx.actor.catchmentId);
  if (!catchment) throw notFound('Catchment');
  return {
    id: catchment.id,
    code: catchment.code,
    nameEn: catchment.nameEn,
    nameFr: catchment.nameFr,
    regions: catchment.regions.map((r) => ({ id: r.id, code: r.code, nameEn: r.nameEn, nameFr: r.nameFr })),
  };
}

export async function listOrganizationsFor(
  db: Database,
  ctx: RequestContext,
  filter: { kind?: OrganizationKind | undefined; includeInactive?: boolean },
): Promise<Organization[]> {
  const rows = await listOrganizations(db, { catchmentId: ctx.actor.catchmentId, ...filter });
  return rows.map(toOrganization);
}

/** Organizations of the actor's own catchment only; another catchment's look like they do not exist. */
async function organizationInCatchment(
  db: Database,
  ctx: RequestContext,
  id: string,
): Promise<OrgWithCounts> {
  const row = await findOrganization(db, id);
  if (!row || row.organization.catchmentId !== ctx.actor.catchmentId) throw notFound('Organization');
  return row;
}

export async function getOrganization(db: Database, ctx: RequestContext, id: string): Promise<Organization> {
  return toOrganization(await organizationInCatchment(db, ctx, id));
}

export async function createOrganization(
  db: Database,
  ctx: RequestContext,
  input: z.infer<typeof organizationCreateBody>,
): Promise<Organization> {
  const id = await db.transaction(async (tx) => {
    const row = await insertOrganization(tx, { ...input, catchmentId: ctx.actor.catchmentId });
    await audit(tx, ctx, 'create', 'organization', row.id);
    return row.id;
  });
  return getOrganization(db, ctx, id);
}

export async function changeOrganization(
  db: Database,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof organizationUpdateBody>,
): Promise<Organization> {
  const existing = await organizationInCatchment(db, ctx, id);
  if (!canManageOrganization(ctx.actor, 'organization.manage', existing.organization)) throw forbidden();
  if (input.active === false && existing.organization.id === ctx.actor.organizationId) {
    throw invalid('body.active', 'You cannot deactivate your own organization.');
  }
  await db.transaction(async (tx) => {
    await updateOrganization(tx, id, input);
    await audit(tx, ctx, 'update', 'organization', id);
  });
  return getOrganization(db, ctx, id);
}

export async function listSitesOf(
  db: Database,
  ctx: RequestContext,
  organizationId: string,
): Promise<Site[]> {
  await organizationInCatchment(db, ctx, organizationId);
  return (await listSites(db, organizationId)).map(toSite);
}

export async function getSite(db: Database, ctx: RequestContext, siteId: string): Promise<Site> {
  const row = await findSite(db, siteId);
  if (!row || row.catchmentId !== ctx.actor.catchmentId) throw notFound('Site');
  return toSite(row.site);
}

/** A region named in a request must be one of the actor's catchment (sites and clients both name one). */
export async function checkRegion(db: Database, ctx: RequestContext, regionId: string | null | undefined) {
  if (!regionId) return;
  const region = await findRegion(db, regionId);
  if (!region || region.catchmentId !== ctx.actor.catchmentId) {
    throw invalid('body.regionId', 'Choose a region of your catchment.');
  }
}

function checkHours(hours: Site['hours'] | undefined) {
  if (!hours) return;
  const problems = weeklyHoursProblems(hours);
  if (problems.length) throw invalid('body.hours', problems.join('; '));
}

export async function createSite(
  db: Database,
  ctx: RequestContext,
  organizationId: string,
  input: z.infer<typeof siteCreateBody>,
): Promise<Site> {
  const org = await organizationInCatchment(db, ctx, organizationId);
  if (!canManageOrganization(ctx.actor, 'site.manage', org.organization)) throw forbidden();
  if (org.organization.kind !== 'provider' && org.organization.kind !== 'sa_office') {
    throw invalid('params.organizationId', 'Only providers and social-assistance offices have sites.');
  }
  await checkRegion(db, ctx, input.regionId);
  checkHours(input.hours);
  const site = await db.transaction(async (tx) => {
    const row = await insertSite(tx, { ...input, organizationId });
    await audit(tx, ctx, 'create', 'site', row.id);
    return row;
  });
  return toSite(site);
}

export async function changeSite(
  db: Database,
  ctx: RequestContext,
  siteId: string,
  input: z.infer<typeof siteUpdateBody>,
): Promise<Site> {
  const row = await findSite(db, siteId);
  if (!row || row.catchmentId !== ctx.actor.catchmentId) throw notFound('Site');
  if (
    !canManageOrganization(ctx.actor, 'site.manage', {
      id: row.site.organizationId,
      catchmentId: row.catchmentId,
    })
  ) {
    throw forbidden();
  }
  await checkRegion(db, ctx, input.regionId);
  checkHours(input.hours);
  const site = await db.transaction(async (tx) => {
    const updated = await updateSite(tx, siteId, input);
    await audit(tx, ctx, 'update', 'site', siteId);
    return updated;
  });
  return toSite(site);
}
