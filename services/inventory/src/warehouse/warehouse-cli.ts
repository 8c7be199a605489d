import { allNotInProduction, baseConfigSchema, devDefaults, loadConfig } from '@showroom/server-kit';
import { createDatabase, databaseConfigShape } from '@showroom/server-mysql';
import {
  mainServiceWarehouseCommand,
  warehouseConfigShape,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import type { InventoryDatabase } from '../database';
import { vehiclesExporter } from './vehicles-exporter';
import { VEHICLES_TABLE } from './vehicles-table';

/**
 * The inventory service's part of the nightly warehouse ETL (run by `npm run warehouse:export`):
 * `tsx services/inventory/src/warehouse/warehouse-cli.ts export --date YYYY-MM-DD`. It reads only what it needs:
 * the inventory schema (a reader URL when there is one) and the warehouse bucket.
 */
const configSchema = baseConfigSchema.pick({ NODE_ENV: true, ALLOW_DEVELOPMENT_DEFAULTS: true }).extend({
  ...allNotInProduction(databaseConfigShape('INVENTORY', 'showroom_inventory'), devDefaults.localhost),
  ...warehouseConfigShape,
});

mainServiceWarehouseCommand({
  table: VEHICLES_TABLE,
  async open() {
    const config = loadConfig(configSchema);
    const database = createDatabase<InventoryDatabase>({
      writerUrl: config.INVENTORY_DATABASE_URL,
      readerUrls: config.INVENTORY_DATABASE_READER_URLS,
      connectionLimit: 2,
    });
    return {
      exporter: vehiclesExporter(database.reader),
      store: warehouseObjectStore(config),
      close: () => database.close(),
    };
  },
});
