import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { API_AUDIENCE } from '@showroom/contracts';
import { LOCAL_BENCHMARK } from '@showroom/server-kit';
import { start } from './processes';

export interface BenchLeadsOptions {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  issuerBaseURL: string;
  dynamoEndpoint: string;
  smtpUrl: string;
  /** BullMQ keys of this instance's queued jobs (removed after the bench). */
  queuePrefix: string;
  /** Where its inbox reads go (LEADS_DATABASE_READER_URLS); the primary when unset. */
  readerUrls?: string;
}

/**
 * The production build of the leads service as the bench drives it: its outbox consumers off, so
 * capture itself is measured (every event is still relayed to Redis), and no rate limit in the way.
 * With no consumer every event stays unfinished, a backlog production does not have: the sweeper
 * looks at it as seldom as allowed (its first pass would come after the bench), or its passes over
 * that backlog would load the database the bench measures.
 */
export function startBenchLeads(options: BenchLeadsOptions): ChildProcess {
  return start(['dist/services/leads/main.js'], {
    AUTH_ISSUER_BASE_URL: options.issuerBaseURL,
    AUTH_AUDIENCE: API_AUDIENCE,
    NODE_ENV: 'production',
    ALLOW_DEVELOPMENT_DEFAULTS: LOCAL_BENCHMARK,
    LOG_LEVEL: 'warn',
    PORT: String(options.port),
    LEADS_DATABASE_URL: options.databaseUrl,
    ...(options.readerUrls ? { LEADS_DATABASE_READER_URLS: options.readerUrls } : {}),
    REDIS_URL: options.redisUrl,
    DYNAMODB_ENDPOINT: options.dynamoEndpoint,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SMTP_URL: options.smtpUrl,
    LEADS_WORKER_ENABLED: 'false',
    OUTBOX_SWEEP_INTERVAL_MS: '600000',
    OUTBOX_QUEUE_PREFIX: options.queuePrefix,
    PUBLIC_RATE_PER_ADDRESS: '1000000',
    PUBLIC_RATE_PER_DEALERSHIP: '10000000',
    ADF_RATE_PER_KEY: '1000000',
  });
}

/** The instance queues follow-up jobs for workers that do not run in the bench: removed afterwards. */
export async function dropBenchLeadsJobs(redisUrl: string, queuePrefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for await (const keys of redis.scanStream({ match: `${queuePrefix}:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}
