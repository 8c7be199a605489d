import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { decodeJwt } from 'jose';
import { READ_DEALERSHIPS_SCOPE, type DealershipStorefront } from '@showroom/contracts';
import { demoSiteOriginOf, demoStorefronts, testStorefront } from '@showroom/server-testing';

/**
 * An in-process stand-in for the one users route analytics calls, the internal storefront route
 * (`GET /api/users/internal/dealerships/:id/storefront`, scope read:dealerships): a dealership's time
 * zone for reports and its website origins for collection's CORS. It knows the demo dealerships to
 * start with, checks the machine token's scope as the real route does, and can be taken down. The
 * real route is tested in the users service; the shape comes from the shared contract.
 */
export interface UsersStandIn {
  /** USERS_API_URL. */
  url: string;
  storefronts: Map<string, DealershipStorefront>;
  /** Storefront lookups received, oldest first (dealership ids). */
  lookups: string[];
  /** Answers 503 (an outage) while true. */
  down: boolean;
  /** A dealership of its own with a website origin; its storefront. */
  addDealership(overrides?: Partial<DealershipStorefront>): DealershipStorefront;
  close(): Promise<void>;
}

export { demoSiteOriginOf };

const problem = (res: Response, status: number, title: string) =>
  void res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status });

const scopesOf = (req: Request): string[] => {
  const token = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
  const scope = token ? decodeJwt(token)['scope'] : undefined;
  return typeof scope === 'string' ? scope.split(' ') : [];
};

export async function startUsersStandIn(): Promise<UsersStandIn> {
  const storefronts = new Map(demoStorefronts().map((s) => [s.dealershipId, s]));
  const lookups: string[] = [];
  const state = { down: false };
  const app = express();
  app.get('/api/users/internal/dealerships/:id/storefront', (req, res) => {
    const id = req.params['id'] as string;
    lookups.push(id);
    if (state.down) return problem(res, 503, 'users is down');
    if (!req.get('authorization')) return problem(res, 401, 'No token');
    if (!scopesOf(req).includes(READ_DEALERSHIPS_SCOPE))
      return problem(res, 403, `Needs ${READ_DEALERSHIPS_SCOPE}`);
    const storefront = storefronts.get(id);
    if (!storefront) return problem(res, 404, 'No such dealership');
    res.json(storefront);
  });
  app.use((_req, res) => problem(res, 404, 'Not a route of the users stand-in'));

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    storefronts,
    lookups,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    addDealership(overrides = {}) {
      const storefront = testStorefront(overrides);
      storefronts.set(storefront.dealershipId, storefront);
      return storefront;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
