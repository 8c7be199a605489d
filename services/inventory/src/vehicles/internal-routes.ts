import { Router, type RequestHandler } from 'express';
import { normalizeVin, READ_INVENTORY_SCOPE } from '@showroom/contracts';
import { parseOrThrow, requireScope } from '@showroom/server-kit';
import { z } from 'zod';
import type { VehicleService } from './service';

export const lookupParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

/** How a lead names a car (the same bounds as the leads contract), by exactly one of the two. */
export const vehicleLookupQuery = z
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
  })
  .refine((query) => (query.vin === undefined) !== (query.stockNumber === undefined), {
    message: 'give exactly one of vin or stockNumber',
  });

/** Routes for other services (machine tokens), not for people: no X-Dealership-Id, a scope instead. */
export function internalVehicleRoutes(vehicles: VehicleService, authenticate: RequestHandler): Router {
  const router = Router();

  router.get(
    '/api/inventory/internal/dealerships/:dealershipId/vehicles/lookup',
    authenticate,
    requireScope(READ_INVENTORY_SCOPE),
    async (req, res) => {
      const { dealershipId } = parseOrThrow(lookupParams, req.params);
      const { vin, stockNumber } = parseOrThrow(vehicleLookupQuery, req.query, 'query');
      const ref = vin !== undefined ? { vin } : { stockNumber: stockNumber as string };
      res.json({ vehicle: await vehicles.lookUp(dealershipId.toLowerCase(), ref) });
    },
  );

  return router;
}
