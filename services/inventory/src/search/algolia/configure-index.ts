import type { SynonymRule } from '../port';
import {
  primaryIndexSettings,
  REPLICA_SORTS,
  replicaIndexName,
  replicaIndexSettings,
} from './index-settings';
import type { AlgoliaClient } from './algolia-client';

/**
 * Applies the repo's settings to the live index, its virtual replicas and its synonyms, waiting for
 * each task so that the next step sees it. Every step replaces what it sets: running it twice (or on
 * every deploy) changes nothing the second time.
 */
export async function configureVehicleIndex(
  client: AlgoliaClient,
  indexName: string,
  synonyms: readonly SynonymRule[],
): Promise<void> {
  // The primary first: its `replicas` setting creates the virtual replicas the next steps configure.
  const primary = await client.setSettings({
    indexName,
    indexSettings: primaryIndexSettings(indexName),
    forwardToReplicas: false,
  });
  await client.waitForTask({ indexName, taskID: primary.taskID });
  for (const sort of REPLICA_SORTS) {
    const replica = replicaIndexName(indexName, sort);
    const task = await client.setSettings({ indexName: replica, indexSettings: replicaIndexSettings(sort) });
    await client.waitForTask({ indexName: replica, taskID: task.taskID });
  }
  const synonymsTask = await client.saveSynonyms({
    indexName,
    synonymHit: [...synonyms],
    forwardToReplicas: true,
    replaceExistingSynonyms: true,
  });
  await client.waitForTask({ indexName, taskID: synonymsTask.taskID });
}
