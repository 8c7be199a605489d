import {
  PublicVehicleDetailSchema,
  PublicVehicleListSchema,
  PublicVehicleQuerySchema,
  SearchAccessSchema,
  VehicleListQuerySchema,
  VehicleListSchema,
  type SearchAccess,
} from '@showroom/contracts';
import { caller, routeFor, type HeaderDoc } from '@showroom/server-kit';
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { PhotoLibrary } from '../photos/photo-library';
import type { VehicleService } from '../vehicles/service';
import type { RooftopScopes } from './rooftop-scopes';
import type { Answered, VehicleSearch } from './vehicle-search';

/** What a website's browser is told about searching directly (a secured Algolia key, or this API). */
export interface SearchAccessIssuer {
  accessFor(scope: { dealershipId: string } | { groupId: string }): SearchAccess;
}

export interface SearchRouteDeps {
  vehicles: VehicleService;
  photos: PhotoLibrary;
  search: VehicleSearch;
  rooftopScopes: RooftopScopes;
  searchAccess: SearchAccessIssuer;
}

export const FALLBACK_HEADER = 'Search-Fallback';
const fallbackHeader: HeaderDoc = {
  name: FALLBACK_HEADER,
  required: false,
  description:
    'Response header, present only when the search engine could not answer and MySQL did: results are exact, without typo tolerance or relevance.',
};

/** Sends a page, saying in a header when MySQL answered for the engine. */
function sendPage<T>(res: Response, { page, fallbackReason }: Answered<T>): T {
  if (fallbackReason) res.set(FALLBACK_HEADER, `mysql; reason="${fallbackReason}"`);
  return page;
}

/**
 * Websites' browsers search from any site a dealership owns, without credentials: any origin may
 * read these answers (and the header that says MySQL answered).
 */
const anyWebsite: RequestHandler = (_req, res, next) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': FALLBACK_HEADER });
  next();
};
const forWebsites = () => [anyWebsite];

/** Websites may keep a page briefly: a car sold a moment ago disappears within this many seconds. */
const PUBLIC_CACHE = 'public, max-age=15, stale-while-revalidate=30';

const base = '/api/inventory';
const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });
const groupParams = z.object({ groupId: z.uuid('must be a dealer group id (UUID)') });
const vehicleParams = dealershipParams.extend({ vehicleId: z.uuid('must be a vehicle id (UUID)') });
const searchProblems = { 400: 'An unknown filter, facet or sort, or a bad value (each field is named)' };
const route = routeFor<SearchRouteDeps>();

