/**
 * Day-to-day case management (J9, I2, I4, K5): notes and the SSM's templates, tasks, caseloads and
 * the lead's board, the SA caseworker's shared clients, ICM events and case conferences. Rules live
 * in src/domain/case-management; this service loads, checks, writes in one transaction and audits.
 * Every personal text (note bodies, task titles, conference topics and messages) is sealed with the
 * client's data key and never logged.
 */
import type { Database } from '../../db/connection.js';
import { clientVisibility, hasPermission } from '../../domain/access/policy.js';
import { addCalendarDays, torontoDate } from '../../domain/calendar/index.js';
import {
  caseloadSummary,
  conferenceAfterMessage,
  daysSinceContact,
  dueWithinWeek,
  icmSideOf,
  isOpenConference,
  isStalled,
  noteAccess,
  responseBusinessDays,
  responseDueOn,
  responsivenessMetrics,
  sharedNoteProblem,
  taskDueState,
  withdrawalRefusal,
  type ConferenceResponseFacts,
  type ConferenceState,
  type IcmSide,
} from '../../domain/case-management/index.js';
import type { ConferenceStatus } from '../../domain/case-management/types.js';
import { phaseOf } from '../../domain/plan/closure.js';
import { sharedWithSa } from '../../domain/plan/lifecycle.js';
import { assignCaseload, currentCaseload, recordIcmEvent } from '../../db/repositories/case-records.js';
import {
  caseloadRows,
  conferencesRequestedBetween,
  currentCaseworkersOf,
  displayNameOf,
  findNote,
  findTask,
  findTemplate,
  icmEventsOf,
  insertConference,
  insertConferenceMessage,
  insertNote,
  insertPlanEvent,
  insertTask,
  insertTemplate,
  listConferences,
  listTasks,
  markIcmEventsSeen,
  messagesOf,
  namesOfUsers,
  notesOfClient,
  openPlanOf,
  organizationsOf,
  planItemOfClient,
  providerCaseworkersOf,
  providersSharedWith,
  seenSeqOf,
  sharedClientRows,
  sharedProvidersOf,
  ssmOf,
  staffMember,
  templatesOf,
  updateConference,
  updateTask,
  updateTemplate,
  visibleClient,
  type CaseloadRow,
  type ConferenceListRow,
  type NoteRow,
  type NoteTemplateRow,
  type TaskRow,
  type VisibleClient,
} from '../../db/repositories/case-management.js';
import type { ConferenceParticipant } from '../../db/schema.js';
import { audit, auditEach } from '../audit/record.js';
import { calendarFor } from '../calendar/service.js';
import { PersonalDataKey } from '../clients/personal-data.js';
import type { RequestContext } from '../http/context.js';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  ProblemError,
  refuse,
  refuseField,
} from '../http/problem.js';
import { CUSTOM_TITLE_FIELD } from '../plans/sealed-fields.js';
import type { PersonCrypto } from '../privacy/crypto.js';
import type { z } from 'zod';
import type {
  assignBody,
  CaseloadEntry,
  caseloadQuery,
  CaseNote,
  Conference,
  conferenceBody,
  conferenceMessageBody,
  NoteBody,
  notesQuery,
  Task,
  taskBody,
  tasksQuery,
  taskUpdateBody,
  templateCreateBody,
  templateUpdateBody,
} from './schemas.js';

export interface CaseManagementDeps {
  db: Database;
  crypto: PersonCrypto;
  now: () => Date;
}

// Field names bound into each ciphertext (the plan service reads shared notes with the same name).
export const CASE_NOTE_BODY_FIELD = 'case_note.body';
const TASK_TITLE_FIELD = 'task.title';
const CONFERENCE_TOPIC_FIELD = 'case_conference.topic';
const CONFERENCE_MESSAGE_FIELD = 'case_conference.message';

const DEFAULT_NO_CONTACT_DAYS = 30;

/** One unwrap per client per request, however many of their records a list shows. */
class Keys {
  private readonly keys = new Map<string, PersonalDataKey>();
  constructor(private readonly crypto: PersonCrypto) {}
  of(clientId: string, wrappedKey: Buffer | null): PersonalDataKey {
    let key = this.keys.get(clientId);
    if (!key) {
      key = PersonalDataKey.open(this.crypto, clientId, wrappedKey);
      this.keys.set(clientId, key);
    }
    return key;
  }
}

async function clientOrNotFound(deps: CaseManagementDeps, ctx: RequestContext, clientId: string) {
  const client = await visibleClient(deps.db, clientVisibility(ctx.actor), clientId);
  // Someone else's client is indistinguishable from no client.
  if (!client) throw notFound('Client');
  return client;
}

function purgedRefusal(client: VisibleClient) {
  if (client.purgedAt) throw conflict('client_purged', 'This person’s information has been removed.');
}

/** I2: a refusal that names the rule but is a 403 — the reader may see the client, not this record. */
const internalNote = () =>
  new ProblemError(403, 'forbidden', 'Forbidden', {
    rule: 'I2',
    detail: 'I2: this is a provider’s internal note; SA sees the plan-item comments shared with it.',
    messageFr:
      'I2 : il s’agit d’une note interne du fournisseur; l’AS voit les commentaires partagés sur les éléments du plan.',
  });

