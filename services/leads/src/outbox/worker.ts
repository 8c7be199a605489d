import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LeadEventType } from '@showroom/contracts';
import { acrossDealerships } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';
import type { ConsumerRuns } from './consumer-runs';
import { ConsumerGaveUp, type LeadEventPayload, type OutboxConsumers, type OutboxEvent } from './events';
import { cappedBackoff, OUTBOX_QUEUE, type OutboxJob, type RetryPolicy } from './outbox-queue';

async function loadEvent(db: Kysely<LeadsDatabase>, eventId: string): Promise<OutboxEvent | undefined> {
  // A job names only its event; the event names its dealership.
  const row = await acrossDealerships(db)
    .selectFrom('outbox')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
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
 * Runs the event's unfinished consumers side by side and records in MySQL those that succeeded,
 * so a retry (with the policy's delays) runs only the ones that failed: SMTP being down holds back
 * e-mails, never the timeline. A consumer that succeeded but could not be recorded runs again;
 * consumers are idempotent, so that changes nothing.
 */
export function startOutboxWorker(deps: {
  connection: Redis;
  db: Kysely<LeadsDatabase>;
  runs: ConsumerRuns;
  consumers: OutboxConsumers;
  retry: RetryPolicy;
  logger: Logger;
  prefix: string;
  concurrency?: number;
}): Worker<OutboxJob> {
  const { db, runs, consumers, logger } = deps;
  const worker = new Worker<OutboxJob>(
    OUTBOX_QUEUE,
    async (job: Job<OutboxJob>) => {
      const event = await loadEvent(db, job.data.eventId);
      if (!event) {
        logger.error({ eventId: job.data.eventId }, 'outbox job for an unknown event: dropped');
        return;
      }
      const pending = await runs.unfinished(event.eventId, consumers.subscriptions[event.type] ?? []);
      const outcomes = await Promise.allSettled(
        pending.map(async (consumer) => {
          const handler = consumers.handlers[consumer];
          // A consumer retired by a deploy has nothing left to do for old events.
          if (!handler) return logger.warn({ consumer, eventId: event.eventId }, 'no such outbox consumer');
          await handler(event);
        }),
      );
      const rejected = pending.flatMap((consumer, i) => {
        const outcome = outcomes[i];
        return outcome?.status === 'rejected' ? [{ consumer, reason: outcome.reason as unknown }] : [];
      });
      await runs.finish(
        event.eventId,
        pending.filter((consumer) => !rejected.some((f) => f.consumer === consumer)),
      );
      // Retrying a consumer that gave up would fail the same way for ever: it fails once, loudly.
      for (const { consumer, reason } of rejected.filter((f) => f.reason instanceof ConsumerGaveUp)) {
        await runs.giveUp(event.eventId, consumer, reason);
        logger.error(
          { consumer, eventId: event.eventId, eventType: event.type, reason: (reason as Error).message },
          'outbox consumer gave up on an event; it is not retried',
        );
      }
      const failures = rejected.filter((f) => !(f.reason instanceof ConsumerGaveUp));
      if (failures.length === 0) return;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await runs.fail(event.eventId, failures, lastAttempt);
      throw new AggregateError(
        failures.map((f) => f.reason),
        `outbox consumers failed: ${failures.map((f) => f.consumer).join(', ')}`,
      );
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
