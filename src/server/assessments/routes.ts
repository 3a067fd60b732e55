import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consentNotice, CURRENT_NOTICE_VERSION, questionBank } from '../../domain/assessment/index.js';
import { contextOf } from '../auth/plugin.js';
import { listOf } from '../http/common.js';
import { notFound, problemResponses } from '../http/problem.js';
import {
  answersBody,
  assessmentDetailSchema,
  assessmentParams,
  assessmentWorklistSchema,
  assignProviderBody,
  bankParams,
  cancelBody,
  caseworkerBody,
  clientAssessmentParams,
  clientAssessmentsSchema,
  clientCopySchema,
  closeInErrorBody,
  consentNoticeSchema,
  consentReadingBody,
  createAssessmentBody,
  identityBody,
  noteBody,
  noticeParams,
  questionBankSchema,
  reassignBody,
  referBody,
  revocationBody,
  revocationParams,
  revocationSchema,
  serviceLevelBody,
  worklistQuery,
} from './schemas.js';
import {
  acknowledgeRevocation,
  addNote,
  answer,
  assessmentWorklist,
  assignCaseworker,
  assignProvider,
  cancelAssessment,
  clientCopy,
  closeInError,
  getAssessment,
  listClientAssessments,
  listConsentRevocations,
  reassignToSsm,
  recordConsentReading,
  referAssessment,
  removeRevokedData,
  revokeConsent,
  setServiceLevel,
  startAssessment,
  submitAssessment,
  verifyAssessmentIdentity,
} from './service.js';

