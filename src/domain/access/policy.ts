/**
 * The one place that decides what an actor may do. Handlers ask `can`, and every query of client
 * data is scoped by `clientVisibility`; nothing else in the code grants access.
 */
import { ROLE_ORGANIZATION_KIND, type OrganizationKind, type Role } from './roles.js';

export interface Actor {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  catchmentId: string;
  roles: readonly Role[];
}

export const PERMISSIONS = [
  'client.search',
  'client.read',
  'client.create',
  'client.update',
  'client.reveal_sin',
  'client.audit.read',
  'audit.verify',
  'organization.read',
  'organization.manage',
  'site.manage',
  'user.read',
  'user.manage',
  'calendar.read',
  'calendar.manage',
  'statistics.read',
  'referral.read',
  'referral.create',
  'referral.assign',
  'referral.work',
  'assessment.read',
  'assessment.conduct',
  'assessment.assign',
  'consent.revoke',
  'consent.removal',
  'plan.read',
  'plan.write',
  'plan_catalogue.manage',
  'note_template.manage',
  'case_note.read',
  'case_note.write',
  'task.work',
  'caseload.read',
  'caseload.assign',
  'conference.take_part',
  'monitoring.read',
  'monitoring.write',
  'attestation.sign',
  'pbf.review',
  'pbf.read',
  'pbf.pay',
  'funding_agreement.manage',
  'support.read',
  'support.request',
  'support.approve',
  'budget.read',
  'budget.manage',
  'employer.read',
  'employer.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SSM_STAFF: Role[] = ['ssm_intake', 'ssm_qa', 'ssm_finance', 'ssm_manager', 'ssm_director', 'ssm_admin'];
const PROVIDER_STAFF: Role[] = ['provider_caseworker', 'provider_lead', 'provider_admin'];
const EVERYONE: Role[] = [...SSM_STAFF, ...PROVIDER_STAFF, 'sa_caseworker', 'ministry_viewer'];
/** Staff who work with clients' records day to day. Ministry viewers see aggregates only. */
const CLIENT_WORKERS: Role[] = [...SSM_STAFF, 'provider_caseworker', 'provider_lead', 'sa_caseworker'];

/** Which roles hold each permission. Kept as data so the docs and the tests can read it. */
export const GRANTS: Record<Permission, readonly Role[]> = {
  'client.search': CLIENT_WORKERS,
  'client.read': CLIENT_WORKERS,
  'client.create': ['ssm_intake', 'provider_caseworker', 'provider_lead', 'sa_caseworker'],
  'client.update': ['ssm_intake', 'ssm_qa', 'provider_caseworker', 'provider_lead', 'sa_caseworker'],
  // Revealing a full SIN is for those who verify identity with the client in front of them.
  'client.reveal_sin': ['ssm_intake', 'ssm_qa', 'provider_caseworker', 'provider_lead', 'sa_caseworker'],
  'client.audit.read': ['ssm_admin'],
  'audit.verify': ['ssm_admin'],
  'organization.read': EVERYONE,
  'organization.manage': ['ssm_admin'],
  'site.manage': ['ssm_admin', 'provider_admin'],
  'user.read': ['ssm_admin', 'provider_admin', 'provider_lead'],
  'user.manage': ['ssm_admin', 'provider_admin'],
  'calendar.read': EVERYONE,
  'calendar.manage': ['ssm_admin'],
  'statistics.read': ['ssm_manager', 'ssm_director', 'ssm_admin', 'ministry_viewer'],
  'referral.read': CLIENT_WORKERS,
  'referral.create': ['ssm_intake', 'provider_caseworker', 'provider_lead', 'sa_caseworker'],
  'referral.assign': ['ssm_intake'],
  // Logging contact, offering appointments and returning a lead: the provider's front line.
  'referral.work': ['provider_caseworker', 'provider_lead'],
  // A Common Assessment is visible to whoever may see its client; only the holder organization edits it.
  'assessment.read': CLIENT_WORKERS,
  // C6: SA caseworkers administer M1 and refer; provider staff administer M1, the SLD and M2.
  'assessment.conduct': ['provider_caseworker', 'provider_lead', 'sa_caseworker'],
  // C6/C10: SSM intake sends a referred or returned CA on to a provider.
  'assessment.assign': ['ssm_intake'],
  // C3: whoever is in front of the client receives a revocation and tells the SSM in writing.
  'consent.revoke': ['provider_caseworker', 'provider_lead', 'sa_caseworker', 'ssm_intake'],
  // C3: the SSM acknowledges a revocation and removes the person's information.
  'consent.removal': ['ssm_intake', 'ssm_admin'],
  // I2: whoever may see the client sees its plans; SA caseworkers get the read-only shared view.
  'plan.read': CLIENT_WORKERS,
  // A1–A4: the provider builds, signs, activates, holds and closes the plan with the client.
  'plan.write': ['provider_caseworker', 'provider_lead'],
  // A7: the SSM keeps the catchment's service catalogue.
  'plan_catalogue.manage': ['ssm_admin', 'ssm_manager', 'ssm_qa'],
  'note_template.manage': ['ssm_admin', 'ssm_manager', 'ssm_qa'],
  // I2: SA caseworkers read shared notes only; they write in SAMS and talk to the provider in conferences.
  'case_note.read': CLIENT_WORKERS,
  'case_note.write': ['provider_caseworker', 'provider_lead'],
  'task.work': ['provider_caseworker', 'provider_lead'],
  // J9: caseloads are the provider's; only a lead reassigns them.
  'caseload.read': ['provider_caseworker', 'provider_lead'],
  'caseload.assign': ['provider_lead'],
  // I4: case conferences bring the provider, the SA office and the SSM together.
  'conference.take_part': [
    'provider_caseworker',
    'provider_lead',
    'sa_caseworker',
    'ssm_intake',
    'ssm_manager',
    'ssm_qa',
  ],
  // M1–M9: outcomes and checkpoints are part of the plan: whoever reads the plan reads them (I2).
  'monitoring.read': CLIENT_WORKERS,
  'monitoring.write': ['provider_caseworker', 'provider_lead'],
  // M10: "signed by the lead employment staff".
  'attestation.sign': ['provider_lead'],
  // M4/M9/M10: the SSM audits outcomes, reviews checkpoint evidence and pre-approves attestations.
  'pbf.review': ['ssm_qa', 'ssm_manager'],
  // K4/K6: the provider's leadership and the SSM's managers and finance read PBF statements.
  'pbf.read': ['provider_lead', 'ssm_finance', 'ssm_manager', 'ssm_director', 'ssm_qa'],
  'pbf.pay': ['ssm_finance'],
  // K4: SSM finance keeps each provider's funding-agreement amounts (and reads them, with pbf.read).
  'funding_agreement.manage': ['ssm_finance'],
  // I3: whoever may see the client sees its financial supports; SA sees shared clients' supports.
  'support.read': CLIENT_WORKERS,
  // F4/F13: the provider's caseworkers request, issue and report supports.
  'support.request': ['provider_caseworker', 'provider_lead'],
  // F6/F11: the SSM's managers and finance pre-approve supports and review every report.
  'support.approve': ['ssm_manager', 'ssm_finance'],
  // F3: the provider watches its own budget; the SSM's managers and finance watch every provider's.
  'budget.read': ['provider_caseworker', 'provider_lead', 'ssm_finance', 'ssm_manager', 'ssm_director'],
  // F3/F8: SSM finance sets each provider's allocation, reallocation and ODSP reserve per fiscal year.
  'budget.manage': ['ssm_finance'],
  // F10: employers are the provider's and the SSM's business, not social assistance's.
  'employer.read': [...SSM_STAFF, 'provider_caseworker', 'provider_lead'],
  'employer.manage': ['provider_caseworker', 'provider_lead'],
};

export function hasPermission(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed = GRANTS[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

/** Every permission an actor holds, for the UI to show only what will work. */
export function permissionsOf(actor: Pick<Actor, 'roles'>): Permission[] {
  return PERMISSIONS.filter((p) => hasPermission(actor, p));
}

/**
 * Which clients an actor may see at all, as a rule the data layer turns into a WHERE clause:
 * SSM staff the whole catchment; provider staff the clients shared with their organization; SA
 * caseworkers the clients shared with them (or with their office as a whole); ministry nobody.
 */
export type ClientVisibility =
  | { kind: 'catchment'; catchmentId: string }
  | { kind: 'organization'; catchmentId: string; organizationId: string }
  | { kind: 'caseworker'; catchmentId: string; organizationId: string; userId: string }
  | { kind: 'none' };

export function clientVisibility(actor: Actor): ClientVisibility {
  if (!hasPermission(actor, 'client.read')) return { kind: 'none' };
  switch (actor.organizationKind) {
    case 'ssm':
      return { kind: 'catchment', catchmentId: actor.catchmentId };
    case 'provider':
      return { kind: 'organization', catchmentId: actor.catchmentId, organizationId: actor.organizationId };
    case 'sa_office':
      return {
        kind: 'caseworker',
        catchmentId: actor.catchmentId,
        organizationId: actor.organizationId,
        userId: actor.userId,
      };
    case 'ministry':
      return { kind: 'none' };
  }
}

/**
 * Whether an actor may manage a given organization's own records (its sites, its users). SSM admins
 * manage every organization of their catchment; provider admins only their own.
 */
export function canManageOrganization(
  actor: Actor,
  permission: 'site.manage' | 'user.manage' | 'organization.manage',
  target: { id: string; catchmentId: string },
): boolean {
  if (!hasPermission(actor, permission)) return false;
  if (target.catchmentId !== actor.catchmentId) return false;
  if (actor.roles.includes('ssm_admin')) return true;
  return permission !== 'organization.manage' && target.id === actor.organizationId;
}

/** Which organizations' staff lists an actor may read. */
export function canReadUsersOf(actor: Actor, target: { id: string; catchmentId: string }): boolean {
  if (!hasPermission(actor, 'user.read') || target.catchmentId !== actor.catchmentId) return false;
  return actor.roles.includes('ssm_admin') || target.id === actor.organizationId;
}

/** Roles an actor may give to users: provider admins cannot make SSM staff, nor anyone an admin of another org. */
export function assignableRoles(actor: Actor, targetKind: OrganizationKind): Role[] {
  if (actor.roles.includes('ssm_admin')) {
    return (Object.keys(ROLE_ORGANIZATION_KIND) as Role[]).filter(
      (r) => ROLE_ORGANIZATION_KIND[r] === targetKind,
    );
  }
  if (actor.roles.includes('provider_admin') && targetKind === 'provider') {
    return ['provider_caseworker', 'provider_lead', 'provider_admin'];
  }
  return [];
}

/**
 * Which referrals an actor may see: SSM staff every referral of the catchment; a provider the
 * referrals assigned to it and those it recorded itself (a walk-in sent on to SSM intake); an SA
 * caseworker the referrals they made.
 */
export type ReferralVisibility =
  | { kind: 'catchment'; catchmentId: string }
  | { kind: 'assigned'; catchmentId: string; organizationId: string }
  | { kind: 'referred_by'; catchmentId: string; userId: string }
  | { kind: 'none' };

export function referralVisibility(actor: Actor): ReferralVisibility {
  if (!hasPermission(actor, 'referral.read')) return { kind: 'none' };
  switch (actor.organizationKind) {
    case 'ssm':
      return { kind: 'catchment', catchmentId: actor.catchmentId };
    case 'provider':
      return { kind: 'assigned', catchmentId: actor.catchmentId, organizationId: actor.organizationId };
    case 'sa_office':
      return { kind: 'referred_by', catchmentId: actor.catchmentId, userId: actor.userId };
    case 'ministry':
      return { kind: 'none' };
  }
}
