import { describeRouteMatrix } from '@showroom/server-testing/matrix';
import { analyticsRoutes } from './routes';
import { collectRouteExamples } from './collect/collect-route-examples';
import { ingestRouteExamples } from './ingest/ingest-route-examples';
import { reportRouteExamples } from './reports/report-route-examples';
import { settingsRouteExamples } from './settings/settings-route-examples';
import { startAnalyticsTestApp, type AnalyticsTestContext } from './test/analytics-test-app';

/**
 * Every route of the table × every role × another dealership: each module gives a valid request of
 * each of its routes (`<module>/<module>-route-examples.ts`), made for the dealership asked for.
 */
describeRouteMatrix<AnalyticsTestContext>({
  service: 'analytics',
  routes: analyticsRoutes,
  start: () => startAnalyticsTestApp(),
  // A dealership the users stand-in knows (its time zone for reports, its website for collection).
  newDealership: async (ctx) => ctx.newDealership().dealershipId,
  examples: {
    ...settingsRouteExamples,
    ...reportRouteExamples,
    ...ingestRouteExamples,
    ...collectRouteExamples,
  },
});
