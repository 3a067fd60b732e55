import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { problemResponses, problemSchema } from '../http/problem.js';
import { fiscalYearOfPath, listBudgets, setBudget } from './budgets.js';
import {
  approvalsSchema,
  budgetBody,
  budgetParams,
  budgetQuery,
  budgetRowSchema,
  budgetsSchema,
  cancelBody,
  clientParams,
  clientSupportsSchema,
  issueBody,
  planParams,
  planSupportsSchema,
  preApprovalBody,
  previewSchema,
  reportBody,
  reviewBody,
  supportBody,
  supportEvidenceBody,
  supportEvidenceParams,
  supportParams,
  supportViewSchema,
} from './schemas.js';
import {
  approvalsQueue,
  cancelSupport,
  clientInput,
  clientSupports,
  decidePreApproval,
  getSupport,
  issueSupport,
  planSupports,
  previewSupport,
  reportSupport,
  requestStatusQuoSupport,
  requestSupport,
  reviewSupport,
  supportEvidenceFile,
  uploadSupportEvidence,
} from './service.js';

/** Evidence arrives as base64 in JSON: 5 MB of file is about 6.7 MB of text (as monitoring's). */
const EVIDENCE_BODY_LIMIT = 8 * 1024 * 1024;

/** Financial supports, SSM approvals and budgets (F1–F9, F11, F13, I3). */
export const supportRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = {
    db: app.services.db,
    crypto: app.services.crypto,
    now: app.services.now,
    evidenceStore: app.services.evidenceStore,
  };
  const tags = ['supports'];
  const view = { 200: supportViewSchema, ...problemResponses };

  app.get(
    '/plans/:planId/supports',
    {
      config: { access: 'support.read' },
      schema: {
        tags,
        summary: 'The plan’s financial supports, the client’s F6 total and what a request links to (audited)',
        params: planParams,
        response: { 200: planSupportsSchema, ...problemResponses },
      },
    },
    async (request) => planSupports(deps, contextOf(request), request.params.planId),
  );

  app.post(
    '/plans/:planId/supports/preview',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary: 'What a request would meet (F6 pre-approval reasons, F1–F9 problems), without writing it',
        params: planParams,
        body: supportBody,
        response: { 200: previewSchema, ...problemResponses },
      },
    },
    async (request) =>
      previewSupport(deps, contextOf(request), request.params.planId, clientInput(request.body)),
  );

  app.post(
    '/plans/:planId/supports',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary:
          'Request a financial support on the plan (F1, F4–F9; F6 decides whether the SSM pre-approves)',
        params: planParams,
        body: supportBody,
        response: { 201: supportViewSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await requestSupport(
        deps,
        contextOf(request),
        request.params.planId,
        clientInput(request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/clients/:clientId/supports',
    {
      config: { access: 'support.read' },
      schema: {
        tags,
        summary:
          'A client’s financial supports across plans, and a status-quo client’s outside any plan (E7; audited)',
        params: clientParams,
        response: { 200: clientSupportsSchema, ...problemResponses },
      },
    },
    async (request) => clientSupports(deps, contextOf(request), request.params.clientId),
  );

  app.post(
    '/clients/:clientId/supports',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary: 'Request a financial support for a status-quo client, inside the F7 window (E7, F7)',
        params: clientParams,
        body: supportBody,
        response: { 201: supportViewSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await requestStatusQuoSupport(
        deps,
        contextOf(request),
        request.params.clientId,
        clientInput(request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/supports/approvals',
    {
      config: { access: 'support.approve' },
      schema: {
        tags,
        summary:
          'The SSM’s queue: pre-approvals with the rule that triggered each (F6), and reports to review (F11; audited)',
        response: { 200: approvalsSchema, ...problemResponses },
      },
    },
    async (request) => approvalsQueue(deps, contextOf(request)),
  );

  app.get(
    '/supports/:supportId',
    {
      config: { access: 'support.read' },
      schema: {
        tags,
        summary: 'One financial support; SA sees issued supports of shared clients only (I3; audited)',
        params: supportParams,
        response: view,
      },
    },
    async (request) => getSupport(deps, contextOf(request), request.params.supportId),
  );

  app.post(
    '/supports/:supportId/pre-approval',
    {
      config: { access: 'support.approve' },
      schema: {
        tags,
        summary: 'The SSM pre-approves or refuses a support (F6; a refusal says why)',
        params: supportParams,
        body: preApprovalBody,
        response: view,
      },
    },
    async (request) => decidePreApproval(deps, contextOf(request), request.params.supportId, request.body),
  );

  app.post(
    '/supports/:supportId/issue',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary:
          'Record that an approved support was issued and how it was paid; the F13 report clock starts (F6, F7, F10)',
        params: supportParams,
        body: issueBody,
        response: view,
      },
    },
    async (request) => issueSupport(deps, contextOf(request), request.params.supportId, request.body),
  );

  app.post(
    '/supports/:supportId/evidence',
    {
      bodyLimit: EVIDENCE_BODY_LIMIT,
      config: { access: 'support.request' },
      schema: {
        tags,
        summary:
          'Attach a receipt or invoice to a support’s report (PDF, JPEG, PNG or WebP up to 5 MB, base64; F13)',
        params: supportParams,
        body: supportEvidenceBody,
        response: { ...view, 413: problemSchema },
      },
    },
    async (request) =>
      uploadSupportEvidence(deps, contextOf(request), request.params.supportId, request.body),
  );

  app.get(
    '/support-evidence/:supportEvidenceId/file',
    {
      config: { access: 'support.read' },
      schema: {
        tags,
        summary:
          'A support’s evidence document, for the provider that filed it and the SSM’s approvers; not SA (I2, I3; audited)',
        params: supportEvidenceParams,
        response: {
          200: z.any().describe('The file, with its content type (PDF, JPEG, PNG or WebP)'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await supportEvidenceFile(deps, contextOf(request), request.params.supportEvidenceId);
      // The stored name is personal data: the download gets a neutral one.
      return reply
        .type(file.contentType)
        .header('content-disposition', `inline; filename="receipt.${file.extension}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.post(
    '/supports/:supportId/report',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary: 'Report an issued support to the SSM; refused without acceptable evidence (F13)',
        params: supportParams,
        body: reportBody,
        response: view,
      },
    },
    async (request) => reportSupport(deps, contextOf(request), request.params.supportId, request.body),
  );

  app.post(
    '/supports/:supportId/review',
    {
      config: { access: 'support.approve' },
      schema: {
        tags,
        summary:
          'The SSM approves a support’s report or withholds reimbursement with an F11 reason; lifts a withholding pending review',
        params: supportParams,
        body: reviewBody,
        response: view,
      },
    },
    async (request) => reviewSupport(deps, contextOf(request), request.params.supportId, request.body),
  );

  app.post(
    '/supports/:supportId/cancel',
    {
      config: { access: 'support.request' },
      schema: {
        tags,
        summary: 'Cancel a support before it is issued',
        params: supportParams,
        body: cancelBody,
        response: view,
      },
    },
    async (request) => cancelSupport(deps, contextOf(request), request.params.supportId, request.body),
  );

  app.get(
    '/budgets',
    {
      config: { access: 'budget.read' },
      schema: {
        tags: ['budgets'],
        summary: 'ERFS budgets of a fiscal year: a provider its own, the SSM every provider (F3, F7, F8)',
        querystring: budgetQuery,
        response: { 200: budgetsSchema, ...problemResponses },
      },
    },
    async (request) => listBudgets(deps, contextOf(request), request.query.fiscalYear),
  );

  app.put(
    '/budgets/:organizationId/:fiscalYear',
    {
      config: { access: 'budget.manage' },
      schema: {
        tags: ['budgets'],
        summary:
          'Set a provider’s ERFS allocation for a fiscal year (F3: reallocation at most 10% of operational funding)',
        params: budgetParams,
        body: budgetBody,
        response: { 200: budgetRowSchema, ...problemResponses },
      },
    },
    async (request) =>
      setBudget(
        deps,
        contextOf(request),
        request.params.organizationId,
        fiscalYearOfPath(request.params.fiscalYear),
        request.body,
      ),
  );
};
