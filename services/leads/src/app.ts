import type { Express } from 'express';
import type { Pool } from 'mysql2';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { pingRedis } from '@showroom/server-cache';
import { createServiceApp, SiteOrigins, type ErrorReporter, type OpenApiInfo } from '@showroom/server-kit';
import { replicaReadiness, type Database, type ReadYourWrites } from '@showroom/server-mysql';
import type { AdfParser } from './capture/adf-parser';
import { ingestKeyOf } from './capture/adf-routes';
import { CaptureRepository } from './capture/capture-repository';
import { CaptureService } from './capture/capture-service';
import { sitePreflight } from './capture/public-routes';
import { ingestKeyRateLimit, publicRateLimits } from './capture/rate-limit';
import { schemaNameOf, type LeadsConfig } from './config';
import { DealLeadRepository } from './deal-leads/deal-lead-repository';
import { DealLeadService } from './deal-leads/deal-lead-service';
import type { LeadsDatabase } from './database';
import { LeadRepository } from './leads/lead-repository';
import { LeadWorkService } from './leads/lead-work-service';
import { MemberLeadsRelease } from './routing/member-release';
import type { TeamDirectory } from './routing/team-directory';
import { leadsRoutes, type LeadsRouteDeps } from './routes';
import { IngestKeys } from './settings/ingest-keys';
import { SettingsRepository } from './settings/settings-repository';
import { SettingsService } from './settings/settings-service';
import type { TimelineStore } from './timeline/timeline-store';

export interface LeadsAppDeps {
  config: LeadsConfig;
  logger: Logger;
  database: Database<LeadsDatabase>;
  /** Connections of the primary that take a packet of statements: capture's (createStatementBatchPool). */
  captureBatches: Pool;
  /** Read-your-writes: the inbox and lead pages read replicas unless the reader or its dealership wrote lately. */
  reads: ReadYourWrites;
  redis: Redis;
  timeline: TimelineStore;
  team: TeamDirectory;
  /** Parses ADF off the main thread. */
  adfParser: AdfParser;
  /** Called after each commit that wrote outbox events (the relay publishes at once). */
  kick: () => void;
  reporter?: ErrorReporter;
  isShuttingDown?: () => boolean;
  clock?: () => Date;
}

export const leadsApiInfo = (config: LeadsConfig): OpenApiInfo => ({
  service: 'leads',
  title: 'Showroom leads API',
  version: config.APP_VERSION,
  description: 'Lead capture (website forms, ADF/XML, e-mail), pipeline, tasks, timeline.',
});

/** Builds the leads service's domain and its HTTP app; does no I/O until a request arrives. */
export function createLeadsApp(deps: LeadsAppDeps): Express {
  const { config, database, redis, team, kick } = deps;
  const clock = deps.clock ?? (() => new Date());
  const db = database.writer;
  const namespace = schemaNameOf(config.LEADS_DATABASE_URL);

  const settingsRepository = new SettingsRepository(db);
  const origins = new SiteOrigins((id) => settingsRepository.siteOriginsOf(id), {
    max: config.SITE_ORIGIN_CACHE_SIZE,
  });
  const capture = new CaptureService(new CaptureRepository(db, deps.captureBatches), kick, clock);
  const dealLeadRepository = new DealLeadRepository(db);
  const work = new LeadWorkService(
    new LeadRepository(db, database.reader),
    capture,
    team,
    deps.timeline,
    kick,
    clock,
  );
  const keys = new IngestKeys(settingsRepository, clock);
  const formLimits = publicRateLimits(redis, {
    perAddress: config.PUBLIC_RATE_PER_ADDRESS,
    perDealership: config.PUBLIC_RATE_PER_DEALERSHIP,
    windowSeconds: config.PUBLIC_RATE_WINDOW_SECONDS,
    namespace,
  });
  const routeDeps: LeadsRouteDeps = {
    capture,
    origins,
    keys,
    adfParser: deps.adfParser,
    formLimit: formLimits.post,
    adfLimit: ingestKeyRateLimit(
      redis,
      { perKey: config.ADF_RATE_PER_KEY, windowSeconds: config.ADF_RATE_WINDOW_SECONDS, namespace },
      ingestKeyOf,
    ),
    adf: { maxBytes: config.ADF_MAX_BYTES, maxProspects: config.ADF_MAX_PROSPECTS },
    work,
    settings: new SettingsService(settingsRepository, origins),
    dealLeads: new DealLeadService(dealLeadRepository, capture, kick, clock),
    memberRelease: new MemberLeadsRelease(db, team, kick, clock),
  };

  return createServiceApp({
    config,
    logger: deps.logger,
    reporter: deps.reporter,
    isShuttingDown: deps.isShuttingDown,
    reads: deps.reads,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      replicaReadiness(database),
      // Leads are taken without Redis (rate limits fall back to memory, events wait in MySQL).
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
    ],
    api: { info: leadsApiInfo(config), routes: leadsRoutes, deps: routeDeps },
    // The website form's CORS preflight: not an operation, limited all the same.
    publicRoutes: sitePreflight(origins, formLimits.preflight),
  });
}
