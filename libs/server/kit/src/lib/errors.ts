import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { PROBLEM_TYPES } from '@showroom/contracts';
import { loggableError, reportableError } from './loggable-error';
import { HttpProblem, problems, sendProblem } from './problem';

/** Network-level failures of a backing store: the dependency is down, not the request wrong. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'POOL_CLOSED',
]);

export function isConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
    if (current instanceof AggregateError && current.errors.some(isConnectionError)) return true;
    if ((current as Error).message === "Can't add new command when connection is in closed state")
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

interface JwtBearerError {
  status?: number;
  code?: string;
  headers?: Record<string, string>;
  message: string;
}

function isJwtBearerError(error: unknown): error is JwtBearerError {
  const name = (error as Error)?.name;
  return ['UnauthorizedError', 'InvalidTokenError', 'InsufficientScopeError', 'InvalidRequestError'].includes(
    name,
  );
}

/** Maps anything thrown in a request to a problem+json answer. */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const bodyError = error as BodyParserError;
  if (bodyError?.type === 'entity.parse.failed') {
    return new HttpProblem(
      400,
      PROBLEM_TYPES.malformedJson,
      'Malformed JSON',
      'The request body is not valid JSON.',
      [{ name: 'body', reason: 'is not valid JSON' }],
    );
  }
  if (bodyError?.type === 'entity.too.large') {
    return new HttpProblem(
      413,
      PROBLEM_TYPES.payloadTooLarge,
      'Payload too large',
      `The request body is larger than the limit of ${bodyError.limit} bytes.`,
    );
  }
  if (bodyError?.type === 'encoding.unsupported' || bodyError?.type === 'charset.unsupported') {
    return new HttpProblem(
      415,
      PROBLEM_TYPES.unsupportedMediaType,
      'Unsupported media type',
      'Send UTF-8 JSON.',
    );
  }
  if (isJwtBearerError(error)) {
    const status = error.status ?? 401;
    const problem =
      status === 403
        ? problems.forbidden(error.message || 'The token lacks a required scope.')
        : status === 400
          ? problems.validation(
              [{ name: 'authorization', reason: error.message }],
              'The authorization is malformed.',
            )
          : problems.unauthorized(error.message || 'A valid bearer token is required.');
    Object.assign(problem.headers, error.headers ?? {});
    return problem;
  }
  if (isConnectionError(error)) {
    return problems.serviceUnavailable('A backing service is unreachable; try again shortly.');
  }
  return new HttpProblem(500, PROBLEM_TYPES.internal, 'Internal error', 'Something went wrong on our side.');
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(problems.notFound(`${req.method} ${req.path}`));
}

export interface ErrorReporter {
  notify(error: unknown, context: Record<string, unknown>): void;
}

export function errorHandler(logger: Logger, reporter?: ErrorReporter): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = toHttpProblem(error);
    const log = (req as { log?: Logger }).log ?? logger;
    if (problem.status >= 500) {
      // Never the error itself: a driver's error carries its SQL with the values in it (a shopper's e-mail).
      log.error({ err: loggableError(error) }, `request failed: ${problem.title}`);
      if (problem.status === 500)
        reporter?.notify(reportableError(error), { method: req.method, path: req.path });
    } else {
      log.debug({ status: problem.status, detail: problem.detail }, 'request refused');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(res, problem, req.originalUrl);
  };
}
