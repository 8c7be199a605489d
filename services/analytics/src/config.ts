import {
  allNotInProduction,
  ConfigError,
  configInt,
  devDefaults,
  notInProduction,
  serviceConfigLoader,
} from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { z } from 'zod';

/** Where events are stored and asked: DuckDB in the process, or an Elasticsearch cluster. */
export const ANALYTICS_ENGINES = ['embedded', 'elasticsearch'] as const;
export type AnalyticsEngineName = (typeof ANALYTICS_ENGINES)[number];

const localService = (port: number) =>
  notInProduction(z.url().default(`http://127.0.0.1:${port}`), devDefaults.localhost);

const loadEnvironment = serviceConfigLoader(3005, {
  /**
   * JSON bodies of every route but the websites' (settings and source costs too): a full ingest batch
   * (500 events of up to ~1 kB) does not fit the platform's 100 kB. The websites' batches keep 16 kB.
   */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb or 1mb')
    .default('1mb'),
  /** Settings and source costs only; events live in the engine. */
  ...allNotInProduction(databaseConfigShape('ANALYTICS', 'showroom_analytics'), devDefaults.localhost),
  /**
   * `embedded` keeps events in DuckDB inside this process (npm start, tests, the benchmark); a
   * deployment runs several tasks that must see the same events, so production uses `elasticsearch`.
   */
  ANALYTICS_ENGINE: notInProduction(
    z.enum(ANALYTICS_ENGINES).default('embedded'),
    devDefaults.oneOf('embedded'),
  ),
  /** The embedded engine's database file; `:memory:` keeps events only while the process runs. */
  ANALYTICS_DUCKDB_PATH: z.string().min(1).default(':memory:'),
  /** The cluster (Elastic Cloud or self-managed; AWS OpenSearch refuses the official client). */
  ELASTICSEARCH_URL: z.url().optional(),
  /** An API key with rights on the events' monthly indices, the vehicles index, the template and the ILM policy. */
  ELASTICSEARCH_API_KEY: z.string().min(1).optional(),
  /**
   * The events' index prefix (the name is from when events went to a data stream): each event goes to
   * `<name>-YYYY.MM` (its occurredAt month, UTC), so its id stays unique for good; reports read `<name>-*`.
   */
  ELASTICSEARCH_DATA_STREAM: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a lowercase index name')
    .default('showroom-analytics-events'),
  /** One document per vehicle, upserted from vehicle events, for the aging report. */
  ELASTICSEARCH_VEHICLES_INDEX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a lowercase index name')
    .default('showroom-analytics-vehicles'),
  /** Collection rate limits (each instance counts in memory while Redis is away). */
  REDIS_URL: notInProduction(z.url().default('redis://127.0.0.1:6379/0'), devDefaults.localhost),
  /** Dealerships' time zones and website origins (users' internal storefront route). */
  USERS_API_URL: localService(3002),
  /** Machine credentials (client credentials grant) for calls to users. */
  AUTH_CLIENT_ID: z.string().min(1).default('showroom-services'),
  AUTH_CLIENT_SECRET: notInProduction(
    z.string().min(1).default('dev-services-secret'),
    devDefaults.oneOf('dev-services-secret'),
  ),
  /** Dealerships whose storefront facts (time zone, origins) each instance keeps for 30 s. */
  STOREFRONT_CACHE_SIZE: configInt(1, 1_000_000, 10_000),
  /**
   * Public collection: batches per client address, and per dealership, in each window. A browser
   * sends a batch every few seconds at most, so a whole showroom of shoppers behind one address
   * stays well under the first; the second caps what one site can cost us.
   */
  COLLECT_RATE_PER_ADDRESS: configInt(1, 1_000_000, 240),
  COLLECT_RATE_PER_DEALERSHIP: configInt(1, 10_000_000, 60_000),
  COLLECT_RATE_WINDOW_SECONDS: configInt(1, 86_400, 60),
});

/** The analytics service's environment (besides the base variables every service reads). */
export function loadAnalyticsConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadEnvironment(env);
  // Checked here rather than at the first query: a task without its cluster must not start at all.
  if (config.ANALYTICS_ENGINE === 'elasticsearch' && !config.ELASTICSEARCH_URL) {
    throw new ConfigError(['ELASTICSEARCH_URL is missing, and ANALYTICS_ENGINE=elasticsearch needs it']);
  }
  return config;
}
export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>;

/** What the engine is built from (engine/compose-engine.ts). */
export type AnalyticsEngineConfig = Pick<
  AnalyticsConfig,
  | 'ANALYTICS_ENGINE'
  | 'ANALYTICS_DUCKDB_PATH'
  | 'ELASTICSEARCH_URL'
  | 'ELASTICSEARCH_API_KEY'
  | 'ELASTICSEARCH_DATA_STREAM'
  | 'ELASTICSEARCH_VEHICLES_INDEX'
>;
