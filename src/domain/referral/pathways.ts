/**
 * The three ways into employment services (P1) and who uses each (P2). The pathway of a referral
 * follows from who makes it: social assistance refers to SSM intake, SSM intake records direct
 * referrals from named sources, and a provider records the client who walked in.
 */
import type { OrganizationKind } from '../access/roles.js';

export const PATHWAYS = ['social_assistance', 'direct_to_ssm', 'self_referral'] as const;
export type Pathway = (typeof PATHWAYS)[number];

export const SOURCES_BY_PATHWAY = {
  social_assistance: ['ontario_works', 'odsp'],
  direct_to_ssm: [
    'ei_information_session',
    'eo_contact_centre',
    'lbs',
    'sdf',
    'bjo',
    'obtp',
    'community_organization',
    'rasp',
    'trf',
  ],
  self_referral: ['walk_in', 'feats', 'job_bank'],
} as const satisfies Record<Pathway, readonly string[]>;

export type ReferralSource = (typeof SOURCES_BY_PATHWAY)[Pathway][number];
export const REFERRAL_SOURCES = Object.values(SOURCES_BY_PATHWAY).flat() as ReferralSource[];

/** The pathway an organization's staff refer through, or null if they do not make referrals. */
export function pathwayOf(kind: OrganizationKind): Pathway | null {
  switch (kind) {
    case 'sa_office':
      return 'social_assistance';
    case 'ssm':
      return 'direct_to_ssm';
    case 'provider':
      return 'self_referral';
    case 'ministry':
      return null;
  }
}

export function sourceFitsPathway(source: ReferralSource, pathway: Pathway): boolean {
  return (SOURCES_BY_PATHWAY[pathway] as readonly string[]).includes(source);
}
