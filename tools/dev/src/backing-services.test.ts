import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { freePort } from '@showroom/server-testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ensureBackingStores,
  refusedMessage,
  type BackingStores,
  type EnsuredStores,
} from './backing-services';
import { COMPOSE_FILE, COMPOSE_PORTS, type DockerProbe } from './compose-stores';
import { startPrivateMysql, type PrivateMysqlOptions } from './private-mysql';
import { isAlive, PID_FILE } from './private-server';
import { defaultSearchDirs, findMysqlServer, findRedisServer, installCommand } from './server-binaries';
import { WORKSPACE_ROOT } from './processes';
import { portAnswers } from './store-probes';

const noDocker: DockerProbe = async () => ({ unavailable: 'not installed (test)' });

/** Something that accepts connections, standing in for a store that already runs. */
async function listener(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

function expectStarted(ensured: EnsuredStores): asserts ensured is Extract<EnsuredStores, { ok: true }> {
  if (!ensured.ok) throw new Error(ensured.message);
}

const dirs = defaultSearchDirs();
const installed = Boolean(findMysqlServer(dirs) && findRedisServer(dirs));

// CI machines have the servers (.ci/run installs them); a laptop that uses Docker instead may not.
describe.skipIf(!installed && !process.env['CI'])(
  'private MySQL and Redis from the installed servers',
  () => {
    let root: string;
    let stores: BackingStores;
    let lines: string[];
    const ensured: EnsuredStores[] = [];
    /** Every run is also stopped at the end, so a failed expectation leaves no server behind. */
    const ensure = async (wanted: BackingStores) => {
      const result = await ensureBackingStores(wanted, {
        log: (line: string) => lines.push(line),
        dataRoot: root,
        docker: noDocker,
      });
      ensured.push(result);
      expectStarted(result);
      return result;
    };

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'showroom-stores-'));
      stores = {
        mysqlUrl: `mysql://root@127.0.0.1:${await freePort()}`,
        redisUrl: `redis://127.0.0.1:${await freePort()}/0`,
      };
    });
    afterAll(async () => {
      for (const result of ensured) if (result.ok) await result.stop();
      rmSync(root, { recursive: true, force: true });
    });

    it('starts both where nothing answers, keeps their data between runs, and stops them', async () => {
      lines = [];
      const first = await ensure(stores);
      expect(first.how).toBe('private');
      const mysqlPort = new URL(stores.mysqlUrl).port;
      const redisPort = new URL(stores.redisUrl).port;
      expect(lines.join('\n')).toContain(
        `127.0.0.1:${mysqlPort} (data in ${join(root, `mysql-${mysqlPort}`)}, set up just now)`,
      );
      expect(lines.join('\n')).toContain(
        `Redis on 127.0.0.1:${redisPort} (data in ${join(root, `redis-${redisPort}`)})`,
      );

      const mysql = await createConnection({ uri: stores.mysqlUrl });
      await mysql.query('CREATE DATABASE kept CHARACTER SET utf8mb4');
      await mysql.query('CREATE TABLE kept.notes (body VARCHAR(40))');
      await mysql.query("INSERT INTO kept.notes VALUES ('still here')");
      await mysql.end();
      const redis = new Redis(stores.redisUrl);
      await redis.set('kept', 'still here too');
      redis.disconnect();

      await first.stop();
      expect(await portAnswers(stores.mysqlUrl)).toBe(false);
      expect(await portAnswers(stores.redisUrl)).toBe(false);
      for (const started of first.started) expect(isAlive(started.pid as number)).toBe(false);

      lines = [];
      const second = await ensure(stores);
      try {
        expect(lines.join('\n')).not.toContain('set up just now');
        const again = await createConnection({ uri: stores.mysqlUrl });
        const [rows] = await again.query('SELECT body FROM kept.notes');
        await again.end();
        expect(rows).toEqual([{ body: 'still here' }]);
        const redisAgain = new Redis(stores.redisUrl);
        expect(await redisAgain.get('kept')).toBe('still here too');
        redisAgain.disconnect();
      } finally {
        await second.stop();
      }
    }, 120_000);

    it('starts again after a run that died: a crashed server, and one left running without its owner', async () => {
      const crashed = await ensure(stores);
      // Both servers die without cleaning up (pid files, socket and owner records stay behind).
      for (const { pid } of crashed.started) process.kill(pid as number, 'SIGKILL');
      await expect.poll(() => crashed.started.every(({ pid }) => !isAlive(pid as number))).toBe(true);

      const restarted = await ensure(stores);
      expect(restarted.how).toBe('private');
      // The run that started them dies: its owner records now name a process that is gone.
      for (const store of ['mysql', 'redis']) {
        const port = new URL(store === 'mysql' ? stores.mysqlUrl : stores.redisUrl).port;
        const ownerFile = join(root, `${store}-${port}`, 'owner.json');
        const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as { serverPid: number };
        writeFileSync(ownerFile, JSON.stringify({ ...owner, ownerPid: 2 ** 22 + 1 }));
      }

      lines = [];
      const next = await ensure(stores);
      expect(next.how).toBe('running');
      expect(next.started.map(({ pid }) => pid).sort()).toEqual(
        restarted.started.map(({ pid }) => pid).sort(),
      );
      expect(lines.join('\n')).toContain('an earlier run left running');
      await next.stop();
      expect(await portAnswers(stores.mysqlUrl)).toBe(false);
      expect(await portAnswers(stores.redisUrl)).toBe(false);
    }, 120_000);

    it('stops what it started for a piece of work when the run is interrupted in the middle of it', async () => {
      // A bench or the screenshots run interrupted by Ctrl-C: a process of its own, sent SIGINT.
      const script = join(root, 'interrupted-work.mts');
      writeFileSync(
        script,
        [
          `import { withBackingStores } from ${JSON.stringify(join(import.meta.dirname, 'backing-services.ts'))};`,
          `await withBackingStores(${JSON.stringify(stores)}, async () => {`,
          `  console.log('working');`,
          `  await new Promise(() => undefined);`,
          `}, { dataRoot: ${JSON.stringify(root)}, docker: async () => ({ unavailable: 'test' }), log: () => undefined });`,
        ].join('\n'),
      );
      const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'node_modules/tsx/dist/cli.mjs'), script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (data: Buffer) => data.includes('working') && resolve()),
      );
      expect(await portAnswers(stores.mysqlUrl)).toBe(true);
      expect(await portAnswers(stores.redisUrl)).toBe(true);

      try {
        child.kill('SIGINT');
        expect(await exited).toBe(130);
        expect(await portAnswers(stores.mysqlUrl)).toBe(false);
        expect(await portAnswers(stores.redisUrl)).toBe(false);
      } finally {
        child.kill('SIGKILL');
        // Whatever the interrupted run left running (the test failed) is stopped by its pid file.
        for (const store of ['mysql', 'redis']) {
          const port = new URL(store === 'mysql' ? stores.mysqlUrl : stores.redisUrl).port;
          const pidFile = join(root, `${store}-${port}`, PID_FILE);
          const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
          if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGTERM');
        }
      }
    }, 120_000);

    it('runs the same data folder as a replication primary or a read-only replica would', async () => {
      const port = new URL(stores.mysqlUrl).port;
      const dir = join(root, `mysql-${port}`);
      const binaries = findMysqlServer(dirs);
      if (!binaries) throw new Error('no MariaDB/MySQL server installed');
      const settings = async (options: Partial<PrivateMysqlOptions>) => {
        const server = await startPrivateMysql({ url: stores.mysqlUrl, dir, binaries, ...options });
        try {
          const connection = await createConnection({ uri: stores.mysqlUrl });
          const [[row]] = (await connection.query(
            'SELECT @@server_id AS serverId, @@log_bin AS logBin, @@binlog_format AS format, @@read_only AS readOnly',
          )) as unknown as [[Record<string, unknown>]];
          await connection.end();
          return row;
        } finally {
          await server.stop();
        }
      };
      expect(await settings({ serverId: 1, logBin: true, binlogFormat: 'ROW' })).toMatchObject({
        serverId: 1,
        logBin: 1,
        format: 'ROW',
        readOnly: 0,
      });
      expect(readdirSync(dir).some((file) => file.startsWith('binlog.'))).toBe(true);
      expect(await settings({ serverId: 2, readOnly: true })).toMatchObject({
        serverId: 2,
        logBin: 0,
        readOnly: 1,
      });
    }, 60_000);

    it('starts only Redis when MySQL answers, and leaves that MySQL alone', async () => {
      const binaries = findMysqlServer(dirs);
      if (!binaries) throw new Error('no MariaDB/MySQL server installed');
      const port = new URL(stores.mysqlUrl).port;
      // A MySQL of someone else's, already running at the address.
      const theirs = await startPrivateMysql({
        url: stores.mysqlUrl,
        dir: join(root, `mysql-${port}`),
        binaries,
      });
      try {
        lines = [];
        const ensured = await ensure(stores);
        try {
          expect(ensured.started.map(({ store }) => store)).toEqual(['redis']);
          expect(lines.join('\n')).not.toContain('MariaDB');
          const redis = new Redis(stores.redisUrl);
          expect(await redis.ping()).toBe('PONG');
          redis.disconnect();
        } finally {
          await ensured.stop();
        }
        expect(await portAnswers(stores.redisUrl)).toBe(false);
        expect(await portAnswers(stores.mysqlUrl)).toBe(true);
      } finally {
        await theirs.stop();
      }
    }, 60_000);

    it("stops with a way out when what answers at the MySQL port refuses the URL's user", async () => {
      const binaries = findMysqlServer(dirs);
      if (!binaries) throw new Error('no MariaDB/MySQL server installed');
      const port = new URL(stores.mysqlUrl).port;
      // Set up for root without a password; the URL asks for another one, as a system MariaDB would refuse root.
      const server = await startPrivateMysql({
        url: stores.mysqlUrl,
        dir: join(root, `mysql-${port}`),
        binaries,
      });
      try {
        const wrong = { ...stores, mysqlUrl: `mysql://root:wrong@127.0.0.1:${port}` };
        const ensured = await ensureBackingStores(wrong, {
          log: () => undefined,
          dataRoot: root,
          docker: noDocker,
        });
        expect(ensured.ok).toBe(false);
        const message = ensured.ok ? '' : ensured.message;
        expect(message).toContain(`Something answers at ${wrong.mysqlUrl}, but it does not let root in`);
        expect(message).toContain('ALTER USER');
        expect(message).toContain('SHOWROOM_MYSQL_URL=mysql://root@127.0.0.1:3307');
        // Nothing was started for Redis either: the run stops before.
        expect(await portAnswers(stores.redisUrl)).toBe(false);
      } finally {
        await server.stop();
      }
    }, 60_000);
  },
);

