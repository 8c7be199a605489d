import type { Response } from 'express';
import { z } from 'zod';
import {
  AppraisalInputSchema,
  DEAL_ACCESS_HEADER,
  DealTradeInSchema,
  TradeInInputSchema,
} from '@showroom/contracts';
import { caller, problems, routeFor } from '@showroom/server-kit';
import type { DealAccess } from '../deals/deal-access';
import { deskDealParams, shopperDealParams } from '../deals/deal-params';
import type { ShopperAccess } from '../deals/shopper-access';
import { PUBLIC_RETAIL_PREFIX } from '../public-access/public-access';
import { publicRouteFor, type PublicRouteDeps } from '../public-access/public-route';
import type { TradeInPhotoLinks } from './photo-links';
import { MAX_TRADE_PHOTOS } from './photo-pipeline';
import type { TradeInAppraisals } from './trade-in-appraisals';
import type { TradeInIntake } from './trade-in-intake';
import { TRADE_PHOTO_FIELD, type TradeInPhotos } from './trade-in-photos';

/** What the trade-in routes are given (app.ts builds it). */
export interface TradeInRouteDeps extends PublicRouteDeps {
  shopperAccess: ShopperAccess;
  dealAccess: DealAccess;
  tradeInIntake: TradeInIntake;
  tradeInPhotos: TradeInPhotos;
  tradeInAppraisals: TradeInAppraisals;
  tradeInPhotoLinks: TradeInPhotoLinks;
}

const publicRoute = publicRouteFor<TradeInRouteDeps>();
const route = routeFor<TradeInRouteDeps>();

const shopperPhotoParams = shopperDealParams.extend({ photoId: z.uuid('must be a photo id (UUID)') });
const deskPhotoParams = deskDealParams.extend({ photoId: z.uuid('must be a photo id (UUID)') });

const dealAccessHeader = {
  name: DEAL_ACCESS_HEADER,
  required: true,
  description: 'The deal’s access token, or the signed link token from an e-mail',
};
const tradeIn = { description: 'The deal’s trade-in', schema: DealTradeInSchema };
const photoAnswer = {
  description: 'The photo (image/jpeg, no metadata); Cache-Control: private, max-age=300',
  headers: ['Cache-Control'],
};

