import { allNotInProduction, baseConfigSchema, devDefaults, loadConfig } from '@showroom/server-kit';
import { createDatabase, databaseConfigShape } from '@showroom/server-mysql';
import {
  mainServiceWarehouseCommand,
  warehouseConfigShape,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import type { RetailDatabase } from '../database';
import { dealsExporter } from './deals-exporter';
import { DEALS_TABLE } from './deals-table';

/**
 * The retail service's part of the nightly warehouse ETL (run by `npm run warehouse:export`):
 * `tsx services/retail/src/warehouse/warehouse-cli.ts export --date YYYY-MM-DD`. It reads only what it needs:
 * the retail schema (a reader URL when there is one) and the warehouse bucket.
 */
const configSchema = baseConfigSchema.pick({ NODE_ENV: true, ALLOW_DEVELOPMENT_DEFAULTS: true }).extend({
  ...allNotInProduction(databaseConfigShape('RETAIL', 'showroom_retail'), devDefaults.localhost),
  ...warehouseConfigShape,
});

mainServiceWarehouseCommand({
  table: DEALS_TABLE,
  async open() {
    const config = loadConfig(configSchema);
    const database = createDatabase<RetailDatabase>({
      writerUrl: config.RETAIL_DATABASE_URL,
      readerUrls: config.RETAIL_DATABASE_READER_URLS,
      connectionLimit: 2,
    });
    return {
      exporter: dealsExporter(database.reader),
      store: warehouseObjectStore(config),
      close: () => database.close(),
    };
  },
});
