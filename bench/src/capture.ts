// The lead capture part of the bench (issue #15: ≥ 1,000 durably committed leads/s with p99 ≤ 50 ms
// at 10 connections). Two production builds of the leads service on one schema of the bench's
// MySQL, each driven alone in turn: the baseline writes every request in a transaction of its own
// (LEADS_CAPTURE_MAX_BATCH=1, as capture did before group commit); the other commits concurrent
// requests together (the default). The schema is made afresh for each bench run. Every request is a
// new shopper at one of the dealerships; after each run the bench counts what MySQL holds: every
// answered 201 must be there, nothing beyond what was sent, and each submission one new lead.
// Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_CAPTURE_ROUNDS (3).
import { loadavg, availableParallelism } from 'node:os';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { API_AUDIENCE } from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { createDatabase, dropSchema } from '@showroom/server-mysql';
import { startDynamoLocal, startSmtpSink, startTestIssuer } from '@showroom/server-testing';
import { leadCaptureScenarios } from './lead-scenarios';
import { drive, medianResult, type LoadResult, type LoadSettings } from './load';
import { benchDealership, finish, start, waitFor } from './processes';

const env = process.env;
const ROUNDS = Number(env['BENCH_CAPTURE_ROUNDS'] ?? 3);
const DEALERSHIPS = 20;
const SCHEMA = 'showroom_bench_capture';
const GOALS = { leadsPerSecond: 1000, p99Ms: 50 };
const QUEUE_PREFIX = 'bench-capture-leads';

export interface CaptureBenchOptions {
  mysqlUrl: string;
  redisUrl: string;
  settings: LoadSettings;
  /** The baseline instance's port; the group-commit instance takes the next. */
  firstPort: number;
}

interface Variant {
  name: string;
  env: Record<string, string>;
}

const VARIANTS: Variant[] = [
  // As capture was before group commit: a transaction per request, as many at once as the pool allows.
  {
    name: 'one transaction per request (baseline)',
    env: {
      LEADS_CAPTURE_MAX_BATCH: '1',
      LEADS_CAPTURE_BATCHES_IN_FLIGHT: '10',
      LEADS_DATABASE_POOL_SIZE: '10',
    },
  },
  { name: 'group commit', env: {} },
];

interface Measured {
  scenario: string;
  variant: string;
  result: LoadResult;
  /** Requests answered 201 and sent over all rounds, and what MySQL gained meanwhile. */
  accepted: number;
  sent: number;
  submissions: number;
  leads: number;
}

async function seed(mysqlUrl: string): Promise<void> {
  await dropSchema(`${mysqlUrl}/${SCHEMA}`);
  const code = await finish(
    start(['--import', 'tsx', 'services/leads/src/bench-seed.ts'], {
      BENCH_DEALERSHIPS: String(DEALERSHIPS),
      LEADS_DATABASE_URL: `${mysqlUrl}/${SCHEMA}`,
    }),
  );
  if (code !== 0) throw new Error('seeding the capture schema failed');
}

type Stored = { submissions: number; leads: number };

/** Submissions and leads stored (one statement, so one snapshot): every new shopper's submission opens one lead. */
async function storedCounts(mysqlUrl: string): Promise<Stored> {
  const database = createDatabase<{ lead_submissions: { id: string }; leads: { id: string } }>({
    writerUrl: `${mysqlUrl}/${SCHEMA}`,
    readerUrls: [],
    connectionLimit: 1,
  });
  try {
    const { rows } = await sql<Stored>`SELECT (SELECT COUNT(*) FROM lead_submissions) AS submissions,
      (SELECT COUNT(*) FROM leads) AS leads`.execute(database.writer);
    const [counts] = rows;
    return { submissions: Number(counts?.submissions), leads: Number(counts?.leads) };
  } finally {
    await database.close();
  }
}

/** The counts once the requests still in flight when a run ended have been stored (or not). */
async function settledCounts(mysqlUrl: string): Promise<Stored> {
  let last = await storedCounts(mysqlUrl);
  for (let tries = 0; tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await storedCounts(mysqlUrl);
    if (now.submissions === last.submissions && now.leads === last.leads) return now;
    last = now;
  }
  throw new Error('the stored leads were still changing 15 s after the load stopped');
}

