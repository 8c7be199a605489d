import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import { ElasticsearchEngine } from './elasticsearch-engine';
import { eventMappings } from './index-template';
import { FakeElasticsearch } from './test/fake-elasticsearch';

// Exactly once in effect, over time: producers redeliver (the leads outbox re-publishes jobs that
// used up their attempts, the inventory relay resends after a crash between send and mark), and a
// redelivery may come weeks later, after an outage. Each event must still be stored once. These
// run over the fake cluster, whose `_id`s are unique per index as a real cluster's are.

const ROOFTOP = '0b6f1d9e-4c1a-4e7e-9a53-6d1f1f0c2a01';
const EVENTS = 'showroom-analytics-events-*';

function lead(id: string, occurredAt: string): AnalyticsEvent {
  return {
    ...EMPTY_EVENT_FIELDS,
    id,
    dealershipId: ROOFTOP,
    type: 'lead_created',
    source: 'cars.com',
    occurredAt,
  };
}

/** An engine on the fake whose clock is what the test says it is. */
function engineAt(fake: FakeElasticsearch, now: string) {
  return new ElasticsearchEngine(fake.client(), { now: () => new Date(now) });
}

describe('ElasticsearchEngine redelivery', () => {
  it('an event redelivered after its month’s index exists and a later month’s index was created is stored once', async () => {
    const fake = new FakeElasticsearch();
    const november = engineAt(fake, '2026-11-20T12:00:00Z');
    await november.ready();
    const late = lead('leads:41', '2026-11-30T22:00:00Z');
    await november.append([late]);

    // January: a restarted task created January's index, December's came with its first event,
    // and then the leads outbox re-publishes November's event.
    const january = engineAt(fake, '2027-01-05T09:00:00Z');
    await january.ready();
    await january.append([lead('leads:42', '2026-12-03T10:00:00Z')]);
    await january.append([late]);

    expect(fake.resolve(EVENTS)).toEqual([
      'showroom-analytics-events-2026.11',
      'showroom-analytics-events-2026.12',
      'showroom-analytics-events-2027.01',
    ]);
    expect(fake.documents(EVENTS).map((document) => document['id'])).toEqual(['leads:41', 'leads:42']);
    const filter = {
      dealershipIds: [ROOFTOP],
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
      timeZone: 'UTC',
    };
    expect(await january.leadsBySourceAndDay(filter)).toEqual([
      { day: '2026-11-30', source: 'cars.com', leads: 1 },
      { day: '2026-12-03', source: 'cars.com', leads: 1 },
    ]);
    expect((await january.eventsBetween(filter.from, filter.to, null, 100)).map((e) => e.id)).toEqual([
      'leads:41',
      'leads:42',
    ]);
  });

  it('the same event sent with another UTC offset (a relay that formats instants differently) lands in the same index and is stored once', async () => {
    const fake = new FakeElasticsearch();
    const engine = engineAt(fake, '2026-12-02T08:00:00Z');
    await engine.ready();

    await engine.append([lead('inventory:9', '2026-12-01T01:30:00Z')]);
    await engine.append([lead('inventory:9', '2026-11-30T19:30:00-06:00')]);

    expect(fake.documents(EVENTS)).toHaveLength(1);
    expect(fake.documents('showroom-analytics-events-2026.12')).toHaveLength(1);
  });

  it('before any event, every report answers empty (ready() created this month’s index for the pattern to find)', async () => {
    const fake = new FakeElasticsearch();
    const engine = engineAt(fake, '2026-11-20T12:00:00Z');
    await engine.ready();

    expect(fake.resolve(EVENTS)).toEqual(['showroom-analytics-events-2026.11']);
    expect(
      await engine.leadSources({
        dealershipIds: [ROOFTOP],
        from: new Date('2025-11-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
        timeZone: 'UTC',
      }),
    ).toEqual([]);
  });

  it('a cluster that still has the data stream of earlier builds: ready() succeeds beside it and leaves it as it was', async () => {
    const fake = new FakeElasticsearch();
    const client = fake.client();
    await client.indices.putIndexTemplate({
      name: 'showroom-analytics-events',
      index_patterns: ['showroom-analytics-events'],
      data_stream: {},
      priority: 200,
      template: { mappings: eventMappings() },
    });
    await client.indices.createDataStream({ name: 'showroom-analytics-events' });
    await client.bulk({
      operations: [
        { create: { _index: 'showroom-analytics-events', _id: 'leads:1' } },
        {
          id: 'leads:1',
          dealership_id: ROOFTOP,
          event_type: 'lead_created',
          '@timestamp': '2026-10-02T10:00:00Z',
          weight: 1,
        },
      ],
    });
    const engine = engineAt(fake, '2026-11-20T12:00:00Z');

    await engine.ready();
    await engine.append([lead('leads:2', '2026-11-02T10:00:00Z')]);

    // Its template (which Elasticsearch would not let anyone replace while the stream uses it) and
    // its events are untouched; the reports read the monthly indices only (README: migration).
    expect(fake.templates.get('showroom-analytics-events')?.data_stream).toEqual({});
    expect(fake.documents('showroom-analytics-events').map((d) => d['id'])).toEqual(['leads:1']);
    expect(fake.documents(EVENTS).map((d) => d['id'])).toEqual(['leads:2']);
  });
});
