// Dealer websites' speed (issue #11): a vehicle page's server render at fixed concurrency with the
// storefront's page cache warm, beside baselines measured in the same run (the same page rendered
// on every request, with the page cache off; the inventory public API call the render makes), and
// the JavaScript a browser fetches to show and hydrate a vehicle page (read off Chromium, gzip -9 and
// brotli 11) against the 120 kB goal. Everything runs on 127.0.0.1: the production builds of
// inventory and the storefront (`node dist/apps/storefront/server/server.mjs`), S3 in-process
// (s3rver) holding one published site, a test issuer and the users directory stand-in. Part of
// `npm run bench`; `npm run bench:storefront` runs it alone (bench/src/storefront-run.ts).
// Environment: BENCH_STOREFRONT_VEHICLES (2000).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
  API_AUDIENCE,
  PublishedSiteSchema,
  READ_DEALERSHIPS_SCOPE,
  siteConfigKeys,
  type PublicVehicleList,
  type PublishedSite,
} from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { ensureSchema } from '@showroom/server-mysql';
import { createS3ObjectStore, LOCAL_MEDIA_BUCKET, LOCAL_S3_CREDENTIALS } from '@showroom/server-storage';
import { startS3Local, startTestIssuer } from '@showroom/server-testing';
import { startInventory } from './inventory-instances';
import { getAsSite } from './site-request';
import { drive, type LoadResult, type LoadSettings, type Scenario } from './load';
import { benchDealership, finish, start, waitFor } from './processes';
import { startUsersDirectory } from './users-directory';
/* eslint-disable-next-line @nx/enforce-module-boundaries -- the flags every workspace script gives Chromium (tools/dev) */
import { HEADLESS_CHROMIUM_FLAGS as CHROMIUM_FLAGS } from '../../tools/dev/src/chromium';

const VEHICLES = Number(process.env['BENCH_STOREFRONT_VEHICLES'] ?? 2000);
const SCHEMA = 'showroom_bench_storefront';
const SERVICES_CLIENT = { id: 'showroom-services', secret: 'bench-services-secret' };
/** The bench's site, as a shopper's browser names it (Chromium and curl resolve *.localhost to 127.0.0.1). */
const HOST = 'bench-motors.localhost';
export const GOALS = { renderP99Ms: 50, vehiclePageJsKb: 120 };
/** What a browser asks for: the storefront keeps compressed copies of cached pages. */
const BROWSER_HEADERS = { host: HOST, 'accept-encoding': 'br, gzip', accept: 'text/html' };

export interface StorefrontBenchOptions {
  mysqlUrl: string;
  redisUrl: string;
  settings: LoadSettings;
  /** Five consecutive free ports: inventory, users directory, two storefronts, spare. */
  firstPort: number;
}

/** The site provisioning would publish for the bench dealership (sites/hosts/<host>.json). */
export function benchSite(dealershipId: string, origin: string): PublishedSite {
  return PublishedSiteSchema.parse({
    dealershipId,
    groupId: null,
    name: 'Bench Motors',
    slug: 'bench-motors',
    tagline: 'Quality pre-owned cars in Columbus',
    phone: '+1 614 555 0100',
    email: 'sales@bench-motors.example',
    address: {
      street: '100 Bench Street',
      city: 'Columbus',
      region: 'OH',
      postalCode: '43004',
      country: 'US',
    },
    hours: [
      ...(['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
        day,
        opens: '09:00',
        closes: '19:00',
      })),
      { day: 'sat', opens: '10:00', closes: '17:00' },
    ],
    timeZone: 'America/New_York',
    theme: { brandColour: '#1f3a5f', accentColour: '#b3261e' },
    logo: null,
    hosts: [HOST],
    canonicalOrigin: origin,
    version: 1,
    publishedAt: new Date().toISOString(),
  });
}

