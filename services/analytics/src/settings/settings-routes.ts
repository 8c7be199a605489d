import {
  AnalyticsSettingsInputSchema,
  AnalyticsSettingsSchema,
  MonthSchema,
  SourceCostsInputSchema,
  SourceCostsSchema,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { AnalyticsSettingsService } from './settings-service';
import type { SourceCostService } from './source-cost-service';

export interface SettingsRouteDeps {
  analyticsSettings: AnalyticsSettingsService;
  sourceCosts: SourceCostService;
}

const route = routeFor<SettingsRouteDeps>();
const base = '/api/analytics';
const settingsAnswer = {
  200: { description: 'The analytics settings as now', schema: AnalyticsSettingsSchema },
};
const costsAnswer = {
  200: { description: 'The month’s costs and the sources seen that month', schema: SourceCostsSchema },
};

/** Analytics → Settings: the first-response target, shopper consent and sampling, monthly source costs. */
export const settingsRoutes = [
  route({
    operationId: 'getAnalyticsSettings',
    method: 'get',
    path: `${base}/settings`,
    tag: 'analytics-settings',
    summary: 'First-response target, consent rule and sample rate (the defaults until saved)',
    // Everyone who reads the dashboard sees the target it measures against.
    caller: caller.user('analytics:read'),
    responses: settingsAnswer,
    handler: ({ dealershipId }, { analyticsSettings }) => analyticsSettings.settings(dealershipId),
  }),
  route({
    operationId: 'updateAnalyticsSettings',
    method: 'put',
    path: `${base}/settings`,
    tag: 'analytics-settings',
    summary: 'Replace the analytics settings; reports and the storefront use them at once',
    caller: caller.user('analytics:configure'),
    body: AnalyticsSettingsInputSchema,
    responses: settingsAnswer,
    handler: ({ dealershipId, body }, { analyticsSettings }) => analyticsSettings.update(dealershipId, body),
  }),
  route({
    operationId: 'getSourceCosts',
    method: 'get',
    path: `${base}/source-costs`,
    tag: 'analytics-settings',
    summary: 'What the dealership paid each lead source in a month',
    caller: caller.user('analytics:configure'),
    query: z.strictObject({ month: MonthSchema }),
    responses: costsAnswer,
    problems: { 503: 'The users service (the dealership’s time zone) is not answering' },
    handler: ({ dealershipId, query }, { sourceCosts }) => sourceCosts.month(dealershipId, query.month),
  }),
  route({
    operationId: 'replaceSourceCosts',
    method: 'put',
    path: `${base}/source-costs/:month`,
    tag: 'analytics-settings',
    summary: 'Replace a month’s costs (a source left out cost nothing that month)',
    caller: caller.user('analytics:configure'),
    params: z.object({ month: MonthSchema }),
    body: SourceCostsInputSchema,
    responses: costsAnswer,
    problems: { 503: 'The users service (the dealership’s time zone) is not answering' },
    handler: ({ dealershipId, params, body }, { sourceCosts }) =>
      sourceCosts.replaceMonth(dealershipId, params.month, body),
  }),
];
