import { describe, expect, it } from 'vitest';
import { interpolatedPercentile } from './aggregations';
import { FakeElasticsearch } from './fake-elasticsearch';

// The fake cluster the contract suite runs the Elasticsearch engine against is only worth as much
// as it is strict: it must refuse what a cluster refuses and fail on what it does not understand,
// so the suite cannot pass on a query a real cluster would answer differently.

async function clusterWithStream() {
  const fake = new FakeElasticsearch();
  const client = fake.client();
  await client.indices.putIndexTemplate({
    name: 'events',
    index_patterns: ['events'],
    data_stream: {},
    template: {
      mappings: {
        dynamic: 'strict',
        properties: {
          '@timestamp': { type: 'date' },
          weight: { type: 'double' },
          source: { type: 'keyword' },
        },
      },
    },
  });
  return { fake, client };
}

describe('the fake Elasticsearch', () => {
  it('refuses, item by item, a field the strict mapping lacks, a value of the wrong type and a document without @timestamp', async () => {
    const { fake, client } = await clusterWithStream();

    const response = await client.bulk({
      operations: [
        { create: { _index: 'events', _id: 'a' } },
        { '@timestamp': '2026-03-02T00:00:00Z', weight: 1, source: 'cars.com' },
        { create: { _index: 'events', _id: 'b' } },
        { '@timestamp': '2026-03-02T00:00:00Z', lead_source: 'cars.com' },
        { create: { _index: 'events', _id: 'c' } },
        { '@timestamp': '2026-03-02T00:00:00Z', weight: 'heavy' },
        { create: { _index: 'events', _id: 'd' } },
        { weight: 1 },
        { create: { _index: 'events', _id: 'a' } },
        { '@timestamp': '2026-03-03T00:00:00Z', weight: 2 },
      ],
    });

    expect(response.items.map((item) => [item.create?.status, item.create?.error?.type])).toEqual([
      [201, undefined],
      [400, 'strict_dynamic_mapping_exception'],
      [400, 'document_parsing_exception'],
      [400, 'document_parsing_exception'],
      [409, 'version_conflict_engine_exception'],
    ]);
    expect(fake.documents('events')).toEqual([
      { '@timestamp': '2026-03-02T00:00:00Z', weight: 1, source: 'cars.com' },
    ]);
  });

  it('fails a search with an aggregation or option it does not implement, rather than ignoring it', async () => {
    const { client } = await clusterWithStream();
    await client.indices.createDataStream({ name: 'events' });

    await expect(
      client.search({ index: 'events', size: 0, aggs: { spread: { extended_stats: { field: 'weight' } } } }),
    ).rejects.toThrow(/aggregation extended_stats is not implemented/);
    await expect(
      client.search({
        index: 'events',
        size: 0,
        aggs: { days: { date_histogram: { field: '@timestamp', fixed_interval: '1h' } } },
      }),
    ).rejects.toThrow(/only a daily histogram/);
    await expect(client.search({ index: 'events', query: { match: { source: 'cars' } } })).rejects.toThrow(
      /query match is not implemented/,
    );
  });

  it('keeps an _id unique within one index only, as a cluster does: the same id in two indices is two documents', async () => {
    const fake = new FakeElasticsearch();
    const client = fake.client();
    await client.indices.putIndexTemplate({
      name: 'monthly',
      index_patterns: ['events-*'],
      template: {
        mappings: {
          dynamic: 'strict',
          properties: { '@timestamp': { type: 'date' }, weight: { type: 'double' } },
        },
      },
    });

    // Both indices are created by the writes themselves, from the template.
    const response = await client.bulk({
      operations: [
        { create: { _index: 'events-2026.11', _id: 'a' } },
        { '@timestamp': '2026-11-30T00:00:00Z', weight: 1 },
        { create: { _index: 'events-2026.12', _id: 'a' } },
        { '@timestamp': '2026-11-30T00:00:00Z', weight: 1 },
        { create: { _index: 'events-2026.11', _id: 'a' } },
        { '@timestamp': '2026-11-30T00:00:00Z', weight: 1 },
      ],
    });

    expect(response.items.map((item) => item.create?.status)).toEqual([201, 201, 409]);
    const found = await client.search({ index: 'events-*', aggs: { weight: { sum: { field: 'weight' } } } });
    expect(found.hits.hits.map((hit) => [hit._index, hit._id])).toEqual([
      ['events-2026.11', 'a'],
      ['events-2026.12', 'a'],
    ]);
    expect(found.aggregations).toEqual({ weight: { value: 2 } });
  });

  it('answers a pattern that matches no index with no hits and no aggregations, and an unknown exact name with 404', async () => {
    const client = new FakeElasticsearch().client();

    const response = await client.search({
      index: 'events-*',
      size: 0,
      aggs: { n: { sum: { field: 'weight' } } },
    });

    expect(response.hits.hits).toEqual([]);
    expect(response.aggregations).toBeUndefined();
    await expect(client.search({ index: 'events-2026.11' })).rejects.toMatchObject({
      meta: { statusCode: 404 },
    });
  });

  it('interpolates percentiles between the closest ranks, as quantile_cont and the hybrid digest do', () => {
    expect(interpolatedPercentile([60, 120, 300, 600], 50)).toBe(210);
    expect(interpolatedPercentile([60, 120, 300, 600], 90)).toBeCloseTo(510, 9);
    expect(interpolatedPercentile([45], 90)).toBe(45);
  });
});
