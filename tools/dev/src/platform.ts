import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ALL_DEMO_DEALERSHIPS, demoPassword } from '@showroom/demo-data';
import { dropSchema } from '@showroom/server-mysql';
import { createS3ObjectStore, LOCAL_MEDIA_BUCKET, LOCAL_S3_CREDENTIALS } from '@showroom/server-storage';
import type { SmtpSink } from '@showroom/server-testing';
import type { BackingStores } from './backing-services';
import { startEdge } from './edge';
import type { PortPlan, SchemaPlan } from './ports';
import { runTypeScript, startTypeScript, stopAll, waitUntilReady, type ManagedProcess } from './processes';
import { waitForLiveSites, type SiteState } from './site-states';
import { startStandIns, type LocalStandIns } from './stand-ins';
import { builtStorefront, LOCAL_SITES_DOMAIN, localSiteUrl, startStorefront } from './storefront';

export interface PlatformOptions {
  ports: PortPlan;
  schemas: SchemaPlan;
  stores: BackingStores;
  echo: boolean;
  logLevel: string;
  /** LevelDB folder of the DynamoDB stand-in (npm start keeps timelines); in memory when absent (e2e). */
  dynamoPath?: string;
  /** Folder of the S3 stand-in (npm start keeps photos and feeds); a temporary one when absent (e2e). */
  s3Path?: string;
  /** File of the embedded analytics engine (npm start keeps events); a temporary one when absent (e2e). */
  duckdbPath?: string;
  /** dev-auth's accounts (passwords, MFA, invited people); a temporary one when absent (e2e). */
  accountsFile?: string;
  /** The built portal the edge serves; the workspace's build unless told otherwise. */
  portalDist?: string;
  /** The built storefront server; the workspace's build unless told otherwise. */
  storefrontServer?: string;
}

export interface RunningPlatform {
  portalUrl: string;
  /** Every e-mail the services sent (also at `<portalUrl>/dev/mail` and `/dev/mail.json`). */
  mail: SmtpSink;
  /** Where the DynamoDB stand-in answers. */
  dynamoEndpoint: string;
  /** Where the S3 stand-in answers (bucket LOCAL_MEDIA_BUCKET, credentials LOCAL_S3_CREDENTIALS). */
  s3Endpoint: string;
  /** Where a dealership's site answers, e.g. http://demo-motors-downtown.localhost:4400. */
  siteUrl(slug: string): string;
  /** The demo dealerships' sites once all are live (provisioned), or as they stand after `timeoutMs`. */
  demoSites(timeoutMs: number): Promise<SiteState[]>;
  stop(): Promise<void>;
  /** Resolves when any part stops on its own. */
  anyExited: Promise<string>;
}

/** The `showroom-services` machine client's secret: dev-auth is given it, and the leads service uses it. */
export const DEV_SERVICES_SECRET = 'dev-services-secret';
/** The payments sandbox's API key and webhook signing secret (Stripe's `sk_test_…` / `whsec_…` shapes). */
export const DEV_STRIPE_SECRET_KEY = 'sk_test_showroom_sandbox';
export const DEV_STRIPE_WEBHOOK_SECRET = 'whsec_showroom_sandbox';
/** The table the leads timeline lives in, in the DynamoDB stand-in. */
export const DEV_LEAD_TIMELINE_TABLE = 'showroom-dev-lead-timeline';