const onlyProviders = () => forbidden('Case notes, tasks and caseloads are the provider’s.');

function requireProvider(ctx: RequestContext) {
  if (ctx.actor.organizationKind !== 'provider') throw onlyProviders();
}

// ───────────────────────────── Notes (J9, I2) ─────────────────────────────

function noteView(keys: Keys, row: NoteRow, wrappedKey: Buffer | null): CaseNote {
  const n = row.note;
  const key = keys.of(n.clientId, wrappedKey);
  return {
    id: n.id,
    at: n.at.toISOString(),
    visibility: n.visibility,
    planId: n.planId,
    planItemId: n.planItemId,
    planItemName: row.itemNameEn ?? key.openText(CUSTOM_TITLE_FIELD, row.itemCustomTitleSealed),
    templateId: n.templateId,
    contactChannel: n.contactChannel,
    author: { name: row.authorName, organizationName: row.organizationName },
    body: key.openText(CASE_NOTE_BODY_FIELD, n.bodySealed) ?? '',
  };
}

/** I2: SA reads shared notes only; a provider its own internal notes and every shared one; the SSM all. */
export async function listNotes(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  clientId: string,
  query: z.infer<typeof notesQuery>,
): Promise<CaseNote[]> {
  const client = await clientOrNotFound(deps, ctx, clientId);
  const kind = ctx.actor.organizationKind;
  const rows =
    kind === 'sa_office' && query.visibility === 'internal'
      ? []
      : await notesOfClient(deps.db, clientId, {
          visibility: query.visibility,
          planItemId: query.planItemId,
          sharedOnly: kind !== 'ssm' && kind !== 'provider',
          internalOfOrganization: kind === 'provider' ? ctx.actor.organizationId : undefined,
        });
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'case_note', null, clientId));
  const keys = new Keys(deps.crypto);
  return rows.map((r) => noteView(keys, r, client.wrappedKey));
}

export async function getNote(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  noteId: string,
): Promise<CaseNote> {
  const row = await findNote(deps.db, noteId);
  if (!row) throw notFound('Note');
  const client = await visibleClient(deps.db, clientVisibility(ctx.actor), row.note.clientId);
  if (!client) throw notFound('Note');
  if (noteAccess(ctx.actor, row.note) !== 'visible') throw internalNote();
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'case_note', noteId, client.id));
  return noteView(new Keys(deps.crypto), row, client.wrappedKey);
}

export async function createNote(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  clientId: string,
  input: NoteBody,
): Promise<CaseNote> {
  requireProvider(ctx);
  const client = await clientOrNotFound(deps, ctx, clientId);
  purgedRefusal(client);
  const item = input.planItemId ? await planItemOfClient(deps.db, input.planItemId, clientId) : null;
  const problem = sharedNoteProblem({
    visibility: input.visibility,
    planItemId: input.planItemId ?? null,
    itemOfClient: item !== null,
  });
  if (problem) throw refuseField(problem.rule, 'body.planItemId', problem.code, problem.en, problem.fr);
  if (item?.planStatus === 'closed')
    throw refuse(
      'A4',
      'a closed plan is read-only; note it on the client instead.',
      'un plan fermé est en lecture seule; notez-le plutôt au dossier du client.',
    );
  if (input.templateId) {
    const template = await findTemplate(deps.db, input.templateId);
    if (!template || template.catchmentId !== ctx.actor.catchmentId || !template.active)
      throw invalid('body.templateId', 'Choose an active note template of your catchment.');
  }
  const body = PersonalDataKey.open(deps.crypto, clientId, client.wrappedKey).sealText(
    CASE_NOTE_BODY_FIELD,
    input.body,
  );
  const id = await deps.db.transaction(async (tx) => {
    const noteId = await insertNote(tx, {
      clientId,
      catchmentId: client.catchmentId,
      organizationId: ctx.actor.organizationId,
      authorUserId: ctx.actor.userId,
      at: deps.now(),
      visibility: input.visibility,
      planId: item?.planId ?? null,
      planItemId: item?.id ?? null,
      templateId: input.templateId ?? null,
      contactChannel: input.contactChannel ?? null,
      bodySealed: body,
    });
    await audit(tx, ctx, 'create', 'case_note', noteId, clientId);
    return noteId;
  });
  const row = await findNote(deps.db, id);
  return noteView(new Keys(deps.crypto), row!, client.wrappedKey);
}

// ───────────────────────────── Note templates (I4) ─────────────────────────────

function templateView(t: NoteTemplateRow) {
  return {
    id: t.id,
    titleEn: t.titleEn,
    titleFr: t.titleFr,
    bodyEn: t.bodyEn,
    bodyFr: t.bodyFr,
    visibility: t.visibility,
    active: t.active,
  };
}

