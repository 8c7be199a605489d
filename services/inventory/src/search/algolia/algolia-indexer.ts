import type { QueryExecutorProvider } from 'kysely';
import type { VehicleChanges } from '../changes';
import type { SearchDocumentSource } from '../documents';
import { IndexFollower, type FollowCursor, type FollowerLog } from '../follow-changes';
import type { VehicleSearchIndex } from '../port';
import { FollowGate, type FollowGateLog } from './follow-gate';
import { MysqlIndexCursorStore } from './mysql-cursor-store';
import { StoredFollowCursor } from './mysql-follow-cursor';
import { MysqlLeaderLease, type LeaderLease } from './mysql-leader-lease';

/** The consumer name of the indexer's cursor and leader lock: one per Algolia index. */
export function indexerConsumer(indexName: string): string {
  return `algolia:${indexName}`;
}

export interface AlgoliaFollowingSettings {
  indexName: string;
  /** The inventory writer: where the cursor table is. */
  writer: QueryExecutorProvider;
  /** The writer's URL: the leader lock holds a connection of its own. */
  writerUrl: string;
  /** The Algolia write side (AlgoliaVehicleIndex). */
  index: VehicleSearchIndex;
  log: FollowGateLog;
  reportError: (error: unknown) => void;
  /** Tests pass their own lease or clock. */
  lease?: LeaderLease;
  clock?: () => number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** What an IndexFollower needs to keep the shared Algolia index current (IndexFollowerOptions). */
export interface AlgoliaFollowing {
  index: VehicleSearchIndex;
  cursor: FollowCursor;
  mayFollow: () => Promise<boolean>;
  /** Lets another instance lead. */
  close(): Promise<void>;
}

/**
 * The follower's parts for Algolia: it reads the feed only while this instance holds the leader
 * lock, resumes from the cursor in MySQL, and the cursor moves only after Algolia took the batch.
 * When Algolia fails, the same changes are sent again after a growing pause; the failure is logged
 * each time and reported once.
 */
export function algoliaFollowing(settings: AlgoliaFollowingSettings): AlgoliaFollowing {
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
  return {
    index: gate.watch(settings.index),
    cursor: new StoredFollowCursor(new MysqlIndexCursorStore(settings.writer), consumer),
    mayFollow: gate.mayFollow,
    close: () => gate.release(),
  };
}

export interface AlgoliaIndexerSettings extends AlgoliaFollowingSettings {
  changes: VehicleChanges;
  documents: SearchDocumentSource;
  log: FollowerLog & FollowGateLog;
  /** SEARCH_FOLLOW_INTERVAL_MS. */
  intervalMs: number;
}

export interface AlgoliaIndexer {
  follower: IndexFollower;
  /** Stops following and lets another instance lead. */
  stop(): Promise<void>;
}

/** A follower of the change feed wired with algoliaFollowing: the indexer as a service runs it. */
export function createAlgoliaIndexer(settings: AlgoliaIndexerSettings): AlgoliaIndexer {
  const following = algoliaFollowing(settings);
  const follower = new IndexFollower({
    index: following.index,
    changes: settings.changes,
    documents: settings.documents,
    log: settings.log,
    intervalMs: settings.intervalMs,
    cursor: following.cursor,
    mayFollow: following.mayFollow,
  });
  return {
    follower,
    async stop() {
      await follower.stop();
      await following.close();
    },
  };
}
