import type { Client, estypes } from '@elastic/elasticsearch';
import type { Logger } from 'pino';
import {
  eventIndexTemplate,
  eventMappings,
  lifecyclePolicy,
  lifecyclePolicyName,
  vehicleMappings,
  vehiclesIndex,
  type ElasticsearchNames,
} from './index-template';

/**
 * What the engine's ready() puts in the cluster, in order: the lifecycle policy, the events' index
 * template, the data stream and the vehicles index. Every step is idempotent (a put replaces, a
 * create that finds its index keeps it and updates its mapping), so every task runs it on start.
 */
export async function putAnalyticsIndices(
  client: Client,
  names: ElasticsearchNames,
  options: { retentionDays: number; logger?: Logger },
): Promise<void> {
  await client.ilm.putLifecycle({
    name: lifecyclePolicyName(names),
    policy: lifecyclePolicy(options.retentionDays),
  });
  await client.indices.putIndexTemplate(eventIndexTemplate(names));
  // Created now rather than by the first event, so a report before any event finds an empty stream.
  if (await createUnlessExists(() => client.indices.createDataStream({ name: names.dataStream }))) {
    options.logger?.info({ dataStream: names.dataStream }, 'analytics data stream created');
  } else {
    // An existing stream takes fields added to fields.ts now; the template gives them to the next backing index.
    await client.indices.putMapping({ index: names.dataStream, ...mappingUpdate(eventMappings()) });
  }
  if (!(await createUnlessExists(() => client.indices.create(vehiclesIndex(names))))) {
    await client.indices.putMapping({ index: names.vehiclesIndex, ...mappingUpdate(vehicleMappings()) });
  }
}

/** Runs a create; false when the index or data stream already exists. */
async function createUnlessExists(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    const type = (error as { body?: { error?: { type?: string } } }).body?.error?.type;
    if (type === 'resource_already_exists_exception') return false;
    throw error;
  }
}

/** A mapping as a put-mapping request takes it (the same properties; `_meta` and `dynamic` included). */
function mappingUpdate(
  mappings: estypes.MappingTypeMapping,
): Omit<estypes.IndicesPutMappingRequest, 'index'> {
  return { dynamic: mappings.dynamic, _meta: mappings._meta, properties: mappings.properties };
}
