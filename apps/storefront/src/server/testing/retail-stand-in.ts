import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RetailTermsSchema, type RetailTerms } from '@showroom/contracts';

export interface RetailStandIn {
  url: string;
  /** Paths asked, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * The retail service's public terms route, the one the storefront's server calls (the deal routes
 * are the browser's). Answers a dealership's terms (checked against the contract) or 404.
 */
export async function startRetailStandIn(terms: Map<string, RetailTerms>): Promise<RetailStandIn> {
  for (const value of terms.values()) RetailTermsSchema.parse(value);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(url.pathname);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, {
        'Content-Type': status < 400 ? 'application/json' : 'application/problem+json',
      });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/healthz') return json(200, { status: 'ok' });
    const match = /^\/api\/retail\/public\/dealerships\/([^/]+)\/terms$/.exec(url.pathname);
    const found = match?.[1] ? terms.get(match[1]) : undefined;
    return found ? json(200, found) : json(404, { type: 'about:blank', title: 'Not Found', status: 404 });
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

/** A dealership's terms as LP's demo defaults look: fees, Texas-like tax, three tiers, two lease terms. */
export function retailTerms(dealershipId: string): RetailTerms {
  return RetailTermsSchema.parse({
    dealershipId,
    currency: 'USD',
    fees: {
      documentationCents: 19_900,
      titleCents: 3_300,
      registrationCents: 7_500,
      leaseAcquisitionCents: 69_500,
    },
    tax: {
      salesTaxBps: 625,
      tradeReducesTaxable: true,
      feesTaxable: false,
      productsTaxable: false,
      leaseTax: 'monthly',
    },
    creditTiers: [
      { tier: 'excellent', label: 'Excellent (720+)', financeAprBps: 599, leaseMoneyFactor: 0.00125 },
      { tier: 'good', label: 'Good (660–719)', financeAprBps: 799, leaseMoneyFactor: 0.0019 },
    ],
    leaseResiduals: [{ termMonths: 36, residualBps: 5_800 }],
    products: [],
    reservation: { depositCents: 50_000, holdHours: 48 },
    disclosure: 'Estimate only, not an offer of credit. (Alpha Motors)',
  });
}
