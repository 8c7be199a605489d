import {
  SearchEngineUnavailable,
  type SearchDocument,
  type SearchRequest,
  type SearchResult,
  type VehicleRef,
  type VehicleSearchEngine,
  type VehicleSearchIndex,
} from '../port';
import { toAlgoliaQuery } from './search-params';
import { fromAlgoliaResponse, type RetrievedRecord } from './search-response';
import { toVehicleRecord } from './vehicle-record';
import type { AlgoliaClient } from './algolia-client';

const ENGINE = 'algolia';

export interface AlgoliaSearchTimeouts {
  /** Per host try: the client moves on to the next host after these. */
  connectMs: number;
  readMs: number;
  /** The whole search, all hosts and retries included: past it the caller falls back to MySQL. */
  deadlineMs: number;
}

/** A shopper waits for the MySQL fallback after this, so it is well below the client's defaults. */
export const DEFAULT_SEARCH_TIMEOUTS: AlgoliaSearchTimeouts = {
  connectMs: 1000,
  readMs: 1500,
  deadlineMs: 2500,
};

/** The read side on Algolia: one query per search, on the index (or virtual replica) of the sort. */
export class AlgoliaSearchEngine implements VehicleSearchEngine {
  readonly name = ENGINE;

  constructor(
    private readonly client: AlgoliaClient,
    private readonly indexName: string,
    private readonly timeouts: AlgoliaSearchTimeouts = DEFAULT_SEARCH_TIMEOUTS,
  ) {}

  async search(request: SearchRequest): Promise<SearchResult> {
    const query = toAlgoliaQuery(this.indexName, request);
    const response = await unavailableOnFailure(
      withDeadline(
        this.client.searchSingleIndex<RetrievedRecord>(query, {
          timeouts: { connect: this.timeouts.connectMs, read: this.timeouts.readMs },
        }),
        this.timeouts.deadlineMs,
      ),
    );
    return fromAlgoliaResponse(response, request);
  }
}

/** The write side: vehicles' current state as partial updates (created when missing), and deletes. */
export class AlgoliaVehicleIndex implements VehicleSearchIndex {
  constructor(
    private readonly client: AlgoliaClient,
    private readonly indexName: string,
    private readonly batchSize = 1000,
  ) {}

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await unavailableOnFailure(
      this.client.partialUpdateObjects({
        indexName: this.indexName,
        objects: documents.map(toVehicleRecord) as unknown as Record<string, unknown>[],
        createIfNotExists: true,
        batchSize: this.batchSize,
      }),
    );
  }

  async remove(refs: readonly VehicleRef[]): Promise<void> {
    if (refs.length === 0) return;
    await unavailableOnFailure(
      this.client.deleteObjects({
        indexName: this.indexName,
        objectIDs: refs.map((ref) => ref.id),
        batchSize: this.batchSize,
      }),
    );
  }
}

/** Every failure (unreachable hosts, time-outs, refusals) means: answer from MySQL, retry later. */
async function unavailableOnFailure<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof SearchEngineUnavailable) throw error;
    // The client's messages name hosts and statuses, never the API key.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new SearchEngineUnavailable(ENGINE, reason, { cause: error });
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SearchEngineUnavailable(ENGINE, `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
