// `npm run bench`: seeds 100,000 vehicles over 20 dealerships (once), starts the production builds of
// the inventory service (two instances with the embedded search index, one with SEARCH_ENGINE=mysql
// as today's query) and the baselines, and drives each over loopback at fixed concurrency. Then
// measures how soon a vehicle change shows in search, the inventory processes' memory, and times ADF
// parsing against its own baselines; then lead capture (bench/src/capture.ts: website form and ADF
// beside bare Express taking the same form, every 201 checked in MySQL); then merchandising (bench/src/merchandising.ts: CSV import, photo upload, syndication feeds);
// then the dealer websites (bench/src/storefront.ts: vehicle page render, its JavaScript); then
// analytics (bench/src/analytics-section.ts: the dashboard's queries over a million events, event
// collection; its own environment, stopped by BENCH_ANALYTICS_LIMIT_SECONDS); then read replicas
// (bench/src/replicas.ts: lead-capture p99 beside heavy reads on the primary or on a replica, on a
// MariaDB pair of its own); last, the portal on a
// phone with a poor signal (bench/src/portal-mobile-section.ts: LCP of three screens, slow and
// unthrottled, on a platform of its own, stopped by BENCH_PORTAL_MOBILE_LIMIT_SECONDS).
// Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_DEALERSHIPS (20),
// BENCH_VEHICLES_PER_DEALERSHIP (5000), BENCH_VISIBILITY_CHANGES (200).
import { join } from 'node:path';
import { API_AUDIENCE, READ_DEALERSHIPS_SCOPE, type Role } from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { startTestIssuer, type TestIssuer } from '@showroom/server-testing';
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runCaptureBench } from './capture';
import { formatAdfTable, measureAdfParsing } from './adf-parse';
import { runAnalyticsBench } from './analytics-section';
import { initialBundleSize } from './bundle-size';
import { startInventory, type IndexReadiness, type InventoryInstance } from './inventory-instances';
import { captureListPage, type CapturedPage } from './list-page-bytes';
import { drive, formatTable, type LoadResult, type Scenario } from './load';
import { runMerchandisingBench } from './merchandising';
import { runPortalMobileBench } from './portal-mobile-section';
import { runReplicaBench } from './replicas';
import { mebibytes, residentBytes } from './process-memory';
import { benchDealership, finish, ROOT, start, stopAll, waitFor } from './processes';
import { formatSearchTable, probe, searchVariants, type SideBySide } from './search-scenarios';
import { runStorefrontBench } from './storefront';
import { startUsersDirectory } from './users-directory';
import { formatVisibilityTable, measureVisibility } from './visibility';

const settings = {
  seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
  connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
};
const DEALERSHIPS = Number(process.env['BENCH_DEALERSHIPS'] ?? 20);
const PER_DEALERSHIP = Number(process.env['BENCH_VEHICLES_PER_DEALERSHIP'] ?? 5000);
const VISIBILITY_CHANGES = Number(process.env['BENCH_VISIBILITY_CHANGES'] ?? 200);
const VEHICLES = (DEALERSHIPS * PER_DEALERSHIP).toLocaleString('en-US');
/** Started for the bench when nothing answers there (and stopped after it), at the same addresses. */
const STORES = backingStoresFromEnv();
const MYSQL = STORES.mysqlUrl;
const REDIS = STORES.redisUrl;
const PORTS = {
  http: 3951,
  express: 3952,
  inventory: 3953,
  /** and the one after it, bare Express (bench/src/capture.ts) */
  capture: 3981,
  inventorySecond: 3955,
  inventoryMysql: 3956,
  sameBytes: 3957,
  users: 3958,
  merchandising: 3959,
  merchandisingUsers: 3960,
  /** and the four after it (bench/src/storefront.ts) */
  storefront: 3963,
  /** and the one after it (bench/src/analytics.ts) */
  analytics: 3993,
  /** and the six after it (bench/src/replicas.ts) */
  replicas: 3985,
};
/** Inventory's machine credentials, which the bench issuer knows (inventory reads the users directory). */
const SERVICES_CLIENT = { id: 'showroom-services', secret: 'bench-services-secret' };
const LIST_PATH = '/api/inventory/vehicles?status=available&pageSize=25';
const LIST_EMBEDDED = `vehicle list page (25 of ${PER_DEALERSHIP.toLocaleString('en-US')})`;
const SAME_BYTES = 'baseline: bare Express, same bytes as list';
const IDLE_SETTLE_MS = 15_000;
const GOALS = { searchP99Ms: 20, visibleP99Ms: 1000, listShareOfSameBytes: 0.5 };

