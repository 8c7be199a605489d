import {
  BusinessEventBatchSchema,
  IngestResultSchema,
  WRITE_ANALYTICS_EVENTS_SCOPE,
  type IngestResult,
} from '@showroom/contracts';
import { caller, routeFor, type Route } from '@showroom/server-kit';
import type { AnalyticsEngine } from '../engine/port';

/** What the internal ingest route is given (composed in compose-ingest.ts). */
export interface IngestRouteDeps {
  /** Where business events are appended. */
  ingestEngine: Pick<AnalyticsEngine, 'append'>;
}

const route = routeFor<IngestRouteDeps>();

/**
 * POST /internal/analytics/events: business events from the services' outbox relays (leads,
 * inventory, retail), machine callers with write:analytics-events only. A producer writes for
 * every dealership whose rows its outbox holds, so the batch's dealerships are the producer's to
 * name; what is checked is the shape of every event (a bad one refuses the whole batch, so a relay
 * never half-delivers and loses its place). Ids are the producers' outbox ids: a redelivered batch
 * is answered the same and stored once.
 */
export const ingestRoutes: Route<IngestRouteDeps>[] = [
  route({
    operationId: 'ingestBusinessEvents',
    method: 'post',
    path: '/internal/analytics/events',
    tag: 'services',
    summary: 'Append business events from a service’s outbox (idempotent by event id)',
    caller: caller.machine(WRITE_ANALYTICS_EVENTS_SCOPE),
    body: BusinessEventBatchSchema,
    responses: { 202: { description: 'Stored (or already stored)', schema: IngestResultSchema } },
    problems: { 503: 'The analytics engine is not answering; deliver the batch again later' },
    handler: async ({ body, res }, { ingestEngine }) => {
      await ingestEngine.append(body.events);
      const result: IngestResult = { accepted: body.events.length };
      res.status(202).json(result);
    },
  }),
];
