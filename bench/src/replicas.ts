// The replica part of the bench (issue #15): do heavy reads slow the primary's writes, and does a
// replica stop that? On a MariaDB primary and replica of its own (tools/dev/src/replica-pair.ts):
//   1. lead captures alone, at a fixed rate: the idle write p99;
//   2. the same captures while another process reads as fast as it can: vehicle lists and searches
//      through an inventory instance, and leads inbox pages and searches (the tables the captures
//      write) through a leads instance, both reading the primary (no replica configured);
//   3. the same through an inventory and a leads instance whose reader is the replica.
// Production gives the replica a machine of its own; here the two cores stand in for two machines:
// the primary, the leads service, this process's write load and a Redis of the bench's own on CPU 0,
// the read side (the inventory instances, the read load) and the replica on CPU 1, in every phase.
// What differs between phases 2 and 3 is only where the reads' SQL runs: on the primary's core, or
// on the replica's. Redis is pinned too: left free, the scheduler put it on the read side's busy core
// in some phases and not others, and that alone decided the write p99.
// Environment: BENCH_REPLICA_SECONDS (10),
// BENCH_REPLICA_WRITE_RATE (leads/s; by default half of what the write path takes when it is
// pushed alone, measured at the start: a p99 of a saturated path measures its queue, not the
// reads' effect), BENCH_REPLICA_READ_CONNECTIONS (10),
// BENCH_REPLICA_DEALERSHIPS (10), BENCH_REPLICA_VEHICLES_PER_DEALERSHIP (2000),
// BENCH_REPLICA_LEADS_PER_DEALERSHIP (2000), BENCH_REPLICA_ROUNDS (5).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createConnection, type Connection } from 'mysql2/promise';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { API_AUDIENCE, READ_DEALERSHIPS_SCOPE } from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { dropSchema } from '@showroom/server-mysql';
import { startDynamoLocal, startSmtpSink, startTestIssuer } from '@showroom/server-testing';
/* eslint-disable-next-line @nx/enforce-module-boundaries -- the same pair npm test starts, not a copy */
import { startReplicaPair } from '../../tools/dev/src/replica-pair';
/* eslint-disable-next-line @nx/enforce-module-boundaries -- the private Redis npm start uses */
import { startPrivateRedis, type PrivateRedis } from '../../tools/dev/src/private-redis';
/* eslint-disable-next-line @nx/enforce-module-boundaries -- how npm start finds redis-server */
import { defaultSearchDirs, findRedisServer } from '../../tools/dev/src/server-binaries';
import { startInventory, type InventoryInstance } from './inventory-instances';
import { leadCaptureScenarios } from './lead-scenarios';
import { dropBenchLeadsJobs, startBenchLeads } from './leads-instance';
import { drive, median, medianResult, type LoadResult } from './load';
import { benchDealership, finish, ROOT, start, waitFor } from './processes';
import { READ_LOAD_RESULT, type ReadLoadInput, type ReadLoadResult } from './read-load-input';
import { startUsersDirectory } from './users-directory';

const env = process.env;
const SECONDS = Number(env['BENCH_REPLICA_SECONDS'] ?? 10);
const CHOSEN_WRITE_RATE = env['BENCH_REPLICA_WRITE_RATE']
  ? Number(env['BENCH_REPLICA_WRITE_RATE'])
  : undefined;
/** The share of the write path's own capacity the fixed write rate takes, unless one is chosen. */
const WRITE_LOAD_SHARE = 0.5;
const WRITE_CONNECTIONS = 10;
const READ_CONNECTIONS = Number(env['BENCH_REPLICA_READ_CONNECTIONS'] ?? 10);
const DEALERSHIPS = Number(env['BENCH_REPLICA_DEALERSHIPS'] ?? 10);
const PER_DEALERSHIP = Number(env['BENCH_REPLICA_VEHICLES_PER_DEALERSHIP'] ?? 2000);
const LEADS_PER_DEALERSHIP = Number(env['BENCH_REPLICA_LEADS_PER_DEALERSHIP'] ?? 2000);
const GOAL_WRITE_P99_RATIO = 1.2;
/** Each phase is measured this many times, in turn, and reported by its medians: one run is noisy here. */
const ROUNDS = Number(env['BENCH_REPLICA_ROUNDS'] ?? 5);
const SERVICES_CLIENT = { id: 'showroom-services', secret: 'bench-services-secret' };
const QUEUE_PREFIX = 'bench-replica-leads';

