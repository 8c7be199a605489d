import type { AnalyticsParts, ModuleParts } from '../module-parts';
import type { ReportRouteDeps } from './report-routes';

/** The reports module on the shared parts. */
export function composeReports(_parts: AnalyticsParts): ModuleParts<ReportRouteDeps> {
  return { routeDeps: {} };
}