/** The Common Assessment (C1–C12, S1–S5): consent, identity, M1, the SLD, M2, referral, submission. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = {
    db: app.services.db,
    crypto: app.services.crypto,
    now: app.services.now,
    segmentation: app.services.segmentation,
  };
  const tags = ['assessments'];
  const detail = { 200: assessmentDetailSchema, ...problemResponses };
  const work = (summary: string) => ({ tags, summary, params: assessmentParams, response: detail });

  app.get(
    '/assessments/question-banks/:version',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: 'A version of the question bank (C5): sections, questions, conditions, EN and FR',
        params: bankParams,
        response: { 200: questionBankSchema, ...problemResponses },
      },
    },
    async (request) => {
      const bank = questionBank(request.params.version);
      if (!bank) throw notFound('Question bank');
      return bank;
    },
  );

  app.get(
    '/assessments/consent-notice',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: 'The current Notice of Collection and Consent, to read verbatim (C3)',
        response: { 200: consentNoticeSchema, ...problemResponses },
      },
    },
    async () => consentNotice(CURRENT_NOTICE_VERSION)!,
  );

  app.get(
    '/assessments/consent-notices/:version',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: 'A version of the Notice of Collection and Consent (C3)',
        params: noticeParams,
        response: { 200: consentNoticeSchema, ...problemResponses },
      },
    },
    async (request) => {
      const notice = consentNotice(request.params.version);
      if (!notice) throw notFound('Consent notice');
      return notice;
    },
  );

  app.get(
    '/assessments/worklist',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary:
          'The actor’s assessments by bucket: in progress, referred (C6), aged 120 days (C9), service pending (S5), returned to the SSM (C10), submitted',
        querystring: worklistQuery,
        response: { 200: assessmentWorklistSchema, ...problemResponses },
      },
    },
    async (request) => assessmentWorklist(deps, contextOf(request), request.query.bucket),
  );

  app.get(
    '/clients/:clientId/assessments',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: 'A client’s assessments and consent (C1, C3; audited)',
        params: clientAssessmentParams,
        response: { 200: clientAssessmentsSchema, ...problemResponses },
      },
    },
    async (request) => listClientAssessments(deps, contextOf(request), request.params.clientId),
  );

  app.post(
    '/clients/:clientId/assessments',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        tags,
        summary:
          'Start an assessment after reading the notice (C3; no consent records nothing), or resume the in-progress one (C1: 200)',
        params: clientAssessmentParams,
        body: createAssessmentBody,
        response: { 201: assessmentDetailSchema, ...detail },
      },
    },
    async (request, reply) => {
      const result = await startAssessment(deps, contextOf(request), request.params.clientId, request.body);
      return reply.code(result.created ? 201 : 200).send(result.detail);
    },
  );

  app.get(
    '/assessments/:assessmentId',
    {
      config: { access: 'assessment.read' },
      schema: work('An assessment with its answers, notes and summary (audited)'),
    },
    async (request) => getAssessment(deps, contextOf(request), request.params.assessmentId),
  );

  app.patch(
    '/assessments/:assessmentId/answers',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Record answers (C5); null removes one. In progress only (C11), with consent (C3, C9)'),
        body: answersBody,
      },
    },
    async (request) => answer(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/consent-readings',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Record that the notice was read again and consent confirmed (C3, C9)'),
        body: consentReadingBody,
      },
    },
    async (request) =>
      recordConsentReading(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.put(
    '/assessments/:assessmentId/identity',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Record identity verification: photo ID, dual process or SA documentation (C4)'),
        body: identityBody,
      },
    },
    async (request) =>
      verifyAssessmentIdentity(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.put(
    '/assessments/:assessmentId/service-level',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Set the service level determination (S1–S5, E1–E6); not by SA (S2)'),
        body: serviceLevelBody,
      },
    },
    async (request) => setServiceLevel(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/notes',
    {
      config: { access: 'assessment.read' },
      schema: { ...work('Add a two-way note, from SA, the SSM or the provider (C7)'), body: noteBody },
    },
    async (request) => addNote(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/refer',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('SA refers the in-progress assessment to SSM intake once M1 is done (C6)'),
        body: referBody,
      },
    },
    async (request) => referAssessment(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.put(
    '/assessments/:assessmentId/caseworker',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Assign the assessment to a caseworker of the holder, at one of its sites (C6, C7)'),
        body: caseworkerBody,
      },
    },
    async (request) => assignCaseworker(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/submit',
    {
      config: { access: 'assessment.conduct' },
      schema: work(
        'Submit: every part checked, then segmented into a stream (C8); read-only afterwards (C11)',
      ),
    },
    async (request) => submitAssessment(deps, contextOf(request), request.params.assessmentId),
  );

  app.post(
    '/assessments/:assessmentId/cancel',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Cancel an in-progress assessment for one of the four reasons (C9)'),
        body: cancelBody,
      },
    },
    async (request) => cancelAssessment(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/reassign-to-ssm',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Return the in-progress assessment to the SSM, with the reason in the notes (C10)'),
        body: reassignBody,
      },
    },
    async (request) => reassignToSsm(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/assign-provider',
    {
      config: { access: 'assessment.assign' },
      schema: {
        ...work('SSM intake sends an assessment it holds to a provider (C6, C10)'),
        body: assignProviderBody,
      },
    },
    async (request) => assignProvider(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/close-in-error',
    {
      config: { access: 'assessment.conduct' },
      schema: {
        ...work('Close a submitted assessment in error; a new one replaces it (C11)'),
        body: closeInErrorBody,
      },
    },
    async (request) => closeInError(deps, contextOf(request), request.params.assessmentId, request.body),
  );

  app.get(
    '/assessments/:assessmentId/client-copy',
    {
      config: { access: 'assessment.read' },
      schema: {
        tags,
        summary: 'The client’s copy: their answers and the notice, never the stream or the score (C3, C8)',
        params: assessmentParams,
        response: { 200: clientCopySchema, ...problemResponses },
      },
    },
    async (request) => clientCopy(deps, contextOf(request), request.params.assessmentId),
  );

  app.post(
    '/clients/:clientId/consent/revocation',
    {
      config: { access: 'consent.revoke' },
      schema: {
        tags,
        summary:
          'The client withdraws consent (C3): the in-progress assessment is cancelled, sharing stops, the SSM is told',
        params: clientAssessmentParams,
        body: revocationBody,
        response: { 201: revocationSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await revokeConsent(deps, contextOf(request), request.params.clientId, request.body)),
  );

  app.get(
    '/consent-revocations',
    {
      config: { access: 'consent.removal' },
      schema: {
        tags,
        summary: 'Revocations of consent the SSM must act on (C3)',
        response: { 200: listOf(revocationSchema), ...problemResponses },
      },
    },
    async (request) => ({ items: await listConsentRevocations(deps, contextOf(request)) }),
  );

  app.post(
    '/consent-revocations/:revocationId/acknowledge',
    {
      config: { access: 'consent.removal' },
      schema: {
        tags,
        summary: 'The SSM acknowledges a revocation (C3)',
        params: revocationParams,
        response: { 200: revocationSchema, ...problemResponses },
      },
    },
    async (request) => acknowledgeRevocation(deps, contextOf(request), request.params.revocationId),
  );

  app.post(
    '/consent-revocations/:revocationId/remove',
    {
      config: { access: 'consent.removal' },
      schema: {
        tags,
        summary: 'Remove the person’s information: their data key is destroyed, names blanked (C3)',
        params: revocationParams,
        response: { 200: revocationSchema, ...problemResponses },
      },
    },
    async (request) => removeRevokedData(deps, contextOf(request), request.params.revocationId),
  );
};
