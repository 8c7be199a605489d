import type { AnalyticsSettingsInput, SourceCostsInput } from '@showroom/contracts';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { AnalyticsTestContext } from '../test/analytics-test-app';

/** Settings as a manager saves them on the settings page. */
export const EXAMPLE_SETTINGS: AnalyticsSettingsInput = {
  firstResponseTargetMinutes: 10,
  consent: 'opt_in',
  sampleRate: 0.5,
};

/** A month's costs as a manager enters them. */
export const EXAMPLE_COSTS: SourceCostsInput = {
  costs: [
    { source: 'autotrader', costCents: 120_000 },
    { source: 'cars.com', costCents: 89_900 },
  ],
};

/** A valid request of each settings route, for the route matrix (src/route-matrix.test.ts). */
export const settingsRouteExamples: Record<string, RouteExample<AnalyticsTestContext>> = {
  getAnalyticsSettings: { request: () => ({}) },
  updateAnalyticsSettings: { request: () => ({ body: EXAMPLE_SETTINGS }) },
  getSourceCosts: { request: () => ({ query: { month: '2026-03' } }) },
  // A month is not a record: any dealership may enter costs for any month.
  replaceSourceCosts: {
    namesRecord: false,
    request: () => ({ params: { month: '2026-03' }, body: EXAMPLE_COSTS }),
  },
};
