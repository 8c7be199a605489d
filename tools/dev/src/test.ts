// `npm test`: lint, type checks, unit and integration tests, builds, then the Protractor e2e suite
// against the whole platform started on its own ports and throwaway schemas.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  backingStoresFromEnv,
  ensureBackingStores,
  type BackingStores,
  type EnsuredStores,
} from './backing-services';
import { BUILD_APPS_ARGS, NX_BIN, NX_ENV } from './build';
import { startThrowawayPlatform } from './platform';
import { FailureDigest } from './failure-digest';
import { E2E_PORTS, E2E_SCHEMAS } from './ports';
import { WORKSPACE_ROOT } from './processes';
import { startReplicaPair, type ReplicaPair } from './replica-pair';

interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
}

/**
 * The failed tests of every run, repeated after the summary: CI keeps only the log's tail. One
 * digest per run, so two runs side by side do not mix up their failures and reasons.
 */
const digests: FailureDigest[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  const failures = new FailureDigest();
  digests.push(failures);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: WORKSPACE_ROOT,
      stdio: ['inherit', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...NX_ENV,
        // tsx's --tsconfig reaches children as a relative path; tests run from their project's folder
        // (and the leads ADF worker thread loads its source through tsx), so hand them the absolute one.
        TSX_TSCONFIG_PATH: join(WORKSPACE_ROOT, 'tsconfig.base.json'),
        ...env,
      },
    });
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      from.pipe(to, { end: false });
      createInterface({ input: from }).on('line', (line) => failures.consider(line));
    }
    child.once('close', (code) => resolve(code === 0));
  });
}

const nxArgs = (...args: string[]) => [NX_BIN, ...args, '--output-style=static'];
const nx = (...args: string[]) => run(process.execPath, nxArgs(...args));

/**
 * The MySQL and Redis of the whole run: TEST_MYSQL_URL / TEST_REDIS_URL when given (CI's), else
 * SHOWROOM_MYSQL_URL / SHOWROOM_REDIS_URL, else the defaults; started for the run when nothing
 * answers there, and stopped at its end.
 */
let backing: Promise<EnsuredStores> | undefined;

async function backingStores(): Promise<BackingStores | undefined> {
  const env = process.env;
  backing ??= ensureBackingStores(
    backingStoresFromEnv({
      SHOWROOM_MYSQL_URL: env['TEST_MYSQL_URL'] ?? env['SHOWROOM_MYSQL_URL'],
      SHOWROOM_REDIS_URL: env['TEST_REDIS_URL'] ?? env['SHOWROOM_REDIS_URL'],
    }),
  );
  const ensured = await backing;
  if (ensured.ok) return ensured.stores;
  console.error(ensured.message);
  return undefined;
}

/** The MariaDB primary and replica of the read-replica tests, started for the unit step. */
let replicaPair: Promise<ReplicaPair> | undefined;

async function stopBackingStores(): Promise<void> {
  await (await replicaPair?.catch(() => undefined))?.stop();
  const ensured = await backing?.catch(() => undefined);
  if (ensured?.ok) await ensured.stop();
}

/** Unit and integration tests, each test file on a schema of its own on the run's MySQL (libs/server/testing). */
async function unitAndIntegrationTests(): Promise<boolean> {
  const stores = await backingStores();
  if (!stores) return false;
  replicaPair ??= startReplicaPair();
  const pair = await replicaPair;
  // test-server: the storefront's server tests, against its built server (the target builds it first).
  // The image tests (docker) run beside the browser stories instead (endToEnd).
  return run(
    process.execPath,
    nxArgs('run-many', '-t', 'test', 'test-server', '--parallel=2', '--exclude=docker'),
    {
      TEST_MYSQL_URL: stores.mysqlUrl,
      TEST_REDIS_URL: stores.redisUrl,
      TEST_MYSQL_PRIMARY_URL: pair.primaryUrl,
      TEST_MYSQL_REPLICA_URL: pair.replicaUrl,
    },
  );
}

