import { createHash } from 'node:crypto';
import type { StartDealInput } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';

/** The request header a website sends to make starting a deal safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** How long a start request can be answered again with the deal it started. */
export const START_KEY_HOURS = 24;

/** What is stored of a start request's Idempotency-Key: hashes of the key and of its form. */
export interface StartKey {
  keyHash: string;
  bodyHash: string;
}

const KEY_PATTERN = /^[\x21-\x7e]{8,255}$/;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The start key of a request: null without the header; a 400 naming the header when it is not 8–255
 * printable characters. The form is hashed as parsed by its schema (a fixed order of fields).
 */
export function startKeyOf(header: string | undefined, input: StartDealInput): StartKey | null {
  if (header === undefined) return null;
  if (!KEY_PATTERN.test(header)) {
    throw problems.validation([
      { name: 'headers.idempotency-key', reason: 'must be 8 to 255 printable characters (a UUID, say)' },
    ]);
  }
  return { keyHash: sha256(header), bodyHash: sha256(JSON.stringify(input)) };
}
