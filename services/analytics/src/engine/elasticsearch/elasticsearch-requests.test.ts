import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import { AnalyticsEngineClosedError, AnalyticsInputError } from '../engine-errors';
import { EVENT_FIELDS } from '../fields';
import { BulkWriteError } from './bulk-writer';
import { ElasticsearchEngine } from './elasticsearch-engine';
import { bulkAnswer, failure, RecordingCluster } from './test/recording-cluster';

// The exact requests the engine sends, checked against a recording mock connection
// (@elastic/elasticsearch-mock): what a real cluster would be asked, byte for byte in JSON.

const ROOFTOP = '0b6f1d9e-4c1a-4e7e-9a53-6d1f1f0c2a01';
const VEHICLE = '0b6f1d9e-4c1a-4e7e-9a53-6d1f1f0c2b01';
const LEAD = '0b6f1d9e-4c1a-4e7e-9a53-6d1f1f0c2c01';
/** The engine's clock: ready() creates this month's events index. */
const NOW = new Date('2026-11-20T12:00:00.000Z');
const SEARCH = 'POST /showroom-analytics-events-*/_search';

function event(id: string, fields: Partial<AnalyticsEvent>): AnalyticsEvent {
  return {
    ...EMPTY_EVENT_FIELDS,
    id,
    dealershipId: ROOFTOP,
    type: 'lead_created',
    occurredAt: '2026-11-02T15:04:05.000Z',
    ...fields,
  };
}

