import {
  ANALYTICS_REPORTS,
  CloseRateReportSchema,
  FirstResponseReportSchema,
  FunnelReportSchema,
  InventoryAgingReportSchema,
  LeadsBySourceReportSchema,
  NoResultSearchesReportSchema,
  ReportQuerySchema,
  RooftopsReportSchema,
  SourceCostReportSchema,
  type AnalyticsReportName,
  type Permission,
} from '@showroom/contracts';
import { caller, routeFor, type Route } from '@showroom/server-kit';
import type { z } from 'zod';
import type { ReportService } from './report-service';

/** What the report routes are given (composed in compose-reports.ts). */
export interface ReportRouteDeps {
  reports: ReportService;
}

interface ReportDeclaration {
  operationId: string;
  summary: string;
  schema: z.ZodType;
  /** Who may read it: everyone who reads analytics, unless the report is not about anyone's own figures. */
  permission: Permission;
}

/** Each report of the dashboard, its answer and its reader. */
const REPORTS: Record<AnalyticsReportName, ReportDeclaration> = {
  'leads-by-source': {
    operationId: 'getLeadsBySourceReport',
    summary: 'Leads per source and day, and per source against the previous period',
    schema: LeadsBySourceReportSchema,
    permission: 'analytics:read',
  },
  funnel: {
    operationId: 'getFunnelReport',
    summary: 'Vehicle views, leads, appointments and sales per source',
    schema: FunnelReportSchema,
    permission: 'analytics:read',
  },
  'first-response': {
    operationId: 'getFirstResponseReport',
    summary: 'First-response time (median, 90th percentile, within target) per salesperson and overall',
    schema: FirstResponseReportSchema,
    permission: 'analytics:read',
  },
  'close-rate': {
    operationId: 'getCloseRateReport',
    summary: 'Sales over leads per source and per salesperson',
    schema: CloseRateReportSchema,
    permission: 'analytics:read',
  },
  'source-costs': {
    operationId: 'getSourceCostReport',
    summary: 'Each source’s monthly cost prorated to the period, per lead and per sale',
    schema: SourceCostReportSchema,
    // The dealership's spending over all its leads: not a salesperson's own figures.
    permission: 'analytics:read-all',
  },
  'inventory-aging': {
    operationId: 'getInventoryAgingReport',
    summary: 'The lot by days since listing at the end of the period, and days to sell',
    schema: InventoryAgingReportSchema,
    permission: 'analytics:read',
  },
  'no-result-searches': {
    operationId: 'getNoResultSearchesReport',
    summary: 'What shoppers searched for and the lot did not have',
    schema: NoResultSearchesReportSchema,
    permission: 'analytics:read',
  },
  rooftops: {
    operationId: 'getRooftopsReport',
    summary: 'Views, leads, sales and median first response per rooftop (the group view)',
    schema: RooftopsReportSchema,
    permission: 'analytics:read',
  },
};

const route = routeFor<ReportRouteDeps>();

/**
 * One route per ANALYTICS_REPORTS name: GET /api/analytics/reports/<name>?from&to&compare&scope&salespersonId.
 * Days are the dealership's calendar days; salespeople get their own figures, and asking for the
 * group or someone else's is a 403.
 */
export const reportRoutes: Route<ReportRouteDeps>[] = ANALYTICS_REPORTS.map((name) => {
  const report = REPORTS[name];
  return route({
    operationId: report.operationId,
    method: 'get',
    path: `/api/analytics/reports/${name}`,
    tag: 'analytics-reports',
    summary: report.summary,
    caller: caller.user(report.permission),
    query: ReportQuerySchema,
    responses: { 200: { description: `The ${name} report`, schema: report.schema } },
    problems: {
      404: 'The dealership is not known to the users service',
      503: 'The users service (the dealership’s time zone) or the analytics engine is not answering',
    },
    handler: ({ tenant, query }, { reports }) => reports.report(name, tenant, query),
  });
});
