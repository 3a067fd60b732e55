import { z } from 'zod';
import {
  AGEING_STATES,
  ASSESSMENT_ACTIONS,
  ASSESSMENT_BUCKETS,
  ASSESSMENT_FLOWS,
  ASSESSMENT_STATUSES,
  REVOCATION_STATES,
  SECTION_STATUSES,
  CANCEL_REASONS,
  CONSENT_CHANNELS,
  DUAL_PROCESS_SOURCES,
  IDENTITY_METHODS,
  MODULES,
  PHOTO_ID_KINDS,
  REFUSED_ID_KINDS,
  SELF_DIRECTED_INDICATORS,
  SERVICE_LEVELS,
  STREAMS,
} from '../../domain/assessment/types.js';
import { ACCESSIBILITY_FEATURES, SERVICE_LANGUAGES } from '../../domain/organizations/sites.js';
import { REFERRAL_STATUSES } from '../../domain/referral/worklist.js';
import { SCREENING_OUTCOMES } from '../../domain/eligibility/screening.js';
import { isoDate, timestamp, uuidParam } from '../http/common.js';

/** One answer; its question's type decides which shape is valid (checked against the bank). */
export const answerValueSchema = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(100)).max(50),
]);

const noteText = z.string().trim().min(3).max(4000);

export const assessmentParams = z.object({ assessmentId: uuidParam });
export const clientAssessmentParams = z.object({ clientId: uuidParam });
export const bankParams = z.object({ version: z.string().trim().min(1).max(40) });
export const noticeParams = z.object({ version: z.string().trim().min(1).max(40) });
export const revocationParams = z.object({ revocationId: uuidParam });

// ---- The question bank and the notice (data of the domain, served as they are) ----

const optionSchema = z.object({ value: z.string(), en: z.string(), fr: z.string() });
const questionSchema = z.object({
  id: z.string(),
  type: z.enum(['boolean', 'single', 'multi', 'text', 'number', 'date', 'scale']),
  en: z.string(),
  fr: z.string(),
  helpEn: z.string().optional(),
  helpFr: z.string().optional(),
  options: z.array(optionSchema).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean(),
  when: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'When the question is asked: { question, equals | in | notIn } | { ageUnder } | { saClient } | { all } | { any }',
    ),
});
export const questionBankSchema = z
  .object({
    version: z.string(),
    publishedOn: isoDate,
    sections: z.array(
      z.object({
        id: z.string(),
        module: z.enum(MODULES),
        en: z.string(),
        fr: z.string(),
        introEn: z.string().optional(),
        introFr: z.string().optional(),
        questions: z.array(questionSchema),
      }),
    ),
  })
  .meta({ id: 'QuestionBank' });

export const consentNoticeSchema = z
  .object({ version: z.string(), publishedOn: isoDate, en: z.string(), fr: z.string() })
  .meta({ id: 'ConsentNotice' });

// ---- Requests ----

export const consentBody = z.object({
  given: z
    .boolean()
    .describe('C3: the notice was read and the client agreed; false stops here and records nothing'),
  channel: z.enum(CONSENT_CHANNELS),
  noticeVersion: z.string().trim().min(1).max(40),
});

export const createAssessmentBody = z.object({ consent: consentBody });

export const answersBody = z.object({
  answers: z
    .record(z.string().max(100), answerValueSchema.nullable())
    .describe('Answers by question id; null removes an answer'),
});

export const consentReadingBody = z.object({
  channel: z.enum(CONSENT_CHANNELS),
  noticeVersion: z.string().trim().min(1).max(40),
});

export const identityBody = z
  .discriminatedUnion('method', [
    z.object({
      method: z.literal('photo_id'),
      kind: z.enum([...PHOTO_ID_KINDS, ...REFUSED_ID_KINDS]),
      expiresOn: isoDate.nullable().describe('Null for an ID without an expiry date'),
      seen: z.enum(['in_person', 'video']),
    }),
    z.object({
      method: z.literal('dual_process'),
      items: z
        .array(
          z.object({
            source: z.enum(DUAL_PROCESS_SOURCES),
            document: z
              .string()
              .trim()
              .min(2)
              .max(100)
              .describe('What was seen, e.g. "Hydro bill"; no numbers'),
            original: z.boolean(),
          }),
        )
        .max(4),
    }),
    z.object({ method: z.literal('sa_documentation') }),
  ])
  .describe('C4: what was seen, never a document number or an image');

