import type { Route } from '@showroom/server-kit';
import { collectRoutes, type CollectRouteDeps } from './collect/collect-routes';
import { ingestRoutes, type IngestRouteDeps } from './ingest/ingest-routes';
import { reportRoutes, type ReportRouteDeps } from './reports/report-routes';
import { settingsRoutes, type SettingsRouteDeps } from './settings/settings-routes';

/**
 * What the route handlers of every module are given (compose.ts builds it from each module's
 * composer). A module adds its own deps interface to the list it extends.
 */
export interface AnalyticsRouteDeps
  extends SettingsRouteDeps, ReportRouteDeps, IngestRouteDeps, CollectRouteDeps {}

/** The analytics API: every route, once (the app serves these; the route matrix and OpenAPI tests walk them). */
export const analyticsRoutes: Route<AnalyticsRouteDeps>[] = [
  // Each module spreads its route table here, one line each.
  ...settingsRoutes,
  ...reportRoutes,
  ...ingestRoutes,
  ...collectRoutes,
];
