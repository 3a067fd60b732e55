import { z } from 'zod';
import { STREAMS } from '../../domain/assessment/types.js';
import {
  CONFERENCE_CHANNELS,
  CONFERENCE_STATUSES,
  CONTACT_CHANNELS,
  ICM_EVENT_KINDS,
  ICM_SIDES,
  NOTE_VISIBILITIES,
  TASK_DUE_STATES,
  TASK_STATUSES,
} from '../../domain/case-management/index.js';
import { PLAN_PHASES } from '../../domain/plan/closure.js';
import { PLAN_STATUSES } from '../../domain/plan/types.js';
import { isoDate, queryBoolean, queryInt, timestamp, uuidParam } from '../http/common.js';

export const clientParams = z.object({ clientId: uuidParam });
export const noteParams = z.object({ noteId: uuidParam });
export const templateParams = z.object({ templateId: uuidParam });
export const taskParams = z.object({ taskId: uuidParam });
export const conferenceParams = z.object({ conferenceId: uuidParam });

/** Free text about a client: sealed with their data key, never logged. */
const personalText = (max: number) => z.string().trim().min(1).max(max);
const person = z.object({ name: z.string(), organizationName: z.string() });
const clientRef = z.object({ reference: z.string(), displayName: z.string() });

// ---- Notes (J9, I2) ----

export const caseNoteSchema = z
  .object({
    id: z.uuid(),
    at: timestamp,
    visibility: z.enum(NOTE_VISIBILITIES),
    planId: z.uuid().nullable(),
    planItemId: z.uuid().nullable(),
    planItemName: z.string().nullable(),
    templateId: z.uuid().nullable(),
    contactChannel: z.enum(CONTACT_CHANNELS).nullable(),
    author: person,
    body: z.string(),
  })
  .meta({ id: 'CaseNote' });
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const notesQuery = z.object({
  visibility: z.enum(NOTE_VISIBILITIES).optional(),
  planItemId: uuidParam.optional(),
});
export const notesSchema = z.object({ notes: z.array(caseNoteSchema) });

export const noteBody = z.object({
  visibility: z.enum(NOTE_VISIBILITIES),
  planItemId: uuidParam.optional(),
  templateId: uuidParam.optional(),
  contactChannel: z.enum(CONTACT_CHANNELS).optional(),
  body: personalText(4000),
});
export type NoteBody = z.infer<typeof noteBody>;

// ---- Note templates (I4: the SSM's job aids) ----

export const noteTemplateSchema = z
  .object({
    id: z.uuid(),
    titleEn: z.string(),
    titleFr: z.string(),
    bodyEn: z.string(),
    bodyFr: z.string(),
    visibility: z.enum(NOTE_VISIBILITIES),
    active: z.boolean(),
  })
  .meta({ id: 'NoteTemplate' });
export const templatesQuery = z.object({ includeInactive: queryBoolean.optional() });
export const templatesSchema = z.object({ templates: z.array(noteTemplateSchema) });
const templateText = (max: number) => z.string().trim().min(1).max(max);
export const templateCreateBody = z.object({
  titleEn: templateText(200),
  titleFr: templateText(200),
  bodyEn: templateText(4000),
  bodyFr: templateText(4000),
  visibility: z.enum(NOTE_VISIBILITIES).optional(),
});
export const templateUpdateBody = z
  .object({
    titleEn: templateText(200),
    titleFr: templateText(200),
    bodyEn: templateText(4000),
    bodyFr: templateText(4000),
    visibility: z.enum(NOTE_VISIBILITIES),
    active: z.boolean(),
  })
  .partial();

// ---- Tasks (J9) ----

export const taskSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    client: clientRef,
    title: z.string(),
    dueOn: isoDate,
    due: z.enum(TASK_DUE_STATES),
    assignee: z.object({ id: z.uuid(), name: z.string() }),
    status: z.enum(TASK_STATUSES),
    planItemId: z.uuid().nullable(),
    completedAt: timestamp.nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;

export const tasksQuery = z.object({
  assignee: z
    .union([z.literal('me'), uuidParam])
    .optional()
    .describe('"me" or a user id; all of the provider when absent'),
  status: z.enum(TASK_STATUSES).optional(),
  clientId: uuidParam.optional(),
});
export const tasksSchema = z.object({ tasks: z.array(taskSchema) });
export const taskBody = z.object({
  title: personalText(300),
  dueOn: isoDate,
  assigneeUserId: uuidParam.optional(),
  planItemId: uuidParam.optional(),
});
export const taskUpdateBody = z
  .object({
    status: z.enum(TASK_STATUSES),
    dueOn: isoDate,
    assigneeUserId: uuidParam,
    title: personalText(300),
  })
  .partial();

// ---- Caseloads (J9) ----

