import type { Route } from '@showroom/server-kit';

/** What the report routes are given (the report service; composed in compose-reports.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- H4 fills this in with the report service
export interface ReportRouteDeps {}

/** One route per ANALYTICS_REPORTS name: GET /api/analytics/reports/<name>. */
export const reportRoutes: Route<ReportRouteDeps>[] = [];
