import './apm';
import {
  ConfigError,
  createErrorReporter,
  createLogger,
  exitOnSignals,
  listen,
} from '@showroom/server-kit';
import { createDatabase, migrateToLatest } from '@showroom/server-mysql';
import { createUsersApp } from './app';
import { loadUsersConfig } from './config';
import type { UsersDatabase } from './database';
import { usersMigrations } from './migrations';

async function main(): Promise<void> {
  const config = loadUsersConfig();
  const logger = createLogger('users', config.LOG_LEVEL);
  const database = createDatabase<UsersDatabase>({
    writerUrl: config.USERS_DATABASE_URL,
    readerUrls: config.USERS_DATABASE_READER_URLS,
    connectionLimit: config.DATABASE_POOL_SIZE,
  });
  const applied = await migrateToLatest(database.writer, usersMigrations);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  let shuttingDown = false;
  const app = createUsersApp({
    config,
    logger,
    database,
    reporter: createErrorReporter(config, logger),
    isShuttingDown: () => shuttingDown,
  });
  const service = await listen({
    app,
    host: config.HOST,
    port: config.PORT,
    logger,
    graceMs: config.SHUTDOWN_GRACE_MS,
    closers: [() => database.close()],
    onShuttingDown: () => (shuttingDown = true),
  });
  logger.info(`users service listening on http://${config.HOST}:${config.PORT}`);
  exitOnSignals(service, logger);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`users service cannot start.\n${error.message}`);
  } else {
    console.error('users service failed to start:', error);
  }
  process.exit(1);
});
