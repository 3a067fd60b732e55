import { z } from 'zod';
import { STREAMS } from '../../domain/assessment/types.js';
import { PLAN_PHASES } from '../../domain/plan/closure.js';
import { PLAN_STATUSES } from '../../domain/plan/types.js';
import { FUNDED_OUTCOME_REASONS, FUNDED_OUTCOME_REGIMES } from '../../domain/monitoring/funded-outcome.js';
import {
  EVIDENCE_GAP_CODES,
  EVIDENCE_GAP_RULES,
  EVIDENCE_PARTS,
  LEDGER_LINE_STATES,
  LINE_REASONS,
} from '../../domain/monitoring/pbf.js';
import {
  CHECKPOINT_KINDS,
  CHECKPOINT_STATES,
  MONITORING_TRIGGERS,
} from '../../domain/monitoring/schedule.js';
import {
  ATTESTATION_STATES,
  CHECKPOINT_REVIEW_STATES,
  ESQ_STATUSES,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_KINDS,
  JOB_PERMANENCE,
  OUTCOME_KINDS,
  SATISFACTION_ANSWERS,
} from '../../domain/monitoring/types.js';
import { CHECKPOINT_WORKLIST_BUCKETS, CHECKPOINT_WORKLIST_SCOPES } from '../../domain/monitoring/worklist.js';
import { isoDate, timestamp, uuidParam } from '../http/common.js';

export const planParams = z.object({ planId: uuidParam });
export const jobParams = z.object({ planId: uuidParam, jobId: uuidParam });
export const supportPeriodParams = z.object({ planId: uuidParam, periodId: uuidParam });
/**
 * The checkpoint kind in a path is checked by the service (an unknown kind is a 404, as an unknown
 * path is), so a malformed plan id and a malformed kind are told apart from a malformed body.
 */
export const checkpointParams = z.object({
  planId: uuidParam,
  kind: z
    .string()
    .min(1)
    .max(40)
    .describe(`One of ${CHECKPOINT_KINDS.join(', ')}`),
});
export const evidenceParams = z.object({ evidenceId: uuidParam });
export const attestationParams = z.object({ attestationId: uuidParam });

/** Whole minutes per week (20 h = 1,200), at most the minutes in a week. */
const minutesPerWeek = z.number().int().min(0).max(10_080);
/** Integer cents an hour; up to $1,000/h. */
const hourlyWageCents = z.number().int().min(0).max(100_000);
/**
 * NOC 2021 unit group: five digits. The digits are checked by the service (400 naming the field), so
 * the published schema carries no pattern the generic request samplers would have to know.
 */
const nocCode = z.string().length(5).describe('Five-digit NOC 2021 unit group, e.g. "74205"');
const personalText = (max: number) => z.string().trim().min(1).max(max);

const supportPeriodInput = z.object({ startsOn: isoDate, endsOn: isoDate.nullable() });

export const jobBody = z.object({
  employerName: personalText(200),
  atEntryEmployer: z.boolean(),
  startedOn: isoDate,
  endedOn: isoDate.nullable().optional(),
  minutesPerWeek,
  hourlyWageCents: hourlyWageCents.nullable().optional(),
  nocCode,
  permanence: z.enum(JOB_PERMANENCE),
  hoursReached20On: isoDate.nullable().optional(),
  placementIntendedToContinue: z.boolean().optional(),
  /** F12: employer financial supports paid for this job. */
  employerSupport: supportPeriodInput.optional(),
});

export const outcomeBody = z.object({
  kind: z.enum(OUTCOME_KINDS),
  endedOn: isoDate,
  allActivitiesOfferedConfirmed: z.boolean().optional(),
  note: personalText(2000).optional(),
  jobs: z.array(jobBody).max(10).optional(),
});

/**
 * M6: a change to a job as soon as it is known, or a correction of what was recorded (employer,
 * entry employer, start, placement). The same checks as a new job apply; a change that would move
 * the monitoring start once a checkpoint is recorded is refused (M7).
 */
