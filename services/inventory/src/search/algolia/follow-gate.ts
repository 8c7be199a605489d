import type { SearchDocument, VehicleRef, VehicleSearchIndex } from '../port';
import type { LeaderLease } from './mysql-leader-lease';

export interface FollowGateLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface FollowGateOptions {
  log: FollowGateLog;
  /** Bugsnag (or the like): told once when Algolia starts failing, not on every retry. */
  reportError: (error: unknown) => void;
  /** The first wait after a failure; each further failure doubles it, up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  clock?: () => number;
}

/**
 * Decides when the follower may read the change feed for the shared Algolia index: only while this
 * instance holds the leader lease, and not again until a backoff has passed after Algolia failed.
 * The follower keeps its cursor where it was on a failure, so the same changes are sent again once
 * Algolia answers: nothing is lost, and nothing is skipped.
 */
export class FollowGate {
  private failures = 0;
  private retryAt = 0;
  private leading = false;
  private readonly clock: () => number;

  constructor(
    private readonly lease: LeaderLease,
    private readonly options: FollowGateOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** IndexFollowerOptions.mayFollow. */
  readonly mayFollow = async (): Promise<boolean> => {
    if (this.clock() < this.retryAt) return false;
    let leading: boolean;
    try {
      leading = await this.lease.acquire();
    } catch (error) {
      this.options.log.warn({ err: error }, 'search indexer cannot reach MySQL for its leader lease');
      leading = false;
    }
    if (leading !== this.leading) {
      this.options.log.info({ leading }, leading ? 'search indexer leads' : 'search indexer stands by');
      this.leading = leading;
    }
    return leading;
  };

  /** The index as the follower should see it: failures push the next attempt back. */
  watch(index: VehicleSearchIndex): VehicleSearchIndex {
    return {
      upsert: (documents: readonly SearchDocument[]) => this.observe(index.upsert(documents)),
      remove: (refs: readonly VehicleRef[]) => this.observe(index.remove(refs)),
    };
  }

  async release(): Promise<void> {
    this.leading = false;
    await this.lease.release();
  }

  private async observe(work: Promise<void>): Promise<void> {
    try {
      await work;
    } catch (error) {
      this.failed(error);
      throw error;
    }
    if (this.failures > 0) {
      this.options.log.info({ failures: this.failures }, 'search index takes changes again');
      this.failures = 0;
      this.retryAt = 0;
    }
  }

  private failed(error: unknown): void {
    this.failures += 1;
    const min = this.options.minBackoffMs ?? 1_000;
    const backoff = Math.min(min * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 60_000);
    this.retryAt = this.clock() + backoff;
    this.options.log.warn(
      { err: error, failures: this.failures, retryInMs: backoff },
      'search index refused changes; they are kept and sent again',
    );
    if (this.failures === 1) this.options.reportError(error);
  }
}
