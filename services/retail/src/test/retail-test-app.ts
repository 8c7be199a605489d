import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import {
  HOLD_VEHICLES_SCOPE,
  READ_DEALERSHIPS_SCOPE,
  READ_LEAD_ASSIGNEES_SCOPE,
  WRITE_ANALYTICS_EVENTS_SCOPE,
  WRITE_DEAL_LEADS_SCOPE,
  type DealershipStorefront,
  type Role,
} from '@showroom/contracts';
import { startRecordingIngest, type RecordingIngest } from '@showroom/server-analytics-client/testing';
import { createLogger } from '@showroom/server-kit';
import type { Database } from '@showroom/server-mysql';
import { LOCAL_MEDIA_BUCKET, type ObjectStore } from '@showroom/server-storage';
import {
  createTestSchema,
  startS3Local,
  startSmtpSink,
  startTestIssuer,
  TEST_REDIS_URL,
  type SmtpSink,
  type TestIssuer,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { composeRetail, type Retail } from '../app';
import { loadRetailConfig, type RetailConfig } from '../config';
import type { RetailDatabase } from '../database';
import { seedRetailDemo } from '../demo/seed-retail-demo';
import { startTestPayments, type TestPayments } from '../reservations/test-payments';
import { startPeerStandIns, type PeerStandIns } from './peer-stand-ins';

/** The machine client retail signs in as, and the scopes the test issuer grants it. */
export const TEST_MACHINE_CLIENT = {
  id: 'showroom-services',
  secret: 'test-services-secret',
  scopes: [
    READ_DEALERSHIPS_SCOPE,
    HOLD_VEHICLES_SCOPE,
    WRITE_DEAL_LEADS_SCOPE,
    READ_LEAD_ASSIGNEES_SCOPE,
    WRITE_ANALYTICS_EVENTS_SCOPE,
  ],
};

/** Where the test app says the media bucket is served. */
export const TEST_MEDIA_PUBLIC_URL = 'http://media.test/media';

export interface RetailTestOptions {
  /** Further configuration, as environment variables (e.g. rate limits, a module's variables). */
  env?: Record<string, string>;
}

/** Someone working at a dealership, and their token. */
export interface TestMember {
  id: string;
  name: string;
  role: Role;
  token: string;
}

/**
 * The retail service in-process, wired by the same composition root as main.ts, on a schema of its
 * own: a local issuer (which also grants retail's machine tokens), s3rver, an SMTP sink, Redis, the
 * payments sandbox (Stripe's API, posting its webhooks to this app on a port of its own), and
 * stand-ins for the users, inventory and leads services and for analytics' ingest route that record
 * what retail sends them.
 */
export interface RetailTestContext {
  app: Express;
  retail: Retail;
  config: RetailConfig;
  database: Database<RetailDatabase>;
  issuer: TestIssuer;
  /** The media bucket, on an s3rver of this test app's own. */
  objects: ObjectStore;
  sink: SmtpSink;
  peers: PeerStandIns;
  /** What the analytics-event jobs posted (set `failWith` to play an analytics outage). */
  analytics: RecordingIngest;
  /** The payments sandbox the stripe client talks to (it posts its webhooks to this app). */
  payments: TestPayments;
  /** Every line the service logged (JSON, every level), oldest first: a test may search them. */
  logLines: string[];
  /** A dealership of its own with a website (in the users stand-in); its storefront. */
  newDealership(overrides?: Partial<DealershipStorefront>): DealershipStorefront;
  /** Someone new with `role` at `dealershipId`, signed in. */
  member(role: Role, dealershipId: string, name?: string): Promise<TestMember>;
  /** A token for a given person (e.g. a demo user) acting at `dealershipId` in `role`. */
  tokenFor(who: { id: string; name: string }, role: Role, dealershipId: string): Promise<string>;
  /** Runs the job runner until no job is due; how many jobs ran. */
  runDueJobs(): Promise<number>;
  close(): Promise<void>;
}

/** Collects log lines (and echoes them when TEST_LOG_LEVEL asks to see logs). */
function capturedLogs(): { lines: string[]; destination: { write(line: string): void } } {
  const lines: string[] = [];
  const echo = process.env['TEST_LOG_LEVEL'] !== undefined && process.env['TEST_LOG_LEVEL'] !== 'silent';
  return {
    lines,
    destination: {
      write(line: string) {
        lines.push(line);
        if (echo) process.stdout.write(line);
      },
    },
  };
}

export async function startRetailTestApp(options: RetailTestOptions = {}): Promise<RetailTestContext> {
  const schema = await createTestSchema('retail');
  const [issuer, s3, sink, peers, payments, analytics] = await Promise.all([
    startTestIssuer({
      clients: {
        [TEST_MACHINE_CLIENT.id]: { secret: TEST_MACHINE_CLIENT.secret, scopes: TEST_MACHINE_CLIENT.scopes },
      },
    }),
    startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] }),
    startSmtpSink(),
    startPeerStandIns(),
    startTestPayments(),
    startRecordingIngest(),
  ]);
  const config = loadRetailConfig({
    NODE_ENV: 'test',
    RETAIL_DATABASE_URL: schema.url,
    DATABASE_POOL_SIZE: '6',
    REDIS_URL: TEST_REDIS_URL,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    AUTH_CLIENT_ID: TEST_MACHINE_CLIENT.id,
    AUTH_CLIENT_SECRET: TEST_MACHINE_CLIENT.secret,
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: LOCAL_MEDIA_BUCKET,
    MEDIA_PUBLIC_URL: TEST_MEDIA_PUBLIC_URL,
    SMTP_URL: sink.url,
    USERS_API_URL: peers.url,
    INVENTORY_API_URL: peers.url,
    LEADS_API_URL: peers.url,
    ANALYTICS_API_URL: analytics.url,
    // Generous limits: a test that checks them sets its own.
    PUBLIC_RATE_PER_ADDRESS: '100000',
    PUBLIC_RATE_PER_DEALERSHIP: '100000',
    // Retries come soon, so a test can run a failed job again by waiting a little.
    JOB_RETRY_FIRST_MS: '50',
    JOB_RETRY_MAX_MS: '200',
    ...payments.env,
    ...options.env,
  });
  const logs = capturedLogs();
  const logger = createLogger('retail', 'trace', logs.destination);
  const retail = composeRetail(config, { logger });
  await retail.migrate();
  payments.serve(retail.app);
  const tokenFor = (who: { id: string; name: string }, role: Role, dealershipId: string) =>
    issuer.tokenFor({ sub: who.id, name: who.name, memberships: [{ dealershipId, role }] });

  return {
    app: retail.app,
    retail,
    config,
    database: retail.database,
    issuer,
    objects: retail.objects,
    sink,
    peers,
    analytics,
    payments,
    logLines: logs.lines,
    newDealership: (overrides) => peers.addDealership(overrides),
    async member(role, dealershipId, name = `Test ${role}`) {
      const id = `auth0|${role}-${randomUUID().slice(0, 8)}`;
      return { id, name, role, token: await tokenFor({ id, name }, role, dealershipId) };
    },
    tokenFor,
    runDueJobs: () => retail.jobs.runDue(),
    async close() {
      for (const close of [
        ...retail.closers,
        () => issuer.close(),
        () => s3.close(),
        () => sink.close(),
        () => peers.close(),
        () => payments.close(),
        () => analytics.close(),
        () => schema.drop(),
      ]) {
        await close();
      }
    },
  };
}

/**
 * For one test file: the retail app with the demo dealerships (in the stand-ins, with their vehicles)
 * and their retail demo data (settings, products, valuation grid, as seed.ts loads them), started
 * before its tests and closed after them.
 */
export const retailAppOnDemo = (options: RetailTestOptions = {}): RetailTestContext =>
  startForTheseTests(async () => {
    const ctx = await startRetailTestApp(options);
    await seedRetailDemo(ctx.database.writer);
    return ctx;
  });
