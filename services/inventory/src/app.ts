import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createRedis, pingRedis, TenantCache } from '@showroom/server-cache';
import { createErrorReporter, createServiceApp, type OpenApiInfo } from '@showroom/server-kit';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import type { InventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { inventoryMigrations } from './migrations';
import { VehicleRepository } from './vehicles/repository';
import { vehicleRoutes } from './vehicles/routes';
import { VehicleService } from './vehicles/service';

export interface InventoryRuntime {
  logger: Logger;
  isShuttingDown?: () => boolean;
  clock?: () => Date;
}

/** The inventory service as main.ts runs it, and as the tests run it. */
export interface Inventory {
  app: Express;
  database: Database<InventoryDatabase>;
  redis: Redis;
  /** Brings the schema up to date; the names of the migrations it applied. */
  migrate(): Promise<string[]>;
  /** Closed in order after the HTTP server has drained. */
  closers: Array<() => Promise<unknown>>;
}

export const inventoryApiInfo = (config: InventoryConfig): OpenApiInfo => ({
  service: 'inventory',
  title: 'Showroom inventory API',
  version: config.APP_VERSION,
  description: 'Vehicles on a dealership’s lot: VIN decode, pricing, status, search.',
});

/** The one composition root: adapters from the configuration, the service on them, the app on top. */
export function composeInventory(config: InventoryConfig, runtime: InventoryRuntime): Inventory {
  const { logger } = runtime;
  const database = createDatabase<InventoryDatabase>({
    writerUrl: config.INVENTORY_DATABASE_URL,
    readerUrls: config.INVENTORY_DATABASE_READER_URLS,
    connectionLimit: config.DATABASE_POOL_SIZE,
  });
  const redis = createRedis(config.REDIS_URL, logger);
  const cache = new TenantCache(redis, logger, {
    namespace: 'inventory',
    ttlSeconds: config.INVENTORY_CACHE_TTL_SECONDS,
  });
  const vehicles = new VehicleService(
    new VehicleRepository(database.writer, database.reader),
    cache,
    runtime.clock,
  );
  const app = createServiceApp({
    config,
    logger,
    reporter: createErrorReporter(config, logger),
    isShuttingDown: runtime.isShuttingDown,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      // Without Redis the API is slower, not wrong: report it, stay ready.
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
    ],
    api: { info: inventoryApiInfo(config), routes: vehicleRoutes, deps: { vehicles } },
  });
  return {
    app,
    database,
    redis,
    migrate: () => migrateToLatest(database.writer, inventoryMigrations),
    closers: [() => database.close(), () => redis.quit()],
  };
}
