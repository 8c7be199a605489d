import { baseConfigSchema, devDefaults, loadConfig, notInProduction } from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { z } from 'zod';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const database = databaseConfigShape('LEADS', 'showroom_leads');

/** With NODE_ENV=production the service refuses to start on the development defaults marked here. */
export const leadsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  ...database,
  LEADS_DATABASE_URL: notInProduction(database.LEADS_DATABASE_URL, devDefaults.localhost),
  LEADS_DATABASE_READER_URLS: notInProduction(database.LEADS_DATABASE_READER_URLS, devDefaults.localhost),
  REDIS_URL: notInProduction(z.url().default('redis://127.0.0.1:6379/0'), devDefaults.localhost),
  /** Unset in AWS (the SDK finds DynamoDB); the local stand-in's address in dev and tests. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  DYNAMODB_REGION: z.string().min(1).default('us-east-1'),
  LEAD_TIMELINE_TABLE: z.string().min(3).max(255).default('showroom-dev-lead-timeline'),
  /** smtp://host:port or smtps://user:pass@host:port (SES SMTP in production). */
  SMTP_URL: notInProduction(z.url().default('smtp://127.0.0.1:1025'), devDefaults.localhost),
  MAIL_FROM: z.email().default('leads@showroom.dev'),
  /** Where links in e-mails to staff point (the portal's origin). */
  PORTAL_URL: z.url().default('http://localhost:4200'),
  USERS_API_URL: z.url().default('http://127.0.0.1:3002'),
  INVENTORY_API_URL: z.url().default('http://127.0.0.1:3001'),
  /**
   * The analytics service, which takes the lead events the dashboard counts. Production must name
   * it: posts to a wrong address do not fail a request, they only wait in the outbox.
   */
  ANALYTICS_API_URL: notInProduction(z.url().default('http://127.0.0.1:3005'), devDefaults.localhost),
  /** Machine credentials (client credentials grant) for calls to the users, inventory and analytics services. */
  AUTH_CLIENT_ID: z.string().min(1).default('showroom-services'),
  AUTH_CLIENT_SECRET: notInProduction(
    z.string().min(1).default('dev-services-secret'),
    devDefaults.oneOf('dev-services-secret'),
  ),
  /** Run the outbox relay and its worker in this process (turn off to run them elsewhere). */
  LEADS_WORKER_ENABLED: flag.default(true),
  /**
   * Prefix of the BullMQ keys in Redis. By default it names the schema, so platforms that share a
   * Redis (npm start beside an e2e run) never take each other's jobs.
   */
  OUTBOX_QUEUE_PREFIX: z.string().min(1).max(80).optional(),
  OUTBOX_POLL_MS: positiveInt(60_000).default(250),
  /** Retry delays of outbox jobs grow from the first to the cap while a dependency is down. */
  OUTBOX_RETRY_FIRST_MS: positiveInt(600_000).default(1000),
  OUTBOX_RETRY_CAP_MS: positiveInt(3_600_000).default(60_000),
  /** Attempts of one outbox job; a consumer that uses them all counts in OutboxExhaustedJobs. */
  OUTBOX_JOB_ATTEMPTS: positiveInt(100_000).default(25),
  /** A consumer unfinished this long after its event was published gets the event published again. */
  OUTBOX_SWEEP_GRACE_MS: positiveInt(3_600_000).default(60_000),
  /** How often the sweeper looks (and emits the outbox metrics). */
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt(600_000).default(15_000),
  /** Website form submissions allowed per client address, and per dealership, in each window. */
  PUBLIC_RATE_PER_ADDRESS: positiveInt(1_000_000).default(10),
  PUBLIC_RATE_PER_DEALERSHIP: positiveInt(10_000_000).default(600),
  PUBLIC_RATE_WINDOW_SECONDS: positiveInt(86_400).default(60),
  ADF_MAX_BYTES: positiveInt(10_000_000).default(512 * 1024),
  /**
   * Prospects one ADF document may hold; each becomes a lead and sends its e-mails. At most 200, so
   * the answer kept for an idempotent replay always fits its column.
   */
  ADF_MAX_PROSPECTS: positiveInt(200).default(50),
  /** ADF posts allowed per ingest key in each window. */
  ADF_RATE_PER_KEY: positiveInt(1_000_000).default(120),
  ADF_RATE_WINDOW_SECONDS: positiveInt(86_400).default(60),
  /** Threads that parse ADF off the main thread (default: the cores but one, 1 to 4). */
  ADF_PARSE_THREADS: positiveInt(64).optional(),
  /** Dealerships whose website origins each instance keeps in memory (least recently used go first). */
  SITE_ORIGIN_CACHE_SIZE: positiveInt(1_000_000).default(10_000),
});
export type LeadsConfig = z.infer<typeof leadsConfigSchema>;

export const loadLeadsConfig = (env: NodeJS.ProcessEnv = process.env): LeadsConfig =>
  loadConfig(leadsConfigSchema, env);

/** The schema a database URL names: it also namespaces this deployment's keys in a shared Redis. */
export const schemaNameOf = (databaseUrl: string): string => new URL(databaseUrl).pathname.slice(1);
