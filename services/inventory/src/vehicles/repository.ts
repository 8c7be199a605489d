import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { forDealership, type DealershipQueries } from '@showroom/server-mysql';
import type { InventoryDatabase, VehicleTable } from '../database';
import { recordMediaDeletion } from '../photos/media-deletions';
import { vehiclePhotoPrefix } from '../photos/photo-keys';
import { factsOfNewRow, lockFacts, recordVehicleChange } from '../analytics/vehicle-events';
import { recordPriceChange } from './price-history';

export type VehicleRow = Selectable<VehicleTable>;

/** How another service names a vehicle: by VIN, stock number or id. */
export type VehicleLookupRef = { vin: string } | { stockNumber: string } | { id: string };

/**
 * Every write to a vehicle (its fields, its photos) goes with its row in the change feed, in one
 * transaction: search, feeds and websites follow the feed.
 */
export function withVehicleChange<T>(
  writer: Kysely<InventoryDatabase>,
  dealershipId: string,
  vehicleId: string,
  write: (tenant: DealershipQueries<InventoryDatabase>) => Promise<T>,
): Promise<T> {
  return writer.transaction().execute(async (trx) => {
    const tenant = forDealership(trx, dealershipId);
    const result = await write(tenant);
    await tenant.insertInto('vehicle_changes').values({ vehicle_id: vehicleId }).execute();
    return result;
  });
}

/** Whether the dealership has the vehicle: what routes under a vehicle check before a 404. */
export async function vehicleExists(
  tenant: DealershipQueries<InventoryDatabase>,
  vehicleId: string,
): Promise<boolean> {
  const row = await tenant.selectFrom('vehicles').select('id').where('id', '=', vehicleId).executeTakeFirst();
  return row !== undefined;
}

/** SQL for vehicles; every statement is scoped to one dealership by `forDealership`. */
export class VehicleRepository {
  constructor(
    private readonly writer: Kysely<InventoryDatabase>,
    private readonly reader: Kysely<InventoryDatabase>,
  ) {}

  private withChange<T>(
    dealershipId: string,
    vehicleId: string,
    write: (tenant: DealershipQueries<InventoryDatabase>) => Promise<T>,
  ): Promise<T> {
    return withVehicleChange(this.writer, dealershipId, vehicleId, write);
  }

  async insert({ dealership_id, ...row }: Insertable<VehicleTable>): Promise<void> {
    await this.withChange(dealership_id, row.id, async (tenant: DealershipQueries<InventoryDatabase>) => {
      await tenant.insertInto('vehicles').values(row).execute();
      const at = new Date();
      await recordPriceChange(tenant, {
        vehicleId: row.id,
        fromCents: null,
        toCents: row.price_cents ?? null,
        currency: row.currency ?? 'USD',
        at,
        source: 'portal',
      });
      await recordVehicleChange(tenant, null, factsOfNewRow(row, at), at);
    });
  }

  /** Reads from the writer: callers use it right after their own writes. */
  async findById(dealershipId: string, id: string): Promise<VehicleRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findByStockNumber(dealershipId: string, stockNumber: string): Promise<VehicleRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where('stock_number', '=', stockNumber)
      .executeTakeFirst();
  }

  /**
   * For another service naming a car: the vehicle with this id, or with this VIN (or stock number; both compare
   * case-insensitively, as the schema's collation does), the one on the lot before sold ones,
   * newest first. Reads a replica: nothing here follows the caller's own write.
   */
  async findForLookup(dealershipId: string, ref: VehicleLookupRef): Promise<VehicleRow | undefined> {
    return forDealership(this.reader, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where((eb) =>
        'vin' in ref
          ? eb('vin', '=', ref.vin)
          : 'id' in ref
            ? eb('id', '=', ref.id)
            : eb('stock_number', '=', ref.stockNumber),
      )
      .orderBy(sql`status IN ('available', 'pending')`, 'desc')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** The newest vehicle with this VIN that is still on the lot (available or pending), if any. */
  async findInStockByVin(dealershipId: string, vin: string): Promise<VehicleRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where('vin', '=', vin)
      .where('status', 'in', ['available', 'pending'])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** Applies the change only if the row still has `expectedVersion`; false when it changed meanwhile. */
  async updateIfVersion(
    dealershipId: string,
    id: string,
    expectedVersion: number,
    changes: Omit<Updateable<VehicleTable>, 'dealership_id'>,
  ): Promise<boolean> {
    return this.withChange(dealershipId, id, async (tenant: DealershipQueries<InventoryDatabase>) => {
      // The vehicle before, locked so a concurrent edit cannot slip between it and the history and
      // analytics rows written from it.
      const before = await lockFacts(tenant, id, expectedVersion);
      if (!before) return false;
      const at = new Date();
      await tenant
        .updateTable('vehicles')
        .set({ ...changes, version: sql`version + 1`, updated_at: at })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .execute();
      if (changes.price_cents !== undefined) {
        await recordPriceChange(tenant, {
          vehicleId: id,
          fromCents: before.price_cents === null ? null : Number(before.price_cents),
          toCents: changes.price_cents ?? null,
          currency: changes.currency ?? before.currency,
          at,
          source: 'portal',
        });
      }
      await recordVehicleChange(tenant, before, (await lockFacts(tenant, id)) ?? null, at);
      return true;
    });
  }

  async deleteIfVersion(dealershipId: string, id: string, expectedVersion: number): Promise<boolean> {
    return this.withChange(dealershipId, id, async (tenant: DealershipQueries<InventoryDatabase>) => {
      const before = await lockFacts(tenant, id, expectedVersion);
      const result = await tenant
        .deleteFrom('vehicles')
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      const deleted = Number(result.numDeletedRows) === 1;
      // Its photos' rows go with it; their objects are recorded for deletion with them, deleted after
      // the commit (PhotoLibrary.forgetVehicle) or, when S3 fails, by the sweeper.
      if (deleted && before) await recordVehicleChange(tenant, before, null, new Date());
      if (deleted) {
        await tenant.deleteFrom('vehicle_photos').where('vehicle_id', '=', id).execute();
        await recordMediaDeletion(tenant, vehiclePhotoPrefix(dealershipId, id));
      }
      return deleted;
    });
  }

  /** Vehicles by id from a replica (search results: a moment's lag is harmless). */
  async findManyByIds(dealershipId: string, ids: readonly string[]): Promise<VehicleRow[]> {
    if (ids.length === 0) return [];
    return forDealership(this.reader, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Highest number used after `letter` in stock numbers like U1042, or null when none. */
  async highestStockNumber(dealershipId: string, letter: string): Promise<number | null> {
    const row = await forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .select(sql<number | null>`MAX(CAST(SUBSTRING(stock_number, 2) AS UNSIGNED))`.as('highest'))
      .where(sql<boolean>`stock_number REGEXP ${`^${letter}[0-9]{1,9}$`}`)
      .executeTakeFirst();
    return row?.highest === null || row?.highest === undefined ? null : Number(row.highest);
  }
}
