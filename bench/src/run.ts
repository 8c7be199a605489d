// `npm run bench`: seeds 100,000 vehicles over 20 dealerships (once) and makes those dealerships take
// leads, starts the production builds of the inventory and leads services and two baselines, and
// drives each over loopback at fixed concurrency. Then times ADF parsing against its own baselines.
// Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_DEALERSHIPS (20),
// BENCH_VEHICLES_PER_DEALERSHIP (5000).
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { API_AUDIENCE } from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { createDatabase } from '@showroom/server-mysql';
import { startDynamoLocal, startSmtpSink, startTestIssuer } from '@showroom/server-testing';
import { formatAdfTable, measureAdfParsing } from './adf-parse';
import { initialBundleSize } from './bundle-size';
import { leadCaptureScenarios } from './lead-scenarios';
import { drive, formatTable, type LoadResult, type Scenario } from './load';
import { benchDealership, finish, ROOT, start, stopAll, waitFor } from './processes';

const settings = {
  seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
  connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
};
const DEALERSHIPS = Number(process.env['BENCH_DEALERSHIPS'] ?? 20);
const PER_DEALERSHIP = Number(process.env['BENCH_VEHICLES_PER_DEALERSHIP'] ?? 5000);
const MYSQL = process.env['SHOWROOM_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
const REDIS = process.env['SHOWROOM_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';
const PORTS = { http: 3951, express: 3952, inventory: 3953, leads: 3954 };
const QUEUE_PREFIX = 'bench-leads';

async function seed(): Promise<void> {
  console.log(
    `Seeding ${DEALERSHIPS} × ${PER_DEALERSHIP} vehicles and lead settings (skipped when already there)…`,
  );
  const common = {
    BENCH_DEALERSHIPS: String(DEALERSHIPS),
    BENCH_VEHICLES_PER_DEALERSHIP: String(PER_DEALERSHIP),
  };
  const results = await Promise.all([
    finish(
      start(['--import', 'tsx', 'services/inventory/src/bench-seed.ts'], {
        ...common,
        INVENTORY_DATABASE_URL: `${MYSQL}/showroom_bench_inventory`,
      }),
    ),
    finish(
      start(['--import', 'tsx', 'services/leads/src/bench-seed.ts'], {
        ...common,
        LEADS_DATABASE_URL: `${MYSQL}/showroom_bench_leads`,
      }),
    ),
  ]);
  if (results.some((code) => code !== 0)) throw new Error('seeding failed');
}

async function build(): Promise<void> {
  console.log('Building the inventory and leads services and the portal for production…');
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
      ],
      {
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
      },
    ),
  );
  if (built !== 0) throw new Error('build failed');
}

async function inventoryScenarios(api: string, token: string, dealershipId: string): Promise<Scenario[]> {
  const headers = { authorization: `Bearer ${token}`, 'x-dealership-id': dealershipId };
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
  return [
    { name: 'vehicle list, cached (25 of 5,000)', url: `${api}${listPath}`, headers },
    {
      name: 'vehicle list, filter + sort, uncached',
      url: `${api}/api/inventory/vehicles`,
      headers,
      // A price bound that changes on every request makes each query new to the cache.
      nextRequest: () => ({
        path: `/api/inventory/vehicles?status=available&condition=used,certified&yearMin=2019&priceMax=${4_000_000 + (counter++ % 1_000_000)}&sort=-price&pageSize=25`,
      }),
    },
    {
      name: 'single vehicle by id (cached)',
      url: `${api}/api/inventory/vehicles/${ids[0]}`,
      headers,
      nextRequest: () => ({ path: `/api/inventory/vehicles/${ids[counter++ % ids.length]}` }),
    },
  ];
}

