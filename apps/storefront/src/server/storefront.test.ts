// The built storefront server (dist/apps/storefront/server/server.mjs) in its own process, reading
// published sites from a real S3 API (s3rver) and cars from a stand-in of the inventory public API.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { siteConfigKeys, type PublicVehicleDetail, type PublishedSite } from '@showroom/contracts';
import { LOCAL_S3_CREDENTIALS, createS3ObjectStore, type ObjectStore } from '@showroom/server-storage';
import { startS3Local, type S3Local } from '@showroom/server-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vehiclePath } from '../app/data/vehicle-paths';
import { BUILT_BROWSER, startBuiltStorefront, type RunningStorefront } from './testing/built-server';
import { publishedSite, vehicle } from './testing/fixtures';
import { startInventoryStandIn, type InventoryStandIn } from './testing/inventory-stand-in';
import { retailTerms, startRetailStandIn, type RetailStandIn } from './testing/retail-stand-in';

const BUCKET = 'storefront-test-media';
const ALPHA_ID = '11111111-1111-4111-8111-111111111111';
const BETA_ID = '22222222-2222-4222-8222-222222222222';
const PUBLIC_API_ORIGIN = 'http://localhost:4200';

const alpha = publishedSite({
  dealershipId: ALPHA_ID,
  name: 'Alpha Motors',
  slug: 'alpha-motors',
  hosts: ['alpha-motors.localhost', 'www.alpha-motors.test'],
  canonicalOrigin: 'https://www.alpha-motors.test',
});
const beta = publishedSite({ dealershipId: BETA_ID, name: 'Beta Autos', slug: 'beta-autos' });
// More than one page of the public search (100 a page): the sitemap must page through.
const alphaCars: PublicVehicleDetail[] = Array.from({ length: 120 }, (_, n) =>
  vehicle(ALPHA_ID, n + 1, alpha.name),
);

const carNo = (n: number): PublicVehicleDetail => {
  const car = alphaCars[n];
  if (!car) throw new Error(`no car ${n} in the fixtures`);
  return car;
};

let s3: S3Local;
let store: ObjectStore;
let inventory: InventoryStandIn;
let retail: RetailStandIn;
let storefront: RunningStorefront;

const publish = async (site: PublishedSite) => {
  for (const host of site.hosts) {
    await store.put(siteConfigKeys.forHost(host), JSON.stringify(site), { contentType: 'application/json' });
  }
};
const onAlpha = { host: 'alpha-motors.localhost:4400' };
const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? 'null') as Record<string, unknown>,
  );

beforeAll(async () => {
  s3 = await startS3Local({ buckets: [BUCKET] });
  store = createS3ObjectStore({
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    credentials: { ...LOCAL_S3_CREDENTIALS },
  });
  await publish(alpha);
  await publish(beta);
  inventory = await startInventoryStandIn(
    new Map([
      [ALPHA_ID, alphaCars],
      // Beta has one car and no retail terms (retail answers 404): its car's page has no payments.
      [BETA_ID, [vehicle(BETA_ID, 1, beta.name)]],
    ]),
  );
  retail = await startRetailStandIn(new Map([[ALPHA_ID, retailTerms(ALPHA_ID)]]));
  storefront = await startBuiltStorefront({
    INVENTORY_API_URL: inventory.url,
    RETAIL_API_URL: retail.url,
    PUBLIC_API_ORIGIN,
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: BUCKET,
    MEDIA_PUBLIC_URL: 'http://localhost:4200/media',
    SITE_CACHE_SECONDS: '1',
    PAGE_CACHE_SECONDS: '60',
  });
}, 60_000);

afterAll(async () => {
  await storefront?.stop();
  await inventory?.close();
  await retail?.close();
  await s3?.close();
});

