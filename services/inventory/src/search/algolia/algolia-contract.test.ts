import { describe, expect, it } from 'vitest';
import { describeSearchEngineContract } from '../engine-contract';
import { EmbeddedSearchEngine } from '../embedded/embedded-engine';
import { loadSynonyms } from '../synonyms';
import { AlgoliaSearchEngine, AlgoliaVehicleIndex } from './algolia-engine';
import { AlgoliaEmulator } from './testing/algolia-emulator';
import { recordedClient, RecordingRequester } from './testing/recording-requester';

const INDEX = 'showroom_contract_vehicles';
const synonyms = loadSynonyms(new URL('../../../search/synonyms.json', import.meta.url).pathname);

function emulatedAlgolia() {
  const embedded = new EmbeddedSearchEngine({ synonyms });
  embedded.markReady();
  const requester = new RecordingRequester(new AlgoliaEmulator(INDEX, embedded).respond);
  const client = recordedClient(requester);
  return {
    requester,
    engine: new AlgoliaSearchEngine(client, INDEX),
    index: new AlgoliaVehicleIndex(client, INDEX),
  };
}

// The adapter's requests and its reading of the answers, checked end to end: Algolia's own
// ranking is not what runs here (the embedded engine answers), its protocol and settings are.
describeSearchEngineContract(
  'algolia (through the Algolia-protocol emulator)',
  async () => {
    const { engine, index } = emulatedAlgolia();
    return { engine, index, close: async () => undefined };
  },
  { typoTolerance: true, highlights: true },
);

describe('the Algolia-protocol emulator', () => {
  it('refuses what Algolia would refuse, so the contract run cannot pass on shapes Algolia rejects', async () => {
    const { requester } = emulatedAlgolia();
    const refused = (path: string, body: unknown) =>
      requester.send({
        method: 'POST',
        url: `https://testapp-dsn.algolia.net${path}`,
        headers: {},
        data: JSON.stringify(body),
      });
    const base = { filters: '(dealershipId:"d-1")' };

    const unknown = await refused(`/1/indexes/${INDEX}/query`, { ...base, aroundLatLng: '1,2' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.content).message).toBe('Unknown parameter: aroundLatLng');
    expect((await refused(`/1/indexes/${INDEX}/query`, { ...base, facets: ['dealershipId'] })).status).toBe(
      400,
    );
    expect(
      (await refused(`/1/indexes/${INDEX}/query`, { ...base, facetFilters: [['costCents:1']] })).status,
    ).toBe(400);
    expect(
      (await refused(`/1/indexes/${INDEX}/query`, { ...base, numericFilters: ['listedAt>=1', 'vin>=2'] }))
        .status,
    ).toBe(400);
    expect((await refused(`/1/indexes/${INDEX}_price_asc/batch`, { requests: [] })).status).toBe(400);
    expect((await refused(`/1/indexes/${INDEX}_cheapest/query`, base)).status).toBe(404);
    const privateField = await refused(`/1/indexes/${INDEX}/batch`, {
      requests: [{ action: 'addObject', body: { objectID: 'v-1', costCents: 100 } }],
    });
    expect(JSON.parse(privateField.content).message).toBe('Unknown parameter: costCents');
  });
});
