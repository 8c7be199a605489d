// The replica part of the bench (issue #15): do heavy reads slow the primary's writes, and does a
// replica stop that? On a MariaDB primary and replica of its own (tools/dev/src/replica-pair.ts):
//   1. lead captures alone, at a fixed rate: the idle write p99;
//   2. the same captures while another process drives list and search reads as fast as it can
//      through an inventory instance that reads the primary (no replica configured);
//   3. the same through an inventory instance whose reader is the replica.
// Production gives the replica a machine of its own; here the two cores stand in for two machines:
// the primary, the leads service and this process's write load on CPU 0, the read side (the
// inventory instances, the read load) and the replica on CPU 1, in every phase. What differs between
// phases 2 and 3 is only where the reads' SQL runs: on the primary's core, or on the replica's.
// Environment: BENCH_REPLICA_SECONDS (10),
// BENCH_REPLICA_WRITE_RATE (leads/s, 150), BENCH_REPLICA_READ_CONNECTIONS (10),
// BENCH_REPLICA_DEALERSHIPS (10), BENCH_REPLICA_VEHICLES_PER_DEALERSHIP (2000), BENCH_REPLICA_ROUNDS (3).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { API_AUDIENCE, READ_DEALERSHIPS_SCOPE } from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { startDynamoLocal, startSmtpSink, startTestIssuer } from '@showroom/server-testing';
/* eslint-disable-next-line @nx/enforce-module-boundaries -- the same pair npm test starts, not a copy */
import { startReplicaPair } from '../../tools/dev/src/replica-pair';
import { startInventory, type InventoryInstance } from './inventory-instances';
import { leadCaptureScenarios } from './lead-scenarios';
import { dropBenchLeadsJobs, startBenchLeads } from './leads-instance';
import { drive, medianResult, type LoadResult } from './load';
import { benchDealership, finish, start, waitFor } from './processes';
import { READ_LOAD_RESULT, type ReadLoadInput } from './read-load-input';
import { startUsersDirectory } from './users-directory';

const env = process.env;
const SECONDS = Number(env['BENCH_REPLICA_SECONDS'] ?? 10);
const WRITE_RATE = Number(env['BENCH_REPLICA_WRITE_RATE'] ?? 150);
const WRITE_CONNECTIONS = 10;
const READ_CONNECTIONS = Number(env['BENCH_REPLICA_READ_CONNECTIONS'] ?? 10);
const DEALERSHIPS = Number(env['BENCH_REPLICA_DEALERSHIPS'] ?? 10);
const PER_DEALERSHIP = Number(env['BENCH_REPLICA_VEHICLES_PER_DEALERSHIP'] ?? 2000);
const GOAL_WRITE_P99_RATIO = 1.2;
/** Each phase is measured this many times, in turn, and reported by its medians: one run is noisy here. */
const ROUNDS = Number(env['BENCH_REPLICA_ROUNDS'] ?? 3);
const SERVICES_CLIENT = { id: 'showroom-services', secret: 'bench-services-secret' };
const QUEUE_PREFIX = 'bench-replica-leads';

export interface ReplicaBenchOptions {
  redisUrl: string;
  /** The leads service's port; the two inventory instances and the users stand-in take the three after it. */
  firstPort: number;
}

interface Phase {
  name: string;
  writes: LoadResult;
  reads?: LoadResult;
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

async function seedOn(primaryUrl: string): Promise<void> {
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
      }),
    ),
  ]);
  if (codes.some((code) => code !== 0)) throw new Error('seeding the replica pair failed');
}

/** Drives list and search reads from a child process (on the replica's core) while `during` runs; both results. */
async function withReadLoad(
  input: ReadLoadInput,
  during: () => Promise<LoadResult>,
): Promise<{ writes: LoadResult; reads: LoadResult }> {
  let reads: LoadResult | undefined;
  const child = start(
    ['--import', 'tsx', 'bench/src/read-load.ts'],
    { READ_LOAD: JSON.stringify(input) },
    (line) => {
      if (!line.startsWith(READ_LOAD_RESULT)) return false;
      reads = JSON.parse(line.slice(READ_LOAD_RESULT.length)) as LoadResult;
      return true;
    },
  );
  pinTo(REPLICA_MACHINE_CPU, child.pid);
  // The reads are in full swing before the writes start, and go on a second after they stop.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const writes = await during();
  await finish(child);
  if (!reads) throw new Error('the read load printed no result');
  return { writes, reads };
}

