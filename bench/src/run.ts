// `npm run bench`: seeds 100,000 vehicles over 20 dealerships (once), starts the production build of
// the inventory service and two baselines, and drives each over loopback at fixed concurrency.
// Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_DEALERSHIPS (20),
// BENCH_VEHICLES_PER_DEALERSHIP (5000).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { API_AUDIENCE } from '@showroom/contracts';
import { startTestIssuer } from '@showroom/server-testing';
import { initialBundleSize } from './bundle-size';
import { drive, formatTable, type LoadResult } from './load';

const ROOT = join(import.meta.dirname, '..', '..');
const settings = {
  seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
  connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
};
const DEALERSHIPS = Number(process.env['BENCH_DEALERSHIPS'] ?? 20);
const PER_DEALERSHIP = Number(process.env['BENCH_VEHICLES_PER_DEALERSHIP'] ?? 5000);
const MYSQL = process.env['SHOWROOM_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
const REDIS = process.env['SHOWROOM_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';
const PORTS = { http: 3951, express: 3952, inventory: 3953 };
const children: ChildProcess[] = [];

function start(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

function finish(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', resolve));
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not come up`);
}

function benchDealership(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

async function main(): Promise<void> {
  const inventoryEnv = {
    INVENTORY_DATABASE_URL: `${MYSQL}/showroom_bench_inventory`,
    REDIS_URL: REDIS,
    BENCH_DEALERSHIPS: String(DEALERSHIPS),
    BENCH_VEHICLES_PER_DEALERSHIP: String(PER_DEALERSHIP),
  };
  console.log(`Seeding ${DEALERSHIPS} × ${PER_DEALERSHIP} vehicles (skipped when already there)…`);
  const seeded = await finish(
    start(['--import', 'tsx', 'services/inventory/src/bench-seed.ts'], inventoryEnv),
  );
  if (seeded !== 0) throw new Error('seeding failed');

  console.log('Building the inventory service and the portal for production…');
  const built = await finish(
    start(
      [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'inventory', 'portal'],
      {
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
      },
    ),
  );
  if (built !== 0) throw new Error('build failed');

  const issuer = await startTestIssuer();
  start(['--import', 'tsx', 'bench/src/baseline-server.ts', 'http', String(PORTS.http)]);
  start(['--import', 'tsx', 'bench/src/baseline-server.ts', 'express', String(PORTS.express)]);
  start(['dist/services/inventory/main.js'], {
    ...inventoryEnv,
    NODE_ENV: 'production',
    PORT: String(PORTS.inventory),
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    AUTH_AUDIENCE: API_AUDIENCE,
    LOG_LEVEL: 'info',
  });
  await Promise.all([
    waitFor(`http://127.0.0.1:${PORTS.http}/`),
    waitFor(`http://127.0.0.1:${PORTS.express}/`),
    waitFor(`http://127.0.0.1:${PORTS.inventory}/readyz`),
  ]);

  const dealershipIds = Array.from({ length: DEALERSHIPS }, (_, i) => benchDealership(i + 1));
  const token = await issuer.tokenFor({
    sub: 'auth0|bench',
    memberships: dealershipIds.map((dealershipId) => ({ dealershipId, role: 'viewer' as const })),
  });
  const api = `http://127.0.0.1:${PORTS.inventory}`;
  const headers = { authorization: `Bearer ${token}`, 'x-dealership-id': dealershipIds[0] as string };

  const listPath = '/api/inventory/vehicles?status=available&pageSize=25';
  await fetch(`${api}${listPath}`, { headers }); // warm the cache
  const firstPage = (await (
    await fetch(`${api}/api/inventory/vehicles?pageSize=100`, { headers })
  ).json()) as {
    items: Array<{ id: string }>;
  };
  const ids = firstPage.items.map((v) => v.id);
  for (const id of ids) await fetch(`${api}/api/inventory/vehicles/${id}`, { headers });

  let counter = 0;
  const results: LoadResult[] = [];
  const run = async (scenario: Parameters<typeof drive>[0]) => {
    process.stdout.write(`  ${scenario.name}…\n`);
    results.push(await drive(scenario, settings));
  };
  console.log(`\nDriving each scenario for ${settings.seconds} s at ${settings.connections} connections:`);
  await run({ name: 'baseline: bare node http', url: `http://127.0.0.1:${PORTS.http}/` });
  await run({ name: 'baseline: bare Express', url: `http://127.0.0.1:${PORTS.express}/` });
  await run({ name: 'vehicle list, cached (25 of 5,000)', url: `${api}${listPath}`, headers });
  await run({
    name: 'vehicle list, filter + sort, uncached',
    url: `${api}/api/inventory/vehicles`,
    headers,
    // A price bound that changes on every request makes each query new to the cache.
    nextPath: () =>
      `/api/inventory/vehicles?status=available&condition=used,certified&yearMin=2019&priceMax=${4_000_000 + (counter++ % 1_000_000)}&sort=-price&pageSize=25`,
  });
  await run({
    name: 'single vehicle by id (cached)',
    url: `${api}/api/inventory/vehicles/${ids[0]}`,
    headers,
    nextPath: () => `/api/inventory/vehicles/${ids[counter++ % ids.length]}`,
  });

  console.log(`\n${formatTable(results, 'baseline: bare Express')}`);
  const bundle = initialBundleSize(join(ROOT, 'dist/apps/portal/browser'));
  console.log(
    `\nPortal initial bundle (${bundle.files.length} files): ${(bundle.rawBytes / 1024).toFixed(1)} kB raw, ` +
      `${(bundle.gzipBytes / 1024).toFixed(1)} kB gzip, ${(bundle.brotliBytes / 1024).toFixed(1)} kB brotli (budget: 250 kB compressed)`,
  );
  await issuer.close();
}

main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill('SIGTERM');
  });