/** Search: the portal's (one rooftop, or the caller's group) and the websites' (public, no token). */
export const searchRoutes = [
  route({
    operationId: 'listVehicles',
    method: 'get',
    path: `${base}/vehicles`,
    tag: 'vehicles',
    summary:
      'Search the dealership’s vehicles: words (typos forgiven), filters, facet counts, ranges, sorts and pages',
    caller: caller.user('inventory:read'),
    query: VehicleListQuerySchema,
    headers: [fallbackHeader],
    responses: { 200: { description: 'A page of vehicles', schema: VehicleListSchema } },
    problems: searchProblems,
    handler: async ({ dealershipId, query, res }, { search, rooftopScopes }) =>
      sendPage(res, await search.forDealer([await rooftopScopes.own(dealershipId)], query)),
  }),
  route({
    operationId: 'searchGroupVehicles',
    method: 'get',
    path: `${base}/group/vehicles`,
    tag: 'vehicles',
    summary:
      'Search every rooftop of the active dealership’s group that the caller may read; each result names its rooftop',
    caller: caller.user('inventory:read'),
    query: VehicleListQuerySchema,
    headers: [fallbackHeader],
    responses: { 200: { description: 'A page of vehicles across rooftops', schema: VehicleListSchema } },
    problems: searchProblems,
    handler: async ({ dealershipId, principal, query, res }, { search, rooftopScopes }) =>
      sendPage(res, await search.forDealer(await rooftopScopes.groupOf(dealershipId, principal), query)),
  }),
  route({
    operationId: 'searchPublicVehicles',
    method: 'get',
    path: `${base}/public/dealerships/:dealershipId/vehicles`,
    tag: 'websites',
    summary: 'A dealership website’s search: published, available vehicles and their public fields only',
    caller: caller.public(),
    middleware: forWebsites,
    params: dealershipParams,
    query: PublicVehicleQuerySchema,
    headers: [fallbackHeader],
    responses: { 200: { description: 'A page of vehicles', schema: PublicVehicleListSchema } },
    problems: { ...searchProblems, 404: 'No such dealership' },
    handler: async ({ params, query, res }, { search, rooftopScopes }) => {
      const rooftop = await rooftopScopes.publicRooftop(params.dealershipId);
      res.set('Cache-Control', PUBLIC_CACHE);
      return sendPage(res, await search.forShoppers([rooftop], query));
    },
  }),
  route({
    operationId: 'searchPublicGroupVehicles',
    method: 'get',
    path: `${base}/public/groups/:groupId/vehicles`,
    tag: 'websites',
    summary: 'A dealer group website’s search across its rooftops; each result names its rooftop',
    caller: caller.public(),
    middleware: forWebsites,
    params: groupParams,
    query: PublicVehicleQuerySchema,
    headers: [fallbackHeader],
    responses: { 200: { description: 'A page of vehicles', schema: PublicVehicleListSchema } },
    problems: { ...searchProblems, 404: 'No such dealer group' },
    handler: async ({ params, query, res }, { search, rooftopScopes }) => {
      const rooftops = await rooftopScopes.publicGroup(params.groupId);
      res.set('Cache-Control', PUBLIC_CACHE);
      return sendPage(res, await search.forShoppers(rooftops, query));
    },
  }),
  route({
    operationId: 'getPublicVehicle',
    method: 'get',
    path: `${base}/public/dealerships/:dealershipId/vehicles/:vehicleId`,
    tag: 'websites',
    summary: 'One published, available vehicle for its page on the website',
    caller: caller.public(),
    middleware: forWebsites,
    params: vehicleParams,
    responses: { 200: { description: 'The vehicle', schema: PublicVehicleDetailSchema } },
    problems: { 404: 'No such dealership, or no such vehicle for sale there' },
    handler: async ({ params, res }, { vehicles, photos, rooftopScopes }) => {
      const rooftop = await rooftopScopes.publicRooftop(params.dealershipId);
      // The gallery needs only the id: both reads go at once (a missing car still answers 404).
      const [vehicle, gallery] = await Promise.all([
        vehicles.publicVehicle(rooftop.id, params.vehicleId),
        photos.gallery(rooftop.id, params.vehicleId),
      ]);
      res.set('Cache-Control', PUBLIC_CACHE);
      return { ...vehicle, photos: gallery, rooftop: { id: rooftop.id, name: rooftop.name } };
    },
  }),
  route({
    operationId: 'getDealershipSearchAccess',
    method: 'get',
    path: `${base}/public/dealerships/:dealershipId/search-access`,
    tag: 'websites',
    summary:
      'How a website’s browser may search: a secured, expiring, search-only Algolia key limited to this dealership’s public cars, or this API',
    caller: caller.public(),
    middleware: forWebsites,
    params: dealershipParams,
    responses: { 200: { description: 'Search access', schema: SearchAccessSchema } },
    problems: { 404: 'No such dealership' },
    handler: async ({ params, res }, { searchAccess, rooftopScopes }) => {
      const rooftop = await rooftopScopes.publicRooftop(params.dealershipId);
      res.set('Cache-Control', 'no-store');
      return searchAccess.accessFor({ dealershipId: rooftop.id });
    },
  }),
  route({
    operationId: 'getGroupSearchAccess',
    method: 'get',
    path: `${base}/public/groups/:groupId/search-access`,
    tag: 'websites',
    summary: 'Search access for a dealer group website, limited to the group’s public cars',
    caller: caller.public(),
    middleware: forWebsites,
    params: groupParams,
    responses: { 200: { description: 'Search access', schema: SearchAccessSchema } },
    problems: { 404: 'No such dealer group' },
    handler: async ({ params, res }, { searchAccess, rooftopScopes }) => {
      await rooftopScopes.publicGroup(params.groupId);
      res.set('Cache-Control', 'no-store');
      return searchAccess.accessFor({ groupId: params.groupId.toLowerCase() });
    },
  }),
];
