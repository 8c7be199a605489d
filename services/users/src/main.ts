import './apm';
import { createErrorReporter, runService } from '@showroom/server-kit';
import { createDatabase, migrateToLatest } from '@showroom/server-mysql';
import { createUsersApp } from './app';
import { loadUsersConfig } from './config';
import type { UsersDatabase } from './database';
import { usersMigrations } from './migrations';

runService(
  'users',
  () => loadUsersConfig(),
  async (config, logger, isShuttingDown) => {
    const database = createDatabase<UsersDatabase>({
      writerUrl: config.USERS_DATABASE_URL,
      readerUrls: config.USERS_DATABASE_READER_URLS,
      connectionLimit: config.DATABASE_POOL_SIZE,
    });
    const applied = await migrateToLatest(database.writer, usersMigrations);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const app = createUsersApp({
      config,
      logger,
      database,
      reporter: createErrorReporter(config, logger),
      isShuttingDown,
    });
    return { app, closers: [() => database.close()] };
  },
);
