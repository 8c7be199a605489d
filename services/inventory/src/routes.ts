import { feedImportRoutes } from './feed-import/routes';
import { holdRoutes } from './holds/hold-routes';
import { photoFetchRoutes } from './photo-robot/routes';
import { photoRoutes } from './photos/photo-routes';
import { searchRoutes } from './search/search-routes';
import { priceHistoryRoutes } from './syndication/price-history-routes';
import { syndicationRoutes } from './syndication/routes';
import { vehicleRoutes } from './vehicles/routes';

/** Every route of the inventory API, once: the app serves these, and the route matrix checks each of them. */
export const inventoryRoutes = [
  ...searchRoutes,
  ...vehicleRoutes,
  ...holdRoutes,
  ...photoRoutes,
  ...photoFetchRoutes,
  ...priceHistoryRoutes,
  ...syndicationRoutes,
  ...feedImportRoutes,
];
