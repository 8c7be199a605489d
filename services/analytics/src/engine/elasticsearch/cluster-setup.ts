import type { Client, estypes } from '@elastic/elasticsearch';
import type { Logger } from 'pino';
import {
  eventIndexTemplate,
  eventMappings,
  eventsIndexFor,
  eventsPattern,
  lifecyclePolicy,
  lifecyclePolicyName,
  vehicleMappings,
  vehiclesIndex,
  type ElasticsearchNames,
} from './index-template';

/**
 * What the engine's ready() puts in the cluster, in order: the lifecycle policy, the events' index
 * template, this month's events index, the mapping of every month's index, and the vehicles
 * index. Every step is idempotent (a put replaces, a create that finds its index keeps it), so
 * every task runs it on start.
 */
export async function putAnalyticsIndices(
  client: Client,
  names: ElasticsearchNames,
  options: { retentionDays: number; now: Date; logger?: Logger },
): Promise<void> {
  await client.ilm.putLifecycle({
    name: lifecyclePolicyName(names),
    policy: lifecyclePolicy(options.retentionDays),
  });
  await client.indices.putIndexTemplate(eventIndexTemplate(names));
  // This month's index is created now rather than by its first event: a search on a pattern that
  // matches no index answers without its aggregations (elastic/elasticsearch#129762), so reports
  // before the first event need one index to read, empty or not. The template gives it its mapping.
  const current = eventsIndexFor(names, options.now);
  if (await createUnlessExists(() => client.indices.create({ index: current }))) {
    options.logger?.info({ index: current }, 'analytics events index created');
  }
  // Every month's index takes fields added to fields.ts now, not only the next month's: a late or
  // redelivered event of an earlier month carrying the new field would be refused by the strict mapping.
  await client.indices.putMapping({ index: eventsPattern(names), ...mappingUpdate(eventMappings()) });
  if (!(await createUnlessExists(() => client.indices.create(vehiclesIndex(names))))) {
    await client.indices.putMapping({ index: names.vehiclesIndex, ...mappingUpdate(vehicleMappings()) });
  }
}

/** Runs a create; false when the index already exists. */
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
