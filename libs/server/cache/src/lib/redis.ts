import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * A Redis client tuned for "down means slower, never down": commands fail at once while
 * disconnected (no offline queue), and the client keeps reconnecting in the background.
 */
export function createRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 500,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let warned = false;
  redis.on('error', (error) => {
    if (!warned) logger.warn({ err: error }, 'redis unavailable: serving without cache until it is back');
    warned = true;
  });
  redis.on('ready', () => {
    if (warned) logger.info('redis is back');
    warned = false;
  });
  return redis;
}

export async function pingRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') throw new Error(`redis is ${redis.status}`);
  await redis.ping();
}
