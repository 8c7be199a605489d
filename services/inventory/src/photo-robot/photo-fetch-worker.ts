import type { Logger } from 'pino';
import {
  HttpProblem,
  type ErrorReporter,
  backoffMs,
  loggableError,
  reportableError,
} from '@showroom/server-kit';
import type { PhotoRobotSettings } from './config';
import type { ClaimedItem, ItemOutcome, PhotoFetchRepository } from './photo-fetch-repository';
import { safeFetch } from './safe-fetch';
import { DAY_MS, Hourly } from '../background/hourly';

/** What the robot needs of the photo pipeline (PhotoLibrary): validate, make variants, store, dedupe. */
export interface PhotoPipeline {
  add(
    dealershipId: string,
    vehicleId: string,
    input: { bytes: Buffer; name: string; source: 'robot' | 'feed'; sourceUrl?: string },
  ): Promise<{ photo: { id: string }; duplicate: boolean }>;
}

/** Tries per link, the first included; passing failures (timeouts, 5xx, cut connections) are retried. */
export const MAX_ATTEMPTS = 3;

export interface PhotoFetchWorkerOptions {
  repository: PhotoFetchRepository;
  photos: PhotoPipeline;
  settings: PhotoRobotSettings;
  logger: Logger;
  reporter?: ErrorReporter;
  clock?: () => Date;
}

/**
 * Fetches queued links in the background, a few at a time: claims due links from MySQL (skipping
 * those another instance holds), fetches each with safeFetch, hands the bytes to the photo pipeline
 * and records per link what happened. A link whose worker died is taken over when its lease ends.
 */
export class PhotoFetchWorker {
  private readonly inFlight = new Set<Promise<void>>();
  /** Adds to one vehicle run one after another, so the pipeline sees a job's duplicates in turn. */
  private readonly vehicleTurns = new Map<string, Promise<unknown>>();
  private readonly aborts = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private claiming: Promise<void> | null = null;
  private started = false;
  private stopped = false;
  private readonly pruning = new Hourly();

  constructor(private readonly options: PhotoFetchWorkerOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.wake();
  }

  /** Looks for due links now instead of at the next poll (a job was just queued here). */
  wake(): void {
    if (!this.started || this.stopped || this.claiming) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.claiming = this.claimAndRun().finally(() => {
      this.claiming = null;
      this.schedule();
    });
  }

  /** Stops claiming, aborts the fetches under way and puts their links back in the queue. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.aborts.abort();
    await this.claiming;
    await Promise.all(this.inFlight);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.wake(), this.options.settings.pollIntervalMs);
    // The HTTP server keeps the process alive; the robot alone must not.
    this.timer.unref();
  }

  /** Forgets finished jobs older than the retention; answers how many. Run hourly by the worker. */
  async prune(): Promise<number> {
    this.pruning.ran(Date.now());
    const before = new Date(this.now().getTime() - this.options.settings.retentionDays * DAY_MS);
    return this.options.repository.pruneFinished(before);
  }

  private async claimAndRun(): Promise<void> {
    if (this.pruning.due(Date.now())) {
      // Every instance prunes; deleting what another instance deleted first is harmless.
      await this.prune().catch((error: unknown) =>
        this.options.logger.error({ error: loggableError(error) }, 'photo robot could not forget old jobs'),
      );
    }
    const free = this.options.settings.concurrency - this.inFlight.size;
    if (free <= 0) return;
    let claimed: ClaimedItem[];
    try {
      const now = this.now();
      claimed = await this.options.repository.claimDue(
        now,
        new Date(now.getTime() + this.options.settings.leaseMs),
        free,
      );
    } catch (error) {
      this.options.logger.error(
        { error: loggableError(error) },
        'photo robot could not claim links; trying again',
      );
      return;
    }
    for (const item of claimed) {
      const run = this.process(item).finally(() => {
        this.inFlight.delete(run);
        this.wake();
      });
      this.inFlight.add(run);
    }
  }

