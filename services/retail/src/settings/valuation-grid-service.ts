import type { Kysely } from 'kysely';
import type { ValuationGrid, ValuationGridRow } from '@showroom/contracts';
import type { RetailDatabase } from '../database';
import { lockRetailSettings } from './settings-lock';
import { ValuationGridRepository } from './valuation-grid-repository';

/**
 * The dealer's trade valuation grid: ranges by make (and model), years and mileage that trade-in
 * estimates are read from. Saved whole (the portal edits it as one table).
 */
export class ValuationGridService {
  constructor(private readonly db: Kysely<RetailDatabase>) {}

  async grid(dealershipId: string): Promise<ValuationGrid> {
    return { rows: await this.rows(dealershipId) };
  }

  /** The rows in the dealer's order (trade-ins read estimates from them). */
  rows(dealershipId: string): Promise<ValuationGridRow[]> {
    return new ValuationGridRepository(this.db).rows(dealershipId);
  }

  async replace(dealershipId: string, grid: ValuationGrid): Promise<ValuationGrid> {
    await this.db.transaction().execute(async (trx) => {
      await lockRetailSettings(trx, dealershipId);
      await new ValuationGridRepository(trx).replace(dealershipId, grid.rows);
    });
    return this.grid(dealershipId);
  }
}
