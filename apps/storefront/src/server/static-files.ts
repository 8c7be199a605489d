import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { RequestHandler } from 'express';
import { encodeBody, sendEncoded, type EncodedBody } from './encoding';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * The names Angular gives its output carry a content hash (main-Z7ATDS3W.js, chunk-BxMO3ZV7.js,
 * media/font-AB12cd34.woff2): such a file never changes. Files copied from public/ keep their names.
 */
const HASHED =
  /^\/(?:(?:main|polyfills|styles|chunk|worker)-[A-Za-z0-9_-]{8}\.(?:js|css)|media\/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+)$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
const UNHASHED = 'public, max-age=3600';

interface StaticFile {
  contentType: string;
  cacheControl: string;
  body: EncodedBody;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The browser build, served from memory with brotli and gzip copies made once at start (the
 * folder is a few hundred kB). HTML files are left out: every page is rendered for its site.
 */
export async function staticFiles(browserFolder: string): Promise<RequestHandler> {
  const files = new Map<string, StaticFile>();
  for (const path of await filesUnder(browserFolder)) {
    const extension = extname(path).toLowerCase();
    const contentType = CONTENT_TYPES[extension];
    if (!contentType) continue;
    // A build replacing the folder as the server starts: a file listed may be gone.
    const bytes = await readFile(path).catch(() => null);
    if (!bytes) continue;
    const urlPath = `/${relative(browserFolder, path).split(sep).join('/')}`;
    files.set(urlPath, {
      contentType,
      cacheControl: HASHED.test(urlPath) ? IMMUTABLE : UNHASHED,
      body: await encodeBody(bytes, contentType, 'max'),
    });
  }
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = files.get(req.path);
    if (!file) return next();
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Cache-Control', file.cacheControl);
    sendEncoded(req, res, 200, file.body);
  };
}
