import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ServiceTokens } from '@showroom/server-kit';
import type { AnalyticsConfig } from './config';
import type { AnalyticsDatabase } from './database';
import type { AnalyticsEngine } from './engine/port';
import type { DealershipDirectory } from './peers/dealership-directory';
import type { AnalyticsSettingsService } from './settings/settings-service';
import type { SourceCostService } from './settings/source-cost-service';

/**
 * What compose.ts builds once and hands to every module's composer (reports, ingest, collect): the
 * adapters and the settings. A module builds its own services on these in its compose-<module>.ts.
 */
export interface AnalyticsParts {
  config: AnalyticsConfig;
  logger: Logger;
  clock: () => Date;
  /** The settings schema (settings and source costs). */
  db: Kysely<AnalyticsDatabase>;
  /** Where events are stored and asked (DuckDB or Elasticsearch, by ANALYTICS_ENGINE). */
  engine: AnalyticsEngine;
  /** Collection rate-limit counters (each instance counts in memory while Redis is away). */
  redis: Redis;
  /** Dealerships' time zones and website origins (users' internal storefront route, cached 30 s). */
  directory: DealershipDirectory;
  /** Machine tokens for calls to other services. */
  tokens: ServiceTokens;
  /** First-response target, consent rule and sample rate of a dealership. */
  settings: AnalyticsSettingsService;
  /** Monthly source costs (the source-costs report prorates them). */
  sourceCosts: SourceCostService;
}

/** Work that runs beside the requests, started once the schema is current and stopped before the pools close. */
export interface BackgroundWork {
  start(): void;
  /** Resolves once the run under way has ended. */
  stop(): Promise<void>;
}

/** What a module's composer gives back to compose.ts. */
export interface ModuleParts<RouteDeps> {
  /** Spread into the deps every route handler is given (routes.ts's AnalyticsRouteDeps). */
  routeDeps: RouteDeps;
  /** Periodic work of the module, started and stopped with the service. */
  background?: BackgroundWork[];
  /** Mounted before the portal's CORS policy and body parser (e.g. CORS preflights of public routes). */
  publicRoutes?: Router;
}
