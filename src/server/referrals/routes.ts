import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { problemResponses } from '../http/problem.js';
import {
  appointmentBody,
  appointmentParams,
  assignBody,
  closeBody,
  attendanceBody,
  contactAttemptBody,
  decisionBody,
  metricsQuery,
  providerMetricsSchema,
  returnBody,
  rankedProviderSchema,
  referralCreateBody,
  referralListQuery,
  referralParams,
  referralSchema,
  referralSummarySchema,
  screeningAnswersBody,
  worklistSchema,
} from './schemas.js';
import {
  assignReferral,
  closeReferral,
  createReferral,
  decideReturn,
  getReferral,
  listReferrals,
  logContactAttempt,
  markSaCaseworkerContacted,
  offerAppointment,
  providerMetrics,
  recordAttendance,
  returnReferral,
  screenReferral,
  suggestProviders,
  worklist,
} from './service.js';

/** Referrals into employment services: the three pathways (P1), SSM assignment with the matrix (P4). */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.services.db, crypto: app.services.crypto, now: app.services.now };
  const tags = ['referrals'];

  app.post(
    '/referrals',
    {
      config: { access: 'referral.create' },
      schema: {
        tags,
        summary:
          'Refer a client: SA to SSM intake, SSM intake from a named source, or a provider’s walk-in (P1–P3)',
        body: referralCreateBody,
        response: { 201: referralSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReferral(deps, contextOf(request), request.body)),
  );

  app.get(
    '/referrals',
    {
      config: { access: 'referral.read' },
      schema: {
        tags,
        summary:
          'Referrals the actor may see, each in its worklist bucket with its clocks (P7, P11); the SSM’s and a provider’s most urgent first',
        querystring: referralListQuery,
        response: { 200: listOf(referralSummarySchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await listReferrals(deps, contextOf(request), request.query) }),
  );

  app.get(
    '/referrals/worklist',
    {
      config: { access: 'referral.read' },
      schema: {
        tags,
        summary:
          'The actor’s worklist: every bucket of their view (SSM intake, provider, SA) in display order, with its count',
        response: { 200: worklistSchema, ...problemResponses },
      },
    },
    async (request) => worklist(deps, contextOf(request)),
  );

  app.get(
    '/referrals/metrics',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary:
          'K5 per provider: response time to first contact (P7), returned and lost-contact rates, for a period',
        querystring: metricsQuery,
        response: { 200: listOf(providerMetricsSchema), ...problemResponses },
      },
    },
    async (request) => ({
      items: await providerMetrics(deps, contextOf(request), request.query.from, request.query.to),
    }),
  );

  app.get(
    '/referrals/:referralId',
    {
      config: { access: 'referral.read' },
      schema: {
        tags,
        summary: 'A referral with its timeline (audited)',
        params: referralParams,
        response: { 200: referralSchema, ...problemResponses },
      },
    },
    async (request) => getReferral(deps, contextOf(request), request.params.referralId),
  );

  app.get(
    '/referrals/:referralId/suggestions',
    {
      config: { access: 'referral.assign' },
      schema: {
        tags,
        summary:
          'The referral decision matrix’s ranking of providers, with the factors behind each place (P4, P6)',
        params: referralParams,
        response: { 200: listOf(rankedProviderSchema), ...problemResponses },
      },
    },
    async (request) => ({
      items: await suggestProviders(deps, contextOf(request), request.params.referralId),
    }),
  );

  app.post(
    '/referrals/:referralId/assign',
    {
      config: { access: 'referral.assign' },
      schema: {
        tags,
        summary:
          'Assign to a provider: the first suggestion, or another with a reason; a client choice binds (P3)',
        params: referralParams,
        body: assignBody,
        response: { 200: referralSchema, ...problemResponses },
      },
    },
    async (request) => assignReferral(deps, contextOf(request), request.params.referralId, request.body),
  );

  app.post(
    '/referrals/:referralId/screening',
    {
      config: { access: 'referral.assign' },
      schema: {
        tags,
        summary:
          'Screen a direct referral awaiting assignment (P2 pathway 2, E1–E6), e.g. one from the TRF list; the result is stored',
        params: referralParams,
        body: screeningAnswersBody,
        response: { 200: referralSchema, ...problemResponses },
      },
    },
    async (request) => screenReferral(deps, contextOf(request), request.params.referralId, request.body),
  );

  const work = (summary: string) => ({
    tags,
    summary,
    params: referralParams,
    response: { 200: referralSchema, ...problemResponses },
  });

  app.post(
    '/referrals/:referralId/contact-attempts',
    {
      config: { access: 'referral.work' },
      schema: { ...work('Log an attempt to reach the client (P7, P8)'), body: contactAttemptBody },
    },
    async (request) => logContactAttempt(deps, contextOf(request), request.params.referralId, request.body),
  );

  app.post(
    '/referrals/:referralId/appointments',
    {
      config: { access: 'referral.work' },
      schema: {
        ...work(
          'Offer an appointment, in person or virtual; a warm referral may invite the SA caseworker (P8, P9)',
        ),
        body: appointmentBody,
      },
    },
    async (request) => offerAppointment(deps, contextOf(request), request.params.referralId, request.body),
  );

  app.put(
    '/referrals/:referralId/appointments/:appointmentId/attendance',
    {
      config: { access: 'referral.work' },
      schema: {
        ...work('Record whether the client came to an appointment'),
        params: appointmentParams,
        body: attendanceBody,
      },
    },
    async (request) =>
      recordAttendance(
        deps,
        contextOf(request),
        request.params.referralId,
        request.params.appointmentId,
        request.body.attended,
      ),
  );

  app.post(
    '/referrals/:referralId/sa-caseworker-contacted',
    {
      config: { access: 'referral.work' },
      schema: work('Record that the SA caseworker was contacted about reaching the client (P8)'),
    },
    async (request) => markSaCaseworkerContacted(deps, contextOf(request), request.params.referralId),
  );

  app.post(
    '/referrals/:referralId/return',
    {
      config: { access: 'referral.work' },
      schema: {
        ...work(
          'Return the referral to SSM intake with one of the seven reasons (P10; P8 for "unable to contact")',
        ),
        body: returnBody,
      },
    },
    async (request) => returnReferral(deps, contextOf(request), request.params.referralId, request.body),
  );

  app.post(
    '/referrals/:referralId/close',
    {
      config: { access: 'referral.assign' },
      schema: {
        ...work(
          'SSM intake closes a referral without a provider: screened out (self-directed service offered), withdrawn, a duplicate, or other',
        ),
        body: closeBody,
      },
    },
    async (request) => closeReferral(deps, contextOf(request), request.params.referralId, request.body),
  );

  app.post(
    '/referrals/:referralId/decision',
    {
      config: { access: 'referral.assign' },
      schema: {
        ...work('Decide on a returned referral: back to SA, a case conference, or forward (P10)'),
        body: decisionBody,
      },
    },
    async (request) => decideReturn(deps, contextOf(request), request.params.referralId, request.body),
  );
};
