import type { AnalyticsParts, ModuleParts } from '../module-parts';
import type { CollectRouteDeps } from './collect-routes';
import { PublicCollectionAccess } from './public-collection-access';
import { ShopperEventCollector } from './shopper-event-collector';

/** The public collection module on the shared parts. */
export function composeCollect(parts: AnalyticsParts): ModuleParts<CollectRouteDeps> {
  const { config, logger } = parts;
  const collectionAccess = new PublicCollectionAccess(parts.directory, parts.redis, {
    perAddress: config.COLLECT_RATE_PER_ADDRESS,
    perDealership: config.COLLECT_RATE_PER_DEALERSHIP,
    windowSeconds: config.COLLECT_RATE_WINDOW_SECONDS,
    namespace: new URL(config.ANALYTICS_DATABASE_URL).pathname.slice(1),
  });
  const shopperEvents = new ShopperEventCollector({
    settings: parts.settings,
    engine: parts.engine,
    clock: parts.clock,
    // Only the reason: which visits are not counted says nothing about who the shopper is.
    onKeptNothing: (reason) => logger.debug({ reason }, 'shopper batch answered, nothing kept'),
  });
  return {
    routeDeps: { collectionAccess, shopperEvents },
    // CORS preflights of the collection paths, before the portal's CORS policy.
    publicRoutes: collectionAccess.preflight(),
  };
}
