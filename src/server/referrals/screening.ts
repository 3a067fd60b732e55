import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { screen } from '../../domain/eligibility/screening.js';
import { torontoDate } from '../../domain/calendar/index.js';
import { problemResponses } from '../http/problem.js';
import { screeningAnswersBody, screeningResultSchema } from './schemas.js';

/**
 * The screening tool for referrals made directly to SSM intake (pathway 2): the E1–E6 questions
 * and what they add up to, with the reason. It stores nothing: a referral stores its own screening
 * (POST /referrals with `screening`, or POST /referrals/:id/screening), computed the same way.
 */
export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/screening',
    {
      config: { access: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary:
          'Screen a person for case-managed service (E1–E6): eligible, self-directed only, or not eligible, and why',
        body: screeningAnswersBody,
        response: { 200: screeningResultSchema, ...problemResponses },
      },
    },
    async (request) => screen({ ...request.body, screenedOn: torontoDate(app.services.now()) }),
  );
};