async function seed(): Promise<void> {
  console.log(
    `Seeding ${DEALERSHIPS} × ${PER_DEALERSHIP} vehicles and lead settings (skipped when already there)…`,
  );
  const common = {
    BENCH_DEALERSHIPS: String(DEALERSHIPS),
    BENCH_VEHICLES_PER_DEALERSHIP: String(PER_DEALERSHIP),
  };
  const code = await finish(
    start(['--import', 'tsx', 'services/inventory/src/bench-seed.ts'], {
      ...common,
      INVENTORY_DATABASE_URL: `${MYSQL}/showroom_bench_inventory`,
    }),
  );
  if (code !== 0) throw new Error('seeding failed');
}

async function build(): Promise<void> {
  console.log(
    'Building the inventory, leads and analytics services, the portal and the storefront for production…',
  );
  const built = await finish(
    start(
      [
        join(ROOT, 'node_modules/nx/dist/bin/nx.js'),
        'run-many',
        '-t',
        'build',
        '-p',
        'inventory',
        'leads',
        'portal',
        'storefront',
        'analytics',
      ],
      {
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
      },
    ),
  );
  if (built !== 0) throw new Error('build failed');
}

/** The list page as the portal opens it, next to the same bytes from bare Express; a vehicle by id. */
async function listScenarios(
  embedded: string,
  mysqlOnly: string,
  headers: Record<string, string>,
): Promise<{ scenarios: Scenario[]; page: CapturedPage }> {
  const page = await captureListPage(`${embedded}${LIST_PATH}`, headers);
  start([
    '--import',
    'tsx',
    'bench/src/baseline-server.ts',
    'bytes',
    String(PORTS.sameBytes),
    page.file,
    page.contentType,
  ]);
  await waitFor(`http://127.0.0.1:${PORTS.sameBytes}/`);
  const firstPage = (await (
    await fetch(`${embedded}/api/inventory/vehicles?pageSize=100`, { headers })
  ).json()) as { items: Array<{ id: string }> };
  const ids = firstPage.items.map((v) => v.id);
  for (const id of ids) await fetch(`${embedded}/api/inventory/vehicles/${id}`, { headers });
  let counter = 0;
  return {
    page,
    scenarios: [
      { name: SAME_BYTES, url: `http://127.0.0.1:${PORTS.sameBytes}/` },
      { name: LIST_EMBEDDED, url: `${embedded}${LIST_PATH}`, headers },
      { name: 'vehicle list page, SEARCH_ENGINE=mysql', url: `${mysqlOnly}${LIST_PATH}`, headers },
      {
        name: 'single vehicle by id (cached)',
        url: `${embedded}/api/inventory/vehicles/${ids[0]}`,
        headers,
        nextRequest: () => ({ path: `/api/inventory/vehicles/${ids[counter++ % ids.length]}` }),
      },
    ],
  };
}

function userToken(issuer: TestIssuer, sub: string, role: Role, dealershipIds: string[]): Promise<string> {
  return issuer.tokenFor({ sub, memberships: dealershipIds.map((dealershipId) => ({ dealershipId, role })) });
}

