import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_FIELDS } from '@showroom/contracts';
import { SearchEngineUnavailable, type SearchDocument, type SearchRequest } from '../port';
import { AlgoliaSearchEngine, AlgoliaVehicleIndex } from './algolia-engine';
import { idOrder } from './vehicle-record';
import { HIGHLIGHT_POST_TAG as POST, HIGHLIGHT_PRE_TAG as PRE } from './search-params';
import {
  acknowledgeEverything,
  recordedClient,
  RecordingRequester,
  TEST_ADMIN_KEY,
  type Answer,
} from './testing/recording-requester';

const INDEX = 'showroom_test_vehicles';
const ROOFTOP_A = '6f1c1a52-2d2b-4c53-9a57-6f3b1f0c0a01';
const ROOFTOP_B = '6f1c1a52-2d2b-4c53-9a57-6f3b1f0c0a02';

function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return {
    dealershipIds: [ROOFTOP_A],
    filters: {},
    sort: 'relevance',
    page: 1,
    pageSize: 25,
    facets: [],
    ...overrides,
  };
}

const emptyAnswer: Answer = { status: 200, body: { hits: [], nbHits: 0, page: 0, hitsPerPage: 25 } };

function engineAnswering(answer: (path: string) => Answer) {
  const requester = new RecordingRequester((recorded) => answer(recorded.path));
  return { requester, engine: new AlgoliaSearchEngine(recordedClient(requester), INDEX) };
}

describe('AlgoliaSearchEngine requests', () => {
  it('sends a filtered, faceted, sorted, paged search as one query on the sort’s virtual replica', async () => {
    const { requester, engine } = engineAnswering(() => emptyAnswer);

    await engine.search(
      request({
        dealershipIds: [ROOFTOP_A, ROOFTOP_B],
        text: 'chevy 4x4',
        filters: {
          status: ['available', 'pending'],
          published: true,
          make: ['Chevrolet', '-Odd'],
          bodyStyle: ['pickup'],
          yearMin: 2019,
          priceMax: 3_000_000,
          mileageMin: 10,
        },
        sort: '-price',
        page: 3,
        pageSize: 20,
        facets: ['make', 'drivetrain', 'price', 'year'],
      }),
    );

    expect(requester.requests).toHaveLength(1);
    const [sent] = requester.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.host).toBe('testapp-dsn.algolia.net');
    expect(sent?.path).toBe(`/1/indexes/${INDEX}_price_desc/query`);
    expect(sent?.body).toEqual({
      query: 'chevy 4x4',
      filters: `(dealershipId:"${ROOFTOP_A}" OR dealershipId:"${ROOFTOP_B}")`,
      facetFilters: [
        ['published:true'],
        ['status:available', 'status:pending'],
        ['bodyStyle:pickup'],
        ['make:Chevrolet', 'make:\\-Odd'],
      ],
      numericFilters: ['year>=2019', 'priceCents<=3000000', 'mileage>=10'],
      page: 2,
      hitsPerPage: 20,
      facets: ['make', 'drivetrain', 'priceCents', 'year'],
      maxValuesPerFacet: 50,
      sortFacetValuesBy: 'count',
      attributesToRetrieve: ['objectID', 'dealershipId'],
      attributesToHighlight: [...HIGHLIGHT_FIELDS, 'vinTail'],
      highlightPreTag: PRE,
      highlightPostTag: POST,
    });
    expect(sent?.headers['x-algolia-api-key']).toBe(TEST_ADMIN_KEY);
  });

  it('ranks by text on the primary index, and lists newest first on its replica when there is no text', async () => {
    const { requester, engine } = engineAnswering(() => emptyAnswer);

    await engine.search(request({ text: 'camry' }));
    await engine.search(request({ text: undefined }));
    await engine.search(request({ sort: 'daysInStock', text: 'camry' }));
    await engine.search(request({ sort: '-daysInStock' }));
    await engine.search(request({ sort: 'mileage' }));

    expect(requester.requests.map((sent) => sent.path)).toEqual([
      `/1/indexes/${INDEX}/query`,
      `/1/indexes/${INDEX}_daysInStock_asc/query`,
      `/1/indexes/${INDEX}_daysInStock_asc/query`,
      `/1/indexes/${INDEX}_daysInStock_desc/query`,
      `/1/indexes/${INDEX}_mileage_asc/query`,
    ]);
    const withoutText = requester.requests[1]?.body as Record<string, unknown>;
    expect(withoutText['query']).toBe('');
    expect(withoutText['attributesToHighlight']).toEqual([]);
    expect(withoutText['facets']).toEqual([]);
    expect(withoutText).not.toHaveProperty('maxValuesPerFacet');
  });
});

