import {
  baseConfigSchema,
  ConfigError,
  createLogger,
  devDefaults,
  loadConfig,
  notInProduction,
} from '@showroom/server-kit';
import {
  mainServiceWarehouseCommand,
  warehouseConfigShape,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import { pino } from 'pino';
import { z } from 'zod';
import { ANALYTICS_ENGINES } from '../config';
import { composeEngine } from '../engine/compose-engine';
import { eventsExporter } from './events-exporter';
import { EVENTS_TABLE } from './events-table';

/**
 * The analytics service's part of the nightly warehouse ETL (run by `npm run warehouse:export`):
 * `tsx services/analytics/src/warehouse/warehouse-cli.ts export --date YYYY-MM-DD`. It reads the engine the
 * service reads (the same variables as config.ts) and the warehouse bucket, nothing else.
 *
 * Locally the embedded engine's file is `npm start`'s (tmp/analytics/events.duckdb). DuckDB lets one
 * process open it, so while the analytics service runs this export fails, naming the lock; in
 * production the engine is Elasticsearch, which the service and this export read side by side.
 */
const configSchema = baseConfigSchema
  .pick({ NODE_ENV: true, ALLOW_DEVELOPMENT_DEFAULTS: true, LOG_LEVEL: true })
  .extend({
    ANALYTICS_ENGINE: notInProduction(
      z.enum(ANALYTICS_ENGINES).default('embedded'),
      devDefaults.oneOf('embedded'),
    ),
    ANALYTICS_DUCKDB_PATH: z.string().min(1).default('tmp/analytics/events.duckdb'),
    ELASTICSEARCH_URL: z.url().optional(),
    ELASTICSEARCH_API_KEY: z.string().min(1).optional(),
    ELASTICSEARCH_DATA_STREAM: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/)
      .default('showroom-analytics-events'),
    ELASTICSEARCH_VEHICLES_INDEX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/)
      .default('showroom-analytics-vehicles'),
    ...warehouseConfigShape,
  });

mainServiceWarehouseCommand({
  table: EVENTS_TABLE,
  async open() {
    const config = loadConfig(configSchema);
    if (config.ANALYTICS_ENGINE === 'elasticsearch' && !config.ELASTICSEARCH_URL) {
      throw new ConfigError(['ELASTICSEARCH_URL is missing, and ANALYTICS_ENGINE=elasticsearch needs it']);
    }
    // stdout carries the command's JSON result: the engine logs to stderr.
    const logger = createLogger('analytics-warehouse', config.LOG_LEVEL, pino.destination(2));
    const engine = composeEngine(config, logger);
    await engine.ready();
    return {
      exporter: eventsExporter(engine),
      store: warehouseObjectStore(config),
      close: () => engine.close(),
    };
  },
});
