// Whether MySQL and Redis answer at a URL: a TCP connect to see if anything listens, and a real
// client round trip (SELECT 1, PING) to see that a server is ready for the platform.
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { storeAddress } from './store-address';

/** Something accepts TCP connections at the URL's host and port. */
export function portAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const { host, port } = storeAddress(url);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A MySQL/MariaDB server at `url` accepts the URL's user and runs `SELECT 1`. */
export async function mysqlAnswers(url: string): Promise<boolean> {
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 2000 });
    try {
      await connection.query('SELECT 1');
      return true;
    } finally {
      await connection.end();
    }
  } catch {
    return false;
  }
}

/** A Redis server at `url` answers PING (after AUTH, when the URL has a password). */
export async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * Polls `answers` until it is true; rejects when `gaveUp` (e.g. "the server exited") says why to stop
 * early, or when the time is up.
 */
export async function waitUntilAnswers(
  what: string,
  answers: () => Promise<boolean>,
  timeoutMs: number,
  gaveUp: () => string | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await answers()) return;
    const reason = gaveUp();
    if (reason) throw new Error(`${what} ${reason}`);
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
