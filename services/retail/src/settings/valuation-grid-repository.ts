import type { Kysely, Transaction } from 'kysely';
import type { ValuationGridRow } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { RetailDatabase } from '../database';

type RetailDb = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/** The SQL of a dealership's trade valuation grid: its rows in the order the dealer saved them. */
export class ValuationGridRepository {
  constructor(private readonly db: RetailDb) {}

  async rows(dealershipId: string): Promise<ValuationGridRow[]> {
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('valuation_grid_rows')
      .selectAll()
      .orderBy('position')
      .execute();
    return rows.map((row) => ({
      make: row.make,
      model: row.model,
      yearFrom: row.year_from,
      yearTo: row.year_to,
      maxMileage: row.max_mileage,
      lowCents: Number(row.low_cents),
      highCents: Number(row.high_cents),
    }));
  }

  /** Replaces every row (run it in a transaction: the grid is never seen half-saved). */
  async replace(dealershipId: string, rows: readonly ValuationGridRow[]): Promise<void> {
    const tenant = forDealership(this.db, dealershipId);
    await tenant.deleteFrom('valuation_grid_rows').execute();
    if (rows.length === 0) return;
    await tenant
      .insertInto('valuation_grid_rows')
      .values(
        rows.map((row, position) => ({
          position,
          make: row.make,
          model: row.model,
          year_from: row.yearFrom,
          year_to: row.yearTo,
          max_mileage: row.maxMileage,
          low_cents: row.lowCents,
          high_cents: row.highCents,
        })),
      )
      .execute();
  }
}
