import { extname, join } from 'node:path';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AnalyticsIngestClient } from '@showroom/server-analytics-client';
import { createRedis, RedisRecentWrites } from '@showroom/server-cache';
import { serviceTokensFrom, type ErrorReporter, type ServiceTokens } from '@showroom/server-kit';
import {
  createDatabase,
  createStatementBatchPool,
  databaseSettingsOf,
  migrateToLatest,
  ReadYourWrites,
  type Database,
} from '@showroom/server-mysql';
import { Mailer } from '@showroom/server-mail';
import { createLeadsApp } from './app';
import { AdfParserPool } from './capture/adf-parser';
import type { LeadsConfig } from './config';
import { startLeadsOutbox } from './consumers/lead-consumers';
import type { LeadsDatabase } from './database';
import { leadsMigrations } from './migrations';
import type { MetricLineSink } from './outbox/outbox-metrics';
import type { OutboxRuntime } from './outbox/outbox-runtime';
import { UsersServiceDirectory } from './routing/team-directory';
import { InventoryServiceLookup } from './routing/vehicle-lookup';
import { createDynamoClient, TimelineStore } from './timeline/timeline-store';

/** What a caller may supply instead of what the configuration would build. */
export interface LeadsOverrides {
  /** Machine tokens for the users, inventory and analytics services (default: client credentials from config). */
  tokens?: ServiceTokens;
  /** How long a dealership's team is reused (default 15 s). */
  teamCacheMs?: number;
  /** Where the outbox metric lines go (default: stdout, for CloudWatch). */
  emitMetrics?: MetricLineSink;
  reporter?: ErrorReporter;
  isShuttingDown?: () => boolean;
  clock?: () => Date;
}

/** The leads service, wired: its app and the adapters it holds. */
export interface LeadsService {
  app: Express;
  database: Database<LeadsDatabase>;
  redis: Redis;
  timeline: TimelineStore;
  outbox: OutboxRuntime;
  /** Stops the outbox and the parsing threads, then closes every connection. */
  close(): Promise<void>;
}

/**
 * The ADF parsing thread's file: beside main.js when built (capture/adf-parse-worker.js, an entry of
 * the build), the TypeScript source when the sources run (tests, the seed).
 */
const adfWorkerFile = () => join(__dirname, 'capture', `adf-parse-worker${extname(__filename)}`);

/**
 * The one place the leads service is wired from its configuration: main.ts and the tests both call
 * it, so the tests run the production wiring. Migrates the schema before anything is served.
 */
export async function composeLeads(
  config: LeadsConfig,
  logger: Logger,
  overrides: LeadsOverrides = {},
): Promise<LeadsService> {
  const database = createDatabase<LeadsDatabase>(databaseSettingsOf(config, 'LEADS'));
  const applied = await migrateToLatest(database.writer, leadsMigrations);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const redis = createRedis(config.REDIS_URL, logger);
  const reads = new ReadYourWrites(database.replicas, new RedisRecentWrites(redis, 'leads'));
  // Capture sends its transaction in two packets (ADR 0015) on connections of its own.
  const captureBatches = createStatementBatchPool(config.LEADS_DATABASE_URL, config.DATABASE_POOL_SIZE);

  const dynamo = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.DYNAMODB_REGION });
  const timeline = new TimelineStore(dynamo, config.LEAD_TIMELINE_TABLE);
  if (config.DYNAMODB_ENDPOINT) {
    // The local stand-in starts empty; in AWS, Terraform owns the table.
    await timeline
      .ensureTable()
      .catch((error: unknown) => logger.warn({ err: error }, 'timeline table not ready'));
  }
  const tokens = overrides.tokens ?? serviceTokensFrom(config);
  const team = new UsersServiceDirectory(config.USERS_API_URL, tokens, overrides.teamCacheMs);
  const mailer = new Mailer(config.SMTP_URL);
  const outbox = startLeadsOutbox(
    config,
    {
      db: database.writer,
      timeline,
      team,
      inventory: new InventoryServiceLookup(config.INVENTORY_API_URL, tokens),
      mailer,
      analytics: new AnalyticsIngestClient({ baseUrl: config.ANALYTICS_API_URL, tokens }),
    },
    logger,
    overrides.emitMetrics,
  );
  const adfParser = new AdfParserPool({ filename: adfWorkerFile(), threads: config.ADF_PARSE_THREADS });
  const app = createLeadsApp({
    config,
    logger,
    database,
    captureBatches,
    reads,
    redis,
    timeline,
    team,
    adfParser,
    kick: () => outbox.relay.kick(),
    reporter: overrides.reporter,
    isShuttingDown: overrides.isShuttingDown,
    clock: overrides.clock,
  });
  return {
    app,
    database,
    redis,
    timeline,
    outbox,
    async close() {
      await outbox.close();
      await adfParser.close();
      mailer.close();
      dynamo.destroy();
      await Promise.all([database.close(), captureBatches.promise().end()]);
      // QUIT waits for Redis; one that is away is simply dropped.
      const quit = redis.quit().catch(() => undefined);
      await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      redis.disconnect();
    },
  };
}
