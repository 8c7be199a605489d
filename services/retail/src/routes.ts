import type { Route } from '@showroom/server-kit';
import { creditRoutes, type CreditRouteDeps } from './credit/credit-routes';
import { dealRoutes, type DealRouteDeps } from './deals/deal-routes';
import type { PublicRouteDeps } from './public-access/public-route';
import { quoteRoutes, type QuoteRouteDeps } from './quotes/quote-routes';
import { reservationRoutes, type ReservationRouteDeps } from './reservations/reservation-routes';
import { settingsRoutes, type SettingsRouteDeps } from './settings/settings-routes';
import { tradeInRoutes, type TradeInRouteDeps } from './trade-ins/trade-in-routes';

/**
 * What the route handlers of every module are given (app.ts builds it). A module adds its own deps
 * interface to the list it extends.
 */
export interface RetailRouteDeps
  extends
    PublicRouteDeps,
    SettingsRouteDeps,
    QuoteRouteDeps,
    CreditRouteDeps,
    ReservationRouteDeps,
    TradeInRouteDeps,
    DealRouteDeps {}

/** The retail API: every route, once (the app serves these; the route matrix and OpenAPI tests walk them). */
export const retailRoutes: Route<RetailRouteDeps>[] = [
  // Each module spreads its route table here, one line each.
  ...settingsRoutes,
  ...quoteRoutes,
  ...creditRoutes,
  ...reservationRoutes,
  ...tradeInRoutes,
  ...dealRoutes,
];