export async function listTemplates(deps: CaseManagementDeps, ctx: RequestContext, includeInactive: boolean) {
  const rows = await templatesOf(deps.db, ctx.actor.catchmentId, includeInactive);
  return rows.map(templateView);
}

export async function createTemplate(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  input: z.infer<typeof templateCreateBody>,
) {
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertTemplate(tx, {
      ...input,
      catchmentId: ctx.actor.catchmentId,
      createdByUserId: ctx.actor.userId,
    });
    await audit(tx, ctx, 'create', 'note_template', created.id);
    return created;
  });
  return templateView(row);
}

export async function changeTemplate(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof templateUpdateBody>,
) {
  const existing = await findTemplate(deps.db, id);
  if (!existing || existing.catchmentId !== ctx.actor.catchmentId) throw notFound('Note template');
  const row = await deps.db.transaction(async (tx) => {
    const updated = await updateTemplate(tx, id, input);
    await audit(tx, ctx, 'update', 'note_template', id);
    return updated;
  });
  return templateView(row);
}

// ───────────────────────────── Tasks (J9) ─────────────────────────────

function taskView(keys: Keys, row: TaskRow, today: string): Task {
  const t = row.task;
  return {
    id: t.id,
    clientId: t.clientId,
    client: { reference: row.client.reference, displayName: displayNameOf(row.client) },
    title: keys.of(t.clientId, row.wrappedKey).openText(TASK_TITLE_FIELD, t.titleSealed) ?? '',
    dueOn: t.dueOn,
    due: taskDueState(t.dueOn, today),
    assignee: { id: t.assigneeUserId, name: row.assigneeName },
    status: t.status,
    planItemId: t.planItemId,
    completedAt: t.completedAt?.toISOString() ?? null,
  };
}

/** A colleague at the actor's provider who carries a caseload, or a 400 on the field. */
async function colleagueOrInvalid(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  userId: string,
  field: string,
) {
  const user = await staffMember(deps.db, userId);
  if (
    !user ||
    !user.active ||
    user.organizationId !== ctx.actor.organizationId ||
    !(user.roles.includes('provider_caseworker') || user.roles.includes('provider_lead'))
  )
    throw invalid(field, 'Choose a caseworker of your organization.');
  return user;
}

export async function listTasksOf(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  query: z.infer<typeof tasksQuery>,
) {
  requireProvider(ctx);
  let assigneeUserId: string | undefined;
  if (query.assignee === 'me') assigneeUserId = ctx.actor.userId;
  else if (query.assignee) {
    const user = await staffMember(deps.db, query.assignee);
    if (!user || user.organizationId !== ctx.actor.organizationId) throw notFound('User');
    assigneeUserId = user.id;
  }
  if (query.clientId) await clientOrNotFound(deps, ctx, query.clientId);
  const rows = await listTasks(deps.db, clientVisibility(ctx.actor), {
    organizationId: ctx.actor.organizationId,
    assigneeUserId,
    status: query.status,
    clientId: query.clientId,
  });
  const clientIds = [...new Set(rows.map((r) => r.task.clientId))];
  // Each task names its client: one audit entry per client shown.
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'task',
      clientIds.map((id) => ({ entityId: id, clientId: id })),
    ),
  );
  const keys = new Keys(deps.crypto);
  const today = torontoDate(deps.now());
  return rows.map((r) => taskView(keys, r, today));
}

export async function createTask(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  clientId: string,
  input: z.infer<typeof taskBody>,
): Promise<Task> {
  requireProvider(ctx);
  const client = await clientOrNotFound(deps, ctx, clientId);
  purgedRefusal(client);
  const assignee = input.assigneeUserId
    ? (await colleagueOrInvalid(deps, ctx, input.assigneeUserId, 'body.assigneeUserId')).id
    : ctx.actor.userId;
  if (input.planItemId && !(await planItemOfClient(deps.db, input.planItemId, clientId)))
    throw invalid('body.planItemId', 'Choose an item of this client’s plan.');
  const title = PersonalDataKey.open(deps.crypto, clientId, client.wrappedKey).sealText(
    TASK_TITLE_FIELD,
    input.title,
  );
  const id = await deps.db.transaction(async (tx) => {
    const taskId = await insertTask(tx, {
      clientId,
      organizationId: ctx.actor.organizationId,
      planItemId: input.planItemId ?? null,
      titleSealed: title,
      dueOn: input.dueOn,
      assigneeUserId: assignee,
      createdByUserId: ctx.actor.userId,
    });
    await audit(tx, ctx, 'create', 'task', taskId, clientId);
    return taskId;
  });
  const row = await findTask(deps.db, clientVisibility(ctx.actor), ctx.actor.organizationId, id);
  return taskView(new Keys(deps.crypto), row!, torontoDate(deps.now()));
}