export const serviceLevelBody = z.object({
  level: z.enum(SERVICE_LEVELS),
  indicators: z.array(z.enum(SELF_DIRECTED_INDICATORS)).max(SELF_DIRECTED_INDICATORS.length).default([]),
  rationale: z.string().trim().min(3).max(4000).nullable().optional(),
});

export const noteBody = z.object({ body: noteText });

export const referBody = z.object({
  warmReferral: z.boolean().default(false).describe('P9'),
  clientChoiceOrganizationId: uuidParam
    .nullable()
    .default(null)
    .describe('P3: the provider the client asked for'),
  barriers: z
    .object({
      transportation: z.boolean().default(false),
      childcare: z.boolean().default(false),
      language: z.enum(SERVICE_LANGUAGES).nullable().default(null),
      accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).max(ACCESSIBILITY_FEATURES.length).default([]),
    })
    .default({ transportation: false, childcare: false, language: null, accessibility: [] }),
  notes: z.string().trim().max(4000).nullable().default(null),
});

export const caseworkerBody = z.object({
  userId: uuidParam,
  siteId: uuidParam.nullable().optional().describe('The service delivery site (C7)'),
});

export const cancelBody = z.object({
  reason: z.enum(CANCEL_REASONS),
  note: noteText.nullable().optional().describe('C9: required for "other"'),
});

export const reassignBody = z.object({
  note: noteText.describe('C10: why the in-progress CA goes back to the SSM'),
});
export const assignProviderBody = z.object({ organizationId: uuidParam });
export const closeInErrorBody = z.object({ reason: noteText.describe('C11: what was wrong') });

export const worklistQuery = z.object({
  bucket: z.enum(ASSESSMENT_BUCKETS).default('in_progress'),
});

export const revocationBody = z.object({
  receivedOn: isoDate.describe('When the client told you they withdraw consent'),
  noticeToSsm: noteText.describe('C3: the written notice to the SSM'),
});

// ---- Responses ----

const moduleProgress = z.enum(SECTION_STATUSES);
const progressSchema = z.object({ m1: moduleProgress, m2: moduleProgress });

export const segmentationSchema = z
  .object({
    modelId: z.string(),
    modelVersion: z.string(),
    score: z.number(),
    stream: z.enum(STREAMS),
    thresholds: z.object({ b: z.number(), c: z.number() }),
    factors: z.array(z.object({ id: z.string(), en: z.string(), fr: z.string(), points: z.number() })),
  })
  .meta({ id: 'Segmentation' });

const ageingSchema = z.object({ days: z.number().int(), state: z.enum(AGEING_STATES) });

export const assessmentSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    flow: z.enum(ASSESSMENT_FLOWS),
    holderName: z.string(),
    startedAt: timestamp,
    submittedAt: timestamp.nullable(),
    serviceLevel: z.enum(SERVICE_LEVELS).nullable(),
    progress: progressSchema,
    stream: z.enum(STREAMS).nullable().describe('C8: internal; never shown to the client'),
  })
  .meta({ id: 'AssessmentSummary' });

