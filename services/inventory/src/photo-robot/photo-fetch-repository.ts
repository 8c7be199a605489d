import { clipReason } from '@showroom/server-kit';
import { sql, type Kysely, type Selectable } from 'kysely';
import {
  acrossDealerships,
  forDealership,
  type DealershipQueries,
  queueClaimTransaction,
} from '@showroom/server-mysql';
import type { PhotoFetchItemStatus } from '@showroom/contracts';
import type { InventoryDatabase, PhotoFetchItemTable, PhotoFetchJobTable } from '../database';
import { vehicleExists } from '../vehicles/repository';

export type PhotoFetchJobRow = Selectable<PhotoFetchJobTable>;
export type PhotoFetchItemRow = Selectable<PhotoFetchItemTable>;

export interface NewPhotoFetchJob {
  id: string;
  vehicleId: string;
  originKind: 'dealer' | 'feed';
  originRef: string;
  items: ReadonlyArray<{ url: string; status: PhotoFetchItemStatus; reason: string | null }>;
  now: Date;
  /** When its links may be tried; workers take the earliest first. */
  dueAt: Date;
}

/** A link a worker holds until `leaseUntil`; `attempts` (this one included) fences its writes. */
export interface ClaimedItem {
  id: number;
  dealershipId: string;
  jobId: string;
  vehicleId: string;
  /** Whose links these are: a dealer's paste, or a feed import's. */
  originKind: 'dealer' | 'feed';
  url: string;
  attempts: number;
}

/** The outcome to record for a claimed link. */
export type ItemOutcome =
  | { status: 'added' | 'duplicate'; photoId: string; reason: string | null }
  | { status: 'failed' | 'refused'; reason: string };

/** SQL for the photo robot's jobs and links. */
export class PhotoFetchRepository {
  constructor(private readonly writer: Kysely<InventoryDatabase>) {}

  vehicleExists(dealershipId: string, vehicleId: string): Promise<boolean> {
    return vehicleExists(forDealership(this.writer, dealershipId), vehicleId);
  }

  /** The job and all its links, in one transaction: a worker never sees half a job. */
  async insertJob(dealershipId: string, job: NewPhotoFetchJob): Promise<void> {
    await this.writer.transaction().execute(async (trx) => {
      const tenant: DealershipQueries<InventoryDatabase> = forDealership(trx, dealershipId);
      await tenant
        .insertInto('photo_fetch_jobs')
        .values({
          id: job.id,
          vehicle_id: job.vehicleId,
          origin_kind: job.originKind,
          origin_ref: job.originRef,
          created_at: job.now,
        })
        .execute();
      await tenant
        .insertInto('photo_fetch_items')
        .values(
          job.items.map((item, position) => ({
            job_id: job.id,
            vehicle_id: job.vehicleId,
            position,
            url: item.url,
            status: item.status,
            reason: clipReason(item.reason),
            due_at: job.dueAt,
            updated_at: job.now,
          })),
        )
        .execute();
    });
  }

