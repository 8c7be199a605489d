import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Dealership } from '@showroom/contracts';

/**
 * The users service's internal directory of dealerships, as inventory calls it, answered from
 * memory: the tests decide which rooftops exist and which group each belongs to. The real endpoint
 * is tested in the users service; the shape comes from the shared contract.
 */
export interface UsersDirectory {
  url: string;
  dealerships: Map<string, Dealership>;
  /** While true, it answers 503 (a users outage). */
  down: boolean;
  add(dealership: { id: string; name?: string; groupId?: string | null }): Dealership;
  close(): Promise<void>;
}

export async function startUsersDirectory(): Promise<UsersDirectory> {
  const app = express();
  const state = { dealerships: new Map<string, Dealership>(), down: false };
  app.get('/api/users/internal/dealerships', (req, res) => {
    if (!/^Bearer \S+$/.test(req.get('authorization') ?? '')) return void res.status(401).end();
    if (state.down) return void res.status(503).end();
    res.json({ items: [...state.dealerships.values()] });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add({ id, name, groupId = null }: { id: string; name?: string; groupId?: string | null }) {
      const dealership: Dealership = {
        id,
        name: name ?? `Rooftop ${id.slice(0, 8)}`,
        slug: `rooftop-${id.slice(0, 8)}`,
        dealerGroupId: groupId,
        dealerGroupName: groupId ? `Group ${groupId.slice(0, 8)}` : null,
        city: null,
        region: null,
        timeZone: 'America/Chicago',
      };
      state.dealerships.set(id, dealership);
      return dealership;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
