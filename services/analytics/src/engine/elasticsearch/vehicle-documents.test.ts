import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import { ElasticsearchEngine } from './elasticsearch-engine';
import { FakeElasticsearch } from './test/fake-elasticsearch';

// The vehicles index keeps each vehicle as its latest lifecycle event whatever order the events
// arrive in (external versions), which the embedded engine gets for free from its event table.

const ROOFTOP = 'd1000000-0000-4000-8000-000000000001';
const VEHICLE = 'e1000000-0000-4000-8000-000000000001';
const BUCKETS = [0, 31, 61, 91];

const vehicleEvent = (id: string, type: AnalyticsEvent['type'], occurredAt: string): AnalyticsEvent => ({
  ...EMPTY_EVENT_FIELDS,
  id,
  dealershipId: ROOFTOP,
  type,
  occurredAt,
  vehicleId: VEHICLE,
  listedAt: '2026-01-10T12:00:00.000Z',
  make: 'Ford',
  model: 'Bronco',
  year: 2023,
});

const listed = vehicleEvent('inventory:1', 'vehicle_listed', '2026-01-10T12:00:00.000Z');
const repriced = vehicleEvent('inventory:2', 'vehicle_price_changed', '2026-02-01T12:00:00.000Z');
const sold = vehicleEvent('inventory:3', 'vehicle_sold', '2026-02-20T12:00:00.000Z');

async function engineWith(...batches: AnalyticsEvent[][]) {
  const cluster = new FakeElasticsearch();
  const engine = new ElasticsearchEngine(cluster.client());
  await engine.ready();
  for (const batch of batches) await engine.append(batch);
  return { cluster, engine };
}

describe('the vehicles index', () => {
  it('when a sale arrives before an older price change (a relay that retried), then the vehicle stays sold', async () => {
    const { cluster, engine } = await engineWith([listed], [sold], [repriced]);

    expect(await engine.inventoryAging([ROOFTOP], new Date('2026-03-01T00:00:00Z'), BUCKETS)).toEqual([
      0, 0, 0, 0,
    ]);
    // Before the sale it was on the lot: 40 days after its listing.
    expect(await engine.inventoryAging([ROOFTOP], new Date('2026-02-19T12:00:00Z'), BUCKETS)).toEqual([
      0, 1, 0, 0,
    ]);
    expect(cluster.documents('showroom-analytics-vehicles')).toEqual([
      expect.objectContaining({ last_event: 'vehicle_sold', ended_at: '2026-02-20T12:00:00.000Z' }),
    ]);
  });

  it('when a vehicle comes back to the lot after its removal, then it is counted again from its new listing', async () => {
    const removed = vehicleEvent('inventory:4', 'vehicle_removed', '2026-02-05T12:00:00.000Z');
    const relisted = {
      ...vehicleEvent('inventory:5', 'vehicle_listed', '2026-02-25T12:00:00.000Z'),
      listedAt: '2026-02-25T12:00:00.000Z',
    };
    const { engine } = await engineWith([listed, removed], [relisted]);

    expect(await engine.inventoryAging([ROOFTOP], new Date('2026-03-01T12:00:00Z'), BUCKETS)).toEqual([
      1, 0, 0, 0,
    ]);
  });

  it('when a batch is retried after its events were stored, then its vehicles are written all the same', async () => {
    const cluster = new FakeElasticsearch();
    const engine = new ElasticsearchEngine(cluster.client());
    await engine.ready();
    // The listing's event went in, then the task stopped before its vehicle was written: the
    // producer sends the batch again, and the event is a 409 this time.
    cluster.indices.get('showroom-analytics-events')?.documents.set(listed.id, { id: listed.id });

    await engine.append([listed]);

    expect(await engine.inventoryAging([ROOFTOP], new Date('2026-01-20T12:00:00Z'), BUCKETS)).toEqual([
      1, 0, 0, 0,
    ]);
  });

  it('keeps one dealership’s vehicle apart from another’s with the same vehicle id', async () => {
    const other = 'd1000000-0000-4000-8000-000000000002';
    const { engine } = await engineWith([listed], [{ ...sold, id: 'inventory:9', dealershipId: other }]);

    expect(await engine.inventoryAging([ROOFTOP], new Date('2026-03-01T00:00:00Z'), BUCKETS)).toEqual([
      0, 1, 0, 0,
    ]);
  });
});
