import type { PublishedSite } from '@showroom/contracts';
import { Router, type RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import { encodeBody, sendEncoded, type EncodedBody } from './encoding';
import { siteHostOf } from './hosts';
import { NO_SITE_HTML, PLAIN_PAGE_CSP } from './plain-pages';
import type { PublicInventory } from './public-inventory';
import { MAX_SITEMAP_VEHICLES, robotsTxt, sitemapXml } from './seo-files';
import type { SiteDirectory } from './site-directory';

/**
 * Chooses the site by the Host header, or by `siteHostHeader` when the CDN in front names the
 * viewer's host there (`res.locals.site`, `res.locals.host`). A host without a published site gets
 * the 404 page and goes no further: nothing else, Angular included, ever runs for a host Showroom
 * does not serve.
 */
export function siteResolver(sites: SiteDirectory, siteHostHeader?: string): RequestHandler {
  return async (req, res, next) => {
    try {
      const host = siteHostOf((siteHostHeader && req.get(siteHostHeader)) || req.headers.host);
      const site = host ? await sites.siteFor(host) : null;
      if (!site) {
        res
          .status(404)
          .set({
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-store',
            'Content-Security-Policy': PLAIN_PAGE_CSP,
          })
          .send(NO_SITE_HTML);
        return;
      }
      res.locals['site'] = site;
      res.locals['host'] = host;
      next();
    } catch (error) {
      next(error);
    }
  };
}

const SEO_FILE_CACHE = 'public, max-age=300';

/** `/robots.txt` and `/sitemap.xml` of the request's site; the sitemap is kept per site version. */
export function seoFileRoutes(inventory: PublicInventory, sitemapTtlMs: number): Router {
  const sitemaps = new LRUCache<string, EncodedBody, PublishedSite>({
    max: 2_000,
    ttl: Math.max(sitemapTtlMs, 1),
    allowStaleOnFetchRejection: true,
    fetchMethod: async (_key, _stale, { context: site }) => {
      const vehicles = await inventory.allVehicles(site.dealershipId, MAX_SITEMAP_VEHICLES);
      return encodeBody(Buffer.from(sitemapXml(site, vehicles)), 'application/xml', 'fast');
    },
  });

  const router = Router();
  router.get('/robots.txt', (req, res) => {
    const site = res.locals['site'] as PublishedSite;
    res.set({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': SEO_FILE_CACHE });
    sendEncoded(req, res, 200, { identity: Buffer.from(robotsTxt(site)), etag: `"robots-${site.version}"` });
  });
  router.get('/sitemap.xml', async (req, res, next) => {
    const site = res.locals['site'] as PublishedSite;
    try {
      const body = await sitemaps.fetch(`${site.dealershipId}:${site.version}`, { context: site });
      if (!body) throw new Error('sitemap could not be built');
      res.set({ 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': SEO_FILE_CACHE });
      sendEncoded(req, res, 200, body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
