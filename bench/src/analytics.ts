// Analytics (issue #13), two parts, each beside a baseline measured in the same run:
// 1. The dashboard's queries on the embedded engine (DuckDB) over a generated history of
//    `events` events: every AnalyticsEngine question, p50/p99 over `queryRuns` runs each after a
//    warm-up, beside `SELECT 1` through the same client library. It runs in its own process
//    (services/analytics/src/engine/duckdb/bench-queries.ts, through tsx), as the engine runs inside
//    the service: nothing else of the bench shares its event loop.
// 2. Event collection through the real public route of the analytics service's production build
//    (`node dist/services/analytics/main.js`, embedded engine on a file): batches of 50 shopper
//    events from a dealer's site, events/s beside the same service's /healthz requests/s. The users
//    service is a stand-in in this process; afterwards the engine's file is opened to check that every
//    accepted event was stored. All traffic on 127.0.0.1.
// analytics-section.ts runs both parts: the last section of `npm run bench` (run.ts), and alone as
// `npm run bench:analytics` (analytics-run.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { DuckDBInstance } from '@duckdb/node-api';
import express from 'express';
import {
  API_AUDIENCE,
  READ_DEALERSHIPS_SCOPE,
  type DealershipStorefront,
  type ShopperEventBatch,
} from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { dropSchema, ensureSchema } from '@showroom/server-mysql';
import { startTestIssuer } from '@showroom/server-testing';
import { drive, type LoadResult } from './load';
import { benchDealership, finish, ROOT, start, waitFor } from './processes';

/** What services/analytics/src/engine/duckdb/bench-queries.ts prints (its QueryBenchReport). */
interface QueryTiming {
  name: string;
  rows: number;
  p50: number;
  p99: number;
}
interface QueryBenchReport {
  events: number;
  loadSeconds: number;
  loadAverage: number;
  cores: number;
  baseline: QueryTiming;
  timings: QueryTiming[];
}
const QUERY_BENCH = 'services/analytics/src/engine/duckdb/bench-queries.ts';

export const ANALYTICS_GOALS = { queryP99Ms: 100, eventsPerSecond: 5_000 };
const SCHEMA = 'showroom_bench_analytics';
const SERVICES_CLIENT = { id: 'showroom-services', secret: 'bench-services-secret' };
const SITE_ORIGIN = 'http://bench-motors.localhost:4400';
const TIME_ZONE = 'America/New_York';
const EVENTS_PER_BATCH = 50;
/** A desktop Chrome: the route keeps nothing from crawlers and headless browsers. */
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export interface AnalyticsBenchSettings {
  /** Events in the generated history (the issue's goal is stated for 1,000,000). */
  events: number;
  days: number;
  dealerships: number;
  /** Timed runs per query, after a warm-up. */
  queryRuns: number;
  /** Seconds of load per collection scenario, and connections. */
  seconds: number;
  connections: number;
}

export interface AnalyticsBenchOptions {
  mysqlUrl: string;
  redisUrl: string;
  settings: AnalyticsBenchSettings;
  /** Two consecutive free ports: the analytics service, the users stand-in. */
  firstPort: number;
}

/**
 * Part 1, in its own process: the figures come back as the last line of its output. The child is
 * killed when `deadline` fires (a generated history on a busy machine has no other bound).
 */
