import { ConfigError } from '@showroom/server-kit';
import type { VehicleChanges } from '../changes';
import type { SearchDocumentSource } from '../documents';
import type { SynonymRule } from '../port';
import type { AlgoliaClient } from './algolia-client';
import { indexerConsumer } from './algolia-indexer';
import { configureVehicleIndex } from './configure-index';
import { fullReindex } from './full-reindex';
import { replicaIndexNames } from './index-settings';
import type { IndexCursorStore } from './mysql-cursor-store';

/** What the admin commands need of the configuration (the inventory's own variables). */
export interface AlgoliaAdminConfig {
  ALGOLIA_APP_ID?: string;
  ALGOLIA_ADMIN_API_KEY?: string;
  ALGOLIA_INDEX_NAME?: string;
}

export interface AlgoliaAdminAccess {
  appId: string;
  adminApiKey: string;
  indexName: string;
}

/** The Algolia variables the commands need, or a refusal that names every missing one. */
export function algoliaAdminAccess(config: AlgoliaAdminConfig): AlgoliaAdminAccess {
  const missing = (['ALGOLIA_APP_ID', 'ALGOLIA_ADMIN_API_KEY', 'ALGOLIA_INDEX_NAME'] as const).filter(
    (name) => !config[name],
  );
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map((name) => `${name} is required to configure or rebuild the Algolia index`),
    );
  }
  return {
    appId: config.ALGOLIA_APP_ID as string,
    adminApiKey: config.ALGOLIA_ADMIN_API_KEY as string,
    indexName: config.ALGOLIA_INDEX_NAME as string,
  };
}

export type AdminLog = (line: string) => void;

/** `search:configure`: settings, virtual replicas and synonyms of the live index, from the repo. */
export async function configureCommand(
  client: AlgoliaClient,
  indexName: string,
  synonyms: readonly SynonymRule[],
  log: AdminLog,
): Promise<void> {
  await configureVehicleIndex(client, indexName, synonyms);
  log(
    `${indexName}: settings, ${replicaIndexNames(indexName).length} sort replicas and ${synonyms.length} synonym rules applied`,
  );
}

export interface ReindexDependencies {
  client: AlgoliaClient;
  indexName: string;
  synonyms: readonly SynonymRule[];
  changes: VehicleChanges;
  documents: SearchDocumentSource;
  cursors: IndexCursorStore;
  log: AdminLog;
  pageSize?: number;
  now?: Date;
}

/**
 * `search:reindex`: configures the live index, builds a new one from MySQL and swaps it in, then
 * sets the indexer back to where the change feed stood when the build began, so the changes made
 * while it read MySQL reach the new index too (applying a change twice is harmless).
 */
export async function reindexCommand(deps: ReindexDependencies): Promise<void> {
  const { client, indexName, log } = deps;
  await configureCommand(client, indexName, deps.synonyms, log);
  const startedAt = await deps.changes.latest();
  const { temporaryIndex, records } = await fullReindex(client, {
    indexName,
    documents: deps.documents.all(deps.pageSize ?? 1000),
    now: deps.now,
    progress: (sent) => {
      if (sent % 10_000 < (deps.pageSize ?? 1000))
        log(`${indexName}: ${sent} vehicles sent to the new index`);
    },
  });
  await deps.cursors.rewind(indexerConsumer(indexName), startedAt);
  log(
    `${indexName}: ${records} vehicles, rebuilt through ${temporaryIndex}; the indexer follows from change ${startedAt}`,
  );
}
