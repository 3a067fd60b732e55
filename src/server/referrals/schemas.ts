import { z } from 'zod';
import { REFERRAL_SOURCES, PATHWAYS } from '../../domain/referral/pathways.js';
import { SERVICE_LANGUAGES } from '../../domain/organizations/sites.js';
import { queryInt, timestamp, uuidParam } from '../http/common.js';

export const REFERRAL_STATUSES = ['awaiting_assignment', 'assigned', 'returned', 'closed'] as const;

const barriers = z.object({
  transportation: z.boolean().default(false),
  childcare: z.boolean().default(false),
  language: z
    .enum(SERVICE_LANGUAGES)
    .nullable()
    .default(null)
    .describe('A language of service other than English the client needs'),
});

export const referralCreateBody = z.object({
  clientId: uuidParam,
  source: z.enum(REFERRAL_SOURCES).describe('Must fit the pathway of the referrer’s organization (P1)'),
  clientChoiceOrganizationId: uuidParam
    .nullable()
    .default(null)
    .describe('P3: the provider the client asked for'),
  warmReferral: z.boolean().default(false).describe('P9'),
  barriers: barriers.default({ transportation: false, childcare: false, language: null }),
  notes: z.string().trim().max(4000).nullable().default(null),
});

const factorSchema = z.object({
  code: z.string(),
  rule: z.string(),
  met: z.boolean(),
  points: z.number(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});

export const rankedProviderSchema = z
  .object({
    rank: z.number().int(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    siteId: z.uuid(),
    siteName: z.string(),
    chosenByClient: z.boolean(),
    populationMatches: z.number().int(),
    fit: z.number(),
    utilisationPercent: z.number().int().nullable(),
    factors: z.array(factorSchema),
  })
  .meta({ id: 'RankedProvider' });

export const referralSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    clientId: z.uuid(),
    clientReference: z.string(),
    clientName: z.string(),
    pathway: z.enum(PATHWAYS),
    source: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    redirectRequested: z.boolean(),
    clientChoiceOrganizationId: z.uuid().nullable(),
    warmReferral: z.boolean(),
    barriers: barriers,
    notes: z.string().nullable(),
    receivedAt: timestamp,
    assignedOrganizationId: z.uuid().nullable(),
    assignedSiteId: z.uuid().nullable(),
    assignedAt: timestamp.nullable(),
    overrideReason: z.string().nullable(),
    explanation: rankedProviderSchema
      .nullable()
      .describe('P6: why the assigned provider was chosen; shown to the SSM and to that provider only'),
    timeline: z.array(
      z.object({
        at: timestamp,
        kind: z.string(),
        actorName: z.string().nullable(),
        actorOrganizationName: z.string().nullable(),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof referralSchema>;

export const referralSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    clientId: z.uuid(),
    clientName: z.string(),
    pathway: z.enum(PATHWAYS),
    source: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    redirectRequested: z.boolean(),
    receivedAt: timestamp,
    assignedOrganizationName: z.string().nullable(),
  })
  .meta({ id: 'ReferralSummary' });

export const referralListQuery = z.object({
  status: z.enum(REFERRAL_STATUSES).optional(),
  limit: queryInt(1, 200).default(50),
});

export const referralParams = z.object({ referralId: uuidParam });

export const assignBody = z.object({
  organizationId: uuidParam,
  overrideReason: z
    .string()
    .trim()
    .min(5)
    .max(1000)
    .nullable()
    .default(null)
    .describe('Required when the provider is not the matrix’s first suggestion'),
});
