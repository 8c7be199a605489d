import { describe, expect, it } from 'vitest';
import type { SearchDocument, SynonymRule } from '../port';
import { configureVehicleIndex } from './configure-index';
import { fullReindex } from './full-reindex';
import { primaryIndexSettings } from './index-settings';
import {
  acknowledgeEverything,
  recordedClient,
  RecordingRequester,
  type RecordedRequest,
} from './testing/recording-requester';

const INDEX = 'showroom_test_vehicles';
const SORTED_REPLICAS = [
  ['price_asc', 'asc(priceCents)'],
  ['price_desc', 'desc(priceCents)'],
  ['year_asc', 'asc(year)'],
  ['year_desc', 'desc(year)'],
  ['mileage_asc', 'asc(mileage)'],
  ['mileage_desc', 'desc(mileage)'],
  ['daysInStock_asc', 'desc(listedAt)'],
  ['daysInStock_desc', 'asc(listedAt)'],
] as const;

const SYNONYMS: SynonymRule[] = [
  { objectID: 'chevrolet', type: 'synonym', synonyms: ['chevy', 'chevrolet'] },
  { objectID: 'truck', type: 'oneWaySynonym', input: 'truck', synonyms: ['pickup'] },
];

const step = (request: RecordedRequest) => `${request.method} ${request.path}`;

describe('configureVehicleIndex', () => {
  it('sets the primary’s settings with its virtual replicas, then each replica’s ranking, then the synonyms', async () => {
    const requester = new RecordingRequester(acknowledgeEverything);

    await configureVehicleIndex(recordedClient(requester), INDEX, SYNONYMS);

    expect(requester.calls.map(step)).toEqual([
      `PUT /1/indexes/${INDEX}/settings`,
      ...SORTED_REPLICAS.map(([suffix]) => `PUT /1/indexes/${INDEX}_${suffix}/settings`),
      `POST /1/indexes/${INDEX}/synonyms/batch`,
    ]);
    // Every step waits for its task before the next one starts.
    expect(requester.requests.map(step).filter((s) => s.includes('/task/'))).toHaveLength(10);

    const [primary, ...rest] = requester.calls;
    expect(primary?.query).toEqual({ forwardToReplicas: 'false' });
    expect(primary?.body).toEqual(primaryIndexSettings(INDEX));
    // Whatever else the settings come to say: stock numbers and VIN tails are searched, a search can
    // be narrowed to rooftops, groups, status and publication, nothing of a record but its ids leaves
    // Algolia, a VIN or stock number one character off is no match, ties fall to the newest then the
    // id, and every sort has its replica.
    expect(primary?.body).toMatchObject({
      searchableAttributes: expect.arrayContaining(['stockNumber,vin,vinTail']),
      attributesForFaceting: expect.arrayContaining([
        'filterOnly(dealershipId)',
        'filterOnly(groupId)',
        'filterOnly(status)',
        'filterOnly(published)',
      ]),
      attributesToRetrieve: ['objectID', 'dealershipId'],
      disableTypoToleranceOnAttributes: expect.arrayContaining(['vin', 'stockNumber', 'vinTail']),
      customRanking: ['desc(listedAt)', 'asc(idOrder1)', 'asc(idOrder2)', 'asc(idOrder3)'],
      replicas: SORTED_REPLICAS.map(([suffix]) => `virtual(${INDEX}_${suffix})`),
    });
    const replicas = rest.slice(0, SORTED_REPLICAS.length);
    expect(replicas.map((request) => request.body)).toEqual(
      SORTED_REPLICAS.map(([, ranking]) => ({
        customRanking: [ranking, 'asc(idOrder1)', 'asc(idOrder2)', 'asc(idOrder3)'],
        relevancyStrictness: 0,
      })),
    );
    const synonyms = rest.at(-1);
    expect(synonyms?.query).toEqual({ forwardToReplicas: 'true', replaceExistingSynonyms: 'true' });
    expect(synonyms?.body).toEqual(SYNONYMS);
  });

  it('stops at the first step Algolia refuses, before touching the next', async () => {
    const requester = new RecordingRequester((request) =>
      request.path.endsWith('_price_asc/settings')
        ? { status: 400, body: { message: 'relevancyStrictness needs Relevant sort', status: 400 } }
        : acknowledgeEverything(request),
    );
    await expect(configureVehicleIndex(recordedClient(requester), INDEX, SYNONYMS)).rejects.toThrow(
      /relevancyStrictness needs Relevant sort/,
    );
    expect(requester.calls.map(step)).toEqual([
      `PUT /1/indexes/${INDEX}/settings`,
      `PUT /1/indexes/${INDEX}_price_asc/settings`,
    ]);
  });
});

