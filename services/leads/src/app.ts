import { Router, type Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PersonRef } from '@showroom/contracts';
import { pingRedis } from '@showroom/server-cache';
import {
  createServiceApp,
  OpenApiDocument,
  problems,
  verifyAccessToken,
  type ErrorReporter,
} from '@showroom/server-kit';
import type { Database } from '@showroom/server-mysql';
import type { AdfParser } from './capture/adf-parser';
import { adfRoutes } from './capture/adf-routes';
import { CaptureRepository } from './capture/capture-repository';
import { CaptureService } from './capture/capture-service';
import { publicLeadRoutes } from './capture/public-routes';
import { schemaNameOf, type LeadsConfig } from './config';
import type { LeadsDatabase } from './database';
import type { LeadViewer } from './leads/lead-access';
import { LeadRepository } from './leads/lead-repository';
import { leadRoutes } from './leads/lead-routes';
import { LeadWorkService } from './leads/lead-work-service';
import { leadOperations } from './openapi';
import type { TeamDirectory } from './routing/team-directory';
import { IngestKeys } from './settings/ingest-keys';
import { SettingsRepository } from './settings/settings-repository';
import { settingsRoutes } from './settings/settings-routes';
import { SettingsService } from './settings/settings-service';
import { SiteOrigins } from './settings/site-origins';
import type { TimelineStore } from './timeline/timeline-store';

export interface LeadsAppDeps {
  config: LeadsConfig;
  logger: Logger;
  database: Database<LeadsDatabase>;
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

/** Builds the leads service; does no I/O until a request arrives. */
export function createLeadsApp(deps: LeadsAppDeps): Express {
  const { config, database, redis, team, kick } = deps;
  const clock = deps.clock ?? (() => new Date());
  const db = database.writer;
  const authenticate = verifyAccessToken({
    issuerBaseURL: config.AUTH_ISSUER_BASE_URL,
    audience: config.AUTH_AUDIENCE,
  });
  const settingsRepository = new SettingsRepository(db);
  const origins = new SiteOrigins((id) => settingsRepository.siteOriginsOf(id), {
    max: config.SITE_ORIGIN_CACHE_SIZE,
  });
  const capture = new CaptureService(new CaptureRepository(db), kick, clock);
  const leads = new LeadRepository(db);
  const work = new LeadWorkService(leads, team, kick, clock);
  const keys = new IngestKeys(settingsRepository, clock);
  const settings = new SettingsService(settingsRepository, origins);
  const namespace = schemaNameOf(config.LEADS_DATABASE_URL);

  /** Sales enter leads for themselves; those who assign may name anyone on the team. */
  async function resolveAssignee(
    viewer: LeadViewer,
    assigneeId: string | undefined,
  ): Promise<PersonRef | null> {
    if (assigneeId === undefined || assigneeId === viewer.userId) {
      return viewer.canAssign && assigneeId === undefined ? null : { id: viewer.userId, name: viewer.name };
    }
    if (!viewer.canAssign) throw problems.forbidden('Your role may enter leads only for yourself.');
    const member = await team.member(viewer.dealershipId, assigneeId);
    if (!member || member.role === 'viewer') {
      throw problems.validation([
        { name: 'body.assigneeId', reason: 'is not someone who sells at this dealership' },
      ]);
    }
    return { id: member.id, name: member.name };
  }

  const publicRoutes = Router();
  publicRoutes.use(
    publicLeadRoutes({
      capture,
      origins,
      redis,
      limits: {
        perAddress: config.PUBLIC_RATE_PER_ADDRESS,
        perDealership: config.PUBLIC_RATE_PER_DEALERSHIP,
        windowSeconds: config.PUBLIC_RATE_WINDOW_SECONDS,
        namespace,
      },
    }),
    adfRoutes({
      capture,
      keys,
      parser: deps.adfParser,
      redis,
      limits: { perKey: config.ADF_RATE_PER_KEY, windowSeconds: config.ADF_RATE_WINDOW_SECONDS, namespace },
      maxBytes: config.ADF_MAX_BYTES,
      maxProspects: config.ADF_MAX_PROSPECTS,
    }),
  );
  const routes = Router();
  routes.use(
    leadRoutes({ authenticate, leads, work, capture, timeline: deps.timeline, resolveAssignee, clock }),
    settingsRoutes({ authenticate, settings, keys }),
  );

  const info = {
    service: 'leads',
    title: 'Showroom leads API',
    version: config.APP_VERSION,
    description: 'Lead capture (website forms, ADF/XML, e-mail), pipeline, tasks, timeline.',
  };
  return createServiceApp({
    config,
    logger: deps.logger,
    reporter: deps.reporter,
    isShuttingDown: deps.isShuttingDown,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      // Leads are taken without Redis (rate limits fall back to memory, events wait in MySQL).
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
    ],
    openApi: { info, document: new OpenApiDocument(info).add(...leadOperations) },
    publicRoutes,
    routes,
  });
}