export interface ReplicaBenchOptions {
  /**
   * The leads service's port; the two inventory instances, the users stand-in, the two leads
   * instances that serve the inbox reads and the bench's Redis take the six after it.
   */
  firstPort: number;
}

interface Phase {
  name: string;
  writes: LoadResult;
  reads?: ReadLoadResult;
  /** SELECTs per second each server ran meanwhile: where the reads really went. */
  selects: ServerSelects;
}

interface ServerSelects {
  primary: number;
  replica: number;
}

/** Counts the SELECTs each server of the pair runs (Com_select), around a phase. */
async function selectCounter(pair: { primaryUrl: string; replicaUrl: string }) {
  const [primary, replica] = await Promise.all([
    createConnection({ uri: pair.primaryUrl }),
    createConnection({ uri: pair.replicaUrl }),
  ]);
  const count = async (server: Connection) => {
    const [rows] = await server.query("SHOW GLOBAL STATUS LIKE 'Com_select'");
    return Number((rows as Array<{ Value: string }>)[0]?.Value);
  };
  const both = async () => ({ primary: await count(primary), replica: await count(replica) });
  return {
    async during<T>(work: () => Promise<T>): Promise<T & { selects: ServerSelects }> {
      const before = await both();
      const started = performance.now();
      const result = await work();
      const seconds = (performance.now() - started) / 1000;
      const after = await both();
      return {
        ...result,
        selects: {
          primary: (after.primary - before.primary) / seconds,
          replica: (after.replica - before.replica) / seconds,
        },
      };
    },
    close: () => Promise.all([primary.end(), replica.end()]),
  };
}

/** The cores of this machine's two stand-in machines: the primary's, and the replica's. */
const PRIMARY_MACHINE_CPU = '0';
const REPLICA_MACHINE_CPU = '1';

/**
 * Keeps every thread of a process on one core (`taskset --all-tasks`): the bench splits the two
 * cores into two machines, one for the primary and the write path, one for the read side and the
 * replica. Lower priorities alone (nice 19, SCHED_IDLE) still let the read side take both cores.
 */
function pinTo(cpu: string, pid: number | undefined): void {
  if (pid === undefined) return;
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpu, String(pid)], { stdio: 'ignore' });
}

/**
 * Seeds both schemas afresh on the primary (the replica follows): the pair's data directory outlives
 * a run, and seeding over an earlier run's schemas added their leads and unfinished outbox runs to it.
 */
async function seedOn(primaryUrl: string): Promise<void> {
  await Promise.all(
    ['showroom_bench_inventory', 'showroom_bench_leads'].map((schema) =>
      dropSchema(`${primaryUrl}/${schema}`),
    ),
  );
  const common = {
    BENCH_DEALERSHIPS: String(DEALERSHIPS),
    BENCH_VEHICLES_PER_DEALERSHIP: String(PER_DEALERSHIP),
  };
  const codes = await Promise.all([
    finish(
      start(['--import', 'tsx', 'services/inventory/src/bench-seed.ts'], {
        ...common,
        INVENTORY_DATABASE_URL: `${primaryUrl}/showroom_bench_inventory`,
      }),
    ),
    finish(
      start(['--import', 'tsx', 'services/leads/src/bench-seed.ts'], {
        ...common,
        LEADS_DATABASE_URL: `${primaryUrl}/showroom_bench_leads`,
        BENCH_LEADS_PER_DEALERSHIP: String(LEADS_PER_DEALERSHIP),
      }),
    ),
  ]);
  if (codes.some((code) => code !== 0)) throw new Error('seeding the replica pair failed');
}

/** Drives list and search reads from a child process (on the replica's core) while `during` runs; both results. */
async function withReadLoad(
  input: ReadLoadInput,
  during: () => Promise<LoadResult>,
): Promise<{ writes: LoadResult; reads: ReadLoadResult }> {
  let reads: ReadLoadResult | undefined;
  const child = start(
    ['--import', 'tsx', 'bench/src/read-load.ts'],
    { READ_LOAD: JSON.stringify(input) },
    (line) => {
      if (!line.startsWith(READ_LOAD_RESULT)) return false;
      reads = JSON.parse(line.slice(READ_LOAD_RESULT.length)) as ReadLoadResult;
      return true;
    },
  );
  pinTo(REPLICA_MACHINE_CPU, child.pid);
  // The reads are in full swing before the writes start, and go on a second after they stop.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const writes = await during();
  const code = await finish(child);
  if (!reads) throw new Error(`the read load printed no result (it exited with ${code})`);
  return { writes, reads };
}