function sendPhoto(res: Response, jpeg: Buffer): void {
  res.status(200).set({ 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=300' }).send(jpeg);
}

/**
 * A deal's trade-in: the shopper describes it (estimated from the dealer's grid) and adds photos;
 * the desk looks at the photos and appraises it, which the shopper is e-mailed.
 */
export const tradeInRoutes = [
  publicRoute({
    operationId: 'putTradeIn',
    method: 'put',
    path: `${PUBLIC_RETAIL_PREFIX}/deals/:dealId/trade-in`,
    tag: 'trade-ins',
    summary:
      'The shopper’s trade-in for their deal (replaces any before it): the VIN decoded, an estimate from the dealer’s grid or awaiting appraisal',
    params: shopperDealParams,
    headers: [dealAccessHeader],
    body: TradeInInputSchema,
    responses: { 200: tradeIn },
    problems: {
      400: 'Invalid fields',
      404: 'No such deal, or the access token does not open it',
      409: 'The deal was accepted or withdrawn: its trade-in can no longer change',
      422: 'The VIN contradicts the year or make given, or neither tells them: invalidParams names the field',
    },
    handler: async ({ params, body, req }, { shopperAccess, tradeInIntake }) => {
      const deal = await shopperAccess.require(
        params.dealershipId,
        params.dealId,
        req.get(DEAL_ACCESS_HEADER),
      );
      return tradeInIntake.put(deal, body);
    },
  }),
  publicRoute({
    operationId: 'addTradeInPhotos',
    method: 'post',
    path: `${PUBLIC_RETAIL_PREFIX}/deals/:dealId/trade-in/photos`,
    tag: 'trade-ins',
    summary: `Add photos of the trade-in (multipart/form-data; at most ${MAX_TRADE_PHOTOS} per trade, 10 MB each)`,
    params: shopperDealParams,
    headers: [dealAccessHeader],
    json: false,
    files: {
      field: TRADE_PHOTO_FIELD,
      description:
        'JPEG, PNG, WebP, HEIF or TIFF photos, each at most 10 MB; stored re-encoded without metadata',
      maxFiles: MAX_TRADE_PHOTOS,
    },
    responses: { 201: { ...tradeIn, description: 'Every photo was added: the trade-in with its photos' } },
    problems: {
      400: 'A part that is not a photo file, or a body cut off',
      404: 'No such deal or no trade-in on it, or the access token does not open it',
      409: `The trade-in has ${MAX_TRADE_PHOTOS} photos (invalidParams names each file not added), or the deal was accepted or withdrawn`,
      415: 'Not multipart/form-data',
      422: 'A file is not a usable photo or is too large: invalidParams names it (photos[i]); the files before it were added',
    },
    handler: async ({ params, req, res }, { shopperAccess, tradeInPhotos }) => {
      const deal = await shopperAccess.require(
        params.dealershipId,
        params.dealId,
        req.get(DEAL_ACCESS_HEADER),
      );
      res.status(201).json(await tradeInPhotos.add(deal, req));
    },
  }),
  publicRoute({
    operationId: 'showShopperTradeInPhoto',
    method: 'get',
    path: `${PUBLIC_RETAIL_PREFIX}/deals/:dealId/trade-in/photos/:photoId`,
    tag: 'trade-ins',
    summary:
      'A photo of the shopper’s trade-in, by the signed path the deal views carry (`sig`, for <img> tags) or with the deal’s access header',
    params: shopperPhotoParams,
    query: z.object({ sig: z.string().max(100).optional() }),
    headers: [{ ...dealAccessHeader, required: false }],
    responses: {
      200: {
        ...photoAnswer,
        description: `${photoAnswer.description}; Cross-Origin-Resource-Policy: cross-origin (the website's <img>)`,
        headers: ['Cache-Control', 'Cross-Origin-Resource-Policy'],
      },
    },
    problems: { 404: 'No such photo, or neither the signature nor the access token opens it' },
    handler: async ({ params, query, req, res }, { shopperAccess, tradeInPhotoLinks, tradeInPhotos }) => {
      const { dealershipId, dealId, photoId } = params;
      const header = req.get(DEAL_ACCESS_HEADER);
      if (query.sig !== undefined) {
        if (!tradeInPhotoLinks.verify({ dealershipId, dealId, photoId }, query.sig)) {
          throw problems.notFound(`Photo ${photoId}`);
        }
      } else {
        await shopperAccess.require(dealershipId, dealId, header);
      }
      const jpeg = await tradeInPhotos.read(dealershipId, dealId, photoId);
      if (!jpeg) throw problems.notFound(`Photo ${photoId}`);
      // The dealer's website (another origin than the API's) shows it in an <img>; the signature guards it.
      res.set('Cross-Origin-Resource-Policy', 'cross-origin');
      sendPhoto(res, jpeg);
    },
  }),
  route({
    operationId: 'showTradeInPhoto',
    method: 'get',
    path: '/api/retail/deals/:dealId/trade-in/photos/:photoId',
    tag: 'trade-ins',
    summary: 'A photo of a deal’s trade-in, for the desk',
    caller: caller.user('deals:read'),
    params: deskPhotoParams,
    responses: { 200: photoAnswer },
    problems: { 404: 'No such deal (or not one of your leads’), or no such photo of its trade-in' },
    handler: async ({ params, tenant, principal, res }, { dealAccess, tradeInPhotos }) => {
      const deal = await dealAccess.require(tenant, principal, params.dealId);
      const jpeg = await tradeInPhotos.read(deal.dealership_id, deal.id, params.photoId);
      if (!jpeg) throw problems.notFound(`Photo ${params.photoId}`);
      sendPhoto(res, jpeg);
    },
  }),
  route({
    operationId: 'appraiseTradeIn',
    method: 'put',
    path: '/api/retail/deals/:dealId/trade-in/appraisal',
    tag: 'trade-ins',
    summary: 'Appraise a deal’s trade-in: the value the deal counts from now on; the shopper is e-mailed',
    caller: caller.user('deals:work'),
    params: deskDealParams,
    body: AppraisalInputSchema,
    responses: { 200: { ...tradeIn, description: 'The appraised trade-in' } },
    problems: {
      404: 'No such deal (or not one of your leads’), or no trade-in on it',
      409: 'The deal was withdrawn',
    },
    handler: async ({ params, body, tenant }, { tradeInAppraisals }) =>
      tradeInAppraisals.appraise(tenant, params.dealId, body),
  }),
];
