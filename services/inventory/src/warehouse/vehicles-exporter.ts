import { acrossDealerships } from '@showroom/server-mysql';
import {
  EXPORT_PAGE_SIZE,
  keysetPages,
  type ExportDay,
  type WarehouseExporter,
  type WarehouseRow,
} from '@showroom/server-warehouse';
import { sql, type Kysely } from 'kysely';
import type { InventoryDatabase } from '../database';
import { VEHICLES_TABLE } from './vehicles-table';

/** A vehicle on the lot: for sale, or held for a shopper's reservation. */
const ON_THE_LOT = ['available', 'pending'] as const;

/**
 * The day's snapshot from the inventory schema: vehicles on the lot now, plus those changed since
 * the day began; never vehicles added after the day ended (a re-export of an old day does not grow).
 * Read in pages by (dealership_id, id), the table's primary key.
 */
export function vehiclesExporter(
  db: Kysely<InventoryDatabase>,
  pageSize = EXPORT_PAGE_SIZE,
): WarehouseExporter {
  const all = acrossDealerships(db);

  const readPage = (day: ExportDay, after: { dealershipId: string; id: string } | null) => {
    let query = all
      .selectFrom('vehicles')
      .select([
        'id',
        'dealership_id',
        'vin',
        'stock_number',
        'vehicle_condition',
        'year',
        'make',
        'model',
        'trim',
        'body_style',
        'mileage',
        'price_cents',
        'msrp_cents',
        'currency',
        'status',
        'published',
        'photo_count',
        'created_at',
        'updated_at',
      ])
      .where('created_at', '<', day.to)
      .where((eb) => eb.or([eb('status', 'in', ON_THE_LOT), eb('updated_at', '>=', day.from)]));
    if (after) query = query.where(sql<boolean>`(dealership_id, id) > (${after.dealershipId}, ${after.id})`);
    return query.orderBy('dealership_id').orderBy('id').limit(pageSize).execute();
  };
  type VehicleRow = Awaited<ReturnType<typeof readPage>>[number];

  return {
    table: VEHICLES_TABLE,
    async *rowsOf(day) {
      const pages = keysetPages<VehicleRow, { dealershipId: string; id: string }>(
        (after) => readPage(day, after),
        (last) => ({ dealershipId: last.dealership_id, id: last.id }),
        pageSize,
      );
      for await (const page of pages) {
        yield page.map(({ year, trim, created_at, published, ...vehicle }): WarehouseRow => ({
          ...vehicle,
          model_year: year,
          trim_level: trim,
          // MySQL hands booleans back as 0/1.
          published: Boolean(published),
          listed_at: created_at,
        }));
      }
    },
  };
}
