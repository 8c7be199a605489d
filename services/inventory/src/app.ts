import { Router, type Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { TenantCache, pingRedis } from '@showroom/server-cache';
import {
  createServiceApp,
  OpenApiDocument,
  verifyAccessToken,
  type ErrorReporter,
} from '@showroom/server-kit';
import type { Database } from '@showroom/server-mysql';
import type { InventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { internalVehicleRoutes } from './vehicles/internal-routes';
import { vehicleOperations } from './vehicles/openapi';
import { VehicleRepository } from './vehicles/repository';
import { vehicleRoutes } from './vehicles/routes';
import { VehicleService } from './vehicles/service';

export interface InventoryAppDeps {
  config: InventoryConfig;
  logger: Logger;
  database: Database<InventoryDatabase>;
  redis: Redis;
  reporter?: ErrorReporter;
  isShuttingDown?: () => boolean;
  clock?: () => Date;
}

/** Builds the inventory service; does no I/O until a request arrives. */
export function createInventoryApp(deps: InventoryAppDeps): Express {
  const { config, database, redis, logger } = deps;
  const authenticate = verifyAccessToken({
    issuerBaseURL: config.AUTH_ISSUER_BASE_URL,
    audience: config.AUTH_AUDIENCE,
  });
  const cache = new TenantCache(redis, logger, {
    namespace: 'inventory',
    ttlSeconds: config.INVENTORY_CACHE_TTL_SECONDS,
  });
  const vehicles = new VehicleService(
    new VehicleRepository(database.writer, database.reader),
    cache,
    deps.clock,
  );
  const info = {
    service: 'inventory',
    title: 'Showroom inventory API',
    version: config.APP_VERSION,
    description: 'Vehicles on a dealership’s lot: VIN decode, pricing, status, search.',
  };
  return createServiceApp({
    config,
    logger,
    reporter: deps.reporter,
    isShuttingDown: deps.isShuttingDown,
    readiness: [
      { name: 'mysql', critical: true, check: () => database.ping() },
      // Without Redis the API is slower, not wrong: report it, stay ready.
      { name: 'redis', critical: false, check: () => pingRedis(redis) },
    ],
    openApi: { info, document: new OpenApiDocument(info).add(...vehicleOperations) },
    // Internal routes first: the dealer routes require X-Dealership-Id on everything under /api/inventory.
    routes: Router().use(
      internalVehicleRoutes(vehicles, authenticate),
      vehicleRoutes(vehicles, authenticate),
    ),
  });
}
