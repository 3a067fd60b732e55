/**
 * Case-management reads and writes (J9, I2, I4): notes, templates, tasks, caseloads, case
 * conferences and ICM events. Every client-bound read is scoped with `clientScope`; list reads
 * fetch what a page shows in a fixed number of queries, never one per client.
 */
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { ClientVisibility } from '../../domain/access/policy.js';
import type { ConferenceStatus, NoteVisibility, TaskStatus } from '../../domain/case-management/types.js';
import type { Queryable } from '../connection.js';
import { clientScope } from '../scope.js';
import {
  caseConferenceMessages,
  caseConferences,
  caseloadAssignments,
  caseNotes,
  clientDataKeys,
  clients,
  clientShares,
  icmEventReads,
  icmEvents,
  noteTemplates,
  organizations,
  planEvents,
  planItemCatalogue,
  planItems,
  plans,
  tasks,
  users,
} from '../schema.js';

// ───────────────────────────── Clients and people ─────────────────────────────

const clientColumns = {
  id: clients.id,
  reference: clients.reference,
  catchmentId: clients.catchmentId,
  legalGivenName: clients.legalGivenName,
  legalFamilyName: clients.legalFamilyName,
  preferredName: clients.preferredName,
  saProgram: clients.saProgram,
  saOfficeId: clients.saOfficeId,
  saCaseworkerId: clients.saCaseworkerId,
  purgedAt: clients.purgedAt,
};

/** A client the actor may see, with the wrapped data key its personal text is sealed with. */
export async function visibleClient(q: Queryable, visibility: ClientVisibility, clientId: string) {
  const [row] = await q
    .select({ ...clientColumns, wrappedKey: clientDataKeys.wrappedKey })
    .from(clients)
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, clients.id))
    .where(and(eq(clients.id, clientId), clientScope(visibility)));
  return row ?? null;
}
export type VisibleClient = NonNullable<Awaited<ReturnType<typeof visibleClient>>>;

/** The name a client goes by: their preferred name, else their legal given name, then their family name. */
export function displayNameOf(c: {
  preferredName: string | null;
  legalGivenName: string;
  legalFamilyName: string;
}) {
  return `${c.preferredName ?? c.legalGivenName} ${c.legalFamilyName}`.trim();
}

/** A user with their organization, to check an assignee or caseworker belongs where they must. */
export async function staffMember(q: Queryable, userId: string) {
  const [row] = await q
    .select({
      id: users.id,
      name: users.displayName,
      organizationId: users.organizationId,
      roles: users.roles,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function namesOfUsers(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function organizationsOf(q: Queryable, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<string, { name: string; kind: string }>();
  const rows = await q
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(inArray(organizations.id, wanted));
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind as string }]));
}

