import type { Redis } from 'ioredis';
import { createRedis, pingRedis, RedisRecentWrites, TenantCache } from '@showroom/server-cache';
import {
  serviceTokensFrom,
  createErrorReporter,
  createServiceApp,
  readKeys,
  type ComposedService,
  type ErrorReporter,
  type ServiceRuntime,
  type ServiceTokens,
} from '@showroom/server-kit';
import {
  createDatabase,
  migrateToLatest,
  ReadYourWrites,
  replicaReadiness,
  type Database,
  databaseSettingsOf,
} from '@showroom/server-mysql';
import { objectStoreFromConfig, type ObjectStore } from '@showroom/server-storage';
import type { AnalyticsRelay } from './analytics/analytics-relay';
import { composeAnalyticsRelay } from './analytics/compose-analytics';
import type { InventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { composeFeedImport, type FeedImport } from './feed-import/compose-feed-import';
import { VehicleHoldRepository } from './holds/hold-repository';
import { VehicleHolds } from './holds/vehicle-holds';
import { inventoryMigrations } from './migrations';
import { MediaDeletions } from './photos/media-deletions';
import { PhotoLibrary } from './photos/photo-library';
import { photoUrlsAt } from './photos/photo-keys';
import { PhotoRepository } from './photos/photo-repository';
import { composePhotoRobot, type PhotoRobot } from './photo-robot/compose-photo-robot';
import { UsersServiceRooftops } from './rooftops/rooftop-directory';
import type { AlgoliaClientOptions } from './search/algolia/algolia-client';
import { composeSearch, type SearchParts } from './search/compose-search';
import { inventoryRoutes } from './routes';
import { RooftopScopes } from './search/rooftop-scopes';
import { composeSyndication, type SyndicationParts } from './syndication/compose-syndication';
import { VehicleRepository } from './vehicles/repository';
import { VehicleService } from './vehicles/service';

export interface InventoryRuntime extends ServiceRuntime {
  clock?: () => Date;
  /** Machine tokens for the users and analytics services (default: client credentials from config). */
  tokens?: ServiceTokens;
  reporter?: ErrorReporter;
  algoliaClientOptions?: AlgoliaClientOptions;
  /** How soon the rooftop directory asks the users service again for an id it does not know. */
  rooftopMissRefreshMs?: number;
}

/** The inventory service as main.ts runs it, and as the tests run it. */
export interface Inventory extends ComposedService {
  database: Database<InventoryDatabase>;
  redis: Redis;
  search: SearchParts;
  syndication: SyndicationParts;
  /** Photos, feeds and imported files (S3). */
  objects: ObjectStore;
  /** Media objects of removed photos and vehicles still to delete (swept while background work runs). */
  mediaDeletions: MediaDeletions;
  /** Fetches photos from image links in the background (the queue, and this instance's worker). */
  photoRobot: PhotoRobot;
  feedImport: FeedImport;
  /** Ships the outbox's vehicle events to analytics (background work). */
  analyticsRelay: AnalyticsRelay;
}

/** The one composition root: adapters from the configuration, the service on them, the app on top. */
export function composeInventory(config: InventoryConfig, runtime: InventoryRuntime): Inventory {
  const { logger } = runtime;
  const database = createDatabase<InventoryDatabase>(databaseSettingsOf(config, 'INVENTORY'));
  const redis = createRedis(config.REDIS_URL, logger);
  const reads = new ReadYourWrites(database.replicas, new RedisRecentWrites(redis, 'inventory'));
  const objects = objectStoreFromConfig(config);
  const photoUrls = photoUrlsAt(config.MEDIA_PUBLIC_URL);
  const cache = new TenantCache(redis, logger, {
    namespace: 'inventory',
    ttlSeconds: config.INVENTORY_CACHE_TTL_SECONDS,
  });
  const reporter = runtime.reporter ?? createErrorReporter(config, logger);
  const tokens = runtime.tokens ?? serviceTokensFrom(config);
  const rooftops = new UsersServiceRooftops(config.USERS_API_URL, tokens, {
    missRefreshMs: runtime.rooftopMissRefreshMs,
  });
  // The service tells search about its own writes; search hydrates its hits through the service.
  const vehicles = new VehicleService(
    new VehicleRepository(database.writer, database.reader),
    cache,
    runtime.clock,
    () => search.catchUp(),
    photoUrls,
  );
  const mediaDeletions = new MediaDeletions(database.writer, objects, logger, (error) =>
    reporter?.notify(error, { component: 'media-deletions' }),
  );
  const photos = new PhotoLibrary(
    new PhotoRepository(database.writer, database.reader),
    objects,
    mediaDeletions,
    cache,
    photoUrls,
    () => search.catchUp(),
  );
  const photoRobot = composePhotoRobot({ config, writer: database.writer, photos, logger, reporter });
  const search = composeSearch({
    config,
    writer: database.writer,
    reader: database.reader,
    rooftops,
    vehicles,
    logger,
    reporter,
    algoliaClientOptions: runtime.algoliaClientOptions,
    rooftopsChanged: (dealershipIds) => void reads.wrote(dealershipIds.map(readKeys.dealership)),
  });
  const feedImport = composeFeedImport({
    config,
    writer: database.writer,
    objects,
    photos: photoRobot.queue,
    suggestStockNumber: (dealershipId, condition) => vehicles.suggestStockNumber(dealershipId, condition),
    // Search follows the change feed on its own: an import does not wait for the index after each batch.
    vehiclesChanged: async (dealershipId) => {
      await Promise.all([cache.invalidate(dealershipId), reads.wrote([readKeys.dealership(dealershipId)])]);
    },
    forgetPhotos: (dealershipId, vehicleId) => photos.forgetVehicle(dealershipId, vehicleId),
    logger,
    clock: runtime.clock,
  });
  const syndication = composeSyndication({
    config,
    writer: database.writer,
    objects,
    rooftops,
    photoUrls,
    logger,
    reportError: (error) => reporter?.notify(error, { component: 'syndication' }),
    mediaDeletions,
  });
  const analyticsRelay = composeAnalyticsRelay({
    config,
    writer: database.writer,
    tokens,
    logger,
    clock: runtime.clock,
  });
  const app = createServiceApp({
    config,
    ...runtime,
    reporter,
    reads,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      replicaReadiness(database),
      // Without Redis the API is slower, not wrong: report it, stay ready.
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
      // A cold index means searches are answered by MySQL meanwhile: slower, still right.
      {
        name: 'search-index',
        critical: false,
        check: async () => {
          if (!search.isReady()) throw new Error('the index is still being built; MySQL answers searches');
        },
      },
    ],
    api: {
      info: {
        service: 'inventory',
        title: 'Showroom inventory API',
        description:
          'Vehicles on a dealership’s lot: VIN decode, pricing, status; search for the portal and the dealership websites.',
      },
      routes: inventoryRoutes,
      deps: {
        vehicles,
        photos,
        photoFetches: photoRobot.queue,
        search: search.search,
        searchAccess: search.searchAccess,
        rooftopScopes: new RooftopScopes(rooftops, logger),
        inventoryWriter: database.writer,
        syndication: syndication.service,
        feedImports: feedImport.service,
        holds: new VehicleHolds(
          new VehicleHoldRepository(database.writer),
          cache,
          () => search.catchUp(),
          runtime.clock,
        ),
      },
    },
  });
  return {
    app,
    database,
    redis,
    search,
    photoRobot,
    syndication,
    objects,
    mediaDeletions,
    feedImport,
    analyticsRelay,
    migrate: () => migrateToLatest(database.writer, inventoryMigrations),
    startBackground: () => {
      search.start();
      photoRobot.worker.start();
      feedImport.worker.start();
      syndication.scheduler.start();
      mediaDeletions.start();
      analyticsRelay.worker.start();
    },
    closers: [
      () => feedImport.worker.close(),
      () => search.close(),
      () => syndication.scheduler.close(),
      () => mediaDeletions.close(),
      () => photoRobot.worker.stop(),
      () => analyticsRelay.worker.stop(),
      () => database.close(),
      () => redis.quit(),
    ],
  };
}
