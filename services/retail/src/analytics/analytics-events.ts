import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { AnalyticsEventSchema, BUSINESS_EVENT_TYPES } from '@showroom/contracts';
import type { AnalyticsIngestClient, BusinessEvent } from '@showroom/server-analytics-client';
import type { RetailDatabase } from '../database';
import { enqueueJob } from '../jobs/enqueue';
import type { JobHandlers, RetailJob } from '../jobs/job-runner';

/** Job kind: post one business event to the analytics service. */
export const ANALYTICS_EVENT_JOB = 'analytics-event';

/**
 * The job carries the whole event but its id, decided in the transaction of the change it reports
 * (a retry hours later still says what happened then). The id is the job's: `retail:<job id>`.
 */
export const AnalyticsEventJobSchema = AnalyticsEventSchema.omit({ id: true }).extend({
  type: z.enum(BUSINESS_EVENT_TYPES),
});
export type AnalyticsEventJob = z.infer<typeof AnalyticsEventJobSchema>;

/**
 * Queues the event in the caller's transaction (the retail outbox): it reaches analytics exactly
 * when the change commits. `dedupeKey` makes a second queueing of the same fact a no-op. The
 * payload is checked here, so an event analytics would refuse never gets into the queue.
 */
export async function queueAnalyticsEvent(
  trx: Kysely<RetailDatabase> | Transaction<RetailDatabase>,
  event: AnalyticsEventJob,
  dedupeKey: string,
): Promise<void> {
  const payload = AnalyticsEventJobSchema.parse(event);
  await enqueueJob(trx, event.dealershipId, { kind: ANALYTICS_EVENT_JOB, payload, dedupeKey });
}

/**
 * Runs the job: posts the event. A failure (analytics down, or refusing) throws, so the runner
 * retries it; a job that ran twice sends the same id twice, which analytics stores once.
 */
export class AnalyticsEventJobs {
  constructor(private readonly analytics: Pick<AnalyticsIngestClient, 'send'>) {}

  readonly handlers: JobHandlers = {
    [ANALYTICS_EVENT_JOB]: (job) => this.send(job),
  };

  private async send(job: RetailJob): Promise<void> {
    const event: BusinessEvent = { ...AnalyticsEventJobSchema.parse(job.payload), id: `retail:${job.id}` };
    await this.analytics.send([event]);
  }
}
