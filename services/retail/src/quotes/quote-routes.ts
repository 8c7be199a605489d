import { QuoteRequestSchema, QuoteSchema, RetailTermsSchema } from '@showroom/contracts';
import { z } from 'zod';
import { PUBLIC_RETAIL_PREFIX } from '../public-access/public-access';
import { publicRouteFor, type PublicRouteDeps } from '../public-access/public-route';
import type { QuoteTermsSource, ShopperQuotes } from './shopper-quotes';

export interface QuoteRouteDeps extends PublicRouteDeps {
  retailTerms: QuoteTermsSource;
  shopperQuotes: ShopperQuotes;
}

const publicRoute = publicRouteFor<QuoteRouteDeps>();
const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

/** What a dealership's website quotes with: its terms (for the browser's own maths) and a server quote. */
export const quoteRoutes = [
  publicRoute({
    operationId: 'getRetailTerms',
    method: 'get',
    path: `${PUBLIC_RETAIL_PREFIX}/terms`,
    tag: 'shopper',
    summary:
      'The dealership’s fees, tax rules, rates, residuals, active protection products and reservation deposit: all a browser needs to quote',
    params: dealershipParams,
    responses: { 200: { description: 'The terms', schema: RetailTermsSchema } },
    handler: ({ params }, { retailTerms }) => retailTerms.of(params.dealershipId.toLowerCase()),
  }),
  publicRoute({
    operationId: 'quoteDeal',
    method: 'post',
    path: `${PUBLIC_RETAIL_PREFIX}/quotes`,
    tag: 'shopper',
    summary:
      'A payment estimate for a car the dealership lists (finance, lease or cash), priced by inventory and the dealership’s terms',
    params: dealershipParams,
    body: QuoteRequestSchema,
    responses: { 200: { description: 'The quote', schema: QuoteSchema } },
    problems: {
      404: 'No such dealership, or the vehicle is not for sale there',
      422: 'The terms cannot quote this structure (no residual for the lease term, a product or tier not offered): invalidParams names the field',
    },
    handler: ({ params, body }, { shopperQuotes }) =>
      shopperQuotes.quote(params.dealershipId.toLowerCase(), body),
  }),
];
