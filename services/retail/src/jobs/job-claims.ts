import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { clipReason } from '@showroom/server-kit';
import { acrossDealerships, forDealership, queueClaimTransaction } from '@showroom/server-mysql';
import type { RetailDatabase } from '../database';

/** A job a runner holds until `claimedUntil`; every write about it names `token`. */
export interface ClaimedJob {
  id: string;
  dealershipId: string;
  kind: string;
  payload: unknown;
  /** This run included. */
  attempts: number;
  token: string;
}

/**
 * The retail_jobs queue: due rows of any dealership taken with `FOR UPDATE SKIP LOCKED` and marked
 * with a lease in the same transaction, so two runners never take one job; a lease that ran out
 * (its runner died) is taken over. Every outcome is written only while the claim token is still the
 * job's: a runner that lost its lease records nothing.
 */
export class JobClaims {
  constructor(private readonly writer: Kysely<RetailDatabase>) {}

  async claim(now: Date, leaseMs: number, limit: number): Promise<ClaimedJob[]> {
    // Two runners claiming at once can deadlock on the queue's indexes: the victim claims again.
    return queueClaimTransaction(this.writer, async (trx) => {
      const due = await acrossDealerships(trx)
        .selectFrom('retail_jobs')
        .select(['id', 'dealership_id', 'kind', 'payload', 'attempts'])
        .where((eb) =>
          eb.or([
            eb.and([
              eb('state', '=', 'pending'),
              eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]),
            ]),
            eb.and([eb('state', '=', 'running'), eb('claimed_until', '<=', now)]),
          ]),
        )
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      const token = randomUUID();
      await acrossDealerships(trx)
        .updateTable('retail_jobs')
        .set({
          state: 'running',
          claim_token: token,
          claimed_until: new Date(now.getTime() + leaseMs),
          attempts: sql<number>`attempts + 1`,
          updated_at: now,
        })
        .where(
          'id',
          'in',
          due.map((job) => job.id),
        )
        .execute();
      return due.map((job) => ({
        id: job.id,
        dealershipId: job.dealership_id,
        kind: job.kind,
        payload: JSON.parse(job.payload) as unknown,
        attempts: job.attempts + 1,
        token,
      }));
    });
  }

  /**
   * A full lease for the job about to run (a batch's later jobs would otherwise run on what the
   * earlier ones left of it). False when the claim was lost: another runner may hold the job.
   */
  async renew(job: ClaimedJob, now: Date, leaseMs: number): Promise<boolean> {
    const result = await forDealership(this.writer, job.dealershipId)
      .updateTable('retail_jobs')
      .set({ claimed_until: new Date(now.getTime() + leaseMs) })
      .where('id', '=', job.id)
      .where('claim_token', '=', job.token)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * The job ran: done, its payload cleared (it may hold a signed deal link or a shopper's name,
   * needed no longer). False when the claim was lost meanwhile.
   */
  async done(job: ClaimedJob, now: Date): Promise<boolean> {
    return this.fenced(job, {
      state: 'done',
      payload: 'null',
      claim_token: null,
      claimed_until: null,
      last_error: null,
      updated_at: now,
    });
  }

  /** The job failed: pending again at `retryAt`, or failed for good when `retryAt` is null. */
  async failed(job: ClaimedJob, reason: string, retryAt: Date | null, now: Date): Promise<boolean> {
    return this.fenced(job, {
      state: retryAt ? 'pending' : 'failed',
      next_attempt_at: retryAt,
      claim_token: null,
      claimed_until: null,
      last_error: clipReason(reason),
      updated_at: now,
    });
  }

  /** Deletes up to `limit` jobs done or failed before `before` (across dealerships); how many went. */
  async forgetFinished(before: Date, limit: number): Promise<number> {
    const result = await acrossDealerships(this.writer)
      .deleteFrom('retail_jobs')
      .where('state', 'in', ['done', 'failed'])
      .where('updated_at', '<', before)
      .limit(limit)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async fenced(
    job: ClaimedJob,
    values: {
      state: 'pending' | 'done' | 'failed';
      payload?: string;
      next_attempt_at?: Date | null;
      claim_token: null;
      claimed_until: null;
      last_error: string | null;
      updated_at: Date;
    },
  ): Promise<boolean> {
    const result = await forDealership(this.writer, job.dealershipId)
      .updateTable('retail_jobs')
      .set(values)
      .where('id', '=', job.id)
      .where('claim_token', '=', job.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