export async function changeTask(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  taskId: string,
  input: z.infer<typeof taskUpdateBody>,
): Promise<Task> {
  requireProvider(ctx);
  const visibility = clientVisibility(ctx.actor);
  const row = await findTask(deps.db, visibility, ctx.actor.organizationId, taskId);
  if (!row) throw notFound('Task');
  const values: Parameters<typeof updateTask>[2] = {};
  if (input.assigneeUserId !== undefined)
    values.assigneeUserId = (
      await colleagueOrInvalid(deps, ctx, input.assigneeUserId, 'body.assigneeUserId')
    ).id;
  if (input.dueOn !== undefined) values.dueOn = input.dueOn;
  if (input.title !== undefined)
    values.titleSealed = PersonalDataKey.open(deps.crypto, row.task.clientId, row.wrappedKey).sealText(
      TASK_TITLE_FIELD,
      input.title,
    );
  if (input.status !== undefined && input.status !== row.task.status) {
    values.status = input.status;
    const closing = input.status !== 'open';
    values.completedAt = closing ? deps.now() : null;
    values.completedByUserId = closing ? ctx.actor.userId : null;
  }
  await deps.db.transaction(async (tx) => {
    await updateTask(tx, taskId, values);
    await audit(tx, ctx, 'update', 'task', taskId, row.task.clientId);
  });
  const updated = await findTask(deps.db, visibility, ctx.actor.organizationId, taskId);
  return taskView(new Keys(deps.crypto), updated!, torontoDate(deps.now()));
}

// ───────────────────────────── Caseloads (J9) ─────────────────────────────

function caseloadEntry(row: CaseloadRow, now: Date): CaseloadEntry {
  return {
    clientId: row.client.id,
    reference: row.client.reference,
    displayName: displayNameOf(row.client),
    saProgram: row.client.saProgram,
    plan:
      row.planId && row.planReference && row.planStatus && row.planStream
        ? {
            id: row.planId,
            reference: row.planReference,
            status: row.planStatus,
            phase: phaseOf({
              outcomeRecordedAt: row.planOutcomeRecordedAt?.toISOString() ?? null,
              finalCheckpointCompletedAt: row.planFinalCheckpointCompletedAt?.toISOString() ?? null,
            }),
            stream: row.planStream,
          }
        : null,
    caseworker:
      row.caseworkerId && row.caseworkerName ? { id: row.caseworkerId, name: row.caseworkerName } : null,
    assignedAt: row.assignedAt?.toISOString() ?? null,
    openTasks: row.openTasks,
    overdueTasks: row.overdueTasks,
    nextDueOn: row.nextDueOn,
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    daysSinceContact: daysSinceContact(row.lastContactAt, now),
  };
}

const summaryFacts = (rows: readonly CaseloadRow[], now: Date) =>
  rows.map((r) => ({
    openTasks: r.openTasks,
    overdueTasks: r.overdueTasks,
    lastContactAt: r.lastContactAt,
    assignedAt: r.assignedAt ?? now,
  }));

/** J9: a caseworker's caseload with its measures; a lead may look at a colleague's. */
export async function caseload(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  query: z.infer<typeof caseloadQuery>,
) {
  requireProvider(ctx);
  let caseworkerUserId = ctx.actor.userId;
  if (query.caseworker && query.caseworker !== 'me' && query.caseworker !== ctx.actor.userId) {
    if (!hasPermission(ctx.actor, 'caseload.assign'))
      throw forbidden('Only a lead looks at a colleague’s caseload.');
    const user = await staffMember(deps.db, query.caseworker);
    if (!user || user.organizationId !== ctx.actor.organizationId) throw notFound('User');
    caseworkerUserId = user.id;
  }
  const now = deps.now();
  const today = torontoDate(now);
  const rows = await caseloadRows(deps.db, clientVisibility(ctx.actor), {
    organizationId: ctx.actor.organizationId,
    caseworkerUserId,
    today,
  });
  const kept = rows.filter((r) => {
    const e = caseloadEntry(r, now);
    if (query.planStatus && (e.plan?.status ?? 'none') !== query.planStatus) return false;
    if (query.phase && e.plan?.phase !== query.phase) return false;
    if (query.stream && e.plan?.stream !== query.stream) return false;
    if (query.due === 'overdue' && e.overdueTasks === 0) return false;
    if (query.due === 'this_week' && !(e.nextDueOn && dueWithinWeek(e.nextDueOn, today))) return false;
    return true;
  });
  const noContactDays = query.noContactDays ?? DEFAULT_NO_CONTACT_DAYS;
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'caseload',
      kept.map((r) => ({ entityId: r.client.id, clientId: r.client.id })),
    ),
  );
  return {
    clients: kept.map((r) => caseloadEntry(r, now)),
    counts: { ...caseloadSummary(summaryFacts(kept, now), noContactDays, now), noContactDays },
  };
}

