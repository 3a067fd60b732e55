import { z } from 'zod';
import { isoDate, queryInt, timestamp, uuidParam } from '../http/common.js';
import { STREAMS } from '../../domain/assessment/types.js';
import { FUNDED_OUTCOME_REASONS } from '../../domain/monitoring/funded-outcome.js';
import {
  EVIDENCE_PARTS,
  LEDGER_LINE_STATES,
  LINE_REASONS,
  PBF_CHECKPOINTS,
} from '../../domain/monitoring/pbf.js';
import {
  ATTESTATION_STATES,
  CHECKPOINT_REVIEW_STATES,
  ESQ_STATUSES,
  JOB_PERMANENCE,
} from '../../domain/monitoring/types.js';
import { CHECKPOINT_KINDS } from '../../domain/monitoring/schedule.js';
import { evidenceGapSchema, evidenceViewSchema } from '../monitoring/schemas.js';

const stream = z.enum(STREAMS);
const lineReason = z.enum(LINE_REASONS).nullable();
const cents = z.number().int().min(0);

export const checkpointParams = z.object({ checkpointId: uuidParam });
export const attestationParams = z.object({ attestationId: uuidParam });
export const organizationParams = z.object({ organizationId: uuidParam });

export const approveBody = z.object({});
export const reasonBody = z.object({
  reason: z.string().trim().min(1).max(2000).describe('Why, for the provider (sealed with the client’s key)'),
});

const quarterFields = {
  organizationId: z.uuid(),
  fiscalYear: z
    .number()
    .int()
    .min(2000)
    .max(2100)
    .describe('The calendar year the fiscal year starts in (F3)'),
  quarter: z.number().int().min(1).max(4),
};
export const statementQuery = z.object({
  organizationId: z.uuid(),
  fiscalYear: queryInt(2000, 2100).describe(
    'The calendar year the fiscal year starts in (F3): 2026 = 2026–27',
  ),
  quarter: z
    .enum(['1', '2', '3', '4'])
    .transform(Number)
    .describe('Fiscal quarter: 1 = April–June … 4 = January–March'),
});
export const payBody = z.object(quarterFields);

export const reviewQueueSchema = z
  .object({
    checkpoints: z.array(
      z.object({
        checkpointId: z.uuid(),
        planId: z.uuid(),
        planReference: z.string(),
        clientId: z.uuid(),
        clientName: z.string().nullable(),
        providerName: z.string(),
        stream,
        kind: z.enum(CHECKPOINT_KINDS),
        dueOn: isoDate,
        submittedAt: timestamp.nullable(),
        esqStatus: z.enum(ESQ_STATUSES),
        fundedOutcome: z
          .object({ met: z.boolean(), reason: z.enum(FUNDED_OUTCOME_REASONS), stacked: z.boolean() })
          .nullable(),
        evidence: z.array(evidenceViewSchema),
        evidenceGaps: z.array(evidenceGapSchema),
        attestationState: z.enum(ATTESTATION_STATES).nullable(),
        attestationSigned: z.boolean(),
      }),
    ),
    attestations: z.array(
      z.object({
        id: z.uuid(),
        planId: z.uuid(),
        planReference: z.string(),
        clientId: z.uuid(),
        clientName: z.string().nullable(),
        providerName: z.string(),
        kind: z.enum(CHECKPOINT_KINDS),
        covers: z.array(z.enum(EVIDENCE_PARTS)),
        rationale: z.string(),
        attempts: z.string(),
        otherFactors: z.string().nullable(),
        requestedAt: timestamp,
        requestedBy: z.string(),
      }),
    ),
  })
  .meta({ id: 'PbfReviewQueue' });

const ledgerSummary = z
  .object({ state: z.enum(LEDGER_LINE_STATES), reason: lineReason, amountCents: cents })
  .nullable();

export const checkpointReviewSchema = z
  .object({
    checkpointId: z.uuid(),
    reviewState: z.enum(CHECKPOINT_REVIEW_STATES),
    ledger: ledgerSummary,
  })
  .meta({ id: 'PbfCheckpointReview' });

export const attestationDecisionSchema = z
  .object({
    attestationId: z.uuid(),
    checkpointId: z.uuid(),
    state: z.enum(ATTESTATION_STATES),
    ledger: ledgerSummary,
  })
  .meta({ id: 'PbfAttestationDecision' });

