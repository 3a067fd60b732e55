import { z } from 'zod';
import { REFERRAL_SOURCES, PATHWAYS } from '../../domain/referral/pathways.js';
import { RETURN_REASONS, SSM_DECISIONS } from '../../domain/referral/returns.js';
import { CLOSE_REASONS } from '../../domain/referral/closing.js';
import { CONTACT_METHODS } from '../clients/schemas.js';
import { ACCESSIBILITY_FEATURES, SERVICE_LANGUAGES } from '../../domain/organizations/sites.js';
import { ALL_WORKLIST_BUCKETS } from '../../domain/referral/worklist.js';
import { isoDate, queryInt, timestamp, uuidParam } from '../http/common.js';
import { REFERRAL_STATUSES } from '../../domain/referral/worklist.js';
import { APPOINTMENT_MODES, CLOCK_STATES, CONTACT_RESULTS } from '../../domain/referral/contact-standards.js';
import { SCREENING_OUTCOMES, WORK_AUTHORIZATIONS, WORK_PERMITS } from '../../domain/eligibility/screening.js';

/** The screening tool's questions (E1–E6): the body of POST /screening and of a referral's screening. */
export const screeningAnswersBody = z
  .object({
    dateOfBirth: isoDate,
    livesInOntario: z.boolean(),
    hasSin: z.boolean().describe('Has a SIN and is willing to give it (E2)'),
    sinTemporary: z.boolean().default(false).describe('A 900-series SIN (E4)'),
    workAuthorization: z.enum(WORK_AUTHORIZATIONS),
    workPermit: z.enum(WORK_PERMITS),
    secondarySchoolCompleted: z.boolean(),
    schoolExcusalProof: z.boolean().default(false).describe('E3: documented excusal from school'),
    currentlyEmployed: z.boolean().default(false),
    seekingSelfEmployment: z.boolean().default(false),
  })
  .meta({ id: 'ScreeningAnswers' });

const screeningReason = z.object({ rule: z.string(), code: z.string(), en: z.string(), fr: z.string() });
export const screeningResultSchema = z
  .object({
    outcome: z.enum(SCREENING_OUTCOMES),
    reasons: z.array(screeningReason),
    notes: z.array(screeningReason),
    consultSsm: z.boolean(),
  })
  .meta({ id: 'ScreeningResult' });

const barriers = z.object({
  transportation: z.boolean().default(false),
  childcare: z.boolean().default(false),
  language: z
    .enum(SERVICE_LANGUAGES)
    .nullable()
    .default(null)
    .describe('A language of service other than English the client needs'),
  accessibility: z
    .array(z.enum(ACCESSIBILITY_FEATURES))
    .max(ACCESSIBILITY_FEATURES.length)
    .default([])
    .describe('Site features the client needs (P4: matched to the provider directory)'),
});

export const referralCreateBody = z.object({
  clientId: uuidParam,
  source: z.enum(REFERRAL_SOURCES).describe('Must fit the pathway of the referrer’s organization (P1)'),
  clientChoiceOrganizationId: uuidParam
    .nullable()
    .default(null)
    .describe('P3: the provider the client asked for'),
  warmReferral: z.boolean().default(false).describe('P9'),
  barriers: barriers.default({ transportation: false, childcare: false, language: null, accessibility: [] }),
  notes: z.string().trim().max(4000).nullable().default(null),
  screening: screeningAnswersBody
    .nullable()
    .optional()
    .describe(
      'P2 pathway 2: the screening tool’s answers, required for a referral made directly to SSM intake and only for it',
    ),
});

const firstContactSchema = z
  .object({
    dueOn: z.iso.date(),
    state: z.enum(CLOCK_STATES),
    businessDaysLeft: z.number().int(),
  })
  .nullable()
  .describe('P7: first contact attempt within 2 business days of assignment');
