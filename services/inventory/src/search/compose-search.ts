import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SearchAccess } from '@showroom/contracts';
import { ConfigError, type ErrorReporter } from '@showroom/server-kit';
import type { InventoryConfig } from '../config';
import type { InventoryDatabase } from '../database';
import type { RooftopDirectory } from '../rooftops/rooftop-directory';
import { createAlgoliaClient, type AlgoliaClientOptions } from './algolia/algolia-client';
import { AlgoliaSearchEngine, AlgoliaVehicleIndex } from './algolia/algolia-engine';
import { algoliaFollowing } from './algolia/algolia-indexer';
import { MysqlIndexCursorStore } from './algolia/mysql-cursor-store';
import { SecuredSearchKeys } from './algolia/secured-keys';
import { MysqlVehicleChanges } from './changes';
import { MysqlSearchDocuments } from './documents';
import { EmbeddedSearchEngine } from './embedded/embedded-engine';
import { IndexFollower, type FollowCursor } from './follow-changes';
import { MysqlSearchEngine } from './mysql-engine';
import { IndexGenerations, SearchPageCache } from './page-cache';
import { VehicleMemo } from './vehicle-memo';
import type { SynonymRule, VehicleSearchEngine, VehicleSearchIndex } from './port';
import type { SearchAccessIssuer } from './search-routes';
import { configuredSynonyms } from './synonyms';
import { VehicleSearch, type VehicleHydrator } from './vehicle-search';

export interface SearchParts {
  search: VehicleSearch;
  searchAccess: SearchAccessIssuer;
  /** This instance's index applies every committed change before it resolves (read-your-writes). */
  catchUp(): Promise<void>;
  /** Builds the index and follows the change feed in the background; searches meanwhile go to MySQL. */
  start(): void;
  isReady(): boolean;
  close(): Promise<void>;
}

export interface SearchDependencies {
  config: InventoryConfig;
  writer: Kysely<InventoryDatabase>;
  reader: Kysely<InventoryDatabase>;
  rooftops: RooftopDirectory;
  vehicles: VehicleHydrator;
  logger: Logger;
  reporter?: ErrorReporter;
  /** Tests hand the Algolia client a requester that records and answers; production passes nothing. */
  algoliaClientOptions?: AlgoliaClientOptions;
  /**
   * Told which rooftops the embedded index has just changed: their reads stay on the primary a
   * moment (ReadYourWrites.wrote), so pages and vehicles kept under the new generation are never
   * read from a replica that lacks the change.
   */
  rooftopsChanged?: (dealershipIds: readonly string[]) => void;
}

const HOUR_MS = 3_600_000;
/** Vehicles of recent hits kept in memory (about 1.5 kB each). */
const MEMO_VEHICLES = 20_000;
/** A kept page or vehicle is dropped after this even if nothing changed: days in stock move on with the clock. */
const PAGE_TTL_MS = 60_000;

/** The search engine the configuration names, the MySQL fallback behind it, and what keeps it current. */
export function composeSearch(deps: SearchDependencies): SearchParts {
  const { config, logger } = deps;
  const synonyms = configuredSynonyms(config.SEARCH_SYNONYMS_FILE);
  const changes = new MysqlVehicleChanges(deps.writer);
  const documents = new MysqlSearchDocuments(
    deps.writer,
    config.SEARCH_ENGINE === 'algolia' ? deps.rooftops : undefined,
  );
  const fallback = new MysqlSearchEngine(deps.reader, synonyms);
  const generations = new IndexGenerations(deps.rooftopsChanged);
  const chosen =
    config.SEARCH_ENGINE === 'algolia'
      ? algoliaEngine(deps)
      : config.SEARCH_ENGINE === 'mysql'
        ? mysqlOnly(fallback)
        : embeddedEngine(synonyms, generations);
  const follower =
    chosen.index &&
    new IndexFollower({
      index: chosen.index,
      changes,
      documents,
      log: logger.child({ component: `search-${chosen.engine.name}` }),
      intervalMs: config.SEARCH_FOLLOW_INTERVAL_MS,
      cursor: chosen.cursor,
      mayFollow: chosen.mayFollow,
      onReady: chosen.onReady,
    });
  const search = new VehicleSearch({
    engine: chosen.engine,
    fallback,
    vehicles: deps.vehicles,
    logger,
    reporter: deps.reporter,
    // Only for an index in this process: its generations say when a kept page or vehicle is stale.
    ...(chosen.pagesCacheable && config.SEARCH_PAGE_CACHE_MB > 0
      ? {
          pageCache: new SearchPageCache(generations, {
            maxBytes: config.SEARCH_PAGE_CACHE_MB * 1_048_576,
            ttlMs: PAGE_TTL_MS,
          }),
          vehicleMemo: new VehicleMemo(generations, { maxVehicles: MEMO_VEHICLES, ttlMs: PAGE_TTL_MS }),
        }
      : {}),
  });
  let pruning: NodeJS.Timeout | undefined;
  const cursors = new MysqlIndexCursorStore(deps.writer);
  // Old changes go, except those a durable index (Algolia) has not acknowledged yet.
  const prune = async () =>
    changes
      .prune(config.SEARCH_CHANGES_RETENTION_DAYS, await cursors.lowest())
      .catch((error: unknown) => logger.warn({ err: error }, 'old vehicle changes could not be pruned'));
  return {
    search,
    searchAccess: chosen.access,
    // Only an index in this process can be caught up for the writer's next search; Algolia indexes
    // on its own time, and a write must not wait on the indexer's lock or on Algolia.
    catchUp: () => (chosen.pagesCacheable && follower ? follower.catchUp() : Promise.resolve()),
    isReady: () => follower?.isReady() ?? true,
    start() {
      void follower?.start();
      pruning = setInterval(prune, HOUR_MS).unref();
    },
    async close() {
      clearInterval(pruning);
      await follower?.stop();
      await chosen.close();
    },
  };
}

