import { randomUUID } from 'node:crypto';
import { EMPTY_EVENT_FIELDS } from '@showroom/contracts';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { AnalyticsTestContext } from '../test/analytics-test-app';

/** A valid request of the ingest route for the route matrix: one lead arriving at the dealership. */
export const ingestRouteExamples: Record<string, RouteExample<AnalyticsTestContext>> = {
  ingestBusinessEvents: {
    request: (_ctx, dealershipId) => ({
      body: {
        events: [
          {
            ...EMPTY_EVENT_FIELDS,
            id: `leads:${randomUUID()}`,
            dealershipId,
            type: 'lead_created',
            occurredAt: new Date().toISOString(),
            leadId: randomUUID(),
            source: 'website:check_availability',
            channel: 'website',
          },
        ],
      },
    }),
  },
};
