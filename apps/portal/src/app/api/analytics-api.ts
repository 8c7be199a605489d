import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AnalyticsReportName,
  AnalyticsSettings,
  AnalyticsSettingsInput,
  CloseRateReport,
  FirstResponseReport,
  FunnelReport,
  InventoryAgingReport,
  LeadsBySourceReport,
  NoResultSearchesReport,
  ReportParams,
  RooftopsReport,
  SourceCostReport,
  SourceCosts,
  SourceCostsInput,
} from '@showroom/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/analytics';

/** Each report's name and the answer its route gives: the one place a name meets its type. */
export interface AnalyticsReports {
  'leads-by-source': LeadsBySourceReport;
  funnel: FunnelReport;
  'first-response': FirstResponseReport;
  'close-rate': CloseRateReport;
  'source-costs': SourceCostReport;
  'inventory-aging': InventoryAgingReport;
  'no-result-searches': NoResultSearchesReport;
  rooftops: RooftopsReport;
}

// Fails to compile when analytics-options gains a report this map does not type.
type EveryReportTyped = AnalyticsReportName extends keyof AnalyticsReports ? true : never;
const everyReportTyped: EveryReportTyped = true;
void everyReportTyped;

/** The active dealership's analytics: the dashboard's reports, its settings and the monthly source costs. */
@Injectable({ providedIn: 'root' })
export class AnalyticsApi {
  private readonly http = inject(HttpClient);

  report<N extends AnalyticsReportName>(name: N, query: ReportParams): Observable<AnalyticsReports[N]> {
    return this.http.get<AnalyticsReports[N]>(`${BASE}/reports/${name}`, { params: reportParams(query) });
  }

  settings(): Observable<AnalyticsSettings> {
    return this.http.get<AnalyticsSettings>(`${BASE}/settings`);
  }

  saveSettings(input: AnalyticsSettingsInput): Observable<AnalyticsSettings> {
    return this.http.put<AnalyticsSettings>(`${BASE}/settings`, input);
  }

  /** `month` as YYYY-MM. */
  sourceCosts(month: string): Observable<SourceCosts> {
    return this.http.get<SourceCosts>(`${BASE}/source-costs`, { params: { month } });
  }

  /** Replaces the month's costs with these. */
  saveSourceCosts(month: string, input: SourceCostsInput): Observable<SourceCosts> {
    return this.http.put<SourceCosts>(`${BASE}/source-costs/${encodeURIComponent(month)}`, input);
  }
}

/** Only what is set goes on the URL; the service's defaults (compare previous, rooftop scope) apply otherwise. */
export function reportParams(query: ReportParams): HttpParams {
  let params = new HttpParams().set('from', query.from).set('to', query.to);
  if (query.compare) params = params.set('compare', query.compare);
  if (query.scope) params = params.set('scope', query.scope);
  if (query.salespersonId) params = params.set('salespersonId', query.salespersonId);
  return params;
}