function document(id: string): SearchDocument {
  return {
    id,
    dealershipId: 'd-1',
    groupId: null,
    vin: `1FTFW1E50NFA0000${id.slice(-1)}`,
    stockNumber: `N${id}`,
    condition: 'new',
    status: 'available',
    published: true,
    year: 2022,
    make: 'Ford',
    model: 'F-150',
    trim: 'XLT',
    bodyStyle: 'pickup',
    drivetrain: '4wd',
    fuelType: 'gasoline',
    exteriorColor: 'Blue',
    mileage: 12,
    priceCents: 5_500_000,
    listedAt: 1_764_000_000_000,
  };
}

async function* pages(...batches: SearchDocument[][]): AsyncIterable<SearchDocument[]> {
  for (const batch of batches) yield batch;
}

describe('fullReindex', () => {
  const now = new Date('2026-12-06T08:00:00.000Z');
  const TMP = `${INDEX}_tmp_20261206T080000000Z`;

  it('copies settings and synonyms to a temporary index, fills it, then moves it over the live index', async () => {
    const requester = new RecordingRequester(acknowledgeEverything);
    const seen: number[] = [];

    const result = await fullReindex(recordedClient(requester), {
      indexName: INDEX,
      documents: pages([document('v-1'), document('v-2'), document('v-3')], [], [document('v-4')]),
      batchSize: 2,
      now,
      progress: (sent) => seen.push(sent),
    });

    expect(result).toEqual({ temporaryIndex: TMP, records: 4 });
    expect(seen).toEqual([3, 4]);
    expect(requester.requests.map(step)).toEqual([
      `POST /1/indexes/${INDEX}/operation`,
      `GET /1/indexes/${TMP}/task/1`,
      `POST /1/indexes/${TMP}/batch`,
      `POST /1/indexes/${TMP}/batch`,
      `GET /1/indexes/${TMP}/task/1`,
      `GET /1/indexes/${TMP}/task/1`,
      `POST /1/indexes/${TMP}/batch`,
      `GET /1/indexes/${TMP}/task/1`,
      `POST /1/indexes/${TMP}/operation`,
      `GET /1/indexes/${TMP}/task/1`,
    ]);
    const operations = requester.calls.filter((request) => request.path.endsWith('/operation'));
    expect(operations.map((request) => request.body)).toEqual([
      { operation: 'copy', destination: TMP, scope: ['settings', 'synonyms'] },
      { operation: 'move', destination: INDEX },
    ]);
    const batches = requester.calls.filter((request) => request.path.endsWith('/batch'));
    expect(batches.map((request) => request.body)).toEqual([
      {
        requests: [
          {
            action: 'addObject',
            body: expect.objectContaining({ objectID: 'v-1', vinTail: ['NFA00001', 'A00001'] }),
          },
          { action: 'addObject', body: expect.objectContaining({ objectID: 'v-2' }) },
        ],
      },
      { requests: [{ action: 'addObject', body: expect.objectContaining({ objectID: 'v-3' }) }] },
      { requests: [{ action: 'addObject', body: expect.objectContaining({ objectID: 'v-4' }) }] },
    ]);
  });

  it('deletes its temporary index and leaves the live one alone when the build fails', async () => {
    let batches = 0;
    const requester = new RecordingRequester((request) =>
      request.path.endsWith('/batch') && ++batches === 2
        ? { status: 400, body: { message: 'Record is too big', status: 400 } }
        : acknowledgeEverything(request),
    );

    await expect(
      fullReindex(recordedClient(requester), {
        indexName: INDEX,
        documents: pages([document('v-1')], [document('v-2')]),
        now,
      }),
    ).rejects.toThrow(/Record is too big/);

    expect(requester.calls.map(step)).toEqual([
      `POST /1/indexes/${INDEX}/operation`,
      `POST /1/indexes/${TMP}/batch`,
      `POST /1/indexes/${TMP}/batch`,
      `DELETE /1/indexes/${TMP}`,
    ]);
  });
});
