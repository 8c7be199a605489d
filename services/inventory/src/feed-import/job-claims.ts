import { sql, type Kysely } from 'kysely';
import { acrossDealerships, queueClaimTransaction } from '@showroom/server-mysql';
import type { InventoryDatabase } from '../database';

export interface ClaimedImport {
  id: string;
  dealershipId: string;
  attempts: number;
}

export interface DueFeed {
  dealershipId: string;
  url: string;
  /** Passing failures in a row before this fetch. */
  failures: number;
  intervalHours: number;
}

/**
 * The work queue of every dealership's imports and scheduled feeds. Rows are taken with
 * `FOR UPDATE SKIP LOCKED`, so instances never take the same one, and marked as taken in the
 * same transaction.
 */
export class ImportJobClaims {
  constructor(private readonly writer: Kysely<InventoryDatabase>) {}

  /**
   * A queued import whose time has come, or a running one whose worker went silent (it died). A
   * dealership's imports run one at a time: two at once could both add the same new VIN.
   */
  async claimImport(now: Date, staleAfterMs: number): Promise<ClaimedImport | null> {
    const staleBefore = new Date(now.getTime() - staleAfterMs);
    return queueClaimTransaction(this.writer, async (trx) => {
      const db = acrossDealerships(trx);
      const row = await db
        .selectFrom('feed_imports')
        .select(['id', 'dealership_id', 'attempts'])
        .where((eb) =>
          eb.or([
            eb.and([
              eb('status', '=', 'queued'),
              eb.or([eb('not_before', 'is', null), eb('not_before', '<=', now)]),
            ]),
            eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', staleBefore)]),
          ]),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('feed_imports as other')
                .select('other.id')
                .whereRef('other.dealership_id', '=', 'feed_imports.dealership_id')
                .whereRef('other.id', '<>', 'feed_imports.id')
                .where('other.status', '=', 'running')
                .where('other.heartbeat_at', '>=', staleBefore),
            ),
          ),
        )
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      await db
        .updateTable('feed_imports')
        .set({
          status: 'running',
          heartbeat_at: now,
          not_before: null,
          attempts: sql<number>`attempts + 1`,
          started_at: sql<Date>`COALESCE(started_at, ${now})`,
        })
        .where('id', '=', row.id)
        .execute();
      return { id: row.id, dealershipId: row.dealership_id, attempts: row.attempts + 1 };
    });
  }

  /** A feed URL due for its fetch; its next fetch is moved one interval on as it is taken. */
  async claimDueFeed(now: Date): Promise<DueFeed | null> {
    return queueClaimTransaction(this.writer, async (trx) => {
      const db = acrossDealerships(trx);
      const row = await db
        .selectFrom('feed_import_settings')
        .select(['dealership_id', 'feed_url', 'feed_failures', 'feed_interval_hours'])
        .where('feed_enabled', '=', true)
        .where('feed_url', 'is not', null)
        .where('feed_next_at', '<=', now)
        .orderBy('feed_next_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row?.feed_url) return null;
      await db
        .updateTable('feed_import_settings')
        .set({
          feed_next_at: sql<Date>`${now} + INTERVAL feed_interval_hours HOUR`,
          feed_last_fetched_at: now,
        })
        .where('dealership_id', '=', row.dealership_id)
        .execute();
      return {
        dealershipId: row.dealership_id,
        url: row.feed_url,
        failures: row.feed_failures,
        intervalHours: row.feed_interval_hours,
      };
    });
  }

  /** Imports that finished (succeeded or failed) before `before`: past the retention, they go. */
  async finishedBefore(
    before: Date,
    limit: number,
  ): Promise<Array<{ id: string; dealershipId: string; objectKey: string }>> {
    const rows = await acrossDealerships(this.writer)
      .selectFrom('feed_imports')
      .select(['id', 'dealership_id', 'object_key'])
      .where('status', 'in', ['succeeded', 'failed'])
      .where('finished_at', '<', before)
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, dealershipId: row.dealership_id, objectKey: row.object_key }));
  }

  /** Uploads nobody started since `before` (the dealer left the page): their files and rows go. */
  async abandonedUploads(
    before: Date,
    limit: number,
  ): Promise<Array<{ id: string; dealershipId: string; objectKey: string }>> {
    const rows = await acrossDealerships(this.writer)
      .selectFrom('feed_imports')
      .select(['id', 'dealership_id', 'object_key'])
      .where('status', '=', 'uploaded')
      .where('created_at', '<', before)
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, dealershipId: row.dealership_id, objectKey: row.object_key }));
  }
}