/** The provider staff of an organization who carry a caseload (J9), by name. */
export async function providerCaseworkersOf(q: Queryable, organizationId: string) {
  const rows = await q
    .select({ id: users.id, name: users.displayName, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  return rows
    .filter((u) => u.roles.includes('provider_caseworker') || u.roles.includes('provider_lead'))
    .map(({ id, name }) => ({ id, name }));
}

/** The client's open plan (draft, active or on hold), if there is one. */
export async function openPlanOf(q: Queryable, clientId: string) {
  const [row] = await q
    .select({
      id: plans.id,
      reference: plans.reference,
      status: plans.status,
      stream: plans.stream,
      organizationId: plans.organizationId,
    })
    .from(plans)
    .where(and(eq(plans.clientId, clientId), ne(plans.status, 'closed')))
    .limit(1);
  return row ?? null;
}

/** The providers a client is shared with (the provider serving them when no plan exists yet). */
export async function providersSharedWith(q: Queryable, clientId: string) {
  return q
    .select({ organizationId: clientShares.organizationId })
    .from(clientShares)
    .innerJoin(organizations, eq(organizations.id, clientShares.organizationId))
    .where(
      and(
        eq(clientShares.clientId, clientId),
        isNull(clientShares.revokedAt),
        eq(organizations.kind, 'provider'),
      ),
    )
    .orderBy(asc(clientShares.grantedAt));
}

export async function ssmOf(q: Queryable, catchmentId: string) {
  const [row] = await q
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.catchmentId, catchmentId), eq(organizations.kind, 'ssm')))
    .orderBy(asc(organizations.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** A plan item, if it is on one of this client's plans. */
export async function planItemOfClient(q: Queryable, itemId: string, clientId: string) {
  const [row] = await q
    .select({ id: planItems.id, planId: planItems.planId, planStatus: plans.status })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(and(eq(planItems.id, itemId), eq(plans.clientId, clientId)));
  return row ?? null;
}

export async function insertPlanEvent(q: Queryable, event: typeof planEvents.$inferInsert) {
  await q.insert(planEvents).values(event);
}

// ───────────────────────────── Notes and templates ─────────────────────────────

const author = aliasedTable(users, 'note_author');
const authorOrg = aliasedTable(organizations, 'note_author_org');

const noteColumns = {
  note: caseNotes,
  authorName: author.displayName,
  organizationName: authorOrg.name,
  itemNameEn: planItemCatalogue.nameEn,
  itemCustomTitleSealed: planItems.customTitleSealed,
};

function noteQuery(q: Queryable) {
  return q
    .select(noteColumns)
    .from(caseNotes)
    .innerJoin(author, eq(author.id, caseNotes.authorUserId))
    .innerJoin(authorOrg, eq(authorOrg.id, caseNotes.organizationId))
    .leftJoin(planItems, eq(planItems.id, caseNotes.planItemId))
    .leftJoin(planItemCatalogue, eq(planItemCatalogue.id, planItems.catalogueItemId));
}
export type NoteRow = Awaited<ReturnType<typeof notesOfClient>>[number];

export async function notesOfClient(
  q: Queryable,
  clientId: string,
  filter: {
    visibility?: NoteVisibility | undefined;
    planItemId?: string | undefined;
    /** I2: only internal notes of this organization (and every shared note) are listed. */
    internalOfOrganization?: string | undefined;
    sharedOnly?: boolean;
  },
) {
  const where: SQL[] = [eq(caseNotes.clientId, clientId)];
  if (filter.visibility) where.push(eq(caseNotes.visibility, filter.visibility));
  if (filter.planItemId) where.push(eq(caseNotes.planItemId, filter.planItemId));
  if (filter.sharedOnly) where.push(eq(caseNotes.visibility, 'shared_with_sa'));
  if (filter.internalOfOrganization)
    where.push(
      sql`(${caseNotes.visibility} = 'shared_with_sa' or ${caseNotes.organizationId} = ${filter.internalOfOrganization})`,
    );
  return noteQuery(q)
    .where(and(...where))
    .orderBy(desc(caseNotes.seq));
}

export async function findNote(q: Queryable, noteId: string) {
  const [row] = await noteQuery(q).where(eq(caseNotes.id, noteId));
  return row ?? null;
}

export async function insertNote(q: Queryable, values: typeof caseNotes.$inferInsert) {
  const [row] = await q.insert(caseNotes).values(values).returning({ id: caseNotes.id });
  return row!.id;
}

export type NoteTemplateRow = typeof noteTemplates.$inferSelect;

export async function templatesOf(q: Queryable, catchmentId: string, includeInactive: boolean) {
  return q
    .select()
    .from(noteTemplates)
    .where(
      and(
        eq(noteTemplates.catchmentId, catchmentId),
        includeInactive ? undefined : eq(noteTemplates.active, true),
      ),
    )
    .orderBy(asc(noteTemplates.titleEn));
}

export async function findTemplate(q: Queryable, id: string) {
  const [row] = await q.select().from(noteTemplates).where(eq(noteTemplates.id, id));
  return row ?? null;
}

export async function insertTemplate(q: Queryable, values: typeof noteTemplates.$inferInsert) {
  const [row] = await q.insert(noteTemplates).values(values).returning();
  return row!;
}

export async function updateTemplate(
  q: Queryable,
  id: string,
  values: Partial<typeof noteTemplates.$inferInsert>,
) {
  const [row] = await q
    .update(noteTemplates)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(noteTemplates.id, id))
    .returning();
  return row!;
}

// ───────────────────────────── Tasks ─────────────────────────────

const assignee = aliasedTable(users, 'task_assignee');

function taskQuery(q: Queryable) {
  return q
    .select({
      task: tasks,
      client: clientColumns,
      wrappedKey: clientDataKeys.wrappedKey,
      assigneeName: assignee.displayName,
    })
    .from(tasks)
    .innerJoin(clients, eq(clients.id, tasks.clientId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, clients.id))
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeUserId));
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