  private async process(item: ClaimedItem): Promise<void> {
    try {
      const outcome = await this.outcomeOf(item);
      if (outcome === 'retry') return;
      const recorded = await this.options.repository.finish(item, outcome, this.now());
      if (!recorded) {
        this.options.logger.warn({ itemId: item.id }, 'photo robot link was taken over before it finished');
      }
    } catch (error) {
      // The link stays claimed; its lease ends and another turn takes it up.
      this.options.logger.error(
        { error: loggableError(error), itemId: item.id },
        'photo robot could not record a link',
      );
      this.options.reporter?.notify(reportableError(error), { photoFetchItemId: item.id });
    }
  }

  /** What to record for the link, or 'retry' once it has been put back in the queue. */
  private async outcomeOf(item: ClaimedItem): Promise<ItemOutcome | 'retry'> {
    if (item.attempts > MAX_ATTEMPTS) {
      return { status: 'failed', reason: `the robot stopped while fetching it ${MAX_ATTEMPTS} times` };
    }
    const fetched = await safeFetch(item.url, this.options.settings.limits, { signal: this.aborts.signal });
    if (this.stopped) {
      // Shutting down (a deploy): the link goes back at once, this try not counted, for the next instance.
      await this.options.repository.release(item, this.now());
      return 'retry';
    }
    switch (fetched.outcome) {
      case 'refused':
        return { status: 'refused', reason: fetched.reason };
      case 'failed':
        return fetched.transient
          ? this.retryOrFail(item, fetched.reason)
          : { status: 'failed', reason: fetched.reason };
      case 'fetched':
        return this.addPhoto(item, fetched.bytes, fetched.finalUrl);
    }
  }

  private async addPhoto(item: ClaimedItem, bytes: Buffer, finalUrl: string): Promise<ItemOutcome | 'retry'> {
    try {
      const { photo, duplicate } = await this.inVehicleTurn(item, () =>
        this.options.photos.add(item.dealershipId, item.vehicleId, {
          bytes,
          name: nameOf(finalUrl),
          source: item.originKind === 'feed' ? 'feed' : 'robot',
          sourceUrl: item.url,
        }),
      );
      return duplicate
        ? { status: 'duplicate', photoId: photo.id, reason: 'the vehicle already has this image' }
        : { status: 'added', photoId: photo.id, reason: null };
    } catch (error) {
      // The pipeline's own refusals (not an image, too many pixels, 60 photos) are final.
      if (error instanceof HttpProblem && error.status < 500) {
        return { status: 'failed', reason: error.detail ?? error.title };
      }
      this.options.logger.warn(
        { error: loggableError(error), itemId: item.id },
        'photo robot could not store an image',
      );
      return this.retryOrFail(item, 'the image could not be stored just now');
    }
  }

  private async retryOrFail(item: ClaimedItem, reason: string): Promise<ItemOutcome | 'retry'> {
    if (item.attempts >= MAX_ATTEMPTS) {
      return { status: 'failed', reason: `${reason} (tried ${item.attempts} times)` };
    }
    const now = this.now();
    const backoff = backoffMs(this.options.settings.retryDelayMs, item.attempts);
    await this.options.repository.retryLater(
      item,
      `${reason}; trying again`,
      new Date(now.getTime() + backoff),
      now,
    );
    return 'retry';
  }

  private inVehicleTurn<T>(item: ClaimedItem, add: () => Promise<T>): Promise<T> {
    const key = `${item.dealershipId}/${item.vehicleId}`;
    const previous = this.vehicleTurns.get(key) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(add);
    const settled = turn.catch(() => undefined);
    this.vehicleTurns.set(key, settled);
    void settled.then(() => {
      if (this.vehicleTurns.get(key) === settled) this.vehicleTurns.delete(key);
    });
    return turn;
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}

/** The file name a link ends in (what the dealer sees as the photo's original name). */
function nameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  return (name || 'photo').slice(0, 200);
}
