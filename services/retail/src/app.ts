import type { Redis } from 'ioredis';
import { createRedis, pingRedis } from '@showroom/server-cache';
import {
  serviceTokensFrom,
  createServiceApp,
  PollingWorker,
  type ComposedService,
  type ServiceRuntime,
} from '@showroom/server-kit';
import { AnalyticsIngestClient } from '@showroom/server-analytics-client';
import { Mailer } from '@showroom/server-mail';
import { createDatabase, migrateToLatest, type Database, databaseSettingsOf } from '@showroom/server-mysql';
import { objectStoreFromConfig, type ObjectStore } from '@showroom/server-storage';
import { AnalyticsEventJobs } from './analytics/analytics-events';
import type { RetailConfig } from './config';
import type { RetailDatabase } from './database';
import { finishedJobsSweep } from './jobs/finished-jobs-sweep';
import { JobClaims } from './jobs/job-claims';
import { JobRunner, type JobHandlers } from './jobs/job-runner';
import { finishedJobsSweepSettingsOf, jobRunnerSettingsOf } from './jobs/job-settings';
import { ShopperMailer } from './mail/shopper-mailer';
import { retailMigrations } from './migrations';
import { DealershipDirectory } from './peers/dealership-directory';
import { LeadsDesk } from './peers/leads-desk';
import { VehicleCatalog } from './peers/vehicle-catalog';
import { PublicAccess } from './public-access/public-access';
import { ShopperQuotes } from './quotes/shopper-quotes';
import { CreditRepository } from './credit/credit-repository';
import { CreditService } from './credit/credit-service';
import { CreditRetention } from './credit/retention';
import { composeDeals, dealGates } from './deals/compose-deals';
import { composeKeyProvider } from './encryption/compose-key-provider';
import { composeReservations } from './reservations/compose-reservations';
import { composeTradeIns } from './trade-ins/compose-trade-ins';
import { TradeInPhotoLinks } from './trade-ins/photo-links';
import { TradeInService } from './trade-ins/trade-in-service';
import { retailRoutes, type RetailRouteDeps } from './routes';
import { ProtectionProductService } from './settings/product-service';
import { RetailTermsSource } from './settings/retail-terms-source';
import { RetailSettingsService } from './settings/settings-service';
import { ValuationGridService } from './settings/valuation-grid-service';

/** Work that runs beside the requests, started once the schema is current and stopped before the pools close. */
export interface BackgroundWork {
  start(): void;
  /** Resolves once the run under way has ended. */
  stop(): Promise<void>;
}

/** The retail service as main.ts runs it, and as the tests run it. */
export interface Retail extends ComposedService {
  database: Database<RetailDatabase>;
  /** Rate-limit counters (each instance counts in memory while Redis is away). */
  redis: Redis;
  /** The media bucket: trade-in photos. */
  objects: ObjectStore;
  directory: DealershipDirectory;
  catalog: VehicleCatalog;
  leadsDesk: LeadsDesk;
  /** The retail outbox's runner (tests drive it with `runDue`). */
  jobs: JobRunner;
}

/** The schema a database URL names: it also keeps this deployment's keys apart in a shared Redis. */
const schemaNameOf = (databaseUrl: string): string => new URL(databaseUrl).pathname.slice(1);

