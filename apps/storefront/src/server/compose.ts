import { existsSync } from 'node:fs';
import type { PublishedSite } from '@showroom/contracts';
import { healthRoutes, requestLogger } from '@showroom/server-kit';
import { objectStoreFromConfig, type ObjectStore } from '@showroom/server-storage';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from 'pino';
import type { StorefrontRequestContext } from '../app/site/site';
import type { StorefrontConfig } from './config';
import { PageCache } from './page-cache';
import { angularPages, type AngularRender } from './pages';
import { PLAIN_PAGE_CSP, UNAVAILABLE_HTML } from './plain-pages';
import { PublicInventory } from './public-inventory';
import { pingRetail } from './retail-health';
import { securityHeaders } from './security';
import { SiteDirectory } from './site-directory';
import { seoFileRoutes, siteResolver } from './site-routes';
import { staticFiles } from './static-files';

export interface StorefrontRuntime {
  logger: Logger;
  render: AngularRender;
  /** The browser build (scripts, styles, public/): absent under the dev server, which serves it. */
  browserFolder: string;
  isShuttingDown: () => boolean;
  /** The bucket of published sites; by default the one the S3_* variables name. */
  store?: ObjectStore;
}

export interface ComposedStorefront {
  app: Express;
  closers: Array<() => Promise<unknown>>;
}

/** The storefront server: probes, static files, site by host, robots/sitemap, then Angular's pages. */
export async function composeStorefront(
  config: StorefrontConfig,
  runtime: StorefrontRuntime,
): Promise<ComposedStorefront> {
  const { logger } = runtime;
  const sites = new SiteDirectory(runtime.store ?? objectStoreFromConfig(config), logger, {
    ttlMs: config.SITE_CACHE_SECONDS * 1000,
  });
  const inventory = new PublicInventory(config.INVENTORY_API_URL);
  const cache =
    config.PAGE_CACHE_SECONDS > 0
      ? new PageCache({
          ttlMs: config.PAGE_CACHE_SECONDS * 1000,
          maxBytes: config.PAGE_CACHE_MB * 1024 * 1024,
        })
      : null;
  const contextFor = (site: PublishedSite): StorefrontRequestContext => ({
    site: { ...site, apiOrigin: config.PUBLIC_API_ORIGIN },
    inventoryApiUrl: config.INVENTORY_API_URL,
    retailApiUrl: config.RETAIL_API_URL,
  });

  const app = express();
  app.disable('x-powered-by');
  // ETags are made once per cached body (encoding.ts), not per response by Express.
  app.set('etag', false);
  app.use(requestLogger(logger));
  app.use(
    healthRoutes(
      'storefront',
      [
        { name: 'sites-bucket', critical: true, check: () => sites.ping() },
        // Pages of a site still render (without cars) when inventory is down: degraded, not unavailable.
        { name: 'inventory', critical: false, check: () => inventory.ping() },
        // Car pages render without payments when retail is down: degraded too.
        { name: 'retail', critical: false, check: () => pingRetail(config.RETAIL_API_URL) },
      ],
      logger,
      runtime.isShuttingDown,
    ),
  );
  app.use(securityHeaders());
  if (existsSync(runtime.browserFolder)) app.use(await staticFiles(runtime.browserFolder));
  app.use(siteResolver(sites, config.SITE_HOST_HEADER));
  app.use(seoFileRoutes(inventory, config.SITEMAP_CACHE_SECONDS * 1000));
  app.use(
    angularPages({
      render: runtime.render,
      cache,
      contextFor,
      csp: { apiOrigin: config.PUBLIC_API_ORIGIN, mediaOrigin: new URL(config.MEDIA_PUBLIC_URL).origin },
    }),
  );
  app.use(failurePage(logger));
  return { app, closers: [] };
}

function failurePage(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    logger.error({ err: error, url: req.path }, 'storefront request failed');
    if (res.headersSent) return void res.end();
    res
      .status(503)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': '30',
        'Content-Security-Policy': PLAIN_PAGE_CSP,
      })
      .send(UNAVAILABLE_HTML);
  };
}
