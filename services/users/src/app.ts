import { createServiceApp, type ComposedService, type ServiceRuntime } from '@showroom/server-kit';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import type { UsersConfig } from './config';
import type { UsersDatabase } from './database';
import { usersMigrations } from './migrations';
import { PeopleRepository } from './people/repository';
import { PeopleService } from './people/service';
import { usersRoutes, type UsersRouteDeps } from './routes';
import { TeamRepository } from './team/repository';
import { TeamService } from './team/service';

/** The users service as main.ts runs it, and as the tests run it. */
export interface Users extends ComposedService {
  database: Database<UsersDatabase>;
}

/** The one composition root: adapters from the configuration, the services on them, the app on top. */
export function composeUsers(config: UsersConfig, runtime: ServiceRuntime): Users {
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
    ...runtime,
    readiness: [{ name: 'mysql', critical: true, check: () => database.ping() }],
    api: {
      info: {
        service: 'users',
        title: 'Showroom users API',
        description: 'Dealer groups, dealerships, members, roles and availability.',
      },
      routes: usersRoutes,
      deps,
    },
  });
  return {
    app,
    database,
    migrate: () => migrateToLatest(database.writer, usersMigrations),
    closers: [() => database.close()],
  };
}
