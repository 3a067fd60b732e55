import { z } from 'zod';
import { STREAMS } from '../../domain/assessment/types.js';
import { CLOSURE_REASONS, PLAN_PHASES } from '../../domain/plan/closure.js';
import { PLAN_ACTIONS } from '../../domain/plan/lifecycle.js';
import { TRAINING_PROGRAMS } from '../../domain/plan/training-referrals.js';
import {
  MINIMUM_SERVICES,
  PLAN_EVENT_KINDS,
  PLAN_ITEM_OUTCOMES,
  PLAN_ITEM_STATUSES,
  PLAN_STATUSES,
  SIGNATURE_METHODS,
  SUB_GOAL_KINDS,
} from '../../domain/plan/types.js';
import { isoDate, queryBoolean, timestamp, uuidParam } from '../http/common.js';

export const planParams = z.object({ planId: uuidParam });
export const clientPlanParams = z.object({ clientId: uuidParam });
export const planItemParams = z.object({ planId: uuidParam, itemId: uuidParam });
export const catalogueItemParams = z.object({ catalogueItemId: uuidParam });

/** Money is whole cents, never floating point; a plan item up to $1,000,000. */
const costCents = z.number().int().min(0).max(100_000_000);
const goalOrdinal = z.union([z.literal(1), z.literal(2)]);

// ---- The catalogue (A7) ----

export const catalogueItemSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    subGoalKind: z.enum(SUB_GOAL_KINDS),
    minimumService: z.enum(MINIMUM_SERVICES),
    trainingProgram: z.enum(TRAINING_PROGRAMS).nullable(),
    nameEn: z.string(),
    nameFr: z.string(),
    descriptionEn: z.string(),
    descriptionFr: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'PlanCatalogueItem' });

export const catalogueQuery = z.object({
  subGoalKind: z.enum(SUB_GOAL_KINDS).optional(),
  includeInactive: queryBoolean.optional(),
});

export const catalogueListSchema = z.object({ items: z.array(catalogueItemSchema) });

const catalogueText = (max: number) => z.string().trim().min(1).max(max);
export const catalogueCreateBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_.-]{1,59}$/, 'Use 2–60 lower-case letters, digits, ".", "_" or "-"'),
  subGoalKind: z.enum(SUB_GOAL_KINDS),
  minimumService: z.enum(MINIMUM_SERVICES),
  trainingProgram: z.enum(TRAINING_PROGRAMS).nullable().optional(),
  nameEn: catalogueText(200),
  nameFr: catalogueText(200),
  descriptionEn: z.string().trim().max(2000).optional(),
  descriptionFr: z.string().trim().max(2000).optional(),
});

export const catalogueUpdateBody = z
  .object({
    subGoalKind: z.enum(SUB_GOAL_KINDS),
    minimumService: z.enum(MINIMUM_SERVICES),
    trainingProgram: z.enum(TRAINING_PROGRAMS).nullable(),
    nameEn: catalogueText(200),
    nameFr: catalogueText(200),
    descriptionEn: z.string().trim().max(2000),
    descriptionFr: z.string().trim().max(2000),
    active: z.boolean(),
  })
  .partial();

export const coverageSchema = z
  .object({
    services: z.array(z.object({ minimumService: z.enum(MINIMUM_SERVICES), items: z.number().int() })),
    missing: z.array(z.enum(MINIMUM_SERVICES)),
  })
  .meta({ id: 'PlanCatalogueCoverage' });

// ---- Plans ----

export const planListEntrySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(PLAN_STATUSES),
  phase: z.enum(PLAN_PHASES),
  stream: z.enum(STREAMS),
  createdAt: timestamp,
  activatedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
});

export const clientPlansSchema = z
  .object({
    plans: z.array(planListEntrySchema),
    canCreate: z.object({
      allowed: z.boolean(),
      rule: z.string().nullable(),
      reason: z
        .string()
        .nullable()
        .describe('A code: open_plan, no_submitted_assessment, assessment_used, …'),
      assessmentId: z.uuid().nullable(),
    }),
  })
  .meta({ id: 'ClientPlans' });

export const sharedCommentSchema = z.object({
  id: z.uuid(),
  at: timestamp,
  author: z.object({ name: z.string(), organizationName: z.string() }),
  body: z.string(),
});

export const planItemSchema = z
  .object({
    id: z.uuid(),
    subGoalId: z.uuid(),
    catalogueItemId: z.uuid().nullable(),
    code: z.string().nullable(),
    nameEn: z.string(),
    nameFr: z.string(),
    custom: z.boolean().describe('A Custom Basic Plan item: nameEn and nameFr are its own title'),
    trainingProgram: z.enum(TRAINING_PROGRAMS).nullable(),
    costCents: z.number().int(),
    plannedStart: isoDate,
    plannedEnd: isoDate,
    actualEnd: isoDate.nullable(),
    status: z.enum(PLAN_ITEM_STATUSES),
    outcome: z.enum(PLAN_ITEM_OUTCOMES).nullable(),
    addedInPhase: z.enum(PLAN_PHASES),
    comments: z.array(sharedCommentSchema).describe('I2: comments shared with SA on this item, oldest first'),
  })
  .meta({ id: 'PlanItem' });

const goalSchema = z.object({ ordinal: goalOrdinal, title: z.string(), description: z.string() });

