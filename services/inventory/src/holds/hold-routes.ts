import { HOLD_VEHICLES_SCOPE, VehicleHoldInputSchema, VehicleHoldSchema } from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { VehicleHolds } from './vehicle-holds';

export interface HoldRouteDeps {
  holds: VehicleHolds;
}

const route = routeFor<HoldRouteDeps>();
const holdPath = '/api/inventory/internal/dealerships/:dealershipId/vehicles/:vehicleId/hold';
const vehicleParams = z.object({
  dealershipId: z.uuid('must be a dealership id (UUID)'),
  vehicleId: z.uuid('must be a vehicle id (UUID)'),
});

/** Retail holds a reserved vehicle (status pending) and releases it: machine routes, scope hold:vehicles. */
export const holdRoutes = [
  route({
    operationId: 'holdVehicleForReservation',
    method: 'put',
    path: holdPath,
    tag: 'services',
    summary:
      'Hold a vehicle on sale for a shopper’s reservation until a time (status pending); the same reservation again answers the same',
    caller: caller.machine(HOLD_VEHICLES_SCOPE),
    params: vehicleParams,
    body: VehicleHoldInputSchema,
    responses: { 200: { description: 'The hold', schema: VehicleHoldSchema } },
    problems: {
      404: 'No such vehicle in this dealership',
      409: 'The vehicle is sold, archived, pending by the dealer or held for another reservation',
    },
    handler: ({ params, body }, { holds }) =>
      holds.hold(params.dealershipId.toLowerCase(), params.vehicleId.toLowerCase(), body),
  }),
  route({
    operationId: 'releaseVehicleHold',
    method: 'delete',
    path: `${holdPath}/:reservationId`,
    tag: 'services',
    summary:
      'End a reservation’s hold: a held vehicle goes back on sale; one the dealer sold meanwhile stays sold; harmless to repeat',
    caller: caller.machine(HOLD_VEHICLES_SCOPE),
    params: vehicleParams.extend({ reservationId: z.uuid('must be a reservation id (UUID)') }),
    responses: { 204: { description: 'Released (or held by no such reservation)' } },
    problems: { 404: 'No such vehicle in this dealership' },
    handler: async ({ params, res }, { holds }) => {
      await holds.release(
        params.dealershipId.toLowerCase(),
        params.vehicleId.toLowerCase(),
        params.reservationId.toLowerCase(),
      );
      res.status(204).end();
    },
  }),
];
