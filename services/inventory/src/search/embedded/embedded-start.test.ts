import { describe, expect, it } from 'vitest';
import type { VehicleChanges } from '../changes';
import type { SearchDocumentSource } from '../documents';
import {
  CONTRACT_DEALERSHIPS,
  CONTRACT_VEHICLES,
  contractVehicles as cars,
} from '../engine-contract-vehicles';
import { SearchEngineUnavailable, type SearchRequest } from '../port';
import { IndexFollower } from '../follow-changes';
import { EmbeddedSearchEngine } from './embedded-engine';

const camrySearch: SearchRequest = {
  dealershipIds: [CONTRACT_DEALERSHIPS.north],
  text: 'camry',
  filters: {},
  sort: 'relevance',
  page: 1,
  pageSize: 25,
  facets: [],
};

describe('embedded search followed from the change feed', () => {
  it('when the service starts, then searches are refused until the build is done, and answered after', async () => {
    let releaseBuild: () => void = () => undefined;
    const buildMayFinish = new Promise<void>((resolve) => (releaseBuild = resolve));
    const changes: VehicleChanges = {
      latest: async () => 0,
      after: async (cursor) => ({ refs: [], next: cursor }),
    };
    const documents: SearchDocumentSource = {
      load: async () => ({ documents: [], gone: [] }),
      async *all() {
        await buildMayFinish;
        yield [...CONTRACT_VEHICLES];
      },
    };
    const log = { info: () => undefined, error: () => undefined };
    const engine = new EmbeddedSearchEngine({ synonyms: [] });
    const follower = new IndexFollower({
      index: engine,
      changes,
      documents,
      log,
      intervalMs: 50,
      onReady: () => engine.markReady(),
    });

    const started = follower.start();
    await expect(engine.search(camrySearch)).rejects.toBeInstanceOf(SearchEngineUnavailable);
    releaseBuild();
    await started;
    const result = await engine.search(camrySearch);
    expect(result.hits.map((hit) => hit.id).sort()).toEqual(
      [cars.northCamryXle.id, cars.northCamrySe.id].sort(),
    );
    await follower.stop();
  });
});
