import { z } from 'zod';

/**
 * The path parameters of the deal routes, declared once for every module that serves a deal's
 * parts (deals, trade-ins, credit, reservations), so they validate and document them alike.
 */

/** A public route's dealership: `/public/dealerships/:dealershipId/…`. */
export const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

/** A shopper's deal: `/public/dealerships/:dealershipId/deals/:dealId/…`. */
export const shopperDealParams = dealershipParams.extend({ dealId: z.uuid('must be a deal id (UUID)') });

/** A deal at the desk (the dealership is the caller's X-Dealership-Id): `/deals/:dealId/…`. */
export const deskDealParams = z.object({ dealId: z.uuid('must be a deal id (UUID)') });
