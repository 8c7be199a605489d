import type { Response } from 'express';
import {
  ProtectionProductInputSchema,
  ProtectionProductListSchema,
  ProtectionProductSchema,
  RetailSettingsSchema,
  RetailSettingsUpdateSchema,
  ValuationGridSchema,
  type RetailSettings,
} from '@showroom/contracts';
import { caller, etagOf, expectedVersion, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { ProtectionProductService } from './product-service';
import type { RetailSettingsService } from './settings-service';
import type { ValuationGridService } from './valuation-grid-service';

export interface SettingsRouteDeps {
  retailSettings: RetailSettingsService;
  protectionProducts: ProtectionProductService;
  valuationGrid: ValuationGridService;
}

const route = routeFor<SettingsRouteDeps>();
const base = '/api/retail';
const productParams = z.object({ productId: z.uuid('must be a protection product id (UUID)') });
const settingsAnswer = {
  200: { description: 'The retail settings as now', schema: RetailSettingsSchema, headers: ['ETag'] },
};

/** Answers the settings with their version as the ETag, for the next If-Match. */
function withEtag(res: Response, settings: RetailSettings): void {
  res.status(200).setHeader('ETag', etagOf(settings.version)).json(settings);
}

/** Retail settings, protection products and the trade valuation grid (Digital retailing → Settings). */
export const settingsRoutes = [
  route({
    operationId: 'getRetailSettings',
    method: 'get',
    path: `${base}/settings`,
    tag: 'retail-settings',
    summary:
      'Fees, tax rules, credit tiers, lease residuals, reservation and credit retention (the defaults until saved)',
    caller: caller.user('retail:configure'),
    responses: settingsAnswer,
    handler: async ({ dealershipId, res }, { retailSettings }) =>
      withEtag(res, await retailSettings.settings(dealershipId)),
  }),
  route({
    operationId: 'updateRetailSettings',
    method: 'put',
    path: `${base}/settings`,
    tag: 'retail-settings',
    summary: 'Replace the retail settings (a new version); quotes use them at once',
    caller: caller.user('retail:configure'),
    body: RetailSettingsUpdateSchema,
    headers: [
      {
        name: 'If-Match',
        required: true,
        description:
          'The ETag of the settings as last read (428 without it, 412 when they changed meanwhile)',
      },
    ],
    responses: settingsAnswer,
    problems: {
      412: 'The settings changed since the version in If-Match',
      428: 'No If-Match',
    },
    handler: async ({ dealershipId, body, req, res }, { retailSettings }) => {
      const version = expectedVersion(req);
      withEtag(res, await retailSettings.update(dealershipId, version, body));
    },
  }),
  route({
    operationId: 'listProtectionProducts',
    method: 'get',
    path: `${base}/products`,
    tag: 'retail-settings',
    summary: 'The protection products (active and inactive) in menu order',
    caller: caller.user('retail:configure'),
    responses: { 200: { description: 'Products', schema: ProtectionProductListSchema } },
    handler: async ({ dealershipId }, { protectionProducts }) => ({
      items: await protectionProducts.list(dealershipId),
    }),
  }),
  route({
    operationId: 'createProtectionProduct',
    method: 'post',
    path: `${base}/products`,
    tag: 'retail-settings',
    summary: 'Add a protection product at the end of the menu',
    caller: caller.user('retail:configure'),
    body: ProtectionProductInputSchema,
    responses: { 201: { description: 'Added', schema: ProtectionProductSchema, headers: ['Location'] } },
    problems: { 409: 'The dealership already offers the most products it may' },
    handler: async ({ dealershipId, body, res }, { protectionProducts }) => {
      const product = await protectionProducts.create(dealershipId, body);
      res.status(201).set('Location', `${base}/products/${product.id}`).json(product);
    },
  }),
  route({
    operationId: 'updateProtectionProduct',
    method: 'put',
    path: `${base}/products/:productId`,
    tag: 'retail-settings',
    summary: 'Replace a protection product (deals already made keep the price they were quoted)',
    caller: caller.user('retail:configure'),
    params: productParams,
    body: ProtectionProductInputSchema,
    responses: { 200: { description: 'The product as now', schema: ProtectionProductSchema } },
    problems: { 404: 'No such product at this dealership' },
    handler: ({ dealershipId, params, body }, { protectionProducts }) =>
      protectionProducts.update(dealershipId, params.productId.toLowerCase(), body),
  }),
  route({
    operationId: 'deleteProtectionProduct',
    method: 'delete',
    path: `${base}/products/:productId`,
    tag: 'retail-settings',
    summary: 'Remove a protection product from the menu (deals already made keep it on their quote)',
    caller: caller.user('retail:configure'),
    params: productParams,
    responses: { 204: { description: 'Removed' } },
    problems: { 404: 'No such product at this dealership' },
    handler: async ({ dealershipId, params, res }, { protectionProducts }) => {
      await protectionProducts.remove(dealershipId, params.productId.toLowerCase());
      res.status(204).end();
    },
  }),
  route({
    operationId: 'getValuationGrid',
    method: 'get',
    path: `${base}/valuation-grid`,
    tag: 'retail-settings',
    summary: 'The trade valuation grid trade-in estimates are read from',
    caller: caller.user('retail:configure'),
    responses: { 200: { description: 'The grid', schema: ValuationGridSchema } },
    handler: ({ dealershipId }, { valuationGrid }) => valuationGrid.grid(dealershipId),
  }),
  route({
    operationId: 'replaceValuationGrid',
    method: 'put',
    path: `${base}/valuation-grid`,
    tag: 'retail-settings',
    summary: 'Replace the whole grid (the rows in the order given)',
    caller: caller.user('retail:configure'),
    body: ValuationGridSchema,
    responses: { 200: { description: 'The grid as now', schema: ValuationGridSchema } },
    handler: ({ dealershipId, body }, { valuationGrid }) => valuationGrid.replace(dealershipId, body),
  }),
];
