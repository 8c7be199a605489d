import type { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LeadEventType } from '@showroom/contracts';
import { acrossDealerships, queueClaimTransaction } from '@showroom/server-mysql';
import type { LeadsDatabase } from '../database';
import type { ConsumerRuns } from './consumer-runs';
import type { OutboxConsumers } from './events';
import type { OutboxJob } from './outbox-queue';

const BATCH = 200;
/** Commits within this window are published together: one relay transaction for many leads. */
const GATHER_MS = 50;

/**
 * Moves committed outbox rows to the BullMQ queue, one job per event. Rows are claimed with
 * SKIP LOCKED, so several instances relay side by side; a row is marked published only after
 * Redis took its jobs, so with Redis away the events wait in MySQL and nothing is lost. In the same
 * transaction it opens each consumer's run of the event: what Redis loses later, the sweeper finds.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private gathering: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private failing = false;

  constructor(
    private readonly db: Kysely<LeadsDatabase>,
    private readonly queue: Queue<OutboxJob>,
    private readonly runs: ConsumerRuns,
    private readonly subscriptions: OutboxConsumers['subscriptions'],
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.publishNow(), this.pollMs);
    this.publishNow();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.gathering);
    this.timer = undefined;
    await this.running;
  }

  /** Called after each commit: publishes within a few milliseconds, gathering what else commits meanwhile. */
  kick(): void {
    this.gathering ??= setTimeout(() => {
      this.gathering = undefined;
      this.publishNow();
    }, GATHER_MS);
  }

  /** Publishes what is waiting, without running two passes at once. */
  private publishNow(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again && this.timer) {
        this.again = false;
        this.publishNow();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while ((await this.publishBatch()) === BATCH);
      if (this.failing) this.logger.info('outbox relay is publishing again');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.logger.warn({ err: error }, 'outbox relay cannot publish; events wait in MySQL');
      this.failing = true;
    }
  }

  /** One batch; returns how many events it published. */
  async publishBatch(): Promise<number> {
    return queueClaimTransaction(this.db, async (trx) => {
      // The relay publishes every dealership's events.
      const all = acrossDealerships(trx);
      const rows = await all
        .selectFrom('outbox')
        .select(['id', 'event_id', 'type'])
        .where('published_at', 'is', null)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const now = new Date();
      await this.runs.open(
        trx,
        rows.map((row) => ({
          eventId: row.event_id,
          consumers: this.subscriptions[row.type as LeadEventType] ?? [],
        })),
        now,
      );
      await this.queue.addBulk(
        rows.map((row) => ({
          name: row.type,
          data: { eventId: row.event_id },
          // The job id makes a re-publish after a crash a no-op while the first job is queued.
          opts: { jobId: row.event_id },
        })),
      );
      await all
        .updateTable('outbox')
        .set({ published_at: now })
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        )
        .execute();
      return rows.length;
    });
  }
}