/** J9: the lead's board — each caseworker's load and the provider's clients nobody carries. */
export async function caseloadBoard(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  noContactDays = DEFAULT_NO_CONTACT_DAYS,
) {
  requireProvider(ctx);
  const now = deps.now();
  const today = torontoDate(now);
  const visibility = clientVisibility(ctx.actor);
  const base = { organizationId: ctx.actor.organizationId, caseworkerUserId: null, today };
  const [assigned, unassigned, staff] = [
    await caseloadRows(deps.db, visibility, base),
    await caseloadRows(deps.db, visibility, { ...base, unassigned: true }),
    await providerCaseworkersOf(deps.db, ctx.actor.organizationId),
  ];
  const byWorker = new Map<string, CaseloadRow[]>();
  for (const r of assigned) byWorker.set(r.caseworkerId!, [...(byWorker.get(r.caseworkerId!) ?? []), r]);
  const people = new Map(staff.map((s) => [s.id, s.name]));
  // A former colleague who still carries clients stays on the board until they are reassigned.
  for (const r of assigned)
    if (!people.has(r.caseworkerId!)) people.set(r.caseworkerId!, r.caseworkerName ?? '');
  const caseworkers = [...people.entries()].map(([id, name]) => {
    const s = caseloadSummary(summaryFacts(byWorker.get(id) ?? [], now), noContactDays, now);
    return { id, name, ...s };
  });
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'caseload',
      unassigned.map((r) => ({ entityId: r.client.id, clientId: r.client.id })),
    ),
  );
  return { noContactDays, caseworkers, unassigned: unassigned.map((r) => caseloadEntry(r, now)) };
}

/**
 * J9/I4: the lead puts a client on a caseworker's caseload. The SA side sees the change at once (an
 * ICM event), and the open plan's history records it.
 */
export async function assignCaseworker(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  clientId: string,
  input: z.infer<typeof assignBody>,
): Promise<CaseloadEntry> {
  requireProvider(ctx);
  const client = await clientOrNotFound(deps, ctx, clientId);
  purgedRefusal(client);
  const worker = await colleagueOrInvalid(deps, ctx, input.caseworkerUserId, 'body.caseworkerUserId');
  const plan = await openPlanOf(deps.db, clientId);
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    const change = await assignCaseload(tx, {
      clientId,
      organizationId: ctx.actor.organizationId,
      caseworkerUserId: worker.id,
      byUserId: ctx.actor.userId,
      at,
    });
    if (change.changed) {
      const detail = {
        caseworkerUserId: worker.id,
        previousCaseworkerUserId: change.previousCaseworkerUserId,
        providerOrganizationId: ctx.actor.organizationId,
      };
      await recordIcmEvent(tx, {
        clientId,
        catchmentId: client.catchmentId,
        at,
        kind: 'provider_caseworker_changed',
        organizationId: ctx.actor.organizationId,
        userId: ctx.actor.userId,
        detail,
      });
      if (plan && plan.organizationId === ctx.actor.organizationId) {
        await insertPlanEvent(tx, {
          planId: plan.id,
          at,
          userId: ctx.actor.userId,
          organizationId: ctx.actor.organizationId,
          kind: 'caseworker_changed',
          detail,
        });
      }
    }
    await audit(tx, ctx, 'update', 'caseload', clientId, clientId);
  });
  const [row] = await caseloadRows(deps.db, clientVisibility(ctx.actor), {
    organizationId: ctx.actor.organizationId,
    caseworkerUserId: null,
    clientId,
    today: torontoDate(at),
  });
  return caseloadEntry(row!, at);
}

// ───────────────────────────── SA view (I2) and ICM events (I4) ─────────────────────────────

/** I2: the SA caseworker's clients with what changed on the provider's side. */
export async function sharedClients(deps: CaseManagementDeps, ctx: RequestContext) {
  if (ctx.actor.organizationKind !== 'sa_office') throw forbidden('This list is the SA caseworker’s.');
  const rows = await sharedClientRows(deps.db, clientVisibility(ctx.actor), ctx.actor.userId);
  const ids = rows.map((r) => r.client.id);
  const [caseworkers, shares] = [
    await currentCaseworkersOf(deps.db, ids),
    await sharedProvidersOf(deps.db, ids),
  ];
  const providerOf = new Map<string, string>();
  for (const r of rows) if (r.planOrganizationId) providerOf.set(r.client.id, r.planOrganizationId);
  for (const s of shares) if (!providerOf.has(s.clientId)) providerOf.set(s.clientId, s.organizationId);
  const orgs = await organizationsOf(deps.db, [...providerOf.values()]);
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'shared_client',
      ids.map((id) => ({ entityId: id, clientId: id })),
    ),
  );
  return rows.map((r) => {
    const providerId = providerOf.get(r.client.id) ?? null;
    const worker = caseworkers.find((c) => c.clientId === r.client.id && c.organizationId === providerId);
    // I2: a draft plan is not shared with SA yet (the list is the SA caseworker's own clients).
    const shared = r.planId && r.planStatus && sharedWithSa(r.planStatus, true);
    return {
      clientId: r.client.id,
      reference: r.client.reference,
      displayName: displayNameOf(r.client),
      provider: providerId ? { name: orgs.get(providerId)?.name ?? '' } : null,
      caseworker: worker ? { name: worker.name } : null,
      plan: shared
        ? {
            id: r.planId!,
            reference: r.planReference!,
            status: r.planStatus!,
            phase: phaseOf({
              outcomeRecordedAt: r.planOutcomeRecordedAt?.toISOString() ?? null,
              finalCheckpointCompletedAt: r.planFinalCheckpointCompletedAt?.toISOString() ?? null,
            }),
          }
        : null,
      newEvents: r.newEvents,
      openConferences: r.openConferences,
      lastSharedCommentAt: r.lastSharedCommentAt?.toISOString() ?? null,
    };
  });
}

