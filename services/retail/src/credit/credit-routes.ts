import {
  CreditApplicationInputSchema,
  CreditApplicationSummarySchema,
  CreditApplicationViewSchema,
  DEAL_ACCESS_HEADER,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import type { DealAccess } from '../deals/deal-access';
import { deskDealParams, shopperDealParams } from '../deals/deal-params';
import type { ShopperAccess } from '../deals/shopper-access';
import { PUBLIC_RETAIL_PREFIX } from '../public-access/public-access';
import { publicRouteFor, type PublicRouteDeps } from '../public-access/public-route';
import type { CreditService } from './credit-service';

/** What the credit routes are given (app.ts builds it). */
export interface CreditRouteDeps extends PublicRouteDeps {
  credit: CreditService;
  shopperAccess: ShopperAccess;
  dealAccess: DealAccess;
}

const publicRoute = publicRouteFor<CreditRouteDeps>();
const route = routeFor<CreditRouteDeps>();

const dealAccessHeader = {
  name: DEAL_ACCESS_HEADER,
  required: true,
  description: 'The deal’s access token, or the signed link token from an e-mail',
};

/**
 * The credit application: a shopper sends it for their own deal (the clear form exists only in that
 * request), a finance manager or owner opens it at the desk (decrypted, never cached, recorded).
 * Invalid fields are named with the contract's reasons, which never repeat the value sent.
 */
export const creditRoutes = [
  publicRoute({
    operationId: 'submitCreditApplication',
    method: 'post',
    path: `${PUBLIC_RETAIL_PREFIX}/deals/:dealId/credit-application`,
    tag: 'credit',
    summary: 'The shopper’s credit application for their deal (one per deal; stored envelope-encrypted)',
    params: shopperDealParams,
    headers: [dealAccessHeader],
    body: CreditApplicationInputSchema,
    responses: {
      201: {
        description: 'Received and sealed: its summary (nothing personal)',
        schema: CreditApplicationSummarySchema,
      },
    },
    problems: {
      400: 'Invalid fields (the reasons never repeat what was sent)',
      404: 'No such deal, or the access token does not open it',
      409: 'The deal already has a credit application, or was withdrawn',
      503: 'The key service (KMS) is not answering: nothing was stored; send it again after Retry-After',
    },
    handler: async ({ params, body, req, res }, { credit, shopperAccess }) => {
      const deal = await shopperAccess.require(
        params.dealershipId,
        params.dealId,
        req.get(DEAL_ACCESS_HEADER),
      );
      const summary = await credit.submit(deal, body);
      res.status(201).set('Cache-Control', 'no-store').json(summary);
    },
  }),
  route({
    operationId: 'viewCreditApplication',
    method: 'get',
    path: '/api/retail/deals/:dealId/credit-application',
    tag: 'credit',
    summary:
      'The decrypted credit application of a deal (finance managers and owners; every view is recorded)',
    caller: caller.user('credit:read'),
    params: deskDealParams,
    responses: {
      200: {
        description: 'The application as the shopper sent it (Cache-Control: no-store)',
        schema: CreditApplicationViewSchema,
        headers: ['Cache-Control'],
      },
    },
    problems: {
      404: 'No such deal, no credit application on it, or the application was deleted after its retention period',
      503: 'The key service (KMS) is not answering: try again after Retry-After',
    },
    handler: async ({ params, tenant, principal, res }, { credit, dealAccess }) => {
      res.set('Cache-Control', 'no-store');
      const deal = await dealAccess.require(tenant, principal, params.dealId);
      return credit.view(deal, principal);
    },
  }),
];
