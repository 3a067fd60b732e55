/**
 * Problem details (RFC 9457). Every refusal the API gives is one of these, so clients can read
 * `status`, `code`, the business `rule` when one applies, and per-field `errors`.
 */
import { z } from 'zod';

export const fieldErrorSchema = z.object({
  field: z.string().describe('Where the problem is: "body.email", "params.clientId", "query.q"'),
  message: z.string(),
  code: z.string().optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().describe('Stable machine-readable reason, e.g. "validation_failed", "forbidden"'),
    rule: z.string().optional().describe('The domain rule id behind a business refusal, e.g. "E2"'),
    messageFr: z.string().optional().describe('The detail in French, for business-rule refusals'),
    errors: z.array(fieldErrorSchema).optional(),
    problems: z
      .array(z.object({ rule: z.string(), code: z.string(), en: z.string(), fr: z.string() }))
      .optional()
      .describe('Every rule a request breaks, in both languages, when a refusal names several (F1–F13)'),
    missing: z
      .array(z.string())
      .optional()
      .describe('What must be in place first, when a refusal lists it (F10 placement readiness)'),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly options: {
      detail?: string;
      rule?: string;
      messageFr?: string;
      errors?: FieldError[];
      problems?: { rule: string; code: string; en: string; fr: string }[];
      missing?: string[];
    } = {},
  ) {
    super(options.detail ?? title);
  }
}

export const notFound = (what: string) => new ProblemError(404, 'not_found', `${what} not found`);
export const forbidden = (detail = 'You do not have access to this.') =>
  new ProblemError(403, 'forbidden', 'Forbidden', { detail });
export const unauthenticated = () =>
  new ProblemError(401, 'unauthenticated', 'Sign-in required', { detail: 'Sign in to continue.' });
export const conflict = (code: string, detail: string, extra: { rule?: string; messageFr?: string } = {}) =>
  new ProblemError(409, code, 'Conflict', { detail, ...extra });
export const invalid = (field: string, message: string, code = 'invalid') =>
  new ProblemError(400, 'validation_failed', 'Invalid request', {
    detail: `${field}: ${message}`,
    errors: [{ field, message, code }],
  });

/**
 * A business-rule refusal: 422 naming the rule, in English and French (`F6: needs SSM
 * pre-approval`), with the fields at fault when there are any.
 */
export const refuse = (
  rule: string,
  en: string,
  fr: string,
  errors?: { field: string; message: string; code: string }[],
) =>
  new ProblemError(422, 'rule_refused', 'Refused by a program rule', {
    detail: `${rule}: ${en}`,
    rule,
    messageFr: `${rule} : ${fr}`,
    ...(errors ? { errors } : {}),
  });

/** A rule refusal about one field. */
export const refuseField = (rule: string, field: string, code: string, en: string, fr: string) =>
  refuse(rule, en, fr, [{ field, message: `${rule}: ${en}`, code }]);

/** Standard error responses every route documents, so the OpenAPI covers them too. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
  429: problemSchema,
} as const;
