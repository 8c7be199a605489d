import type { Kysely } from 'kysely';
import { ALL_DEMO_DEALERSHIPS } from '@showroom/demo-data';
import type { RetailDatabase } from '../database';
import { DEFAULT_RETAIL_SETTINGS } from '../settings/defaults';
import { ProductRepository } from '../settings/product-repository';
import { RetailSettingsRepository } from '../settings/settings-repository';
import { ValuationGridRepository } from '../settings/valuation-grid-repository';
import { DEMO_PRODUCTS, demoProductId } from './demo-products';
import { DEMO_RETAIL_SETTINGS } from './demo-settings';
import { demoValuationGrid } from './demo-valuation-grid';

/**
 * The demo rooftops' retail settings, protection products and valuation grid. Idempotent: each
 * part is written only where the dealership has none yet, so a dealer's own edits in the portal
 * survive a restart.
 */
export async function seedRetailDemo(db: Kysely<RetailDatabase>, now = new Date()): Promise<void> {
  const grid = demoValuationGrid(now.getUTCFullYear());
  for (const dealership of ALL_DEMO_DEALERSHIPS) {
    await db.transaction().execute(async (trx) => {
      const settings = new RetailSettingsRepository(trx);
      await settings.insertIfMissing(
        dealership.id,
        DEMO_RETAIL_SETTINGS[dealership.id] ?? DEFAULT_RETAIL_SETTINGS,
      );
      // One seed at a time per dealership (two starts at once must not both add the menu).
      await settings.find(dealership.id, true);
      const products = new ProductRepository(trx);
      if ((await products.count(dealership.id)) === 0) {
        for (const product of DEMO_PRODUCTS) {
          await products.insert(dealership.id, demoProductId(dealership.id, product.kind), product);
        }
      }
      const valuationGrid = new ValuationGridRepository(trx);
      if ((await valuationGrid.rows(dealership.id)).length === 0)
        await valuationGrid.replace(dealership.id, grid);
    });
  }
}
