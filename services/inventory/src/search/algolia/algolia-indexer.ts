import type { QueryExecutorProvider } from 'kysely';
import type { VehicleChanges } from '../changes';
import type { SearchDocumentSource } from '../documents';
import { IndexFollower, type FollowerLog } from '../follow-changes';
import type { VehicleSearchIndex } from '../port';
import { FollowGate, type FollowGateLog } from './follow-gate';
import { MysqlIndexCursorStore } from './mysql-cursor-store';
import { StoredFollowCursor } from './mysql-follow-cursor';
import { MysqlLeaderLease, type LeaderLease } from './mysql-leader-lease';

/** The consumer name of the indexer's cursor and leader lock: one per Algolia index. */
export function indexerConsumer(indexName: string): string {
  return `algolia:${indexName}`;
}

export interface AlgoliaIndexerSettings {
  indexName: string;
  /** The inventory writer: the cursor table, and the URL for the leader lock's own connection. */
  writer: QueryExecutorProvider;
  writerUrl: string;
  changes: VehicleChanges;
  documents: SearchDocumentSource;
  /** The Algolia write side (AlgoliaVehicleIndex). */
  index: VehicleSearchIndex;
  log: FollowerLog & FollowGateLog;
  reportError: (error: unknown) => void;
  /** SEARCH_FOLLOW_INTERVAL_MS. */
  intervalMs: number;
  /** Tests pass their own lease or clock. */
  lease?: LeaderLease;
  clock?: () => number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface AlgoliaIndexer {
  follower: IndexFollower;
  /** Stops following and lets another instance lead. */
  stop(): Promise<void>;
}

/**
 * Keeps the Algolia index current from vehicle_changes on one instance at a time: the follower
 * reads the feed only while this instance holds the leader lock, resumes from the cursor in MySQL,
 * and moves the cursor only after Algolia took the batch. When Algolia fails, the same changes are
 * sent again after a growing pause; the failure is logged and reported once.
 */
export function createAlgoliaIndexer(settings: AlgoliaIndexerSettings): AlgoliaIndexer {
  const consumer = indexerConsumer(settings.indexName);
  const gate = new FollowGate(
    settings.lease ?? new MysqlLeaderLease(settings.writerUrl, `search-indexer:${consumer}`),
    {
      log: settings.log,
      reportError: settings.reportError,
      clock: settings.clock,
      minBackoffMs: settings.minBackoffMs,
      maxBackoffMs: settings.maxBackoffMs,
    },
  );
  const follower = new IndexFollower({
    index: gate.watch(settings.index),
    changes: settings.changes,
    documents: settings.documents,
    log: settings.log,
    intervalMs: settings.intervalMs,
    cursor: new StoredFollowCursor(new MysqlIndexCursorStore(settings.writer), consumer),
    mayFollow: gate.mayFollow,
  });
  return {
    follower,
    async stop() {
      await follower.stop();
      await gate.release();
    },
  };
}
