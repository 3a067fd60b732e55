import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { screen } from '../../domain/eligibility/screening.js';
import { torontoDate } from '../../domain/calendar/index.js';
import { isoDate } from '../http/common.js';
import { problemResponses } from '../http/problem.js';

const WORK_AUTHORIZATIONS = [
  'citizen',
  'permanent_resident',
  'awaiting_permanent_residence',
  'refugee_claimant',
  'emergency_travel_visitor',
  'temporary_foreign_worker',
  'international_student',
  'none',
] as const;

const screeningBody = z.object({
  dateOfBirth: isoDate,
  livesInOntario: z.boolean(),
  hasSin: z.boolean().describe('Has a SIN and is willing to give it (E2)'),
  sinTemporary: z.boolean().default(false).describe('A 900-series SIN (E4)'),
  workAuthorization: z.enum(WORK_AUTHORIZATIONS),
  workPermit: z.enum(['open', 'employer_specific', 'none', 'not_applicable']),
  secondarySchoolCompleted: z.boolean(),
  schoolExcusalProof: z.boolean().default(false).describe('E3: documented excusal from school'),
  currentlyEmployed: z.boolean().default(false),
  seekingSelfEmployment: z.boolean().default(false),
});

const reason = z.object({ rule: z.string(), code: z.string(), en: z.string(), fr: z.string() });
const screeningResult = z
  .object({
    outcome: z.enum(['case_managed_eligible', 'self_directed_only', 'not_eligible']),
    reasons: z.array(reason),
    notes: z.array(reason),
    consultSsm: z.boolean(),
  })
  .meta({ id: 'ScreeningResult' });

/**
 * The screening tool for referrals made directly to SSM intake (pathway 2): the E1–E6 questions
 * and what they add up to, with the reason. It stores nothing; the referral records the outcome.
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
        body: screeningBody,
        response: { 200: screeningResult, ...problemResponses },
      },
    },
    async (request) => screen({ ...request.body, screenedOn: torontoDate(app.services.now()) }),
  );
};
