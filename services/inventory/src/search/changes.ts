import { sql, type Kysely } from 'kysely';
import { acrossDealerships } from '@showroom/server-mysql';
import type { InventoryDatabase } from '../database';
import type { VehicleRef } from './port';

/** The feed of vehicle changes that search indexes follow, by sequence number. */
export interface VehicleChanges {
  /**
   * Where a full build that starts now may begin following: no change after it can be missed. It
   * stays `gapWaitMs` behind the newest change, since a lower number may still be uncommitted; the
   * few recent changes are then applied again after the build, which is harmless.
   */
  latest(): Promise<number>;
  /**
   * Vehicles changed after `cursor` (at most `limit` changes, each vehicle once), and the cursor to
   * continue from. A number that is missing may belong to a transaction still open: the cursor stops
   * before it until it is older than `gapWaitMs`, so a late commit is not skipped; changes after the
   * gap are then read again, which is harmless because indexes load the vehicle's current state.
   */
  after(cursor: number, limit: number): Promise<{ refs: VehicleRef[]; next: number }>;
}

/** Longer than any vehicle transaction runs; a number missing for longer was rolled back. */
const DEFAULT_GAP_WAIT_MS = 5_000;

export class MysqlVehicleChanges implements VehicleChanges {
  constructor(
    private readonly db: Kysely<InventoryDatabase>,
    private readonly options: { gapWaitMs?: number } = {},
  ) {}

  async latest(): Promise<number> {
    const settled = sql<Date>`CURRENT_TIMESTAMP(3) - INTERVAL ${this.gapWaitMs() * 1000} MICROSECOND`;
    // Walks the primary key down from the newest change and stops at the first settled one.
    const row = await acrossDealerships(this.db)
      .selectFrom('vehicle_changes')
      .select('seq')
      .where('changed_at', '<', settled)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  /**
   * Forgets changes older than `days`, but never one after `keepAfter` (the lowest cursor of a
   * durable index): an index that was cut off for longer still finds every change it missed.
   */
  async prune(days: number, keepAfter?: number): Promise<number> {
    const result = await acrossDealerships(this.db)
      .deleteFrom('vehicle_changes')
      .where('changed_at', '<', sql<Date>`CURRENT_TIMESTAMP(3) - INTERVAL ${days} DAY`)
      .$if(keepAfter !== undefined, (q) => q.where('seq', '<=', keepAfter ?? 0))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private gapWaitMs(): number {
    return this.options.gapWaitMs ?? DEFAULT_GAP_WAIT_MS;
  }

  async after(cursor: number, limit: number): Promise<{ refs: VehicleRef[]; next: number }> {
    const rows = await acrossDealerships(this.db)
      .selectFrom('vehicle_changes')
      .select(['seq', 'dealership_id', 'vehicle_id', 'changed_at'])
      .select(sql<number>`TIMESTAMPDIFF(MICROSECOND, changed_at, CURRENT_TIMESTAMP(3)) DIV 1000`.as('age_ms'))
      .where('seq', '>', cursor)
      .orderBy('seq')
      .limit(limit)
      .execute();
    const gapWaitMs = this.gapWaitMs();
    let next = cursor;
    for (const row of rows) {
      const seq = Number(row.seq);
      // A hole before this row: wait for it, unless this row is old enough that the hole never fills.
      if (seq !== next + 1 && Number(row.age_ms) < gapWaitMs) break;
      next = seq;
    }
    const refs = new Map<string, VehicleRef>();
    for (const row of rows) {
      refs.set(`${row.dealership_id}/${row.vehicle_id}`, {
        dealershipId: row.dealership_id,
        id: row.vehicle_id,
      });
    }
    return { refs: [...refs.values()], next };
  }
}
