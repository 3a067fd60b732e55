import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { problemResponses } from '../http/problem.js';
import {
  catalogueCreateBody,
  catalogueItemParams,
  catalogueItemSchema,
  catalogueListSchema,
  catalogueQuery,
  catalogueUpdateBody,
  clientPlanParams,
  clientPlansSchema,
  closeBody,
  coverageSchema,
  createPlanBody,
  goalsBody,
  historySchema,
  itemBody,
  itemPatchBody,
  planDetailSchema,
  planItemParams,
  planParams,
  resumeBody,
  signatureBody,
  subGoalBody,
  summarySchema,
  trainingReferralBody,
} from './schemas.js';
import {
  activatePlan,
  addItem,
  addSubGoal,
  catalogueCoverageOf,
  changeCatalogueItem,
  changeItem,
  closePlan,
  createCatalogueItem,
  createPlan,
  getPlan,
  getSummary,
  listCatalogueItems,
  listClientPlans,
  planHistory,
  recordSignature,
  recordTrainingReferral,
  resumePlan,
  setGoals,
} from './service.js';

/** The Employment Action Plan (A1–A10, I2, M11) and the SSM's plan-item catalogue (A7). */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.services.db, crypto: app.services.crypto, now: app.services.now };
  const tags = ['plans'];
  const detail = { 200: planDetailSchema, ...problemResponses };
  const work = (summary: string) => ({ tags, summary, params: planParams, response: detail });

  app.get(
    '/plan-catalogue',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'The catchment’s plan-item catalogue, by sub-goal kind (A2, A7)',
        querystring: catalogueQuery,
        response: { 200: catalogueListSchema, ...problemResponses },
      },
    },
    async (request) => listCatalogueItems(deps, contextOf(request), request.query),
  );

  app.get(
    '/plan-catalogue/coverage',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'How many active catalogue items deliver each minimum service, and which have none (A7)',
        response: { 200: coverageSchema, ...problemResponses },
      },
    },
    async (request) => catalogueCoverageOf(deps, contextOf(request)),
  );

  app.post(
    '/plan-catalogue',
    {
      config: { access: 'plan_catalogue.manage' },
      schema: {
        tags,
        summary: 'Add a catalogue item (A7; a training program item is a ministry-delivered referral, A10)',
        body: catalogueCreateBody,
        response: { 201: catalogueItemSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCatalogueItem(deps, contextOf(request), request.body)),
  );

  app.patch(
    '/plan-catalogue/:catalogueItemId',
    {
      config: { access: 'plan_catalogue.manage' },
      schema: {
        tags,
        summary: 'Change or retire a catalogue item (A7)',
        params: catalogueItemParams,
        body: catalogueUpdateBody,
        response: { 200: catalogueItemSchema, ...problemResponses },
      },
    },
    async (request) =>
      changeCatalogueItem(deps, contextOf(request), request.params.catalogueItemId, request.body),
  );

  app.get(
    '/clients/:clientId/plans',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'A client’s action plans and whether one can be started now (A1; audited)',
        params: clientPlanParams,
        response: { 200: clientPlansSchema, ...problemResponses },
      },
    },
    async (request) => listClientPlans(deps, contextOf(request), request.params.clientId),
  );

  app.post(
    '/clients/:clientId/plans',
    {
      config: { access: 'plan.write' },
      schema: {
        tags,
        summary:
          'Start a draft plan from a submitted, segmented case-managed assessment (A1: one open plan per client, one plan per assessment)',
        params: clientPlanParams,
        body: createPlanBody,
        response: { 201: planDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPlan(deps, contextOf(request), request.params.clientId, request.body)),
  );

  app.get(
    '/plans/:planId',
    {
      config: { access: 'plan.read' },
      schema: work('An action plan (I2: SA reads non-draft plans only; audited)'),
    },
    async (request) => getPlan(deps, contextOf(request), request.params.planId),
  );

  app.put(
    '/plans/:planId/goals',
    {
      config: { access: 'plan.write' },
      schema: { ...work('Word the plan’s two goals (A2)'), body: goalsBody },
    },
    async (request) => setGoals(deps, contextOf(request), request.params.planId, request.body),
  );

  app.post(
    '/plans/:planId/sub-goals',
    {
      config: { access: 'plan.write' },
      schema: {
        ...work('Add a sub-goal under a goal, at any phase (A2, A4, R1)'),
        body: subGoalBody,
        response: { 201: planDetailSchema, ...detail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addSubGoal(deps, contextOf(request), request.params.planId, request.body)),
  );

  app.post(
    '/plans/:planId/items',
    {
      config: { access: 'plan.write' },
      schema: {
        ...work('Add a catalogue or Custom Basic Plan item to a sub-goal (A2, A4)'),
        body: itemBody,
        response: { 201: planDetailSchema, ...detail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addItem(deps, contextOf(request), request.params.planId, request.body)),
  );

  app.patch(
    '/plans/:planId/items/:itemId',
    {
      config: { access: 'plan.write' },
      schema: {
        tags,
        summary: 'Change an item’s status, outcome, cost or dates (A2, A4)',
        params: planItemParams,
        body: itemPatchBody,
        response: detail,
      },
    },
    async (request) =>
      changeItem(deps, contextOf(request), request.params.planId, request.params.itemId, request.body),
  );

  app.get(
    '/plans/:planId/summary',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary:
          'The plan summary the client reviews and signs; printing a draft records its revision (A3, A5)',
        params: planParams,
        response: { 200: summarySchema, ...problemResponses },
      },
    },
    async (request) => getSummary(deps, contextOf(request), request.params.planId),
  );

  app.post(
    '/plans/:planId/signature',
    {
      config: { access: 'plan.write' },
      schema: {
        ...work('Record the client’s signature of the printed summary, before activation only (A3)'),
        body: signatureBody,
      },
    },
    async (request) => recordSignature(deps, contextOf(request), request.params.planId, request.body),
  );

  app.post(
    '/plans/:planId/activate',
    {
      config: { access: 'plan.write' },
      schema: work('Activate a complete plan signed at its current revision (A2, A3)'),
    },
    async (request) => activatePlan(deps, contextOf(request), request.params.planId),
  );

  app.post(
    '/plans/:planId/training-referral',
    {
      config: { access: 'plan.write' },
      schema: {
        ...work('Record acceptance into a ministry-retained training program (A10: close or put on hold)'),
        body: trainingReferralBody,
      },
    },
    async (request) => recordTrainingReferral(deps, contextOf(request), request.params.planId, request.body),
  );

  app.post(
    '/plans/:planId/resume',
    {
      config: { access: 'plan.write' },
      schema: {
        ...work('The program ended: the training item is completed and attained, service resumes (A10)'),
        body: resumeBody,
      },
    },
    async (request) => resumePlan(deps, contextOf(request), request.params.planId, request.body),
  );

  app.post(
    '/plans/:planId/close',
    {
      config: { access: 'plan.write' },
      schema: {
        ...work('Close the plan with a reason the phase allows and a note for the SSM (A8, A9, M11)'),
        body: closeBody,
      },
    },
    async (request) => closePlan(deps, contextOf(request), request.params.planId, request.body),
  );

  app.get(
    '/plans/:planId/history',
    {
      config: { access: 'plan.read' },
      schema: {
        tags,
        summary: 'Every change to the plan, in order (A4; not shared with SA, I2; audited)',
        params: planParams,
        response: { 200: historySchema, ...problemResponses },
      },
    },
    async (request) => planHistory(deps, contextOf(request), request.params.planId),
  );
};
