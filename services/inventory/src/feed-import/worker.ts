import { STOCK_NUMBER_LETTER, type ImportRules, type VehicleCondition } from '@showroom/contracts';
import { HttpProblem, PollingWorker, backoffMs, loggableError } from '@showroom/server-kit';
import type { ObjectStore } from '@showroom/server-storage';
import type { Logger } from 'pino';
import type { DealershipQueries } from '@showroom/server-mysql';
import type { InventoryDatabase } from '../database';
import type { FetchLimits, SafeFetchResult } from '../photo-robot/safe-fetch';
import { DAY_MS, HOUR_MS, Hourly } from '../background/hourly';
import { applyBatch, LostClaim, type StockNumbers } from './batch';
import type { FeedImportSettings } from './config';
import { mergedRowsProblem, readRecords, type CsvFault } from './csv-file';
import type { ClaimedImport, ImportJobClaims } from './job-claims';
import { handleMissing, MAX_REMOVAL_SHARE, missingShare, removesTooMany } from './missing';
import { headerKey } from './presets';
import type { FeedImportRepository, ImportJobRow } from './repository';
import { indexColumns, readRow, type ColumnIndex, type ReadRow } from './row-values';
import { jobFromRow } from './repository';

/** The robot's queue as the import uses it (PhotoFetchQueue). */
export interface FeedPhotoQueue {
  enqueue(
    dealershipId: string,
    vehicleId: string,
    urls: readonly string[],
    origin: { kind: 'feed'; importId: string },
  ): Promise<string>;
}

/** What the worker needs of the rest of the service. */
export interface FeedImportWorkerDeps {
  repository: FeedImportRepository;
  claims: ImportJobClaims;
  objects: ObjectStore;
  photos: FeedPhotoQueue;
  /** The lot's next free stock number for a condition (VehicleService.suggestStockNumber). */
  suggestStockNumber(dealershipId: string, condition: VehicleCondition): Promise<string>;
  /** Removes the photo files of a vehicle the import deleted (PhotoLibrary.forgetVehicle). */
  forgetPhotos(dealershipId: string, vehicleId: string): Promise<void>;
  /** After vehicles changed: the dealership's cached answers dropped (search follows the change feed). */
  vehiclesChanged(dealershipId: string): Promise<void>;
  /** Turns a fetched feed into a queued import (FeedImportService.importFeed). */
  importFeed(dealershipId: string, url: string, file: Buffer): Promise<string>;
  fetchFeed(url: string, limits: FetchLimits): Promise<SafeFetchResult>;
  fetchLimits: FetchLimits;
  settings: FeedImportSettings;
  logger: Logger;
  clock: () => Date;
}

/** The first retry of a feed that failed for a passing reason; doubled each time, at most the interval. */
const FEED_RETRY_FIRST_MS = 60_000;
/** An upload not started within this is taken for abandoned. */
const ABANDONED_AFTER_MS = 24 * HOUR_MS;

/** An import that cannot succeed by trying again (the file is gone, a mapped column is not in it). */
class ImportCannotRun extends Error {}

/**
 * Background imports: claims queued (or abandoned) imports and scheduled feeds one at a time and
 * runs them; a batch commits with the job's cursor, so a crash resumes after the last batch.
 */
export class FeedImportWorker {
  private readonly worker: PollingWorker;
  private readonly pruning = new Hourly();

  constructor(private readonly deps: FeedImportWorkerDeps) {
    this.worker = new PollingWorker({
      name: 'feed import worker',
      run: () => this.drain(),
      intervalMs: deps.settings.pollIntervalMs,
      logger: deps.logger,
    });
  }

  start(): void {
    this.worker.start();
  }

  /** Finishes the item under way, then stops. */
  close(): Promise<void> {
    return this.worker.stop();
  }

  /** Works until nothing is waiting; exposed so tests and benchmarks can drive it without the timer. */
  async drain(): Promise<void> {
    if (this.pruning.due(this.deps.clock().getTime())) {
      await this.pruneAbandonedUploads();
      await this.pruneFinishedImports();
    }
    while (!this.worker.stopping) {
      const feed = await this.fetchDueFeed();
      const claimed = await this.deps.claims.claimImport(this.deps.clock(), this.deps.settings.staleAfterMs);
      if (claimed) await this.run(claimed);
      if (!claimed && !feed) return;
    }
  }

  /** Deletes the files and rows of uploads nobody started within a day. */
  async pruneAbandonedUploads(): Promise<number> {
    const before = new Date(this.deps.clock().getTime() - ABANDONED_AFTER_MS);
    const abandoned = await this.deps.claims.abandonedUploads(before, 100);
    if (abandoned.length === 0) return 0;
    await this.deps.objects.delete(abandoned.map((upload) => upload.objectKey));
    for (const upload of abandoned)
      await this.deps.repository.deleteUploadedJob(upload.dealershipId, upload.id);
    return abandoned.length;
  }