export async function listTasks(
  q: Queryable,
  visibility: ClientVisibility,
  filter: {
    organizationId: string;
    assigneeUserId?: string | undefined;
    status?: TaskStatus | undefined;
    clientId?: string | undefined;
  },
) {
  const where: SQL[] = [eq(tasks.organizationId, filter.organizationId), clientScope(visibility)];
  if (filter.assigneeUserId) where.push(eq(tasks.assigneeUserId, filter.assigneeUserId));
  if (filter.status) where.push(eq(tasks.status, filter.status));
  if (filter.clientId) where.push(eq(tasks.clientId, filter.clientId));
  return taskQuery(q)
    .where(and(...where))
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt))
    .limit(1000);
}

export async function findTask(
  q: Queryable,
  visibility: ClientVisibility,
  organizationId: string,
  id: string,
) {
  const [row] = await taskQuery(q).where(
    and(eq(tasks.id, id), eq(tasks.organizationId, organizationId), clientScope(visibility)),
  );
  return row ?? null;
}

export async function insertTask(q: Queryable, values: typeof tasks.$inferInsert) {
  const [row] = await q.insert(tasks).values(values).returning({ id: tasks.id });
  return row!.id;
}

export async function updateTask(q: Queryable, id: string, values: Partial<typeof tasks.$inferInsert>) {
  await q
    .update(tasks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(tasks.id, id));
}

// ───────────────────────────── Caseloads ─────────────────────────────

const caseworker = aliasedTable(users, 'caseload_caseworker');

/**
 * J9: one row per client of a caseload (or the provider's unassigned clients) with everything the
 * caseload shows — open plan, task counts, last contact — in a single query: the aggregates are
 * correlated subqueries on indexed columns, so 150 clients cost one round trip.
 */
export async function caseloadRows(
  q: Queryable,
  visibility: ClientVisibility,
  filter: {
    organizationId: string;
    /** A caseworker's caseload; null for every assigned client of the provider. */
    caseworkerUserId: string | null;
    /** The provider's clients nobody carries (the lead's board). */
    unassigned?: boolean;
    clientId?: string;
    today: string;
  },
) {
  const org = filter.organizationId;
  const openTasks = sql`${tasks.clientId} = ${clients.id} and ${tasks.organizationId} = ${org} and ${tasks.status} = 'open'`;
  const assignment = and(
    eq(caseloadAssignments.clientId, clients.id),
    eq(caseloadAssignments.organizationId, org),
    isNull(caseloadAssignments.endedAt),
  );
  const where: SQL[] = [clientScope(visibility), isNull(clients.purgedAt)];
  if (filter.unassigned) where.push(isNull(caseloadAssignments.id));
  else where.push(sql`${caseloadAssignments.id} is not null`);
  if (filter.caseworkerUserId) where.push(eq(caseloadAssignments.caseworkerUserId, filter.caseworkerUserId));
  if (filter.clientId) where.push(eq(clients.id, filter.clientId));
  return q
    .select({
      client: clientColumns,
      assignedAt: caseloadAssignments.assignedAt,
      caseworkerId: caseloadAssignments.caseworkerUserId,
      caseworkerName: caseworker.displayName,
      planId: plans.id,
      planReference: plans.reference,
      planStatus: plans.status,
      planStream: plans.stream,
      planOutcomeRecordedAt: plans.outcomeRecordedAt,
      planFinalCheckpointCompletedAt: plans.finalCheckpointCompletedAt,
      openTasks: sql<number>`(select count(*) from ${tasks} where ${openTasks})`.mapWith(Number),
      overdueTasks:
        sql<number>`(select count(*) from ${tasks} where ${openTasks} and ${tasks.dueOn} < ${filter.today}::date)`.mapWith(
          Number,
        ),
      nextDueOn: sql<string | null>`(select min(${tasks.dueOn})::text from ${tasks} where ${openTasks})`,
      lastContactAt:
        sql<Date | null>`(select max(${caseNotes.at}) from ${caseNotes} where ${caseNotes.clientId} = ${clients.id} and ${caseNotes.organizationId} = ${org} and ${caseNotes.contactChannel} is not null)`.mapWith(
          (v: string | Date | null) => (v === null ? null : new Date(v)),
        ),
    })
    .from(clients)
    .leftJoin(caseloadAssignments, assignment)
    .leftJoin(caseworker, eq(caseworker.id, caseloadAssignments.caseworkerUserId))
    .leftJoin(plans, and(eq(plans.clientId, clients.id), ne(plans.status, 'closed')))
    .where(and(...where))
    .orderBy(asc(clients.legalFamilyName), asc(clients.legalGivenName))
    .limit(2000);
}
export type CaseloadRow = Awaited<ReturnType<typeof caseloadRows>>[number];