/** Submissions stored: every accepted form or prospect is one, whether it opened a lead or joined one. */
async function countSubmissions(): Promise<number> {
  const database = createDatabase<{ lead_submissions: { id: string } }>({
    writerUrl: `${MYSQL}/showroom_bench_leads`,
    readerUrls: [],
    connectionLimit: 1,
  });
  try {
    const row = await database.writer
      .selectFrom('lead_submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.close();
  }
}

/** The leads service queues follow-up jobs for its workers (off in the bench); they are removed afterwards. */
async function dropBenchJobs(): Promise<void> {
  const redis = new Redis(REDIS);
  try {
    for await (const keys of redis.scanStream({ match: `${QUEUE_PREFIX}:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  await seed();
  await build();
  const [issuer, dynamo, sink] = await Promise.all([startTestIssuer(), startDynamoLocal(), startSmtpSink()]);
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
  start(['--import', 'tsx', 'bench/src/baseline-server.ts', 'http', String(PORTS.http)]);
  start(['--import', 'tsx', 'bench/src/baseline-server.ts', 'express', String(PORTS.express)]);
  start(['dist/services/inventory/main.js'], {
    ...auth,
    PORT: String(PORTS.inventory),
    INVENTORY_DATABASE_URL: `${MYSQL}/showroom_bench_inventory`,
    REDIS_URL: REDIS,
  });
  start(['dist/services/leads/main.js'], {
    ...auth,
    PORT: String(PORTS.leads),
    LEADS_DATABASE_URL: `${MYSQL}/showroom_bench_leads`,
    REDIS_URL: REDIS,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SMTP_URL: sink.url,
    // Capture is measured: the relay publishes every event to Redis, the consumers run elsewhere.
    LEADS_WORKER_ENABLED: 'false',
    OUTBOX_QUEUE_PREFIX: QUEUE_PREFIX,
    PUBLIC_RATE_PER_ADDRESS: '1000000',
    PUBLIC_RATE_PER_DEALERSHIP: '10000000',
    ADF_RATE_PER_KEY: '1000000',
  });
  await Promise.all([
    waitFor(`http://127.0.0.1:${PORTS.http}/`),
    waitFor(`http://127.0.0.1:${PORTS.express}/`),
    waitFor(`http://127.0.0.1:${PORTS.inventory}/readyz`),
    waitFor(`http://127.0.0.1:${PORTS.leads}/readyz`),
  ]);

  const dealershipIds = Array.from({ length: DEALERSHIPS }, (_, i) => benchDealership(i + 1));
  const token = await issuer.tokenFor({
    sub: 'auth0|bench',
    memberships: dealershipIds.map((dealershipId) => ({ dealershipId, role: 'viewer' as const })),
  });
  const inventory = await inventoryScenarios(
    `http://127.0.0.1:${PORTS.inventory}`,
    token,
    dealershipIds[0] as string,
  );
  const leads = leadCaptureScenarios(`http://127.0.0.1:${PORTS.leads}`, dealershipIds);

  const results: LoadResult[] = [];
  const run = async (scenario: Scenario) => {
    process.stdout.write(`  ${scenario.name}…\n`);
    results.push(await drive(scenario, settings));
  };
  console.log(`\nDriving each scenario for ${settings.seconds} s at ${settings.connections} connections:`);
  await run({ name: 'baseline: bare node http', url: `http://127.0.0.1:${PORTS.http}/` });
  await run({ name: 'baseline: bare Express', url: `http://127.0.0.1:${PORTS.express}/` });
  for (const scenario of inventory) await run(scenario);
  await run({
    name: 'baseline: bare Express, POST JSON',
    url: `http://127.0.0.1:${PORTS.express}/`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    nextRequest: () => ({ body: JSON.stringify({ firstName: 'Bench', email: 'bench@bench.example' }) }),
  });
  const before = await countSubmissions();
  for (const scenario of leads) await run(scenario);
  const stored = (await countSubmissions()) - before;
  const accepted = results
    .filter((r) => r.scenario.startsWith('lead capture'))
    .reduce((sum, r) => sum + r.requests - r.failures, 0);

  console.log(`\n${formatTable(results, 'baseline: bare Express')}`);
  console.log(`\nLead submissions answered 201: ${accepted}; committed in MySQL: ${stored}.`);
  console.log(`\n${formatAdfTable(await measureAdfParsing())}`);
  const bundle = initialBundleSize(join(ROOT, 'dist/apps/portal/browser'));
  console.log(
    `\nPortal initial bundle (${bundle.files.length} files): ${(bundle.rawBytes / 1024).toFixed(1)} kB raw, ` +
      `${(bundle.gzipBytes / 1024).toFixed(1)} kB gzip, ${(bundle.brotliBytes / 1024).toFixed(1)} kB brotli (budget: 250 kB compressed)`,
  );
  await Promise.all([issuer.close(), dynamo.close(), sink.close()]);
}

main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    stopAll();
    await dropBenchJobs().catch(() => undefined);
  });
