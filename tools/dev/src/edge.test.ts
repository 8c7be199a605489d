import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3ObjectStore, LOCAL_S3_CREDENTIALS } from '@showroom/server-storage';
import { startS3Local, startSmtpSink, type SmtpSink } from '@showroom/server-testing';
import { startEdge } from './edge';
import type { PortPlan } from './ports';

/** A page of JSON far above any compression threshold. */
const LARGE_JSON = JSON.stringify({
  items: Array.from({ length: 400 }, (_, i) => ({ id: i, make: 'Toyota' })),
});

/**
 * An upstream that says which service it is and what path reached it; at `/large` a large JSON
 * answer, at `/events` an event stream that sends one event and stays open.
 */
async function fakeService(name: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/events')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: first\n\n');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(req.url?.endsWith('/large') ? LARGE_JSON : JSON.stringify({ service: name, path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they travelled. */
  body: Buffer;
}

/** A GET that sends only the headers given and keeps the body as sent (fetch would decode it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

/** The body as the browser reads it once it undid the content coding. */
function decoded({ headers, body }: RawAnswer): string {
  const coding = headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(body).toString();
  if (coding === 'gzip') return gunzipSync(body).toString();
  if (coding === undefined) return body.toString();
  throw new Error(`unexpected content-encoding ${coding}`);
}

/** A bundle the size of a real chunk, named as Angular names them. */
const BUNDLE_NAME = 'chunk-B--E9i9r.js';
const BUNDLE = Array.from({ length: 2_000 }, (_, i) => `export const value${i} = ${i * 7};`).join('\n');
/** Padded above the compression threshold (1 kB), as the built index.html (with its inlined styles) is. */
const INDEX_HTML = `<!doctype html><title>portal shell</title><style>${'.x{color:red}'.repeat(200)}</style>`;

describe('the edge: the portal, /api routed to each service, and the dev inbox', () => {
  const portalDist = mkdtempSync(join(tmpdir(), 'showroom-portal-'));
  const upstreams: Server[] = [];
  const edges: Server[] = [];
  let sink: SmtpSink;
  let plan: PortPlan;

  const startOn = async (options: Parameters<typeof startEdge>[1]) => {
    const edge = await startEdge(plan, { portalDist, ...options });
    edges.push(edge);
    return `http://127.0.0.1:${portOf(edge)}`;
  };

  beforeAll(async () => {
    writeFileSync(join(portalDist, 'index.html'), INDEX_HTML);
    writeFileSync(join(portalDist, BUNDLE_NAME), BUNDLE);
    writeFileSync(join(portalDist, 'favicon.ico'), Buffer.alloc(2_000, 1));
    writeFileSync(
      join(portalDist, 'ngsw.json'),
      JSON.stringify({ hashTable: {}, padding: 'x'.repeat(2_000) }),
    );
    const [inventory, users, leads, retail, analytics] = await Promise.all(
      ['inventory', 'users', 'leads', 'retail', 'analytics'].map(fakeService),
    );
    upstreams.push(
      inventory as Server,
      users as Server,
      leads as Server,
      retail as Server,
      analytics as Server,
    );
    sink = await startSmtpSink();
    plan = {
      portal: 0,
      devAuth: 4999,
      inventory: portOf(inventory as Server),
      users: portOf(users as Server),
      leads: portOf(leads as Server),
      retail: portOf(retail as Server),
      analytics: portOf(analytics as Server),
      payments: 0,
      dynamo: 0,
      smtp: sink.port,
      s3: 0,
      storefront: 0,
    };
  });
  afterAll(async () => {
    for (const edge of edges) {
      edge.closeAllConnections();
      await close(edge);
    }
    await Promise.all(upstreams.map(close));
    await sink.close();
    rmSync(portalDist, { recursive: true, force: true });
  });

  it('routes /api/<service> to each service, leads, retail and analytics included, keeping the path', async () => {
    const base = await startOn({ devInbox: sink });
    for (const service of ['inventory', 'users', 'leads', 'retail', 'analytics']) {
      const res = await fetch(`${base}/api/${service}/healthz?x=1`);
      expect(await res.json()).toEqual({ service, path: `/api/${service}/healthz?x=1` });
    }
  });

  it('serves the inbox over the sink it was given', async () => {
    const base = await startOn({ devInbox: sink });
    const transport = createTransport(sink.url);
    await transport.sendMail({
      from: 'leads@showroom.dev',
      to: 'sales@demo.showroom.dev',
      subject: 'New lead',
      text: '.',
    });
    transport.close();

    const page = await fetch(`${base}/dev/mail`);
    expect(await page.text()).toContain('New lead');
    const json = (await (await fetch(`${base}/dev/mail.json`)).json()) as { items: { subject: string }[] };
    expect(json.items.map((m) => m.subject)).toEqual(['New lead']);
  });

  it('without an inbox (production), /dev/mail is only the portal shell', async () => {
    const base = await startOn({});
    const page = await fetch(`${base}/dev/mail`);
    const text = await page.text();
    expect(text).toContain('portal shell');
    expect(text).not.toContain('dev inbox');
    expect((await fetch(`${base}/dev/mail.json`)).headers.get('content-type')).not.toContain('json');
  });

  it('serves photos, sites’ assets and feeds from the media bucket with their cache lifetimes, and nothing else', async () => {
    const s3 = await startS3Local({ buckets: ['edge-media'] });
    try {
      const media = createS3ObjectStore({
        bucket: 'edge-media',
        region: 'us-east-1',
        endpoint: s3.endpoint,
        credentials: { ...LOCAL_S3_CREDENTIALS },
      });
      await media.put('photos/d1/v1/abc-card.webp', Buffer.from('RIFFwebp'), { contentType: 'image/webp' });
      await media.put('feeds/d1/s3cret/google.xml', '<feed/>', { contentType: 'application/xml' });
      await media.put('imports/d1/i1.csv', 'vin,price', { contentType: 'text/csv' });
      await media.put('sites/assets/d1/favicon-32-abc.png', Buffer.from('PNGfav'), {
        contentType: 'image/png',
      });
      await media.put('sites/uploads/d1/logo-abc.png', Buffer.from('PNGraw'), { contentType: 'image/png' });
      await media.put('sites/hosts/demo.localhost.json', '{}', { contentType: 'application/json' });
      await media.put('sites/dealerships/d1.json', '{}', { contentType: 'application/json' });
      const base = await startOn({ media });

      const photo = await fetch(`${base}/media/photos/d1/v1/abc-card.webp`);
      expect(photo.status).toBe(200);
      expect(photo.headers.get('content-type')).toBe('image/webp');
      expect(photo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(Buffer.from(await photo.arrayBuffer()).toString()).toBe('RIFFwebp');

      const favicon = await fetch(`${base}/media/sites/assets/d1/favicon-32-abc.png`);
      expect([
        favicon.status,
        favicon.headers.get('content-type'),
        favicon.headers.get('cache-control'),
        await favicon.text(),
      ]).toEqual([200, 'image/png', 'public, max-age=31536000, immutable', 'PNGfav']);

      const feed = await fetch(`${base}/media/feeds/d1/s3cret/google.xml`);
      expect([feed.status, feed.headers.get('cache-control'), await feed.text()]).toEqual([
        200,
        'no-cache',
        '<feed/>',
      ]);

      for (const path of [
        'photos/d1/v1/missing.webp',
        'photos/d1/v1/',
        'photos/',
        'imports/d1/i1.csv',
        'photos/%E0%A4%A',
        'photos/d1/../../imports/d1/i1.csv',
        'sites/uploads/d1/logo-abc.png',
        'sites/hosts/demo.localhost.json',
        'sites/dealerships/d1.json',
        'sites/assets/d1/../../uploads/d1/logo-abc.png',
        'sites/assets/',
      ]) {
        const res = await fetch(`${base}/media/${path}`);
        expect([path, res.status]).toEqual([path, 404]);
        expect(await res.text()).not.toContain('portal shell');
      }
    } finally {
      await s3.close();
    }
  });

  it('compresses the portal as CloudFront does: brotli, else gzip, else the bytes as they are', async () => {
    const base = await startOn({});
    for (const path of [`/${BUNDLE_NAME}`, '/inventory', '/index.html']) {
      const expected = path === `/${BUNDLE_NAME}` ? BUNDLE : INDEX_HTML;
      const brotli = await rawGet(`${base}${path}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      const gzip = await rawGet(`${base}${path}`, { 'accept-encoding': 'gzip, deflate' });
      const plain = await rawGet(`${base}${path}`);
      expect([path, brotli.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual([
        path,
        'br',
        'gzip',
      ]);
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const answer of [brotli, gzip, plain]) {
        expect(answer.status).toBe(200);
        expect(decoded(answer)).toBe(expected);
        expect(answer.headers['vary']).toMatch(/accept-encoding/i);
      }
      expect(brotli.body.length).toBeLessThan(expected.length / 3);
      expect(gzip.body.length).toBeLessThan(expected.length / 3);
    }
    const config = await rawGet(`${base}/config.json`, { 'accept-encoding': 'gzip' });
    expect(JSON.parse(decoded(config))).toMatchObject({ auth: { clientId: 'showroom-portal' } });
  });

  it('sends the build’s own brotli of a bundle (<bundle>.br) to a browser that takes brotli, and gzips the bundle for one that does not', async () => {
    const name = 'first-screens-0123456789.js';
    const script = `${'console.log("first screens");\n'.repeat(200)}`;
    writeFileSync(join(portalDist, name), script);
    // Not what the middleware would make of it: the edge must send this file, not compress the bundle.
    const built = brotliCompressSync(Buffer.from(script), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    });
    writeFileSync(join(portalDist, `${name}.br`), built);
    const base = await startOn({});

    const brotli = await rawGet(`${base}/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.body.equals(built)).toBe(true);
    expect(brotli.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotli.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await rawGet(`${base}/${name}`, { 'accept-encoding': 'gzip' });
    expect([gzip.headers['content-encoding'], decoded(gzip)]).toEqual(['gzip', script]);
    // Only a hashed bundle's .br is ever sent: index.html names the bundles of this build.
    writeFileSync(join(portalDist, 'index.html.br'), brotliCompressSync('an old index'));
    const index = await rawGet(`${base}/index.html`, { 'accept-encoding': 'br' });
    expect(decoded(index)).toBe(INDEX_HTML);
  });

  it('lets browsers keep hashed bundles for good and revalidate what names them or differs per environment', async () => {
    const base = await startOn({});
    const cacheControl = async (path: string) => (await rawGet(`${base}${path}`)).headers['cache-control'];
    expect(await cacheControl(`/${BUNDLE_NAME}`)).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/inventory', '/leads/l1', '/index.html', '/config.json', '/ngsw.json']) {
      expect([path, await cacheControl(path)]).toEqual([path, 'no-cache']);
    }
    expect(await cacheControl('/favicon.ico')).toBe('public, max-age=3600');
  });

  it('passes API answers on as the services send them, event streams unbuffered', async () => {
    const base = await startOn({});
    const json = await rawGet(`${base}/api/inventory/large`, { 'accept-encoding': 'gzip, br' });
    expect(json.headers['content-encoding']).toBeUndefined();
    expect(json.body.toString()).toBe(LARGE_JSON);

    const firstEvent = await new Promise<string>((resolve, reject) => {
      const request = get(
        `${base}/api/leads/events`,
        { headers: { 'accept-encoding': 'gzip, br' } },
        (res) => {
          expect(res.headers['content-encoding']).toBeUndefined();
          res.once('data', (chunk: Buffer) => {
            resolve(chunk.toString());
            request.destroy();
          });
        },
      );
      request.on('error', reject);
    });
    expect(firstEvent).toBe('data: first\n\n');
  });

  it('refuses to start when the portal is not built', () => {
    expect(() => startEdge(plan, { portalDist: join(portalDist, 'missing') })).toThrow(
      /The portal is not built/,
    );
  });
});
