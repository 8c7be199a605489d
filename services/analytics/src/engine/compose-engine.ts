import type { Logger } from 'pino';
import type { AnalyticsEngineConfig } from '../config';
import { DuckDbEngine } from './duckdb';
import { createElasticsearchEngine } from './elasticsearch';
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
    case 'elasticsearch': {
      // loadAnalyticsConfig refuses this engine without a URL; the check keeps the type honest.
      if (!config.ELASTICSEARCH_URL)
        throw new Error('ANALYTICS_ENGINE=elasticsearch needs ELASTICSEARCH_URL');
      logger.info(
        { engine: 'elasticsearch', dataStream: config.ELASTICSEARCH_DATA_STREAM },
        'analytics events in Elasticsearch',
      );
      return createElasticsearchEngine(
        {
          url: config.ELASTICSEARCH_URL,
          apiKey: config.ELASTICSEARCH_API_KEY ?? null,
          dataStream: config.ELASTICSEARCH_DATA_STREAM,
          vehiclesIndex: config.ELASTICSEARCH_VEHICLES_INDEX,
        },
        logger,
      );
    }
  }
}
