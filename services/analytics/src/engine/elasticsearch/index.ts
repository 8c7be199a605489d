import { Client } from '@elastic/elasticsearch';
import type { Logger } from 'pino';
import { ElasticsearchEngine } from './elasticsearch-engine';

export { ElasticsearchEngine, type ElasticsearchEngineOptions } from './elasticsearch-engine';
export { BulkWriteError } from './bulk-writer';
export {
  DEFAULT_NAMES,
  DEFAULT_RETENTION_DAYS,
  eventsIndexFor,
  eventsPattern,
  type ElasticsearchNames,
} from './index-template';

export interface ElasticsearchConnection {
  /** The cluster's URL (Elastic Cloud or self-managed; AWS OpenSearch refuses this client). */
  url: string;
  /** An API key (the encoded form Kibana shows) with rights on the events' and vehicles indices, template and ILM policy (README). */
  apiKey?: string | null;
  /** The events' index prefix: events go to `<prefix>-YYYY.MM`, reports read `<prefix>-*`. */
  eventsIndexPrefix?: string;
  /**
   * The same prefix under its earlier name, as compose-engine passes ELASTICSEARCH_DATA_STREAM
   * until the configuration names it for what it is now; `eventsIndexPrefix` wins when both are set.
   */
  dataStream?: string;
  vehiclesIndex?: string;
  retentionDays?: number;
}

/** The engine for a configured cluster (compose-engine.ts). Nothing connects until ready(). */
export function createElasticsearchEngine(
  connection: ElasticsearchConnection,
  logger?: Logger,
): ElasticsearchEngine {
  const events = connection.eventsIndexPrefix ?? connection.dataStream;
  const client = new Client({
    node: connection.url,
    ...(connection.apiKey ? { auth: { apiKey: connection.apiKey } } : {}),
    // A report is a handful of aggregations; one that takes longer than this is better failed than waited for.
    requestTimeout: 30_000,
    name: 'showroom-analytics',
  });
  return new ElasticsearchEngine(client, {
    names: {
      ...(events ? { events } : {}),
      ...(connection.vehiclesIndex ? { vehiclesIndex: connection.vehiclesIndex } : {}),
    },
    retentionDays: connection.retentionDays,
    logger,
  });
}
