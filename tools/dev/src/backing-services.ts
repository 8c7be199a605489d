// MySQL and Redis for `npm start`, `npm test` and the bench. When nothing answers at the configured
// addresses, they are brought up: with docker/compose.yml where Docker runs, else as private servers
// from the installed binaries (data under tmp/), else a message says what to install.
import { constants as osConstants } from 'node:os';
import { join, relative } from 'node:path';
import {
  composeServes,
  COMPOSE_FILE,
  probeDocker,
  startComposeServices,
  type DockerProbe,
} from './compose-stores';
import { startPrivateMysql } from './private-mysql';
import { startPrivateRedis } from './private-redis';
import { adoptOrphan, type PrivateServer } from './private-server';
import { WORKSPACE_ROOT } from './processes';
import { storeAddress } from './store-address';
import { defaultSearchDirs, findMysqlServer, findRedisServer, installCommand } from './server-binaries';
import { mysqlAnswers, portAnswers, redisAnswers, waitUntilAnswers } from './store-probes';

export interface BackingStores {
  mysqlUrl: string;
  redisUrl: string;
}

export function backingStoresFromEnv(env: NodeJS.ProcessEnv = process.env): BackingStores {
  return {
    mysqlUrl: env['SHOWROOM_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306',
    redisUrl: env['SHOWROOM_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0',
  };
}

type Store = 'mysql' | 'redis';
const STORES: Store[] = ['mysql', 'redis'];
const LABEL: Record<Store, string> = { mysql: 'MySQL', redis: 'Redis' };

export interface EnsureOptions {
  /** Where each line about what was started goes. */
  log?: (line: string) => void;
  /** The folder that holds `mysql-<port>/` and `redis-<port>/` (the workspace's tmp/). */
  dataRoot?: string;
  /** Folders searched for the servers and the package manager (PATH and the well-known ones). */
  searchDirs?: string[];
  docker?: DockerProbe;
  /** How long a server may take to answer once started (Docker's MySQL longer: it sets itself up first). */
  startTimeoutMs?: number;
}

export interface StartedStore {
  store: Store;
  /** E.g. "MariaDB on 127.0.0.1:3307", or "docker/compose.yml's mysql". */
  name: string;
  /** Its data folder, for private servers. */
  dir?: string;
  pid?: number;
}

export type EnsuredStores =
  | {
      ok: true;
      stores: BackingStores;
      /** running: both answered already; docker / private: this call started what was missing. */
      how: 'running' | 'docker' | 'private';
      started: StartedStore[];
      /** Stops what this call started (or took over), nothing else. */
      stop(): Promise<void>;
    }
  | { ok: false; stores: BackingStores; how: 'missing'; message: string };

const isLoopback = (url: string) => storeAddress(url).loopback;

const storeDir = (dataRoot: string, store: Store, url: string) =>
  join(dataRoot, `${store}-${storeAddress(url).port}`);

/** A folder as the user sees it: relative to the workspace when inside it. */
function shown(dir: string): string {
  const inWorkspace = relative(WORKSPACE_ROOT, dir);
  return inWorkspace.startsWith('..') ? dir : inWorkspace;
}

/** Makes sure MySQL and Redis answer at `stores`, starting them when nothing does (see the top). */
export async function ensureBackingStores(
  stores: BackingStores,
  options: EnsureOptions = {},
): Promise<EnsuredStores> {
  const log = options.log ?? console.log;
  const dataRoot = options.dataRoot ?? join(WORKSPACE_ROOT, 'tmp');
  const urls: Record<Store, string> = { mysql: stores.mysqlUrl, redis: stores.redisUrl };
  const answering = await Promise.all(STORES.map((store) => portAnswers(urls[store])));
  const missing = STORES.filter((_, i) => !answering[i]);

  // What answers may be a private server of an earlier run that died without stopping it.
  const adopted: Array<{ store: Store; server: PrivateServer }> = [];
  for (const store of STORES.filter((s) => !missing.includes(s) && isLoopback(urls[s]))) {
    const dir = storeDir(dataRoot, store, urls[store]);
    const server = adoptOrphan(`${LABEL[store]} at ${urls[store]}`, dir, join(dir, 'server.log'));
    if (!server) continue;
    adopted.push({ store, server });
    log(
      `Took over the ${server.name} (pid ${server.pid}) an earlier run left running; it stops with this one.`,
    );
  }
  const stopAdopted = async () => void (await Promise.all(adopted.map(({ server }) => server.stop())));
  const startedOf = (store: Store, server: PrivateServer): StartedStore => ({
    store,
    name: server.name,
    dir: server.dir,
    pid: server.pid,
  });
  // An open port is not yet a database Showroom can use: e.g. Debian's MariaDB lets root in only
  // through its unix socket, and the migrations would later fail with "Access denied".
  if (
    !missing.includes('mysql') &&
    !adopted.some(({ store }) => store === 'mysql') &&
    !(await mysqlAnswers(urls.mysql))
  ) {
    await stopAdopted();
    return { ok: false, stores, how: 'missing', message: refusedMessage(urls.mysql) };
  }

  if (missing.length === 0)
    return {
      ok: true,
      stores,
      how: 'running',
      started: adopted.map(({ store, server }) => startedOf(store, server)),
      stop: stopAdopted,
    };

  const nothingAt = `Nothing answered at ${missing.map((store) => urls[store]).join(' and ')}`;
  const reasons: string[] = [];

  // 1. Docker, when docker/compose.yml's services are what the addresses ask for.
  if (missing.every((store) => composeServes(store, urls[store]))) {
    const docker = await (options.docker ?? probeDocker)();
    if ('compose' in docker) {
      log(
        `${nothingAt}: starting ${COMPOSE_FILE}'s ${missing.join(' and ')} with Docker (the first time pulls their images)…`,
      );
      const startedAt = Date.now();
      const compose = await startComposeServices(docker.compose, missing, WORKSPACE_ROOT);
      try {
        await Promise.all(
          missing.map((store) =>
            waitUntilAnswers(
              `${COMPOSE_FILE}'s ${store}`,
              () => (store === 'mysql' ? mysqlAnswers : redisAnswers)(urls[store]),
              options.startTimeoutMs ?? 180_000,
            ),
          ),
        );
      } catch (error) {
        await compose.stop();
        throw error;
      }
      log(
        `${missing.map((store) => LABEL[store]).join(' and ')} run in Docker (${COMPOSE_FILE}, data in its volumes), ` +
          `healthy after ${((Date.now() - startedAt) / 1000).toFixed(1)} s; they stop when this stops.`,
      );
      return {
        ok: true,
        stores,
        how: 'docker',
        started: [
          ...adopted.map(({ store, server }) => startedOf(store, server)),
          ...missing.map((store) => ({ store, name: `${COMPOSE_FILE}'s ${store}` })),
        ],
        stop: async () => {
          await compose.stop();
          await stopAdopted();
        },
      };
    }
    reasons.push(`Docker: ${docker.unavailable}.`);
  } else {
    reasons.push(
      `Docker: ${COMPOSE_FILE} serves only mysql://root@127.0.0.1:3306 and redis://127.0.0.1:6379.`,
    );
  }

  // 2. Private servers from the installed binaries, at the configured addresses.
  const dirs = options.searchDirs ?? defaultSearchDirs();
  const mysqlServer = missing.includes('mysql') ? findMysqlServer(dirs) : undefined;
  const redisServer = missing.includes('redis') ? findRedisServer(dirs) : undefined;
  const notInstalled = missing.filter((store) => (store === 'mysql' ? !mysqlServer : !redisServer));
  const elsewhere = missing.filter((store) => !isLoopback(urls[store]));
  if (notInstalled.length === 0 && elsewhere.length === 0) {
    const starts = await Promise.allSettled(
      missing.map(async (store) => {
        const url = urls[store];
        const dir = storeDir(dataRoot, store, url);
        const timeout = options.startTimeoutMs;
        return store === 'mysql' && mysqlServer
          ? await startPrivateMysql({ url, dir, binaries: mysqlServer, startTimeoutMs: timeout })
          : await startPrivateRedis({ url, dir, server: redisServer as string, startTimeoutMs: timeout });
      }),
    );
    const servers = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
    const failed = starts.find((start) => start.status === 'rejected');
    const stop = async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await stopAdopted();
    };
    if (failed) {
      await stop();
      throw failed.reason;
    }
    const described = servers.map(
      (server) =>
        `${server.name} (data in ${shown(server.dir)}${'setUp' in server && server.setUp ? ', set up just now' : ''})`,
    );
    log(`${nothingAt}, so this started its own ${described.join(' and ')}; they stop when this stops.`);
    return {
      ok: true,
      stores,
      how: 'private',
      started: [
        ...adopted.map(({ store, server }) => startedOf(store, server)),
        ...servers.map((server) => startedOf(server.url.startsWith('redis') ? 'redis' : 'mysql', server)),
      ],
      stop,
    };
  }

  // 3. Nothing to start them with: say what to install.
  if (notInstalled.length > 0)
    reasons.push(
      `Not installed here: ${notInstalled.map((store) => (store === 'mysql' ? 'a MariaDB/MySQL server (mariadbd or mysqld)' : 'redis-server')).join(', ')}.`,
    );
  for (const store of elsewhere)
    reasons.push(`${urls[store]} is not this machine: servers are started only on 127.0.0.1/localhost.`);
  await stopAdopted();
  return {
    ok: false,
    stores,
    how: 'missing',
    message: missingMessage(stores, missing, reasons, notInstalled, dirs),
  };
}

/** A string as SQL writes it between single quotes. */
const sqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;
/** Text made safe inside a shell's double quotes: \, ", $ and ` lose their meaning. */
const inDoubleQuotes = (text: string): string => text.replace(/[\\"$`]/g, (character) => `\\${character}`);

/** What to do when something answers at the MySQL URL but refuses its user. */
export function refusedMessage(mysqlUrl: string): string {
  const { username, password } = new URL(mysqlUrl);
  const user = decodeURIComponent(username) || 'root';
  const statement = `ALTER USER ${sqlString(user)}@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD(${sqlString(decodeURIComponent(password))})`;
  return [
    '',
    `Something answers at ${mysqlUrl}, but it does not let ${user} in with the URL's password (or is not MySQL).`,
    'A system MariaDB (Debian, Ubuntu) lets root in only through its unix socket; either let it in over TCP, as .ci/run does:',
    `  sudo mariadb -e "${inDoubleQuotes(statement)}"`,
    'or point SHOWROOM_MYSQL_URL at a free port, where Showroom starts a private server of its own:',
    `  SHOWROOM_MYSQL_URL=mysql://root@127.0.0.1:3307 npm start`,
    '',
  ].join('\n');
}

function missingMessage(
  stores: BackingStores,
  missing: Store[],
  reasons: string[],
  notInstalled: Store[],
  dirs: string[],
): string {
  const urls: Record<Store, string> = { mysql: stores.mysqlUrl, redis: stores.redisUrl };
  const needed = missing.map((store) => `${LABEL[store]} at ${urls[store]}`).join(' and ');
  const lines = [
    '',
    `Showroom needs ${needed}, and nothing answers there. It starts them itself when it can, but not here:`,
    ...reasons.map((reason) => `  - ${reason}`),
    '',
  ];
  const docker = missing.every((store) => composeServes(store, urls[store]))
    ? [`  docker compose -f ${COMPOSE_FILE} up -d ${missing.join(' ')}`]
    : [];
  if (notInstalled.length > 0) {
    const packages = notInstalled
      .map((store) => (store === 'mysql' ? 'MariaDB (or MySQL)' : 'Redis'))
      .join(' and ');
    lines.push(
      'Install what is missing and run this again; it then starts private servers with their data under tmp/:',
      `  ${installCommand(notInstalled, dirs) ?? `(install ${packages} with your package manager)`}`,
    );
    if (docker.length > 0) lines.push('', 'or start Docker and run this again, which then runs:', ...docker);
  } else if (docker.length > 0) lines.push('Start Docker and run this again, which then runs:', ...docker);
  lines.push(
    '',
    'Or point SHOWROOM_MYSQL_URL (mysql://user:password@host:port) and SHOWROOM_REDIS_URL at servers of yours.',
    '',
  );
  return lines.join('\n');
}

/** Runs `work` with the stores answering (started for it if need be) and stops what was started afterwards. */
export async function withBackingStores<T>(
  stores: BackingStores,
  work: (stores: BackingStores) => Promise<T>,
  options: EnsureOptions = {},
): Promise<T> {
  const ensured = await ensureBackingStores(stores, options);
  if (!ensured.ok) throw new Error(ensured.message);
  // Ctrl-C or a kill in the middle of the work still stops what was started for it, then ends the
  // process as the signal would have.
  const onSignal = (signal: NodeJS.Signals) =>
    void ensured.stop().finally(() => process.exit(128 + (osConstants.signals[signal] ?? 0)));
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  try {
    return await work(ensured.stores);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    await ensured.stop();
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
