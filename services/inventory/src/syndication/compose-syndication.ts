import type { Kysely } from 'kysely';
import type { ObjectStore } from '@showroom/server-storage';
import type { InventoryConfig } from '../config';
import type { InventoryDatabase } from '../database';
import type { MediaDeletions } from '../photos/media-deletions';
import type { PhotoUrls } from '../photos/photo-keys';
import type { RooftopDirectory } from '../rooftops/rooftop-directory';
import { MysqlVehicleChanges } from '../search/changes';
import { MysqlIndexCursorStore } from '../search/algolia/mysql-cursor-store';
import { StoredFollowCursor } from '../search/algolia/mysql-follow-cursor';
import { MysqlLeaderLease } from '../search/algolia/mysql-leader-lease';
import { FeedPublisher } from './feed-publisher';
import { SyndicationRepository } from './repository';
import { SyndicationScheduler, type SchedulerLog } from './scheduler';
import { SyndicationService } from './service';

/** Its row in search_index_cursors: how far feeds have followed vehicle changes. */
export const SYNDICATION_CONSUMER = 'syndication-feeds';

export interface SyndicationParts {
  service: SyndicationService;
  publisher: FeedPublisher;
  scheduler: SyndicationScheduler;
}

export function composeSyndication(deps: {
  config: InventoryConfig;
  writer: Kysely<InventoryDatabase>;
  objects: ObjectStore;
  rooftops: RooftopDirectory;
  photoUrls: PhotoUrls;
  logger: SchedulerLog;
  reportError: (error: unknown) => void;
  /** Deletes a rotated secret's feeds, retried until done. */
  mediaDeletions: MediaDeletions;
}): SyndicationParts {
  const { config, writer } = deps;
  const repository = new SyndicationRepository(writer);
  const publisher = new FeedPublisher({
    writer,
    objects: deps.objects,
    rooftops: deps.rooftops,
    photoUrls: deps.photoUrls,
    mediaPublicUrl: config.MEDIA_PUBLIC_URL,
    defaultWebsiteUrl: config.SYNDICATION_DEFAULT_WEBSITE_URL,
  });
  const scheduler = new SyndicationScheduler({
    changes: new MysqlVehicleChanges(writer),
    cursor: new StoredFollowCursor(new MysqlIndexCursorStore(writer), SYNDICATION_CONSUMER),
    // One lock per schema: instances of another environment on the same server do not stand by.
    lease: new MysqlLeaderLease(
      config.INVENTORY_DATABASE_URL,
      `syndication:${new URL(config.INVENTORY_DATABASE_URL).pathname.slice(1)}`,
    ),
    repository,
    publisher,
    log: deps.logger,
    reportError: deps.reportError,
    intervalMs: config.SYNDICATION_FOLLOW_INTERVAL_MS,
    debounceMs: config.SYNDICATION_DEBOUNCE_MS,
    fullIntervalMs: config.SYNDICATION_FULL_INTERVAL_MINUTES * 60_000,
  });
  return {
    service: new SyndicationService(repository, publisher, deps.rooftops, deps.mediaDeletions),
    publisher,
    scheduler,
  };
}