const clientConsentSchema = z.object({
  active: z.boolean(),
  givenAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export const clientAssessmentsSchema = z
  .object({ items: z.array(assessmentSummarySchema), consent: clientConsentSchema })
  .meta({ id: 'ClientAssessments' });

const ruleReason = z.object({ rule: z.string(), code: z.string(), en: z.string(), fr: z.string() });

export const assessmentDetailSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    flow: z.enum(ASSESSMENT_FLOWS),
    questionBankVersion: z.string(),
    client: z.object({
      id: z.uuid(),
      reference: z.string(),
      name: z.string(),
      dateOfBirth: isoDate,
      saProgram: z.enum(['ow', 'odsp']).nullable(),
    }),
    catchmentName: z.string(),
    holder: z.object({
      organizationId: z.uuid(),
      name: z.string(),
      kind: z.enum(['ssm', 'provider', 'sa_office', 'ministry']),
    }),
    site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    caseworker: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    consent: z.object({
      active: z.boolean(),
      lastReading: z
        .object({
          at: timestamp,
          channel: z.enum(CONSENT_CHANNELS),
          noticeVersion: z.string(),
          byName: z.string(),
          organizationName: z.string(),
        })
        .nullable(),
      carriedOver: z
        .boolean()
        .describe('C3: the consent was given to another organization (e.g. SA) and carries over'),
      needsReconfirmation: z.boolean().describe('C9: resumed on a later day: read the notice again'),
    }),
    identity: z
      .object({
        method: z.enum(IDENTITY_METHODS),
        verifiedAt: timestamp,
        byName: z.string().nullable(),
        detail: z.record(z.string(), z.unknown()),
      })
      .nullable(),
    answers: z.record(z.string(), answerValueSchema),
    facts: z.object({ ageYears: z.number().int(), saClient: z.boolean() }),
    progress: z.array(
      z.object({
        sectionId: z.string(),
        module: z.enum(MODULES),
        status: moduleProgress,
        missing: z.array(z.string()),
      }),
    ),
    eligibility: z.object({
      outcome: z.enum(SCREENING_OUTCOMES),
      reasons: z.array(ruleReason),
      notes: z.array(ruleReason),
      consultSsm: z.boolean(),
      pending: z.array(z.string()),
    }),
    serviceLevel: z
      .object({
        level: z.enum(SERVICE_LEVELS),
        indicators: z.array(z.enum(SELF_DIRECTED_INDICATORS)),
        rationale: z.string().nullable(),
        setAt: timestamp,
        byName: z.string().nullable(),
      })
      .nullable(),
    segmentation: segmentationSchema.nullable(),
    notes: z.array(
      z.object({
        id: z.uuid(),
        at: timestamp,
        kind: z.enum(['note', 'returned_to_ssm']),
        authorName: z.string(),
        organizationName: z.string(),
        body: z.string().nullable(),
      }),
    ),
    referral: z.object({ id: z.uuid(), reference: z.string(), status: z.enum(REFERRAL_STATUSES) }).nullable(),
    startedAt: timestamp,
    submittedAt: timestamp.nullable(),
    ssm: z
      .object({ id: z.uuid(), name: z.string(), nameFr: z.string().nullable() })
      .nullable()
      .describe('C7: the service system manager of the catchment'),
    socialAssistance: z
      .object({
        officeName: z.string().nullable(),
        caseworkerName: z.string().nullable(),
        caseworkerEmail: z.string().nullable(),
      })
      .nullable()
      .describe('C7: the SA caseworker to contact, for clients on OW or ODSP'),
    assignableCaseworkers: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('C6: the holder’s caseworkers, when the actor may assign the CA; empty otherwise'),
    ageing: ageingSchema,
    cancellation: z
      .object({
        reason: z.enum([...CANCEL_REASONS, 'consent_revoked']),
        note: z.string().nullable(),
        at: timestamp,
      })
      .nullable(),
    closedInError: z
      .object({ reason: z.string().nullable(), at: timestamp, replacedById: z.uuid().nullable() })
      .nullable(),
    actions: z.array(z.enum(ASSESSMENT_ACTIONS)),
  })
  .meta({ id: 'AssessmentDetail' });
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const worklistItemSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    client: z.object({ id: z.uuid(), reference: z.string(), name: z.string() }),
    status: z.enum(ASSESSMENT_STATUSES),
    flow: z.enum(ASSESSMENT_FLOWS),
    holderName: z.string(),
    startedAt: timestamp,
    ageing: ageingSchema,
    serviceLevel: z.enum(SERVICE_LEVELS).nullable(),
    progress: progressSchema,
  })
  .meta({ id: 'AssessmentWorklistItem' });

export const assessmentWorklistSchema = z
  .object({
    buckets: z.array(z.object({ bucket: z.enum(ASSESSMENT_BUCKETS), count: z.number().int() })),
    items: z.array(worklistItemSchema),
  })
  .meta({ id: 'AssessmentWorklist' });

export const clientCopySchema = z
  .object({
    reference: z.string(),
    clientName: z.string(),
    preparedOn: isoDate,
    notice: z.object({ version: z.string(), en: z.string(), fr: z.string() }),
    sections: z.array(
      z.object({
        id: z.string(),
        en: z.string(),
        fr: z.string(),
        answers: z.array(
          z.object({
            questionEn: z.string(),
            questionFr: z.string(),
            answerEn: z.string(),
            answerFr: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AssessmentClientCopy' });

export const revocationSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    clientReference: z.string(),
    clientName: z.string(),
    receivedOn: isoDate,
    receivedAt: timestamp,
    organizationName: z.string(),
    receivedByName: z.string(),
    noticeToSsm: z.string().nullable().describe('Unreadable once the information is removed'),
    state: z.enum(REVOCATION_STATES),
    acknowledgedAt: timestamp.nullable(),
    removedAt: timestamp.nullable(),
  })
  .meta({ id: 'ConsentRevocation' });
export type RevocationView = z.infer<typeof revocationSchema>;
