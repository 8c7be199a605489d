import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '@showroom/contracts';
import { ALL_DEMO_DEALERSHIPS, demoVehicleId } from '@showroom/demo-data';
import { acrossDealerships, forDealership } from '@showroom/server-mysql';
import { seedDemoInventory } from '../demo/seed-demo-inventory';
import { asManager, csvOf, feedCar } from '../feed-import/import-test-support';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

/**
 * The lot's life reaches analytics through the inventory outbox: rows written with each change,
 * shipped by the relay (driven by hand here; its timer waits ten minutes) to a recording stand-in
 * of analytics' ingest route.
 */
describe('vehicle events reach analytics', () => {
  /** The service's warnings, to read what the relay says about a row it sets aside. */
  const warnings: string[] = [];
  const ctx = inventoryAppForTests({
    env: { ANALYTICS_RELAY_INTERVAL_MS: '600000' },
    logger: pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) }),
  });
  const ship = () => ctx.inventory.analyticsRelay.shipDue();

  async function manager(dealershipId: string) {
    const token = await ctx.tokenFor('manager', dealershipId);
    const call = (method: 'post' | 'patch' | 'delete', path: string) =>
      request(ctx.app)[method](path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId);
    return {
      add: async (overrides = {}) => {
        const res = await call('post', '/api/inventory/vehicles').send(vehicleInput(overrides));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return { id: res.body.id as string, etag: res.headers['etag'] as string, body: res.body };
      },
      edit: async (id: string, etag: string, changes: object) => {
        const res = await call('patch', `/api/inventory/vehicles/${id}`).set('If-Match', etag).send(changes);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.headers['etag'] as string;
      },
      remove: async (id: string, etag: string) => {
        const res = await call('delete', `/api/inventory/vehicles/${id}`).set('If-Match', etag);
        expect(res.status, JSON.stringify(res.body)).toBe(204);
      },
    };
  }

  const eventsOf = (vehicleId: string): AnalyticsEvent[] =>
    ctx.analytics.events.filter((event) => event.vehicleId === vehicleId);
  const rowsOf = (dealershipId: string) =>
    forDealership(ctx.database.writer, dealershipId)
      .selectFrom('inventory_events')
      .select(['id', 'type', 'analytics_shipped_at'])
      .orderBy('id')
      .execute();

  it('when a manager lists a car, raises and lowers its price and sells it, then analytics gets the listing, both price changes and the sale, in order, with no VIN or stock number', async () => {
    const dealershipId = ctx.newDealership();
    const m = await manager(dealershipId);
    const car = await m.add({ priceCents: 2_000_000 });
    let etag = await m.edit(car.id, car.etag, { priceCents: 2_100_000 });
    etag = await m.edit(car.id, etag, { priceCents: 1_850_000 });
    await m.edit(car.id, etag, { status: 'sold' });

    await ship();

    const events = eventsOf(car.id);
    expect(events.map((e) => [e.type, e.priceCents])).toEqual([
      ['vehicle_listed', 2_000_000],
      ['vehicle_price_changed', 2_100_000],
      ['vehicle_price_changed', 1_850_000],
      ['vehicle_sold', 1_850_000],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        dealershipId,
        listedAt: car.body.createdAt,
        make: 'Honda',
        model: 'Accord',
        year: 2022,
        vehicleCondition: 'used',
        leadId: null,
        weight: 1,
      });
    }
    expect(events.at(-1)?.daysOnLot).toBe(0);
    // Ids are the outbox rows', shipped rows are marked; the drop keeps its own price_dropped row, which analytics does not take.
    const rows = await rowsOf(dealershipId);
    const analyticsRows = rows.filter((row) => row.type !== 'price_dropped');
    expect(events.map((e) => e.id)).toEqual(analyticsRows.map((row) => `inventory:${row.id}`));
    expect(analyticsRows.every((row) => row.analytics_shipped_at !== null)).toBe(true);
    expect(rows.filter((row) => row.type === 'price_dropped')).toMatchObject([
      { analytics_shipped_at: null },
    ]);

    const sent = ctx.analytics.requests.map((r) => r.rawBody).join('\n');
    expect(sent).toContain(car.id);
    expect(sent).not.toContain(car.body.vin);
    expect(sent).not.toContain(car.body.stockNumber);
  });

  it('when cars leave the lot by archive or deletion, then each is removed; an archived car put back on sale is listed again; a sold car deleted later is not removed twice', async () => {
    const dealershipId = ctx.newDealership();
    const m = await manager(dealershipId);
    const archived = await m.add();
    const etag = await m.edit(archived.id, archived.etag, { status: 'archived' });
    await m.edit(archived.id, etag, { status: 'available' });
    const deleted = await m.add();
    await m.remove(deleted.id, deleted.etag);
    const sold = await m.add();
    await m.remove(sold.id, await m.edit(sold.id, sold.etag, { status: 'sold' }));

    await ship();

    expect(eventsOf(archived.id).map((e) => e.type)).toEqual([
      'vehicle_listed',
      'vehicle_removed',
      'vehicle_listed',
    ]);
    expect(eventsOf(deleted.id).map((e) => e.type)).toEqual(['vehicle_listed', 'vehicle_removed']);
    expect(eventsOf(deleted.id)[1]?.daysOnLot).toBe(0);
    expect(eventsOf(sold.id).map((e) => e.type)).toEqual(['vehicle_listed', 'vehicle_sold']);
  });

  it('when analytics is down, then the pass fails and nothing is marked; once it is back the rows go, and a resend after a crash stores nothing twice', async () => {
    const dealershipId = ctx.newDealership();
    const m = await manager(dealershipId);
    ctx.analytics.failWith = 503;
    try {
      const car = await m.add();
      await expect(ship()).rejects.toMatchObject({ name: 'AnalyticsIngestError', status: 503 });
      expect((await rowsOf(dealershipId)).every((row) => row.analytics_shipped_at === null)).toBe(true);
      expect(eventsOf(car.id)).toHaveLength(0);

      ctx.analytics.failWith = null;
      expect(await ship()).toBeGreaterThanOrEqual(1);
      expect(eventsOf(car.id).map((e) => e.type)).toEqual(['vehicle_listed']);
      // A crash between the send and the mark: the row is unmarked, and goes again.
      await forDealership(ctx.database.writer, dealershipId)
        .updateTable('inventory_events')
        .set({ analytics_shipped_at: null })
        .execute();
      await ship();
      const [listed] = eventsOf(car.id);
      expect(eventsOf(car.id)).toHaveLength(1);
      expect(ctx.analytics.deliveries.get(listed?.id ?? '')).toBe(2);
      expect(await ship()).toBe(0);
    } finally {
      ctx.analytics.failWith = null;
    }
  });

  it('when a row in the outbox can never become a valid event (an empty make, a payload that is not an object), then it is set aside with its reason and logged without vehicle details, and the cars before and after it still arrive', async () => {
    const dealershipId = ctx.newDealership();
    const m = await manager(dealershipId);
    const before = await m.add();
    const tenant = forDealership(ctx.database.writer, dealershipId);
    const poisoned = async (payload: string) =>
      Number(
        (
          await tenant
            .insertInto('inventory_events')
            .values({ type: 'vehicle_listed', payload })
            .executeTakeFirstOrThrow()
        ).insertId,
      );
    const emptyMake = await poisoned(
      JSON.stringify({
        vehicleId: before.id,
        at: new Date().toISOString(),
        priceCents: 1_500_000,
        listedAt: new Date().toISOString(),
        daysOnLot: null,
        condition: 'used',
        make: '  ',
        model: 'Secret Model Name',
        year: 2020,
      }),
    );
    // The column takes only JSON, but JSON that is not an object still gets in.
    const notJson = await poisoned(JSON.stringify(`VIN ${before.body.vin} stock ${before.body.stockNumber}`));
    const after = await m.add();

    await ship();

    expect(eventsOf(before.id).map((e) => e.id)).not.toContain(`inventory:${emptyMake}`);
    expect(eventsOf(before.id).map((e) => e.type)).toEqual(['vehicle_listed']);
    expect(eventsOf(after.id).map((e) => e.type)).toEqual(['vehicle_listed']);
    const setAside = await tenant
      .selectFrom('inventory_events')
      .select(['id', 'analytics_shipped_at', 'analytics_skipped'])
      .where('id', 'in', [emptyMake, notJson])
      .orderBy('id')
      .execute();
    expect(setAside).toMatchObject([
      { id: emptyMake, analytics_skipped: expect.stringMatching(/^make: /) },
      { id: notJson, analytics_skipped: 'payload: not a JSON object' },
    ]);
    expect(setAside.every((row) => row.analytics_shipped_at !== null)).toBe(true);
    // Delivered rows carry no reason.
    const delivered = await tenant
      .selectFrom('inventory_events')
      .select('analytics_skipped')
      .where('id', 'not in', [emptyMake, notJson])
      .execute();
    expect(delivered.every((row) => row.analytics_skipped === null)).toBe(true);

    const logged = warnings.filter((line) => line.includes('set aside')).map((line) => JSON.parse(line));
    expect(logged.map((line) => [line.inventoryEventId, line.dealershipId])).toEqual([
      [emptyMake, dealershipId],
      [notJson, dealershipId],
    ]);
    const log = warnings.join('\n');
    for (const detail of ['Secret Model Name', before.body.vin, before.body.stockNumber]) {
      expect(log, `logged ${detail}`).not.toContain(detail);
    }
    // Set aside for good: the next pass has nothing to send.
    expect(await ship()).toBe(0);
  });

  it('when a feed import adds, reprices and (as a full feed) sells cars, then each change is announced, written with its batch', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    const [stays, goes] = [feedCar({ Price: '$20,000' }), feedCar()];
    await d.importFile(csvOf([stays, goes]));
    await d.importFile(csvOf([{ ...stays, Price: '$21,500' }]), { mode: 'full', missing: 'mark_sold' });

    await ship();

    const vehicles = await forDealership(ctx.database.writer, d.dealershipId)
      .selectFrom('vehicles')
      .select(['id', 'vin'])
      .execute();
    const idOf = (vin: string) => vehicles.find((v) => v.vin === vin)?.id ?? '-';
    expect(eventsOf(idOf(stays.VIN)).map((e) => [e.type, e.priceCents])).toEqual([
      ['vehicle_listed', 2_000_000],
      ['vehicle_price_changed', 2_150_000],
    ]);
    expect(eventsOf(idOf(goes.VIN)).map((e) => e.type)).toEqual(['vehicle_listed', 'vehicle_sold']);
  });

  it('when the demo lot is seeded, then each car on it is announced as listed on the day it arrived, under the id the demo history uses; the cars seeded as sold are not', async () => {
    await seedDemoInventory(ctx.database.writer, new Date());
    await ship();

    for (const dealership of ALL_DEMO_DEALERSHIPS) {
      const lot = await forDealership(ctx.database.writer, dealership.id)
        .selectFrom('vehicles')
        .select(['id', 'stock_number', 'status', 'created_at'])
        .execute();
      const events = ctx.analytics.events.filter((e) => e.dealershipId === dealership.id);
      const onLot = lot.filter((v) => v.status === 'available' || v.status === 'pending');
      expect(onLot.length).toBeGreaterThan(0);
      expect(events).toHaveLength(onLot.length);
      for (const vehicle of lot) {
        expect(vehicle.id).toBe(demoVehicleId(dealership.id, vehicle.stock_number));
        const listed = events.filter((e) => e.vehicleId === vehicle.id);
        if (vehicle.status === 'sold') expect(listed).toHaveLength(0);
        else {
          expect(listed).toMatchObject([
            {
              type: 'vehicle_listed',
              listedAt: vehicle.created_at.toISOString(),
              occurredAt: vehicle.created_at.toISOString(),
            },
          ]);
        }
      }
    }
    // Every row of the demo lot was shipped.
    const unshipped = await acrossDealerships(ctx.database.writer)
      .selectFrom('inventory_events')
      .select('id')
      .where('analytics_shipped_at', 'is', null)
      .where('type', '!=', 'price_dropped')
      .execute();
    expect(unshipped).toHaveLength(0);
  });
});
