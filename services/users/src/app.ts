import { Router, type Express } from 'express';
import type { Logger } from 'pino';
import {
  OpenApiDocument,
  createServiceApp,
  verifyAccessToken,
  type ErrorReporter,
} from '@showroom/server-kit';
import type { Database } from '@showroom/server-mysql';
import type { UsersConfig } from './config';
import type { UsersDatabase } from './database';
import { PeopleRepository } from './people/repository';
import { peopleOperations, peopleRoutes } from './people/routes';
import { PeopleService } from './people/service';
import { teamOperations } from './team/openapi';
import { TeamRepository } from './team/repository';
import { teamRoutes } from './team/routes';
import { TeamService } from './team/service';

export interface UsersAppDeps {
  config: UsersConfig;
  logger: Logger;
  database: Database<UsersDatabase>;
  reporter?: ErrorReporter;
  isShuttingDown?: () => boolean;
}

/** Builds the users service; does no I/O until a request arrives. */
export function createUsersApp(deps: UsersAppDeps): Express {
  const { config, database } = deps;
  const authenticate = verifyAccessToken({
    issuerBaseURL: config.AUTH_ISSUER_BASE_URL,
    audience: config.AUTH_AUDIENCE,
  });
  const people = new PeopleService(new PeopleRepository(database.writer));
  const team = new TeamService(new TeamRepository(database.writer));

  const info = {
    service: 'users',
    title: 'Showroom users API',
    version: config.APP_VERSION,
    description: 'Dealer groups, dealerships, members, roles and availability.',
  };

  return createServiceApp({
    config,
    logger: deps.logger,
    reporter: deps.reporter,
    isShuttingDown: deps.isShuttingDown,
    readiness: [{ name: 'mysql', critical: true, check: () => database.ping() }],
    openApi: { info, document: new OpenApiDocument(info).add(...peopleOperations, ...teamOperations) },
    routes: Router().use(peopleRoutes(people, authenticate), teamRoutes(team, authenticate)),
  });
}
