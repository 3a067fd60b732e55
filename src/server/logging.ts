import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Personal data never reaches the logs. Bodies are never logged, URLs are logged without their query
 * string (searches carry names and SINs there), and any personal field that slips into a log call
 * is censored by name wherever it sits.
 */
export const PERSONAL_FIELDS = [
  'sin',
  'password',
  'currentPassword',
  'newPassword',
  'legalGivenName',
  'legalFamilyName',
  'preferredName',
  'givenName',
  'familyName',
  'dateOfBirth',
  'email',
  'phone',
  'address',
  'street',
  'samsMemberId',
  'q',
];

export const REDACT_PATHS = [
  ...PERSONAL_FIELDS,
  ...PERSONAL_FIELDS.map((f) => `*.${f}`),
  ...PERSONAL_FIELDS.map((f) => `*.*.${f}`),
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

interface LoggableRequest {
  id: string;
  method: string;
  url: string;
  routeOptions?: { url?: string };
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(req: LoggableRequest) {
        return { id: req.id, method: req.method, route: req.routeOptions?.url, path: req.url.split('?')[0] };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
    },
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

/**
 * An error as it may be logged. Database errors carry the failed query's parameters in their
 * message, and parameters are personal data, so only the SQL text and codes are kept.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: 'non-error thrown' };
  const cause = (error as { cause?: { code?: string; constraint?: string } }).cause;
  const query = (error as { query?: string }).query;
  const message = query !== undefined ? 'database query failed' : error.message;
  return {
    name: error.name,
    message,
    ...(query !== undefined ? { query } : {}),
    ...(cause?.code ? { dbCode: cause.code } : {}),
    ...(cause?.constraint ? { constraint: cause.constraint } : {}),
    stack: error.stack?.split('\n').slice(1, 8).join('\n'),
  };
}
