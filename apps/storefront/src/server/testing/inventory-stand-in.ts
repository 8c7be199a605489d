import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PublicVehicleDetail } from '@showroom/contracts';
import { listPage } from './fixtures';

export interface InventoryStandIn {
  url: string;
  /** Paths and queries asked, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * The inventory service's public website API, answering from fixtures (each checked against the
 * contract's schema). The storefront is an app and may not import the inventory service's test
 * helpers, and the real service needs MySQL and a search engine: the routes below are the three
 * the storefront calls, with the real paths, status codes and defaults (page 1, 25 a page).
 */
export async function startInventoryStandIn(
  stock: Map<string, PublicVehicleDetail[]>,
): Promise<InventoryStandIn> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(`${url.pathname}${url.search}`);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, {
        'Content-Type': status < 400 ? 'application/json' : 'application/problem+json',
      });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/healthz') return json(200, { status: 'ok' });
    const match = /^\/api\/inventory\/public\/dealerships\/([^/]+)\/vehicles(?:\/([^/]+))?$/.exec(
      url.pathname,
    );
    const cars = match?.[1] ? stock.get(match[1]) : undefined;
    if (!match || !cars) return json(404, { type: 'about:blank', title: 'Not Found', status: 404 });
    if (match[2]) {
      const car = cars.find((candidate) => candidate.id === match[2]);
      return car ? json(200, car) : json(404, { type: 'about:blank', title: 'Not Found', status: 404 });
    }
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 25);
    const make = url.searchParams.get('make');
    return json(200, listPage(make ? cars.filter((car) => car.make === make) : cars, page, pageSize));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