type Detail = Record<string, string | number | boolean | null>;

/** I4: what changed on either side, newest first; "unseen" counts other people's events since the last look. */
export async function icmEventsOfClient(deps: CaseManagementDeps, ctx: RequestContext, clientId: string) {
  await clientOrNotFound(deps, ctx, clientId);
  const [events, seenSeq] = [
    await icmEventsOf(deps.db, clientId),
    await seenSeqOf(deps.db, ctx.actor.userId, clientId),
  ];
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'icm_event', null, clientId));
  const isNew = (e: (typeof events)[number]) => e.seq > seenSeq && e.userId !== ctx.actor.userId;
  return {
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      organizationName: e.organizationName,
      userName: e.userName,
      detail: e.detail as Detail,
      seen: !isNew(e),
    })),
    unseen: events.filter(isNew).length,
  };
}

export async function markSeen(deps: CaseManagementDeps, ctx: RequestContext, clientId: string) {
  await clientOrNotFound(deps, ctx, clientId);
  await deps.db.transaction((tx) => markIcmEventsSeen(tx, ctx.actor.userId, clientId));
}

// ───────────────────────────── Case conferences (I4, K5) ─────────────────────────────

function stateOf(c: ConferenceListRow['conference']): ConferenceState {
  return {
    status: c.status,
    requestedByOrganizationId: c.requestedByOrganizationId,
    requestedAt: c.requestedAt,
    firstResponseAt: c.firstResponseAt,
    firstResponseByOrganizationId: c.firstResponseByOrganizationId,
    decidedAt: c.decidedAt,
  };
}

const sideOfKind = (kind: string | undefined): IcmSide =>
  (kind && icmSideOf(kind as 'ssm' | 'provider' | 'sa_office' | 'ministry')) || 'ssm';

/** Conferences as the API shows them: participants, messages and names in a fixed number of queries. */
async function conferenceViews(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  rows: readonly ConferenceListRow[],
): Promise<Conference[]> {
  if (!rows.length) return [];
  const messages = await messagesOf(
    deps.db,
    rows.map((r) => r.conference.id),
  );
  const orgIds = [
    ...rows.flatMap((r) => [
      r.conference.requestedByOrganizationId,
      ...r.conference.participants.map((p) => p.organizationId),
    ]),
    ...messages.map((m) => m.authorOrganizationId),
  ];
  const userIds = [
    ...rows.flatMap((r) => [
      r.conference.requestedByUserId,
      ...r.conference.participants.flatMap((p) => (p.userId ? [p.userId] : [])),
    ]),
    ...messages.map((m) => m.authorUserId),
  ];
  const [orgs, names] = [await organizationsOf(deps.db, orgIds), await namesOfUsers(deps.db, userIds)];
  const calendars = new Map<string, Awaited<ReturnType<typeof calendarFor>>>();
  for (const r of rows)
    if (!calendars.has(r.conference.catchmentId))
      calendars.set(r.conference.catchmentId, await calendarFor(deps.db, r.conference.catchmentId));
  const keys = new Keys(deps.crypto);
  const now = deps.now();
  const who = (userId: string, organizationId: string) => ({
    name: names.get(userId) ?? '',
    organizationName: orgs.get(organizationId)?.name ?? '',
    side: sideOfKind(orgs.get(organizationId)?.kind),
  });
  return rows.map((r) => {
    const c = r.conference;
    const key = keys.of(c.clientId, r.wrappedKey);
    const calendar = calendars.get(c.catchmentId)!;
    return {
      id: c.id,
      clientId: c.clientId,
      client: { reference: r.client.reference, displayName: displayNameOf(r.client) },
      requestedAt: c.requestedAt.toISOString(),
      requestedBy: who(c.requestedByUserId, c.requestedByOrganizationId),
      channel: c.channel,
      topic: key.openText(CONFERENCE_TOPIC_FIELD, c.topicSealed) ?? '',
      includeClient: c.includeClient,
      participants: c.participants.map((p) => ({
        organizationName: orgs.get(p.organizationId)?.name ?? '',
        side: p.side,
        userName: p.userId ? (names.get(p.userId) ?? null) : null,
      })),
      status: c.status,
      stalled: isStalled(calendar, c, now),
      responseDueOn: responseDueOn(calendar, c.requestedAt),
      firstResponseAt: c.firstResponseAt?.toISOString() ?? null,
      responseBusinessDays: responseBusinessDays(calendar, c.requestedAt, c.firstResponseAt),
      decidedAt: c.decidedAt?.toISOString() ?? null,
      canWithdraw: isOpenConference(c.status) && c.requestedByOrganizationId === ctx.actor.organizationId,
      messages: messages
        .filter((m) => m.conferenceId === c.id)
        .map((m) => ({
          id: m.id,
          at: m.at.toISOString(),
          kind: m.kind,
          channel: m.channel,
          author: who(m.authorUserId, m.authorOrganizationId),
          body: key.openText(CONFERENCE_MESSAGE_FIELD, m.bodySealed) ?? '',
        })),
    };
  });
}

