import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../auth/plugin.js';
import { problemResponses } from '../http/problem.js';
import {
  assignBody,
  boardQuery,
  boardSchema,
  caseloadEntrySchema,
  caseloadQuery,
  caseloadSchema,
  caseNoteSchema,
  clientParams,
  conferenceBody,
  conferenceMessageBody,
  conferenceMetricsQuery,
  conferenceMetricsSchema,
  conferenceParams,
  conferenceSchema,
  conferencesQuery,
  conferencesSchema,
  icmEventsSchema,
  noteBody,
  noteParams,
  notesQuery,
  notesSchema,
  noteTemplateSchema,
  sharedClientsSchema,
  taskBody,
  taskParams,
  taskSchema,
  tasksQuery,
  tasksSchema,
  taskUpdateBody,
  templateCreateBody,
  templateParams,
  templatesQuery,
  templatesSchema,
  templateUpdateBody,
} from './schemas.js';
import {
  addConferenceMessage,
  assignCaseworker,
  caseload,
  caseloadBoard,
  changeTask,
  changeTemplate,
  conferenceMetrics,
  conferenceQueue,
  conferencesOfClient,
  createNote,
  createTask,
  createTemplate,
  getNote,
  icmEventsOfClient,
  listNotes,
  listTasksOf,
  listTemplates,
  markSeen,
  requestConference,
  sharedClients,
  withdrawConference,
} from './service.js';