export async function runCaptureBench({
  mysqlUrl,
  redisUrl,
  settings,
  firstPort,
}: CaptureBenchOptions): Promise<string> {
  const machine = `${availableParallelism()} cores, 1-minute load ${loadavg()[0]?.toFixed(1)} at the start`;
  console.log(`Capture: a fresh schema, ${DEALERSHIPS} dealerships that take leads…`);
  await seed(mysqlUrl);
  const dealershipIds = Array.from({ length: DEALERSHIPS }, (_, i) => benchDealership(i + 1));
  const [issuer, dynamo, sink] = await Promise.all([startTestIssuer(), startDynamoLocal(), startSmtpSink()]);
  const instances = VARIANTS.map((variant, i) => {
    const port = firstPort + i;
    const child = start(['dist/services/leads/main.js'], {
      AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
      AUTH_AUDIENCE: API_AUDIENCE,
      NODE_ENV: 'production',
      ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      LEADS_DATABASE_URL: `${mysqlUrl}/${SCHEMA}`,
      REDIS_URL: redisUrl,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SMTP_URL: sink.url,
      // Capture is measured: the consumers of its events run elsewhere.
      LEADS_WORKER_ENABLED: 'false',
      OUTBOX_QUEUE_PREFIX: QUEUE_PREFIX,
      PUBLIC_RATE_PER_ADDRESS: '1000000',
      PUBLIC_RATE_PER_DEALERSHIP: '10000000',
      ADF_RATE_PER_KEY: '1000000',
      ...variant.env,
    });
    return { variant, child, api: `http://127.0.0.1:${port}` };
  });
  try {
    await Promise.all(instances.map(({ api }) => waitFor(`${api}/readyz`)));
    const runs = new Map<
      string,
      Array<{ result: LoadResult; stored: { submissions: number; leads: number } }>
    >();
    console.log(
      `Capture: ${ROUNDS} rounds of each scenario for ${settings.seconds} s at ${settings.connections} connections, the instances in turn…`,
    );
    for (const { api } of instances)
      for (const scenario of leadCaptureScenarios(api, dealershipIds))
        await drive(scenario, { ...settings, seconds: 3 }); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const { variant, api } of instances) {
        for (const scenario of leadCaptureScenarios(api, dealershipIds)) {
          const before = await settledCounts(mysqlUrl);
          const result = await drive(scenario, settings);
          const after = await settledCounts(mysqlUrl);
          const key = JSON.stringify([scenario.name, variant.name]);
          runs.set(key, [
            ...(runs.get(key) ?? []),
            {
              result,
              stored: {
                submissions: after.submissions - before.submissions,
                leads: after.leads - before.leads,
              },
            },
          ]);
        }
      }
    }
    const measured: Measured[] = [...runs].map(([key, all]) => {
      const [scenario, variant] = JSON.parse(key) as [string, string];
      return {
        scenario,
        variant,
        result: medianResult(all.map((run) => run.result)),
        accepted: all.reduce((sum, run) => sum + run.result.requests - run.result.failures, 0),
        sent: all.reduce((sum, run) => sum + run.result.sent, 0),
        submissions: all.reduce((sum, run) => sum + run.stored.submissions, 0),
        leads: all.reduce((sum, run) => sum + run.stored.leads, 0),
      };
    });
    await Promise.all([issuer.close(), dynamo.close(), sink.close()]);
    return formatCaptureTable(measured, settings, machine);
  } finally {
    for (const { child } of instances) child.kill('SIGTERM');
    await Promise.all(instances.map(({ child }) => (child.exitCode === null ? finish(child) : undefined)));
    await dropQueuedJobs(redisUrl);
  }
}

/** The instances queue follow-up jobs for workers that do not run here; they are removed afterwards. */
async function dropQueuedJobs(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${QUEUE_PREFIX}:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

function formatCaptureTable(measured: Measured[], settings: LoadSettings, machine: string): string {
  const header = `${'scenario'.padEnd(30)}${'commits'.padEnd(42)}${'leads/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'failed'.padStart(8)}${'201s'.padStart(8)}${'stored'.padStart(8)}${'sent'.padStart(8)}`;
  const lines = measured.map(
    (m) =>
      `${m.scenario.replace('lead capture: ', '').padEnd(30)}${m.variant.padEnd(42)}${m.result.requestsPerSecond.toFixed(0).padStart(9)}${String(m.result.p50).padStart(8)}${String(m.result.p99).padStart(8)}${String(m.result.failures).padStart(8)}${String(m.accepted).padStart(8)}${String(m.submissions).padStart(8)}${String(m.sent).padStart(8)}`,
  );
  const verdicts = measured
    .filter((m) => m.variant === 'group commit')
    .map((m) => {
      const baseline = measured.find((b) => b.scenario === m.scenario && b !== m);
      const met = m.result.requestsPerSecond >= GOALS.leadsPerSecond && m.result.p99 <= GOALS.p99Ms;
      return (
        `${m.scenario}: ${m.result.requestsPerSecond.toFixed(0)} leads/s at p99 ${m.result.p99} ms with group commit, ` +
        `${baseline ? `${(m.result.requestsPerSecond / baseline.result.requestsPerSecond).toFixed(2)}× the baseline's ${baseline.result.requestsPerSecond.toFixed(0)}` : 'no baseline'} ` +
        `(goal ≥ ${GOALS.leadsPerSecond} leads/s with p99 ≤ ${GOALS.p99Ms} ms: ${met ? 'met' : 'MISSED'})`
      );
    });
  // A request still in flight when a run ended is sent but unanswered: stored or not, either is right.
  const holds = (m: Measured) =>
    m.accepted <= m.submissions && m.submissions <= m.sent && m.submissions === m.leads;
  const integrity = measured.every(holds)
    ? 'Every 201 was committed, once: 201s ≤ submissions stored ≤ requests sent (the rest were in flight at the end), and each submission opened one lead.'
    : `MISMATCH between the answers and what MySQL holds: ${measured
        .filter((m) => !holds(m))
        .map(
          (m) =>
            `${m.scenario} / ${m.variant}: ${m.accepted} answered 201 of ${m.sent} sent, ${m.submissions} submissions, ${m.leads} leads`,
        )
        .join('; ')}`;
  return [
    `Lead capture: medians of ${ROUNDS} rounds of ${settings.seconds} s at ${settings.connections} connections, each instance driven alone; MariaDB, Redis, the service and the load generator on this machine (${machine}). 201s and stored are totals over the rounds.`,
    header,
    ...lines,
    ...verdicts,
    integrity,
  ].join('\n');
}
