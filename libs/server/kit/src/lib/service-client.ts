import type { z } from 'zod';
import type { ServiceTokens } from './machine-token';

/** A JSON GET to another Showroom service with a machine token; null on 404, an error otherwise. */
export async function getFromService<S extends z.ZodType>(
  baseUrl: string,
  path: string,
  schema: S,
  tokens: ServiceTokens,
): Promise<z.output<S> | null> {
  const response = await fetch(new URL(path, baseUrl), {
    headers: { authorization: `Bearer ${await tokens.token()}`, accept: 'application/json' },
    signal: AbortSignal.timeout(3000),
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return schema.parse(await response.json());
}

/** A JSON PUT to another Showroom service with a machine token; an error unless it answers 2xx. */
export async function putToService(
  baseUrl: string,
  path: string,
  body: unknown,
  tokens: ServiceTokens,
): Promise<void> {
  const response = await fetch(new URL(path, baseUrl), {
    method: 'PUT',
    headers: { authorization: `Bearer ${await tokens.token()}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`PUT ${path} answered ${response.status}`);
}
