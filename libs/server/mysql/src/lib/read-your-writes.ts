import { readingFromPrimary } from './read-routing';
import type { ReplicaRotation } from './replica-rotation';

/** Who wrote lately, shared by every instance of a service (Redis: RedisRecentWrites). */
export interface RecentWrites {
  /** Remembers for `ms` that each key wrote. */
  mark(keys: readonly string[], ms: number): Promise<void>;
  /** Whether any key wrote within the time it was marked for. */
  anyMarked(keys: readonly string[]): Promise<boolean>;
}

/** A request as read routing sees it: who and what it is for, and whether it changes data. */
export interface RoutedRequest {
  /** E.g. `user:<id>`, `dealership:<id>`: whose recent writes this request must see. */
  keys: readonly string[];
  writes: boolean;
}

/** Beyond the rotation's staleness bound, for the clocks of Redis and of this process. */
const WINDOW_MARGIN_MS = 500;
/** A write still running is marked for this long on top of the window: the longest a request runs. */
const IN_FLIGHT_MS = 60_000;

/**
 * Read-your-writes by a window on the primary (ADR 0014). A request that writes marks its keys
 * (the user, the dealership) before it starts and again once its work is done; while a key is
 * marked, that user's or dealership's reads go to the primary. The mark lasts longer than
 * ReplicaRotation's staleness bound, so once it has lapsed, any replica still in rotation holds the
 * write. Redis away means marks cannot be read: reads go to the primary until it answers.
 */
export class ReadYourWrites {
  constructor(
    private readonly rotation: ReplicaRotation,
    private readonly recent: RecentWrites,
  ) {}

  /** How long after a write its keys' reads stay on the primary. */
  get windowMs(): number {
    return this.rotation.staleAfterMs + WINDOW_MARGIN_MS;
  }

  async around<T>(request: RoutedRequest, work: () => Promise<T>): Promise<T> {
    if (this.rotation.size === 0) return work();
    const { keys } = request;
    if (request.writes) {
      if (keys.length > 0) await this.recent.mark(keys, this.windowMs + IN_FLIGHT_MS).catch(() => undefined);
      try {
        return await readingFromPrimary(work);
      } finally {
        if (keys.length > 0) await this.recent.mark(keys, this.windowMs).catch(() => undefined);
      }
    }
    const mustSeeWrites = keys.length > 0 && (await this.recent.anyMarked(keys).catch(() => true));
    return mustSeeWrites ? readingFromPrimary(work) : work();
  }

  /** For writes made outside a request (imports, robots): their keys' reads stay on the primary a while. */
  async wrote(keys: readonly string[]): Promise<void> {
    if (this.rotation.size === 0 || keys.length === 0) return;
    await this.recent.mark(keys, this.windowMs).catch(() => undefined);
  }
}
