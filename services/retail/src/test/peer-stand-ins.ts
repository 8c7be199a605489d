import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { decodeJwt } from 'jose';
import {
  DealLeadInputSchema,
  HOLD_VEHICLES_SCOPE,
  LeadActivityInputSchema,
  LeadAssigneesQuerySchema,
  READ_DEALERSHIPS_SCOPE,
  READ_LEAD_ASSIGNEES_SCOPE,
  VehicleHoldInputSchema,
  WRITE_DEAL_LEADS_SCOPE,
  type DealLeadInput,
  type DealershipStorefront,
  type LeadActivityInput,
  type PublicVehicle,
  type VehicleHold,
} from '@showroom/contracts';
import { ALL_DEMO_DEALERSHIPS, composeVin, DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import { demoSiteOriginOf, demoStorefronts, testStorefront } from '@showroom/server-testing';
import type { z } from 'zod';

/** A peer service retail calls. */
export type PeerName = 'users' | 'inventory' | 'leads';

/** One request a stand-in received, as it came. */
export interface PeerRequest {
  service: PeerName;
  method: string;
  path: string;
  /** The JSON body (undefined without one). */
  body: unknown;
  /** The machine token's scopes (empty for a public call). */
  scopes: string[];
  at: Date;
}

/** The lead a deal became in the leads stand-in. */
export interface StandInLead {
  leadId: string;
  dealershipId: string;
  dealId: string;
  assigneeId: string | null;
  /** Every DealLeadInput received for the deal, oldest first. */
  inputs: DealLeadInput[];
  activities: LeadActivityInput[];
}

/**
 * In-process stand-ins for the users, inventory and leads services, answering the routes retail
 * calls (PLAN.md) from memory, with the demo dealerships and a few vehicles each to start with. Each
 * checks the machine token's scope as the real route does and records every request, so a test can
 * see exactly what retail sent (the PII test searches these). The real routes are tested in their
 * own services; the shapes come from the shared contracts.
 */
export interface PeerStandIns {
  /** The base URL of all three (USERS_API_URL, INVENTORY_API_URL and LEADS_API_URL). */
  url: string;
  requests: PeerRequest[];
  storefronts: Map<string, DealershipStorefront>;
  /** Published, available vehicles by dealership. */
  vehicles: Map<string, PublicVehicle[]>;
  /** Holds by vehicle id. */
  holds: Map<string, VehicleHold>;
  /** Leads by deal id. */
  leads: Map<string, StandInLead>;
  /** The salesperson new deal leads of a dealership go to (default: its first demo salesperson, else null). */
  assignees: Map<string, string | null>;
  /** Services answering 503 (an outage) while listed. */
  down: Set<PeerName>;
  /** A dealership of its own with a website origin; its storefront. */
  addDealership(overrides?: Partial<DealershipStorefront>): DealershipStorefront;
  /** A vehicle for sale at `dealershipId`. */
  addVehicle(dealershipId: string, overrides?: Partial<PublicVehicle>): PublicVehicle;
  /** The requests made to one service, oldest first. */
  requestsTo(service: PeerName): PeerRequest[];
  close(): Promise<void>;
}

/** A stable UUID (v4 layout) from a text, so demo vehicles keep their ids between runs. */
export function stableUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export { demoSiteOriginOf };

const DEMO_MODELS = [
  { make: 'Toyota', model: 'Camry', trim: 'SE', year: 2024, priceCents: 2_849_500, msrpCents: 2_995_000 },
  { make: 'Honda', model: 'CR-V', trim: 'EX-L', year: 2023, priceCents: 3_199_500, msrpCents: null },
  { make: 'Ford', model: 'F-150', trim: 'XLT', year: 2025, priceCents: 4_875_000, msrpCents: 5_120_000 },
] as const;

function vehicleFor(
  dealershipId: string,
  index: number,
  overrides: Partial<PublicVehicle> = {},
): PublicVehicle {
  const model = DEMO_MODELS[index % DEMO_MODELS.length] as (typeof DEMO_MODELS)[number];
  const id = overrides.id ?? stableUuid(`${dealershipId}/vehicle/${index}`);
  return {
    id,
    dealershipId,
    vin: composeVin('1HG', 'CV1F3', model.year, 'A', String(100_000 + index).slice(-6)),
    stockNumber: `R${1001 + index}`,
    condition: model.msrpCents ? 'new' : 'used',
    year: model.year,
    make: model.make,
    model: model.model,
    trim: model.trim,
    bodyStyle: null,
    drivetrain: null,
    transmission: null,
    fuelType: null,
    engine: null,
    exteriorColor: 'Blue',
    interiorColor: 'Black',
    mileage: model.msrpCents ? 12 : 24_310,
    priceCents: model.priceCents,
    msrpCents: model.msrpCents,
    currency: 'USD',
    description: null,
    heroPhoto: null,
    photoCount: 0,
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

const DEMO_ASSIGNEES: Record<string, string> = {
  [DEMO_DEALERSHIPS.downtown.id]: DEMO_USERS.sales.id,
  [DEMO_DEALERSHIPS.northside.id]: DEMO_USERS.northsideSales.id,
  [DEMO_DEALERSHIPS.rival.id]: DEMO_USERS.rivalSales.id,
};

const problem = (res: Response, status: number, title: string) =>
  void res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status });

export async function startPeerStandIns(): Promise<PeerStandIns> {
  const requests: PeerRequest[] = [];
  const storefronts = new Map(demoStorefronts().map((s) => [s.dealershipId, s]));
  const vehicles = new Map<string, PublicVehicle[]>(
    ALL_DEMO_DEALERSHIPS.map((d) => [d.id, [0, 1, 2].map((i) => vehicleFor(d.id, i))]),
  );
  const holds = new Map<string, VehicleHold>();
  const leads = new Map<string, StandInLead>();
  const assignees = new Map<string, string | null>(Object.entries(DEMO_ASSIGNEES));
  const down = new Set<PeerName>();

  const app = express();
  app.use(express.json());
  const serviceOf = (path: string): PeerName =>
    path.startsWith('/api/users/') ? 'users' : path.startsWith('/api/inventory/') ? 'inventory' : 'leads';
  const scopesOf = (req: Request): string[] => {
    const token = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return [];
    const scope = decodeJwt(token)['scope'];
    return typeof scope === 'string' ? scope.split(' ') : [];
  };
  app.use((req, res, next) => {
    const service = serviceOf(req.path);
    const body: unknown = req.body && Object.keys(req.body as object).length > 0 ? req.body : undefined;
    requests.push({
      service,
      method: req.method,
      path: req.path,
      body,
      scopes: scopesOf(req),
      at: new Date(),
    });
    if (down.has(service)) return problem(res, 503, `${service} is down`);
    next();
  });
  /** The machine token must carry `scope`, as the real internal route demands. */
  const machine =
    (scope: string): RequestHandler =>
    (req, res, next) => {
      if (!req.get('authorization')) return problem(res, 401, 'No token');
      if (!scopesOf(req).includes(scope)) return problem(res, 403, `Needs ${scope}`);
      next();
    };
  const parse = <S extends z.ZodType>(schema: S, req: Request, res: Response): z.output<S> | undefined => {
    const parsed = schema.safeParse(req.body);
    if (parsed.success) return parsed.data;
    problem(res, 400, `Invalid body: ${parsed.error.message}`);
    return undefined;
  };
  const vehicleOf = (dealershipId: string, vehicleId: string) =>
    (vehicles.get(dealershipId) ?? []).find((v) => v.id === vehicleId);

  app.get('/api/users/internal/dealerships/:id/storefront', machine(READ_DEALERSHIPS_SCOPE), (req, res) => {
    const storefront = storefronts.get(req.params['id'] as string);
    if (!storefront) return problem(res, 404, 'No such dealership');
    res.json(storefront);
  });

  app.get('/api/inventory/public/dealerships/:id/vehicles/:vehicleId', (req, res) => {
    const vehicle = vehicleOf(req.params['id'] as string, req.params['vehicleId'] as string);
    if (!vehicle || holds.has(vehicle.id)) return problem(res, 404, 'Not for sale');
    res.json({ ...vehicle, photos: [], rooftop: { id: vehicle.dealershipId, name: 'Stand-in rooftop' } });
  });
  app.put(
    '/api/inventory/internal/dealerships/:id/vehicles/:vehicleId/hold',
    machine(HOLD_VEHICLES_SCOPE),
    (req, res) => {
      const input = parse(VehicleHoldInputSchema, req, res);
      if (!input) return;
      const vehicle = vehicleOf(req.params['id'] as string, req.params['vehicleId'] as string);
      if (!vehicle) return problem(res, 404, 'No such vehicle');
      const held = holds.get(vehicle.id);
      // A retry of the same reservation answers its hold; another's unexpired hold refuses.
      if (held?.reservationId === input.reservationId) return void res.json(held);
      if (held && new Date(held.until) > new Date()) return problem(res, 409, 'Held for another');
      const hold: VehicleHold = { vehicleId: vehicle.id, ...input };
      holds.set(vehicle.id, hold);
      res.json(hold);
    },
  );
  app.delete(
    '/api/inventory/internal/dealerships/:id/vehicles/:vehicleId/hold/:reservationId',
    machine(HOLD_VEHICLES_SCOPE),
    (req, res) => {
      const vehicleId = req.params['vehicleId'] as string;
      if (!vehicleOf(req.params['id'] as string, vehicleId)) return problem(res, 404, 'No such vehicle');
      // Releasing a hold the reservation does not have is a no-op, as in inventory.
      if (holds.get(vehicleId)?.reservationId === req.params['reservationId']) holds.delete(vehicleId);
      res.status(204).end();
    },
  );

  app.put(
    '/api/leads/internal/dealerships/:id/deal-leads/:dealId',
    machine(WRITE_DEAL_LEADS_SCOPE),
    (req, res) => {
      const input = parse(DealLeadInputSchema, req, res);
      if (!input) return;
      const dealershipId = req.params['id'] as string;
      const dealId = req.params['dealId'] as string;
      if (input.deal.dealId !== dealId)
        return problem(res, 400, 'The body’s deal is not the deal in the path');
      const lead = leads.get(dealId) ?? {
        leadId: randomUUID(),
        dealershipId,
        dealId,
        assigneeId: assignees.get(dealershipId) ?? null,
        inputs: [],
        activities: [],
      };
      lead.inputs.push(input);
      leads.set(dealId, lead);
      res.json({ leadId: lead.leadId, assigneeId: lead.assigneeId });
    },
  );
  const leadById = (dealershipId: string, leadId: string) =>
    [...leads.values()].find((lead) => lead.leadId === leadId && lead.dealershipId === dealershipId);
  app.post(
    '/api/leads/internal/dealerships/:id/leads/:leadId/activities',
    machine(WRITE_DEAL_LEADS_SCOPE),
    (req, res) => {
      const input = parse(LeadActivityInputSchema, req, res);
      if (!input) return;
      const lead = leadById(req.params['id'] as string, req.params['leadId'] as string);
      if (!lead) return problem(res, 404, 'No such lead');
      lead.activities.push(input);
      res.status(201).end();
    },
  );
  app.post(
    '/api/leads/internal/dealerships/:id/lead-assignees',
    machine(READ_LEAD_ASSIGNEES_SCOPE),
    (req, res) => {
      const input = parse(LeadAssigneesQuerySchema, req, res);
      if (!input) return;
      const items = input.leadIds.flatMap((leadId) => {
        const lead = leadById(req.params['id'] as string, leadId);
        return lead ? [{ leadId, assigneeId: lead.assigneeId }] : [];
      });
      res.json({ items });
    },
  );
  app.use((_req, res) => problem(res, 404, 'Not a route of the stand-ins'));

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  let added = 0;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    storefronts,
    vehicles,
    holds,
    leads,
    assignees,
    down,
    addDealership(overrides = {}) {
      const storefront = testStorefront(overrides);
      storefronts.set(storefront.dealershipId, storefront);
      return storefront;
    },
    addVehicle(dealershipId, overrides = {}) {
      const vehicle = vehicleFor(dealershipId, 100 + added++, { id: randomUUID(), ...overrides });
      vehicles.set(dealershipId, [...(vehicles.get(dealershipId) ?? []), vehicle]);
      return vehicle;
    },
    requestsTo: (service) => requests.filter((r) => r.service === service),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
