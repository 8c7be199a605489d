import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { MAX_INGEST_EVENTS } from '@showroom/contracts';
import { AnalyticsIngestClient } from '@showroom/server-analytics-client';
import type { ServiceTokens } from '@showroom/server-kit';
import type { InventoryConfig } from '../config';
import type { InventoryDatabase } from '../database';
import { AnalyticsRelay } from './analytics-relay';

/** The relay that ships vehicle events to the analytics service, as the configuration says. */
export function composeAnalyticsRelay(parts: {
  config: Pick<InventoryConfig, 'ANALYTICS_API_URL' | 'ANALYTICS_RELAY_INTERVAL_MS'>;
  writer: Kysely<InventoryDatabase>;
  tokens: ServiceTokens;
  logger: Logger;
  clock?: () => Date;
}): AnalyticsRelay {
  return new AnalyticsRelay({
    writer: parts.writer,
    analytics: new AnalyticsIngestClient({ baseUrl: parts.config.ANALYTICS_API_URL, tokens: parts.tokens }),
    settings: { intervalMs: parts.config.ANALYTICS_RELAY_INTERVAL_MS, batchSize: MAX_INGEST_EVENTS },
    logger: parts.logger,
    clock: parts.clock ?? (() => new Date()),
  });
}