const streamTotal = z.object({ count: z.number().int(), payableCents: cents });

const count = z.number().int().min(0);
const share = z
  .object({ numerator: count, denominator: count })
  .describe('A share as numerator of denominator (0 of 0 when there is nothing to share)');
const jobQualitySummary = z
  .object({
    metCount: count.describe('Checkpoint outcomes met (M2); the other figures describe their counted jobs'),
    averageMinutesPerWeek: count
      .nullable()
      .describe(
        'Mean of each met outcome’s total weekly minutes over its counted jobs, rounded; null when none',
      ),
    medianHourlyWageCents: cents
      .nullable()
      .describe(
        'Median of each met outcome’s best-paid counted job, in cents; outcomes without a wage left out',
      ),
    permanent: share.describe('Met outcomes with at least one permanent counted job'),
    fullTime: share.describe('Met outcomes whose counted jobs reach 30+ hours a week together'),
  })
  .meta({ id: 'PbfJobQualitySummary' });
const retained = z.object({ met: count, recorded: count });
const jobQualitySchema = z
  .object({
    overall: jobQualitySummary,
    byStream: z.object({ A: jobQualitySummary, B: jobQualitySummary, C: jobQualitySummary }),
    retention: z
      .object(
        Object.fromEntries(PBF_CHECKPOINTS.map((c) => [c, retained])) as Record<
          (typeof PBF_CHECKPOINTS)[number],
          typeof retained
        >,
      )
      .describe('Per checkpoint: outcomes met of the lines’ checkpoints recorded'),
  })
  .describe('L4: job quality of the statement’s recorded checkpoints, beside the counts')
  .meta({ id: 'PbfJobQuality' });

export const statementSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    fiscalYear: z.number().int(),
    quarter: z.number().int(),
    label: z.string(),
    from: isoDate,
    to: isoDate,
    lines: z.array(
      z.object({
        lineId: z.uuid(),
        planId: z.uuid(),
        planReference: z.string(),
        clientId: z.uuid(),
        clientName: z.string().nullable(),
        stream,
        checkpoint: z.enum(PBF_CHECKPOINTS),
        dueOn: isoDate,
        state: z.enum(LEDGER_LINE_STATES),
        reason: lineReason,
        retroactive: z.boolean(),
        stacked: z.boolean(),
        stackingRefused: z.boolean(),
        amountCents: cents,
        payableCents: cents,
        paidAt: timestamp.nullable(),
        fundedOutcomeMet: z
          .boolean()
          .nullable()
          .describe('M2 at the checkpoint; null while the checkpoint is not recorded'),
        minutesPerWeek: count
          .nullable()
          .describe('L4: the counted jobs’ weekly minutes summed, as the checkpoint confirmed them'),
        hourlyWageCents: cents.nullable().describe('L4: the best hourly wage among the counted jobs'),
        permanence: z
          .enum(JOB_PERMANENCE)
          .nullable()
          .describe('L4: permanent if any counted job is, else temporary, else seasonal'),
      }),
    ),
    totals: z.object({
      earnedCents: cents,
      releasedCents: cents,
      approvedCents: cents,
      paidCents: cents,
      deferredCents: cents,
      payableCents: cents,
      notMetCount: z.number().int(),
      lineCount: z.number().int(),
    }),
    byStream: z.object({ A: streamTotal, B: streamTotal, C: streamTotal }),
    stackedShare: z.object({ stacked: z.number().int(), funded: z.number().int() }),
    jobQuality: jobQualitySchema,
  })
  .meta({ id: 'PbfStatement' });
export type Statement = z.infer<typeof statementSchema>;

const checkpointAmounts = z.object(
  Object.fromEntries(PBF_CHECKPOINTS.map((c) => [c, cents])) as Record<
    (typeof PBF_CHECKPOINTS)[number],
    typeof cents
  >,
);
export const amountsSchema = z
  .object({ A: checkpointAmounts, B: checkpointAmounts, C: checkpointAmounts })
  .describe('Integer cents by stream and PBF checkpoint (K4, M8)');

export const fundingAgreementBody = z.object({ amounts: amountsSchema });

export const fundingAgreementSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    amounts: amountsSchema,
    isDefault: z.boolean(),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'FundingAgreement' });