export async function measureQueries(
  settings: AnalyticsBenchSettings,
  deadline?: AbortSignal,
): Promise<QueryBenchReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', QUERY_BENCH], {
    cwd: ROOT,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'),
      BENCH_ANALYTICS_EVENTS: String(settings.events),
      BENCH_ANALYTICS_DAYS: String(settings.days),
      BENCH_ANALYTICS_DEALERSHIPS: String(settings.dealerships),
      BENCH_ANALYTICS_QUERY_RUNS: String(settings.queryRuns),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(deadline ? { signal: deadline } : {}),
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  // An abort is reported as an 'error' event as well as the exit: both end the wait.
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.once('error', () => resolve(null));
  });
  if (deadline?.aborted) throw new Error('the query bench was stopped at the analytics time limit');
  if (code !== 0) throw new Error(`the query bench exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as QueryBenchReport;
}

/** The users service's storefront route for the bench rooftop: its site's origin lets the batches in. */
async function startUsersStandIn(
  storefront: DealershipStorefront,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.get('/api/users/internal/dealerships/:id/storefront', (req, res) => {
    // The real route wants a machine token with read:dealerships; the stand-in only checks one came.
    if (!/^Bearer \S+$/.test(req.get('authorization') ?? '')) return void res.status(401).end();
    if (req.params['id'] !== storefront.dealershipId) return void res.status(404).end();
    res.json(storefront);
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a shopper's tab sends after a few minutes on the site: 50 events of a visit. */
function shopperBatch(): ShopperEventBatch {
  const at = new Date().toISOString();
  const vehicleId = (n: number) => `00000000-0000-4000-8000-0000000c${String(n).padStart(4, '0')}`;
  const events: ShopperEventBatch['events'] = [];
  for (let i = 0; events.length < EVENTS_PER_BATCH; i++) {
    events.push({
      type: 'search',
      at,
      query: 'toyota tacoma',
      filters: { make: 'Toyota', body: 'truck' },
      resultCount: i % 4,
    });
    events.push({ type: 'vehicle_view', at, vehicleId: vehicleId(i) });
    events.push({ type: 'gallery_open', at, vehicleId: vehicleId(i) });
    events.push({ type: 'calculator_use', at, vehicleId: vehicleId(i), dealKind: 'finance' });
    events.push({ type: 'form_start', at, form: 'lead', vehicleId: vehicleId(i) });
  }
  return {
    sessionId: 'bench-visit-0000000000000001',
    source: 'google',
    sampleRate: 1,
    consent: 'implied',
    events: events.slice(0, EVENTS_PER_BATCH),
  };
}

export interface CollectionReport {
  healthz: LoadResult;
  collection: LoadResult;
  /**
   * Batches the load generator saw answered 202 over every collection run (warm-up included), × 50.
   * The engine may hold a few batches more: those still in flight when a run's clock stopped.
   */
  acceptedEvents: number;
  storedEvents: number;
  batchBytes: number;
  /** The machine's 1-minute load average when the load ended. */
  loadAverage: number;
}

async function countStored(path: string): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  try {
    const connection = await instance.connect();
    const [row] = (await connection.runAndReadAll('SELECT count(*) AS n FROM events')).getRowObjectsJS();
    connection.closeSync();
    return Number(row?.['n'] ?? 0);
  } finally {
    instance.closeSync();
  }
}

/** Part 2: the production build on a fresh schema and engine file, driven through its public route. */
export async function measureCollection(options: AnalyticsBenchOptions): Promise<CollectionReport> {
  const dealershipId = benchDealership(1);
  const ports = { analytics: options.firstPort, users: options.firstPort + 1 };
  const databaseUrl = `${options.mysqlUrl}/${SCHEMA}`;
  const folder = mkdtempSync(join(tmpdir(), 'bench-analytics-'));
  const enginePath = join(folder, 'events.duckdb');
  await dropSchema(databaseUrl);
  await ensureSchema(databaseUrl);
  const storefront: DealershipStorefront = {
    dealershipId,
    name: 'Bench Motors 1',
    email: null,
    phone: null,
    timeZone: TIME_ZONE,
    siteUrl: SITE_ORIGIN,
    siteOrigins: [SITE_ORIGIN],
  };
  const [issuer, users] = await Promise.all([
    startTestIssuer({
      clients: { [SERVICES_CLIENT.id]: { secret: SERVICES_CLIENT.secret, scopes: [READ_DEALERSHIPS_SCOPE] } },
    }),
    startUsersStandIn(storefront, ports.users),
  ]);
  const service = start(['dist/services/analytics/main.js'], {
    NODE_ENV: 'production',
    ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(ports.analytics),
    ANALYTICS_DATABASE_URL: databaseUrl,
    ANALYTICS_ENGINE: 'embedded',
    ANALYTICS_DUCKDB_PATH: enginePath,
    ANALYTICS_DEMO_HISTORY: 'false',
    REDIS_URL: options.redisUrl,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    AUTH_AUDIENCE: API_AUDIENCE,
    AUTH_CLIENT_ID: SERVICES_CLIENT.id,
    AUTH_CLIENT_SECRET: SERVICES_CLIENT.secret,
    USERS_API_URL: users.url,
    // One client address sends everything: the public limits must not be what is measured.
    COLLECT_RATE_PER_ADDRESS: '1000000',
    COLLECT_RATE_PER_DEALERSHIP: '10000000',
  });
  let exited = false;
  const stopped = finish(service).then((code) => ((exited = true), code));
  try {
    const analytics = `http://127.0.0.1:${ports.analytics}`;
    await waitFor(`${analytics}/readyz`);
    const url = `${analytics}/api/analytics/public/dealerships/${dealershipId}/events`;
    const body = JSON.stringify(shopperBatch());
    const headers = { origin: SITE_ORIGIN, 'content-type': 'application/json', 'user-agent': BROWSER };
    const probe = await fetch(url, { method: 'POST', headers, body });
    const probeAnswer = (await probe.json()) as { accepted?: number };
    if (probe.status !== 202 || probeAnswer.accepted !== EVENTS_PER_BATCH) {
      throw new Error(
        `a batch answered ${probe.status} ${JSON.stringify(probeAnswer)}, not 202 with all ${EVENTS_PER_BATCH} accepted`,
      );
    }
    let acceptedBatches = 1;
    const load = { seconds: options.settings.seconds, connections: options.settings.connections };
    const collect = {
      name: `POST …/events (${EVENTS_PER_BATCH} shopper events a batch)`,
      url,
      method: 'POST' as const,
      headers,
      nextRequest: () => ({ body }),
    };

    console.log(
      `Analytics: warming up, then ${load.seconds} s per scenario at ${load.connections} connections…`,
    );
    const warm = await drive(collect, { ...load, seconds: 2 });
    acceptedBatches += warm.requests - warm.failures;
    const healthz = await drive(
      { name: 'baseline: GET /healthz (the same service)', url: `${analytics}/healthz` },
      load,
    );
    const collection = await drive(collect, load);
    acceptedBatches += collection.requests - collection.failures;

    // A clean stop closes the engine (its last writes reach the file), then the file is counted.
    service.kill('SIGTERM');
    await stopped;
    return {
      healthz,
      collection,
      acceptedEvents: acceptedBatches * EVENTS_PER_BATCH,
      storedEvents: await countStored(enginePath),
      loadAverage: loadavg()[0] ?? 0,
      batchBytes: Buffer.byteLength(body),
    };
  } finally {
    if (!exited) service.kill('SIGTERM');
    await Promise.all([issuer.close(), users.close()]);
    rmSync(folder, { recursive: true, force: true });
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '?');
const whole = (value: number) => Math.round(value).toLocaleString('en-US');