interface ChosenEngine {
  engine: VehicleSearchEngine;
  /** What the change feed keeps current; none when MySQL itself answers. */
  index?: VehicleSearchIndex;
  access: SearchAccessIssuer;
  cursor?: FollowCursor;
  mayFollow?: () => Promise<boolean>;
  onReady?: () => void;
  /** Whether this process knows each change its index takes (an index in this process). */
  pagesCacheable?: boolean;
  close(): Promise<void>;
}

function mysqlOnly(mysql: MysqlSearchEngine): ChosenEngine {
  return { engine: mysql, access: { accessFor: apiAccess }, close: async () => undefined };
}

function embeddedEngine(synonyms: readonly SynonymRule[], generations: IndexGenerations): ChosenEngine {
  const engine = new EmbeddedSearchEngine({ synonyms });
  return {
    engine,
    index: generations.watching(engine),
    pagesCacheable: true,
    access: { accessFor: apiAccess },
    onReady: () => engine.markReady(),
    close: async () => undefined,
  };
}

/** Without Algolia, a website's browser searches through the public API. */
function apiAccess(scope: { dealershipId: string } | { groupId: string }): SearchAccess {
  const url =
    'dealershipId' in scope
      ? `/api/inventory/public/dealerships/${scope.dealershipId}/vehicles`
      : `/api/inventory/public/groups/${scope.groupId}/vehicles`;
  return { engine: 'api', url };
}

function algoliaEngine({
  config,
  writer,
  logger,
  reporter,
  algoliaClientOptions,
}: SearchDependencies): ChosenEngine {
  const missing = (
    ['ALGOLIA_APP_ID', 'ALGOLIA_ADMIN_API_KEY', 'ALGOLIA_SEARCH_API_KEY', 'ALGOLIA_INDEX_NAME'] as const
  ).filter((name) => !config[name]);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${name} is required with SEARCH_ENGINE=algolia`));
  }
  const appId = config.ALGOLIA_APP_ID as string;
  const indexName = config.ALGOLIA_INDEX_NAME as string;
  const admin = createAlgoliaClient(
    { appId, apiKey: config.ALGOLIA_ADMIN_API_KEY as string },
    algoliaClientOptions,
  );
  const searcher = createAlgoliaClient(
    { appId, apiKey: config.ALGOLIA_SEARCH_API_KEY as string },
    algoliaClientOptions,
  );
  // One instance indexes (a MySQL named lock), from a cursor kept in MySQL, backing off while Algolia fails.
  const following = algoliaFollowing({
    indexName,
    writer,
    writerUrl: config.INVENTORY_DATABASE_URL,
    index: new AlgoliaVehicleIndex(admin, indexName),
    log: logger.child({ component: 'search-algolia-indexer' }),
    reportError: (error) => reporter?.notify(error, { component: 'search-algolia-indexer' }),
  });
  return {
    engine: new AlgoliaSearchEngine(searcher, indexName),
    index: following.index,
    cursor: following.cursor,
    mayFollow: following.mayFollow,
    close: following.close,
    access: new SecuredSearchKeys(searcher, {
      appId,
      searchApiKey: config.ALGOLIA_SEARCH_API_KEY as string,
      indexName,
      ttlSeconds: config.ALGOLIA_SEARCH_KEY_TTL_SECONDS,
    }),
  };
}
