import { describe, expect, it } from 'vitest';
import { SearchEngineUnavailable } from '../port';
import { describeSearchEngineContract } from '../engine-contract';
import { loadSynonyms } from '../synonyms';
import { EmbeddedSearchEngine } from './embedded-engine';

const synonyms = loadSynonyms(new URL('../../../search/synonyms.json', import.meta.url).pathname);

describeSearchEngineContract(
  'embedded',
  async () => {
    const engine = new EmbeddedSearchEngine({ synonyms });
    engine.markReady();
    return { engine, index: engine, close: async () => undefined };
  },
  { typoTolerance: true, highlights: true },
);

describe('embedded engine before its first build', () => {
  it('when a search comes before the index is built, then it is refused as unavailable so MySQL answers', async () => {
    const engine = new EmbeddedSearchEngine({ synonyms });
    const search = engine.search({
      dealershipIds: ['7d000000-0000-4000-8000-000000000001'],
      filters: {},
      sort: 'relevance',
      page: 1,
      pageSize: 25,
      facets: [],
    });
    await expect(search).rejects.toThrow(SearchEngineUnavailable);
    await expect(search).rejects.toThrow('index is still being built');
  });
});
