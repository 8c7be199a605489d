import { sql, type Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { VehicleStatus } from '@showroom/contracts';
import type { InventoryDatabase } from '../database';
import type { HoldState } from './hold-rules';

/** How a locked vehicle's hold changes; null leaves the vehicle as it is. */
export type HoldChange = {
  status: VehicleStatus;
  reservationId: string | null;
  heldUntil: Date | null;
} | null;

/**
 * SQL for online holds. A change is written with its row in the change feed, in the transaction
 * that locked the vehicle, as every vehicle write is: search, feeds and websites follow the feed.
 */
export class VehicleHoldRepository {
  constructor(private readonly writer: Kysely<InventoryDatabase>) {}

  /**
   * Locks the vehicle, lets `decide` (the rules) say what changes given its state, and writes that.
   * Undefined when the dealership has no such vehicle; otherwise the state as it now is.
   */
  async change(
    dealershipId: string,
    vehicleId: string,
    decide: (state: HoldState) => HoldChange,
  ): Promise<HoldState | undefined> {
    return this.writer.transaction().execute(async (trx) => {
      const tenant = forDealership(trx, dealershipId);
      const row = await tenant
        .selectFrom('vehicles')
        .select(['status', 'hold_reservation_id', 'held_until'])
        .where('id', '=', vehicleId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return undefined;
      const state: HoldState = {
        status: row.status,
        reservationId: row.hold_reservation_id,
        heldUntil: row.held_until,
      };
      const change = decide(state);
      if (!change) return state;
      await tenant
        .updateTable('vehicles')
        .set({
          status: change.status,
          hold_reservation_id: change.reservationId,
          held_until: change.heldUntil,
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('id', '=', vehicleId)
        .execute();
      await tenant.insertInto('vehicle_changes').values({ vehicle_id: vehicleId }).execute();
      return change;
    });
  }
}
