import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { problemResponses } from '../http/problem.js';
import {
  approveBody,
  attestationDecisionSchema,
  attestationParams,
  checkpointParams,
  checkpointReviewSchema,
  fundingAgreementBody,
  fundingAgreementSchema,
  organizationParams,
  payBody,
  reasonBody,
  reviewQueueSchema,
  statementQuery,
  statementSchema,
} from './schemas.js';
import {
  approveCheckpoint,
  decideAttestation,
  getFundingAgreement,
  getStatement,
  payStatement,
  rejectCheckpoint,
  reviewQueue,
  setFundingAgreement,
  statementCsv,
} from './service.js';

/** Performance-based funding: the SSM's review, quarterly statements, payment and funding agreements (K4, K6, M5, M8–M10, F12). */
export const pbfRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.services.db, crypto: app.services.crypto, now: app.services.now };
  const tags = ['pbf'];

  app.get(
    '/pbf/review-queue',
    {
      config: { access: 'pbf.review' },
      schema: {
        tags,
        summary:
          'Checkpoints submitted for PBF review and attestations awaiting pre-approval, in the catchment (M9, M10)',
        response: { 200: reviewQueueSchema, ...problemResponses },
      },
    },
    async (request) => reviewQueue(deps, contextOf(request)),
  );

  app.post(
    '/pbf/checkpoints/:checkpointId/approve',
    {
      config: { access: 'pbf.review' },
      schema: {
        tags,
        summary:
          'Approve a submitted checkpoint; refused while a met outcome lacks sufficient evidence (M9, M10)',
        params: checkpointParams,
        body: approveBody,
        response: { 200: checkpointReviewSchema, ...problemResponses },
      },
    },
    async (request) => approveCheckpoint(deps, contextOf(request), request.params.checkpointId),
  );

  app.post(
    '/pbf/checkpoints/:checkpointId/reject',
    {
      config: { access: 'pbf.review' },
      schema: {
        tags,
        summary: 'Reject a submitted checkpoint, or reverse an approval not yet paid, with a reason (M9)',
        params: checkpointParams,
        body: reasonBody,
        response: { 200: checkpointReviewSchema, ...problemResponses },
      },
    },
    async (request) =>
      rejectCheckpoint(deps, contextOf(request), request.params.checkpointId, request.body.reason),
  );

  app.post(
    '/pbf/attestations/:attestationId/pre-approve',
    {
      config: { access: 'pbf.review' },
      schema: {
        tags,
        summary: 'Pre-approve an attestation; it counts once the lead employment staff has signed it (M10)',
        params: attestationParams,
        body: approveBody,
        response: { 200: attestationDecisionSchema, ...problemResponses },
      },
    },
    async (request) =>
      decideAttestation(deps, contextOf(request), request.params.attestationId, { preApprove: true }),
  );

  app.post(
    '/pbf/attestations/:attestationId/reject',
    {
      config: { access: 'pbf.review' },
      schema: {
        tags,
        summary: 'Reject an attestation request, with a reason (M10)',
        params: attestationParams,
        body: reasonBody,
        response: { 200: attestationDecisionSchema, ...problemResponses },
      },
    },
    async (request) =>
      decideAttestation(deps, contextOf(request), request.params.attestationId, {
        preApprove: false,
        reason: request.body.reason,
      }),
  );

  app.get(
    '/pbf/statements',
    {
      config: { access: 'pbf.read' },
      schema: {
        tags,
        summary:
          'A provider’s quarterly PBF statement: one line per client per checkpoint due in the quarter (K6)',
        querystring: statementQuery,
        response: { 200: statementSchema, ...problemResponses },
      },
    },
    async (request) => getStatement(deps, contextOf(request), request.query),
  );

  app.get(
    '/pbf/statements.csv',
    {
      config: { access: 'pbf.read' },
      schema: {
        tags,
        summary: 'The quarterly PBF statement as CSV, amounts in dollars (K6)',
        querystring: statementQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('text/csv'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { fileName, body } = statementCsv(await getStatement(deps, contextOf(request), request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .serializer((payload: unknown) => payload as string)
        .send(body);
    },
  );

  app.post(
    '/pbf/statements/pay',
    {
      config: { access: 'pbf.pay' },
      schema: {
        tags,
        summary: 'Mark every approved line of the provider’s quarter paid (K6)',
        body: payBody,
        response: { 200: statementSchema, ...problemResponses },
      },
    },
    async (request) => payStatement(deps, contextOf(request), request.body),
  );

  app.get(
    '/pbf/funding-agreements/:organizationId',
    {
      config: { access: 'pbf.read' },
      schema: {
        tags,
        summary: 'A provider’s PBF amounts by stream and checkpoint, or the defaults (K4, M8)',
        params: organizationParams,
        response: { 200: fundingAgreementSchema, ...problemResponses },
      },
    },
    async (request) => getFundingAgreement(deps, contextOf(request), request.params.organizationId),
  );

  app.put(
    '/pbf/funding-agreements/:organizationId',
    {
      config: { access: 'funding_agreement.manage' },
      schema: {
        tags,
        summary: 'Set a provider’s PBF amounts; its unpaid lines move to them, paid lines keep theirs (K4)',
        params: organizationParams,
        body: fundingAgreementBody,
        response: { 200: fundingAgreementSchema, ...problemResponses },
      },
    },
    async (request) =>
      setFundingAgreement(deps, contextOf(request), request.params.organizationId, request.body.amounts),
  );
};