  async findJob(dealershipId: string, jobId: string): Promise<PhotoFetchJobRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('photo_fetch_jobs')
      .selectAll()
      .where('id', '=', jobId)
      .executeTakeFirst();
  }

  async recentJobs(dealershipId: string, vehicleId: string, limit: number): Promise<PhotoFetchJobRow[]> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('photo_fetch_jobs')
      .selectAll()
      .where('vehicle_id', '=', vehicleId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** The links of these jobs, in their order. */
  async itemsOf(dealershipId: string, jobIds: readonly string[]): Promise<PhotoFetchItemRow[]> {
    if (jobIds.length === 0) return [];
    return forDealership(this.writer, dealershipId)
      .selectFrom('photo_fetch_items')
      .selectAll()
      .where('job_id', 'in', [...jobIds])
      .orderBy('job_id')
      .orderBy('position')
      .execute();
  }

  /**
   * Takes up to `limit` due links of any dealership for this worker until `leaseUntil`: queued ones
   * whose time has come and fetching ones whose worker's lease ran out (it crashed or hung). Rows
   * another worker is claiming at this moment are skipped, not waited for.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedItem[]> {
    return queueClaimTransaction(this.writer, async (trx) => {
      const due = await acrossDealerships(trx)
        .selectFrom('photo_fetch_items')
        .select(['id', 'dealership_id', 'job_id', 'vehicle_id', 'url', 'attempts'])
        .where('status', 'in', ['queued', 'fetching'])
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      await acrossDealerships(trx)
        .updateTable('photo_fetch_items')
        .set({ status: 'fetching', due_at: leaseUntil, attempts: sql`attempts + 1`, updated_at: now })
        .where(
          'id',
          'in',
          due.map((row) => row.id),
        )
        .execute();
      const jobs = await acrossDealerships(trx)
        .selectFrom('photo_fetch_jobs')
        .select(['id', 'origin_kind'])
        .where('id', 'in', [...new Set(due.map((row) => row.job_id))])
        .execute();
      const originOf = new Map(jobs.map((job) => [job.id, job.origin_kind]));
      return due.map((row) => ({
        id: Number(row.id),
        dealershipId: row.dealership_id,
        jobId: row.job_id,
        vehicleId: row.vehicle_id,
        originKind: originOf.get(row.job_id) ?? 'dealer',
        url: row.url,
        attempts: row.attempts + 1,
      }));
    });
  }

  /**
   * Forgets jobs created before `before` whose links have all finished, a batch at a time; answers
   * how many jobs went. A job with a link still pending stays until it finishes.
   */
  async pruneFinished(before: Date, batch = 500): Promise<number> {
    let pruned = 0;
    for (;;) {
      const old = await acrossDealerships(this.writer)
        .selectFrom('photo_fetch_jobs')
        .select('id')
        .where('created_at', '<', before)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('photo_fetch_items as i')
                .select('i.id')
                .whereRef('i.job_id', '=', 'photo_fetch_jobs.id')
                .where('i.status', 'in', ['queued', 'fetching']),
            ),
          ),
        )
        .limit(batch)
        .execute();
      if (old.length === 0) return pruned;
      const ids = old.map((job) => job.id);
      await this.writer.transaction().execute(async (trx) => {
        await acrossDealerships(trx).deleteFrom('photo_fetch_items').where('job_id', 'in', ids).execute();
        await acrossDealerships(trx).deleteFrom('photo_fetch_jobs').where('id', 'in', ids).execute();
      });
      pruned += ids.length;
      if (old.length < batch) return pruned;
    }
  }

  /**
   * Records what came of a claimed link; false when the claim is no longer this worker's (its lease
   * ran out and another worker took the link over), in which case nothing is written.
   */
  async finish(item: ClaimedItem, outcome: ItemOutcome, now: Date): Promise<boolean> {
    const result = await this.ownClaim(item)
      .set({
        status: outcome.status,
        reason: clipReason(outcome.reason),
        photo_id: 'photoId' in outcome ? outcome.photoId : null,
        updated_at: now,
      })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Puts a link that failed for a passing reason back in the queue until `dueAt`. */
  async retryLater(item: ClaimedItem, reason: string, dueAt: Date, now: Date): Promise<boolean> {
    const result = await this.ownClaim(item)
      .set({ status: 'queued', reason: clipReason(reason), due_at: dueAt, updated_at: now })
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives a claimed link back untried (the worker is stopping): due now, this attempt not counted. */
  async release(item: ClaimedItem, now: Date): Promise<void> {
    await this.ownClaim(item)
      .set({ status: 'queued', due_at: now, attempts: item.attempts - 1, updated_at: now })
      .execute();
  }

  private ownClaim(item: ClaimedItem) {
    return forDealership(this.writer, item.dealershipId)
      .updateTable('photo_fetch_items')
      .where('id', '=', item.id)
      .where('status', '=', 'fetching')
      .where('attempts', '=', item.attempts);
  }
}
