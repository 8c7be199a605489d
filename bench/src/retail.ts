// Digital retailing's payment quote (issue #12): `POST /api/retail/public/dealerships/:id/quotes`
// against the retail service's production build (`node dist/services/retail/main.js`) on a bench
// schema holding the demo retail data (its own `seed.js`), beside baselines measured in the same run
// on the same service (`/healthz`: the floor of any answer; the public terms route: rate limit, site
// CORS and the cached terms a quote also goes through), then the pure `quoteDeal` function alone, in
// this process, on the very terms and car the service quoted. A bounded number of requests per
// scenario at a few connections on 127.0.0.1; the users and inventory peers are stand-ins in this
// process (bench/src/retail-peers.ts). `npm run bench:retail` (bench/src/retail-run.ts).
import autocannon from 'autocannon';
import {
  API_AUDIENCE,
  QuoteSchema,
  READ_DEALERSHIPS_SCOPE,
  RetailTermsSchema,
  type DealershipStorefront,
  type Quote,
  type QuoteRequest,
  type RetailTerms,
} from '@showroom/contracts';
import { DEMO_DEALERSHIPS } from '@showroom/demo-data';
import { quoteDeal, type QuoteInput } from '@showroom/retail-payments';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { startTestIssuer } from '@showroom/server-testing';
import { finish, start, waitFor } from './processes';
import { startRetailPeers, type BenchCar } from './retail-peers';

export const RETAIL_GOALS = { quoteP99Ms: 5 };
const SCHEMA = 'showroom_bench_retail';
const SERVICES_CLIENT = { id: 'showroom-services', secret: 'bench-services-secret' };
/** The website the quotes come from (sent as Origin, as a browser on the dealer's site does). */
const SITE_ORIGIN = 'http://bench-motors.localhost:4400';
const CAR: BenchCar = {
  id: '00000000-0000-4000-8000-0000000c0001',
  priceCents: 2_849_500,
  msrpCents: 2_995_000,
};

export interface RetailBenchSettings {
  /** Requests per scenario (after the warm-up). */
  requests: number;
  connections: number;
  /** quoteDeal calls timed in process. */
  calls: number;
}

export interface RetailBenchOptions {
  mysqlUrl: string;
  redisUrl: string;
  settings: RetailBenchSettings;
  /** Two consecutive free ports: the retail service, the peers' stand-in. */
  firstPort: number;
}

export interface RetailLoadResult {
  scenario: string;
  requests: number;
  failures: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
}

interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
}

const HEADERS = { origin: SITE_ORIGIN, 'content-type': 'application/json' };

/** The nearest-rank percentile of sorted latencies. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * Exactly `requests` requests at `connections` connections. Latencies are taken from each response
 * (autocannon's hrtime, in ms with decimals: its own histogram keeps whole milliseconds only).
 */
async function measure(target: Target, requests: number, connections: number): Promise<RetailLoadResult> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  // autocannon notices the last answer only at its next one-second tick: time to the answer itself.
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? 'GET',
        headers: HEADERS,
        body: target.body,
        connections,
        amount: requests,
        timeout: 10,
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      lastAnswer = process.hrtime.bigint();
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const seconds = Number(lastAnswer - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    scenario: target.name,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
    requestsPerSecond: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
  };
}

/** A finance deal with a trade and the dealer's service contract: what a shopper's payment panel asks. */
function quoteRequestFor(terms: RetailTerms): QuoteRequest {
  const contract = terms.products.find((p) => p.kind === 'service-contract');
  const option = contract?.options.find((o) => o.termMonths === 60) ?? contract?.options[0];
  return {
    vehicleId: CAR.id,
    structure: {
      kind: 'finance',
      downPaymentCents: 300_000,
      termMonths: 60,
      creditTier: 'good',
      products: contract && option ? [{ productId: contract.id, termMonths: option.termMonths }] : [],
    },
    trade: { valueCents: 800_000, payoffCents: 300_000 },
  };
}

/** quoteDeal alone on the same input: mean µs per call over `calls` calls after a warm-up. */
export function timeQuoteDeal(input: QuoteInput, calls: number): { microsPerCall: number; quote: Quote } {
  let quote = quoteDeal(input);
  for (let i = 0; i < Math.min(calls, 2_000); i++) quote = quoteDeal(input);
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) quote = quoteDeal(input);
  const elapsed = Number(process.hrtime.bigint() - started);
  return { microsPerCall: elapsed / calls / 1_000, quote };
}

export interface RetailBenchReport {
  results: RetailLoadResult[];
  microsPerCall: number;
  calls: number;
  sameFigures: boolean;
  monthlyPaymentCents: number | null;
  settings: RetailBenchSettings;
}

const ms = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(2));

