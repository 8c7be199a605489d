import {
  READ_INVENTORY_SCOPE,
  StockNumberSuggestionSchema,
  VehicleConditionSchema,
  VehicleInputSchema,
  VehicleSchema,
  VehicleUpdateSchema,
  VinDecodingSchema,
  normalizeVin,
} from '@showroom/contracts';
import { caller, etagOf, expectedVersion, routeFor, type HeaderDoc } from '@showroom/server-kit';
import { z } from 'zod';
import type { PhotoLibrary } from '../photos/photo-library';
import type { VehicleService } from './service';

export interface VehicleRouteDeps {
  vehicles: VehicleService;
  photos: PhotoLibrary;
}

const vehicleIdParams = z.object({ id: z.uuid('must be a vehicle id (UUID)') });
const vinParams = z.object({ vin: z.string().min(1).max(40) });
const stockNumberQuery = z.strictObject({ condition: VehicleConditionSchema.default('used') });
const lookupParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

/**
 * How a lead names a car: by VIN or stock number (the same bounds as the leads contract), or by its
 * id when another service already knows the vehicle (a deal's lead); exactly one of the three.
 */
const vehicleLookupQuery = z
  .strictObject({
    vin: z
      .string()
      .trim()
      .min(11)
      .max(17)
      .regex(/^[A-Za-z0-9]+$/, 'letters and digits only')
      .transform(normalizeVin)
      .optional(),
    stockNumber: z.string().trim().min(1).max(20).optional(),
    id: z.uuid('must be a vehicle id (UUID)').optional(),
  })
  .refine((query) => [query.vin, query.stockNumber, query.id].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of vin, stockNumber or id',
  });

const VERSION_IN_JSON = /"version":(\d+)/;
const ifMatch: HeaderDoc = {
  name: 'If-Match',
  required: true,
  description: 'The ETag of the version you edit.',
};
/** What a change to one vehicle, named by id and version, may answer besides success. */
const versionedChangeProblems = {
  404: 'No such vehicle in this dealership',
  412: 'Changed by someone else since you read it',
  428: 'If-Match missing',
};
const base = '/api/inventory';
const route = routeFor<VehicleRouteDeps>();
/** The routes of one vehicle, named by its id. */
const oneVehicle = { path: `${base}/vehicles/:id`, tag: 'vehicles', params: vehicleIdParams };

/** The inventory API: every route, once. */
export const vehicleRoutes = [
  route({
    operationId: 'addVehicle',
    method: 'post',
    path: `${base}/vehicles`,
    tag: 'vehicles',
    summary: 'Add a vehicle to the lot',
    caller: caller.user('inventory:write'),
    body: VehicleInputSchema,
    responses: { 201: { description: 'Added', schema: VehicleSchema, headers: ['ETag', 'Location'] } },
    problems: { 409: 'Stock number or VIN already in stock', 413: 'Body too large' },
    handler: async ({ dealershipId, body, res }, { vehicles }) => {
      const vehicle = await vehicles.addVehicle(dealershipId, body);
      res
        .status(201)
        .set({ ETag: etagOf(vehicle.version), Location: `${base}/vehicles/${vehicle.id}` })
        .json(vehicle);
    },
  }),
  // Before /:id, so "next-stock-number" is not taken for an id.
  route({
    operationId: 'suggestStockNumber',
    method: 'get',
    path: `${base}/vehicles/next-stock-number`,
    tag: 'vehicles',
    summary: 'Suggest the next free stock number for a condition',
    caller: caller.user('inventory:read'),
    query: stockNumberQuery,
    responses: { 200: { description: 'A free stock number', schema: StockNumberSuggestionSchema } },
    handler: async ({ dealershipId, query }, { vehicles }) => ({
      stockNumber: await vehicles.suggestStockNumber(dealershipId, query.condition),
    }),
  }),
  route({
    operationId: 'getVehicle',
    ...oneVehicle,
    method: 'get',
    summary: 'One vehicle',
    caller: caller.user('inventory:read'),
    responses: { 200: { description: 'The vehicle', schema: VehicleSchema, headers: ['ETag'] } },
    problems: { 404: 'No such vehicle in this dealership' },
    handler: async ({ dealershipId, params, res }, { vehicles }) => {
      const json = await vehicles.getVehicle(dealershipId, params.id);
      // The ETag is the version edits send in If-Match; photos change the vehicle without a new
      // version, so it must not serve as a cache validator (no 304, nothing kept by browsers; the
      // body holds cost and notes besides).
      res
        .status(200)
        .set({
          ETag: etagOf(Number(VERSION_IN_JSON.exec(json.toString())?.[1])),
          'Cache-Control': 'no-store',
        })
        .type('application/json')
        .end(json);
    },
  }),
  route({
    operationId: 'updateVehicle',
    ...oneVehicle,
    method: 'patch',
    summary: 'Change some fields of a vehicle (optimistic concurrency with If-Match)',
    caller: caller.user('inventory:write'),
    headers: [ifMatch],
    body: VehicleUpdateSchema,
    responses: { 200: { description: 'Changed', schema: VehicleSchema, headers: ['ETag'] } },
    problems: { ...versionedChangeProblems, 409: 'Stock number or VIN already in stock' },
    handler: async ({ dealershipId, params, body, req, res }, { vehicles }) => {
      const vehicle = await vehicles.updateVehicle(dealershipId, params.id, expectedVersion(req), body);
      res.set('ETag', etagOf(vehicle.version));
      return vehicle;
    },
  }),
  route({
    operationId: 'deleteVehicle',
    ...oneVehicle,
    method: 'delete',
    summary: 'Delete a vehicle (owners and managers)',
    caller: caller.user('inventory:delete'),
    headers: [ifMatch],
    responses: { 204: { description: 'Deleted' } },
    problems: versionedChangeProblems,
    handler: async ({ dealershipId, params, req, res }, { vehicles, photos }) => {
      await vehicles.removeVehicle(dealershipId, params.id, expectedVersion(req));
      await photos.forgetVehicle(dealershipId, params.id);
      res.status(204).end();
    },
  }),
  route({
    operationId: 'decodeVin',
    method: 'get',
    path: `${base}/vin/:vin`,
    tag: 'vin',
    summary:
      'Check and decode a VIN offline (model year, manufacturer), and whether it is already on the lot',
    caller: caller.user('inventory:read'),
    params: vinParams,
    responses: { 200: { description: 'What the VIN says', schema: VinDecodingSchema } },
    handler: ({ dealershipId, params }, { vehicles }) => vehicles.decode(dealershipId, params.vin),
  }),
  route({
    operationId: 'lookUpVehicleForService',
    method: 'get',
    path: `${base}/internal/dealerships/:dealershipId/vehicles/lookup`,
    tag: 'services',
    summary: 'Find the vehicle a lead names, by VIN, stock number or id (exactly one), for another service',
    caller: caller.machine(READ_INVENTORY_SCOPE),
    params: lookupParams,
    query: vehicleLookupQuery,
    responses: { 200: { description: 'The vehicle', schema: z.object({ vehicle: VehicleSchema }) } },
    problems: {
      400: 'Not exactly one of vin, stockNumber and id, or a bad value',
      404: 'No such vehicle in this dealership',
    },
    handler: async ({ params, query }, { vehicles }) => {
      const ref =
        query.vin !== undefined
          ? { vin: query.vin }
          : query.id !== undefined
            ? { id: query.id.toLowerCase() }
            : { stockNumber: query.stockNumber as string };
      return { vehicle: await vehicles.lookUp(params.dealershipId.toLowerCase(), ref) };
    },
  }),
];