const completionSchema = z
  .object({ deadline: z.iso.date(), daysLeft: z.number().int(), incomplete: z.boolean() })
  .nullable()
  .describe('P11: 120 days from the SSM referral to an active plan');

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
    source: z.enum(REFERRAL_SOURCES),
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
    saCaseworkerContactedAt: timestamp.nullable(),
    returnReason: z.enum(RETURN_REASONS).nullable(),
    returnNote: z.string().nullable(),
    decisionNote: z.string().nullable(),
    returnedAt: timestamp.nullable(),
    closeReason: z.enum(CLOSE_REASONS).nullable().describe('Why SSM intake closed it without a provider'),
    closeNote: z.string().nullable(),
    closedAt: timestamp.nullable(),
    ssmDecision: z.enum(SSM_DECISIONS).nullable(),
    returnedBy: z
      .array(
        z.object({
          organizationId: z.uuid(),
          organizationName: z.string(),
          reason: z.enum(RETURN_REASONS),
          at: timestamp,
        }),
      )
      .describe('P10: the providers that returned this referral, oldest first; a forward skips them (d)'),
    screening: screeningResultSchema
      .extend({ screenedAt: timestamp, screenedByName: z.string().nullable() })
      .nullable()
      .describe(
        'P2 pathway 2: the screening result (never the answers); shown to SSM staff and the assigned provider',
      ),
    contactAttempts: z.array(
      z.object({ at: timestamp, method: z.enum(CONTACT_METHODS), result: z.enum(CONTACT_RESULTS) }),
    ),
    appointments: z.array(
      z.object({
        id: z.uuid(),
        scheduledFor: timestamp,
        mode: z.enum(APPOINTMENT_MODES),
        saCaseworkerInvited: z.boolean(),
        attended: z.boolean().nullable(),
      }),
    ),
    firstContact: firstContactSchema,
    completion: completionSchema,
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
    source: z.enum(REFERRAL_SOURCES),
    status: z.enum(REFERRAL_STATUSES),
    redirectRequested: z.boolean(),
    receivedAt: timestamp,
    assignedOrganizationName: z.string().nullable(),
    bucket: z.enum(ALL_WORKLIST_BUCKETS).describe('Where the referral sits in the actor’s worklist'),
    assignedAt: timestamp.nullable(),
    warmReferral: z.boolean(),
    firstContact: firstContactSchema,
    completion: completionSchema,
    returnReason: z.enum(RETURN_REASONS).nullable(),
    ssmDecision: z.enum(SSM_DECISIONS).nullable(),
    contactAttemptCount: z.number().int(),
    appointmentCount: z.number().int(),
    screeningOutcome: z
      .enum(SCREENING_OUTCOMES)
      .nullable()
      .describe('P2 pathway 2: the screening outcome; null until screened, and for those who may not see it'),
  })
  .meta({ id: 'ReferralSummary' });

export const referralListQuery = z.object({
  status: z.enum(REFERRAL_STATUSES).optional(),
  bucket: z
    .enum(ALL_WORKLIST_BUCKETS)
    .optional()
    .describe('Only the referrals in this bucket of the actor’s worklist (GET /referrals/worklist)'),
  limit: queryInt(1, 200).default(50),
});

export const worklistSchema = z
  .object({
    view: z.enum(['ssm', 'provider', 'sa']),
    buckets: z.array(z.object({ bucket: z.enum(ALL_WORKLIST_BUCKETS), count: z.number().int() })),
  })
  .meta({ id: 'Worklist' });

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

export const contactAttemptBody = z.object({
  method: z.enum(CONTACT_METHODS),
  result: z.enum(CONTACT_RESULTS),
  at: timestamp.optional().describe('When the attempt was made; now if omitted'),
});

export const appointmentBody = z.object({
  scheduledFor: timestamp,
  mode: z.enum(APPOINTMENT_MODES),
  saCaseworkerInvited: z.boolean().default(false).describe('P9: the SA caseworker joins a warm referral'),
});

export const appointmentParams = z.object({ referralId: uuidParam, appointmentId: uuidParam });
export const attendanceBody = z.object({ attended: z.boolean() });

export const returnBody = z.object({
  reason: z.enum(RETURN_REASONS),
  note: z.string().trim().min(3).max(2000).nullable().default(null),
});

export const closeBody = z.object({
  reason: z.enum(CLOSE_REASONS),
  note: z.string().trim().min(3).max(2000).nullable().default(null).describe('Required for "other"'),
});

export const decisionBody = z.object({
  decision: z.enum(SSM_DECISIONS),
  note: z.string().trim().min(3).max(2000).nullable().default(null),
});

export const metricsQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"', path: ['to'] });

export const providerMetricsSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    referralsAssigned: z.number().int(),
    contacted: z.number().int(),
    averageBusinessDaysToFirstContact: z.number().nullable(),
    averageBusinessDaysToAssignment: z
      .number()
      .nullable()
      .describe('Business days SSM intake took to send referrals to this provider (walk-ins excluded)'),
    firstContactWithinStandardRate: z
      .number()
      .nullable()
      .describe('P7: share of referrals first contacted within 2 business days'),
    returned: z.number().int(),
    returnedRate: z.number().nullable(),
    lostContact: z.number().int(),
    lostContactRate: z
      .number()
      .nullable()
      .describe('Returns for "unable to contact" (P8) over referrals assigned'),
    intakesCompleted: z
      .number()
      .int()
      .describe('K5/M1: referrals whose client has an active plan with this provider since the assignment'),
    averageDaysToActivePlan: z
      .number()
      .nullable()
      .describe('K5 intake completion time: calendar days from the assignment to the plan’s activation'),
    completedWithinStandardRate: z
      .number()
      .nullable()
      .describe('P11: share of referrals assigned whose plan was active within 120 days'),
  })
  .meta({ id: 'ProviderReferralMetrics' });
