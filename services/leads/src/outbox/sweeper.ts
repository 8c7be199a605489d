import type { Job, Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { acrossDealerships, queueClaimTransaction } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';
import type { ConsumerRuns } from './consumer-runs';
import { outboxMetricLine, type MetricLineSink, type OutboxHealth } from './outbox-metrics';
import type { OutboxJob } from './outbox-queue';

const BATCH = 200;
/** The backlog counts events waiting longer than this. */
const BACKLOG_AGE_MS = 60_000;

export interface SweeperSettings {
  intervalMs: number;
  /** Service dimension of the metrics. */
  service: string;
}

/**
 * Publishes again the events a consumer has not finished within the grace period, whose job
 * Redis no longer holds (lost in a restart or failover, trimmed after its last attempt) or holds
 * as finished; a job still waiting or retrying is left to run. Each pass also emits the backlog
 * and exhausted-job metrics, whether or not Redis answers.
 */
export class OutboxSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private failing = false;

  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly queue: Queue<OutboxJob>,
    private readonly runs: ConsumerRuns,
    private readonly logger: Logger,
    private readonly settings: SweeperSettings,
    private readonly emit: MetricLineSink,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.pass().finally(() => (this.running = undefined));
    }, this.settings.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass: metrics, forgetting old finished runs, then re-publishing what is due. Never throws. */
  async pass(now = new Date()): Promise<{ health?: OutboxHealth; republished: number; forgotten: number }> {
    let health: OutboxHealth | undefined;
    let forgotten = 0;
    try {
      health = await this.runs.health(now, BACKLOG_AGE_MS);
      this.emit(outboxMetricLine(this.settings.service, health, now));
      forgotten = await this.runs.forgetFinished(now);
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox sweeper cannot read the backlog');
    }
    let republished = 0;
    try {
      for (let more = true; more;) {
        const batch = await this.sweepBatch(now);
        republished += batch.republished;
        more = batch.claimed > 0;
      }
      if (this.failing) this.logger.info('outbox sweeper is publishing again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn({ err: error }, 'outbox sweeper cannot publish; it tries again');
      this.failing = true;
    }
    if (republished > 0)
      this.logger.warn({ republished }, 'outbox sweeper published unfinished events again');
    return { health, republished, forgotten };
  }

  /** One batch of due events; claimed events wait a grace period before the next look. */
  private async sweepBatch(now: Date): Promise<{ claimed: number; republished: number }> {
    return queueClaimTransaction(this.db, async (trx) => {
      const eventIds = await this.runs.claimDue(trx, now, BATCH);
      if (eventIds.length === 0) return { claimed: 0, republished: 0 };
      // The sweeper looks after every dealership's events.
      const types = await acrossDealerships(trx)
        .selectFrom('outbox')
        .select(['event_id', 'type'])
        .where('event_id', 'in', eventIds)
        .execute();
      let republished = 0;
      for (const { event_id: eventId, type } of types) {
        if (await this.publishAgain(eventId, type)) republished += 1;
      }
      await this.runs.postpone(trx, eventIds, now);
      return { claimed: eventIds.length, republished };
    });
  }

  /** Returns false when Redis still holds a live job for the event (waiting, delayed, active). */
  private async publishAgain(eventId: string, type: string): Promise<boolean> {
    const job = await this.queue.getJob(eventId);
    if (!job) {
      await this.queue.add(type, { eventId }, { jobId: eventId });
      return true;
    }
    const finished = await finishedStateOf(job);
    if (!finished) return false;
    await job.retry(finished, { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }
}

/**
 * Whether a job is in the completed or failed set, asked of those two sorted sets only. Not
 * `job.getState()`: it also searches the waiting and active lists (LPOS), whose cost grows with the
 * backlog, so under a backlog the sweeper's checks took Redis's CPU from the captures themselves.
 */
async function finishedStateOf(job: Job<OutboxJob>): Promise<'completed' | 'failed' | undefined> {
  if (await job.isCompleted()) return 'completed';
  if (await job.isFailed()) return 'failed';
  return undefined;
}
