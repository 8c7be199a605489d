import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS } from '@showroom/demo-data';
import type { DealLeadInput } from '@showroom/contracts';
import { ClientCredentialsTokens, HttpProblem } from '@showroom/server-kit';
import { startTestIssuer, type TestIssuer } from '@showroom/server-testing';
import { startPeerStandIns, type PeerStandIns } from '../test/peer-stand-ins';
import { TEST_MACHINE_CLIENT } from '../test/retail-test-app';
import { DealershipDirectory } from './dealership-directory';
import { LeadsDesk } from './leads-desk';
import { VehicleCatalog } from './vehicle-catalog';

const downtown = DEMO_DEALERSHIPS.downtown.id;

const dealLead = (vehicleId: string): DealLeadInput => ({
  shopper: { firstName: 'Pat', lastName: 'Shopper', email: 'pat.shopper@example.test' },
  vehicleId,
  deal: {
    dealId: randomUUID(),
    status: 'submitted',
    kind: 'finance',
    sellingPriceCents: 2_849_500,
    downPaymentCents: 300_000,
    monthlyPaymentCents: 48_211,
    termMonths: 60,
    aprBps: 649,
    dueAtSigningCents: 300_000,
    tradeValueCents: null,
    tradePayoffCents: null,
    products: [],
    creditApplication: 'none',
    depositCents: null,
    reservationStatus: null,
  },
});

/** 503 with the service named, as a shopper or a job meets it. */
const unavailable = (service: string) =>
  expect.objectContaining({ status: 503, detail: expect.stringContaining(`The ${service} service`) });