describe('AlgoliaSearchEngine answers', () => {
  it('maps hits to refs with plain highlight parts, facet counts in order, and ranges', async () => {
    const { engine } = engineAnswering(() => ({
      status: 200,
      body: {
        nbHits: 41,
        page: 0,
        hitsPerPage: 2,
        hits: [
          {
            objectID: 'v-1',
            dealershipId: ROOFTOP_A,
            _highlightResult: {
              make: { value: `${PRE}Toyo${POST}ta`, matchLevel: 'partial', matchedWords: ['toyta'] },
              model: {
                value: `${PRE}Camry${POST} ${PRE}LE${POST} <b>`,
                matchLevel: 'full',
                matchedWords: [],
              },
              trim: { value: 'SE', matchLevel: 'none', matchedWords: [] },
              year: { value: '2021', matchLevel: 'none', matchedWords: [] },
            },
          },
          { objectID: 'v-2', dealershipId: ROOFTOP_B },
        ],
        facets: {
          make: { Toyota: 30, Honda: 11, Acura: 11 },
          bodyStyle: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`style${i}`, 100 - i])),
        },
        facets_stats: { priceCents: { min: 1_000_000, max: 4_500_000, avg: 2_000_000, sum: 1 } },
      },
    }));

    const result = await engine.search(
      request({ text: 'toyta camry le', facets: ['make', 'bodyStyle', 'model', 'price', 'mileage'] }),
    );

    expect(result.total).toBe(41);
    expect(result.hits).toEqual([
      {
        id: 'v-1',
        dealershipId: ROOFTOP_A,
        highlights: [
          {
            field: 'make',
            parts: [
              { text: 'Toyo', match: true },
              { text: 'ta', match: false },
            ],
          },
          {
            field: 'model',
            parts: [
              { text: 'Camry', match: true },
              { text: ' ', match: false },
              { text: 'LE', match: true },
              { text: ' <b>', match: false },
            ],
          },
        ],
      },
      { id: 'v-2', dealershipId: ROOFTOP_B, highlights: [] },
    ]);
    expect(result.facets.make).toEqual([
      { value: 'Toyota', count: 30 },
      { value: 'Acura', count: 11 },
      { value: 'Honda', count: 11 },
    ]);
    expect(result.facets.bodyStyle).toHaveLength(20);
    expect(result.facets.bodyStyle?.[0]).toEqual({ value: 'style0', count: 100 });
    expect(result.facets.model).toEqual([]);
    expect(result.ranges).toEqual({ price: { min: 1_000_000, max: 4_500_000 }, mileage: null });
  });

  it('marks the end of the VIN when its tail matched, since Algolia matched the vinTail attribute', async () => {
    const vin = '1GCUDEED5PZ100103';
    const { engine } = engineAnswering(() => ({
      status: 200,
      body: {
        nbHits: 1,
        hits: [
          {
            objectID: 'v-1',
            dealershipId: ROOFTOP_A,
            _highlightResult: {
              vin: { value: vin, matchLevel: 'none', matchedWords: [] },
              vinTail: [
                { value: 'PZ100103', matchLevel: 'none', matchedWords: [] },
                { value: `${PRE}1001${POST}03`, matchLevel: 'partial', matchedWords: ['1001'] },
              ],
            },
          },
        ],
      },
    }));

    const [hit] = (await engine.search(request({ text: '1001' }))).hits;

    expect(hit?.highlights).toEqual([
      {
        field: 'vin',
        parts: [
          { text: '1GCUDEED5PZ', match: false },
          { text: '1001', match: true },
          { text: '03', match: false },
        ],
      },
    ]);
  });

  it('retries a failing host on the next one and answers from it', async () => {
    let tries = 0;
    const { requester, engine } = engineAnswering(() =>
      ++tries === 1 ? { status: 503, body: {} } : emptyAnswer,
    );

    const result = await engine.search(request({ text: 'camry' }));

    expect(result.total).toBe(0);
    expect(requester.requests.map((sent) => sent.host)).toEqual([
      'testapp-dsn.algolia.net',
      expect.stringMatching(/^testapp-[123]\.algolianet\.com$/),
    ]);
    expect(requester.requests[1]?.body).toEqual(requester.requests[0]?.body);
  });

  it('is unavailable, for the MySQL fallback, when every host fails or times out', async () => {
    const down = engineAnswering(() => ({ status: 502, body: { message: 'bad gateway' } }));
    const error = await down.engine.search(request()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SearchEngineUnavailable);
    expect(String(error)).toContain('algolia search is unavailable');
    expect(String(error)).not.toContain(TEST_ADMIN_KEY);
    expect(down.requester.requests).toHaveLength(4);

    const slow = engineAnswering(() => ({ status: 0, timedOut: true }));
    await expect(slow.engine.search(request())).rejects.toBeInstanceOf(SearchEngineUnavailable);

    const refused = engineAnswering(() => ({ status: 403, body: { message: 'Invalid API key' } }));
    await expect(refused.engine.search(request())).rejects.toBeInstanceOf(SearchEngineUnavailable);
    expect(refused.requester.requests).toHaveLength(1);
  });

  it('gives up at its deadline when the transport hangs', async () => {
    const hanging = new RecordingRequester(() => new Promise<Answer>(() => undefined));
    const engine = new AlgoliaSearchEngine(recordedClient(hanging), INDEX, {
      connectMs: 50,
      readMs: 50,
      deadlineMs: 100,
    });
    await expect(engine.search(request())).rejects.toThrow(/no answer within 100 ms/);
  });
});

