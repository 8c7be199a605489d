import { PriceHistorySchema } from '@showroom/contracts';
import { caller, problems, routeFor } from '@showroom/server-kit';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { InventoryDatabase } from '../database';
import { readPriceHistory } from '../vehicles/price-history';

export interface PriceHistoryRouteDeps {
  /** Reads go to the writer: the history of a price the caller just changed must include it. */
  inventoryWriter: Kysely<InventoryDatabase>;
}

const route = routeFor<PriceHistoryRouteDeps>();

export const priceHistoryRoutes = [
  route({
    operationId: 'getVehiclePriceHistory',
    method: 'get',
    path: '/api/inventory/vehicles/:id/price-history',
    tag: 'vehicles',
    summary: 'Every price a vehicle was given, oldest first',
    caller: caller.user('inventory:read'),
    params: z.object({ id: z.uuid('must be a vehicle id (UUID)') }),
    responses: { 200: { description: 'The price history', schema: PriceHistorySchema } },
    problems: { 404: 'No such vehicle in this dealership' },
    handler: async ({ dealershipId, params }, { inventoryWriter }) => {
      const history = await readPriceHistory(inventoryWriter, dealershipId, params.id);
      if (!history) throw problems.notFound(`Vehicle ${params.id}`);
      return history;
    },
  }),
];
