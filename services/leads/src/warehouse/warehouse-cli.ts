import { allNotInProduction, baseConfigSchema, devDefaults, loadConfig } from '@showroom/server-kit';
import { createDatabase, databaseConfigShape } from '@showroom/server-mysql';
import {
  mainServiceWarehouseCommand,
  warehouseConfigShape,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import type { LeadsDatabase } from '../database';
import { leadsExporter } from './leads-exporter';
import { LEADS_TABLE } from './leads-table';

/**
 * The leads service's part of the nightly warehouse ETL (run by `npm run warehouse:export`):
 * `tsx services/leads/src/warehouse/warehouse-cli.ts export --date YYYY-MM-DD`. It reads only what it needs:
 * the leads schema (a reader URL when there is one) and the warehouse bucket.
 */
const configSchema = baseConfigSchema.pick({ NODE_ENV: true, ALLOW_DEVELOPMENT_DEFAULTS: true }).extend({
  ...allNotInProduction(databaseConfigShape('LEADS', 'showroom_leads'), devDefaults.localhost),
  ...warehouseConfigShape,
});

mainServiceWarehouseCommand({
  table: LEADS_TABLE,
  async open() {
    const config = loadConfig(configSchema);
    const database = createDatabase<LeadsDatabase>({
      writerUrl: config.LEADS_DATABASE_URL,
      readerUrls: config.LEADS_DATABASE_READER_URLS,
      connectionLimit: 2,
    });
    return {
      exporter: leadsExporter(database.reader),
      store: warehouseObjectStore(config),
      close: () => database.close(),
    };
  },
});
