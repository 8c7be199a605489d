import type { AnalyticsParts, ModuleParts } from '../module-parts';
import type { ReportRouteDeps } from './report-routes';
import { ReportService } from './report-service';

/** The reports module on the shared parts. */
export function composeReports(parts: AnalyticsParts): ModuleParts<ReportRouteDeps> {
  const reports = new ReportService({
    engine: parts.engine,
    settings: parts.settings,
    sourceCosts: parts.sourceCosts,
    directory: parts.directory,
    clock: parts.clock,
  });
  return { routeDeps: { reports } };
}
