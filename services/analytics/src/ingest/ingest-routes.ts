import type { Route } from '@showroom/server-kit';

/** What the internal ingest route is given (composed in compose-ingest.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- H4 fills this in with the ingest service
export interface IngestRouteDeps {}

/** POST /internal/analytics/events: business events from the services' outboxes (machine scope write:analytics-events). */
export const ingestRoutes: Route<IngestRouteDeps>[] = [];