/** Case management (J9, I2, I4, K5): notes, templates, tasks, caseloads, ICM events, case conferences. */
export const caseManagementRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.services.db, crypto: app.services.crypto, now: app.services.now };
  const tags = ['case management'];
  const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...problemResponses });
  const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...problemResponses });

  // ---- Notes (J9, I2) ----
  app.get(
    '/clients/:clientId/notes',
    {
      config: { access: 'case_note.read' },
      schema: {
        tags,
        summary:
          'A client’s case notes, newest first (I2: SA sees the shared plan-item comments only; audited)',
        params: clientParams,
        querystring: notesQuery,
        response: ok(notesSchema),
      },
    },
    async (request) => ({
      notes: await listNotes(deps, contextOf(request), request.params.clientId, request.query),
    }),
  );

  app.post(
    '/clients/:clientId/notes',
    {
      config: { access: 'case_note.write' },
      schema: {
        tags,
        summary:
          'Write a case note; a note shared with SA is a comment on one of the client’s plan items (I2)',
        params: clientParams,
        body: noteBody,
        response: created(caseNoteSchema),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createNote(deps, contextOf(request), request.params.clientId, request.body)),
  );

  app.get(
    '/notes/:noteId',
    {
      config: { access: 'case_note.read' },
      schema: {
        tags,
        summary: 'One case note (I2: an internal note is refused to SA with 403; audited)',
        params: noteParams,
        response: ok(caseNoteSchema),
      },
    },
    async (request) => getNote(deps, contextOf(request), request.params.noteId),
  );

  // ---- Note templates (I4) ----
  app.get(
    '/note-templates',
    {
      config: { access: 'case_note.read' },
      schema: {
        tags,
        summary: 'The SSM’s note templates (job aids) for consistent case notes, EN and FR',
        querystring: templatesQuery,
        response: ok(templatesSchema),
      },
    },
    async (request) => ({
      templates: await listTemplates(deps, contextOf(request), request.query.includeInactive ?? false),
    }),
  );

  app.post(
    '/note-templates',
    {
      config: { access: 'note_template.manage' },
      schema: {
        tags,
        summary: 'Add a note template (SSM)',
        body: templateCreateBody,
        response: created(noteTemplateSchema),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTemplate(deps, contextOf(request), request.body)),
  );

  app.patch(
    '/note-templates/:templateId',
    {
      config: { access: 'note_template.manage' },
      schema: {
        tags,
        summary: 'Change or retire a note template (SSM)',
        params: templateParams,
        body: templateUpdateBody,
        response: ok(noteTemplateSchema),
      },
    },
    async (request) => changeTemplate(deps, contextOf(request), request.params.templateId, request.body),
  );

  // ---- Tasks (J9) ----
  app.get(
    '/tasks',
    {
      config: { access: 'task.work' },
      schema: {
        tags,
        summary:
          'The provider’s tasks, by assignee, status and client, with their due state on Ontario’s date',
        querystring: tasksQuery,
        response: ok(tasksSchema),
      },
    },
    async (request) => ({ tasks: await listTasksOf(deps, contextOf(request), request.query) }),
  );

  app.post(
    '/clients/:clientId/tasks',
    {
      config: { access: 'task.work' },
      schema: {
        tags,
        summary: 'Add a task for a client (assigned to yourself unless you name a colleague)',
        params: clientParams,
        body: taskBody,
        response: created(taskSchema),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTask(deps, contextOf(request), request.params.clientId, request.body)),
  );

  app.patch(
    '/tasks/:taskId',
    {
      config: { access: 'task.work' },
      schema: {
        tags,
        summary: 'Complete, cancel, reopen, reschedule, retitle or reassign a task',
        params: taskParams,
        body: taskUpdateBody,
        response: ok(taskSchema),
      },
    },
    async (request) => changeTask(deps, contextOf(request), request.params.taskId, request.body),
  );

  // ---- Caseloads (J9) ----
  app.get(
    '/caseload',
    {
      config: { access: 'caseload.read' },
      schema: {
        tags,
        summary:
          'A caseworker’s caseload with outstanding tasks and last contact (a lead may name a colleague)',
        querystring: caseloadQuery,
        response: ok(caseloadSchema),
      },
    },
    async (request) => caseload(deps, contextOf(request), request.query),
  );

  app.get(
    '/caseload/board',
    {
      config: { access: 'caseload.assign' },
      schema: {
        tags,
        summary: 'The lead’s board: each caseworker’s load and the clients nobody carries',
        querystring: boardQuery,
        response: ok(boardSchema),
      },
    },
    async (request) => caseloadBoard(deps, contextOf(request), request.query.noContactDays),
  );

  app.put(
    '/clients/:clientId/caseworker',
    {
      config: { access: 'caseload.assign' },
      schema: {
        tags,
        summary:
          'Assign or reassign the client’s caseworker at your provider (I4: SA sees the change at once)',
        params: clientParams,
        body: assignBody,
        response: ok(caseloadEntrySchema),
      },
    },
    async (request) => assignCaseworker(deps, contextOf(request), request.params.clientId, request.body),
  );

  // ---- SA view (I2) and ICM events (I4) ----
  app.get(
    '/shared-clients',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary:
          'The SA caseworker’s shared clients: provider, caseworker, plan, new ICM events, open conferences',
        response: ok(sharedClientsSchema),
      },
    },
    async (request) => ({ clients: await sharedClients(deps, contextOf(request)) }),
  );

  app.get(
    '/clients/:clientId/icm-events',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'Changes either side must see at once (I4), newest first, with how many you have not seen',
        params: clientParams,
        response: ok(icmEventsSchema),
      },
    },
    async (request) => icmEventsOfClient(deps, contextOf(request), request.params.clientId),
  );

  app.post(
    '/clients/:clientId/icm-events/seen',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'Mark the client’s ICM events as seen',
        params: clientParams,
        response: { 204: z.undefined(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await markSeen(deps, contextOf(request), request.params.clientId);
      return reply.code(204).send();
    },
  );

  // ---- Case conferences (I4, K5) ----
  app.get(
    '/clients/:clientId/case-conferences',
    {
      config: { access: 'conference.take_part' },
      schema: {
        tags,
        summary: 'A client’s case conferences with their messages (audited)',
        params: clientParams,
        response: ok(conferencesSchema),
      },
    },
    async (request) => ({
      conferences: await conferencesOfClient(deps, contextOf(request), request.params.clientId),
    }),
  );

  app.get(
    '/case-conferences',
    {
      config: { access: 'conference.take_part' },
      schema: {
        tags,
        summary: 'Case conferences of the clients you see (SSM: the catchment), open, stalled or all',
        querystring: conferencesQuery,
        response: ok(conferencesSchema),
      },
    },
    async (request) => ({
      conferences: await conferenceQueue(deps, contextOf(request), request.query.status ?? 'open'),
    }),
  );

  app.get(
    '/case-conferences/metrics',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'K5 responsiveness to ICM requests per organization asked to answer, for a period',
        querystring: conferenceMetricsQuery,
        response: ok(conferenceMetricsSchema),
      },
    },
    async (request) => ({
      items: await conferenceMetrics(deps, contextOf(request), request.query.from, request.query.to),
    }),
  );

  app.post(
    '/clients/:clientId/case-conferences',
    {
      config: { access: 'conference.take_part' },
      schema: {
        tags,
        summary: 'Request a case conference (I4: SA, the provider or the SSM, by any channel)',
        params: clientParams,
        body: conferenceBody,
        response: created(conferenceSchema),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await requestConference(deps, contextOf(request), request.params.clientId, request.body)),
  );

  app.post(
    '/case-conferences/:conferenceId/messages',
    {
      config: { access: 'conference.take_part' },
      schema: {
        tags,
        summary: 'Reply in or decide a case conference (the first reply of another party is its response)',
        params: conferenceParams,
        body: conferenceMessageBody,
        response: ok(conferenceSchema),
      },
    },
    async (request) =>
      addConferenceMessage(deps, contextOf(request), request.params.conferenceId, request.body),
  );

  app.post(
    '/case-conferences/:conferenceId/withdraw',
    {
      config: { access: 'conference.take_part' },
      schema: {
        tags,
        summary: 'Withdraw a case conference request (its requester only, while open)',
        params: conferenceParams,
        response: ok(conferenceSchema),
      },
    },
    async (request) => withdrawConference(deps, contextOf(request), request.params.conferenceId),
  );
};
