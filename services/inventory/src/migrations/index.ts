import type { Migration } from 'kysely/migration';
import { vehicles } from './0001_vehicles';
import { search } from './0002_search';
import { searchIndexCursors } from './0003_search_index_cursors';
import { photos } from './0004_photos';
import { photoFetches } from './0005_photo_fetches';
import { feedImports } from './0006_feed_imports';
import { syndication } from './0007_syndication';
import { importSafety } from './0008_import_safety';
import { mediaDeletions } from './0009_media_deletions';
import { vehicleHolds } from './0010_vehicle_holds';
import { analyticsRelay } from './0011_analytics_relay';
import { analyticsSkips } from './0012_analytics_skips';

/** Ordered, forward-only. Never edit a migration that has shipped; add the next one. */
export const inventoryMigrations: Record<string, Migration> = {
  '0001_vehicles': vehicles,
  '0002_search': search,
  '0003_search_index_cursors': searchIndexCursors,
  '0004_photos': photos,
  '0005_photo_fetches': photoFetches,
  '0006_feed_imports': feedImports,
  '0007_syndication': syndication,
  '0008_import_safety': importSafety,
  '0009_media_deletions': mediaDeletions,
  '0010_vehicle_holds': vehicleHolds,
  '0011_analytics_relay': analyticsRelay,
  '0012_analytics_skips': analyticsSkips,
};