  /**
   * Forgets imports finished longer ago than the retention: reports, VINs, and the file a failed
   * import kept for a resume. Answers how many went.
   */
  async pruneFinishedImports(batch = 100): Promise<number> {
    const { claims, objects, repository, settings, clock } = this.deps;
    const before = new Date(clock().getTime() - settings.retentionDays * DAY_MS);
    let pruned = 0;
    for (;;) {
      const old = await claims.finishedBefore(before, batch);
      if (old.length === 0) return pruned;
      await objects.delete(old.map((job) => job.objectKey));
      for (const job of old) await repository.forgetFinishedJob(job.dealershipId, job.id);
      pruned += old.length;
      if (old.length < batch) return pruned;
    }
  }

  private async fetchDueFeed(): Promise<boolean> {
    const due = await this.deps.claims.claimDueFeed(this.deps.clock());
    if (!due) return false;
    const { repository, logger, clock } = this.deps;
    // A passing failure (the server down, a timeout) is tried again sooner than the next interval.
    let retryAt: Date | null = null;
    try {
      const result = await this.deps.fetchFeed(due.url, {
        ...this.deps.fetchLimits,
        maxBytes: this.deps.settings.maxBytes,
      });
      if (result.outcome === 'failed' && result.transient) {
        retryAt = new Date(
          clock().getTime() + backoffMs(FEED_RETRY_FIRST_MS, due.failures + 1, due.intervalHours * HOUR_MS),
        );
      }
      if (result.outcome !== 'fetched')
        throw new ImportCannotRun(`the feed could not be fetched: ${result.reason}`);
      const importId = await this.deps.importFeed(due.dealershipId, due.url, result.bytes);
      await repository.recordFeedFetch(due.dealershipId, { importId });
    } catch (error) {
      const reason =
        error instanceof HttpProblem || error instanceof ImportCannotRun
          ? error.message
          : 'the feed could not be imported';
      // Never the error itself: it may carry the feed's URL, and with it the DMS token.
      if (!(error instanceof HttpProblem || error instanceof ImportCannotRun))
        logger.error({ error: loggableError(error) }, 'feed fetch failed');
      await repository.recordFeedFetch(due.dealershipId, { error: reason, retryAt });
    }
    return true;
  }

  /** Runs one claimed import to its end, or records why it stopped. */
  async run(claimed: ClaimedImport): Promise<void> {
    const { repository, settings, clock, logger } = this.deps;
    try {
      await this.runImport(claimed);
    } catch (error) {
      if (error instanceof LostClaim) return;
      const final = error instanceof ImportCannotRun || claimed.attempts >= settings.maxAttempts;
      const message =
        error instanceof ImportCannotRun
          ? error.message
          : 'the import stopped on an error; it goes on from the last batch saved';
      if (!(error instanceof ImportCannotRun))
        logger.error({ error: loggableError(error), importId: claimed.id }, 'feed import failed');
      await repository.updateJob(claimed.dealershipId, claimed.id, ['running'], {
        status: final ? 'failed' : 'queued',
        error: message,
        heartbeat_at: null,
        not_before: final
          ? null
          : new Date(clock().getTime() + backoffMs(settings.retryDelayMs, claimed.attempts)),
        finished_at: final ? clock() : null,
      });
    }
  }

  private async runImport({ id, dealershipId }: ClaimedImport): Promise<void> {
    const { repository, objects, settings, clock } = this.deps;
    const job = await repository.findJob(dealershipId, id);
    if (!job) throw new LostClaim();
    const { mapping, rules } = jobFromRow(job);
    if (!mapping || !rules) throw new ImportCannotRun('the import was queued without a mapping');
    if (!job.rows_finished) {
      const stored = await objects.get(job.object_key);
      if (!stored) throw new ImportCannotRun('the uploaded file is no longer stored; upload it again');
      await this.importRows(job, mapping, stored.body);
      await repository.updateJob(dealershipId, id, ['running'], {
        rows_finished: true,
        heartbeat_at: clock(),
      });
    }
    if (rules.mode === 'full') {
      const refusal = await this.missingStepRefusal(job, rules);
      if (refusal) {
        if (!job.rows_finished) {
          await repository.addIssue(dealershipId, id, {
            line: 1,
            field: null,
            reason: refusal,
            severity: 'warning',
          });
        }
      } else if (await repository.sawAnyVin(dealershipId, id)) {
        for (;;) {
          const { handled, deleted } = await repository.transaction(
            dealershipId,
            (tenant: DealershipQueries<InventoryDatabase>) =>
              handleMissing(tenant, id, rules.missing, settings.batchRows, clock()),
          );
          for (const vehicleId of deleted) await this.deps.forgetPhotos(dealershipId, vehicleId);
          await this.deps.vehiclesChanged(dealershipId);
          if (handled === 0) break;
        }
      } else if (!job.rows_finished) {
        await repository.addIssue(dealershipId, id, {
          line: 1,
          field: null,
          reason: 'the file lists no vehicle, so no vehicle on the lot was treated as missing',
          severity: 'warning',
        });
      }
    }
    await this.sendPhotos(dealershipId, id);
    await repository.updateJob(dealershipId, id, ['running'], {
      status: 'succeeded',
      error: null,
      heartbeat_at: null,
      finished_at: clock(),
    });
    // The report is in MySQL; the file and the VINs were kept only to resume from.
    await objects.delete([job.object_key]);
    await repository.forgetVins(dealershipId, id);
  }