// ───────────────────────────── ICM events ─────────────────────────────

const eventOrg = aliasedTable(organizations, 'icm_event_org');
const eventUser = aliasedTable(users, 'icm_event_user');

export async function icmEventsOf(q: Queryable, clientId: string) {
  return q
    .select({
      id: icmEvents.id,
      at: icmEvents.at,
      kind: icmEvents.kind,
      detail: icmEvents.detail,
      seq: icmEvents.seq,
      userId: icmEvents.userId,
      organizationName: eventOrg.name,
      userName: eventUser.displayName,
    })
    .from(icmEvents)
    .innerJoin(eventOrg, eq(eventOrg.id, icmEvents.organizationId))
    .innerJoin(eventUser, eq(eventUser.id, icmEvents.userId))
    .where(eq(icmEvents.clientId, clientId))
    .orderBy(desc(icmEvents.seq))
    .limit(500);
}

export async function seenSeqOf(q: Queryable, userId: string, clientId: string): Promise<number> {
  const [row] = await q
    .select({ seenSeq: icmEventReads.seenSeq })
    .from(icmEventReads)
    .where(and(eq(icmEventReads.userId, userId), eq(icmEventReads.clientId, clientId)));
  return row?.seenSeq ?? 0;
}

export async function markIcmEventsSeen(q: Queryable, userId: string, clientId: string): Promise<void> {
  const [last] = await q
    .select({ seq: sql<number>`coalesce(max(${icmEvents.seq}), 0)`.mapWith(Number) })
    .from(icmEvents)
    .where(eq(icmEvents.clientId, clientId));
  await q
    .insert(icmEventReads)
    .values({ userId, clientId, seenSeq: last?.seq ?? 0 })
    .onConflictDoUpdate({
      target: [icmEventReads.userId, icmEventReads.clientId],
      set: { seenSeq: sql`greatest(${icmEventReads.seenSeq}, excluded.seen_seq)` },
    });
}

/** The SA caseworker's shared clients with the counts their list shows, in one query. */
export async function sharedClientRows(q: Queryable, visibility: ClientVisibility, userId: string) {
  const seen = sql`coalesce((select ${icmEventReads.seenSeq} from ${icmEventReads} where ${icmEventReads.userId} = ${userId} and ${icmEventReads.clientId} = ${clients.id}), 0)`;
  return (
    q
      .select({
        client: clientColumns,
        planId: plans.id,
        planReference: plans.reference,
        planStatus: plans.status,
        planOrganizationId: plans.organizationId,
        planOutcomeRecordedAt: plans.outcomeRecordedAt,
        planFinalCheckpointCompletedAt: plans.finalCheckpointCompletedAt,
        newEvents:
          sql<number>`(select count(*) from ${icmEvents} where ${icmEvents.clientId} = ${clients.id} and ${icmEvents.userId} <> ${userId} and ${icmEvents.seq} > ${seen})`.mapWith(
            Number,
          ),
        openConferences:
          sql<number>`(select count(*) from ${caseConferences} where ${caseConferences.clientId} = ${clients.id} and ${caseConferences.status} in ('requested', 'in_discussion'))`.mapWith(
            Number,
          ),
        lastSharedCommentAt:
          sql<Date | null>`(select max(${caseNotes.at}) from ${caseNotes} where ${caseNotes.clientId} = ${clients.id} and ${caseNotes.visibility} = 'shared_with_sa')`.mapWith(
            (v: string | Date | null) => (v === null ? null : new Date(v)),
          ),
      })
      .from(clients)
      .leftJoin(plans, and(eq(plans.clientId, clients.id), ne(plans.status, 'closed')))
      .where(and(clientScope(visibility), isNull(clients.purgedAt)))
      // Clients whose plan SA follows come first (I1: ICM starts with the plan), then those a plan is
      // being built for, then the rest of the office's shared clients.
      .orderBy(
        sql`case when ${plans.status} in ('active', 'active_on_hold') then 0 when ${plans.id} is not null then 1 else 2 end`,
        asc(clients.legalFamilyName),
        asc(clients.legalGivenName),
      )
      .limit(2000)
  );
}