describe('choosing the site by host', () => {
  it('serves each dealership its own site on its own host', async () => {
    const [a, b] = await Promise.all([
      storefront.get('/', onAlpha),
      storefront.get('/', { host: 'beta-autos.localhost:4400' }),
    ]);
    expect(a.status).toBe(200);
    expect(a.text).toMatch(/<title>[^<]*Alpha Motors[^<]*<\/title>/);
    expect(b.status).toBe(200);
    expect(b.text).toMatch(/<title>[^<]*Beta Autos[^<]*<\/title>/);
    expect(b.text).not.toContain('Alpha Motors');
  });

  it('reads the host case-blind and without its port, and serves every host of a site', async () => {
    const shouting = await storefront.get('/', { host: 'ALPHA-MOTORS.LOCALHOST:8080' });
    const ownDomain = await storefront.get('/', { host: 'www.alpha-motors.test' });
    expect(shouting.status).toBe(200);
    expect(shouting.text).toContain('Alpha Motors');
    expect(ownDomain.text).toContain('<link rel="canonical" href="https://www.alpha-motors.test/"');
  });

  it('answers a host without a published site with a 404 page that says so', async () => {
    for (const host of ['nobody.localhost:4400', '127.0.0.1:4400', 'bad_host!']) {
      const answer = await storefront.get('/cars', { host });
      expect(answer.status, host).toBe(404);
      expect(answer.text).toContain('No dealership site here');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it('passes the site to the browser in the transfer state, with the public API origin', async () => {
    const html = (await storefront.get('/contact', onAlpha)).text;
    const state = JSON.parse(
      /<script id="ng-state" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}',
    ) as Record<string, unknown>;
    expect(state['sf-site']).toMatchObject({ dealershipId: ALPHA_ID, apiOrigin: PUBLIC_API_ORIGIN });
    expect(JSON.stringify(state)).not.toContain(inventory.url);
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('allows everything and points at the sitemap on the canonical origin', async () => {
    const robots = await storefront.get('/robots.txt', onAlpha);
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toContain('text/plain');
    expect(robots.text).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://www.alpha-motors.test/sitemap.xml\n',
    );
  });

  it('lists the home page, the results page and every car for sale with its last change, paging the search', async () => {
    const before = inventory.requests.length;
    const sitemap = await storefront.get('/sitemap.xml', onAlpha);
    expect(sitemap.status).toBe(200);
    expect(sitemap.headers['content-type']).toContain('application/xml');
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toHaveLength(2 + alphaCars.length);
    expect(locs.slice(0, 2)).toEqual([
      'https://www.alpha-motors.test/',
      'https://www.alpha-motors.test/cars',
    ]);
    const car = carNo(0);
    expect(sitemap.text).toContain(
      `<url><loc>https://www.alpha-motors.test${vehiclePath(car)}</loc><lastmod>${car.updatedAt}</lastmod></url>`,
    );
    const searches = inventory.requests.slice(before).filter((path) => path.includes(ALPHA_ID));
    expect(searches.map((path) => new URL(path, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);

    await storefront.get('/sitemap.xml', onAlpha);
    expect(inventory.requests.slice(before).filter((path) => path.includes(ALPHA_ID))).toHaveLength(2);
  });
});

describe('a vehicle page', () => {
  const car = carNo(0);

  it('carries its title, description, canonical URL, Open Graph tags and Car + Offer JSON-LD', async () => {
    const page = await storefront.get(vehiclePath(car), onAlpha);
    expect(page.status).toBe(200);
    const html = page.text;
    expect(html).toMatch(new RegExp(`<title>[^<]*${car.year} ${car.make} ${car.model}[^<]*</title>`));
    expect(html).toContain(`<link rel="canonical" href="https://www.alpha-motors.test${vehiclePath(car)}"`);
    expect(html).toMatch(/<meta name="description" content="[^"]+"/);
    expect(html).toContain(
      `<meta property="og:url" content="https://www.alpha-motors.test${vehiclePath(car)}"`,
    );
    const carLd = jsonLdOf(html).find((data) => data['@type'] === 'Car');
    expect(carLd).toMatchObject({
      vehicleIdentificationNumber: car.vin,
      mileageFromOdometer: { '@type': 'QuantitativeValue', value: car.mileage, unitCode: 'SMI' },
      offers: { '@type': 'Offer', price: (car.priceCents ?? 0) / 100, priceCurrency: 'USD' },
    });
    // The dealer's description holds "</script>": it stays inside the JSON-LD.
    expect(html).not.toContain('<script>alert(1)</script>');
  });

  it('loads its scripts after the first paint: the module script stays, no chunk is preloaded in the head', async () => {
    const html = (await storefront.get(vehiclePath(car), onAlpha)).text;
    expect(html).toMatch(/<script src="main-[^"]+\.js" type="module">/);
    expect(html).not.toContain('rel="modulepreload"');
  });

  it('hands the car it read to the browser, filed under the public API URL, so the browser does not fetch it again', async () => {
    const html = (await storefront.get(vehiclePath(car), onAlpha)).text;
    const state = JSON.parse(
      /<script id="ng-state" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}',
    ) as Record<string, { b?: { vin?: string }; u?: string }>;
    const cached = Object.values(state).find((entry) => entry.b?.vin === car.vin);
    expect(cached?.u).toBe(
      `${PUBLIC_API_ORIGIN}/api/inventory/public/dealerships/${ALPHA_ID}/vehicles/${car.id}`,
    );
    expect(JSON.stringify(state)).not.toContain(inventory.url);
  });

  it('sends a wrong slug permanently to the canonical URL', async () => {
    const answer = await storefront.get(`/cars/${car.id}/a-wrong-slug`, onAlpha);
    expect(answer.status).toBe(301);
    expect(answer.headers['location']).toBe(vehiclePath(car));
  });

  it('answers a car that is not for sale with a 404 page that stays out of search results', async () => {
    const answer = await storefront.get('/cars/00000000-0000-4000-8000-999999999999/gone', onAlpha);
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('<meta name="robots" content="noindex"');
  });
});

describe('digital retailing', () => {
  const car = carNo(2);
  const stateOf = (html: string) =>
    JSON.parse(
      /<script id="ng-state" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}',
    ) as Record<string, { b?: { disclosure?: string }; u?: string }>;

  it('draws the payment estimate into a car’s page, with the dealer’s disclosure, and hands the terms to the browser under the public API URL', async () => {
    const html = (await storefront.get(vehiclePath(car), onAlpha)).text;
    expect(html).toContain('data-testid="payment-panel"');
    expect(html).toMatch(/data-testid="monthly-payment"[^>]*>\$[\d,]+\.\d\d</);
    expect(html).toContain('Estimate only, not an offer of credit. (Alpha Motors)');
    expect(html).toContain(`href="${vehiclePath(car)}/buy?kind=finance&amp;down=`);
    const state = stateOf(html);
    const terms = Object.values(state).find((entry) => entry.b?.disclosure);
    expect(terms?.u).toBe(`${PUBLIC_API_ORIGIN}/api/retail/public/dealerships/${ALPHA_ID}/terms`);
    expect(JSON.stringify(state)).not.toContain(retail.url);
  });

  it('renders a car’s page without payments when the dealership has no terms', async () => {
    const beta1 = vehicle(BETA_ID, 1, beta.name);
    const page = await storefront.get(vehiclePath(beta1), { host: 'beta-autos.localhost' });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${beta1.year} ${beta1.make} ${beta1.model}`);
    expect(page.text).not.toContain('data-testid="payment-panel"');
  });

  it('serves the buy page with the contact form and the payment, out of search results', async () => {
    const page = await storefront.get(`${vehiclePath(car)}/buy?kind=lease&term=36`, onAlpha);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<meta name="robots" content="noindex"');
    expect(page.text).toContain('id="buy-email"');
    expect(page.text).toMatch(/<input[^>]*type="radio"[^>]*value="lease"[^>]*>/);
    expect(page.text).toContain('Start my deal');
  });

  it('sends a deal page as the app’s shell with the site, never cached, never indexed', async () => {
    const path = '/deals/33333333-3333-4333-8333-333333333333?access=a-secret-token';
    for (let i = 0; i < 2; i++) {
      const page = await storefront.get(path, onAlpha);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('private, no-store');
      expect(page.headers['x-page-cache']).toBe('miss');
      expect(page.headers['x-robots-tag']).toBe('noindex');
      expect(stateOf(page.text)['sf-site']).toMatchObject({
        dealershipId: ALPHA_ID,
        apiOrigin: PUBLIC_API_ORIGIN,
      });
      expect(page.text).not.toContain('a-secret-token');
    }
  });
});

describe('the page cache', () => {
  it('serves a page again from memory, byte for byte, without asking inventory', async () => {
    const path = vehiclePath(carNo(5));
    const first = await storefront.get(path, onAlpha);
    const asked = inventory.requests.length;
    const second = await storefront.get(path, onAlpha);
    expect(first.headers['x-page-cache']).toBe('miss');
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(inventory.requests.length).toBe(asked);
    expect(second.headers['cache-control']).toBe(
      'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
    );
  });

  it('renders anew once a newer version of the site is published', async () => {
    const path = '/contact';
    await storefront.get(path, { host: 'beta-autos.localhost' });
    expect((await storefront.get(path, { host: 'beta-autos.localhost' })).headers['x-page-cache']).toBe(
      'hit',
    );
    await publish({ ...beta, name: 'Beta Autos of Austin', version: beta.version + 1 });
    // SITE_CACHE_SECONDS=1: the new version is read within a second.
    await new Promise((wait) => setTimeout(wait, 1_300));
    const fresh = await storefront.get(path, { host: 'beta-autos.localhost' });
    expect(fresh.headers['x-page-cache']).toBe('miss');
    expect(fresh.text).toContain('Beta Autos of Austin');
  });

  it('never keeps the thank-you page, in memory or anywhere else', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await storefront.get('/thank-you', onAlpha);
      expect(answer.headers['x-page-cache']).toBe('miss');
      expect(answer.headers['cache-control']).toBe('private, no-store');
    }
  });
});

describe('headers and encodings', () => {
  it('sends a CSP that allows the API and media origins and exactly the inline scripts of the page', async () => {
    const page = await storefront.get('/', onAlpha);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ${PUBLIC_API_ORIGIN}`);
    expect(csp).toContain('img-src ');
    expect(csp).toContain('http://localhost:4200');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const match of page.text.matchAll(
      /<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:json|ld\+json)")[^>]*>([\s\S]+?)<\/script>/g,
    )) {
      const hash = createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64');
      expect(csp).toContain(`'sha256-${hash}'`);
    }
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('compresses pages with brotli or gzip, as the browser accepts', async () => {
    const plain = await storefront.get('/', onAlpha);
    const br = await storefront.get('/', { ...onAlpha, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await storefront.get('/', { ...onAlpha, headers: { 'accept-encoding': 'gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.text);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(plain.text);
    expect(String(plain.headers['vary'])).toMatch(/Accept-Encoding/i);
  });

  it('serves the hashed scripts and chunks as immutable, compressed, and other files briefly', async () => {
    const names = readdirSync(BUILT_BROWSER);
    for (const name of names.filter((file) => /^(main|chunk)-[\w-]{8}\.js$/.test(file))) {
      const script = await storefront.get(`/${name}`, { ...onAlpha, headers: { 'accept-encoding': 'br' } });
      expect(script.status, name).toBe(200);
      expect(script.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      if (statSync(join(BUILT_BROWSER, name)).size > 1024)
        expect(script.headers['content-encoding'], name).toBe('br');
    }
    const favicon = await storefront.get('/favicon.ico', onAlpha);
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('ships no schema library and no server code to browsers', () => {
    for (const name of readdirSync(BUILT_BROWSER).filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(join(BUILT_BROWSER, name), 'utf8');
      for (const marker of ['ZodError', 'S3Client', 'express']) {
        expect(code.includes(marker), `${marker} in ${name}`).toBe(false);
      }
    }
  });

  it('answers its probes for any host', async () => {
    expect((await storefront.get('/healthz', { host: '10.0.0.12' })).status).toBe(200);
    const ready = await storefront.get('/readyz', { host: '10.0.0.12' });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ready' });
    expect(JSON.parse(ready.text)).toMatchObject({ checks: { retail: { status: 'up', critical: false } } });
  });
});

describe('stopping', () => {
  it('drains and exits 0 on SIGTERM', async () => {
    expect(await storefront.stop()).toBe(0);
  });
});
