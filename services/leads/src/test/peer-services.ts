import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { TeamMember, Vehicle } from '@showroom/contracts';

/**
 * The users and inventory services' internal endpoints, as the leads service calls them, answered
 * from memory: the leads tests control who is on a team and what is on a lot. The real endpoints
 * are tested in their own services; the shapes come from the shared contracts.
 */
export interface PeerServices {
  url: string;
  teams: Map<string, TeamMember[]>;
  vehicles: Map<string, Vehicle[]>;
  /** While true, both answer 503 (a peer outage). */
  down: boolean;
  close(): Promise<void>;
}

export async function startPeerServices(): Promise<PeerServices> {
  const app = express();
  const peers = {
    teams: new Map<string, TeamMember[]>(),
    vehicles: new Map<string, Vehicle[]>(),
    down: false,
  };
  app.use((req, res, next) => {
    if (!/^Bearer \S+$/.test(req.get('authorization') ?? '')) return void res.status(401).end();
    if (peers.down) return void res.status(503).end();
    next();
  });
  app.get('/api/users/internal/dealerships/:id/team', (req, res) => {
    res.json({ items: peers.teams.get(req.params.id) ?? [] });
  });
  app.get('/api/inventory/internal/dealerships/:id/vehicles/lookup', (req, res) => {
    const { id, vin, stockNumber } = req.query as Record<string, string | undefined>;
    const vehicle = (peers.vehicles.get(req.params.id) ?? []).find(
      (v) =>
        (id && v.id === id) ||
        (vin && v.vin === vin) ||
        (stockNumber && v.stockNumber.toLowerCase() === stockNumber.toLowerCase()),
    );
    if (!vehicle) return void res.status(404).json({ type: 'not-found', title: 'Not found', status: 404 });
    res.json({ vehicle });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return Object.assign(peers, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
