import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LeadsDatabase } from '../database';
import { ConsumerRuns } from './consumer-runs';
import type { OutboxConsumers } from './events';
import { stdoutMetrics, type MetricLineSink } from './outbox-metrics';
import { jobOptions, OUTBOX_QUEUE, type OutboxJob, type RetryPolicy } from './outbox-queue';
import { OutboxRelay } from './relay';
import { OutboxSweeper } from './sweeper';
import { startOutboxWorker } from './worker';

export interface OutboxRuntime {
  relay: OutboxRelay;
  sweeper: OutboxSweeper;
  queue: Queue<OutboxJob>;
  close(): Promise<void>;
}

export interface OutboxSettings {
  redisUrl: string;
  pollMs: number;
  retry: RetryPolicy;
  /** A consumer unfinished this long after publishing gets its event published again. */
  sweepGraceMs: number;
  sweepIntervalMs: number;
  /** Run consumers in this process too (off for an instance that only relays). */
  consume: boolean;
  /** Prefix of the BullMQ keys, so test runs never share a queue. */
  prefix?: string;
  /** Service dimension of the outbox metrics. */
  service: string;
  emitMetrics?: MetricLineSink;
}

/**
 * The relay, the sweeper and the worker. The relay's Redis connection fails fast so a Redis outage
 * leaves events in MySQL; the worker's waits and reconnects, as BullMQ requires.
 */
export function startOutbox(
  db: Kysely<LeadsDatabase>,
  consumers: OutboxConsumers,
  settings: OutboxSettings,
  logger: Logger,
): OutboxRuntime {
  const reconnect = (attempt: number) => Math.min(attempt * 200, 2000);
  const queueConnection = new Redis(settings.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    retryStrategy: reconnect,
  });
  queueConnection.on('error', () => undefined);
  const prefix = settings.prefix ?? 'bull';
  const queue = new Queue<OutboxJob>(OUTBOX_QUEUE, {
    connection: queueConnection,
    prefix,
    defaultJobOptions: jobOptions(settings.retry),
  });
  queue.on('error', () => undefined);
  const runs = new ConsumerRuns(db, settings.sweepGraceMs);
  const relay = new OutboxRelay(db, queue, runs, consumers.subscriptions, logger, settings.pollMs);
  const sweeper = new OutboxSweeper(
    db,
    queue,
    runs,
    logger,
    { intervalMs: settings.sweepIntervalMs, service: settings.service },
    settings.emitMetrics ?? stdoutMetrics,
  );
  const workerConnection = new Redis(settings.redisUrl, {
    maxRetriesPerRequest: null,
    retryStrategy: reconnect,
  });
  workerConnection.on('error', () => undefined);
  const worker = settings.consume
    ? startOutboxWorker({
        connection: workerConnection,
        db,
        runs,
        consumers,
        retry: settings.retry,
        logger,
        prefix,
      })
    : undefined;
  relay.start();
  sweeper.start();
  return {
    relay,
    sweeper,
    queue,
    async close() {
      await Promise.all([relay.stop(), sweeper.stop()]);
      await worker?.close();
      await queue.close();
      queueConnection.disconnect();
      workerConnection.disconnect();
    },
  };
}
