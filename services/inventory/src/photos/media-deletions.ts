import { backoffMs } from '@showroom/server-kit';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  acrossDealerships,
  forDealership,
  type DealershipQueries,
  queueClaimTransaction,
} from '@showroom/server-mysql';
import type { ObjectStore } from '@showroom/server-storage';
import { HOUR_MS } from '../background/hourly';
import type { InventoryDatabase } from '../database';

/** How a deletion that failed is retried: the first wait, doubled per failure up to the last. */
const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = HOUR_MS;
/** A claimed deletion is the claimer's for this long (it is tried again after, should it crash). */
const CLAIM_MS = 60_000;
const PER_SWEEP = 20;

/**
 * In the caller's transaction (the one removing the rows that pointed at the objects): every object
 * under `prefix` is to be deleted. The commit makes it durable; `MediaDeletions.purge` deletes at once,
 * the sweeper retries what that could not.
 */
export async function recordMediaDeletion(
  tenant: DealershipQueries<InventoryDatabase>,
  prefix: string,
): Promise<void> {
  await tenant.insertInto('media_deletions').values({ id: randomUUID(), prefix }).execute();
}

export interface MediaDeletionLog {
  warn(details: object, message: string): void;
}

/**
 * Deletes media objects whose rows are gone, best-effort now and retried later: a failure never
 * reaches the dealer (their change is committed); it is logged, reported once, and swept again.
 */
export class MediaDeletions {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(
    private readonly writer: Kysely<InventoryDatabase>,
    private readonly objects: ObjectStore,
    private readonly log: MediaDeletionLog,
    private readonly reportError: (error: unknown) => void = () => undefined,
    private readonly sweepEveryMs = 30_000,
  ) {}

  /**
   * Deletes every object under `prefix` now and forgets the pending deletions of it; when S3 fails,
   * a pending deletion stays (is written, if the caller had none) for the sweeper. Never throws.
   */
  async purge(dealershipId: string, prefix: string): Promise<void> {
    const tenant = forDealership(this.writer, dealershipId);
    try {
      await this.objects.delete(await this.objects.list(prefix));
      await tenant.deleteFrom('media_deletions').where('prefix', '=', prefix).execute();
    } catch (error) {
      this.log.warn({ err: error, dealershipId, prefix }, 'media objects not deleted yet; retried later');
      this.reportError(error);
      try {
        const pending = await tenant
          .selectFrom('media_deletions')
          .select('id')
          .where('prefix', '=', prefix)
          .executeTakeFirst();
        if (!pending) await recordMediaDeletion(tenant, prefix);
      } catch (recordError) {
        this.log.warn({ err: recordError, dealershipId, prefix }, 'media deletion could not be recorded');
      }
    }
  }

  /** Retries the due deletions of every dealership; answers how many it completed. */
  async sweep(): Promise<number> {
    const claimed = await queueClaimTransaction(this.writer, async (trx) => {
      const due = await acrossDealerships(trx)
        .selectFrom('media_deletions')
        .select(['id', 'dealership_id', 'prefix', 'attempts'])
        .where('due_at', '<=', sql<Date>`CURRENT_TIMESTAMP(3)`)
        .orderBy('due_at')
        .limit(PER_SWEEP)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of due) {
        await forDealership(trx, row.dealership_id)
          .updateTable('media_deletions')
          .set({ due_at: sql<Date>`CURRENT_TIMESTAMP(3) + INTERVAL ${CLAIM_MS * 1000} MICROSECOND` })
          .where('id', '=', row.id)
          .execute();
      }
      return due;
    });
    let done = 0;
    for (const row of claimed) {
      const tenant = forDealership(this.writer, row.dealership_id);
      try {
        await this.objects.delete(await this.objects.list(row.prefix));
        await tenant.deleteFrom('media_deletions').where('id', '=', row.id).execute();
        done += 1;
      } catch (error) {
        const attempts = row.attempts + 1;
        const waitMs = backoffMs(FIRST_RETRY_MS, attempts, LAST_RETRY_MS);
        this.log.warn(
          { err: error, dealershipId: row.dealership_id, prefix: row.prefix, attempts, retryInMs: waitMs },
          'media objects still not deleted',
        );
        await tenant
          .updateTable('media_deletions')
          .set({ attempts, due_at: sql<Date>`CURRENT_TIMESTAMP(3) + INTERVAL ${waitMs * 1000} MICROSECOND` })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return done;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.sweeping = this.sweeping
        .then(() => this.sweep())
        .then(
          () => undefined,
          (error: unknown) => this.log.warn({ err: error }, 'media deletion sweep failed'),
        );
    }, this.sweepEveryMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }
}
