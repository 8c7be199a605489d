import type { SearchDocument } from '../port';
import { toVehicleRecord } from './vehicle-record';
import type { AlgoliaClient } from './algolia-client';

export interface FullReindexSettings {
  indexName: string;
  /** Every vehicle, a page at a time (SearchDocumentSource.all). */
  documents: AsyncIterable<SearchDocument[]>;
  batchSize?: number;
  now?: Date;
  progress?: (recordsSent: number) => void;
}

export interface FullReindexResult {
  temporaryIndex: string;
  records: number;
}

/** `showroom_prod_vehicles_tmp_20261206T080000000Z`: when it was built, for whoever finds one left over. */
export function temporaryIndexName(indexName: string, now: Date): string {
  return `${indexName}_tmp_${now.toISOString().replace(/[-:.]/g, '')}`;
}

/**
 * Rebuilds the live index without a moment of partial results: a temporary index gets the live
 * index's settings and synonyms, then every record, and is then moved over the live index in one
 * atomic step (the live index keeps its replicas, which follow the new records). The live index must
 * be configured first (configureVehicleIndex). A failed build deletes its temporary index and leaves
 * the live one as it was.
 */
export async function fullReindex(
  client: AlgoliaClient,
  settings: FullReindexSettings,
): Promise<FullReindexResult> {
  const { indexName } = settings;
  const temporaryIndex = temporaryIndexName(indexName, settings.now ?? new Date());
  let records = 0;
  try {
    const copy = await client.operationIndex({
      indexName,
      operationIndexParams: {
        operation: 'copy',
        destination: temporaryIndex,
        scope: ['settings', 'synonyms'],
      },
    });
    await client.waitForTask({ indexName: temporaryIndex, taskID: copy.taskID });
    for await (const page of settings.documents) {
      if (page.length === 0) continue;
      await client.saveObjects({
        indexName: temporaryIndex,
        objects: page.map(toVehicleRecord) as unknown as Record<string, unknown>[],
        batchSize: settings.batchSize ?? 1000,
        waitForTasks: true,
      });
      records += page.length;
      settings.progress?.(records);
    }
    const move = await client.operationIndex({
      indexName: temporaryIndex,
      operationIndexParams: { operation: 'move', destination: indexName },
    });
    await client.waitForTask({ indexName: temporaryIndex, taskID: move.taskID });
    return { temporaryIndex, records };
  } catch (error) {
    await client.deleteIndex({ indexName: temporaryIndex }).catch(() => undefined);
    throw error;
  }
}