export function formatQueryReport(settings: AnalyticsBenchSettings, queries: QueryBenchReport): string {
  const worst = queries.timings.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const queriesMet = worst.p99 <= ANALYTICS_GOALS.queryP99Ms ? 'met' : 'MISSED';
  const head = `${'query'.padEnd(56)}${'rows'.padStart(6)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`;
  const row = (t: QueryTiming) =>
    `${t.name.padEnd(56)}${String(t.rows).padStart(6)}${ms(t.p50).padStart(9)}${ms(t.p99).padStart(9)}`;
  return [
    `Analytics queries on the embedded engine (DuckDB, in memory): ${queries.events.toLocaleString('en-US')} events over ` +
      `${settings.days} days of ${settings.dealerships} rooftops, stored in ${queries.loadSeconds.toFixed(1)} s ` +
      `(${whole(queries.events / queries.loadSeconds)} events/s, a day per append); ${settings.queryRuns} runs per query after a warm-up:`,
    head,
    row(queries.baseline),
    ...queries.timings.map(row),
    `Slowest p99: ${ms(worst.p99)} ms (${worst.name}; goal ≤ ${ANALYTICS_GOALS.queryP99Ms} ms each: ${queriesMet}); ` +
      `machine load average ${queries.loadAverage.toFixed(1)} on ${queries.cores} cores as the timing ended.`,
  ].join('\n');
}

export function formatCollectionReport(
  settings: AnalyticsBenchSettings,
  collection: CollectionReport,
): string {
  const eventsPerSecond = collection.collection.requestsPerSecond * EVENTS_PER_BATCH;
  const collectionMet =
    collection.collection.failures === 0 && eventsPerSecond >= ANALYTICS_GOALS.eventsPerSecond
      ? 'met'
      : 'MISSED';
  const loadHead = `${'scenario'.padEnd(56)}${'req/s'.padStart(9)}${'events/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'failed'.padStart(8)}`;
  const loadRow = (r: LoadResult, events: number | null) =>
    `${r.scenario.padEnd(56)}${whole(r.requestsPerSecond).padStart(9)}${(events === null ? '–' : whole(events)).padStart(10)}` +
    `${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.failures).padStart(8)}`;
  return [
    `Event collection through the production build's public route (embedded engine on a file; ${collection.batchBytes} B a batch; ` +
      `${settings.seconds} s per scenario at ${settings.connections} connections on 127.0.0.1):`,
    loadHead,
    loadRow(collection.healthz, null),
    loadRow(collection.collection, eventsPerSecond),
    `Collection: ${whole(eventsPerSecond)} events/s (goal ≥ ${whole(ANALYTICS_GOALS.eventsPerSecond)}: ${collectionMet}); ` +
      `the engine's file holds ${collection.storedEvents.toLocaleString('en-US')} events for ${collection.acceptedEvents.toLocaleString('en-US')} seen accepted ` +
      `(${collection.storedEvents >= collection.acceptedEvents ? 'none lost; the rest were in flight as a run stopped' : 'SOME LOST'}); ` +
      `load average ${collection.loadAverage.toFixed(1)} as the load ended.`,
  ].join('\n');
}