/** The current caseworker at each provider of these clients (for the SA's shared-clients list). */
export async function currentCaseworkersOf(q: Queryable, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return q
    .select({
      clientId: caseloadAssignments.clientId,
      organizationId: caseloadAssignments.organizationId,
      name: users.displayName,
    })
    .from(caseloadAssignments)
    .innerJoin(users, eq(users.id, caseloadAssignments.caseworkerUserId))
    .where(and(inArray(caseloadAssignments.clientId, [...clientIds]), isNull(caseloadAssignments.endedAt)));
}

/** The first provider each client is shared with, for clients without a plan yet. */
export async function sharedProvidersOf(q: Queryable, clientIds: readonly string[]) {
  if (!clientIds.length) return [];
  return q
    .select({ clientId: clientShares.clientId, organizationId: clientShares.organizationId })
    .from(clientShares)
    .innerJoin(organizations, eq(organizations.id, clientShares.organizationId))
    .where(
      and(
        inArray(clientShares.clientId, [...clientIds]),
        isNull(clientShares.revokedAt),
        eq(organizations.kind, 'provider'),
      ),
    )
    .orderBy(asc(clientShares.grantedAt));
}

// ───────────────────────────── Case conferences ─────────────────────────────

export type ConferenceRow = typeof caseConferences.$inferSelect;
export type ConferenceMessageRow = typeof caseConferenceMessages.$inferSelect;

export async function listConferences(
  q: Queryable,
  visibility: ClientVisibility,
  filter: { clientId?: string; id?: string; statuses?: readonly ConferenceStatus[] },
) {
  const where: SQL[] = [clientScope(visibility)];
  if (filter.clientId) where.push(eq(caseConferences.clientId, filter.clientId));
  if (filter.id) where.push(eq(caseConferences.id, filter.id));
  if (filter.statuses) where.push(inArray(caseConferences.status, [...filter.statuses]));
  return q
    .select({ conference: caseConferences, client: clientColumns, wrappedKey: clientDataKeys.wrappedKey })
    .from(caseConferences)
    .innerJoin(clients, eq(clients.id, caseConferences.clientId))
    .leftJoin(clientDataKeys, eq(clientDataKeys.clientId, clients.id))
    .where(and(...where))
    .orderBy(desc(caseConferences.requestedAt))
    .limit(500);
}
export type ConferenceListRow = Awaited<ReturnType<typeof listConferences>>[number];

export async function messagesOf(q: Queryable, conferenceIds: readonly string[]) {
  if (!conferenceIds.length) return [];
  return q
    .select()
    .from(caseConferenceMessages)
    .where(inArray(caseConferenceMessages.conferenceId, [...conferenceIds]))
    .orderBy(asc(caseConferenceMessages.seq));
}

export async function insertConference(q: Queryable, values: typeof caseConferences.$inferInsert) {
  const [row] = await q.insert(caseConferences).values(values).returning({ id: caseConferences.id });
  return row!.id;
}

export async function insertConferenceMessage(
  q: Queryable,
  values: typeof caseConferenceMessages.$inferInsert,
) {
  await q.insert(caseConferenceMessages).values(values);
}

/**
 * Moves a conference on, only if it is still in the status it was read in: two parties answering
 * at once cannot both be "the first response". Returns whether the row changed.
 */
export async function updateConference(
  q: Queryable,
  id: string,
  fromStatus: ConferenceStatus,
  values: Partial<typeof caseConferences.$inferInsert>,
): Promise<boolean> {
  const rows = await q
    .update(caseConferences)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(caseConferences.id, id), eq(caseConferences.status, fromStatus)))
    .returning({ id: caseConferences.id });
  return rows.length === 1;
}

/** K5: conferences of a catchment requested in an instant range, with every message's author organization. */
export async function conferencesRequestedBetween(q: Queryable, catchmentId: string, from: Date, to: Date) {
  const rows = await q
    .select({ conference: caseConferences })
    .from(caseConferences)
    .where(
      and(
        eq(caseConferences.catchmentId, catchmentId),
        gte(caseConferences.requestedAt, from),
        lt(caseConferences.requestedAt, to),
      ),
    );
  const ids = rows.map((r) => r.conference.id);
  const messages = ids.length
    ? await q
        .select({
          conferenceId: caseConferenceMessages.conferenceId,
          organizationId: caseConferenceMessages.authorOrganizationId,
          at: caseConferenceMessages.at,
        })
        .from(caseConferenceMessages)
        .where(inArray(caseConferenceMessages.conferenceId, ids))
        .orderBy(asc(caseConferenceMessages.seq))
    : [];
  return { conferences: rows.map((r) => r.conference), messages };
}
