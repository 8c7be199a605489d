import type { PublishedSite } from '@showroom/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { StorefrontRequestContext } from '../app/site/site';
import { SITE_STATE_KEY } from '../app/site/site-state-key';
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
/** Pages that are one shopper's (the thank-you after a form, a deal): never kept anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
const PRIVATE_PATHS = /^\/(thank-you|deals)(\/|$)/;

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

/**
 * A page the browser renders (RenderMode.Client: a shopper's deal) arrives as the app's bare shell,
 * without the transfer state a server-rendered page carries. The browser still needs the site
 * (SITE reads it from the transfer state): it is written into the shell the same way, as JSON
 * with every character that could end the script escaped. Pages that have a state are left alone.
 */
export function withSiteState(html: string, site: StorefrontRequestContext['site']): string {
  if (html.includes('id="ng-state"')) return html;
  const json = JSON.stringify({ [SITE_STATE_KEY]: site }).replace(
    /[<>&'\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const script = `<script id="ng-state" type="application/json">${json}</script>`;
  // A function, so a "$" in the site's texts is not read as a replacement pattern.
  return html.includes('</body>') ? html.replace('</body>', () => `${script}</body>`) : `${html}${script}`;
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
    const context = deps.contextFor(site);
    const response = await deps.render(req, context);
    if (!response) return null;
    const contentType = response.headers.get('content-type') ?? 'text/html; charset=utf-8';
    const rendered = Buffer.from(await response.arrayBuffer());
    const body = contentType.startsWith('text/html')
      ? Buffer.from(withSiteState(withoutModulePreloads(rendered.toString('utf8')), context.site))
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
