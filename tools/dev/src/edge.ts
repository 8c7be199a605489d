import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { basename, join } from 'node:path';
import compression from 'compression';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { API_AUDIENCE } from '@showroom/contracts';
import type { ObjectStore } from '@showroom/server-storage';
import type { SmtpSink } from '@showroom/server-testing';
import { HASHED_BUNDLE } from './brotli-bundles';
import { devInboxRoutes } from './dev-inbox';
import type { PortPlan } from './ports';
import { WORKSPACE_ROOT } from './processes';

export const PORTAL_DIST = join(WORKSPACE_ROOT, 'dist', 'apps', 'portal', 'browser');

export interface EdgeOptions {
  /** Serves the developer inbox at /dev/mail over this sink; never given in production. */
  devInbox?: SmtpSink;
  /** The built portal; the workspace's `dist/apps/portal/browser` unless told otherwise. */
  portalDist?: string;
  /** The media bucket, served at /media as CloudFront serves it in production. */
  media?: ObjectStore;
}

/**
 * What may be read at /media, and for how long: photos and the sites' assets (logos, favicons) are
 * named by their content (cached for good), feeds keep their secret URL while their content changes.
 * Anything else (imported files, logo uploads, the published site configurations) is private.
 */
const MEDIA_CACHE: Array<[prefix: string, cacheControl: string]> = [
  ['photos/', 'public, max-age=31536000, immutable'],
  ['sites/assets/', 'public, max-age=31536000, immutable'],
  ['feeds/', 'no-cache'],
];

/** The key a /media path names; '' (not found) when its escapes are broken. */
function keyOf(escaped: string): string {
  try {
    return decodeURIComponent(escaped);
  } catch {
    return '';
  }
}

/** GET /media/<key>: the object, or 404 (for a missing key, a private prefix or a folder: no listing). */
export function mediaRoutes(media: ObjectStore): express.Router {
  const router = express.Router();
  router.use('/media', async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const key = keyOf(req.path.slice(1));
    const cacheControl = MEDIA_CACHE.find(([prefix]) => key.startsWith(prefix))?.[1];
    try {
      const readable = cacheControl && !key.endsWith('/') && !key.split('/').includes('..');
      const object = readable ? await media.get(key) : null;
      if (!object || !cacheControl) {
        res.status(404).set('Cache-Control', 'no-store').type('text/plain').send('Not found');
        return;
      }
      res
        .set({ 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' })
        .type(object.contentType);
      res.send(object.body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/**
 * Read anew at every start (revalidated, never taken from a cache unasked): they name the bundles
 * of the current build (index.html, the service worker's manifest and scripts) or differ per
 * environment (config.json).
 */
const ALWAYS_REVALIDATED = new Set([
  'index.html',
  'config.json',
  'ngsw.json',
  'ngsw-worker.js',
  'safety-worker.js',
  'worker-basic.min.js',
]);

/** How long a browser may keep a file of the built portal, as scripts/publish-portal.sh uploads it. */
export function portalCacheControl(fileName: string): string {
  if (ALWAYS_REVALIDATED.has(fileName)) return 'no-cache';
  if (HASHED_BUNDLE.test(fileName)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * A hashed bundle as publish-portal.sh uploads it: the build's brotli (`<file>.br`) when the browser
 * takes brotli; otherwise the file, which the compression middleware gzips.
 */
export function brotliBundles(portalDist: string): express.RequestHandler {
  return (req, res, next) => {
    const name = req.path.slice(1);
    const compressed = join(portalDist, `${name}.br`);
    if (!HASHED_BUNDLE.test(name) || !req.acceptsEncodings('br') || !existsSync(compressed)) return next();
    res.set({
      'Content-Encoding': 'br',
      'Content-Type': name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      Vary: 'Accept-Encoding',
      'Cache-Control': portalCacheControl(name),
    });
    res.sendFile(compressed);
  };
}

/**
 * What CloudFront compresses (brotli, else gzip, as the browser accepts; `Vary: Accept-Encoding`):
 * the portal's files and config.json. Not /api: CloudFront compresses only under a cache policy
 * with gzip and brotli on, and infra's /api/* behaviour uses Managed-CachingDisabled, which has
 * them off, so API answers reach a phone as the services send them. Never an event stream either:
 * compressing holds its events back until a compression block fills.
 */
export function compressedAtTheEdge(req: express.Request, res: express.Response): boolean {
  if (req.path.startsWith('/api/')) return false;
  if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}

/**
 * What CloudFront and the ALB do in production, on one port: the built portal, its runtime
 * `config.json`, `/api/<service>` routed to each service and `/media` from the bucket. Locally,
 * also the dev inbox.
 */
export function startEdge(ports: PortPlan, options: EdgeOptions = {}): Promise<Server> {
  const portalDist = options.portalDist ?? PORTAL_DIST;
  if (!existsSync(join(portalDist, 'index.html'))) {
    throw new Error(`The portal is not built (${portalDist}); run: npx nx build portal`);
  }
  const app = express();
  app.disable('x-powered-by');
  app.use(compression({ filter: compressedAtTheEdge }));
  app.get('/config.json', (_req, res) => {
    res.set('Cache-Control', portalCacheControl('config.json')).json({
      auth: {
        domain: `http://localhost:${ports.devAuth}`,
        clientId: 'showroom-portal',
        audience: API_AUDIENCE,
      },
    });
  });
  for (const [service, port] of [
    ['inventory', ports.inventory],
    ['users', ports.users],
    ['leads', ports.leads],
    ['retail', ports.retail],
    ['analytics', ports.analytics],
  ] as const) {
    app.use(
      createProxyMiddleware({
        pathFilter: `/api/${service}`,
        target: `http://127.0.0.1:${port}`,
        xfwd: true,
      }),
    );
  }
  if (options.media) app.use(mediaRoutes(options.media));
  if (options.devInbox) app.use(devInboxRoutes(options.devInbox));
  app.use(brotliBundles(portalDist));
  app.use(
    express.static(portalDist, {
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => res.set('Cache-Control', portalCacheControl(basename(path))),
    }),
  );
  // Client-side routes: every other GET is the app shell.
  app.get(/^(?!\/api\/).*/, (_req, res) => {
    res.set('Cache-Control', portalCacheControl('index.html')).sendFile(join(portalDist, 'index.html'));
  });
  return new Promise((resolve) => {
    const server = app.listen(ports.portal, '127.0.0.1', () => resolve(server));
  });
}
