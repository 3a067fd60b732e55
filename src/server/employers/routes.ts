import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { problemResponses } from '../http/problem.js';
import {
  checklistBody,
  contactBody,
  employerBody,
  employerListQuery,
  employerListSchema,
  employerParams,
  employerPatchBody,
  employerViewSchema,
  locationBody,
  placementBody,
  placementEndBody,
  placementListSchema,
  placementParams,
  placementPatchBody,
  placementViewSchema,
  planParams,
  siteVisitBody,
} from './schemas.js';
import {
  addContact,
  addLocation,
  addSiteVisit,
  changeEmployer,
  changePlacement,
  createEmployer,
  createPlacement,
  endPlacement,
  getEmployer,
  getPlacement,
  listEmployers,
  listPlanPlacements,
  setChecklist,
} from './service.js';

/** Employers, site visits and placements (F10, F12, F13, F14). */
export const employerRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = {
    db: app.services.db,
    crypto: app.services.crypto,
    now: app.services.now,
    evidenceStore: app.services.evidenceStore,
  };
  const tags = ['employers'];
  const employer = { 200: employerViewSchema, ...problemResponses };
  const placement = { 200: placementViewSchema, ...problemResponses };

  app.get(
    '/employers',
    {
      config: { access: 'employer.read' },
      schema: {
        tags,
        summary: 'The catchment’s employers, with eligibility and the last in-person site visit (F10)',
        querystring: employerListQuery,
        response: { 200: employerListSchema, ...problemResponses },
      },
    },
    async (request) => listEmployers(deps, contextOf(request), request.query.search),
  );

  app.post(
    '/employers',
    {
      config: { access: 'employer.manage' },
      schema: {
        tags,
        summary:
          'Register an employer (Employer Registration Form, F10); the registering provider manages it',
        body: employerBody,
        response: { 201: employerViewSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createEmployer(deps, contextOf(request), request.body)),
  );

  app.get(
    '/employers/:employerId',
    {
      config: { access: 'employer.read' },
      schema: {
        tags,
        summary:
          'An employer’s file: details, checklist, contacts, locations, site visits and the placements the reader may see (F10; audited)',
        params: employerParams,
        response: employer,
      },
    },
    async (request) => getEmployer(deps, contextOf(request), request.params.employerId),
  );

  app.patch(
    '/employers/:employerId',
    {
      config: { access: 'employer.manage' },
      schema: {
        tags,
        summary: 'Change an employer’s registration details (the registering provider only)',
        params: employerParams,
        body: employerPatchBody,
        response: employer,
      },
    },
    async (request) => changeEmployer(deps, contextOf(request), request.params.employerId, request.body),
  );

  app.put(
    '/employers/:employerId/checklist',
    {
      config: { access: 'employer.manage' },
      schema: {
        tags,
        summary: 'Record the F10 eligibility checklist, checked today by the actor',
        params: employerParams,
        body: checklistBody,
        response: employer,
      },
    },
    async (request) => setChecklist(deps, contextOf(request), request.params.employerId, request.body),
  );

  app.post(
    '/employers/:employerId/contacts',
    {
      config: { access: 'employer.manage' },
      schema: {
        tags,
        summary: 'Add a contact person',
        params: employerParams,
        body: contactBody,
        response: employer,
      },
    },
    async (request) => addContact(deps, contextOf(request), request.params.employerId, request.body),
  );

  app.post(
    '/employers/:employerId/locations',
    {
      config: { access: 'employer.manage' },
      schema: {
        tags,
        summary: 'Add a work site',
        params: employerParams,
        body: locationBody,
        response: employer,
      },
    },
    async (request) => addLocation(deps, contextOf(request), request.params.employerId, request.body),
  );

  app.post(
    '/employers/:employerId/site-visits',
    {
      config: { access: 'employer.manage' },
      schema: {
        tags,
        summary:
          'Record a site visit (F10: an in-person visit within 12 months before a placement is required)',
        params: employerParams,
        body: siteVisitBody,
        response: employer,
      },
    },
    async (request) => addSiteVisit(deps, contextOf(request), request.params.employerId, request.body),
  );

  app.get(
    '/plans/:planId/placements',
    {
      config: { access: 'employer.read' },
      schema: {
        tags,
        summary: 'The plan’s employer placements (F10; audited)',
        params: planParams,
        response: { 200: placementListSchema, ...problemResponses },
      },
    },
    async (request) => listPlanPlacements(deps, contextOf(request), request.params.planId),
  );

  app.post(
    '/plans/:planId/placements',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary:
          'Set up a placement with its employer support, in one step (F1, F4, F6, F9, F10; F12/F14 once approved)',
        params: planParams,
        body: placementBody,
        response: { 201: placementViewSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createPlacement(deps, contextOf(request), request.params.planId, request.body)),
  );

  app.get(
    '/placements/:placementId',
    {
      config: { access: 'employer.read' },
      schema: {
        tags,
        summary:
          'A placement: agreement, readiness (F10), report deadline (F13) and its employer support (audited)',
        params: placementParams,
        response: placement,
      },
    },
    async (request) => getPlacement(deps, contextOf(request), request.params.placementId),
  );

  app.patch(
    '/placements/:placementId',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary:
          'Record the agreement or consent signature, change the agreed end or the schedule (F10, F12)',
        params: placementParams,
        body: placementPatchBody,
        response: placement,
      },
    },
    async (request) => changePlacement(deps, contextOf(request), request.params.placementId, request.body),
  );

  app.post(
    '/placements/:placementId/end',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary:
          'Record the placement’s actual end: the employer support is due for report 15 business days later (F13, F12)',
        params: placementParams,
        body: placementEndBody,
        response: placement,
      },
    },
    async (request) => endPlacement(deps, contextOf(request), request.params.placementId, request.body),
  );
};
