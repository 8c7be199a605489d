// A private MariaDB (or MySQL) server from the installed binaries: its own data folder, socket,
// pid file and log, no configuration file read (a system installation's my.cnf and data stay
// untouched), the URL's user able to connect over TCP. The options for a server id, a binary log
// and read-only let the same starter run a primary and a replica side by side.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptOrphan, launchServer, logTail, PID_FILE, type PrivateServer } from './private-server';
import type { MysqlServerBinaries } from './server-binaries';
import { storeAddress } from './store-address';
import { mysqlAnswers, waitUntilAnswers } from './store-probes';

export interface PrivateMysqlOptions {
  /** mysql://user:password@host:port — where it listens and who may connect (all privileges). */
  url: string;
  /** Its folder: data/, socket, pid file, logs. Set up on the first run, kept between runs. */
  dir: string;
  binaries: MysqlServerBinaries;
  serverId?: number;
  /** Write a binary log (dir/binlog.*), as a replication primary does. */
  logBin?: boolean;
  binlogFormat?: 'ROW' | 'STATEMENT' | 'MIXED';
  readOnly?: boolean;
  /** More server options, e.g. `--gtid-strict-mode=ON`. */
  extraArgs?: string[];
  startTimeoutMs?: number;
}

export interface PrivateMysql extends PrivateServer {
  url: string;
  /** The data folder was set up by this start (the first run in `dir`). */
  setUp: boolean;
}

/** Written once the first start has answered, so a set-up that failed half way is done again. */
const SET_UP_MARKER = 'set-up';

/** The server that answers at the URL from `dir`, started now or left running by a run that died. */
export async function startPrivateMysql(options: PrivateMysqlOptions): Promise<PrivateMysql> {
  const { url, dir, binaries } = options;
  const { host, port, bindHost } = storeAddress(url);
  const name = `${binaries.flavor} on ${host}:${port}`;
  const logFile = join(dir, 'server.log');
  mkdirSync(dir, { recursive: true });
  const orphan = adoptOrphan(name, dir, logFile);
  if (orphan) return { ...orphan, url, setUp: false };

  const dataDir = join(dir, 'data');
  const setUp = !existsSync(join(dir, SET_UP_MARKER));
  if (setUp) await setUpDataDir(options, dataDir);

  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--port=${port}`,
    `--bind-address=${bindHost}`,
    `--socket=${socketPath(dir, port)}`,
    `--pid-file=${join(dir, PID_FILE)}`,
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    ...runAsArgs(),
    ...(binaries.flavor === 'MySQL' ? ['--mysqlx=OFF'] : []),
    ...(options.serverId === undefined ? [] : [`--server-id=${options.serverId}`]),
    ...(options.logBin ? [`--log-bin=${join(dir, 'binlog')}`] : []),
    ...(options.binlogFormat ? [`--binlog-format=${options.binlogFormat}`] : []),
    ...(options.readOnly ? ['--read-only=ON'] : []),
    ...(setUp ? [`--init-file=${join(dir, 'init.sql')}`] : []),
    ...(options.extraArgs ?? []),
  ];
  const server = launchServer(name, binaries.server, args, dir, logFile);
  try {
    await waitUntilAnswers(
      name,
      () => mysqlAnswers(url),
      options.startTimeoutMs ?? 60_000,
      () => (server.exited() ? 'exited' : undefined),
    );
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}. The end of ${logFile}:\n${logTail(logFile)}`);
  }
  if (setUp) {
    rmSync(join(dir, 'init.sql'), { force: true });
    writeFileSync(join(dir, SET_UP_MARKER), `${new Date().toISOString()}\n`);
  }
  return { ...server, url, setUp };
}

async function setUpDataDir(options: PrivateMysqlOptions, dataDir: string): Promise<void> {
  const { dir, binaries } = options;
  rmSync(dataDir, { recursive: true, force: true });
  const installLog = join(dir, 'install.log');
  const [command, args] =
    binaries.flavor === 'MariaDB' && binaries.installDb
      ? [
          binaries.installDb,
          [
            '--no-defaults',
            `--datadir=${dataDir}`,
            '--auth-root-authentication-method=normal',
            '--skip-test-db',
            ...runAsArgs(),
          ],
        ]
      : [binaries.server, ['--no-defaults', '--initialize-insecure', `--datadir=${dataDir}`, ...runAsArgs()]];
  const output = await new Promise<{ ok: boolean; text: string }>((resolve) =>
    execFile(command, args, { cwd: dir, timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ ok: !error, text: `${stdout}${stderr}` }),
    ),
  );
  writeFileSync(installLog, output.text);
  if (!output.ok)
    throw new Error(
      `Setting up ${binaries.flavor}'s data folder ${dataDir} failed (${command}). The end of ${installLog}:\n${logTail(installLog)}`,
    );
  writeFileSync(join(dir, 'init.sql'), accountsSql(new URL(options.url)), { mode: 0o600 });
}

/** The URL's user, with its password and every privilege, from this machine's loopback addresses. */
function accountsSql(url: URL): string {
  const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const user = quote(decodeURIComponent(url.username) || 'root');
  const password = quote(decodeURIComponent(url.password));
  // The grant tables are not loaded yet while an init file runs on a fresh data folder.
  const lines = ['FLUSH PRIVILEGES;'];
  for (const host of ['localhost', '127.0.0.1', '::1'].map(quote))
    lines.push(
      `CREATE USER IF NOT EXISTS ${user}@${host};`,
      `ALTER USER ${user}@${host} IDENTIFIED BY ${password};`,
      `GRANT ALL PRIVILEGES ON *.* TO ${user}@${host} WITH GRANT OPTION;`,
    );
  return `${lines.join('\n')}\n`;
}

/** mariadbd and mysqld refuse to run as root unless told to; the folder then stays root's, as the workspace is. */
function runAsArgs(): string[] {
  return process.getuid?.() === 0 ? ['--user=root'] : [];
}

/** In the folder, unless that path is longer than a Unix socket's (about 104 bytes). */
function socketPath(dir: string, port: number): string {
  const inDir = join(dir, 'mysqld.sock');
  return inDir.length < 100 ? inDir : join(tmpdir(), `showroom-mysql-${port}.sock`);
}
