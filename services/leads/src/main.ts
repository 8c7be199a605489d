import './apm';
import { createRedis } from '@showroom/server-cache';
import { createErrorReporter, runService } from '@showroom/server-kit';
import { createDatabase, migrateToLatest } from '@showroom/server-mysql';
import { createLeadsApp } from './app';
import { ClientCredentialsTokens } from './clients/machine-token';
import { loadLeadsConfig } from './config';
import { startLeadsOutbox } from './consumers/lead-consumers';
import type { LeadsDatabase } from './database';
import { Mailer } from './mail/mailer';
import { leadsMigrations } from './migrations';
import { UsersServiceDirectory } from './routing/team-directory';
import { InventoryServiceLookup } from './routing/vehicle-lookup';
import { createDynamoClient, TimelineStore } from './timeline/timeline-store';

runService(
  'leads',
  () => loadLeadsConfig(),
  async (config, logger, isShuttingDown) => {
    const database = createDatabase<LeadsDatabase>({
      writerUrl: config.LEADS_DATABASE_URL,
      readerUrls: config.LEADS_DATABASE_READER_URLS,
      connectionLimit: config.DATABASE_POOL_SIZE,
    });
    const redis = createRedis(config.REDIS_URL, logger);
    const applied = await migrateToLatest(database.writer, leadsMigrations);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');

    const dynamo = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.DYNAMODB_REGION });
    const timeline = new TimelineStore(dynamo, config.LEAD_TIMELINE_TABLE);
    if (config.DYNAMODB_ENDPOINT) {
      // The local stand-in starts empty; in AWS, Terraform owns the table.
      await timeline
        .ensureTable()
        .catch((error: unknown) => logger.warn({ err: error }, 'timeline table not ready'));
    }
    const tokens = new ClientCredentialsTokens({
      issuerBaseURL: config.AUTH_ISSUER_BASE_URL,
      clientId: config.AUTH_CLIENT_ID,
      clientSecret: config.AUTH_CLIENT_SECRET,
      audience: config.AUTH_AUDIENCE,
    });
    const team = new UsersServiceDirectory(config.USERS_API_URL, tokens);
    const mailer = new Mailer(config.SMTP_URL);
    const outbox = startLeadsOutbox(
      config,
      {
        db: database.writer,
        timeline,
        team,
        inventory: new InventoryServiceLookup(config.INVENTORY_API_URL, tokens),
        mailer,
      },
      logger,
    );
    const app = createLeadsApp({
      config,
      logger,
      database,
      redis,
      timeline,
      team,
      kick: () => outbox.relay.kick(),
      reporter: createErrorReporter(config, logger),
      isShuttingDown,
    });
    return {
      app,
      closers: [
        () => outbox.close(),
        async () => mailer.close(),
        async () => dynamo.destroy(),
        () => database.close(),
        () => redis.quit(),
      ],
    };
  },
);
