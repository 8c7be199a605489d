import { backoffMs, loggableError, PollingWorker } from '@showroom/server-kit';
import type { Logger } from 'pino';
import type { ClaimedJob, JobClaims } from './job-claims';

/** A job as its handler receives it. */
export interface RetailJob {
  id: string;
  dealershipId: string;
  payload: unknown;
  /** This run included: 1 the first time. */
  attempts: number;
}

/**
 * What runs each kind of job. A handler must be safe to run again (a runner can die after the work
 * and before recording it): it throws to be tried later, returns once the job is done.
 */
export type JobHandlers = Record<string, (job: RetailJob) => Promise<void>>;

export interface JobRunnerSettings {
  pollIntervalMs: number;
  leaseMs: number;
  retryFirstMs: number;
  retryMaxMs: number;
  /** Attempts before a job is failed for good. */
  maxAttempts: number;
  /** Jobs claimed at a time. */
  batchSize: number;
}

export interface JobRunnerDeps {
  claims: JobClaims;
  handlers: JobHandlers;
  settings: JobRunnerSettings;
  logger: Logger;
  clock: () => Date;
}

/**
 * Runs the retail outbox: claims due jobs of every dealership (SKIP LOCKED, with a lease) and runs
 * each kind's handler. A failure is tried again after a growing wait (backoffMs), and after
 * `maxAttempts` the job is failed with its reason. Logs name the job and the error's type, never the
 * payload (it can hold a shopper's details).
 */
export class JobRunner {
  /** Polls for due jobs: the service starts it with its background work, and stopping it lets the batch under way finish. */
  readonly worker: PollingWorker;

  constructor(private readonly deps: JobRunnerDeps) {
    this.worker = new PollingWorker({
      name: 'retail job runner',
      run: () => this.runDue(),
      intervalMs: deps.settings.pollIntervalMs,
      logger: deps.logger,
    });
  }

  /** Runs jobs until none is due now; how many ran. Exposed so tests can drive it without the timer. */
  async runDue(): Promise<number> {
    let ran = 0;
    while (!this.worker.stopping) {
      const { leaseMs, batchSize } = this.deps.settings;
      const claimed = await this.deps.claims.claim(this.deps.clock(), leaseMs, batchSize);
      if (claimed.length === 0) return ran;
      for (const job of claimed) await this.run(job);
      ran += claimed.length;
    }
    return ran;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const { claims, handlers, logger, settings, clock } = this.deps;
    const about = { jobId: job.id, kind: job.kind, dealershipId: job.dealershipId, attempt: job.attempts };
    if (!(await claims.renew(job, clock(), settings.leaseMs))) {
      logger.warn(
        about,
        'retail job skipped: its lease ran out while the batch ran, another runner may hold it',
      );
      return;
    }
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler({
        id: job.id,
        dealershipId: job.dealershipId,
        payload: job.payload,
        attempts: job.attempts,
      });
    } catch (error) {
      const last = job.attempts >= settings.maxAttempts || !handler;
      const retryAt = last
        ? null
        : new Date(clock().getTime() + backoffMs(settings.retryFirstMs, job.attempts, settings.retryMaxMs));
      const recorded = await claims.failed(job, reasonOf(error), retryAt, clock());
      logger[last ? 'error' : 'warn'](
        { ...about, error: loggableError(error), retryAt, recorded },
        last ? 'retail job failed for good' : 'retail job failed; tried again later',
      );
      return;
    }
    if (!(await claims.done(job, clock()))) {
      logger.warn(about, 'retail job ran after its lease ran out; another runner may run it again');
    }
  }
}

/** What is kept of a failure in last_error: the error's type and message (handlers never put personal data in messages). */
function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
