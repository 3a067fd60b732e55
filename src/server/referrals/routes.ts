import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { problemResponses } from '../http/problem.js';
import {
  assignBody,
  rankedProviderSchema,
  referralCreateBody,
  referralListQuery,
  referralParams,
  referralSchema,
  referralSummarySchema,
} from './schemas.js';
import { assignReferral, createReferral, getReferral, listReferrals, suggestProviders } from './service.js';

/** Referrals into employment services: the three pathways (P1), SSM assignment with the matrix (P4). */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.services.db, crypto: app.services.crypto };
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
          'Referrals the actor may see: the SSM queue, a provider’s leads, an SA caseworker’s referrals',
        querystring: referralListQuery,
        response: { 200: listOf(referralSummarySchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await listReferrals(deps, contextOf(request), request.query) }),
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
};
