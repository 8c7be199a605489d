// What the retail service asks its peers while it quotes, for the bench: the users service's
// storefront facts of a dealership (CORS origins of the public routes) and inventory's public page of
// a car (its price). Served in the bench's own process; retail keeps both for 30 s, so after the
// warm-up they add nothing to what is measured.
import type { Server } from 'node:http';
import express from 'express';
import type { DealershipStorefront } from '@showroom/contracts';
import { composeVin } from '@showroom/demo-data';

export interface BenchCar {
  id: string;
  priceCents: number;
  msrpCents: number | null;
}

export interface BenchRetailPeers {
  url: string;
  close(): Promise<void>;
}

export async function startRetailPeers(
  storefront: DealershipStorefront,
  car: BenchCar,
  port: number,
): Promise<BenchRetailPeers> {
  const app = express();
  app.get('/api/users/internal/dealerships/:id/storefront', (req, res) => {
    // The real route wants a machine token with read:dealerships; the stand-in only checks one came.
    if (!/^Bearer \S+$/.test(req.get('authorization') ?? '')) return void res.status(401).end();
    if (req.params['id'] !== storefront.dealershipId) return void res.status(404).end();
    res.json(storefront);
  });
  app.get('/api/inventory/public/dealerships/:id/vehicles/:vehicleId', (req, res) => {
    if (req.params['id'] !== storefront.dealershipId || req.params['vehicleId'] !== car.id)
      return void res.status(404).end();
    res.json({
      id: car.id,
      dealershipId: storefront.dealershipId,
      vin: composeVin('1HG', 'CV1F3', 2024, 'A', '100001'),
      stockNumber: 'B1001',
      condition: car.msrpCents === null ? 'used' : 'new',
      year: 2024,
      make: 'Toyota',
      model: 'Camry',
      trim: 'SE',
      priceCents: car.priceCents,
      msrpCents: car.msrpCents,
      heroPhoto: null,
    });
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
