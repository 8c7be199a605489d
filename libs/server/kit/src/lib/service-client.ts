import type { z } from 'zod';
import type { ServiceTokens } from './machine-token';

/** Another service answered, but not with what was asked (its status says how). */
export class ServiceResponseError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
  ) {
    super(`${method} ${path} answered ${status}`);
    this.name = 'ServiceResponseError';
  }
}

/** One call to another Showroom service with a machine token, given up after `timeoutMs`. */
async function requestService(
  baseUrl: string,
  path: string,
  tokens: ServiceTokens,
  init: {
    method: 'GET' | 'PUT' | 'POST' | 'DELETE';
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
  },
): Promise<Response> {
  return fetch(new URL(path, baseUrl), {
    method: init.method,
    headers: { authorization: `Bearer ${await tokens.token()}`, ...init.headers },
    body: init.body,
    signal: AbortSignal.timeout(init.timeoutMs),
  });
}

/** A JSON GET to another Showroom service with a machine token; null on 404, an error otherwise. */
export async function getFromService<S extends z.ZodType>(
  baseUrl: string,
  path: string,
  schema: S,
  tokens: ServiceTokens,
): Promise<z.output<S> | null> {
  const response = await requestService(baseUrl, path, tokens, {
    method: 'GET',
    headers: { accept: 'application/json' },
    timeoutMs: 3000,
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new ServiceResponseError('GET', path, response.status);
  return schema.parse(await response.json());
}

/** A JSON PUT to another Showroom service with a machine token; an error unless it answers 2xx. */
export async function putToService(
  baseUrl: string,
  path: string,
  body: unknown,
  tokens: ServiceTokens,
): Promise<void> {
  const response = await requestService(baseUrl, path, tokens, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: 5000,
  });
  if (!response.ok) throw new ServiceResponseError('PUT', path, response.status);
}

/**
 * A JSON request to another Showroom service with a machine token, answered with JSON that `schema`
 * parses (or with nothing, without a schema); an error unless it answers 2xx.
 */
export async function sendToService<S extends z.ZodType>(
  baseUrl: string,
  request: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown },
  tokens: ServiceTokens,
  schema: S,
): Promise<z.output<S>>;
export async function sendToService(
  baseUrl: string,
  request: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown },
  tokens: ServiceTokens,
): Promise<void>;
export async function sendToService(
  baseUrl: string,
  request: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown },
  tokens: ServiceTokens,
  schema?: z.ZodType,
): Promise<unknown> {
  const { method, path, body } = request;
  const response = await requestService(baseUrl, path, tokens, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs: 5000,
  });
  if (!response.ok) throw new ServiceResponseError(method, path, response.status);
  if (!schema) return undefined;
  return schema.parse(await response.json());
}