/** How long e2e waits for the demo sites to be provisioned before it runs the stories anyway. */
const SITES_LIVE_WITHIN_MS = 90_000;

/**
 * The container images' tests (docker/tests): five `npm ci --omit=dev` and server starts, CPU-bound
 * work of about three minutes that fits beside the browser stories, which leave a core mostly idle.
 */
function imageTests(stores: BackingStores): Promise<boolean> {
  return run(process.execPath, nxArgs('run', 'docker:test'), {
    TEST_MYSQL_URL: stores.mysqlUrl,
    TEST_REDIS_URL: stores.redisUrl,
  });
}

/** The Protractor stories, and the image tests beside them (not when only chosen stories run). */
async function endToEnd(): Promise<boolean> {
  const stores = await backingStores();
  if (!stores) return false;
  // The platform serves the built portal and storefront (from Nx's cache after `npm test`'s build
  // step). Built before the image tests start, so two Nx runs never build at once.
  if (!(await nx(...BUILD_APPS_ARGS))) return false;
  if (process.env['E2E_SPECS']) return browserStories(stores);
  const [images, stories] = await Promise.all([imageTests(stores), browserStories(stores)]);
  return images && stories;
}

async function browserStories(stores: BackingStores): Promise<boolean> {
  // e2e's schemas are dropped before it starts and after it stops: every run begins with the fresh demo.
  const platform = await startThrowawayPlatform({
    ports: E2E_PORTS,
    schemas: E2E_SCHEMAS,
    stores,
    echo: false,
    logLevel: 'warn',
  });
  try {
    // The website stories need the demo sites live (published, and their origins allowed to post leads).
    const notLive = (await platform.demoSites(SITES_LIVE_WITHIN_MS)).filter((site) => site.state !== 'live');
    for (const site of notLive) console.warn(`e2e: the site of ${site.name} is not live (${site.state})`);
    return await run(
      process.execPath,
      [
        join(WORKSPACE_ROOT, 'node_modules/protractor/bin/protractor'),
        'e2e/protractor.conf.cjs',
        // E2E_SPECS=e2e/specs/a.e2e.ts,e2e/specs/b.e2e.ts runs only those stories.
        ...(process.env['E2E_SPECS'] ? ['--specs', process.env['E2E_SPECS']] : []),
      ],
      {
        E2E_BASE_URL: platform.portalUrl,
        // Where the dealer websites of this platform answer (http://{slug}.localhost:4500).
        E2E_SITE_URL_TEMPLATE: platform.siteUrl('{slug}'),
      },
    );
  } finally {
    await platform.stop();
  }
}

const STEPS: Array<[string, () => Promise<boolean>]> = [
  [
    'format',
    () =>
      run(process.execPath, [
        join(WORKSPACE_ROOT, 'node_modules/prettier/bin/prettier.cjs'),
        '--check',
        '.',
        '--log-level=warn',
      ]),
  ],
  // One Nx run for both, so one's last slow project overlaps the other's.
  ['lint and typecheck', () => nx('run-many', '-t', 'lint', 'typecheck')],
  ['unit and integration tests', unitAndIntegrationTests],
  ['build', () => nx('run-many', '-t', 'build')],
  ['e2e (Protractor) and image tests', endToEnd],
];

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void stopBackingStores().finally(() => process.exit(130)));
  const only = process.argv.slice(2);
  const results: StepResult[] = [];
  for (const [name, step] of STEPS) {
    if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
    console.log(`\n━━ ${name} ━━`);
    const started = Date.now();
    const ok = await step().catch((error: unknown) => {
      console.error(`${name} failed: ${(error as Error).message}`);
      return false;
    });
    results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
    if (!ok) break;
  }
  await stopBackingStores();
  console.log('\n━━ summary ━━');
  for (const r of results)
    console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(28)} ${r.seconds.toFixed(1)} s`);
  const failed = digests.flatMap((digest) => digest.lines());
  if (failed.length > 0) console.log(`\n━━ failed tests ━━\n${failed.join('\n')}`);
  process.exit(results.every((r) => r.ok) && results.length > 0 ? 0 : 1);
}

void main();