async function auditConferences(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  rows: readonly ConferenceListRow[],
) {
  const clientIds = [...new Set(rows.map((r) => r.conference.clientId))];
  await deps.db.transaction((tx) =>
    auditEach(
      tx,
      ctx,
      'read',
      'case_conference',
      clientIds.map((id) => ({ entityId: id, clientId: id })),
    ),
  );
}

export async function conferencesOfClient(deps: CaseManagementDeps, ctx: RequestContext, clientId: string) {
  await clientOrNotFound(deps, ctx, clientId);
  const rows = await listConferences(deps.db, clientVisibility(ctx.actor), { clientId });
  await deps.db.transaction((tx) => audit(tx, ctx, 'read', 'case_conference', null, clientId));
  return conferenceViews(deps, ctx, rows);
}

const OPEN_STATUSES: readonly ConferenceStatus[] = ['requested', 'in_discussion'];

/** I4: the conference queue — the SSM sees its catchment (and steps in on stalled ones), others their clients'. */
export async function conferenceQueue(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  status: 'open' | 'stalled' | 'all',
) {
  const rows = await listConferences(deps.db, clientVisibility(ctx.actor), {
    statuses: status === 'all' ? undefined : OPEN_STATUSES,
  });
  let kept = rows;
  if (status === 'stalled') {
    const now = deps.now();
    const calendar = await calendarFor(deps.db, ctx.actor.catchmentId);
    kept = rows.filter((r) => isStalled(calendar, r.conference, now));
  }
  await auditConferences(deps, ctx, kept);
  return conferenceViews(deps, ctx, kept);
}

/**
 * I4: who takes part: the requester, the provider serving the client (the open plan's, else the
 * one the client is shared with) with its caseworker, the client's SA office and caseworker, and
 * the catchment's SSM, which helps when a conference stalls.
 */
async function participantsFor(deps: CaseManagementDeps, ctx: RequestContext, client: VisibleClient) {
  const list: ConferenceParticipant[] = [];
  const add = (p: ConferenceParticipant) => {
    const existing = list.find((x) => x.organizationId === p.organizationId);
    if (!existing) list.push(p);
    else if (!existing.userId) existing.userId = p.userId;
  };
  add({
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    side: sideOfKind(ctx.actor.organizationKind),
  });
  const plan = await openPlanOf(deps.db, client.id);
  const providerId =
    plan?.organizationId ?? (await providersSharedWith(deps.db, client.id))[0]?.organizationId;
  if (providerId) {
    const current = await currentCaseload(deps.db, client.id, providerId);
    add({ organizationId: providerId, userId: current?.caseworkerUserId ?? null, side: 'provider' });
  }
  if (client.saOfficeId)
    add({ organizationId: client.saOfficeId, userId: client.saCaseworkerId, side: 'sa' });
  const ssm = await ssmOf(deps.db, client.catchmentId);
  if (ssm) add({ organizationId: ssm, userId: null, side: 'ssm' });
  return list;
}

async function conferenceView(deps: CaseManagementDeps, ctx: RequestContext, id: string) {
  const rows = await listConferences(deps.db, clientVisibility(ctx.actor), { id });
  const [view] = await conferenceViews(deps, ctx, rows);
  return view!;
}

export async function requestConference(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  clientId: string,
  input: z.infer<typeof conferenceBody>,
): Promise<Conference> {
  if (!icmSideOf(ctx.actor.organizationKind)) throw forbidden();
  const client = await clientOrNotFound(deps, ctx, clientId);
  purgedRefusal(client);
  const participants = await participantsFor(deps, ctx, client);
  const key = PersonalDataKey.open(deps.crypto, clientId, client.wrappedKey);
  const topic = key.sealText(CONFERENCE_TOPIC_FIELD, input.topic);
  const body = key.sealText(CONFERENCE_MESSAGE_FIELD, input.body);
  const at = deps.now();
  const id = await deps.db.transaction(async (tx) => {
    const conferenceId = await insertConference(tx, {
      clientId,
      catchmentId: client.catchmentId,
      requestedByUserId: ctx.actor.userId,
      requestedByOrganizationId: ctx.actor.organizationId,
      requestedAt: at,
      channel: input.channel,
      topicSealed: topic,
      includeClient: input.includeClient,
      participants,
    });
    await insertConferenceMessage(tx, {
      conferenceId,
      at,
      authorUserId: ctx.actor.userId,
      authorOrganizationId: ctx.actor.organizationId,
      kind: 'request',
      channel: input.channel,
      bodySealed: body,
    });
    await recordIcmEvent(tx, {
      clientId,
      catchmentId: client.catchmentId,
      at,
      kind: 'conference_requested',
      organizationId: ctx.actor.organizationId,
      userId: ctx.actor.userId,
      detail: { conferenceId, channel: input.channel },
    });
    await audit(tx, ctx, 'create', 'case_conference', conferenceId, clientId);
    return conferenceId;
  });
  return conferenceView(deps, ctx, id);
}