export const jobPatchBody = z
  .object({
    employerName: personalText(200).optional(),
    atEntryEmployer: z.boolean().optional(),
    startedOn: isoDate.optional(),
    placementIntendedToContinue: z.boolean().optional(),
    endedOn: isoDate.nullable().optional(),
    minutesPerWeek: minutesPerWeek.optional(),
    hourlyWageCents: hourlyWageCents.nullable().optional(),
    nocCode: nocCode.optional(),
    permanence: z.enum(JOB_PERMANENCE).optional(),
    hoursReached20On: isoDate.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field' });

export const supportPeriodBody = supportPeriodInput;
export const supportPeriodPatchBody = z.object({ endsOn: isoDate.nullable() });

export const checkpointBody = z.object({
  contactedOn: isoDate,
  esqStatus: z.enum(ESQ_STATUSES),
  /** K3: the satisfaction question's answer, 1–5 or prefer not to answer. */
  satisfaction: z.enum(SATISFACTION_ANSWERS),
  note: personalText(2000).optional(),
  jobs: z
    .array(
      z.object({
        jobId: z.uuid(),
        minutesPerWeek,
        hourlyWageCents: hourlyWageCents.nullable().optional(),
        nocCode,
      }),
    )
    .max(10),
});

/** Evidence arrives as base64 in JSON; the decoded size is checked against EVIDENCE_MAX_BYTES. */
export const evidenceBody = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  jobId: z.uuid().optional(),
  checkpointKind: z.enum(CHECKPOINT_KINDS).optional(),
  fileName: personalText(255),
  contentType: z.enum(EVIDENCE_CONTENT_TYPES),
  /** Standard base64 (checked by the service); at most 5 MB once decoded. */
  dataBase64: z.string().min(4).max(7_200_000),
  showsClientName: z.boolean(),
  showsBusinessName: z.boolean(),
  coversDate: z.boolean(),
  showsTwentyPlusHours: z.boolean(),
});

export const attestationBody = z.object({
  covers: z
    .array(z.enum(EVIDENCE_PARTS))
    .min(1)
    .max(2)
    .refine((c) => new Set(c).size === c.length, { message: 'Name each part once' }),
  rationale: personalText(4000),
  attempts: personalText(4000),
  otherFactors: personalText(4000).optional(),
});

export const worklistQuery = z.object({ scope: z.enum(CHECKPOINT_WORKLIST_SCOPES).default('mine') });

// ---- Views ----

const bilingual = z.object({ en: z.string(), fr: z.string() });

/**
 * One evidence document (M9), as both the monitoring view and the SSM's review queue show it. The
 * file name is the client's personal data: null when the viewer may not read it (I2: SA) or the
 * client's key is gone. `uploadedBy` is null when the uploader's account no longer resolves.
 */
export const evidenceViewSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(EVIDENCE_KINDS),
    fileName: z.string().nullable(),
    contentType: z.enum(EVIDENCE_CONTENT_TYPES),
    byteSize: z.number().int(),
    showsClientName: z.boolean(),
    showsBusinessName: z.boolean(),
    coversDate: z.boolean(),
    showsTwentyPlusHours: z.boolean(),
    sufficient: z.boolean(),
    uploadedAt: timestamp,
    uploadedBy: z.string().nullable(),
  })
  .meta({ id: 'EvidenceView' });
export type EvidenceView = z.infer<typeof evidenceViewSchema>;

/** M9/M10: what keeps a checkpoint's evidence from being sufficient. */
export const evidenceGapSchema = z.object({
  rule: z.enum(EVIDENCE_GAP_RULES),
  part: z.enum(EVIDENCE_PARTS),
  code: z.enum(EVIDENCE_GAP_CODES),
});

const triggers = z.array(z.enum(MONITORING_TRIGGERS));

