import type { PublishedSite } from '@showroom/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { StorefrontRequestContext } from '../app/site/site';
import { encodeBody, sendEncoded } from './encoding';
import { PageCache, type RenderedPage } from './page-cache';
import { contentSecurityPolicy, inlineScriptHashes, type CspSources } from './security';

/** Angular's renderer: `AngularNodeAppEngine.handle` in the server, anything alike in a test. */
export type AngularRender = (
  req: Request,
  context: StorefrontRequestContext,
) => Promise<globalThis.Response | null>;

/** Browsers a minute, CDNs five, and a stale page while a fresh one is fetched. */
export const PAGE_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
/** Pages that are one shopper's (the thank-you after a form): never kept anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
const PRIVATE_PATHS = /^\/thank-you(\/|$)/;

const SKIPPED_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'cache-control']);

function cacheControlOf(status: number, isPrivate: boolean): string {
  if (isPrivate) return PRIVATE_CACHE_CONTROL;
  if (status === 200) return PAGE_CACHE_CONTROL;
  if (status === 301 || status === 308) return 'public, max-age=3600';
  if (status === 404 || status === 410) return 'public, max-age=60';
  return 'no-store';
}

/**
 * The page is already drawn by the server: preloading every chunk at high priority in the head
 * only makes the scripts race the first paint on a slow phone. Without the hints the browser
 * still fetches them, from the module script's imports, once the page is on screen.
 */
export function withoutModulePreloads(html: string): string {
  return html.replace(/<link rel="modulepreload" href="[^"]*">/g, '');
}

export interface PageDeps {
  render: AngularRender;
  /** null: every page is rendered (PAGE_CACHE_SECONDS=0). */
  cache: PageCache | null;
  contextFor(site: PublishedSite): StorefrontRequestContext;
  csp: CspSources;
}

/**
 * Every other GET: the Angular page of the request's site, from the page cache when it has it.
 * `res.locals.site` and `res.locals.host` come from the site resolver.
 */
export function angularPages(deps: PageDeps): RequestHandler {
  const renderPage = async (req: Request, site: PublishedSite): Promise<RenderedPage | null> => {
    const response = await deps.render(req, deps.contextFor(site));
    if (!response) return null;
    const contentType = response.headers.get('content-type') ?? 'text/html; charset=utf-8';
    const rendered = Buffer.from(await response.arrayBuffer());
    const body = contentType.startsWith('text/html')
      ? Buffer.from(withoutModulePreloads(rendered.toString('utf8')))
      : rendered;
    const headers: Array<[string, string]> = [];
    response.headers.forEach((value, name) => {
      if (!SKIPPED_HEADERS.has(name.toLowerCase())) headers.push([name, value]);
    });
    const inline = contentType.startsWith('text/html')
      ? inlineScriptHashes(body.toString('utf8'))
      : undefined;
    return {
      status: response.status,
      headers,
      body: await encodeBody(body, contentType, 'fast'),
      csp: contentSecurityPolicy(site, deps.csp, inline),
    };
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const site = res.locals['site'] as PublishedSite;
    const host = res.locals['host'] as string;
    const isPrivate = PRIVATE_PATHS.test(req.path);
    try {
      const { page, hit } =
        isPrivate || !deps.cache
          ? { page: await renderPage(req, site), hit: false }
          : await deps.cache.getOrRender(PageCache.keyOf(site.version, host, req.originalUrl), () =>
              renderPage(req, site),
            );
      if (!page) return next();
      for (const [name, value] of page.headers) res.setHeader(name, value);
      res.setHeader('Content-Security-Policy', page.csp);
      res.setHeader('Cache-Control', cacheControlOf(page.status, isPrivate));
      res.setHeader('X-Page-Cache', hit ? 'hit' : 'miss');
      sendEncoded(req, res, page.status, page.body);
    } catch (error) {
      // A shopper who left mid-render needs no answer.
      if ((error as Error).name === 'AbortError' && (req.destroyed || res.writableEnded)) return;
      next(error);
    }
  };
}
