// Finding installed MariaDB/MySQL and Redis servers, and naming the command that installs them.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/**
 * Where package managers put servers that are often not on a user's PATH: sbin folders, Fedora's
 * libexec (mysqld), Homebrew's keg-only formulae and the MySQL installer for macOS.
 */
const WELL_KNOWN_DIRS = [
  '/usr/sbin',
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/bin',
  '/usr/libexec',
  '/opt/homebrew/bin',
  '/opt/homebrew/sbin',
  '/opt/homebrew/opt/mariadb/bin',
  '/usr/local/opt/mariadb/bin',
  '/opt/homebrew/opt/mysql/bin',
  '/usr/local/opt/mysql/bin',
  '/usr/local/mysql/bin',
  '/opt/homebrew/opt/redis/bin',
  '/usr/local/opt/redis/bin',
];

/** PATH's folders, then the well-known ones. */
export function defaultSearchDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const onPath = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  return [...new Set([...onPath, ...WELL_KNOWN_DIRS])];
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` found in `dirs` (every folder is searched for a name before the next name). */
export function findExecutable(names: string[], dirs: string[]): string | undefined {
  for (const name of names)
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutableFile(path)) return path;
    }
  return undefined;
}

export interface MysqlServerBinaries {
  /** mariadbd, or mysqld (MariaDB's or Oracle MySQL's). */
  server: string;
  flavor: 'MariaDB' | 'MySQL';
  /** MariaDB's mariadb-install-db / mysql_install_db; Oracle MySQL sets up a data folder with the server itself. */
  installDb?: string;
}

export function findMysqlServer(dirs: string[]): MysqlServerBinaries | undefined {
  const server = findExecutable(['mariadbd', 'mysqld'], dirs);
  if (!server) return undefined;
  const flavor = isMariaDb(server) ? 'MariaDB' : 'MySQL';
  if (flavor === 'MySQL') return { server, flavor };
  // The installer sits beside the server (Homebrew) or in the matching bin folder (Debian: /usr/bin).
  const beside = [
    dirname(server),
    join(dirname(server), '..', 'bin'),
    join(dirname(server), '..', 'scripts'),
  ];
  const installDb = findExecutable(['mariadb-install-db', 'mysql_install_db'], [...beside, ...dirs]);
  return installDb ? { server, flavor, installDb } : undefined;
}

function isMariaDb(server: string): boolean {
  if (server.endsWith('mariadbd')) return true;
  try {
    return execFileSync(server, ['--no-defaults', '--version'], {
      encoding: 'utf8',
      timeout: 10_000,
    }).includes('MariaDB');
  } catch {
    return false;
  }
}

export function findRedisServer(dirs: string[]): string | undefined {
  return findExecutable(['redis-server'], dirs);
}

interface PackageManager {
  tool: string;
  /** Runs as the user (Homebrew), not through sudo. */
  asUser?: boolean;
  install: string;
  mysql: string;
  redis: string;
}

/** In the order they are looked for; `brew` first because Linux machines can have it beside apt. */
const PACKAGE_MANAGERS: PackageManager[] = [
  { tool: 'brew', asUser: true, install: 'brew install', mysql: 'mariadb', redis: 'redis' },
  { tool: 'apt-get', install: 'apt-get install -y', mysql: 'mariadb-server', redis: 'redis-server' },
  { tool: 'dnf', install: 'dnf install -y', mysql: 'mariadb-server', redis: 'redis' },
  { tool: 'yum', install: 'yum install -y', mysql: 'mariadb-server', redis: 'redis' },
  { tool: 'zypper', install: 'zypper install -y', mysql: 'mariadb', redis: 'redis' },
  { tool: 'pacman', install: 'pacman -S --needed', mysql: 'mariadb', redis: 'redis' },
  { tool: 'apk', install: 'apk add', mysql: 'mariadb', redis: 'redis' },
];

/**
 * The command that installs the missing servers with this machine's package manager, e.g.
 * `sudo apt-get install -y mariadb-server redis-server`; undefined when none is found.
 */
export function installCommand(
  missing: Array<'mysql' | 'redis'>,
  dirs: string[],
  isRoot = process.getuid?.() === 0,
): string | undefined {
  const manager = PACKAGE_MANAGERS.find((m) => findExecutable([m.tool], dirs));
  if (!manager || missing.length === 0) return undefined;
  const sudo = manager.asUser || isRoot ? '' : 'sudo ';
  return `${sudo}${manager.install} ${missing.map((store) => manager[store]).join(' ')}`;
}
