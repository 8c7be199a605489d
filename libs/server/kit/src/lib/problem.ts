import type { Response } from 'express';
import { z } from 'zod';
import { PROBLEM_TYPES, type InvalidParam, type Problem } from '@showroom/contracts';

/** An error that knows its HTTP answer. Thrown by routes and middleware, rendered by the error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }

  toJSON(instance?: string, requestId?: string): Problem {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(requestId ? { requestId } : {}),
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
    };
  }
}

export const problems = {
  validation: (invalidParams: InvalidParam[], detail = 'The request has invalid fields.') =>
    new HttpProblem(400, PROBLEM_TYPES.validation, 'Invalid request', detail, invalidParams),
  notFound: (what: string) =>
    new HttpProblem(404, PROBLEM_TYPES.notFound, 'Not found', `${what} was not found.`),
  forbidden: (detail: string) => new HttpProblem(403, PROBLEM_TYPES.forbidden, 'Forbidden', detail),
  unauthorized: (detail: string) =>
    new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Unauthorized', detail, undefined, {
      'WWW-Authenticate': 'Bearer realm="showroom"',
    }),
  conflict: (detail: string, invalidParams?: InvalidParam[]) =>
    new HttpProblem(409, PROBLEM_TYPES.conflict, 'Conflict', detail, invalidParams),
  gone: (detail: string) => new HttpProblem(410, PROBLEM_TYPES.gone, 'Gone', detail),
  preconditionFailed: (detail: string) =>
    new HttpProblem(412, PROBLEM_TYPES.preconditionFailed, 'Precondition failed', detail),
  preconditionRequired: (detail: string) =>
    new HttpProblem(428, PROBLEM_TYPES.preconditionRequired, 'Precondition required', detail),
  serviceUnavailable: (detail: string) =>
    new HttpProblem(503, PROBLEM_TYPES.serviceUnavailable, 'Service unavailable', detail, undefined, {
      'Retry-After': '5',
    }),
};

/** Turns zod issues into `invalidParams`, each naming the field (dotted path) and the reason. */
export function invalidParamsOf(error: z.ZodError, prefix?: string): InvalidParam[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let reason = issue.message;
    if (issue.code === 'unrecognized_keys') {
      return {
        name: [prefix, path].filter(Boolean).join('.') || (prefix ?? 'body'),
        reason: `unknown field(s): ${issue.keys.join(', ')}`,
      };
    }
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) reason = 'is required';
    return { name: [prefix, path].filter(Boolean).join('.') || (prefix ?? 'body'), reason };
  });
}

/** Parses a value or throws a 400 problem listing every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw problems.validation(invalidParamsOf(result.error, prefix));
}

export function sendProblem(res: Response, problem: HttpProblem, instance?: string): void {
  const requestId = res.getHeader('x-request-id');
  res
    .status(problem.status)
    .set(problem.headers)
    .type('application/problem+json')
    .send(JSON.stringify(problem.toJSON(instance, typeof requestId === 'string' ? requestId : undefined)));
}