  /**
   * Why a full feed's missing step must not run: the file had lines not read reliably (the cars
   * on them would look missing), or it would remove a large share of the lot, which the dealer
   * did not confirm. Null: it may run. Once it has started removing cars (a resumed job), it goes on.
   */
  private async missingStepRefusal(job: ImportJobRow, rules: ImportRules): Promise<string | null> {
    if (rules.missing === 'keep') return null;
    const fresh = await this.deps.repository.findJob(job.dealership_id, job.id);
    if (!fresh || fresh.missing_count > 0) return null;
    if (fresh.read_faults > 0) {
      return `no vehicle on the lot was treated as missing: ${fresh.read_faults} line(s) of the file could not be read reliably (see the report), so cars on them would have looked missing`;
    }
    if (rules.allowLargeRemoval) return null;
    const { missing, lot } = await this.deps.repository.transaction(
      job.dealership_id,
      (tenant: DealershipQueries<InventoryDatabase>) => missingShare(tenant, job.id),
    );
    if (!removesTooMany(missing, lot)) return null;
    return `no vehicle on the lot was treated as missing: the file leaves out ${missing} of the ${lot} vehicles on the lot, more than ${MAX_REMOVAL_SHARE * 100}% at once; if that is right, import it again allowing a large removal`;
  }

  /** Reads the file from after the job's cursor and applies it batch by batch. */
  private async importRows(
    job: ImportJobRow,
    mapping: NonNullable<ReturnType<typeof jobFromRow>['mapping']>,
    file: Buffer,
  ): Promise<void> {
    const { repository, settings, clock } = this.deps;
    const rules = jobFromRow(job).rules;
    if (!rules) throw new ImportCannotRun('the import was queued without rules');
    const stockNumbers = this.stockNumbersFor(job.dealership_id);
    let cursor = job.cursor_line;
    let columns: ColumnIndex | undefined;
    let headerCount = 0;
    const faults: CsvFault[] = [];
    let rows: ReadRow[] = [];
    let lastLine = cursor;
    const commit = async (through: number) => {
      const taken = faults.filter((fault) => fault.line <= through);
      const later = faults.filter((fault) => fault.line > through);
      faults.splice(0, faults.length, ...later);
      const fresh = taken.filter((fault) => fault.line > cursor);
      if (rows.length === 0 && fresh.length === 0) return;
      const batch = {
        importId: job.id,
        expectedCursor: cursor,
        lastLine: through,
        rows,
        faults: fresh,
        rules,
        now: clock(),
      };
      await repository.transaction(job.dealership_id, (tenant) => applyBatch(tenant, batch, stockNumbers));
      cursor = through;
      rows = [];
      await this.sendPhotos(job.dealership_id, job.id);
      await this.deps.vehiclesChanged(job.dealership_id);
    };
    for await (const item of readRecords(file, (fault) => faults.push(fault))) {
      if ('headers' in item) {
        columns = indexColumns(mapping, item.headers);
        headerCount = item.headers.length;
        const keys = new Set(item.headers.map(headerKey));
        const unknown = Object.values(mapping).filter(
          (column): column is string => !!column && !keys.has(headerKey(column)),
        );
        if (unknown.length > 0) {
          throw new ImportCannotRun(
            `the file has no column ${[...new Set(unknown)].map((c) => `"${c}"`).join(', ')} named in the mapping`,
          );
        }
        continue;
      }
      if (item.line <= cursor || !columns) continue;
      const merged = mergedRowsProblem(item.cells, headerCount, columns.get('description'));
      if (merged) faults.push({ line: item.line, reason: merged, skipped: false });
      rows.push(readRow(item.line, item.cells, columns));
      lastLine = item.line;
      if (rows.length >= settings.batchRows) await commit(lastLine);
    }
    const lastFault = faults.at(-1)?.line ?? 0;
    await commit(Math.max(lastLine, lastFault));
  }

  private stockNumbersFor(dealershipId: string): StockNumbers {
    const nextByLetter = new Map<string, number>();
    return {
      next: async (condition) => {
        const letter = STOCK_NUMBER_LETTER[condition];
        const next =
          nextByLetter.get(letter) ??
          Number((await this.deps.suggestStockNumber(dealershipId, condition)).slice(1));
        nextByLetter.set(letter, next + 1);
        return `${letter}${next}`;
      },
    };
  }

  /** Hands the robot the photo lists this import recorded; a vehicle gone since is passed over. */
  private async sendPhotos(dealershipId: string, importId: string): Promise<void> {
    const { repository, photos } = this.deps;
    for (const { vehicleId, urls } of await repository.pendingPhotoLists(dealershipId, importId)) {
      try {
        await photos.enqueue(dealershipId, vehicleId, urls, { kind: 'feed', importId });
      } catch (error) {
        if (!(error instanceof HttpProblem && error.status === 404)) throw error;
      }
      await repository.photoListSent(dealershipId, importId, vehicleId);
    }
  }
}
