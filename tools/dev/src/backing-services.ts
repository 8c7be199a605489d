import { connect } from 'node:net';

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

function answers(url: string, timeoutMs = 1500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Checks MySQL and Redis answer; otherwise says exactly what to run, and returns false. */
export async function checkBackingStores(stores: BackingStores): Promise<boolean> {
  const [mysql, redis] = await Promise.all([answers(stores.mysqlUrl), answers(stores.redisUrl)]);
  if (mysql && redis) return true;
  const missing = [!mysql && `MySQL at ${stores.mysqlUrl}`, !redis && `Redis at ${stores.redisUrl}`].filter(
    Boolean,
  );
  console.error(`\nShowroom needs ${missing.join(' and ')}, and nothing answers there.

Start them with Docker (MySQL 8 and Redis 7):
  docker compose -f docker/compose.yml up -d

or, on a machine with MariaDB and Redis installed (Debian: apt-get install -y mariadb-server redis-server):
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no

Elsewhere, point SHOWROOM_MYSQL_URL (mysql://user:password@host:port) and SHOWROOM_REDIS_URL at yours.
`);
  return false;
}
