import { describeRouteMatrix } from '@showroom/server-testing/matrix';
import { creditRouteExamples } from './credit/credit-route-examples';
import { dealsRouteExamples } from './deals/deals-route-examples';
import { quoteRouteExamples } from './quotes/quote-route-examples';
import { reservationRouteExamples } from './reservations/reservation-route-examples';
import { retailRoutes } from './routes';
import { settingsRouteExamples } from './settings/settings-route-examples';
import { tradeInRouteExamples } from './trade-ins/trade-in-route-examples';
import { startRetailTestApp, type RetailTestContext } from './test/retail-test-app';

/**
 * Every route of the table × every role × another dealership: each module gives a valid request of
 * each of its routes (`<module>/<module>-route-examples.ts`), made for the dealership asked for.
 */
describeRouteMatrix<RetailTestContext>({
  service: 'retail',
  routes: retailRoutes,
  start: () => startRetailTestApp(),
  // A dealership the users stand-in knows (the website routes' CORS looks it up), with a website.
  newDealership: async (ctx) => ctx.newDealership().dealershipId,
  examples: {
    ...settingsRouteExamples,
    ...quoteRouteExamples,
    ...dealsRouteExamples,
    ...creditRouteExamples,
    ...reservationRouteExamples,
    ...tradeInRouteExamples,
  },
});