export async function runReplicaBench({ redisUrl, firstPort }: ReplicaBenchOptions): Promise<string> {
  const ports = {
    leads: firstPort,
    inventoryOnPrimary: firstPort + 1,
    inventoryOnReplica: firstPort + 2,
    users: firstPort + 3,
  };
  console.log('Replicas: starting the MariaDB primary and replica (tools/dev/src/replica-pair.ts)…');
  const pair = await startReplicaPair();
  const stopped: InventoryInstance[] = [];
  let leads: ChildProcess | undefined;
  try {
    if (availableParallelism() < 2)
      throw new Error('The replica bench splits two cores; this machine has one.');
    pinTo(PRIMARY_MACHINE_CPU, pair.primary.pid);
    pinTo(REPLICA_MACHINE_CPU, pair.replica.pid);
    pinTo(PRIMARY_MACHINE_CPU, process.pid);
    console.log(`Replicas: seeding ${DEALERSHIPS} × ${PER_DEALERSHIP} vehicles on the primary (once)…`);
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
    const auth = {
      AUTH_ISSUER_BASE_URL: issuer.issuerBaseURL,
      AUTH_AUDIENCE: API_AUDIENCE,
      NODE_ENV: 'production',
      ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
      LOG_LEVEL: 'warn',
    };
    leads = startBenchLeads({
      port: ports.leads,
      databaseUrl: `${pair.primaryUrl}/showroom_bench_leads`,
      redisUrl,
      issuerBaseURL: issuer.issuerBaseURL,
      dynamoEndpoint: dynamo.endpoint,
      smtpUrl: sink.url,
      queuePrefix: QUEUE_PREFIX,
    });
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
    await Promise.all([waitFor(`http://127.0.0.1:${ports.leads}/readyz`), onPrimary.ready, onReplica.ready]);
    pinTo(PRIMARY_MACHINE_CPU, leads.pid);
    for (const instance of [onPrimary, onReplica]) pinTo(REPLICA_MACHINE_CPU, instance.pid);

    const token = await issuer.tokenFor({
      sub: 'auth0|bench-replica-reader',
      memberships: dealershipIds.map((dealershipId) => ({ dealershipId, role: 'viewer' as const })),
    });
    const [captures] = leadCaptureScenarios(`http://127.0.0.1:${ports.leads}`, dealershipIds);
    if (!captures) throw new Error('no lead capture scenario');
    const writeLoad = () =>
      drive(captures, { seconds: SECONDS, connections: WRITE_CONNECTIONS, overallRate: WRITE_RATE });
    const readInput = (url: string): ReadLoadInput => ({
      url,
      token,
      dealershipIds,
      seconds: SECONDS + 2,
      connections: READ_CONNECTIONS,
    });

    console.log(
      `Replicas: ${ROUNDS} rounds of ${WRITE_RATE} leads/s for ${SECONDS} s alone, then beside reads on each instance…`,
    );
    await drive(captures, { seconds: 5, connections: WRITE_CONNECTIONS, overallRate: WRITE_RATE }); // warm-up
    const rounds: Phase[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push([
        { name: 'lead captures alone (idle)', writes: await writeLoad() },
        {
          name: 'beside list/search reads on the primary',
          ...(await withReadLoad(readInput(onPrimary.url), writeLoad)),
        },
        {
          name: 'beside list/search reads on the replica',
          ...(await withReadLoad(readInput(onReplica.url), writeLoad)),
        },
      ]);
    }
    const phases = (rounds[0] ?? []).map((phase, i) =>
      medianPhase(
        phase.name,
        rounds.map((r) => r[i] as Phase),
      ),
    );
    await Promise.all([issuer.close(), dynamo.close(), sink.close(), users.close()]);
    return formatReplicaTable(phases);
  } finally {
    for (const instance of stopped) instance.stop();
    leads?.kill('SIGTERM');
    if (leads && leads.exitCode === null) await finish(leads);
    await pair.stop();
    await dropBenchLeadsJobs(redisUrl, QUEUE_PREFIX);
    pinTo(`0-${availableParallelism() - 1}`, process.pid);
  }
}

function medianPhase(name: string, measured: Phase[]): Phase {
  const reads = measured.flatMap((phase) => (phase.reads ? [phase.reads] : []));
  return {
    name,
    writes: medianResult(measured.map((phase) => phase.writes)),
    ...(reads.length > 0 ? { reads: medianResult(reads) } : {}),
  };
}

export function formatReplicaTable(phases: Phase[]): string {
  const idle = phases[0]?.writes.p99 ?? NaN;
  const readsOnPrimary = phases[1]?.reads?.requestsPerSecond ?? NaN;
  const header = `${'lead capture writes'.padEnd(42)}${'leads/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'× idle p99'.padStart(12)}${'reads/s'.padStart(9)}${'failed'.padStart(8)}`;
  const lines = phases.map((phase) => {
    const { writes, reads } = phase;
    const ratio = writes.p99 / idle;
    return `${phase.name.padEnd(42)}${writes.requestsPerSecond.toFixed(0).padStart(9)}${String(writes.p50).padStart(8)}${String(writes.p99).padStart(8)}${ratio.toFixed(2).padStart(12)}${(reads ? reads.requestsPerSecond.toFixed(0) : '–').padStart(9)}${String(writes.failures + (reads?.failures ?? 0)).padStart(8)}`;
  });
  const withReplica = phases[2];
  const verdict = withReplica
    ? `With the replica the write p99 is ${(withReplica.writes.p99 / idle).toFixed(2)}× idle (goal ≤ ${GOAL_WRITE_P99_RATIO}×); ` +
      `reads ${(((withReplica.reads?.requestsPerSecond ?? NaN) / readsOnPrimary - 1) * 100).toFixed(0)}% more per second than on the primary.`
    : '';
  return [
    `Replicas: writes at a fixed ${WRITE_RATE} leads/s (${WRITE_CONNECTIONS} connections) while another process reads as fast as it can (${READ_CONNECTIONS} connections); the primary and the write path on CPU ${PRIMARY_MACHINE_CPU}, the read side and the replica on CPU ${REPLICA_MACHINE_CPU}. Medians of ${ROUNDS} rounds of ${SECONDS} s.`,
    header,
    ...lines,
    verdict,
  ].join('\n');
}
