import type { Express } from 'express';
import type { Logger } from 'pino';
import { createErrorReporter, createServiceApp, type OpenApiInfo } from '@showroom/server-kit';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import type { UsersConfig } from './config';
import type { UsersDatabase } from './database';
import { usersMigrations } from './migrations';
import { PeopleRepository } from './people/repository';
import { PeopleService } from './people/service';
import { usersRoutes, type UsersRouteDeps } from './routes';
import { TeamRepository } from './team/repository';
import { TeamService } from './team/service';

export interface UsersRuntime {
  logger: Logger;
  isShuttingDown?: () => boolean;
}

/** The users service as main.ts runs it, and as the tests run it. */
export interface Users {
  app: Express;
  database: Database<UsersDatabase>;
  /** Brings the schema up to date; the names of the migrations it applied. */
  migrate(): Promise<string[]>;
  /** Closed in order after the HTTP server has drained. */
  closers: Array<() => Promise<unknown>>;
}

export const usersApiInfo = (config: UsersConfig): OpenApiInfo => ({
  service: 'users',
  title: 'Showroom users API',
  version: config.APP_VERSION,
  description: 'Dealer groups, dealerships, members, roles and availability.',
});

/** The one composition root: adapters from the configuration, the services on them, the app on top. */
export function composeUsers(config: UsersConfig, runtime: UsersRuntime): Users {
  const { logger } = runtime;
  const database = createDatabase<UsersDatabase>({
    writerUrl: config.USERS_DATABASE_URL,
    readerUrls: config.USERS_DATABASE_READER_URLS,
    connectionLimit: config.DATABASE_POOL_SIZE,
  });
  const deps: UsersRouteDeps = {
    people: new PeopleService(new PeopleRepository(database.writer)),
    team: new TeamService(new TeamRepository(database.writer)),
  };
  const app = createServiceApp({
    config,
    logger,
    reporter: createErrorReporter(config, logger),
    isShuttingDown: runtime.isShuttingDown,
    readiness: [{ name: 'mysql', critical: true, check: () => database.ping() }],
    api: { info: usersApiInfo(config), routes: usersRoutes, deps },
  });
  return {
    app,
    database,
    migrate: () => migrateToLatest(database.writer, usersMigrations),
    closers: [() => database.close()],
  };
}