/** The controls' loads: each uses the read side's core and shares nothing with the write path in software. */
const CONTROL_LOADS = {
  /** The core alone. */
  spin: 'for (;;) {}',
  /** The core, and the memory and caches under it too: random writes over 1 GiB, as a database's pages are walked. */
  memory:
    'const a = new Uint32Array(1 << 28); for (let i = 1; ; ) { i = (Math.imul(i, 1103515245) + 12345) & 0xfffffff; a[i]++; }',
};

/**
 * `during` while a process that runs only a control load (no database, no network) holds the read
 * side's core: how much the two cores, standing in for two machines, still slow each other when
 * nothing is shared but the hardware. The replica's phase cannot do better than these controls.
 */
async function besideControlLoad(
  load: keyof typeof CONTROL_LOADS,
  during: () => Promise<LoadResult>,
): Promise<LoadResult> {
  const spinner = start(['-e', CONTROL_LOADS[load]]);
  pinTo(REPLICA_MACHINE_CPU, spinner.pid);
  try {
    return await during();
  } finally {
    spinner.kill('SIGKILL');
  }
}

/** A Redis of the bench's own from the installed redis-server, its data under tmp/ like the pair's. */
async function startBenchRedis(port: number): Promise<PrivateRedis> {
  const server = findRedisServer(defaultSearchDirs());
  if (!server)
    throw new Error('The replica bench needs a Redis server on this machine: apt-get install redis-server.');
  return startPrivateRedis({
    url: `redis://127.0.0.1:${port}`,
    dir: join(ROOT, 'tmp', `redis-replica-bench-${port}`),
    server,
  });
}