async function main(): Promise<void> {
  await seed();
  await build();
  const dealershipIds = Array.from({ length: DEALERSHIPS }, (_, i) => benchDealership(i + 1));
  const [issuer, users] = await Promise.all([
    startTestIssuer({
      clients: { [SERVICES_CLIENT.id]: { secret: SERVICES_CLIENT.secret, scopes: [READ_DEALERSHIPS_SCOPE] } },
    }),
    startUsersDirectory(dealershipIds, PORTS.users),
  ]);
  // The production builds run as in production (NODE_ENV=production: Express's production mode,
  // no Swagger UI), except that their issuer, MySQL, Redis and SMTP are on this machine, which a
  // production start refuses: the bench waives that refusal explicitly (each service logs what it
  // waived). Another NODE_ENV would measure a different mode instead.
  console.log(
    `Services run with NODE_ENV=production and ALLOW_DEVELOPMENT_DEFAULTS=${LOCAL_BENCHMARK} (local stores).`,
  );
  const auth = {
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    AUTH_AUDIENCE: API_AUDIENCE,
    NODE_ENV: 'production',
    ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
    LOG_LEVEL: 'info',
  };
  const inventoryEnv = {
    ...auth,
    INVENTORY_DATABASE_URL: `${MYSQL}/showroom_bench_inventory`,
    REDIS_URL: REDIS,
    USERS_API_URL: users.url,
    AUTH_CLIENT_ID: SERVICES_CLIENT.id,
    AUTH_CLIENT_SECRET: SERVICES_CLIENT.secret,
  };
  start(['--import', 'tsx', 'bench/src/baseline-server.ts', 'http', String(PORTS.http)]);
  start(['--import', 'tsx', 'bench/src/baseline-server.ts', 'express', String(PORTS.express)]);
  const mysqlOnly = startInventory(
    'SEARCH_ENGINE=mysql (no index)',
    PORTS.inventoryMysql,
    'mysql',
    inventoryEnv,
  );
  await Promise.all([
    waitFor(`http://127.0.0.1:${PORTS.http}/`),
    waitFor(`http://127.0.0.1:${PORTS.express}/`),
    mysqlOnly.ready,
  ]);
  // Each embedded index is built while nothing else starts, so its build time is its own.
  console.log(
    `Building the embedded search index of ${VEHICLES} vehicles (two instances, one after the other)…`,
  );
  const embedded = startInventory('embedded index, instance 1', PORTS.inventory, 'embedded', inventoryEnv);
  const embeddedReady = await embedded.ready;
  const second = startInventory(
    'embedded index, instance 2',
    PORTS.inventorySecond,
    'embedded',
    inventoryEnv,
  );
  const secondReady = await second.ready;
  const instances: Array<[InventoryInstance, IndexReadiness]> = [
    [embedded, embeddedReady],
    [second, secondReady],
    [mysqlOnly, await mysqlOnly.ready],
  ];

  const token = await userToken(issuer, 'auth0|bench', 'viewer', dealershipIds);
  const writerToken = await userToken(issuer, 'auth0|bench-manager', 'manager', dealershipIds);
  const dealer = { authorization: `Bearer ${token}`, 'x-dealership-id': dealershipIds[0] as string };
  const list = await listScenarios(embedded.url, mysqlOnly.url, dealer);

  const results: LoadResult[] = [];
  const run = async (scenario: Scenario) => {
    process.stdout.write(`  ${scenario.name}…\n`);
    const result = await drive(scenario, settings);
    results.push(result);
    return result;
  };
  console.log(`\nDriving each scenario for ${settings.seconds} s at ${settings.connections} connections:`);
  await run({ name: 'baseline: bare node http', url: `http://127.0.0.1:${PORTS.http}/` });
  await run({ name: 'baseline: bare Express', url: `http://127.0.0.1:${PORTS.express}/` });
  for (const scenario of list.scenarios) await run(scenario);
  const searches: SideBySide[] = [];
  for (const variant of searchVariants({ token, dealershipIds, group: users.groups[0] ?? [] })) {
    const onEmbedded = variant.scenario(embedded.url);
    const onMysql = variant.scenario(mysqlOnly.url);
    const [embeddedProbe, mysqlProbe] = [await probe(onEmbedded), await probe(onMysql)];
    process.stdout.write(`  search: ${variant.name}, embedded then SEARCH_ENGINE=mysql…\n`);
    searches.push({
      variant: variant.name,
      embedded: { ...(await drive(onEmbedded, settings)), probe: embeddedProbe },
      mysql: { ...(await drive(onMysql, settings)), probe: mysqlProbe },
    });
  }
  const rssAfterSearches = instances.map(([instance]) => residentBytes(instance.pid));
  await run({
    name: 'baseline: bare Express, POST JSON',
    url: `http://127.0.0.1:${PORTS.express}/`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    nextRequest: () => ({ body: JSON.stringify({ firstName: 'Bench', email: 'bench@bench.example' }) }),
  });

  console.log(
    `\nA vehicle change visible in search: ${VISIBILITY_CHANGES} PATCHes on instance 1, one at a time…`,
  );
  const visibility = await measureVisibility({
    writer: embedded.url,
    readers: [
      { name: 'on instance 2 (its own embedded index)', url: second.url },
      { name: 'on instance 1, which took the write', url: embedded.url },
      { name: 'baseline: SEARCH_ENGINE=mysql instance (no index to update)', url: mysqlOnly.url },
    ],
    token: writerToken,
    dealershipIds: dealershipIds.slice(0, 4),
    changes: VISIBILITY_CHANGES,
    timeoutMs: 5_000,
    budgetMs: 120_000,
  });

  const adf = await measureAdfParsing();
  // V8 gives memory back once a process is idle a while: what the index itself keeps shows then.
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  const rss = {
    afterSearches: rssAfterSearches,
    idle: instances.map(([instance]) => residentBytes(instance.pid)),
  };

  console.log(`\n${formatTable(results, 'baseline: bare Express')}`);
  console.log(`\n${listShare(results, list.page)}`);
  console.log(
    `\nSearch at ${VEHICLES} vehicles over ${DEALERSHIPS} dealerships, ${settings.connections} connections, ${settings.seconds} s each ` +
      `("found" = total of one request; every request moves a price bound by a cent and rotates the dealership):`,
  );
  console.log(formatSearchTable(searches, GOALS.searchP99Ms));
  console.log(`\n${formatVisibilityTable(visibility, GOALS.visibleP99Ms)}`);
  console.log(`\n${memoryTable(instances, rss)}`);
  console.log(`\n${formatAdfTable(adf)}`);
  const bundle = await initialBundleSize(join(ROOT, 'dist/apps/portal/browser'));
  console.log(
    `\nPortal initial bundle (${bundle.files.length} files): ${(bundle.rawBytes / 1024).toFixed(1)} kB raw, ` +
      `${(bundle.gzipBytes / 1024).toFixed(1)} kB gzip, ${(bundle.brotliBytes / 1024).toFixed(1)} kB brotli (budget: 250 kB compressed)`,
  );
  console.log('');
  const capture = await runCaptureBench({
    mysqlUrl: MYSQL,
    redisUrl: REDIS,
    settings,
    firstPort: PORTS.capture,
  });
  console.log(`\n${capture}`);
  console.log('');
  const merchandising = await runMerchandisingBench({
    mysqlUrl: MYSQL,
    redisUrl: REDIS,
    port: PORTS.merchandising,
    usersPort: PORTS.merchandisingUsers,
  });
  console.log(`\n${merchandising}`);
  const storefront = await runStorefrontBench({
    mysqlUrl: MYSQL,
    redisUrl: REDIS,
    settings,
    firstPort: PORTS.storefront,
  });
  console.log(`\n${storefront}`);
  console.log('');
  const analytics = await runAnalyticsBench({
    mysqlUrl: MYSQL,
    redisUrl: REDIS,
    firstPort: PORTS.analytics,
    build: false,
  });
  console.log(`\n${analytics}`);
  console.log('');
  const replicas = await runReplicaBench({ firstPort: PORTS.replicas });
  console.log(`\n${replicas}`);
  console.log('');
  const portalMobile = await runPortalMobileBench(STORES);
  console.log(`\n${portalMobile}`);
  await Promise.all([issuer.close(), users.close()]);
}

