import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ErrorReporter } from '@showroom/server-kit';
import type { InventoryDatabase } from '../database';
import { photoRobotSettingsOf, type PhotoRobotConfig } from './config';
import { PhotoFetchQueue } from './photo-fetch-queue';
import { PhotoFetchRepository } from './photo-fetch-repository';
import { PhotoFetchWorker, type PhotoPipeline } from './photo-fetch-worker';

/** The photo robot as the inventory service runs it: the queue routes and feed import use, and its worker. */
export interface PhotoRobot {
  queue: PhotoFetchQueue;
  worker: PhotoFetchWorker;
}

export function composePhotoRobot(options: {
  config: PhotoRobotConfig;
  writer: Kysely<InventoryDatabase>;
  photos: PhotoPipeline;
  logger: Logger;
  reporter?: ErrorReporter;
}): PhotoRobot {
  const repository = new PhotoFetchRepository(options.writer);
  const worker = new PhotoFetchWorker({
    repository,
    photos: options.photos,
    settings: photoRobotSettingsOf(options.config),
    logger: options.logger.child({ component: 'photo-robot' }),
    reporter: options.reporter,
  });
  return { queue: new PhotoFetchQueue(repository, () => worker.wake()), worker };
}
