import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { forDealership, isDuplicateKeyError } from '@showroom/server-mysql';
import type { RetailDatabase } from '../database';

/** Work for later: a job kind (a key of the handlers), its input, and when it may run. */
export interface JobToEnqueue {
  kind: string;
  /** Stored as JSON; never credit data (a job row is plain text). */
  payload: unknown;
  /**
   * Jobs with the same key are one job: a second enqueue is ignored. Unique across dealerships, so
   * name the record in it (e.g. `shopper-mail:counter-offer:<dealId>:<version>`).
   */
  dedupeKey?: string;
  /** Not before this time (default: as soon as a runner is free). */
  runAt?: Date;
}

/**
 * Writes a job in the caller's transaction (the retail outbox): it runs only if the change that
 * caused it commits, and a committed change always has its job. Returns the job's id, or null when
 * a job with the same dedupe key already exists.
 */
export async function enqueueJob(
  db: Kysely<RetailDatabase> | Transaction<RetailDatabase>,
  dealershipId: string,
  job: JobToEnqueue,
): Promise<string | null> {
  const id = randomUUID();
  try {
    await forDealership(db, dealershipId)
      .insertInto('retail_jobs')
      .values({
        id,
        kind: job.kind,
        payload: JSON.stringify(job.payload ?? null),
        dedupe_key: job.dedupeKey ?? null,
        state: 'pending',
        next_attempt_at: job.runAt ?? null,
        claimed_until: null,
        claim_token: null,
        last_error: null,
      })
      .execute();
    return id;
  } catch (error) {
    // Only the statement is undone: the caller's transaction goes on, with the first job in place.
    if (job.dedupeKey !== undefined && isDuplicateKeyError(error, 'dedupe_key')) return null;
    throw error;
  }
}
