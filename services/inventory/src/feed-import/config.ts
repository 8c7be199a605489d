import { configInt } from '@showroom/server-kit';
import { MAX_IMPORT_BYTES } from '@showroom/contracts';
import { z } from 'zod';

/** The feed import's variables, spread into the inventory service's config. */
export const feedImportConfigShape = {
  /**
   * Rows committed together with the job's cursor: a crash redoes at most one batch. Statements,
   * not rows, cost most: 10,000 new cars took 21.8 s in batches of 250 and 11.8 s in 1,000.
   */
  FEED_IMPORT_BATCH_ROWS: configInt(1, 5_000, 1_000),
  /** How often an idle worker looks for queued imports and feed URLs due. */
  FEED_IMPORT_POLL_INTERVAL_MS: configInt(10, 60_000, 1_000),
  /** A running import whose heartbeat is older than this is taken over (its worker died). */
  FEED_IMPORT_STALE_AFTER_MS: configInt(100, 3_600_000, 120_000),
  /** Tries of an import that fails (a database error, a lost file) before it is marked failed. */
  FEED_IMPORT_MAX_ATTEMPTS: configInt(1, 10, 3),
  /** Wait before retrying a failed try; doubled each time. */
  FEED_IMPORT_RETRY_DELAY_MS: configInt(0, 600_000, 10_000),
  /** Largest CSV an upload or a feed URL may bring (at most the contract's 50 MB). */
  FEED_IMPORT_MAX_BYTES: configInt(1_024, MAX_IMPORT_BYTES, MAX_IMPORT_BYTES),
  /** Days a finished import (its report, and the file of a failed one) is kept. */
  FEED_IMPORT_RETENTION_DAYS: configInt(1, 3_650, 30),
};

export type FeedImportConfig = {
  [K in keyof typeof feedImportConfigShape]: z.output<(typeof feedImportConfigShape)[K]>;
};

export interface FeedImportSettings {
  batchRows: number;
  pollIntervalMs: number;
  staleAfterMs: number;
  maxAttempts: number;
  retryDelayMs: number;
  maxBytes: number;
  retentionDays: number;
}

export function feedImportSettingsOf(config: FeedImportConfig): FeedImportSettings {
  return {
    batchRows: config.FEED_IMPORT_BATCH_ROWS,
    pollIntervalMs: config.FEED_IMPORT_POLL_INTERVAL_MS,
    staleAfterMs: config.FEED_IMPORT_STALE_AFTER_MS,
    maxAttempts: config.FEED_IMPORT_MAX_ATTEMPTS,
    retryDelayMs: config.FEED_IMPORT_RETRY_DELAY_MS,
    maxBytes: config.FEED_IMPORT_MAX_BYTES,
    retentionDays: config.FEED_IMPORT_RETENTION_DAYS,
  };
}
