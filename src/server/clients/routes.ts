import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { problemResponses } from '../http/problem.js';
import {
  clientCreateBody,
  clientParams,
  clientSchema,
  clientSearchQuery,
  clientSearchResultSchema,
  clientUpdateBody,
  sinRevealSchema,
} from './schemas.js';
import { changeClient, createClient, readClient, revealSin, searchClients } from './service.js';

/** People served by the network. Every read and write is scoped by the policy and audited. */
export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.services.db, crypto: app.services.crypto, now: app.services.now };
  const tags = ['clients'];

  app.get(
    '/clients',
    {
      config: { access: 'client.search' },
      schema: {
        tags,
        summary: 'Search clients by name, date of birth and SIN, flagging likely duplicates (C1)',
        querystring: clientSearchQuery,
        response: { 200: listOf(clientSearchResultSchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await searchClients(deps, contextOf(request), request.query) }),
  );

  app.post(
    '/clients',
    {
      config: { access: 'client.create' },
      schema: {
        tags,
        summary: 'Add a client; refused when the SIN already belongs to someone (E2)',
        body: clientCreateBody,
        response: { 201: clientSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createClient(deps, contextOf(request), request.body)),
  );

  app.get(
    '/clients/:clientId',
    {
      config: { access: 'client.read' },
      schema: {
        tags,
        summary: 'A client’s record, SIN masked (audited)',
        params: clientParams,
        response: { 200: clientSchema, ...problemResponses },
      },
    },
    async (request) => readClient(deps, contextOf(request), request.params.clientId),
  );

  app.patch(
    '/clients/:clientId',
    {
      config: { access: 'client.update' },
      schema: {
        tags,
        summary: 'Change a client’s record',
        params: clientParams,
        body: clientUpdateBody,
        response: { 200: clientSchema, ...problemResponses },
      },
    },
    async (request) => changeClient(deps, contextOf(request), request.params.clientId, request.body),
  );

  app.post(
    '/clients/:clientId/reveal-sin',
    {
      config: { access: 'client.reveal_sin' },
      schema: {
        tags,
        summary: 'Show the full SIN to verify identity (audited)',
        params: clientParams,
        response: { 200: sinRevealSchema, ...problemResponses },
      },
    },
    async (request) => revealSin(deps, contextOf(request), request.params.clientId),
  );
};
