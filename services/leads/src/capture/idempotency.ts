import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { problems, type HeaderDoc } from '@showroom/server-kit';
import type { IdempotencyRequest } from './capture-service';

const KEY = /^[\x21-\x7e]{1,200}$/;

export const idempotencyKeyHeader: HeaderDoc = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key and body never creates a second lead.',
};

/** Reads `Idempotency-Key`; the request hash ties the key to exactly this body. */
export function idempotencyOf(req: Request, body: unknown): IdempotencyRequest | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw problems.validation([
      { name: 'Idempotency-Key', reason: 'use 1 to 200 visible ASCII characters, e.g. a UUID' },
    ]);
  }
  const requestHash = createHash('sha256')
    .update(`${req.method} ${req.path}\n`)
    .update(typeof body === 'string' ? body : JSON.stringify(body))
    .digest('hex');
  return { key, requestHash };
}