export const monitoringViewSchema = z
  .object({
    planId: z.uuid(),
    planReference: z.string(),
    clientId: z.uuid(),
    clientName: z.string().nullable(),
    stream: z.enum(STREAMS),
    planStatus: z.enum(PLAN_STATUSES),
    phase: z.enum(PLAN_PHASES),
    entry: z.object({ employed: z.boolean(), minutesPerWeek: z.number().int().nullable() }),
    outcome: z
      .object({
        kind: z.enum(OUTCOME_KINDS),
        endedOn: isoDate,
        allActivitiesOfferedConfirmed: z.boolean(),
        note: z.string().nullable(),
        recordedAt: timestamp,
        recordedBy: z.string(),
      })
      .nullable(),
    openItemCount: z.number().int(),
    jobs: z.array(
      z.object({
        id: z.uuid(),
        employerName: z.string().nullable(),
        atEntryEmployer: z.boolean(),
        startedOn: isoDate,
        endedOn: isoDate.nullable(),
        minutesPerWeek: z.number().int(),
        hourlyWageCents: z.number().int().nullable(),
        nocCode: z.string(),
        nocCategory: bilingual.nullable(),
        permanence: z.enum(JOB_PERMANENCE),
        hoursReached20On: isoDate.nullable(),
        placementIntendedToContinue: z.boolean(),
        startDateEvidence: z.array(evidenceViewSchema),
        supportPeriods: z.array(z.object({ id: z.uuid(), startsOn: isoDate, endsOn: isoDate.nullable() })),
      }),
    ),
    monitoringStart: z.object({ startOn: isoDate, triggers, fixed: z.boolean() }).nullable(),
    planClosesOn: isoDate.nullable(),
    checkpoints: z.array(
      z.object({
        kind: z.enum(CHECKPOINT_KINDS),
        dueOn: isoDate,
        windowOpensOn: isoDate,
        windowClosesOn: isoDate,
        state: z.enum(CHECKPOINT_STATES),
        pbf: z.boolean(),
        record: z
          .object({
            id: z.uuid(),
            contactedOn: isoDate,
            esqStatus: z.enum(ESQ_STATUSES),
            satisfaction: z.enum(SATISFACTION_ANSWERS),
            note: z.string().nullable(),
            recordedAt: timestamp,
            recordedBy: z.string(),
            jobs: z.array(
              z.object({
                jobId: z.uuid(),
                minutesPerWeek: z.number().int(),
                hourlyWageCents: z.number().int().nullable(),
                nocCode: z.string(),
              }),
            ),
            reviewState: z.enum(CHECKPOINT_REVIEW_STATES),
            reviewReason: z.string().nullable(),
            reviewedAt: timestamp.nullable(),
            submittedAt: timestamp.nullable(),
          })
          .nullable(),
        fundedOutcome: z
          .object({
            met: z.boolean(),
            reason: z.enum(FUNDED_OUTCOME_REASONS),
            stacked: z.boolean(),
            regime: z.enum(FUNDED_OUTCOME_REGIMES),
            countedJobIds: z.array(z.uuid()),
          })
          .nullable(),
        evidence: z.array(evidenceViewSchema),
        evidenceGaps: z.array(evidenceGapSchema),
        attestation: z
          .object({
            id: z.uuid(),
            covers: z.array(z.enum(EVIDENCE_PARTS)),
            rationale: z.string().nullable(),
            attempts: z.string().nullable(),
            otherFactors: z.string().nullable(),
            state: z.enum(ATTESTATION_STATES),
            requestedAt: timestamp,
            requestedBy: z.string(),
            decidedAt: timestamp.nullable(),
            decisionReason: z.string().nullable(),
            signedAt: timestamp.nullable(),
            signedBy: z.string().nullable(),
          })
          .nullable(),
        ledger: z
          .object({
            state: z.enum(LEDGER_LINE_STATES),
            reason: z.enum(LINE_REASONS).nullable(),
            amountCents: z.number().int(),
            retroactive: z.boolean(),
            stacked: z.boolean(),
            stackingRefused: z.boolean(),
            paidAt: timestamp.nullable(),
          })
          .nullable(),
      }),
    ),
    actions: z.object({
      recordOutcome: z.boolean(),
      addJob: z.boolean(),
      recordCheckpoint: z.array(z.enum(CHECKPOINT_KINDS)),
      submit: z.array(z.enum(CHECKPOINT_KINDS)),
    }),
  })
  .meta({ id: 'MonitoringView' });
export type MonitoringView = z.infer<typeof monitoringViewSchema>;

export const worklistSchema = z
  .object({
    items: z.array(
      z.object({
        planId: z.uuid(),
        planReference: z.string(),
        clientId: z.uuid(),
        clientName: z.string().nullable(),
        caseworkerName: z.string().nullable(),
        stream: z.enum(STREAMS),
        kind: z.enum(CHECKPOINT_KINDS),
        dueOn: isoDate,
        windowClosesOn: isoDate,
        bucket: z.enum(CHECKPOINT_WORKLIST_BUCKETS),
        state: z.enum(CHECKPOINT_STATES),
      }),
    ),
    counts: z.object({
      overdue: z.number().int(),
      due_this_week: z.number().int(),
      due_later: z.number().int(),
      upcoming: z.number().int(),
    }),
  })
  .meta({ id: 'CheckpointWorklist' });
export type CheckpointWorklist = z.infer<typeof worklistSchema>;