/** The one composition root: adapters from the configuration, the modules on them, the app on top. */
export function composeRetail(config: RetailConfig, runtime: ServiceRuntime): Retail {
  const { logger } = runtime;
  const clock = () => new Date();
  const database = createDatabase<RetailDatabase>(databaseSettingsOf(config, 'RETAIL'));
  const db = database.writer;
  const redis = createRedis(config.REDIS_URL, logger);
  const objects = objectStoreFromConfig(config);
  const mailer = new Mailer(config.SMTP_URL);
  const tokens = serviceTokensFrom(config);
  const directory = new DealershipDirectory(config.USERS_API_URL, tokens, {
    max: config.STOREFRONT_CACHE_SIZE,
  });
  const catalog = new VehicleCatalog(config.INVENTORY_API_URL, tokens, { max: config.STOREFRONT_CACHE_SIZE });
  const leadsDesk = new LeadsDesk(config.LEADS_API_URL, tokens);
  const publicAccess = new PublicAccess(directory, redis, {
    perAddress: config.PUBLIC_RATE_PER_ADDRESS,
    perDealership: config.PUBLIC_RATE_PER_DEALERSHIP,
    windowSeconds: config.PUBLIC_RATE_WINDOW_SECONDS,
    namespace: schemaNameOf(config.RETAIL_DATABASE_URL),
  });
  const shopperMailer = new ShopperMailer({ db, mailer, directory, mailFrom: config.MAIL_FROM, logger });

  /** The terms quotes are computed with (cached; a settings or product change forgets them). */
  const retailTerms = new RetailTermsSource(db);
  const settingsDeps = { db, terms: retailTerms, clock };
  const retailSettings = new RetailSettingsService(settingsDeps);

  /** Who may open a deal: deals, trade-ins, credit and reservations check access with it. */
  const gates = dealGates(db, config, leadsDesk);

  /** Credit applications, sealed under data keys from KMS (or the local key provider off production). */
  const creditRepository = new CreditRepository(db);
  const credit = new CreditService({
    db,
    repository: creditRepository,
    keys: composeKeyProvider(config),
    retention: retailSettings,
    clock,
  });
  const creditRetention = new PollingWorker({
    name: 'credit retention sweep',
    run: () => new CreditRetention({ db, repository: creditRepository, clock }).sweep(),
    intervalMs: config.CREDIT_RETENTION_SWEEP_MS,
    logger: logger.child({ worker: 'credit-retention' }),
  });

  /** Reservation deposits on Stripe (the payments sandbox here), the car's hold and its expiry. */
  const reservations = composeReservations(config, {
    db,
    terms: retailTerms,
    directory,
    catalog,
    logger: logger.child({ module: 'reservations' }),
    clock,
  });

  /** Trade-ins: the deal views' part (`tradeIns`), the shopper's trade and photos, the desk's appraisal. */
  const tradeInPhotoLinks = new TradeInPhotoLinks({ secret: config.DEAL_LINK_SECRET });
  const tradeIns = new TradeInService({ db, photoLinks: tradeInPhotoLinks });
  const tradeInRouteDeps = composeTradeIns({
    db,
    tradeIns,
    photoLinks: tradeInPhotoLinks,
    gates,
    objects,
    directory,
    logger: logger.child({ module: 'trade-ins' }),
    clock,
  });

  /** Deals: the shopper's flow and the desk, on the parts trade-ins, credit and reservations give. */
  const deals = composeDeals({
    db,
    gates,
    vehicles: catalog,
    terms: retailTerms,
    directory,
    leads: leadsDesk,
    tradeIns,
    credit,
    reservations: reservations.service,
  });

  const deps: RetailRouteDeps = {
    publicAccess,
    retailTerms,
    retailSettings,
    protectionProducts: new ProtectionProductService(settingsDeps),
    valuationGrid: new ValuationGridService(db),
    shopperQuotes: new ShopperQuotes(catalog, retailTerms),
    shopperAccess: gates.shopperAccess,
    dealAccess: gates.dealAccess,
    credit,
    ...reservations.routeDeps,
    ...tradeInRouteDeps,
    ...deals.routeDeps,
  };
  /** Every job kind's handler: each module adds its own. */
  const analyticsEvents = new AnalyticsEventJobs(
    new AnalyticsIngestClient({ baseUrl: config.ANALYTICS_API_URL, tokens }),
  );
  const jobHandlers: JobHandlers = {
    ...shopperMailer.handlers,
    ...analyticsEvents.handlers,
    ...reservations.handlers,
    ...deals.handlers,
  };
  const jobClaims = new JobClaims(db);
  const jobs = new JobRunner({
    claims: jobClaims,
    handlers: jobHandlers,
    settings: jobRunnerSettingsOf(config),
    logger: logger.child({ worker: 'retail-jobs' }),
    clock,
  });
  const finishedJobs = finishedJobsSweep(jobClaims, finishedJobsSweepSettingsOf(config), logger, clock);
  /** The job runner and the periodic sweeps. */
  const background: BackgroundWork[] = [jobs.worker, finishedJobs, creditRetention, reservations.expiry];

  const app = createServiceApp({
    config,
    ...runtime,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      // Without Redis the rate limits count per instance: slower to agree, never down.
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
    ],
    api: {
      info: {
        service: 'retail',
        title: 'Showroom retail API',
        description:
          'Digital retailing: deals shoppers work out on a dealership’s website (payment, trade-in, credit application, protection products, reservation) and the deal desk that answers them.',
      },
      routes: retailRoutes,
      deps,
    },
    // CORS preflights of the public routes: not operations, rate-limited all the same.
    publicRoutes: publicAccess.preflight(),
  });
  return {
    app,
    database,
    redis,
    objects,
    directory,
    catalog,
    leadsDesk,
    jobs,
    migrate: () => migrateToLatest(db, retailMigrations),
    startBackground: () => background.forEach((work) => work.start()),
    // The work under way finishes before the pools close.
    closers: [
      () => Promise.all(background.map((work) => work.stop())),
      async () => mailer.close(),
      () => database.close(),
      () => closeRedis(redis),
    ],
  };
}

/** QUIT waits for Redis; one that is away is simply dropped. */
async function closeRedis(redis: Redis): Promise<void> {
  const quit = redis.quit().catch(() => undefined);
  await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  redis.disconnect();
}
