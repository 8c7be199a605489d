import './apm';
import { createRedis } from '@showroom/server-cache';
import { createErrorReporter, runService } from '@showroom/server-kit';
import { createDatabase, migrateToLatest } from '@showroom/server-mysql';
import { createInventoryApp } from './app';
import { loadInventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { inventoryMigrations } from './migrations';

runService(
  'inventory',
  () => loadInventoryConfig(),
  async (config, logger, isShuttingDown) => {
    const database = createDatabase<InventoryDatabase>({
      writerUrl: config.INVENTORY_DATABASE_URL,
      readerUrls: config.INVENTORY_DATABASE_READER_URLS,
      connectionLimit: config.DATABASE_POOL_SIZE,
    });
    const redis = createRedis(config.REDIS_URL, logger);
    const applied = await migrateToLatest(database.writer, inventoryMigrations);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const app = createInventoryApp({
      config,
      logger,
      database,
      redis,
      reporter: createErrorReporter(config, logger),
      isShuttingDown,
    });
    return { app, closers: [() => database.close(), () => redis.quit()] };
  },
);