export async function runReplicaBench({ firstPort }: ReplicaBenchOptions): Promise<string> {
  const ports = {
    leads: firstPort,
    inventoryOnPrimary: firstPort + 1,
    inventoryOnReplica: firstPort + 2,
    users: firstPort + 3,
    leadsReadsOnPrimary: firstPort + 4,
    leadsReadsOnReplica: firstPort + 5,
    redis: firstPort + 6,
  };
  if (availableParallelism() < 2)
    throw new Error('The replica bench splits two cores; this machine has one.');
  console.log(
    'Replicas: starting the MariaDB primary and replica (tools/dev/src/replica-pair.ts) and a Redis…',
  );
  const redis = await startBenchRedis(ports.redis);
  const pair = await startReplicaPair().catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  const redisUrl = redis.url;
  const stopped: InventoryInstance[] = [];
  const leadsInstances: ChildProcess[] = [];
  /** What the bench started beside the services, closed however it ends. */
  const closers: Array<() => Promise<unknown>> = [];
  try {
    pinTo(PRIMARY_MACHINE_CPU, pair.primary.pid);
    pinTo(REPLICA_MACHINE_CPU, pair.replica.pid);
    pinTo(PRIMARY_MACHINE_CPU, redis.pid);
    pinTo(PRIMARY_MACHINE_CPU, process.pid);
    console.log(
      `Replicas: seeding ${DEALERSHIPS} × ${PER_DEALERSHIP} vehicles and ${DEALERSHIPS} × ${LEADS_PER_DEALERSHIP} leads on the primary (once)…`,
    );
    await seedOn(pair.primaryUrl);
    const dealershipIds = Array.from({ length: DEALERSHIPS }, (_, i) => benchDealership(i + 1));
    const [issuer, dynamo, sink, users] = await Promise.all([
      startTestIssuer({
        clients: {
          [SERVICES_CLIENT.id]: { secret: SERVICES_CLIENT.secret, scopes: [READ_DEALERSHIPS_SCOPE] },
        },
      }),
      startDynamoLocal(),
      startSmtpSink(),
      startUsersDirectory(dealershipIds, ports.users),
    ]);
    closers.push(issuer.close, dynamo.close, sink.close, users.close);
    const auth = {
      AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
      AUTH_AUDIENCE: API_AUDIENCE,
      NODE_ENV: 'production',
      ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
      LOG_LEVEL: 'warn',
    };
    const leadsOn = (port: number, readerUrls?: string) =>
      startBenchLeads({
        port,
        databaseUrl: `${pair.primaryUrl}/showroom_bench_leads`,
        redisUrl,
        issuerBaseURL: issuer.issuerBaseURL,
        dynamoEndpoint: dynamo.endpoint,
        smtpUrl: sink.url,
        queuePrefix: QUEUE_PREFIX,
        ...(readerUrls ? { readerUrls } : {}),
      });
    // The instance that takes the captures, and two that only serve the inbox reads (on the read side's core).
    const leads = leadsOn(ports.leads);
    const inboxOnPrimary = leadsOn(ports.leadsReadsOnPrimary);
    const inboxOnReplica = leadsOn(ports.leadsReadsOnReplica, `${pair.replicaUrl}/showroom_bench_leads`);
    leadsInstances.push(leads, inboxOnPrimary, inboxOnReplica);
    const inventoryEnv = {
      ...auth,
      INVENTORY_DATABASE_URL: `${pair.primaryUrl}/showroom_bench_inventory`,
      REDIS_URL: redisUrl,
      USERS_API_URL: users.url,
      AUTH_CLIENT_ID: SERVICES_CLIENT.id,
      AUTH_CLIENT_SECRET: SERVICES_CLIENT.secret,
    };
    // SEARCH_ENGINE=mysql: every list page and search is SQL, the heaviest reads the service has.
    const onPrimary = startInventory('reads on the primary', ports.inventoryOnPrimary, 'mysql', inventoryEnv);
    const onReplica = startInventory('reads on the replica', ports.inventoryOnReplica, 'mysql', {
      ...inventoryEnv,
      INVENTORY_DATABASE_READER_URLS: `${pair.replicaUrl}/showroom_bench_inventory`,
    });
    stopped.push(onPrimary, onReplica);
    const leadsUrl = (port: number) => `http://127.0.0.1:${port}`;
    await Promise.all([
      ...[ports.leads, ports.leadsReadsOnPrimary, ports.leadsReadsOnReplica].map((port) =>
        waitFor(`${leadsUrl(port)}/readyz`),
      ),
      onPrimary.ready,
      onReplica.ready,
    ]);
    pinTo(PRIMARY_MACHINE_CPU, leads.pid);
    for (const instance of [onPrimary, onReplica, inboxOnPrimary, inboxOnReplica]) {
      pinTo(REPLICA_MACHINE_CPU, instance.pid);
    }

    const token = await issuer.tokenFor({
      sub: 'auth0|bench-replica-reader',
      memberships: dealershipIds.map((dealershipId) => ({ dealershipId, role: 'viewer' as const })),
    });
    const [captures] = leadCaptureScenarios(`http://127.0.0.1:${ports.leads}`, dealershipIds);
    if (!captures) throw new Error('no lead capture scenario');
    // Warm-up, and the write path's capacity on its core: captures as fast as they are answered.
    const capacity = await drive(captures, { seconds: 5, connections: WRITE_CONNECTIONS });
    const writeRate =
      CHOSEN_WRITE_RATE ??
      Math.max(10, Math.round((capacity.requestsPerSecond * WRITE_LOAD_SHARE) / 10) * 10);
    const writeLoad = () =>
      drive(captures, { seconds: SECONDS, connections: WRITE_CONNECTIONS, overallRate: writeRate });
    const readInput = (url: string, inboxPort: number): ReadLoadInput => ({
      url,
      leadsUrl: leadsUrl(inboxPort),
      token,
      dealershipIds,
      seconds: SECONDS + 2,
      connections: READ_CONNECTIONS,
    });

    console.log(
      `Replicas: the write path alone took ${capacity.requestsPerSecond.toFixed(0)} leads/s; ${ROUNDS} rounds of ${writeRate} leads/s for ${SECONDS} s alone, then beside reads on each instance…`,
    );
    const rounds: Phase[][] = [];
    const selects = await selectCounter(pair);
    closers.push(selects.close);
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push([
        {
          name: 'lead captures alone (idle)',
          ...(await selects.during(async () => ({ writes: await writeLoad() }))),
        },
        {
          name: 'beside heavy reads on the primary',
          ...(await selects.during(() =>
            withReadLoad(readInput(onPrimary.url, ports.leadsReadsOnPrimary), writeLoad),
          )),
        },
        {
          name: 'beside heavy reads on the replica',
          ...(await selects.during(() =>
            withReadLoad(readInput(onReplica.url, ports.leadsReadsOnReplica), writeLoad),
          )),
        },
        {
          name: 'control: a busy loop on the read core',
          ...(await selects.during(async () => ({ writes: await besideControlLoad('spin', writeLoad) }))),
        },
        {
          name: 'control: a memory walk on the read core',
          ...(await selects.during(async () => ({ writes: await besideControlLoad('memory', writeLoad) }))),
        },
      ]);
    }
    const phases = (rounds[0] ?? []).map((phase, i) =>
      medianPhase(
        phase.name,
        rounds.map((r) => r[i] as Phase),
      ),
    );
    return formatReplicaTable(phases, { writeRate, capacity: capacity.requestsPerSecond });
  } finally {
    for (const instance of stopped) instance.stop();
    for (const instance of leadsInstances) instance.kill('SIGTERM');
    await Promise.all(leadsInstances.map(finish));
    await Promise.allSettled(closers.map((close) => close()));
    await pair.stop();
    await dropBenchLeadsJobs(redisUrl, QUEUE_PREFIX);
    await redis.stop();
    pinTo(`0-${availableParallelism() - 1}`, process.pid);
  }
}

