import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { schemaNameOf, type LeadsConfig } from '../config';
import type { LeadsDatabase } from '../database';
import { outboxHandlers, type ConsumerDeps } from './handlers';
import { OutboxRelay, type OutboxJob } from './relay';
import { jobOptions, OUTBOX_QUEUE, startOutboxWorker, type OutboxHandlers, type RetryPolicy } from './worker';

export interface OutboxRuntime {
  relay: OutboxRelay;
  queue: Queue<OutboxJob>;
  close(): Promise<void>;
}

export interface OutboxSettings {
  redisUrl: string;
  pollMs: number;
  retry: RetryPolicy;
  /** Run consumers in this process too (off for an instance that only relays). */
  consume: boolean;
  /** Prefix of the BullMQ keys, so test runs never share a queue. */
  prefix?: string;
}

/**
 * The relay and the worker, each on its own Redis connection: the relay's fails fast so a
 * Redis outage leaves events in MySQL; the worker's waits and reconnects, as BullMQ requires.
 */
export function startOutbox(
  db: Kysely<LeadsDatabase>,
  handlers: OutboxHandlers,
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
  const relay = new OutboxRelay(db, queue, logger, settings.pollMs);
  const workerConnection = new Redis(settings.redisUrl, {
    maxRetriesPerRequest: null,
    retryStrategy: reconnect,
  });
  workerConnection.on('error', () => undefined);
  const worker = settings.consume
    ? startOutboxWorker({ connection: workerConnection, db, handlers, retry: settings.retry, logger, prefix })
    : undefined;
  relay.start();
  return {
    relay,
    queue,
    async close() {
      await relay.stop();
      await worker?.close();
      await queue.close();
      queueConnection.disconnect();
      workerConnection.disconnect();
    },
  };
}

/** The leads service's outbox as configured: its consumers, its relay, its queue. */
export function startLeadsOutbox(
  config: LeadsConfig,
  deps: Omit<ConsumerDeps, 'kick' | 'mailFrom' | 'portalUrl'>,
  logger: Logger,
): OutboxRuntime {
  const started: { runtime?: OutboxRuntime } = {};
  const handlers = outboxHandlers({
    ...deps,
    mailFrom: config.MAIL_FROM,
    portalUrl: config.PORTAL_URL,
    // Consumers that write new events wake the relay, as requests do.
    kick: () => started.runtime?.relay.kick(),
  });
  started.runtime = startOutbox(
    deps.db,
    handlers,
    {
      redisUrl: config.REDIS_URL,
      pollMs: config.OUTBOX_POLL_MS,
      retry: { firstMs: config.OUTBOX_RETRY_FIRST_MS, capMs: config.OUTBOX_RETRY_CAP_MS },
      consume: config.LEADS_WORKER_ENABLED,
      prefix: config.OUTBOX_QUEUE_PREFIX ?? `bull-${schemaNameOf(config.LEADS_DATABASE_URL)}`,
    },
    logger,
  );
  return started.runtime;
}
