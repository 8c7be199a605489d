import type { Redis } from 'ioredis';
import { createRedis, pingRedis, TenantCache } from '@showroom/server-cache';
import { createServiceApp, type ComposedService, type ServiceRuntime } from '@showroom/server-kit';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import type { InventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { inventoryMigrations } from './migrations';
import { VehicleRepository } from './vehicles/repository';
import { vehicleRoutes } from './vehicles/routes';
import { VehicleService } from './vehicles/service';

export interface InventoryRuntime extends ServiceRuntime {
  clock?: () => Date;
}

/** The inventory service as main.ts runs it, and as the tests run it. */
export interface Inventory extends ComposedService {
  database: Database<InventoryDatabase>;
  redis: Redis;
}

/** The one composition root: adapters from the configuration, the service on them, the app on top. */
export function composeInventory(config: InventoryConfig, runtime: InventoryRuntime): Inventory {
  const database = createDatabase<InventoryDatabase>({
    writerUrl: config.INVENTORY_DATABASE_URL,
    readerUrls: config.INVENTORY_DATABASE_READER_URLS,
    connectionLimit: config.DATABASE_POOL_SIZE,
  });
  const redis = createRedis(config.REDIS_URL, runtime.logger);
  const cache = new TenantCache(redis, runtime.logger, {
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
    ...runtime,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      // Without Redis the API is slower, not wrong: report it, stay ready.
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
    ],
    api: {
      info: {
        service: 'inventory',
        title: 'Showroom inventory API',
        description: 'Vehicles on a dealership’s lot: VIN decode, pricing, status, search.',
      },
      routes: vehicleRoutes,
      deps: { vehicles },
    },
  });
  return {
    app,
    database,
    redis,
    migrate: () => migrateToLatest(database.writer, inventoryMigrations),
    closers: [() => database.close(), () => redis.quit()],
  };
}
