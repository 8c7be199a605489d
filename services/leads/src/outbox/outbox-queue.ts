/** The BullMQ queue between the relay (and the sweeper) and the worker. */
export const OUTBOX_QUEUE = 'leads-outbox';

/** One job per event, its id the event id: the consumers still to run are read from MySQL. */
export interface OutboxJob {
  eventId: string;
}

export interface RetryPolicy {
  firstMs: number;
  capMs: number;
  /** Attempts of one job; after the last, the sweeper publishes the event again. */
  attempts: number;
}

/** Doubling delays up to a cap; a job that used up its attempts is counted and published again. */
export const jobOptions = (retry: RetryPolicy) => ({
  attempts: retry.attempts,
  backoff: { type: 'capped', delay: retry.firstMs },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
});

export function cappedBackoff(retry: Pick<RetryPolicy, 'firstMs' | 'capMs'>) {
  return (attemptsMade: number): number =>
    Math.min(retry.firstMs * 2 ** Math.max(0, attemptsMade - 1), retry.capMs);
}