function engineOn(cluster: RecordingCluster) {
  const waits: number[] = [];
  const engine = new ElasticsearchEngine(cluster.client(), {
    retry: { attempts: 3, firstDelayMs: 100, maxDelayMs: 1_000 },
    now: () => NOW,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { engine, waits };
}

const filter = {
  dealershipIds: [ROOFTOP],
  from: new Date('2026-11-01T05:00:00.000Z'),
  to: new Date('2026-12-01T06:00:00.000Z'),
  timeZone: 'America/Chicago',
};

const periodFilter = [
  { terms: { dealership_id: [ROOFTOP] } },
  { range: { '@timestamp': { gte: '2026-11-01T05:00:00.000Z', lt: '2026-12-01T06:00:00.000Z' } } },
];

describe('ElasticsearchEngine.ready()', () => {
  it('puts the lifecycle policy, the index template, this month’s events index, the events’ mapping and the vehicles index, in that order', async () => {
    const cluster = new RecordingCluster();
    const { engine } = engineOn(cluster);

    await engine.ready();

    expect(cluster.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /_ilm/policy/showroom-analytics-events-monthly',
      'PUT /_index_template/showroom-analytics-events-monthly',
      'PUT /showroom-analytics-events-2026.11',
      'PUT /showroom-analytics-events-*/_mapping',
      'PUT /showroom-analytics-vehicles',
    ]);
    // Delete-only: nothing rolls over (an index holds one month), and a month's index goes once it
    // is older than the retention (760 days) plus the longest month, counted from its creation.
    expect(cluster.requests[0]!.body).toEqual({
      policy: {
        _meta: { managed_by: expect.stringContaining('showroom analytics') },
        phases: { delete: { min_age: '791d', actions: { delete: {} } } },
      },
    });
    // The index takes its settings and mapping from the template; the request has no body (null here).
    expect(cluster.requests[2]!.body).toBeNull();
  });

  it('derives the monthly indices’ mapping from fields.ts: every column, @timestamp for occurredAt, strict', async () => {
    const cluster = new RecordingCluster();
    await engineOn(cluster).engine.ready();

    const template = cluster.to('PUT /_index_template/showroom-analytics-events-monthly')[0]!.body as {
      index_patterns: string[];
      priority: number;
      template: { settings: object; mappings: { dynamic: string; properties: Record<string, object> } };
    };
    expect(template.index_patterns).toEqual(['showroom-analytics-events-*']);
    expect(template).not.toHaveProperty('data_stream');
    expect(template.priority).toBe(200);
    expect(template.template.settings).toEqual({
      'index.number_of_shards': 1,
      'index.lifecycle.name': 'showroom-analytics-events-monthly',
    });
    expect(template.template.mappings.dynamic).toBe('strict');
    expect(template.template.mappings.properties).toEqual({
      '@timestamp': { type: 'date' },
      id: { type: 'keyword', ignore_above: 256 },
      dealership_id: { type: 'keyword', ignore_above: 256 },
      event_type: { type: 'keyword', ignore_above: 256 },
      source: { type: 'keyword', ignore_above: 256 },
      channel: { type: 'keyword', ignore_above: 256 },
      lead_id: { type: 'keyword', ignore_above: 256 },
      vehicle_id: { type: 'keyword', ignore_above: 256 },
      deal_id: { type: 'keyword', ignore_above: 256 },
      salesperson_id: { type: 'keyword', ignore_above: 256 },
      salesperson_name: { type: 'keyword', ignore_above: 256 },
      session_id: { type: 'keyword', ignore_above: 256 },
      status: { type: 'keyword', ignore_above: 256 },
      lost_reason: { type: 'keyword', ignore_above: 256 },
      response_seconds: { type: 'long' },
      price_cents: { type: 'long' },
      days_on_lot: { type: 'integer' },
      listed_at: { type: 'date' },
      vehicle_condition: { type: 'keyword', ignore_above: 256 },
      make: { type: 'keyword', ignore_above: 256 },
      model: { type: 'keyword', ignore_above: 256 },
      model_year: { type: 'integer' },
      search_terms: { type: 'keyword', ignore_above: 256 },
      result_count: { type: 'integer' },
      form: { type: 'keyword', ignore_above: 256 },
      deal_kind: { type: 'keyword', ignore_above: 256 },
      weight: { type: 'double' },
    });
    // One property per declared field: a field added to fields.ts reaches the mapping by itself.
    expect(Object.keys(template.template.mappings.properties)).toHaveLength(EVENT_FIELDS.length);
  });

  it('when this month’s index and the vehicles index exist (a second task starting), updates the mappings instead of failing', async () => {
    const cluster = new RecordingCluster()
      .answer('PUT /showroom-analytics-events-2026.11', () =>
        failure(400, 'resource_already_exists_exception'),
      )
      .answer('PUT /showroom-analytics-vehicles', () => failure(400, 'resource_already_exists_exception'));

    await engineOn(cluster).engine.ready();

    // Every month's index, not only this one: a late event of an earlier month may carry a new field.
    const [events] = cluster.to('PUT /showroom-analytics-events-*/_mapping');
    const [vehicles] = cluster.to('PUT /showroom-analytics-vehicles/_mapping');
    expect(events!.body).toMatchObject({ dynamic: 'strict', properties: { '@timestamp': { type: 'date' } } });
    expect(vehicles!.body).toMatchObject({
      dynamic: 'strict',
      properties: {
        listed_at: { type: 'date' },
        ended_at: { type: 'date' },
        dealership_id: { type: 'keyword' },
      },
    });
  });

  it('once ready, answers the readiness probe without asking the cluster again', async () => {
    const cluster = new RecordingCluster();
    const { engine } = engineOn(cluster);

    await engine.ready();
    await Promise.all([engine.ready(), engine.ready()]);

    expect(cluster.requests).toHaveLength(5);
  });

  it('fails when the cluster refuses the template for any other reason, and tries again on the next call', async () => {
    const cluster = new RecordingCluster().answer(
      'PUT /_index_template/showroom-analytics-events-monthly',
      () => failure(403, 'security_exception'),
    );
    const { engine } = engineOn(cluster);

    await expect(engine.ready()).rejects.toMatchObject({ name: 'ResponseError' });
    await engine.ready();

    expect(cluster.to('PUT /_index_template/showroom-analytics-events-monthly')).toHaveLength(2);
  });

  it('refuses a vehicles index the events’ pattern would take in (its template and reports would read it as events)', () => {
    const cluster = new RecordingCluster();
    expect(
      () =>
        new ElasticsearchEngine(cluster.client(), {
          names: { events: 'showroom-analytics', vehiclesIndex: 'showroom-analytics-vehicles' },
        }),
    ).toThrow(/must not match the events' indices showroom-analytics-\*/);
  });
});

describe('ElasticsearchEngine.append()', () => {
  it('creates each event under its own id in its month’s index, then indexes each vehicle at its event version', async () => {
    const cluster = new RecordingCluster();
    const { engine } = engineOn(cluster);

    await engine.append([
      event('leads:41', { source: 'cars.com', leadId: LEAD }),
      event('inventory:7', {
        type: 'vehicle_sold',
        occurredAt: '2026-11-03T10:00:00.000Z',
        vehicleId: VEHICLE,
        listedAt: '2026-10-01T09:00:00.000Z',
        daysOnLot: 33,
        priceCents: 2_450_000,
        make: 'Toyota',
        model: 'Tacoma',
        year: 2022,
      }),
    ]);

    const bulks = cluster.to('POST /_bulk');
    expect(bulks).toHaveLength(2);
    expect(bulks[0]!.querystring).toEqual({ refresh: 'false' });
    expect(bulks[0]!.body).toEqual([
      { create: { _index: 'showroom-analytics-events-2026.11', _id: 'leads:41' } },
      {
        id: 'leads:41',
        dealership_id: ROOFTOP,
        event_type: 'lead_created',
        '@timestamp': '2026-11-02T15:04:05.000Z',
        source: 'cars.com',
        lead_id: LEAD,
        weight: 1,
      },
      { create: { _index: 'showroom-analytics-events-2026.11', _id: 'inventory:7' } },
      {
        id: 'inventory:7',
        dealership_id: ROOFTOP,
        event_type: 'vehicle_sold',
        '@timestamp': '2026-11-03T10:00:00.000Z',
        vehicle_id: VEHICLE,
        price_cents: 2_450_000,
        days_on_lot: 33,
        listed_at: '2026-10-01T09:00:00.000Z',
        make: 'Toyota',
        model: 'Tacoma',
        model_year: 2022,
        weight: 1,
      },
    ]);
    expect(bulks[1]!.body).toEqual([
      {
        index: {
          _index: 'showroom-analytics-vehicles',
          _id: `${ROOFTOP}:${VEHICLE}`,
          version: Date.parse('2026-11-03T10:00:00.000Z') * 2 + 1,
          version_type: 'external_gte',
        },
      },
      {
        dealership_id: ROOFTOP,
        vehicle_id: VEHICLE,
        listed_at: '2026-10-01T09:00:00.000Z',
        last_event: 'vehicle_sold',
        last_event_at: '2026-11-03T10:00:00.000Z',
        ended_at: '2026-11-03T10:00:00.000Z',
        make: 'Toyota',
        model: 'Tacoma',
        model_year: 2022,
        price_cents: 2_450_000,
      },
    ]);
  });

  it('chooses the index by the month of occurredAt in UTC, whatever offset the event was sent with and whenever it arrives', async () => {
    const cluster = new RecordingCluster();
    // The engine's clock says November 20th: an index chosen by arrival would be 2026.11 for all three.
    const { engine } = engineOn(cluster);

    await engine.append([
      event('leads:1', { occurredAt: '2026-11-30T23:30:00-06:00' }),
      event('leads:2', { occurredAt: '2026-12-01T00:30:00+02:00' }),
      event('leads:3', { occurredAt: '2025-01-31T23:59:59.999Z' }),
    ]);

    const actions = (cluster.to('POST /_bulk')[0]!.body as Record<string, { _index: string; _id: string }>[])
      .filter((_, i) => i % 2 === 0)
      .map((line) => line['create']);
    expect(actions).toEqual([
      { _index: 'showroom-analytics-events-2026.12', _id: 'leads:1' },
      { _index: 'showroom-analytics-events-2026.11', _id: 'leads:2' },
      { _index: 'showroom-analytics-events-2025.01', _id: 'leads:3' },
    ]);
  });

  it('takes a 409 on create as "already stored": a redelivered batch succeeds and sends nothing again', async () => {
    const cluster = new RecordingCluster().answer('POST /_bulk', bulkAnswer(409, 201));
    const { engine, waits } = engineOn(cluster);

    await engine.append([event('leads:1', {}), event('leads:2', {})]);

    expect(cluster.to('POST /_bulk')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('takes a 409 on a vehicle as "a later event is stored": the late event changes nothing and does not fail', async () => {
    const cluster = new RecordingCluster().answer('POST /_bulk', bulkAnswer(201), bulkAnswer(409));
    const { engine } = engineOn(cluster);

    await engine.append([event('inventory:3', { type: 'vehicle_listed', vehicleId: VEHICLE })]);

    expect(cluster.to('POST /_bulk')).toHaveLength(2);
  });

  it('sends again only the items the cluster rejected with 429 or 5xx, after a growing pause', async () => {
    const cluster = new RecordingCluster().answer(
      'POST /_bulk',
      bulkAnswer(201, 429, 503),
      bulkAnswer(429, 201),
      bulkAnswer(201),
    );
    const { engine, waits } = engineOn(cluster);

    await engine.append([event('leads:1', {}), event('leads:2', {}), event('leads:3', {})]);

    const ids = cluster
      .to('POST /_bulk')
      .map((bulk) =>
        (bulk.body as Record<string, { _id?: string }>[])
          .filter((_, i) => i % 2 === 0)
          .map((line) => line['create']!._id),
      );
    expect(ids).toEqual([['leads:1', 'leads:2', 'leads:3'], ['leads:2', 'leads:3'], ['leads:2']]);
    expect(waits).toEqual([100, 200]);
  });

  it('retries the whole request when the cluster answers it with 429', async () => {
    const cluster = new RecordingCluster().answer(
      'POST /_bulk',
      () => failure(429, 'es_rejected_execution_exception'),
      bulkAnswer(201),
    );
    const { engine, waits } = engineOn(cluster);

    await engine.append([event('leads:1', {})]);

    expect(cluster.to('POST /_bulk')).toHaveLength(2);
    expect(waits).toEqual([100]);
  });

  it('gives up after the last attempt and names the events that were not stored', async () => {
    const cluster = new RecordingCluster().answer(
      'POST /_bulk',
      bulkAnswer(201, 503),
      bulkAnswer(503),
      bulkAnswer(503),
    );
    const { engine } = engineOn(cluster);

    const failed = engine.append([event('leads:1', {}), event('leads:2', {})]);

    await expect(failed).rejects.toBeInstanceOf(BulkWriteError);
    await expect(failed).rejects.toMatchObject({ failures: [{ label: 'event leads:2' }] });
    expect(cluster.to('POST /_bulk')).toHaveLength(3);
  });

  it('fails at once, without retrying, on an item the cluster refuses (400)', async () => {
    const cluster = new RecordingCluster().answer('POST /_bulk', bulkAnswer(201, 400));
    const { engine, waits } = engineOn(cluster);

    await expect(engine.append([event('leads:1', {}), event('leads:2', {})])).rejects.toThrow(
      /1 of 2 bulk operations failed \(first: event leads:2, scripted_exception: scripted\)/,
    );
    expect(waits).toEqual([]);
  });

  it('refuses a batch with a malformed event before sending anything', async () => {
    const cluster = new RecordingCluster();
    const { engine } = engineOn(cluster);

    await expect(
      engine.append([event('leads:1', {}), event('leads:2', { responseSeconds: 1.5 })]),
    ).rejects.toBeInstanceOf(AnalyticsInputError);
    expect(cluster.requests).toEqual([]);
  });

  it('after close(), refuses to append', async () => {
    const cluster = new RecordingCluster();
    const { engine } = engineOn(cluster);
    await engine.close();
    await expect(engine.append([event('leads:1', {})])).rejects.toBeInstanceOf(AnalyticsEngineClosedError);
  });
});

describe('ElasticsearchEngine report queries', () => {
  it('leads by day: a daily date_histogram in the dealership’s time zone, split by source (missing = unknown)', async () => {
    const cluster = new RecordingCluster().answer(SEARCH, () => ({
      hits: { hits: [] },
      aggregations: { days: { buckets: [] } },
    }));
    await engineOn(cluster).engine.leadsBySourceAndDay(filter);

    expect(cluster.requests[0]!.body).toEqual({
      query: { bool: { filter: [...periodFilter, { term: { event_type: 'lead_created' } }] } },
      aggs: {
        days: {
          date_histogram: {
            field: '@timestamp',
            calendar_interval: '1d',
            time_zone: 'America/Chicago',
            format: 'yyyy-MM-dd',
            min_doc_count: 1,
          },
          aggs: { sources: { terms: { field: 'source', missing: 'unknown', size: 10_000 } } },
        },
      },
      size: 0,
      track_total_hits: false,
    });
  });

  it('first response: median and 90th percentile per salesperson, the count within target, the latest name', async () => {
    const cluster = new RecordingCluster().answer(SEARCH, () => ({
      hits: { hits: [] },
      aggregations: {
        salespeople: {
          buckets: [
            {
              key: 'auth0|sam',
              doc_count: 4,
              seconds: { values: { '50.0': 300, '90.0': 840 } },
              within_target: { doc_count: 3 },
              named: {
                doc_count: 4,
                latest: { hits: { hits: [{ _source: { salesperson_name: 'Sam Ortiz' } }] } },
              },
            },
          ],
        },
      },
    }));

    const rows = await engineOn(cluster).engine.firstResponseBySalesperson(
      { ...filter, salespersonId: 'auth0|sam' },
      900,
    );

    expect(rows).toEqual([
      {
        salespersonId: 'auth0|sam',
        salespersonName: 'Sam Ortiz',
        responses: 4,
        medianSeconds: 300,
        p90Seconds: 840,
        withinTarget: 3,
      },
    ]);
    expect(cluster.requests[0]!.body).toEqual({
      query: {
        bool: {
          filter: [
            ...periodFilter,
            {
              bool: {
                filter: [
                  { term: { event_type: 'lead_first_response' } },
                  { exists: { field: 'salesperson_id' } },
                  { exists: { field: 'response_seconds' } },
                  { term: { salesperson_id: 'auth0|sam' } },
                ],
              },
            },
          ],
        },
      },
      aggs: {
        salespeople: {
          terms: { field: 'salesperson_id', size: 10_000 },
          aggs: {
            seconds: { percentiles: { field: 'response_seconds', percents: [50, 90] } },
            within_target: { filter: { range: { response_seconds: { lte: 900 } } } },
            named: {
              filter: { exists: { field: 'salesperson_name' } },
              aggs: {
                latest: {
                  top_hits: {
                    size: 1,
                    sort: [{ '@timestamp': { order: 'desc' } }],
                    _source: { includes: ['salesperson_name'] },
                  },
                },
              },
            },
          },
        },
      },
      size: 0,
      track_total_hits: false,
    });
  });

  it('no-result searches: the most searched terms first, weighted, with distinct sessions and the last search', async () => {
    const cluster = new RecordingCluster().answer(SEARCH, () => ({
      hits: { hits: [] },
      aggregations: {
        terms: {
          buckets: [
            {
              key: 'tacoma',
              doc_count: 3,
              searches: { value: 6.5 },
              sessions: { value: 2 },
              last: { value: Date.parse('2026-11-20T12:00:00Z') },
            },
          ],
        },
      },
    }));

    const rows = await engineOn(cluster).engine.noResultSearches(filter, 20);

    expect(rows).toEqual([
      { terms: 'tacoma', searches: 6.5, sessions: 2, lastSearchedAt: new Date('2026-11-20T12:00:00Z') },
    ]);
    expect((cluster.requests[0]!.body as { aggs: object }).aggs).toEqual({
      terms: {
        terms: {
          field: 'search_terms',
          size: 20,
          shard_size: 500,
          order: [{ searches: 'desc' }, { _key: 'asc' }],
        },
        aggs: {
          searches: { sum: { field: 'weight' } },
          sessions: { cardinality: { field: 'session_id', precision_threshold: 40_000 } },
          last: { max: { field: '@timestamp' } },
        },
      },
    });
  });

  it('inventory aging: a range aggregation over the vehicles index, each bucket’s bounds in milliseconds from asOf', async () => {
    const cluster = new RecordingCluster().answer('POST /showroom-analytics-vehicles/_search', () => ({
      hits: { hits: [] },
      aggregations: { ages: { buckets: [{ doc_count: 4 }, { doc_count: 2 }, { doc_count: 0 }] } },
    }));
    const asOf = new Date('2026-12-01T06:00:00.000Z');
    const day = 86_400_000;

    const counts = await engineOn(cluster).engine.inventoryAging([ROOFTOP], asOf, [0, 31, 91]);

    expect(counts).toEqual([4, 2, 0]);
    expect(cluster.requests[0]!.body).toEqual({
      query: {
        bool: {
          filter: [
            { terms: { dealership_id: [ROOFTOP] } },
            { range: { listed_at: { lte: '2026-12-01T06:00:00.000Z' } } },
          ],
          must_not: [{ range: { ended_at: { lte: '2026-12-01T06:00:00.000Z' } } }],
        },
      },
      aggs: {
        ages: {
          range: {
            field: 'listed_at',
            ranges: [
              { key: '0', from: asOf.getTime() - 31 * day + 1, to: asOf.getTime() + 1 },
              { key: '1', from: asOf.getTime() - 91 * day + 1, to: asOf.getTime() - 31 * day + 1 },
              { key: '2', to: asOf.getTime() - 91 * day + 1 },
            ],
          },
        },
      },
      size: 0,
      track_total_hits: false,
    });
  });

  it('days to sell: every sale counted (total hits), the median and average of days_on_lot', async () => {
    const cluster = new RecordingCluster().answer(SEARCH, () => ({
      hits: { total: { value: 3, relation: 'eq' }, hits: [] },
      aggregations: { days: { values: { '50.0': 21 } }, average: { value: 25.5 } },
    }));

    expect(await engineOn(cluster).engine.daysToSell(filter)).toEqual({
      sold: 3,
      medianDays: 21,
      averageDays: 25.5,
    });
    expect(cluster.requests[0]!.body).toMatchObject({
      query: { bool: { filter: [...periodFilter, { term: { event_type: 'vehicle_sold' } }] } },
      aggs: {
        days: { percentiles: { field: 'days_on_lot', percents: [50] } },
        average: { avg: { field: 'days_on_lot' } },
      },
      track_total_hits: true,
    });
  });

  it('reads every month’s index through the pattern, and says what is wrong when no index answers the aggregations', async () => {
    const cluster = new RecordingCluster().answer(SEARCH, () => ({
      _shards: { total: 0, successful: 0, skipped: 0, failed: 0 },
      hits: { total: { value: 0, relation: 'eq' }, hits: [] },
    }));

    await expect(engineOn(cluster).engine.leadSources(filter)).rejects.toThrow(
      /no aggregations from showroom-analytics-events-\*: has ready\(\) run\?/,
    );
  });

  it('the warehouse export pages in id order with search_after, several searches for a limit above 10 000', async () => {
    const hit = (id: string) => ({
      _id: id,
      _source: {
        id,
        dealership_id: ROOFTOP,
        event_type: 'search',
        '@timestamp': '2026-11-02T00:00:00Z',
        weight: 1,
      },
    });
    const cluster = new RecordingCluster().answer(
      SEARCH,
      () => ({
        hits: { hits: Array.from({ length: 10_000 }, (_, i) => hit(`e${String(i).padStart(5, '0')}`)) },
      }),
      () => ({ hits: { hits: [hit('f1')] } }),
    );

    const events = await engineOn(cluster).engine.eventsBetween(filter.from, filter.to, 'd', 12_000);

    expect(events).toHaveLength(10_001);
    expect(events[0]).toEqual({
      ...EMPTY_EVENT_FIELDS,
      id: 'e00000',
      dealershipId: ROOFTOP,
      type: 'search',
      occurredAt: '2026-11-02T00:00:00.000Z',
    });
    expect(cluster.requests.map((r) => r.body)).toEqual([
      {
        query: {
          range: { '@timestamp': { gte: '2026-11-01T05:00:00.000Z', lt: '2026-12-01T06:00:00.000Z' } },
        },
        size: 10_000,
        track_total_hits: false,
        sort: [{ id: { order: 'asc' } }],
        search_after: ['d'],
      },
      expect.objectContaining({ size: 2_000, search_after: ['e09999'] }),
    ]);
  });
});
