import { createServiceApp, type ComposedService, type ServiceRuntime } from '@showroom/server-kit';
import { createDatabase, migrateToLatest, type Database, databaseSettingsOf } from '@showroom/server-mysql';
import { objectStoreFromConfig, type ObjectStore } from '@showroom/server-storage';
import type { UsersConfig } from './config';
import type { UsersDatabase } from './database';
import { usersMigrations } from './migrations';
import { PeopleRepository } from './people/repository';
import { PeopleService } from './people/service';
import { composeProvisioner } from './provisioning/compose-provisioning';
import type { WebsiteProvisioner } from './provisioning/provisioner';
import { RooftopService } from './rooftops/rooftop-service';
import { usersRoutes, type UsersRouteDeps } from './routes';
import { TeamRepository } from './team/repository';
import { TeamService } from './team/service';
import { StorefrontDirectory } from './websites/dealership-storefront';
import { SiteUrls } from './websites/site-urls';
import { WebsiteService } from './websites/website-service';

/** The users service as main.ts runs it, and as the tests run it. */
export interface Users extends ComposedService {
  database: Database<UsersDatabase>;
  /** The media bucket: logo uploads, and the sites provisioning publishes. */
  objects: ObjectStore;
  siteUrls: SiteUrls;
  /** Puts dealer websites live (claims due provisioning requests); started with the background work. */
  provisioner: WebsiteProvisioner;
}

/** The one composition root: adapters from the configuration, the services on them, the app on top. */
export function composeUsers(config: UsersConfig, runtime: ServiceRuntime): Users {
  const database = createDatabase<UsersDatabase>(databaseSettingsOf(config, 'USERS'));
  const objects = objectStoreFromConfig(config);
  const siteUrls = new SiteUrls(config);
  const deps: UsersRouteDeps = {
    people: new PeopleService(new PeopleRepository(database.writer)),
    team: new TeamService(new TeamRepository(database.writer)),
    websites: new WebsiteService({
      db: database.writer,
      urls: siteUrls,
      objects,
      mediaPublicUrl: config.MEDIA_PUBLIC_URL,
      logger: runtime.logger,
    }),
    rooftops: new RooftopService(database.writer, siteUrls),
    storefronts: new StorefrontDirectory(database.writer, siteUrls),
  };
  const provisioner = composeProvisioner(config, {
    db: database.writer,
    objects,
    urls: siteUrls,
    logger: runtime.logger,
  });
  const app = createServiceApp({
    config,
    ...runtime,
    readiness: [{ name: 'mysql', critical: true, check: () => database.ping() }],
    api: {
      info: {
        service: 'users',
        title: 'Showroom users API',
        description:
          'Dealer groups, dealerships, members, roles and availability; dealer websites and rooftop onboarding.',
      },
      routes: usersRoutes,
      deps,
    },
  });
  return {
    app,
    database,
    objects,
    siteUrls,
    provisioner,
    migrate: () => migrateToLatest(database.writer, usersMigrations),
    startBackground: () => provisioner.start(),
    // The provisioner finishes the step under way before the pool closes.
    closers: [() => provisioner.close(), () => database.close()],
  };
}
