import { backoffMs } from '@showroom/server-kit';
import { Hourly, HOUR_MS } from '../background/hourly';
import type { VehicleChanges } from '../search/changes';
import type { FollowCursor } from '../search/follow-changes';
import type { LeaderLease } from '../search/algolia/mysql-leader-lease';
import type { FeedPublisher } from './feed-publisher';
import type { SyndicationRepository } from './repository';

export interface SchedulerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface SyndicationSchedulerOptions {
  changes: VehicleChanges;
  /** Durable, shared by every instance (search_index_cursors). */
  cursor: FollowCursor;
  /** Only the holder generates; the others stand by. */
  lease: LeaderLease;
  repository: SyndicationRepository;
  publisher: FeedPublisher;
  log: SchedulerLog;
  reportError: (error: unknown) => void;
  intervalMs: number;
  debounceMs: number;
  fullIntervalMs: number;
}

const CHANGES_PER_READ = 500;
/** A dealership whose feeds failed waits this long before the next try, doubled per failure up to an hour. */
const FIRST_RETRY_MS = 30_000;
const LAST_RETRY_MS = HOUR_MS;
/** Runs are kept this long (the history of how feeds went); pruned once an hour by the leader. */
const RUNS_KEPT_DAYS = 30;
/** Dealerships generated per turn; the rest wait for the next one, so a turn stays short. */
export const DEALERSHIPS_PER_TURN = 20;

/**
 * Keeps feeds current: follows the vehicle change feed from its own durable cursor and marks the
 * dealerships it names dirty, then regenerates those whose last change is `debounceMs` old (a burst
 * of edits makes one run) and those not regenerated for `fullIntervalMs`. Only the instance holding
 * the lease works; a failed turn is logged and the next one tries again.
 */
export class SyndicationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private busy = false;
  private leading = false;
  private readonly pruning = new Hourly();

  constructor(private readonly options: SyndicationSchedulerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.turn(), this.options.intervalMs);
    this.timer.unref();
    void this.turn();
  }

  /** One turn (the timer's, or a test's); a turn already under way is awaited instead. */
  turn(): Promise<void> {
    if (this.busy) return this.running;
    this.busy = true;
    this.running = this.work()
      .catch((error: unknown) => {
        this.options.log.warn({ err: error }, 'syndication turn failed; the next one tries again');
        this.options.reportError(error);
      })
      .finally(() => {
        this.busy = false;
      });
    return this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.options.lease.release();
  }

  private async work(): Promise<void> {
    const leading = await this.options.lease.acquire();
    if (leading !== this.leading) {
      this.leading = leading;
      this.options.log.info({ leading }, leading ? 'syndication generates feeds' : 'syndication stands by');
    }
    if (!leading) return;
    await this.follow();
    await this.generateDue();
    if (this.pruning.due(Date.now())) {
      await this.options.repository.pruneRuns(RUNS_KEPT_DAYS);
    }
  }

  private async follow(): Promise<void> {
    const { changes, cursor, repository } = this.options;
    let position = await cursor.read();
    if (position === null) {
      // First run ever: every dealership's first full generation covers what came before.
      position = await changes.latest();
      await cursor.write(position);
    }
    for (;;) {
      const { refs, next } = await changes.after(position, CHANGES_PER_READ);
      await repository.markDirty(refs.map((ref) => ref.dealershipId));
      const moved = next > position;
      if (moved) {
        await cursor.write(next);
        position = next;
      }
      if (!moved || refs.length < CHANGES_PER_READ) return;
    }
  }

  private async generateDue(): Promise<void> {
    const due = await this.options.repository.due(
      this.options.debounceMs,
      this.options.fullIntervalMs,
      DEALERSHIPS_PER_TURN,
    );
    for (const { dealershipId, full } of due) {
      try {
        await this.options.publisher.generate(dealershipId, full ? 'schedule' : 'change');
      } catch (error) {
        // One dealership's failure (S3 refusing, say) does not hold up the others: it stays due but is
        // left out of `due` (in SQL, so others take its place) until a growing wait has passed.
        // Bugsnag hears of it once, not on every try.
        const waitOf = (failures: number) => backoffMs(FIRST_RETRY_MS, failures, LAST_RETRY_MS);
        const failures = await this.options.repository.failed(dealershipId, waitOf);
        const waitMs = waitOf(failures);
        this.options.log.warn(
          { err: error, dealershipId, failures, retryInMs: waitMs },
          'feeds of a dealership could not be generated',
        );
        if (failures === 1) this.options.reportError(error);
      }
    }
  }
}
