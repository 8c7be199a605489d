import baseConfig from '../../eslint.config.mjs';
import { tenancy } from '../../tools/tenancy-lint/tenancy.mjs';

export default [
  ...baseConfig,
  // Statements on tenant tables go through forDealership (libs/server/mysql).
  ...tenancy({
    tenantTables: [
      'vehicles',
      'vehicle_changes',
      'vehicle_photos',
      'media_deletions',
      'photo_fetch_jobs',
      'photo_fetch_items',
      'vehicle_price_history',
      'inventory_events',
      'syndication_settings',
      'syndication_channel_state',
      'syndication_runs',
      'feed_import_settings',
      'feed_imports',
      'feed_import_issues',
      'feed_import_vins',
      'feed_photo_lists',
    ],
    acrossDealerships: {
      'src/warehouse/vehicles-exporter.ts': 'the nightly warehouse snapshot reads every dealership’s lot',
      'src/analytics/analytics-relay.ts':
        'the analytics relay ships every dealership’s unshipped vehicle events from the one outbox, oldest first',
      'src/photos/media-deletions.ts':
        'one sweeper retries every dealership’s pending media deletions (SKIP LOCKED)',
      'src/feed-import/job-claims.ts':
        'a worker takes the next queued import or due feed URL of any dealership (SKIP LOCKED)',
      'src/photo-robot/photo-fetch-repository.ts':
        'the photo robot’s workers claim due links of every dealership from one queue',
      'src/search/changes.ts': 'search indexes follow every dealership’s vehicle changes in one feed',
      'src/syndication/repository.ts':
        'the one feed generator finds every dealership whose feeds are due (changed, or stale) in one query',
      'src/search/mysql-engine.ts':
        'a search names its rooftops (the caller’s own, or their group’s) in an IN list of its own',
      'src/search/documents.ts':
        'a full index build reads every dealership’s vehicles; a change names its dealership',
    },
  }),
];
