import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { VehicleCondition } from '@showroom/contracts';
import type { ObjectStore } from '@showroom/server-storage';
import type { InventoryDatabase } from '../database';
import { fetchLimitsOf, type PhotoRobotConfig } from '../photo-robot/config';
import { safeFetch } from '../photo-robot/safe-fetch';
import { feedImportSettingsOf, type FeedImportConfig } from './config';
import { ImportJobClaims } from './job-claims';
import { FeedImportRepository } from './repository';
import { FeedImportService } from './service';
import { FeedImportWorker, type FeedPhotoQueue } from './worker';

/** Feed import as the inventory service runs it: the service its routes use, and its worker. */
export interface FeedImport {
  service: FeedImportService;
  worker: FeedImportWorker;
}

export function composeFeedImport(options: {
  config: FeedImportConfig & PhotoRobotConfig;
  writer: Kysely<InventoryDatabase>;
  objects: ObjectStore;
  photos: FeedPhotoQueue;
  suggestStockNumber(dealershipId: string, condition: VehicleCondition): Promise<string>;
  vehiclesChanged(dealershipId: string): Promise<void>;
  forgetPhotos(dealershipId: string, vehicleId: string): Promise<void>;
  logger: Logger;
  clock?: () => Date;
}): FeedImport {
  const clock = options.clock ?? (() => new Date());
  const settings = feedImportSettingsOf(options.config);
  const repository = new FeedImportRepository(options.writer);
  const service = new FeedImportService(repository, options.objects, settings.maxBytes, clock);
  const worker = new FeedImportWorker({
    repository,
    claims: new ImportJobClaims(options.writer),
    objects: options.objects,
    photos: options.photos,
    suggestStockNumber: options.suggestStockNumber,
    vehiclesChanged: options.vehiclesChanged,
    forgetPhotos: options.forgetPhotos,
    importFeed: (dealershipId, url, file) => service.importFeed(dealershipId, url, file),
    fetchFeed: safeFetch,
    fetchLimits: fetchLimitsOf(options.config),
    settings,
    logger: options.logger.child({ component: 'feed-import' }),
    clock,
  });
  return { service, worker };
}
