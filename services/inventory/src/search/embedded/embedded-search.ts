import type { VehicleChanges } from '../changes';
import type { SearchDocumentSource } from '../documents';
import { IndexFollower, type FollowerLog } from '../follow-changes';
import type { SynonymRule } from '../port';
import { EmbeddedSearchEngine } from './embedded-engine';

export interface EmbeddedSearchSetup {
  synonyms: readonly SynonymRule[];
  changes: VehicleChanges;
  documents: SearchDocumentSource;
  log: FollowerLog;
  /** SEARCH_FOLLOW_INTERVAL_MS */
  intervalMs: number;
}

/**
 * The embedded engine and the follower that fills it: the engine refuses searches (so the service
 * answers from MySQL) until the follower's first build is done. Call `follower.start()` without
 * waiting for it, `follower.catchUp()` after a write, `follower.stop()` on shutdown.
 */
export function createEmbeddedSearch(setup: EmbeddedSearchSetup): {
  engine: EmbeddedSearchEngine;
  follower: IndexFollower;
} {
  const engine = new EmbeddedSearchEngine({ synonyms: setup.synonyms });
  const follower = new IndexFollower({
    index: engine,
    changes: setup.changes,
    documents: setup.documents,
    log: setup.log,
    intervalMs: setup.intervalMs,
    onReady: () => engine.markReady(),
  });
  return { engine, follower };
}
