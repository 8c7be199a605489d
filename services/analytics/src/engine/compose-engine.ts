import type { Logger } from 'pino';
import type { AnalyticsEngineConfig } from '../config';
import { DuckDbEngine } from './duckdb';
import type { AnalyticsEngine } from './port';

/**
 * The engine the configuration names. Synchronous on purpose: nothing connects here; the caller
 * awaits `ready()` (tables, or the index template and lifecycle policy) before taking traffic.
 */
export function composeEngine(config: AnalyticsEngineConfig, logger: Logger): AnalyticsEngine {
  switch (config.ANALYTICS_ENGINE) {
    case 'embedded':
      logger.info({ engine: 'embedded', path: config.ANALYTICS_DUCKDB_PATH }, 'analytics events in DuckDB');
      return new DuckDbEngine({ path: config.ANALYTICS_DUCKDB_PATH });
    case 'elasticsearch':
      throw new Error('the elasticsearch engine is composed once engine/elasticsearch/index.ts exports it');
  }
}