describe('retail’s clients of the other services', () => {
  let issuer: TestIssuer;
  let peers: PeerStandIns;
  let directory: DealershipDirectory;
  let catalog: VehicleCatalog;
  let leads: LeadsDesk;
  beforeAll(async () => {
    [issuer, peers] = await Promise.all([
      startTestIssuer({
        clients: {
          [TEST_MACHINE_CLIENT.id]: {
            secret: TEST_MACHINE_CLIENT.secret,
            scopes: TEST_MACHINE_CLIENT.scopes,
          },
        },
      }),
      startPeerStandIns(),
    ]);
    const tokens = new ClientCredentialsTokens({
      issuerBaseURL: issuer.issuerBaseURL,
      clientId: TEST_MACHINE_CLIENT.id,
      clientSecret: TEST_MACHINE_CLIENT.secret,
    });
    directory = new DealershipDirectory(peers.url, tokens, { max: 100 });
    catalog = new VehicleCatalog(peers.url, tokens, { max: 100 });
    leads = new LeadsDesk(peers.url, tokens);
  });
  afterAll(async () => {
    await peers?.close();
    await issuer?.close();
  });

  describe('the dealership directory (users)', () => {
    it('names a dealership’s website origins, asking the users service once for repeated lookups', async () => {
      const before = peers.requestsTo('users').length;
      const storefront = await directory.storefront(downtown);
      await directory.storefront(downtown.toUpperCase());
      expect(storefront).toMatchObject({ dealershipId: downtown, name: 'Demo Motors Downtown' });
      expect(storefront?.siteOrigins).toEqual(['http://demo-motors-downtown.localhost:4400']);
      const asked = peers.requestsTo('users').slice(before);
      expect(asked).toHaveLength(1);
      expect(asked[0]?.scopes).toContain('read:dealerships');
    });

    it('answers null for an id no dealership has, and asks again next time', async () => {
      const unknown = randomUUID();
      expect(await directory.storefront(unknown)).toBeNull();
      expect(await directory.storefront(unknown)).toBeNull();
      expect(peers.requestsTo('users').filter((r) => r.path.includes(unknown))).toHaveLength(2);
    });

    it('when the users service is down, says so with a 503', async () => {
      peers.down.add('users');
      try {
        await expect(directory.storefront(randomUUID())).rejects.toEqual(unavailable('users'));
      } finally {
        peers.down.delete('users');
      }
    });
  });

  describe('the vehicle catalog (inventory)', () => {
    it('gives the car for sale as a deal records it', async () => {
      const vehicle = peers.addVehicle(downtown, { priceCents: 2_100_000, msrpCents: null, trim: null });
      expect(await catalog.forSale(downtown, vehicle.id)).toEqual({
        vehicleId: vehicle.id,
        vin: vehicle.vin,
        stockNumber: vehicle.stockNumber,
        year: vehicle.year,
        make: vehicle.make,
        model: vehicle.model,
        trim: null,
        condition: vehicle.condition,
        priceCents: 2_100_000,
        msrpCents: null,
        photoUrl: null,
      });
    });

    it('answers null for a car not for sale there: unknown, another dealership’s, or without a price', async () => {
      const unpriced = peers.addVehicle(downtown, { priceCents: null });
      const elsewhere = peers.addVehicle(DEMO_DEALERSHIPS.rival.id);
      expect(await catalog.forSale(downtown, randomUUID())).toBeNull();
      expect(await catalog.forSale(downtown, elsewhere.id)).toBeNull();
      expect(await catalog.forSale(downtown, unpriced.id)).toBeNull();
    });

    it('reads a car from its cache for a while, and asks inventory afresh when told to', async () => {
      const vehicle = peers.addVehicle(downtown);
      expect(await catalog.forSale(downtown, vehicle.id)).toMatchObject({ vehicleId: vehicle.id });
      // Sold meanwhile: inventory no longer lists it.
      peers.vehicles.set(
        downtown,
        (peers.vehicles.get(downtown) ?? []).filter((v) => v.id !== vehicle.id),
      );
      expect(await catalog.forSale(downtown, vehicle.id)).toMatchObject({ vehicleId: vehicle.id });
      expect(await catalog.forSale(downtown, vehicle.id, { fresh: true })).toBeNull();
      expect(await catalog.forSale(downtown, vehicle.id)).toBeNull();
    });

    it('holds a car for one reservation, refuses another, and releases it', async () => {
      const vehicle = peers.addVehicle(downtown);
      const until = new Date(Date.now() + 48 * 3_600_000).toISOString();
      const first = randomUUID();
      expect(await catalog.hold(downtown, vehicle.id, { reservationId: first, until })).toBe('held');
      expect(await catalog.hold(downtown, vehicle.id, { reservationId: first, until })).toBe('held');
      expect(await catalog.hold(downtown, vehicle.id, { reservationId: randomUUID(), until })).toBe(
        'unavailable',
      );
      expect(await catalog.forSale(downtown, vehicle.id)).toBeNull();
      await catalog.release(downtown, vehicle.id, first);
      await catalog.release(downtown, vehicle.id, first);
      expect(await catalog.forSale(downtown, vehicle.id)).toMatchObject({ vehicleId: vehicle.id });
      const holds = peers.requestsTo('inventory').filter((r) => r.path.endsWith('/hold'));
      expect(holds.every((r) => r.scopes.includes('hold:vehicles'))).toBe(true);
    });

    it('when inventory is down, a hold says so with a 503 rather than calling the car unavailable', async () => {
      const vehicle = peers.addVehicle(downtown);
      peers.down.add('inventory');
      try {
        await expect(
          catalog.hold(downtown, vehicle.id, {
            reservationId: randomUUID(),
            until: new Date().toISOString(),
          }),
        ).rejects.toEqual(unavailable('inventory'));
      } finally {
        peers.down.delete('inventory');
      }
    });
  });

  describe('the leads desk (leads)', () => {
    it('opens a deal’s lead once and updates it after, with the write:deal-leads scope', async () => {
      const input = dealLead(randomUUID());
      const first = await leads.openDealLead(downtown, input.deal.dealId, input);
      const again = await leads.openDealLead(downtown, input.deal.dealId, {
        ...input,
        deal: { ...input.deal, status: 'accepted' },
      });
      expect(again).toEqual(first);
      const lead = peers.leads.get(input.deal.dealId);
      expect(lead?.inputs.map((i) => i.deal.status)).toEqual(['submitted', 'accepted']);
      expect(peers.requestsTo('leads').at(-1)?.scopes).toContain('write:deal-leads');
    });

    it('adds an entry to the lead’s timeline', async () => {
      const input = dealLead(randomUUID());
      const { leadId } = await leads.openDealLead(downtown, input.deal.dealId, input);
      await leads.addActivity(downtown, leadId, {
        actor: 'Fiona Finance',
        text: 'Credit application viewed',
      });
      expect(peers.leads.get(input.deal.dealId)?.activities).toEqual([
        { actor: 'Fiona Finance', text: 'Credit application viewed' },
      ]);
    });

    it('names the assignee of many leads at once (in calls of at most 100), leaving out leads it does not know', async () => {
      const opened = [];
      for (let i = 0; i < 120; i++) {
        const input = dealLead(randomUUID());
        opened.push(await leads.openDealLead(downtown, input.deal.dealId, input));
      }
      const before = peers.requestsTo('leads').length;
      const unknown = randomUUID();
      const assignees = await leads.assignees(downtown, [...opened.map((o) => o.leadId), unknown]);
      expect(assignees.size).toBe(120);
      expect(assignees.has(unknown)).toBe(false);
      expect(assignees.get(opened[0]?.leadId ?? '')).toBe('auth0|demo-sales');
      const calls = peers.requestsTo('leads').slice(before);
      expect(calls.map((c) => (c.body as { leadIds: string[] }).leadIds.length)).toEqual([100, 21]);
      expect(calls.every((c) => c.scopes.includes('read:lead-assignees'))).toBe(true);
    });

    it('when leads is down, says so with a 503', async () => {
      peers.down.add('leads');
      try {
        await expect(leads.assignees(downtown, [randomUUID()])).rejects.toBeInstanceOf(HttpProblem);
        await expect(leads.addActivity(downtown, randomUUID(), { actor: 'a', text: 't' })).rejects.toEqual(
          unavailable('leads'),
        );
      } finally {
        peers.down.delete('leads');
      }
    });
  });
});
