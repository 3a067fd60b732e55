import { useQuery } from '@tanstack/react-query';
import { get } from './api.js';
import type {
  Catchment,
  Client,
  ListOf,
  Organization,
  OrganizationKind,
  Referral,
  ReferralSummary,
  Site,
  User,
  Worklist,
  WorklistBucket,
} from './types.js';

/** Query keys in one place, so a mutation invalidates exactly what it changed. */
export const keys = {
  catchment: ['catchment'] as const,
  organizations: (kind?: OrganizationKind | '', includeInactive?: boolean) =>
    ['organizations', 'list', kind ?? '', includeInactive ?? false] as const,
  organizationsAll: ['organizations'] as const,
  organization: (id: string) => ['organizations', 'one', id] as const,
  sites: (organizationId: string) => ['organizations', 'sites', organizationId] as const,
  site: (id: string) => ['sites', id] as const,
  users: (organizationId?: string) => ['users', 'list', organizationId ?? ''] as const,
  usersAll: ['users'] as const,
  user: (id: string) => ['users', 'one', id] as const,
  client: (id: string) => ['clients', 'one', id] as const,
  clientsAll: ['clients'] as const,
  clientAudit: (id: string) => ['clients', 'audit', id] as const,
  closures: ['calendar', 'closures'] as const,
  nonBusinessDays: (year: number) => ['calendar', 'non-business-days', year] as const,
  calendarAll: ['calendar'] as const,
  statistics: ['statistics'] as const,
  referralsAll: ['referrals'] as const,
  worklist: ['referrals', 'worklist'] as const,
  referrals: (bucket: WorklistBucket | '') => ['referrals', 'list', bucket] as const,
  referral: (id: string) => ['referrals', 'one', id] as const,
  suggestions: (id: string) => ['referrals', 'suggestions', id] as const,
  referralMetrics: (from: string, to: string) => ['referrals', 'metrics', from, to] as const,
};

export const useCatchment = () =>
  useQuery({ queryKey: keys.catchment, queryFn: () => get<Catchment>('/catchment'), staleTime: 10 * 60_000 });

export const useOrganizations = (kind?: OrganizationKind | '', includeInactive = false) =>
  useQuery({
    queryKey: keys.organizations(kind, includeInactive),
    queryFn: () =>
      get<ListOf<Organization>>('/organizations', {
        kind: kind || undefined,
        includeInactive: includeInactive ? 'true' : undefined,
      }),
  });

export const useOrganization = (id: string | undefined) =>
  useQuery({
    queryKey: keys.organization(id ?? ''),
    queryFn: () => get<Organization>(`/organizations/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });

export const useSites = (organizationId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: keys.sites(organizationId ?? ''),
    queryFn: () => get<ListOf<Site>>(`/organizations/${encodeURIComponent(organizationId ?? '')}/sites`),
    enabled: Boolean(organizationId) && enabled,
  });

export const useSite = (id: string | undefined) =>
  useQuery({
    queryKey: keys.site(id ?? ''),
    queryFn: () => get<Site>(`/sites/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });

export const useUsers = (organizationId?: string, enabled = true) =>
  useQuery({
    queryKey: keys.users(organizationId),
    queryFn: () => get<ListOf<User>>('/users', { organizationId: organizationId || undefined }),
    enabled,
  });

export const useUser = (id: string | undefined) =>
  useQuery({
    queryKey: keys.user(id ?? ''),
    queryFn: () => get<User>(`/users/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });

export const useClient = (id: string | undefined) =>
  useQuery({
    queryKey: keys.client(id ?? ''),
    queryFn: () => get<Client>(`/clients/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });

export const useWorklist = () =>
  useQuery({ queryKey: keys.worklist, queryFn: () => get<Worklist>('/referrals/worklist') });

export const useReferrals = (bucket: WorklistBucket | '') =>
  useQuery({
    queryKey: keys.referrals(bucket),
    queryFn: () => get<ListOf<ReferralSummary>>('/referrals', { bucket: bucket || undefined, limit: 200 }),
  });

export const useReferral = (id: string | undefined) =>
  useQuery({
    queryKey: keys.referral(id ?? ''),
    queryFn: () => get<Referral>(`/referrals/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
