/** The roles of the people who use Pathways, and the organization kind each belongs to. */
export const ROLES = [
  'ssm_intake',
  'ssm_qa',
  'ssm_finance',
  'ssm_manager',
  'ssm_director',
  'ssm_admin',
  'provider_caseworker',
  'provider_lead',
  'provider_admin',
  'sa_caseworker',
  'ministry_viewer',
] as const;
export type Role = (typeof ROLES)[number];

export type OrganizationKind = 'ssm' | 'provider' | 'sa_office' | 'ministry';

/** A role only makes sense inside one kind of organization; a user's roles must all fit theirs. */
export const ROLE_ORGANIZATION_KIND: Record<Role, OrganizationKind> = {
  ssm_intake: 'ssm',
  ssm_qa: 'ssm',
  ssm_finance: 'ssm',
  ssm_manager: 'ssm',
  ssm_director: 'ssm',
  ssm_admin: 'ssm',
  provider_caseworker: 'provider',
  provider_lead: 'provider',
  provider_admin: 'provider',
  sa_caseworker: 'sa_office',
  ministry_viewer: 'ministry',
};