export interface ScriptBytes {
  url: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export function compressedSizes(url: string, body: Buffer): ScriptBytes {
  return {
    url,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Finds the page of the lot's first car: the storefront 301s any slug to the right one. */
async function vehiclePagePath(storefront: string, inventory: string, dealershipId: string): Promise<string> {
  const list = (await (
    await fetch(`${inventory}/api/inventory/public/dealerships/${dealershipId}/vehicles?pageSize=1`)
  ).json()) as PublicVehicleList;
  const first = list.items[0];
  if (!first) throw new Error('the bench dealership has no published car');
  const guess = `/cars/${first.id}/bench`;
  const response = await getAsSite(`${storefront}${guess}`, HOST);
  if (response.status === 200) return guess;
  if (response.status !== 301 || !response.location)
    throw new Error(`vehicle page answered ${response.status}`);
  return new URL(response.location, storefront).pathname;
}

/**
 * The JavaScript a browser really fetches to show and hydrate the page (entry, the chunks it
 * imports, the route's own chunk), read off Chromium's responses: the server sends no preload
 * hints, so the HTML's tags alone would count only the entry. Chunks loaded later (the lead form,
 * when a shopper opens it) are not fetched by a page left alone, so they are not counted.
 */
async function measureScripts(storefront: string, path: string): Promise<ScriptBytes[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const bodies: Array<Promise<ScriptBytes>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const name = new URL(response.url()).pathname.replace(/^\//, '');
      bodies.push(response.body().then((body) => compressedSizes(name, body)));
    });
    const url = new URL(path, storefront);
    url.hostname = HOST;
    await page.goto(url.toString(), { waitUntil: 'networkidle' });
    return await Promise.all(bodies);
  } finally {
    await browser.close();
  }
}

/** The figures of one run, as printed. */
export function formatStorefrontReport(
  results: LoadResult[],
  scripts: ScriptBytes[],
  vehicles: number,
): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const [warm] = results;
  const head = `${'scenario'.padEnd(58)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p97.5 ms'.padStart(10)}${'p99 ms'.padStart(9)}${'failed'.padStart(8)}`;
  const rows = results.map(
    (r) =>
      `${r.scenario.padEnd(58)}${r.requestsPerSecond.toFixed(0).padStart(9)}${String(r.p50).padStart(9)}` +
      `${String(r.p975).padStart(10)}${String(r.p99).padStart(9)}${String(r.failures).padStart(8)}`,
  );
  const renderGoal = warm && warm.p99 <= GOALS.renderP99Ms && warm.failures === 0 ? 'met' : 'MISSED';
  const total = scripts.reduce(
    (sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const jsGoal = total.gzip <= GOALS.vehiclePageJsKb * 1024 ? 'met' : 'MISSED';
  const scriptRows = scripts.map(
    (s) =>
      `  ${s.url.padEnd(40)}${kb(s.raw).padStart(11)}${kb(s.gzip).padStart(11)}${kb(s.brotli).padStart(11)}`,
  );
  return [
    `Storefront vehicle page (${vehicles.toLocaleString('en-US')} cars on the lot; every request asks for the same page, Host ${HOST}):`,
    head,
    ...rows,
    `Server render p99 with the page cache warm: ${warm?.p99 ?? '?'} ms (goal ≤ ${GOALS.renderP99Ms} ms: ${renderGoal}).`,
    '',
    `JavaScript a vehicle page loads (every script Chromium fetches to show and hydrate it):`,
    `  ${'file'.padEnd(40)}${'raw'.padStart(11)}${'gzip -9'.padStart(11)}${'brotli'.padStart(11)}`,
    ...scriptRows,
    `  ${'total'.padEnd(40)}${kb(total.raw).padStart(11)}${kb(total.gzip).padStart(11)}${kb(total.brotli).padStart(11)}`,
    `(goal ≤ ${GOALS.vehiclePageJsKb} kB compressed, counted as gzip: ${jsGoal}; the lead form's chunk loads only when a shopper opens it)`,
  ].join('\n');
}

/** Seeds the lot, starts what a vehicle page needs, publishes the site, then drives and measures. */
export async function runStorefrontBench(options: StorefrontBenchOptions): Promise<string> {
  const dealershipId = benchDealership(1);
  const ports = {
    inventory: options.firstPort,
    users: options.firstPort + 1,
    warm: options.firstPort + 2,
    uncached: options.firstPort + 3,
  };
  const databaseUrl = `${options.mysqlUrl}/${SCHEMA}`;
  console.log(`Storefront: seeding ${VEHICLES.toLocaleString('en-US')} cars (skipped when already there)…`);
  await ensureSchema(databaseUrl);
  const seeded = await finish(
    start(['--import', 'tsx', 'services/inventory/src/bench-seed.ts'], {
      BENCH_DEALERSHIPS: '1',
      BENCH_VEHICLES_PER_DEALERSHIP: String(VEHICLES),
      INVENTORY_DATABASE_URL: databaseUrl,
    }),
  );
  if (seeded !== 0) throw new Error('seeding failed');

  const stops: Array<() => void> = [];
  const [issuer, s3, users] = await Promise.all([
    startTestIssuer({
      clients: { [SERVICES_CLIENT.id]: { secret: SERVICES_CLIENT.secret, scopes: [READ_DEALERSHIPS_SCOPE] } },
    }),
    startS3Local({ buckets: [LOCAL_MEDIA_BUCKET] }),
    startUsersDirectory([dealershipId], ports.users),
  ]);
  try {
    const production = {
      NODE_ENV: 'production',
      ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
      LOG_LEVEL: 'warn',
    };
    const bucket = {
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: LOCAL_MEDIA_BUCKET,
      S3_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      MEDIA_PUBLIC_URL: 'http://localhost:4200/media',
    };
    const inventory = startInventory('storefront bench', ports.inventory, 'embedded', {
      ...production,
      ...bucket,
      AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
      AUTH_AUDIENCE: API_AUDIENCE,
      AUTH_CLIENT_ID: SERVICES_CLIENT.id,
      AUTH_CLIENT_SECRET: SERVICES_CLIENT.secret,
      INVENTORY_DATABASE_URL: databaseUrl,
      REDIS_URL: options.redisUrl,
      USERS_API_URL: users.url,
    });
    stops.push(inventory.stop);

    const store = createS3ObjectStore({
      bucket: LOCAL_MEDIA_BUCKET,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      credentials: { ...LOCAL_S3_CREDENTIALS },
    });
    const site = benchSite(dealershipId, `http://${HOST}:${ports.warm}`);
    const published = Buffer.from(JSON.stringify(site));
    await store.put(siteConfigKeys.forHost(HOST), published, { contentType: 'application/json' });
    await store.put(siteConfigKeys.forDealership(dealershipId), published, {
      contentType: 'application/json',
    });

    const storefrontEnv = (port: number, pageCacheSeconds: number) => ({
      ...production,
      ...bucket,
      HOST: '127.0.0.1',
      PORT: String(port),
      INVENTORY_API_URL: inventory.url,
      PUBLIC_API_ORIGIN: 'http://localhost:4200',
      SITE_CACHE_SECONDS: '300',
      PAGE_CACHE_SECONDS: String(pageCacheSeconds),
    });
    for (const [port, pageCacheSeconds] of [
      [ports.warm, 3600],
      [ports.uncached, 0],
    ] as const) {
      const storefront = start(
        ['dist/apps/storefront/server/server.mjs'],
        storefrontEnv(port, pageCacheSeconds),
      );
      stops.push(() => storefront.kill('SIGTERM'));
    }
    const warm = `http://127.0.0.1:${ports.warm}`;
    const uncached = `http://127.0.0.1:${ports.uncached}`;
    await inventory.ready;
    await Promise.all([waitFor(`${warm}/readyz`), waitFor(`${uncached}/readyz`)]);

    const path = await vehiclePagePath(warm, inventory.url, dealershipId);
    const vehicleId = path.split('/')[2] as string;
    // Warm both: the page cache of the one, Angular's first render and the site lookup of both.
    for (const url of [warm, uncached]) {
      for (let i = 0; i < 20; i++) await getAsSite(`${url}${path}`, HOST);
    }
    // The storefront says whether its page cache answered (X-Page-Cache): the two must differ as named.
    const cacheOf = async (url: string) => (await getAsSite(`${url}${path}`, HOST)).headers['x-page-cache'];
    const [warmCache, uncachedCache] = [await cacheOf(warm), await cacheOf(uncached)];
    if (warmCache !== 'hit' || uncachedCache === 'hit') {
      throw new Error(
        `X-Page-Cache: ${String(warmCache)} with the cache on, ${String(uncachedCache)} with it off`,
      );
    }
    const scenarios: Array<Scenario & { connections?: number }> = [
      {
        name: `vehicle page, page cache warm (${path.slice(0, 20)}…)`,
        url: `${warm}${path}`,
        headers: BROWSER_HEADERS,
      },
      {
        name: 'baseline: same page rendered each time (page cache off)',
        url: `${uncached}${path}`,
        headers: BROWSER_HEADERS,
      },
      {
        name: 'baseline: page cache off, 1 connection (render alone)',
        url: `${uncached}${path}`,
        headers: BROWSER_HEADERS,
        connections: 1,
      },
      {
        name: 'baseline: the inventory public API call of the page',
        url: `${inventory.url}/api/inventory/public/dealerships/${dealershipId}/vehicles/${vehicleId}`,
      },
    ];
    const results: LoadResult[] = [];
    console.log(
      `Storefront: driving each scenario for ${options.settings.seconds} s at ${options.settings.connections} connections…`,
    );
    for (const scenario of scenarios) {
      process.stdout.write(`  ${scenario.name}…\n`);
      results.push(
        await drive(scenario, {
          ...options.settings,
          connections: scenario.connections ?? options.settings.connections,
        }),
      );
    }
    const scripts = await measureScripts(warm, path);
    return formatStorefrontReport(results, scripts, VEHICLES);
  } finally {
    for (const stop of stops) stop();
    await Promise.all([issuer.close(), s3.close(), users.close()]);
  }
}
