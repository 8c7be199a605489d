import {
  StockNumberSuggestionSchema,
  VehicleInputSchema,
  VehicleListQuerySchema,
  VehicleListSchema,
  VehicleSchema,
  VehicleUpdateSchema,
  VinDecodingSchema,
} from '@showroom/contracts';
import type { ApiOperation } from '@showroom/server-kit';
import { z } from 'zod';
import { lookupParams, vehicleLookupQuery } from './internal-routes';
import { stockNumberQuery, vehicleIdParams, vinParams } from './routes';

const dealershipHeader = {
  name: 'X-Dealership-Id',
  required: true,
  description: 'The dealership the request acts for; the token must grant a membership of it.',
};
const ifMatch = { name: 'If-Match', required: true, description: 'The ETag of the version you edit.' };
const common = {
  401: 'No valid token',
  403: 'Not a member of that dealership, or the role does not allow it',
};

export const vehicleOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/inventory/vehicles',
    tag: 'vehicles',
    summary: 'List, filter, sort and page the dealership’s vehicles, with facet counts',
    query: VehicleListQuerySchema,
    headers: [dealershipHeader],
    responses: { 200: { description: 'A page of vehicles', schema: VehicleListSchema } },
    problems: { 400: 'Invalid filter', ...common },
  },
  {
    method: 'post',
    path: '/api/inventory/vehicles',
    tag: 'vehicles',
    summary: 'Add a vehicle to the lot',
    headers: [dealershipHeader],
    body: VehicleInputSchema,
    responses: { 201: { description: 'Added', schema: VehicleSchema, headers: ['ETag', 'Location'] } },
    problems: {
      400: 'Invalid vehicle (each bad field listed)',
      ...common,
      409: 'Stock number or VIN already in stock',
      413: 'Body too large',
    },
  },
  {
    method: 'get',
    path: '/api/inventory/vehicles/next-stock-number',
    tag: 'vehicles',
    summary: 'Suggest the next free stock number for a condition',
    query: stockNumberQuery,
    headers: [dealershipHeader],
    responses: { 200: { description: 'A free stock number', schema: StockNumberSuggestionSchema } },
    problems: common,
  },
  {
    method: 'get',
    path: '/api/inventory/vehicles/:id',
    tag: 'vehicles',
    summary: 'One vehicle',
    params: vehicleIdParams,
    headers: [dealershipHeader],
    responses: { 200: { description: 'The vehicle', schema: VehicleSchema, headers: ['ETag'] } },
    problems: { ...common, 404: 'No such vehicle in this dealership' },
  },
  {
    method: 'patch',
    path: '/api/inventory/vehicles/:id',
    tag: 'vehicles',
    summary: 'Change some fields of a vehicle (optimistic concurrency with If-Match)',
    params: vehicleIdParams,
    headers: [dealershipHeader, ifMatch],
    body: VehicleUpdateSchema,
    responses: { 200: { description: 'Changed', schema: VehicleSchema, headers: ['ETag'] } },
    problems: {
      400: 'Invalid change',
      ...common,
      404: 'No such vehicle in this dealership',
      409: 'Stock number or VIN already in stock',
      412: 'Changed by someone else since you read it',
      428: 'If-Match missing',
    },
  },
  {
    method: 'delete',
    path: '/api/inventory/vehicles/:id',
    tag: 'vehicles',
    summary: 'Delete a vehicle (owners and managers)',
    params: vehicleIdParams,
    headers: [dealershipHeader, ifMatch],
    responses: { 204: { description: 'Deleted' } },
    problems: {
      ...common,
      404: 'No such vehicle in this dealership',
      412: 'Changed since you read it',
      428: 'If-Match missing',
    },
  },
  {
    method: 'get',
    path: '/api/inventory/vin/:vin',
    tag: 'vin',
    summary:
      'Check and decode a VIN offline (model year, manufacturer), and whether it is already on the lot',
    params: vinParams,
    headers: [dealershipHeader],
    responses: { 200: { description: 'What the VIN says', schema: VinDecodingSchema } },
    problems: common,
  },
  {
    method: 'get',
    path: '/api/inventory/internal/dealerships/:dealershipId/vehicles/lookup',
    tag: 'services',
    summary:
      'Find the vehicle a lead names, by VIN or stock number (exactly one); machine token with scope read:inventory',
    params: lookupParams,
    query: vehicleLookupQuery,
    responses: { 200: { description: 'The vehicle', schema: z.object({ vehicle: VehicleSchema }) } },
    problems: {
      400: 'Neither or both of vin and stockNumber, or a bad value',
      401: 'No valid token',
      403: 'Missing scope read:inventory',
      404: 'No such vehicle in this dealership',
    },
  },
];