/** Environment of each service for this plan: one truth for `npm start` and e2e. */
export function serviceEnvironments(options: PlatformOptions) {
  const { ports, schemas, stores } = options;
  const portalOrigin = `http://localhost:${ports.portal}`;
  const media = {
    S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`,
    S3_REGION: 'us-east-1',
    S3_BUCKET: LOCAL_MEDIA_BUCKET,
    S3_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    // The edge serves the bucket at /media, as CloudFront does in production.
    MEDIA_PUBLIC_URL: `${portalOrigin}/media`,
  };
  /** dev-auth's machine client, which services call each other with. */
  const servicesClient = { AUTH_CLIENT_ID: 'showroom-services', AUTH_CLIENT_SECRET: DEV_SERVICES_SECRET };
  /** Where the producers (leads, inventory, retail) post their business events. */
  const analyticsApi = { ANALYTICS_API_URL: `http://127.0.0.1:${ports.analytics}` };
  const common = {
    // Whatever the shell says: every part runs on this machine's stores and issuer, which a
    // production start refuses (NODE_ENV=production npm start only drops the edge's inbox).
    NODE_ENV: 'development',
    LOG_LEVEL: options.logLevel,
    AUTH_ISSUER_BASE_URL: `http://localhost:${ports.devAuth}/`,
    CORS_ORIGINS: portalOrigin,
    SHOWROOM_DEMO_PASSWORD: demoPassword(),
  };
  return {
    users: {
      ...common,
      PORT: String(ports.users),
      USERS_DATABASE_URL: `${stores.mysqlUrl}/${schemas.users}`,
      ...media,
      ...servicesClient,
      LEADS_API_URL: `http://127.0.0.1:${ports.leads}`,
      // Team administration: dev-auth's Management API, invitation links and their e-mail.
      AUTH0_DOMAIN: `localhost:${ports.devAuth}`,
      PORTAL_URL: portalOrigin,
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      MAIL_FROM: 'team@showroom.dev',
      // Sites are http://<slug>.localhost:<storefront port>; provisioning publishes to the S3
      // stand-in and has no DNS, certificate or CDN to touch.
      SITES_PLATFORM_DOMAIN: LOCAL_SITES_DOMAIN,
      SITES_ORIGIN_TEMPLATE: `http://{host}:${ports.storefront}`,
      SITES_HOSTING: 'local',
      // A step that failed because a neighbour (leads, dev-auth) was still starting is tried again
      // within seconds here, not after production's minute.
      PROVISIONING_RETRY_FIRST_MS: '2000',
      PROVISIONING_RETRY_MAX_MS: '30000',
    },
    inventory: {
      ...common,
      PORT: String(ports.inventory),
      INVENTORY_DATABASE_URL: `${stores.mysqlUrl}/${schemas.inventory}`,
      REDIS_URL: stores.redisUrl,
      USERS_API_URL: `http://127.0.0.1:${ports.users}`,
      ...servicesClient,
      ...media,
      ...analyticsApi,
    },
    leads: {
      ...common,
      PORT: String(ports.leads),
      LEADS_DATABASE_URL: `${stores.mysqlUrl}/${schemas.leads}`,
      REDIS_URL: stores.redisUrl,
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${ports.dynamo}`,
      DYNAMODB_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LEAD_TIMELINE_TABLE: DEV_LEAD_TIMELINE_TABLE,
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      MAIL_FROM: 'leads@showroom.dev',
      PORTAL_URL: portalOrigin,
      USERS_API_URL: `http://127.0.0.1:${ports.users}`,
      INVENTORY_API_URL: `http://127.0.0.1:${ports.inventory}`,
      ...servicesClient,
      ...analyticsApi,
    },
    retail: {
      ...common,
      PORT: String(ports.retail),
      RETAIL_DATABASE_URL: `${stores.mysqlUrl}/${schemas.retail}`,
      REDIS_URL: stores.redisUrl,
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      MAIL_FROM: 'deals@showroom.dev',
      USERS_API_URL: `http://127.0.0.1:${ports.users}`,
      INVENTORY_API_URL: `http://127.0.0.1:${ports.inventory}`,
      LEADS_API_URL: `http://127.0.0.1:${ports.leads}`,
      ...servicesClient,
      ...media,
      // Credit applications are sealed under the local key provider's development key; deposits are
      // paid on the payments sandbox, which speaks Stripe's API and signs its webhooks as Stripe does.
      KEY_PROVIDER: 'local',
      STRIPE_API_URL: `http://127.0.0.1:${ports.payments}`,
      STRIPE_SECRET_KEY: DEV_STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: DEV_STRIPE_WEBHOOK_SECRET,
      ...analyticsApi,
    },
    analytics: {
      ...common,
      PORT: String(ports.analytics),
      ANALYTICS_DATABASE_URL: `${stores.mysqlUrl}/${schemas.analytics}`,
      REDIS_URL: stores.redisUrl,
      // Events in DuckDB inside the service (production: Elasticsearch); the file survives restarts.
      ANALYTICS_ENGINE: 'embedded',
      ANALYTICS_DUCKDB_PATH: options.duckdbPath ?? ':memory:',
      USERS_API_URL: `http://127.0.0.1:${ports.users}`,
      ...servicesClient,
    },
    storefront: {
      NODE_ENV: common.NODE_ENV,
      LOG_LEVEL: common.LOG_LEVEL,
      PORT: String(ports.storefront),
      HOST: '127.0.0.1',
      // Server-side reads go straight to the service; browsers call the APIs through the edge.
      INVENTORY_API_URL: `http://127.0.0.1:${ports.inventory}`,
      RETAIL_API_URL: `http://127.0.0.1:${ports.retail}`,
      // The shopper tracker runs in browsers only and posts through the edge (PUBLIC_API_ORIGIN).
      PUBLIC_API_ORIGIN: portalOrigin,
      ...media,
    },
    devAuth: {
      ...common,
      DEV_AUTH_PORT: String(ports.devAuth),
      DEV_AUTH_ISSUER: `http://localhost:${ports.devAuth}/`,
      DEV_AUTH_SERVICES_SECRET: DEV_SERVICES_SECRET,
      PORTAL_URL: portalOrigin,
      USERS_API_URL: `http://127.0.0.1:${ports.users}`,
      // Login alerts, lock-out notices and password links.
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      MAIL_FROM: 'sign-in@showroom.dev',
      ...(options.accountsFile ? { DEV_AUTH_ACCOUNTS_FILE: options.accountsFile } : {}),
    },
  };
}

/**
 * Starts DynamoDB, S3 and the SMTP sink in this process, migrates and seeds (idempotently), then
 * starts dev-auth, the services, the storefront and the portal's edge.
 */
export async function startPlatform(platformOptions: PlatformOptions): Promise<RunningPlatform> {
  // The seed and the service open the same DuckDB file one after the other, so e2e needs a file too.
  const eventsFolder = platformOptions.duckdbPath
    ? undefined
    : mkdtempSync(join(tmpdir(), 'showroom-analytics-'));
  const options = {
    ...platformOptions,
    duckdbPath: platformOptions.duckdbPath ?? join(eventsFolder as string, 'events.duckdb'),
    // e2e's people and passwords start from the demo accounts each run, apart from npm start's.
    accountsFile:
      platformOptions.accountsFile ?? join(eventsFolder ?? tmpdir(), `dev-auth-accounts-${process.pid}.json`),
  };
  mkdirSync(dirname(options.duckdbPath), { recursive: true });
  const env = serviceEnvironments(options);
  const standIns: LocalStandIns = await startStandIns({
    ports: options.ports,
    dynamoPath: options.dynamoPath,
    s3Path: options.s3Path,
    payments: { secretKey: DEV_STRIPE_SECRET_KEY, webhookSecret: DEV_STRIPE_WEBHOOK_SECRET },
  });
  const media = createS3ObjectStore({
    bucket: LOCAL_MEDIA_BUCKET,
    region: 'us-east-1',
    endpoint: standIns.s3.endpoint,
    credentials: { ...LOCAL_S3_CREDENTIALS },
  });
  const processes: ManagedProcess[] = [];
  let edge: Server | undefined;
  const stop = async () => {
    edge?.close();
    edge?.closeAllConnections();
    await stopAll(processes);
    await standIns.close();
    if (eventsFolder) rmSync(eventsFolder, { recursive: true, force: true });
  };
  try {
    const { ports, echo } = options;
    // Before the seeds: a storefront that is not built stops the start at once.
    const storefrontServer = builtStorefront(options.storefrontServer);
    await Promise.all([
      runTypeScript('users-seed', 'services/users/src/seed.ts', env.users),
      runTypeScript('inventory-seed', 'services/inventory/src/seed.ts', env.inventory),
      runTypeScript('leads-seed', 'services/leads/src/seed.ts', env.leads),
      runTypeScript('retail-seed', 'services/retail/src/seed.ts', env.retail),
      runTypeScript('analytics-seed', 'services/analytics/src/seed.ts', env.analytics),
    ]);
    // Analytics first: the producers' relays start shipping their outboxes as soon as they are up,
    // and a batch that meets no analytics only waits for its retry.
    const analytics = startTypeScript('analytics', 'services/analytics/src/main.ts', {
      env: env.analytics,
      echo,
    });
    processes.push(analytics);
    await waitUntilReady(analytics, `http://127.0.0.1:${ports.analytics}/readyz`);
    const users = startTypeScript('users', 'services/users/src/main.ts', { env: env.users, echo });
    const inventory = startTypeScript('inventory', 'services/inventory/src/main.ts', {
      env: env.inventory,
      echo,
    });
    const leads = startTypeScript('leads', 'services/leads/src/main.ts', { env: env.leads, echo });
    const retail = startTypeScript('retail', 'services/retail/src/main.ts', { env: env.retail, echo });
    const devAuth = startTypeScript('dev-auth', 'tools/dev-auth/src/main.ts', { env: env.devAuth, echo });
    processes.push(users, inventory, leads, retail, devAuth);
    await Promise.all([
      waitUntilReady(users, `http://127.0.0.1:${ports.users}/readyz`),
      waitUntilReady(inventory, `http://127.0.0.1:${ports.inventory}/readyz`),
      waitUntilReady(leads, `http://127.0.0.1:${ports.leads}/readyz`),
      waitUntilReady(retail, `http://127.0.0.1:${ports.retail}/readyz`),
      waitUntilReady(devAuth, `http://localhost:${ports.devAuth}/.well-known/openid-configuration`),
    ]);
    // After inventory: the storefront is not ready (and says so in its log) while inventory is down.
    const storefront = startStorefront(storefrontServer, { env: env.storefront, echo });
    processes.push(storefront);
    await waitUntilReady(storefront, `http://127.0.0.1:${ports.storefront}/readyz`);
    const production = process.env['NODE_ENV'] === 'production';
    edge = await startEdge(ports, {
      portalDist: options.portalDist,
      media,
      ...(production ? {} : { devInbox: standIns.mail }),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    portalUrl: `http://localhost:${options.ports.portal}`,
    mail: standIns.mail,
    dynamoEndpoint: standIns.dynamo.endpoint,
    s3Endpoint: standIns.s3.endpoint,
    siteUrl: (slug) => localSiteUrl(slug, options.ports.storefront),
    demoSites: (timeoutMs) =>
      waitForLiveSites(
        env.users.USERS_DATABASE_URL,
        ALL_DEMO_DEALERSHIPS.map((dealership) => dealership.id),
        timeoutMs,
      ),
    stop,
    anyExited: Promise.race(processes.map((p) => p.exited.then(() => p.name))),
  };
}

/**
 * A platform on schemas nobody keeps (e2e's, the README screenshots'): they are dropped before it
 * starts, so every run begins with the fresh demo, and again once it has stopped.
 */
export async function startThrowawayPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const dropSchemas = () =>
    Promise.all(
      Object.values(options.schemas).map((schema) => dropSchema(`${options.stores.mysqlUrl}/${schema}`)),
    );
  await dropSchemas();
  const platform = await startPlatform(options).catch(async (error: unknown) => {
    await dropSchemas();
    throw error;
  });
  return {
    ...platform,
    stop: async () => {
      await platform.stop();
      await dropSchemas();
    },
  };
}