export const caseloadEntrySchema = z
  .object({
    clientId: z.uuid(),
    reference: z.string(),
    displayName: z.string(),
    saProgram: z.enum(['ow', 'odsp']).nullable(),
    plan: z
      .object({
        id: z.uuid(),
        reference: z.string(),
        status: z.enum(PLAN_STATUSES),
        phase: z.enum(PLAN_PHASES),
        stream: z.enum(STREAMS),
      })
      .nullable(),
    caseworker: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe('null on the unassigned list'),
    assignedAt: timestamp.nullable(),
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    nextDueOn: isoDate.nullable(),
    lastContactAt: timestamp.nullable(),
    daysSinceContact: z.number().int().nullable(),
  })
  .meta({ id: 'CaseloadEntry' });
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;

const caseloadCounts = z.object({
  clients: z.number().int(),
  outstandingTasks: z.number().int(),
  overdueTasks: z.number().int(),
  noContact: z.number().int().describe('Clients with no contact in `noContactDays` days'),
  noContactDays: z.number().int(),
});

export const caseloadQuery = z.object({
  caseworker: z.union([z.literal('me'), uuidParam]).optional(),
  planStatus: z.enum([...PLAN_STATUSES, 'none']).optional(),
  phase: z.enum(PLAN_PHASES).optional(),
  stream: z.enum(STREAMS).optional(),
  due: z.enum(['overdue', 'this_week']).optional(),
  noContactDays: queryInt(1, 365).optional(),
});
export const caseloadSchema = z.object({ clients: z.array(caseloadEntrySchema), counts: caseloadCounts });

export const boardQuery = z.object({ noContactDays: queryInt(1, 365).optional() });
export const boardSchema = z.object({
  noContactDays: z.number().int(),
  caseworkers: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      clients: z.number().int(),
      outstandingTasks: z.number().int(),
      overdueTasks: z.number().int(),
      noContact: z.number().int(),
    }),
  ),
  unassigned: z.array(caseloadEntrySchema),
});
export const assignBody = z.object({ caseworkerUserId: uuidParam });

// ---- SA view (I2) and ICM events (I4) ----

export const sharedClientsSchema = z.object({
  clients: z.array(
    z.object({
      clientId: z.uuid(),
      reference: z.string(),
      displayName: z.string(),
      provider: z.object({ name: z.string() }).nullable(),
      caseworker: z.object({ name: z.string() }).nullable(),
      plan: z
        .object({
          id: z.uuid(),
          reference: z.string(),
          status: z.enum(PLAN_STATUSES),
          phase: z.enum(PLAN_PHASES),
        })
        .nullable(),
      newEvents: z.number().int(),
      openConferences: z.number().int(),
      lastSharedCommentAt: timestamp.nullable(),
    }),
  ),
});

export const icmEventsSchema = z.object({
  events: z.array(
    z.object({
      id: z.uuid(),
      at: timestamp,
      kind: z.enum(ICM_EVENT_KINDS),
      organizationName: z.string(),
      userName: z.string(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      seen: z.boolean(),
    }),
  ),
  unseen: z.number().int(),
});

// ---- Case conferences (I4, K5) ----

const conferenceAuthor = person.extend({ side: z.enum(ICM_SIDES) });
export const conferenceSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    client: clientRef,
    requestedAt: timestamp,
    requestedBy: conferenceAuthor,
    channel: z.enum(CONFERENCE_CHANNELS),
    topic: z.string(),
    includeClient: z.boolean(),
    participants: z.array(
      z.object({ organizationName: z.string(), side: z.enum(ICM_SIDES), userName: z.string().nullable() }),
    ),
    status: z.enum(CONFERENCE_STATUSES),
    stalled: z.boolean(),
    responseDueOn: isoDate,
    firstResponseAt: timestamp.nullable(),
    responseBusinessDays: z.number().int().nullable(),
    decidedAt: timestamp.nullable(),
    canWithdraw: z.boolean(),
    messages: z.array(
      z.object({
        id: z.uuid(),
        at: timestamp,
        kind: z.enum(['request', 'reply', 'decision']),
        channel: z.enum(CONFERENCE_CHANNELS),
        author: conferenceAuthor,
        body: z.string(),
      }),
    ),
  })
  .meta({ id: 'CaseConference' });
export type Conference = z.infer<typeof conferenceSchema>;

export const conferencesSchema = z.object({ conferences: z.array(conferenceSchema) });
export const conferencesQuery = z.object({ status: z.enum(['open', 'stalled', 'all']).optional() });
export const conferenceBody = z.object({
  topic: personalText(300),
  channel: z.enum(CONFERENCE_CHANNELS),
  includeClient: z.boolean(),
  body: personalText(4000),
});
export const conferenceMessageBody = z.object({
  kind: z.enum(['reply', 'decision']),
  channel: z.enum(CONFERENCE_CHANNELS),
  body: personalText(4000),
});

export const conferenceMetricsQuery = z.object({ from: isoDate, to: isoDate });
export const conferenceMetricsSchema = z.object({
  items: z.array(
    z.object({
      organizationId: z.uuid(),
      organizationName: z.string(),
      side: z.enum(ICM_SIDES),
      requests: z.number().int(),
      answered: z.number().int(),
      averageResponseBusinessDays: z.number().nullable(),
      medianResponseBusinessDays: z.number().nullable(),
      withinStandardRate: z.number().nullable(),
      stalled: z.number().int(),
    }),
  ),
});
