import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { problemResponses } from '../http/problem.js';
import { auditEntrySchema, auditQuery, auditVerifySchema, clientAuditParams } from './schemas.js';
import { clientAuditTrail, verifyChain } from './service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.services;
  const tags = ['audit'];

  app.get(
    '/clients/:clientId/audit',
    {
      config: { access: 'client.audit.read' },
      schema: {
        tags,
        summary: 'Who did what to a client’s record, newest first',
        params: clientAuditParams,
        querystring: auditQuery,
        response: { 200: listOf(auditEntrySchema), ...problemResponses },
      },
    },
    async (request) => ({
      items: await clientAuditTrail(
        db,
        contextOf(request),
        request.params.clientId,
        request.query.limit,
        request.query.before,
      ),
    }),
  );

  app.post(
    '/audit/verify',
    {
      config: { access: 'audit.verify' },
      schema: {
        tags,
        summary: 'Walk the hash chain of the whole audit log',
        response: { 200: auditVerifySchema, ...problemResponses },
      },
    },
    async () => verifyChain(db),
  );
};
