import { randomUUID } from 'node:crypto';
import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import type { ObjectStore } from '@showroom/server-storage';
import { startS3Local, type S3Local } from '@showroom/server-testing';
import {
  LOCAL_WAREHOUSE_BUCKET,
  exportDayOf,
  exportPartition,
  partitionKey,
  readPartition,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../engine/duckdb';
import { ElasticsearchEngine } from '../engine/elasticsearch/elasticsearch-engine';
import { FakeElasticsearch } from '../engine/elasticsearch/test/fake-elasticsearch';
import type { AnalyticsEngine } from '../engine/port';
import { EVENT_FIELDS } from '../engine/fields';
import { eventsExporter } from './events-exporter';
import { EVENTS_TABLE } from './events-table';

const DAY = exportDayOf('2026-11-20');
const SALESPERSON_NAME = 'Dana Quinlan-Okafor';

let s3: S3Local;

beforeAll(async () => {
  s3 = await startS3Local({ buckets: [LOCAL_WAREHOUSE_BUCKET, 'showroom-warehouse-es'] });
});
afterAll(() => s3?.close());

/** Both engines: the embedded one (npm start, tests) and Elasticsearch (production) over the in-memory fake cluster. */
const ENGINES: Array<[string, string, () => AnalyticsEngine]> = [
  ['the embedded engine', LOCAL_WAREHOUSE_BUCKET, () => new DuckDbEngine({ path: ':memory:' })],
  ['Elasticsearch', 'showroom-warehouse-es', () => new ElasticsearchEngine(new FakeElasticsearch().client())],
];

const rooftop = randomUUID();
const otherRooftop = randomUUID();
const event = (id: string, occurredAt: string, fields: Partial<AnalyticsEvent>): AnalyticsEvent => ({
  ...EMPTY_EVENT_FIELDS,
  id,
  dealershipId: rooftop,
  type: 'vehicle_view',
  occurredAt,
  ...fields,
});

/** The day's events: one of each shape that stores differently (text, instants, longs, ints, a fractional weight). */
const dayEvents: AnalyticsEvent[] = [
  event('leads:101', '2026-11-20T00:00:00.000Z', {
    type: 'lead_created',
    source: 'autotrader',
    channel: 'adf',
    leadId: randomUUID(),
  }),
  event('leads:102', '2026-11-20T09:15:30.250Z', {
    type: 'lead_first_response',
    source: 'dealer_website',
    leadId: randomUUID(),
    salespersonId: 'auth0|sales-1',
    salespersonName: SALESPERSON_NAME,
    responseSeconds: 412,
  }),
  event('inventory:7', '2026-11-20T16:40:00.000Z', {
    type: 'vehicle_sold',
    dealershipId: otherRooftop,
    vehicleId: randomUUID(),
    priceCents: 2_899_900,
    daysOnLot: 47,
    listedAt: '2026-10-04T13:00:00.000Z',
    vehicleCondition: 'used',
    make: 'Toyota',
    model: 'Tacoma',
    year: 2021,
  }),
  event('retail:3', '2026-11-20T18:00:00.000Z', {
    type: 'deal_submitted',
    dealId: randomUUID(),
    dealKind: 'lease',
    priceCents: 4_100_000,
  }),
  event(randomUUID(), '2026-11-20T20:20:20.020Z', {
    type: 'search',
    source: 'google',
    sessionId: 'c0ffee00c0ffee00',
    searchTerms: 'toyota tacoma · body: truck',
    resultCount: 0,
    weight: 3.3333333333333335,
  }),
  event(randomUUID(), '2026-11-20T23:59:59.999Z', {
    type: 'form_submit',
    form: 'trade_in',
    sessionId: 'feedbeef',
    source: 'direct',
  }),
];

describe.each(ENGINES)("the analytics service's warehouse export from %s", (_name, bucket, makeEngine) => {
  let engine: AnalyticsEngine;
  let store: ObjectStore;

  beforeAll(async () => {
    engine = makeEngine();
    await engine.ready();
    store = warehouseObjectStore({
      WAREHOUSE_S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: s3.endpoint,
    });
    await engine.append([
      ...dayEvents,
      event('leads:100', '2026-11-19T23:59:59.999Z', { type: 'lead_created', source: 'cars_com' }),
      event('leads:103', '2026-11-21T00:00:00.000Z', {
        type: 'lead_lost',
        status: 'lost',
        lostReason: 'price',
      }),
    ]);
  });

  it("when a day is exported, then every event of the day is in its partition, field for field, with fields.ts's columns", async () => {
    const result = await exportPartition(eventsExporter(engine, 4), DAY, store);
    expect(result).toMatchObject({
      key: 'warehouse/events/dt=2026-11-20/events.parquet',
      rows: dayEvents.length,
    });

    const read = await readPartition(store, result.table, result.date);
    const kept = EVENT_FIELDS.filter((field) => field.name !== 'salespersonName');
    expect(read.columns.map((c) => c.name)).toEqual([...kept.map((field) => field.column), 'dt']);
    const asStored = (e: AnalyticsEvent) => ({
      ...Object.fromEntries(
        kept.map((field) => {
          const value = e[field.name];
          return [field.column, field.type === 'date' && value !== null ? new Date(value as string) : value];
        }),
      ),
      dt: DAY.date,
    });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a['id']).localeCompare(String(b['id']));
    expect(read.rows.sort(byId)).toEqual(dayEvents.map(asStored).sort(byId));
    expect(EVENTS_TABLE.columns.map((c) => c.name)).toEqual(read.columns.map((c) => c.name));
  });

  it("when the partition is read, then no salesperson's name is in it", async () => {
    const read = await readPartition(store, 'events', DAY.date);
    expect(read.columns.map((c) => c.name)).not.toContain('salesperson_name');
    expect(read.rows.flatMap(Object.values)).not.toContain(SALESPERSON_NAME);
  });

  it('when the engine got a redelivered batch and the day is exported again, then each event is there once', async () => {
    await engine.append(dayEvents);
    await exportPartition(eventsExporter(engine), DAY, store);
    const read = await readPartition(store, 'events', DAY.date);
    expect(read.rows.map((row) => row['id']).sort()).toEqual(dayEvents.map((e) => e.id).sort());
    expect(await store.list('warehouse/events/')).toEqual([partitionKey('events', DAY.date)]);
  });
});
