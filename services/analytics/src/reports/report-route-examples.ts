import type { RouteExample } from '@showroom/server-testing/matrix';
import type { AnalyticsTestContext } from '../test/analytics-test-app';
import { reportRoutes } from './report-routes';

/** A valid request of each report route for the route matrix: one week, compared with the week before. */
export const reportRouteExamples: Record<string, RouteExample<AnalyticsTestContext>> = Object.fromEntries(
  reportRoutes.map((route) => [
    route.operationId,
    { request: () => ({ query: { from: '2026-03-01', to: '2026-03-07', compare: 'previous' } }) },
  ]),
);
