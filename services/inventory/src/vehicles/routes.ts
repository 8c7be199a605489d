import { Router, type RequestHandler, type Response } from 'express';
import {
  VehicleConditionSchema,
  VehicleInputSchema,
  VehicleListQuerySchema,
  VehicleUpdateSchema,
} from '@showroom/contracts';
import {
  etagOf,
  expectedVersion,
  parseOrThrow,
  requireDealership,
  requirePermission,
  tenantOf,
} from '@showroom/server-kit';
import { z } from 'zod';
import type { VehicleService } from './service';

export const vehicleIdParams = z.object({ id: z.uuid('must be a vehicle id (UUID)') });
export const vinParams = z.object({ vin: z.string().min(1).max(40) });
export const stockNumberQuery = z.strictObject({ condition: VehicleConditionSchema.default('used') });

const VERSION_IN_JSON = /"version":(\d+)/;

/** Sends JSON we already have as bytes (from the cache) without parsing it again. */
function sendJson(res: Response, json: Buffer): void {
  res.type('application/json').send(json);
}

export function vehicleRoutes(vehicles: VehicleService, authenticate: RequestHandler): Router {
  const router = Router();
  const base = '/api/inventory';
  router.use(base, authenticate, requireDealership());

  router.get(`${base}/vehicles`, requirePermission('inventory:read'), async (req, res) => {
    const query = parseOrThrow(VehicleListQuerySchema, req.query, 'query');
    sendJson(res, await vehicles.listVehicles(tenantOf(req).dealershipId, query));
  });

  // Before /:id, so "next-stock-number" is not taken for an id.
  router.get(`${base}/vehicles/next-stock-number`, requirePermission('inventory:read'), async (req, res) => {
    const { condition } = parseOrThrow(stockNumberQuery, req.query, 'query');
    res.json({ stockNumber: await vehicles.suggestStockNumber(tenantOf(req).dealershipId, condition) });
  });

  router.get(`${base}/vehicles/:id`, requirePermission('inventory:read'), async (req, res) => {
    const { id } = parseOrThrow(vehicleIdParams, req.params);
    const json = await vehicles.getVehicle(tenantOf(req).dealershipId, id);
    res.set('ETag', etagOf(Number(VERSION_IN_JSON.exec(json.toString())?.[1])));
    sendJson(res, json);
  });

  router.post(`${base}/vehicles`, requirePermission('inventory:write'), async (req, res) => {
    const input = parseOrThrow(VehicleInputSchema, req.body ?? undefined, 'body');
    const vehicle = await vehicles.addVehicle(tenantOf(req).dealershipId, input);
    res
      .status(201)
      .set({ ETag: etagOf(vehicle.version), Location: `${base}/vehicles/${vehicle.id}` })
      .json(vehicle);
  });

  router.patch(`${base}/vehicles/:id`, requirePermission('inventory:write'), async (req, res) => {
    const { id } = parseOrThrow(vehicleIdParams, req.params);
    const changes = parseOrThrow(VehicleUpdateSchema, req.body ?? undefined, 'body');
    const version = expectedVersion(req);
    const vehicle = await vehicles.updateVehicle(tenantOf(req).dealershipId, id, version, changes);
    res.set('ETag', etagOf(vehicle.version)).json(vehicle);
  });

  router.delete(`${base}/vehicles/:id`, requirePermission('inventory:delete'), async (req, res) => {
    const { id } = parseOrThrow(vehicleIdParams, req.params);
    await vehicles.removeVehicle(tenantOf(req).dealershipId, id, expectedVersion(req));
    res.status(204).end();
  });

  router.get(`${base}/vin/:vin`, requirePermission('inventory:read'), async (req, res) => {
    const { vin } = parseOrThrow(vinParams, req.params);
    res.json(await vehicles.decode(tenantOf(req).dealershipId, vin));
  });

  return router;
}