function vehicle(id: string, overrides: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    dealershipId: ROOFTOP_A,
    groupId: 'group-1',
    vin: '1HGCM82633A004352',
    stockNumber: 'U1001',
    condition: 'used',
    status: 'available',
    published: true,
    year: 2019,
    make: 'Honda',
    model: 'Accord',
    trim: null,
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    fuelType: 'gasoline',
    exteriorColor: 'Grey',
    mileage: 42_000,
    priceCents: null,
    listedAt: 1_764_000_000_000,
    ...overrides,
  };
}

describe('idOrder', () => {
  it('ranks ids numerically in exactly the order they sort as text, as ties are broken everywhere else', () => {
    const ids = Array.from({ length: 2000 }, () => crypto.randomUUID());
    ids.push('7e000000-0000-4000-8000-000000000101', '7e000000-0000-4000-8000-000000000102');
    const byText = [...ids].sort();
    const byNumbers = [...ids].sort((a, b) => {
      const [x, y] = [idOrder(a), idOrder(b)];
      return x.idOrder1 - y.idOrder1 || x.idOrder2 - y.idOrder2 || x.idOrder3 - y.idOrder3;
    });
    expect(byNumbers).toEqual(byText);
    for (const id of ids) expect(Object.values(idOrder(id)).every(Number.isSafeInteger)).toBe(true);
  });
});

describe('AlgoliaVehicleIndex', () => {
  it('sends the current state as partial updates that create missing records, in batches', async () => {
    const requester = new RecordingRequester(acknowledgeEverything);
    const index = new AlgoliaVehicleIndex(recordedClient(requester), INDEX, 2);

    await index.upsert([vehicle('v-1'), vehicle('v-2', { priceCents: 2_100_000 }), vehicle('v-3')]);

    expect(requester.requests.map((sent) => [sent.method, sent.host, sent.path])).toEqual([
      ['POST', 'testapp.algolia.net', `/1/indexes/${INDEX}/batch`],
      ['POST', 'testapp.algolia.net', `/1/indexes/${INDEX}/batch`],
    ]);
    expect(requester.requests[0]?.body).toEqual({
      requests: [
        {
          action: 'partialUpdateObject',
          body: { objectID: 'v-1', ...vehicle('v-1'), vinTail: ['3A004352', '004352'], ...idOrder('v-1') },
        },
        {
          action: 'partialUpdateObject',
          body: {
            objectID: 'v-2',
            ...vehicle('v-2', { priceCents: 2_100_000 }),
            vinTail: ['3A004352', '004352'],
            ...idOrder('v-2'),
          },
        },
      ],
    });
    expect(requester.requests[1]?.body).toEqual({
      requests: [
        {
          action: 'partialUpdateObject',
          body: { objectID: 'v-3', ...vehicle('v-3'), vinTail: ['3A004352', '004352'], ...idOrder('v-3') },
        },
      ],
    });
  });

  it('deletes removed vehicles by id in batches, and sends nothing for nothing', async () => {
    const requester = new RecordingRequester(acknowledgeEverything);
    const index = new AlgoliaVehicleIndex(recordedClient(requester), INDEX, 2);

    await index.remove([]);
    await index.upsert([]);
    await index.remove([
      { dealershipId: ROOFTOP_A, id: 'v-1' },
      { dealershipId: ROOFTOP_B, id: 'v-2' },
      { dealershipId: ROOFTOP_B, id: 'v-3' },
    ]);

    expect(requester.requests.map((sent) => sent.body)).toEqual([
      {
        requests: [
          { action: 'deleteObject', body: { objectID: 'v-1' } },
          { action: 'deleteObject', body: { objectID: 'v-2' } },
        ],
      },
      { requests: [{ action: 'deleteObject', body: { objectID: 'v-3' } }] },
    ]);
  });

  it('is unavailable when Algolia does not take the batch', async () => {
    const requester = new RecordingRequester(() => ({ status: 500, body: {} }));
    const index = new AlgoliaVehicleIndex(recordedClient(requester), INDEX);
    await expect(index.upsert([vehicle('v-1')])).rejects.toBeInstanceOf(SearchEngineUnavailable);
    expect(requester.requests.map((sent) => sent.host)).toEqual([
      'testapp.algolia.net',
      ...Array(3).fill(expect.stringMatching(/algolianet\.com$/)),
    ]);
  });
});
