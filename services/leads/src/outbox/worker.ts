import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LeadEventType } from '@showroom/contracts';
import type { LeadsDatabase } from '../database';
import { SUBSCRIPTIONS, type LeadEventPayload, type OutboxEvent, type OutboxHandlerName } from './events';
import type { OutboxJob } from './relay';

export const OUTBOX_QUEUE = 'leads-outbox';

export type OutboxHandler = (event: OutboxEvent) => Promise<void>;
export type OutboxHandlers = Record<OutboxHandlerName, OutboxHandler>;

export interface RetryPolicy {
  firstMs: number;
  capMs: number;
}

/** Doubling delays up to a cap, and practically no last attempt: a lead's follow-ups wait for a dependency to return. */
export const jobOptions = (retry: RetryPolicy) => ({
  attempts: 10_000,
  backoff: { type: 'capped', delay: retry.firstMs },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
});

export function cappedBackoff(retry: RetryPolicy) {
  return (attemptsMade: number): number =>
    Math.min(retry.firstMs * 2 ** Math.max(0, attemptsMade - 1), retry.capMs);
}

async function loadEvent(db: Kysely<LeadsDatabase>, eventId: string): Promise<OutboxEvent | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!row) return undefined;
  const payload = JSON.parse(row.payload) as LeadEventPayload;
  return {
    ...payload,
    type: row.type as LeadEventType,
    eventId: row.event_id,
    dealershipId: row.dealership_id,
    leadId: row.lead_id,
    occurredAt: row.occurred_at,
  };
}

/**
 * Runs the consumers of each event side by side. Those that succeeded are written into the job,
 * so a retry (with the policy's delays) runs only the ones that failed: SMTP being down holds back
 * e-mails, never the timeline.
 */
export function startOutboxWorker(deps: {
  connection: Redis;
  db: Kysely<LeadsDatabase>;
  handlers: OutboxHandlers;
  retry: RetryPolicy;
  logger: Logger;
  prefix: string;
  concurrency?: number;
}): Worker<OutboxJob> {
  const { db, handlers, logger } = deps;
  const worker = new Worker<OutboxJob>(
    OUTBOX_QUEUE,
    async (job: Job<OutboxJob>) => {
      const event = await loadEvent(db, job.data.eventId);
      if (!event) {
        logger.error({ eventId: job.data.eventId }, 'outbox job for an unknown event: dropped');
        return;
      }
      const done = new Set(job.data.done ?? []);
      const pending = SUBSCRIPTIONS[event.type].filter((handler) => !done.has(handler));
      const outcomes = await Promise.allSettled(pending.map((handler) => handlers[handler](event)));
      const failed = pending.filter((_handler, i) => outcomes[i]?.status === 'rejected');
      if (failed.length === 0) return;
      await job.updateData({ ...job.data, done: [...done, ...pending.filter((h) => !failed.includes(h))] });
      const reasons = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      throw new AggregateError(reasons, `outbox consumers failed: ${failed.join(', ')}`);
    },
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency ?? 8,
      settings: { backoffStrategy: cappedBackoff(deps.retry) },
    },
  );
  worker.on('failed', (job, error) => {
    logger.warn(
      { err: error, eventId: job?.data.eventId, attempt: job?.attemptsMade },
      'outbox consumer failed; it will retry',
    );
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'outbox worker connection problem'));
  return worker;
}