/** The list page's req/s as a share of bare Express sending the same bytes (the fair baseline). */
function listShare(results: LoadResult[], page: CapturedPage): string {
  const rate = (name: string) => results.find((r) => r.scenario === name)?.requestsPerSecond ?? NaN;
  const share = rate(LIST_EMBEDDED) / rate(SAME_BYTES);
  const goal = share >= GOALS.listShareOfSameBytes ? 'met' : 'MISSED';
  return (
    `Vehicle list page (${(page.bytes / 1024).toFixed(1)} kB, ${page.contentType}): ${rate(LIST_EMBEDDED).toFixed(0)} req/s = ` +
    `${(share * 100).toFixed(0)}% of bare Express sending the same bytes (${rate(SAME_BYTES).toFixed(0)} req/s; goal ≥ ` +
    `${GOALS.listShareOfSameBytes * 100}%: ${goal}); ${((rate(LIST_EMBEDDED) / rate('baseline: bare Express')) * 100).toFixed(0)}% of bare Express answering {"status":"ok"}.`
  );
}

function memoryTable(
  instances: Array<[InventoryInstance, IndexReadiness]>,
  rss: { afterSearches: Array<number | null>; idle: Array<number | null> },
): string {
  const head =
    `${`inventory process RSS at ${VEHICLES} vehicles`.padEnd(42)}${'ready'.padStart(9)}` +
    `${'after load'.padStart(12)}${'idle'.padStart(9)}  index build`;
  const lines = instances.map(([instance, ready], i) => {
    const build = ready.built
      ? `${ready.built.vehicles.toLocaleString('en-US')} vehicles in ${(ready.built.ms / 1000).toFixed(1)} s (service log); /readyz up ${(ready.readyMs / 1000).toFixed(1)} s after spawn`
      : `none; /readyz up ${(ready.readyMs / 1000).toFixed(1)} s after spawn`;
    return (
      `${instance.name.padEnd(42)}${mebibytes(ready.rssAtReady).padStart(9)}` +
      `${mebibytes(rss.afterSearches[i] ?? null).padStart(12)}${mebibytes(rss.idle[i] ?? null).padStart(9)}  ${build}`
    );
  });
  const note =
    `("after load": right after the searches (instance 1 and the mysql one took them); "idle": at the end, ` +
    `${IDLE_SETTLE_MS / 1000} s after the last request.)`;
  return [head, ...lines, note].join('\n');
}

withBackingStores(STORES, () => main().finally(stopAll)).catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