function medianPhase(name: string, measured: Phase[]): Phase {
  const reads = measured.flatMap((phase) => (phase.reads ? [phase.reads] : []));
  return {
    name,
    writes: medianResult(measured.map((phase) => phase.writes)),
    selects: {
      primary: median(measured.map((phase) => phase.selects.primary)),
      replica: median(measured.map((phase) => phase.selects.replica)),
    },
    ...(reads.length > 0
      ? {
          reads: {
            vehicles: medianResult(reads.map((r) => r.vehicles)),
            inbox: medianResult(reads.map((r) => r.inbox)),
          },
        }
      : {}),
  };
}

/** "+12%": how many more reads per second than `base`. */
const gain = (more: number | undefined, base: number | undefined) =>
  `${(((more ?? NaN) / (base ?? NaN) - 1) * 100).toFixed(0)}%`;

function formatReplicaTable(phases: Phase[], writes: { writeRate: number; capacity: number }): string {
  const idle = phases[0]?.writes.p99 ?? NaN;
  const header = `${'lead capture writes'.padEnd(41)}${'leads/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'× idle p99'.padStart(12)}${'vehicle reads/s'.padStart(17)}${'inbox reads/s'.padStart(15)}${'SELECTs/s primary'.padStart(19)}${'replica'.padStart(9)}${'failed'.padStart(8)}`;
  const lines = phases.map((phase) => {
    const { writes, reads } = phase;
    const ratio = writes.p99 / idle;
    const failed = writes.failures + (reads ? reads.vehicles.failures + reads.inbox.failures : 0);
    return `${phase.name.padEnd(41)}${writes.requestsPerSecond.toFixed(0).padStart(9)}${String(writes.p50).padStart(8)}${String(writes.p99).padStart(8)}${ratio.toFixed(2).padStart(12)}${(reads ? reads.vehicles.requestsPerSecond.toFixed(0) : '–').padStart(17)}${(reads ? reads.inbox.requestsPerSecond.toFixed(0) : '–').padStart(15)}${phase.selects.primary.toFixed(0).padStart(19)}${phase.selects.replica.toFixed(0).padStart(9)}${String(failed).padStart(8)}`;
  });
  const [, onPrimary, withReplica, spinning, walkingMemory] = phases;
  const timesIdle = (phase: Phase | undefined) => ((phase?.writes.p99 ?? NaN) / idle).toFixed(2);
  const verdict = withReplica
    ? `With the replica the write p99 is ${timesIdle(withReplica)}× idle (goal ≤ ${GOAL_WRITE_P99_RATIO}×; ` +
      `a busy loop alone on the read core makes it ${timesIdle(spinning)}×, a memory walk ${timesIdle(walkingMemory)}×); ` +
      `per second, ${gain(withReplica.reads?.vehicles.requestsPerSecond, onPrimary?.reads?.vehicles.requestsPerSecond)} more vehicle reads and ` +
      `${gain(withReplica.reads?.inbox.requestsPerSecond, onPrimary?.reads?.inbox.requestsPerSecond)} more inbox reads than on the primary.`
    : '';
  return [
    `Replicas: writes at a fixed ${writes.writeRate} leads/s (${WRITE_CONNECTIONS} connections; the write path alone took ${writes.capacity.toFixed(0)} leads/s) while another process reads as fast as it can (${READ_CONNECTIONS} connections: half vehicle lists and searches, half leads inbox pages and searches); the primary and the write path on CPU ${PRIMARY_MACHINE_CPU}, the read side and the replica on CPU ${REPLICA_MACHINE_CPU}. Medians of ${ROUNDS} rounds of ${SECONDS} s.`,
    header,
    ...lines,
    verdict,
  ].join('\n');
}
