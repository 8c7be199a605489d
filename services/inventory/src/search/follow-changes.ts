import type { VehicleChanges } from './changes';
import type { SearchDocumentSource } from './documents';
import type { VehicleSearchIndex } from './port';

/** How far a follower has read the change feed. */
export interface FollowCursor {
  /** `null` when this index was never built: the follower starts with a full build. */
  read(): Promise<number | null>;
  write(cursor: number): Promise<void>;
}

/** For an index that lives and dies with this process (the embedded engine): every start rebuilds. */
export class InMemoryFollowCursor implements FollowCursor {
  private cursor: number | null = null;

  async read(): Promise<number | null> {
    return this.cursor;
  }

  async write(cursor: number): Promise<void> {
    this.cursor = cursor;
  }
}

/** The part of a pino logger the follower uses. */
export interface FollowerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface IndexFollowerOptions {
  index: VehicleSearchIndex;
  changes: VehicleChanges;
  documents: SearchDocumentSource;
  log: FollowerLog;
  /** SEARCH_FOLLOW_INTERVAL_MS: how often the feed is read. */
  intervalMs: number;
  cursor?: FollowCursor;
  /** Asked before each read of the feed; `false` skips it (another instance follows a shared index). */
  mayFollow?: () => Promise<boolean>;
  /** Called once, when the first full build (or resume) is done and the index may answer. */
  onReady?: () => void;
  /** Vehicles per page of the full build. */
  buildPageSize?: number;
  /** Wait before a failed build is tried again; by default the interval, at least a second. */
  buildRetryMs?: number;
}

/** Changes read per query of the feed; a poll keeps reading until the feed is exhausted. */
const CHANGES_PER_READ = 500;
/** A failed build is retried no faster than this by default, so a database that is down is not hammered. */
const MIN_BUILD_RETRY_MS = 1_000;

/**
 * Keeps a search index current from the vehicle change feed: a full build at start (the feed's
 * position is read first, so nothing changed during the build is missed), then a read of the feed
 * every interval. Documents are loaded as they are now, so applying a change twice is harmless.
 * Errors are logged and the next tick tries again; nothing here ever throws at its caller.
 */
export class IndexFollower {
  private readonly cursor: FollowCursor;
  private position = 0;
  private buildFrom: number | null = null;
  private ready = false;
  /** With `mayFollow`: whether this instance followed at its last turn (a standby does not). */
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private latestPoll: Promise<void> = Promise.resolve();
  private queuedPoll: Promise<void> | null = null;
  private starting: Promise<void> | null = null;

  constructor(private readonly options: IndexFollowerOptions) {
    this.cursor = options.cursor ?? new InMemoryFollowCursor();
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Resolves once the index is built (retrying a failed build) and following has begun. */
  start(): Promise<void> {
    this.starting ??= this.buildUntilDone().then(() => this.scheduleTick());
    return this.starting;
  }

  /**
   * Applies every change committed before this call, then resolves: a service calls it after its own
   * write so this instance's next search sees it. Callers that come while a read of the feed is
   * only queued share it; one that comes while a read is running waits for the next.
   */
  catchUp(): Promise<void> {
    if (!this.ready || this.stopped) return Promise.resolve();
    if (!this.queuedPoll) {
      const poll = this.latestPoll.then(() => {
        this.queuedPoll = null;
        return this.pollSafely();
      });
      this.queuedPoll = poll;
      this.latestPoll = poll;
    }
    return this.queuedPoll;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.latestPoll;
  }

  private async buildUntilDone(): Promise<void> {
    while (!this.stopped) {
      try {
        // A shared index is built or resumed only by the instance allowed to follow it; the others
        // stand by and take over at a later turn (see pollSafely).
        if (!this.options.mayFollow || (await this.options.mayFollow())) {
          await this.buildOrResume();
          this.leading = true;
        }
        this.ready = true;
        this.options.onReady?.();
        return;
      } catch (error) {
        this.options.log.error({ err: error }, 'search index could not be built; trying again');
        await delay(this.options.buildRetryMs ?? Math.max(this.options.intervalMs, MIN_BUILD_RETRY_MS));
      }
    }
  }

  private async buildOrResume(): Promise<void> {
    const stored = await this.cursor.read();
    if (stored !== null) {
      this.position = stored;
      this.options.log.info({ cursor: stored }, 'search index resumes following vehicle changes');
      return;
    }
    const started = Date.now();
    // Kept across retries: a retry must also replay the changes (deletes) since the first attempt.
    this.buildFrom ??= await this.options.changes.latest();
    let vehicles = 0;
    for await (const page of this.options.documents.all(this.options.buildPageSize ?? 1_000)) {
      await this.options.index.upsert(page);
      vehicles += page.length;
    }
    this.position = this.buildFrom;
    await this.cursor.write(this.position);
    this.options.log.info({ vehicles, ms: Date.now() - started }, 'search index built');
  }

  private scheduleTick(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.catchUp().then(() => this.scheduleTick());
    }, this.options.intervalMs);
    // The HTTP server keeps the process alive; the follower alone must not.
    this.timer.unref();
  }

  private async pollSafely(): Promise<void> {
    try {
      if (this.options.mayFollow) {
        if (!(await this.options.mayFollow())) {
          this.leading = false;
          return;
        }
        // Taking over: the shared cursor has moved on while this instance stood by.
        if (!this.leading) await this.buildOrResume();
        this.leading = true;
      }
      await this.poll();
    } catch (error) {
      this.options.log.error(
        { err: error, cursor: this.position },
        'search index could not follow vehicle changes; trying again',
      );
    }
  }

  private async poll(): Promise<void> {
    for (;;) {
      const { refs, next } = await this.options.changes.after(this.position, CHANGES_PER_READ);
      if (refs.length > 0) {
        const { documents, gone } = await this.options.documents.load(refs);
        if (documents.length > 0) await this.options.index.upsert(documents);
        if (gone.length > 0) await this.options.index.remove(gone);
      }
      if (next === this.position) return;
      this.position = next;
      await this.cursor.write(next);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
