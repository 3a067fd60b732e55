import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldError, Problem } from './problem.js';
import { ProblemError } from './problem.js';
import { loggableError } from '../logging.js';

const TYPE_BASE = 'https://pathways.example/problems/';

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<Problem, 'type' | 'requestId'>,
) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ type: `${TYPE_BASE}${problem.code}`, ...problem, requestId: request.id });
}

/** Turns zod's issues into one entry per field, named "body.x.y" / "query.q" / "params.id". */
function zodFieldErrors(error: FastifyError): FieldError[] {
  // Fastify says "querystring"; the API's field names say "query" (query.name, body.sin, params.clientId).
  const context = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
  return (error.validation ?? []).map((v) => {
    const path = (v.instancePath ?? '').split('/').filter(Boolean).join('.');
    const params = (v.params ?? {}) as { issue?: { code?: string; message?: string } };
    return {
      field: path ? `${context}.${path}` : context,
      message: params.issue?.message ?? v.message ?? 'Invalid value',
      code: params.issue?.code ?? v.keyword,
    };
  });
}

/**
 * One error handler for the whole API. Known refusals become problem+json with the right 4xx; a
 * malformed request is always a 4xx naming the field; only a real fault is a 500, and its details
 * stay in the log (which carries no personal data) rather than in the response.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ProblemError) {
    return sendProblem(reply, request, {
      status: error.status,
      code: error.code,
      title: error.title,
      ...(error.options.detail ? { detail: error.options.detail } : {}),
      ...(error.options.rule ? { rule: error.options.rule } : {}),
      ...(error.options.messageFr ? { messageFr: error.options.messageFr } : {}),
      ...(error.options.errors ? { errors: error.options.errors } : {}),
      ...(error.options.problems ? { problems: error.options.problems } : {}),
      ...(error.options.missing ? { missing: error.options.missing } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    const errors = zodFieldErrors(error);
    return sendProblem(reply, request, {
      status: 400,
      code: 'validation_failed',
      title: 'Invalid request',
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    });
  }
  const dbCode = (error as { cause?: { code?: string } }).cause?.code;
  if (dbCode === '23505') {
    // A unique constraint caught a race the service's own check could not see.
    return sendProblem(reply, request, {
      status: 409,
      code: 'conflict',
      title: 'Conflict',
      detail: 'This record already exists.',
    });
  }
  if (dbCode === '22007' || dbCode === '22008' || dbCode === '22003') {
    // A date or number out of the database's range is still the caller's input, not a fault.
    return sendProblem(reply, request, {
      status: 400,
      code: 'out_of_range',
      title: 'Invalid request',
      detail: 'A value is outside the range the system accepts.',
    });
  }
  if (dbCode === '23503') {
    return sendProblem(reply, request, {
      status: 409,
      code: 'reference_conflict',
      title: 'Conflict',
      detail: 'A referenced record does not exist or is still in use.',
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error(
      { err: { message: error.message, issues: error.cause.issues } },
      'response failed its schema',
    );
    return sendProblem(reply, request, { status: 500, code: 'internal_error', title: 'Internal error' });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code =
      status === 429
        ? 'rate_limited'
        : status === 415
          ? 'unsupported_media_type'
          : status === 413
            ? 'payload_too_large'
            : 'bad_request';
    return sendProblem(reply, request, {
      status,
      code,
      title: status === 429 ? 'Too many requests' : 'Bad request',
      detail: error.message,
    });
  }
  request.log.error({ err: loggableError(error) }, 'unhandled error');
  return sendProblem(reply, request, { status: 500, code: 'internal_error', title: 'Internal error' });
}
