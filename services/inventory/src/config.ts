import { allNotInProduction, devDefaults, notInProduction, serviceConfigLoader } from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { storageConfigShape } from '@showroom/server-storage';
import { z } from 'zod';
import { feedImportConfigShape } from './feed-import/config';
import { photoRobotConfigShape } from './photo-robot/config';
import { syndicationConfigShape } from './syndication/config';

/** The inventory service's environment (besides the base variables every service reads). */
export const loadInventoryConfig = serviceConfigLoader(3001, {
  ...allNotInProduction(databaseConfigShape('INVENTORY', 'showroom_inventory'), devDefaults.localhost),
  /** Photos, feeds and imported files. */
  ...storageConfigShape,
  /** The photo robot's limits, and the private hosts tests may let it reach. */
  ...photoRobotConfigShape,
  /** When feeds are regenerated, and the website vehicle links point at by default. */
  ...syndicationConfigShape,
  /** Feed import batches, polling, and when an abandoned import is taken over. */
  ...feedImportConfigShape,
  REDIS_URL: notInProduction(z.url().default('redis://127.0.0.1:6379/0'), devDefaults.localhost),
  INVENTORY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** The users service, which names rooftops and dealer groups. */
  USERS_API_URL: notInProduction(z.url().default('http://127.0.0.1:3002'), devDefaults.localhost),
  /** The analytics service, which takes the lot's listings, price changes, sales and removals. */
  ANALYTICS_API_URL: notInProduction(z.url().default('http://127.0.0.1:3005'), devDefaults.localhost),
  /** How long the analytics relay waits after a pass before looking for new vehicle events. */
  ANALYTICS_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  /** Machine credentials (client credentials grant) for calls to the users and analytics services. */
  AUTH_CLIENT_ID: z.string().min(1).default('showroom-services'),
  AUTH_CLIENT_SECRET: notInProduction(
    z.string().min(1).default('dev-services-secret'),
    devDefaults.oneOf('dev-services-secret'),
  ),
  /**
   * Which engine answers searches: in this process (default), Algolia (needs the ALGOLIA_* variables),
   * or MySQL alone (no index to keep: exact filters, no typo tolerance; a tiny install, or a baseline).
   */
  SEARCH_ENGINE: z.enum(['embedded', 'algolia', 'mysql']).default('embedded'),
  ALGOLIA_APP_ID: z.string().min(1).optional(),
  /** Writes the index (the indexer, `npm run search:configure`/`search:reindex`); never leaves the server. */
  ALGOLIA_ADMIN_API_KEY: z.string().min(1).optional(),
  /** Parent of the secured, per-dealership keys handed to websites' browsers. */
  ALGOLIA_SEARCH_API_KEY: z.string().min(1).optional(),
  /** One index per environment, e.g. showroom_prod_vehicles; sort replicas are named after it. */
  ALGOLIA_INDEX_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{3,100}$/, 'letters, digits, _ and - (3–100)')
    .optional(),
  /** How long a website's secured search key lives. */
  ALGOLIA_SEARCH_KEY_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
  /** A synonyms file in Algolia's format, replacing the built-in services/inventory/search/synonyms.json. */
  SEARCH_SYNONYMS_FILE: z.string().min(1).optional(),
  /** How often this instance's embedded index (or the Algolia indexer) reads the change feed. */
  SEARCH_FOLLOW_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
  /** Memory for search pages kept as sent (embedded engine only: its index generations are known here). */
  SEARCH_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4_096).default(32),
  /** Days the change feed is kept; an Algolia indexer further behind than this needs a full reindex. */
  SEARCH_CHANGES_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
});
export type InventoryConfig = ReturnType<typeof loadInventoryConfig>;
