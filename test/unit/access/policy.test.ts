import { describe, expect, it } from 'vitest';
import {
  afterFailedAttempt,
  isLocked,
  LOCKOUT_MINUTES,
  MAX_FAILED_ATTEMPTS,
} from '../../../src/domain/access/lockout.js';
import {
  assignableRoles,
  canManageOrganization,
  canReadUsersOf,
  clientVisibility,
  hasPermission,
  permissionsOf,
  type Actor,
} from '../../../src/domain/access/policy.js';
import { ROLE_ORGANIZATION_KIND, ROLES, type Role } from '../../../src/domain/access/roles.js';

const actor = (role: Role, organizationId = 'org-1'): Actor => ({
  userId: 'u-1',
  organizationId,
  organizationKind: ROLE_ORGANIZATION_KIND[role],
  catchmentId: 'c-1',
  roles: [role],
});

describe('authorization policy', () => {
  it('SSM staff see the whole catchment; providers their organization; SA caseworkers what is shared with them; ministry nothing', () => {
    for (const role of ROLES.filter((r) => r.startsWith('ssm_'))) {
      expect(clientVisibility(actor(role))).toEqual({ kind: 'catchment', catchmentId: 'c-1' });
    }
    expect(clientVisibility(actor('provider_caseworker'))).toEqual({
      kind: 'organization',
      catchmentId: 'c-1',
      organizationId: 'org-1',
    });
    expect(clientVisibility(actor('sa_caseworker'))).toEqual({
      kind: 'caseworker',
      catchmentId: 'c-1',
      organizationId: 'org-1',
      userId: 'u-1',
    });
    expect(clientVisibility(actor('ministry_viewer'))).toEqual({ kind: 'none' });
    // A provider admin manages the organization, not its clients.
    expect(clientVisibility(actor('provider_admin'))).toEqual({ kind: 'none' });
  });

  it('ministry viewers get aggregates only', () => {
    expect(permissionsOf(actor('ministry_viewer'))).toEqual([
      'organization.read',
      'calendar.read',
      'statistics.read',
    ]);
  });

  it('only roles that verify identity may reveal a SIN (E2: shown masked otherwise)', () => {
    expect(ROLES.filter((r) => hasPermission(actor(r), 'client.reveal_sin'))).toEqual([
      'ssm_intake',
      'ssm_qa',
      'provider_caseworker',
      'provider_lead',
      'sa_caseworker',
    ]);
  });

  it('SSM admins manage every organization of their catchment; provider admins only their own, never across catchments', () => {
    const own = { id: 'org-1', catchmentId: 'c-1' };
    const other = { id: 'org-2', catchmentId: 'c-1' };
    const elsewhere = { id: 'org-3', catchmentId: 'c-2' };
    expect(canManageOrganization(actor('ssm_admin'), 'site.manage', other)).toBe(true);
    expect(canManageOrganization(actor('ssm_admin'), 'organization.manage', elsewhere)).toBe(false);
    expect(canManageOrganization(actor('provider_admin'), 'site.manage', own)).toBe(true);
    expect(canManageOrganization(actor('provider_admin'), 'site.manage', other)).toBe(false);
    expect(canManageOrganization(actor('provider_admin'), 'organization.manage', own)).toBe(false);
    expect(canManageOrganization(actor('provider_caseworker'), 'user.manage', own)).toBe(false);
    expect(canReadUsersOf(actor('provider_lead'), own)).toBe(true);
    expect(canReadUsersOf(actor('provider_lead'), other)).toBe(false);
  });

  it('roles fit the organization kind, and provider admins cannot hand out SSM roles', () => {
    expect(assignableRoles(actor('ssm_admin'), 'sa_office')).toEqual(['sa_caseworker']);
    expect(assignableRoles(actor('provider_admin'), 'provider')).toEqual([
      'provider_caseworker',
      'provider_lead',
      'provider_admin',
    ]);
    expect(assignableRoles(actor('provider_admin'), 'ssm')).toEqual([]);
  });
});

describe('sign-in lockout', () => {
  const now = new Date('2026-03-02T15:00:00Z');
  it(`locks after ${MAX_FAILED_ATTEMPTS} wrong passwords for ${LOCKOUT_MINUTES} minutes, then opens again`, () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      state = afterFailedAttempt(state.failedAttempts, now);
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
    }
    state = afterFailedAttempt(state.failedAttempts, now);
    expect(state.lockedUntil?.toISOString()).toBe('2026-03-02T15:15:00.000Z');
    expect(isLocked(state.lockedUntil, new Date('2026-03-02T15:14:59Z'))).toBe(true);
    expect(isLocked(state.lockedUntil, new Date('2026-03-02T15:15:01Z'))).toBe(false);
  });
});