export const planDetailSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    clientId: z.uuid(),
    client: z.object({
      reference: z.string(),
      displayName: z.string(),
      saProgram: z.enum(['ow', 'odsp']).nullable(),
    }),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    assessment: z.object({
      id: z.uuid(),
      reference: z.string(),
      submittedAt: timestamp,
      stream: z.enum(STREAMS),
    }),
    status: z.enum(PLAN_STATUSES),
    phase: z.enum(PLAN_PHASES),
    stream: z.enum(STREAMS),
    revision: z.number().int(),
    goals: z.array(goalSchema),
    subGoals: z.array(
      z.object({
        id: z.uuid(),
        goalOrdinal,
        kind: z.enum(SUB_GOAL_KINDS),
        addedInPhase: z.enum(PLAN_PHASES),
        items: z.array(planItemSchema),
      }),
    ),
    signature: z
      .object({
        signedOn: isoDate,
        method: z.enum(SIGNATURE_METHODS),
        revision: z.number().int(),
        current: z.boolean(),
      })
      .nullable(),
    summaryPrintedAt: timestamp.nullable(),
    activatedAt: timestamp.nullable(),
    onHold: z.object({ since: timestamp, itemId: z.uuid() }).nullable(),
    training: z.object({ program: z.enum(TRAINING_PROGRAMS), acceptedOn: isoDate }).nullable(),
    closure: z
      .object({
        closedAt: timestamp,
        reason: z.enum(CLOSURE_REASONS),
        phase: z.enum(PLAN_PHASES),
        earlyExit: z.boolean(),
        note: z.string().nullable(),
      })
      .nullable(),
    closureReasons: z.array(z.enum(CLOSURE_REASONS)),
    actions: z.array(z.enum(PLAN_ACTIONS)),
    activationProblems: z.array(z.object({ rule: z.string(), code: z.string() })),
    totalCostCents: z.number().int(),
    sharedWithSa: z.boolean(),
    readOnly: z.boolean(),
  })
  .meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const createPlanBody = z.object({
  assessmentId: z.uuid().optional().describe('Defaults to the client’s latest submitted assessment'),
});

const goalText = z.string().trim().max(300);
export const goalsBody = z.object({
  goals: z
    .array(z.object({ ordinal: goalOrdinal, title: goalText, description: z.string().trim().max(4000) }))
    .min(1)
    .max(2)
    .refine((g) => new Set(g.map((x) => x.ordinal)).size === g.length, 'Each goal once'),
});

export const subGoalBody = z.object({ goalOrdinal, kind: z.enum(SUB_GOAL_KINDS) });

export const itemBody = z
  .object({
    subGoalId: z.uuid(),
    catalogueItemId: z.uuid().optional(),
    customTitle: z.string().trim().min(2).max(200).optional(),
    costCents,
    plannedStart: isoDate,
    plannedEnd: isoDate,
  })
  .refine((b) => (b.catalogueItemId === undefined) !== (b.customTitle === undefined), {
    message: 'Give exactly one of catalogueItemId or customTitle',
    path: ['catalogueItemId'],
  });

export const itemPatchBody = z.object({
  status: z.enum(PLAN_ITEM_STATUSES).optional(),
  outcome: z.enum(PLAN_ITEM_OUTCOMES).nullable().optional(),
  actualEnd: isoDate.nullable().optional(),
  costCents: costCents.optional(),
  plannedStart: isoDate.optional(),
  plannedEnd: isoDate.optional(),
});

export const summarySchema = z
  .object({
    reference: z.string(),
    printedAt: timestamp,
    revision: z.number().int(),
    client: z.object({ displayName: z.string(), reference: z.string() }),
    caseworker: z.object({ name: z.string() }),
    organization: z.object({
      name: z.string(),
      siteName: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    goals: z.array(goalSchema),
    subGoals: z.array(
      z.object({
        kind: z.enum(SUB_GOAL_KINDS),
        goalOrdinal,
        items: z.array(
          z.object({
            nameEn: z.string(),
            nameFr: z.string(),
            customTitle: z.string().nullable(),
            costCents: z.number().int(),
            plannedStart: isoDate,
            plannedEnd: isoDate,
            status: z.enum(PLAN_ITEM_STATUSES),
          }),
        ),
      }),
    ),
    totalCostCents: z.number().int(),
    documentsNotice: z.literal(true).describe('A5: receipts and proof of wages/hours will be needed'),
    signature: z
      .object({ signedOn: isoDate, method: z.enum(SIGNATURE_METHODS), revision: z.number().int() })
      .nullable(),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof summarySchema>;

export const signatureBody = z.object({ signedOn: isoDate, method: z.enum(SIGNATURE_METHODS) });

export const trainingReferralBody = z.object({ itemId: z.uuid(), acceptedOn: isoDate });

export const resumeBody = z.object({ completedOn: isoDate });

export const closeBody = z.object({
  reason: z.enum(CLOSURE_REASONS),
  note: z.string().trim().min(3).max(4000).describe('§11: the SSM monitors closures and reads the rationale'),
});

export const historySchema = z
  .object({
    events: z.array(
      z.object({
        id: z.uuid(),
        at: timestamp,
        kind: z.enum(PLAN_EVENT_KINDS),
        user: z.object({ name: z.string() }),
        organizationName: z.string(),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'PlanHistory' });