async function conferenceOrNotFound(deps: CaseManagementDeps, ctx: RequestContext, id: string) {
  const [row] = await listConferences(deps.db, clientVisibility(ctx.actor), { id });
  if (!row) throw notFound('Case conference');
  return row;
}

const movedOn = () =>
  conflict('conference_changed', 'Someone else answered this conference just now; reload it and try again.');

export async function addConferenceMessage(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  conferenceId: string,
  input: z.infer<typeof conferenceMessageBody>,
): Promise<Conference> {
  const row = await conferenceOrNotFound(deps, ctx, conferenceId);
  const c = row.conference;
  // I4: each party documents its own side; an organization outside the conference does not write in it.
  if (!c.participants.some((p) => p.organizationId === ctx.actor.organizationId))
    throw forbidden('Your organization does not take part in this case conference.');
  const at = deps.now();
  const result = conferenceAfterMessage(stateOf(c), {
    kind: input.kind,
    organizationId: ctx.actor.organizationId,
    at,
  });
  if ('refused' in result) throw refuse(result.refused.rule, result.refused.en, result.refused.fr);
  const next = result.state;
  const body = PersonalDataKey.open(deps.crypto, c.clientId, row.wrappedKey).sealText(
    CONFERENCE_MESSAGE_FIELD,
    input.body,
  );
  await deps.db.transaction(async (tx) => {
    const moved = await updateConference(tx, conferenceId, c.status, {
      status: next.status,
      firstResponseAt: next.firstResponseAt,
      firstResponseByOrganizationId: next.firstResponseByOrganizationId,
      decidedAt: next.decidedAt,
      decidedByUserId: next.status === 'decided' ? ctx.actor.userId : null,
    });
    if (!moved) throw movedOn();
    await insertConferenceMessage(tx, {
      conferenceId,
      at,
      authorUserId: ctx.actor.userId,
      authorOrganizationId: ctx.actor.organizationId,
      kind: input.kind,
      channel: input.channel,
      bodySealed: body,
    });
    if (next.status === 'decided')
      await recordIcmEvent(tx, {
        clientId: c.clientId,
        catchmentId: c.catchmentId,
        at,
        kind: 'conference_decided',
        organizationId: ctx.actor.organizationId,
        userId: ctx.actor.userId,
        detail: { conferenceId },
      });
    await audit(tx, ctx, 'update', 'case_conference', conferenceId, c.clientId);
  });
  return conferenceView(deps, ctx, conferenceId);
}

export async function withdrawConference(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  conferenceId: string,
) {
  const row = await conferenceOrNotFound(deps, ctx, conferenceId);
  const c = row.conference;
  const refusal = withdrawalRefusal(stateOf(c), ctx.actor.organizationId);
  if (refusal) throw refuse(refusal.rule, refusal.en, refusal.fr);
  await deps.db.transaction(async (tx) => {
    if (!(await updateConference(tx, conferenceId, c.status, { status: 'withdrawn' }))) throw movedOn();
    await audit(tx, ctx, 'update', 'case_conference', conferenceId, c.clientId);
  });
  return conferenceView(deps, ctx, conferenceId);
}

/**
 * K5 "responsiveness to ICM requests", per organization asked to answer, for conferences requested
 * between two Ontario dates (inclusive). Counts only, no personal data.
 */
export async function conferenceMetrics(
  deps: CaseManagementDeps,
  ctx: RequestContext,
  from: string,
  to: string,
) {
  // A day of margin either side in UTC, then exact Ontario dates.
  const { conferences, messages } = await conferencesRequestedBetween(
    deps.db,
    ctx.actor.catchmentId,
    new Date(`${addCalendarDays(from, -1)}T00:00:00Z`),
    new Date(`${addCalendarDays(to, 2)}T00:00:00Z`),
  );
  const facts: ConferenceResponseFacts[] = [];
  for (const c of conferences) {
    const day = torontoDate(c.requestedAt);
    if (day < from || day > to) continue;
    for (const p of c.participants) {
      if (p.organizationId === c.requestedByOrganizationId) continue;
      const first = messages.find((m) => m.conferenceId === c.id && m.organizationId === p.organizationId);
      facts.push({
        organizationId: p.organizationId,
        requestedAt: c.requestedAt,
        firstResponseAt: first?.at ?? null,
        status: c.status,
      });
    }
  }
  const calendar = await calendarFor(deps.db, ctx.actor.catchmentId);
  const metrics = responsivenessMetrics(calendar, facts, deps.now());
  const orgs = await organizationsOf(
    deps.db,
    metrics.map((m) => m.organizationId),
  );
  return metrics.map((m) => ({
    ...m,
    organizationName: orgs.get(m.organizationId)?.name ?? '',
    side: sideOfKind(orgs.get(m.organizationId)?.kind),
  }));
}
