import {
  serviceTokensFrom,
  createServiceApp,
  type ComposedService,
  type ServiceRuntime,
  type ServiceTokens,
} from '@showroom/server-kit';
import { Mailer } from '@showroom/server-mail';
import { createDatabase, migrateToLatest, type Database, databaseSettingsOf } from '@showroom/server-mysql';
import { objectStoreFromConfig, type ObjectStore } from '@showroom/server-storage';
import type { UsersConfig } from './config';
import type { UsersDatabase } from './database';
import { Auth0Identity } from './identity/auth0-identity';
import { auth0IdentitySettings } from './identity/config';
import type { IdentityPort } from './identity/identity-port';
import { SignInHistory } from './identity/sign-in-history';
import { InvitationMail } from './invitations/invitation-mail';
import { InvitationService } from './invitations/invitation-service';
import { usersMigrations } from './migrations';
import { PeopleRepository } from './people/repository';
import { PeopleService } from './people/service';
import { composeProvisioner } from './provisioning/compose-provisioning';
import type { WebsiteProvisioner } from './provisioning/provisioner';
import { RooftopService } from './rooftops/rooftop-service';
import { usersRoutes, type UsersRouteDeps } from './routes';
import { GroupPeopleDirectory } from './team/group-people';
import { MemberAdmin } from './team/member-admin';
import { MemberReleases } from './team/member-releases';
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
  /** Calls to leads giving deactivated members' open leads back to round-robin (an outbox). */
  releases: MemberReleases;
}

/** What a test may put in place of what the configuration would build. */
export interface UsersOverrides {
  /** Machine tokens for calls to other services. */
  tokens?: ServiceTokens;
  identity?: IdentityPort;
}

/** How often the release outbox is looked at, and its backoff while leads is away. */
const RELEASE_TIMING = { pollIntervalMs: 5_000, retryFirstMs: 5_000, retryMaxMs: 600_000 };

/** The one composition root: adapters from the configuration, the services on them, the app on top. */
export function composeUsers(
  config: UsersConfig,
  runtime: ServiceRuntime,
  overrides: UsersOverrides = {},
): Users {
  const database = createDatabase<UsersDatabase>(databaseSettingsOf(config, 'USERS'));
  const objects = objectStoreFromConfig(config);
  const siteUrls = new SiteUrls(config);
  const identity = overrides.identity ?? new Auth0Identity(auth0IdentitySettings(config));
  const mailer = new Mailer(config.SMTP_URL);
  const tokens = overrides.tokens ?? serviceTokensFrom(config);
  const releases = new MemberReleases(database.writer, {
    leadsApiUrl: config.LEADS_API_URL,
    tokens,
    logger: runtime.logger,
    ...RELEASE_TIMING,
  });
  const rooftops = new RooftopService(database.writer, siteUrls);
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
    rooftops,
    storefronts: new StorefrontDirectory(database.writer, siteUrls),
    groupPeople: new GroupPeopleDirectory(database.writer, rooftops),
    members: new MemberAdmin({ db: database.writer, identity, releases, logger: runtime.logger }),
    invitations: new InvitationService({
      db: database.writer,
      identity,
      mail: new InvitationMail(mailer, config.MAIL_FROM),
      portalUrl: config.PORTAL_URL,
      logger: runtime.logger,
    }),
    signIns: new SignInHistory(identity, runtime.logger),
  };
  const provisioner = composeProvisioner(
    config,
    { db: database.writer, objects, urls: siteUrls, logger: runtime.logger },
    { tokens },
  );
  const app = createServiceApp({
    config,
    ...runtime,
    readiness: [{ name: 'mysql', critical: true, check: () => database.ping() }],
    api: {
      info: {
        service: 'users',
        title: 'Showroom users API',
        description:
          'Dealer groups, dealerships, members, roles and availability; team administration and invitations; dealer websites and rooftop onboarding.',
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
    releases,
    migrate: () => migrateToLatest(database.writer, usersMigrations),
    startBackground: () => {
      provisioner.start();
      releases.start();
    },
    // The provisioner and the releases finish the step under way before the pool closes.
    closers: [
      () => provisioner.close(),
      () => releases.close(),
      async () => mailer.close(),
      () => database.close(),
    ],
  };
}