export function formatRetailReport(report: RetailBenchReport): string {
  const { results, settings } = report;
  const head = `${'scenario'.padEnd(62)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p90 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'failed'.padStart(8)}`;
  const rows = results.map(
    (r) =>
      `${r.scenario.padEnd(62)}${r.requestsPerSecond.toFixed(0).padStart(9)}${ms(r.p50).padStart(9)}` +
      `${ms(r.p90).padStart(9)}${ms(r.p99).padStart(9)}${String(r.failures).padStart(8)}`,
  );
  const quote = results.find((r) => r.scenario.startsWith('POST'));
  const healthz = results.find((r) => r.scenario.includes('/healthz'));
  const met = quote && quote.failures === 0 && quote.p99 <= RETAIL_GOALS.quoteP99Ms ? 'met' : 'MISSED';
  const monthly =
    report.monthlyPaymentCents === null ? '' : `, $${(report.monthlyPaymentCents / 100).toFixed(2)}/month`;
  return [
    `Retail quote (demo rooftop ${DEMO_DEALERSHIPS.downtown.name}: finance 60 months, $3,000 down, a trade, a service contract${monthly}; ` +
      `${settings.requests.toLocaleString('en-US')} requests per scenario at ${settings.connections} connections on 127.0.0.1, after a warm-up):`,
    head,
    ...rows,
    `Quote p99: ${ms(quote?.p99)} ms (goal ≤ ${RETAIL_GOALS.quoteP99Ms} ms: ${met}); the same service's /healthz p99: ${ms(healthz?.p99)} ms.`,
    `quoteDeal alone (this process, the terms and car the service quoted): ${report.microsPerCall.toFixed(1)} µs per call ` +
      `(${report.calls.toLocaleString('en-US')} calls; ${Math.round(1e6 / report.microsPerCall).toLocaleString('en-US')} calls/s); ` +
      `figures equal to the service's answer: ${report.sameFigures ? 'yes' : 'NO'}.`,
  ].join('\n');
}

/** Seeds the bench schema, starts the service and its stand-ins, warms up, then measures. */
export async function runRetailBench(options: RetailBenchOptions): Promise<string> {
  const dealership = DEMO_DEALERSHIPS.downtown;
  const ports = { retail: options.firstPort, peers: options.firstPort + 1 };
  const databaseUrl = `${options.mysqlUrl}/${SCHEMA}`;
  console.log('Retail: migrating the bench schema and loading the demo retail data…');
  const seeded = await finish(start(['dist/services/retail/seed.js'], { RETAIL_DATABASE_URL: databaseUrl }));
  if (seeded !== 0) throw new Error('seeding failed');

  const storefront: DealershipStorefront = {
    dealershipId: dealership.id,
    name: dealership.name,
    email: null,
    phone: null,
    timeZone: dealership.timeZone,
    siteUrl: SITE_ORIGIN,
    siteOrigins: [SITE_ORIGIN],
  };
  const [issuer, peers] = await Promise.all([
    startTestIssuer({
      clients: { [SERVICES_CLIENT.id]: { secret: SERVICES_CLIENT.secret, scopes: [READ_DEALERSHIPS_SCOPE] } },
    }),
    startRetailPeers(storefront, CAR, ports.peers),
  ]);
  const service = start(['dist/services/retail/main.js'], {
    NODE_ENV: 'production',
    ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(ports.retail),
    RETAIL_DATABASE_URL: databaseUrl,
    REDIS_URL: options.redisUrl,
    AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
    AUTH_AUDIENCE: API_AUDIENCE,
    AUTH_CLIENT_ID: SERVICES_CLIENT.id,
    AUTH_CLIENT_SECRET: SERVICES_CLIENT.secret,
    USERS_API_URL: peers.url,
    INVENTORY_API_URL: peers.url,
    LEADS_API_URL: peers.url,
    // One client address sends everything: the public limits must not be what is measured.
    PUBLIC_RATE_PER_ADDRESS: '1000000',
    PUBLIC_RATE_PER_DEALERSHIP: '10000000',
  });
  try {
    const retail = `http://127.0.0.1:${ports.retail}`;
    await waitFor(`${retail}/readyz`);
    const publicPath = `${retail}/api/retail/public/dealerships/${dealership.id}`;
    const termsResponse = await fetch(`${publicPath}/terms`, { headers: HEADERS });
    if (!termsResponse.ok) throw new Error(`terms answered ${termsResponse.status}`);
    const terms = RetailTermsSchema.parse(await termsResponse.json());
    const request = quoteRequestFor(terms);
    const body = JSON.stringify(request);
    const answer = await fetch(`${publicPath}/quotes`, { method: 'POST', headers: HEADERS, body });
    if (!answer.ok) throw new Error(`quote answered ${answer.status}: ${await answer.text()}`);
    const served = QuoteSchema.parse(await answer.json());

    const targets: Target[] = [
      { name: 'baseline: GET /healthz (the same service)', url: `${retail}/healthz` },
      { name: 'baseline: GET …/terms (rate limit, site CORS, cached terms)', url: `${publicPath}/terms` },
      {
        name: 'POST …/quotes (finance, trade, service contract)',
        url: `${publicPath}/quotes`,
        method: 'POST',
        body,
      },
    ];
    const { requests, connections, calls } = options.settings;
    console.log(`Retail: warming up, then ${requests} requests per scenario at ${connections} connections…`);
    for (const target of targets) await measure(target, Math.min(requests, 1_000), connections);
    const results: RetailLoadResult[] = [];
    for (const target of targets) {
      process.stdout.write(`  ${target.name}…\n`);
      results.push(await measure(target, requests, connections));
    }

    const input: QuoteInput = {
      vehicle: { priceCents: CAR.priceCents, msrpCents: CAR.msrpCents },
      structure: request.structure,
      trade: request.trade,
      terms,
    };
    const timed = timeQuoteDeal(input, calls);
    return formatRetailReport({
      results,
      microsPerCall: timed.microsPerCall,
      calls,
      sameFigures: JSON.stringify(QuoteSchema.parse(timed.quote)) === JSON.stringify(served),
      monthlyPaymentCents: served.finance?.monthlyPaymentCents ?? null,
      settings: options.settings,
    });
  } finally {
    service.kill('SIGTERM');
    await Promise.all([issuer.close(), peers.close()]);
  }
}