describe('without Docker or installed servers', () => {
  it('says what to install with the package manager here, and starts nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'showroom-stores-'));
    try {
      // A machine with apt-get and nothing else.
      const bin = join(root, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'apt-get'), '#!/bin/sh\nexit 1\n');
      chmodSync(join(bin, 'apt-get'), 0o755);
      const stores = {
        mysqlUrl: `mysql://root@127.0.0.1:${await freePort()}`,
        redisUrl: `redis://127.0.0.1:${await freePort()}/0`,
      };
      const lines: string[] = [];
      const ensured = await ensureBackingStores(stores, {
        log: (line) => lines.push(line),
        dataRoot: join(root, 'data'),
        searchDirs: [bin],
        docker: noDocker,
      });

      expect(ensured.ok).toBe(false);
      const message = ensured.ok ? '' : ensured.message;
      expect(message).toContain(`MySQL at ${stores.mysqlUrl} and Redis at ${stores.redisUrl}`);
      expect(message).toMatch(/(sudo )?apt-get install -y mariadb-server redis-server/);
      // docker/compose.yml publishes only the default addresses, so Docker is no way to these.
      expect(message).toContain('Docker: docker/compose.yml serves only');
      expect(message).not.toContain('docker compose -f');
      expect(message).toContain('SHOWROOM_MYSQL_URL');
      expect(lines).toEqual([]);
      expect(existsSync(join(root, 'data'))).toBe(false);
      expect(await portAnswers(stores.mysqlUrl)).toBe(false);
      expect(await portAnswers(stores.redisUrl)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses something at the MySQL port that is not a MySQL the URL can sign in to', async () => {
    const mysql = await listener();
    const redis = await listener();
    try {
      const stores = {
        mysqlUrl: `mysql://root@127.0.0.1:${mysql.port}`,
        redisUrl: `redis://127.0.0.1:${redis.port}/0`,
      };
      const ensured = await ensureBackingStores(stores, { log: () => undefined, docker: noDocker });
      expect(ensured.ok).toBe(false);
      expect(ensured.ok ? '' : ensured.message).toContain(
        `Something answers at ${stores.mysqlUrl}, but it does not let root in`,
      );
    } finally {
      mysql.server.close();
      redis.server.close();
    }
  });

  it('names only what is missing, in the words of each package manager', () => {
    const root = mkdtempSync(join(tmpdir(), 'showroom-pm-'));
    try {
      const command = (tool: string, missing: Array<'mysql' | 'redis'>, isRoot: boolean) => {
        const bin = join(root, tool);
        mkdirSync(bin, { recursive: true });
        writeFileSync(join(bin, tool), '');
        chmodSync(join(bin, tool), 0o755);
        return installCommand(missing, [bin], isRoot);
      };
      expect(command('brew', ['mysql', 'redis'], false)).toBe('brew install mariadb redis');
      expect(command('dnf', ['redis'], false)).toBe('sudo dnf install -y redis');
      expect(command('apt-get', ['mysql'], true)).toBe('apt-get install -y mariadb-server');
      expect(command('pacman', ['mysql', 'redis'], false)).toBe('sudo pacman -S --needed mariadb redis');
      expect(installCommand(['redis'], [join(root, 'nothing')])).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe(`${COMPOSE_FILE}, what Docker starts`, () => {
  // docker/tests/compose.test.ts validates the whole file with docker-compose; this reads what the
  // Docker branch relies on: the two services, published where the defaults point, with healthchecks.
  const compose = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', COMPOSE_FILE), 'utf8')) as {
    services: Record<string, { ports?: string[]; healthcheck?: { test: string[] }; profiles?: string[] }>;
  };

  it.each(Object.entries(COMPOSE_PORTS))(
    '%s is published on 127.0.0.1:%i, has a healthcheck and no profile',
    (service, port) => {
      const definition = compose.services[service];
      expect(definition?.ports).toContain(`127.0.0.1:${port}:${port}`);
      expect(definition?.healthcheck?.test.length).toBeGreaterThan(0);
      expect(definition?.profiles).toBeUndefined();
    },
  );

  it('lets root in without a password, as the default SHOWROOM_MYSQL_URL does', () => {
    expect((compose.services['mysql'] as { environment?: Record<string, string> }).environment).toMatchObject(
      {
        MYSQL_ALLOW_EMPTY_PASSWORD: 'yes',
      },
    );
  });
});

describe('the message for a MySQL that refuses the URL’s user', () => {
  it('gives an ALTER USER line the shell runs as written, whatever the password holds', () => {
    const password = 'p$HOME"`whoami`\'x\\';
    const message = refusedMessage(`mysql://root:${encodeURIComponent(password)}@127.0.0.1:3306`);
    const line = message.split('\n').find((text) => text.includes('sudo mariadb -e')) ?? '';
    // The shell's reading of the line, with printf standing in for mariadb -e.
    const { stdout, status } = spawnSync('bash', ['-c', line.replace('sudo mariadb -e', "printf '%s'")], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', HOME: '/home/nobody' },
    });
    expect(status).toBe(0);
    expect(stdout).toBe(
      "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('p$HOME\"`whoami`''x\\')",
    );
  });
});
