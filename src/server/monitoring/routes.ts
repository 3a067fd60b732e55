import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/plugin.js';
import { problemResponses, problemSchema } from '../http/problem.js';
import {
  attestationBody,
  attestationParams,
  checkpointBody,
  checkpointParams,
  evidenceBody,
  evidenceParams,
  jobBody,
  jobParams,
  jobPatchBody,
  monitoringViewSchema,
  outcomeBody,
  planParams,
  supportPeriodBody,
  supportPeriodParams,
  supportPeriodPatchBody,
  worklistQuery,
  worklistSchema,
} from './schemas.js';
import {
  addJob,
  addSupportPeriod,
  changeJob,
  changeSupportPeriod,
  checkpointKindOf,
  checkpointWorklist,
  evidenceFile,
  getMonitoring,
  recordCheckpoint,
  recordOutcome,
  requestAttestation,
  signAttestation,
  submitCheckpoint,
  uploadEvidence,
  withdrawEvidence,
} from './service.js';

/** Evidence arrives as base64 in JSON: 5 MB of file is about 6.7 MB of text. */
const EVIDENCE_BODY_LIMIT = 8 * 1024 * 1024;

/** Outcomes, jobs, checkpoints, evidence and attestations (M1–M10, A8, F12, F14, K3). */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = {
    db: app.services.db,
    crypto: app.services.crypto,
    now: app.services.now,
    evidenceStore: app.services.evidenceStore,
  };
  const tags = ['monitoring'];
  const view = { 200: monitoringViewSchema, ...problemResponses };

  app.get(
    '/plans/:planId/monitoring',
    {
      config: { access: 'monitoring.read' },
      schema: {
        tags,
        summary:
          'The client’s monitoring timeline: outcome, jobs, monitoring start and checkpoints (M1–M10; audited)',
        params: planParams,
        response: view,
      },
    },
    async (request) => getMonitoring(deps, contextOf(request), request.params.planId),
  );

  app.post(
    '/plans/:planId/outcome',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Record the end of pre-employment services, employed (with the jobs) or not employed (M1, M3, M4)',
        params: planParams,
        body: outcomeBody,
        response: view,
      },
    },
    async (request) => recordOutcome(deps, contextOf(request), request.params.planId, request.body),
  );

  app.post(
    '/plans/:planId/jobs',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Record a job as soon as it is known (M6; a funded job can start monitoring, M3, F14)',
        params: planParams,
        body: jobBody,
        response: view,
      },
    },
    async (request) => addJob(deps, contextOf(request), request.params.planId, request.body),
  );

  app.patch(
    '/plans/:planId/jobs/:jobId',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Change a job: its end, hours, wage, occupation or permanence (M6; M7 once checkpoints run)',
        params: jobParams,
        body: jobPatchBody,
        response: view,
      },
    },
    async (request) =>
      changeJob(deps, contextOf(request), request.params.planId, request.params.jobId, request.body),
  );

  app.post(
    '/plans/:planId/jobs/:jobId/employer-supports',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Record employer financial supports paid for a job (F12: PBF deferred while active)',
        params: jobParams,
        body: supportPeriodBody,
        response: view,
      },
    },
    async (request) =>
      addSupportPeriod(deps, contextOf(request), request.params.planId, request.params.jobId, request.body),
  );

  app.patch(
    '/plans/:planId/employer-supports/:periodId',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Record the end of employer supports (F12: deferred PBF is released retroactively)',
        params: supportPeriodParams,
        body: supportPeriodPatchBody,
        response: view,
      },
    },
    async (request) =>
      changeSupportPeriod(
        deps,
        contextOf(request),
        request.params.planId,
        request.params.periodId,
        request.body,
      ),
  );

  app.post(
    '/plans/:planId/checkpoints/:kind',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Record or correct a checkpoint contact and its Employment Status Questionnaire (M7, K3, M6)',
        params: checkpointParams,
        body: checkpointBody,
        response: view,
      },
    },
    async (request) =>
      recordCheckpoint(
        deps,
        contextOf(request),
        request.params.planId,
        checkpointKindOf(request.params.kind),
        request.body,
      ),
  );

  app.post(
    '/plans/:planId/checkpoints/:kind/submit',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Submit a PBF checkpoint to the SSM for review (M8, M9)',
        params: checkpointParams,
        response: view,
      },
    },
    async (request) =>
      submitCheckpoint(
        deps,
        contextOf(request),
        request.params.planId,
        checkpointKindOf(request.params.kind),
      ),
  );

  app.post(
    '/plans/:planId/checkpoints/:kind/attestation',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Request an attestation in place of evidence, after every attempt failed (M10)',
        params: checkpointParams,
        body: attestationBody,
        response: view,
      },
    },
    async (request) =>
      requestAttestation(
        deps,
        contextOf(request),
        request.params.planId,
        checkpointKindOf(request.params.kind),
        request.body,
      ),
  );

  app.post(
    '/attestations/:attestationId/sign',
    {
      config: { access: 'attestation.sign' },
      schema: {
        tags,
        summary: 'The provider’s lead employment staff signs an SSM pre-approved attestation (M10)',
        params: attestationParams,
        response: view,
      },
    },
    async (request) => signAttestation(deps, contextOf(request), request.params.attestationId),
  );

  app.post(
    '/plans/:planId/evidence',
    {
      bodyLimit: EVIDENCE_BODY_LIMIT,
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Upload an evidence document (pay stub, employer or offer letter; PDF, JPEG, PNG or WebP up to 5 MB, base64) with what it shows (M9)',
        params: planParams,
        body: evidenceBody,
        response: { ...view, 413: problemSchema },
      },
    },
    async (request) => uploadEvidence(deps, contextOf(request), request.params.planId, request.body),
  );

  app.get(
    '/evidence/:evidenceId/file',
    {
      config: { access: 'monitoring.read' },
      schema: {
        tags,
        summary:
          'The evidence document as uploaded, for the delivering provider and the SSM; not for SA (M9, I2; audited)',
        params: evidenceParams,
        response: {
          200: z.any().describe('The file, with its content type (PDF, JPEG, PNG or WebP)'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await evidenceFile(deps, contextOf(request), request.params.evidenceId);
      // The stored name is personal data: the download gets a neutral one.
      return reply
        .type(file.contentType)
        .header('content-disposition', `inline; filename="evidence.${file.extension}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.post(
    '/evidence/:evidenceId/withdraw',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary: 'Withdraw evidence filed in error, before the checkpoint is approved (M9)',
        params: evidenceParams,
        response: view,
      },
    },
    async (request) => withdrawEvidence(deps, contextOf(request), request.params.evidenceId),
  );

  app.get(
    '/checkpoints/worklist',
    {
      config: { access: 'monitoring.write' },
      schema: {
        tags,
        summary:
          'Checkpoints overdue, due this week, due later and coming up in 30 days, for my caseload or the provider (M7; audited)',
        querystring: worklistQuery,
        response: { 200: worklistSchema, ...problemResponses },
      },
    },
    async (request) => checkpointWorklist(deps, contextOf(request), request.query.scope),
  );
};
