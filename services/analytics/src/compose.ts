import type { Redis } from 'ioredis';
import { createRedis, pingRedis } from '@showroom/server-cache';
import { serviceTokensFrom, type ComposedService, type ServiceRuntime } from '@showroom/server-kit';
import { createDatabase, migrateToLatest, type Database, databaseSettingsOf } from '@showroom/server-mysql';
import { createApp } from './app';
import { composeCollect } from './collect/compose-collect';
import type { AnalyticsConfig } from './config';
import type { AnalyticsDatabase } from './database';
import { composeEngine } from './engine/compose-engine';
import { withEngineProblems } from './engine-problems';
import type { AnalyticsEngine } from './engine/port';
import { composeIngest } from './ingest/compose-ingest';
import { analyticsMigrations } from './migrations';
import type { AnalyticsParts, BackgroundWork } from './module-parts';
import { DealershipDirectory } from './peers/dealership-directory';
import { composeReports } from './reports/compose-reports';
import type { AnalyticsRouteDeps } from './routes';
import { AnalyticsSettingsRepository } from './settings/settings-repository';
import { AnalyticsSettingsService } from './settings/settings-service';
import { SourceCostService } from './settings/source-cost-service';

/** The analytics service as main.ts runs it, and as the tests run it. */
export interface Analytics extends ComposedService {
  /** The settings schema. */
  database: Database<AnalyticsDatabase>;
  /** The engine itself (start, readiness, close; tests store events with it); modules get `parts.engine`. */
  engine: AnalyticsEngine;
  redis: Redis;
  directory: DealershipDirectory;
  /** The shared parts every module was composed on (tests reach the services through them). */
  parts: AnalyticsParts;
}

/** The one composition root: adapters from the configuration, the modules on them, the app on top. */
export function composeAnalytics(config: AnalyticsConfig, runtime: ServiceRuntime): Analytics {
  const { logger } = runtime;
  const clock = () => new Date();
  const database = createDatabase<AnalyticsDatabase>(databaseSettingsOf(config, 'ANALYTICS'));
  const db = database.writer;
  const engine = composeEngine(config, logger.child({ module: 'engine' }));
  // The modules' engine: its failures reach callers as problems (503 while it is away, 400 for a refused value).
  const routeEngine = withEngineProblems(engine);
  const redis = createRedis(config.REDIS_URL, logger);
  const tokens = serviceTokensFrom(config);
  const directory = new DealershipDirectory(config.USERS_API_URL, tokens, {
    max: config.STOREFRONT_CACHE_SIZE,
  });
  const settingsRepository = new AnalyticsSettingsRepository(db);
  const settings = new AnalyticsSettingsService(settingsRepository, clock);
  const sourceCosts = new SourceCostService({
    repository: settingsRepository,
    engine: routeEngine,
    directory,
  });
  const parts: AnalyticsParts = {
    config,
    logger,
    clock,
    db,
    engine: routeEngine,
    redis,
    directory,
    tokens,
    settings,
    sourceCosts,
  };

  // Each module composes itself on the shared parts (its own compose-<module>.ts).
  const reports = composeReports(parts);
  const ingest = composeIngest(parts);
  const collect = composeCollect(parts);
  const modules = [reports, ingest, collect];
  const routeDeps: AnalyticsRouteDeps = {
    analyticsSettings: settings,
    sourceCosts,
    ...reports.routeDeps,
    ...ingest.routeDeps,
    ...collect.routeDeps,
  };
  const background: BackgroundWork[] = modules.flatMap((module) => module.background ?? []);

  const app = createApp({
    config,
    runtime,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      { name: 'engine', critical: true, check: () => engine.ready() },
      // Without Redis the rate limits count per instance: slower to agree, never down.
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
    ],
    routeDeps,
    publicRoutes: modules.flatMap((module) => (module.publicRoutes ? [module.publicRoutes] : [])),
  });
  return {
    app,
    database,
    engine,
    redis,
    directory,
    parts,
    // The engine's tables (or index template and lifecycle policy) first: reports need both stores.
    migrate: async () => {
      await engine.ready();
      return migrateToLatest(db, analyticsMigrations);
    },
    startBackground: () => background.forEach((work) => work.start()),
    // The work under way finishes before the stores close.
    closers: [
      () => Promise.all(background.map((work) => work.stop())),
      () => engine.close(),
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
