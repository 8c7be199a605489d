import { describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import type { SearchDocument, VehicleRef } from '../port';
import { algoliaAdminAccess, reindexCommand } from './admin-commands';
import type { IndexCursorStore } from './mysql-cursor-store';
import { acknowledgeEverything, recordedClient, RecordingRequester } from './testing/recording-requester';

const INDEX = 'showroom_test_vehicles';

describe('algoliaAdminAccess', () => {
  it('refuses, naming every missing variable and no value', () => {
    const refusal = (() => {
      try {
        algoliaAdminAccess({ ALGOLIA_ADMIN_API_KEY: 'secret-admin-key' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).problems).toEqual([
      'ALGOLIA_APP_ID is required to configure or rebuild the Algolia index',
      'ALGOLIA_INDEX_NAME is required to configure or rebuild the Algolia index',
    ]);
    expect(String(refusal)).not.toContain('secret-admin-key');
  });
});

describe('reindexCommand', () => {
  it('configures, rebuilds through a temporary index, then rewinds the indexer to where the feed stood', async () => {
    const requester = new RecordingRequester(acknowledgeEverything);
    const rewinds: [string, number][] = [];
    const cursors: IndexCursorStore = {
      load: async () => undefined,
      advance: async () => undefined,
      rewind: async (consumer, seq) => void rewinds.push([consumer, seq]),
      lowest: async () => undefined,
    };
    let feedPosition = 41;
    const car = { id: 'v-1', dealershipId: 'd-1', vin: '1HGCM82633A004352' } as SearchDocument;
    const lines: string[] = [];

    await reindexCommand({
      client: recordedClient(requester),
      indexName: INDEX,
      synonyms: [{ objectID: 'vette', type: 'synonym', synonyms: ['vette', 'corvette'] }],
      changes: {
        latest: async () => feedPosition,
        after: async () => ({ refs: [] as VehicleRef[], next: 0 }),
      },
      documents: {
        load: async () => ({ documents: [], gone: [] }),
        async *all() {
          // A change lands while the build reads MySQL: the indexer must apply it again afterwards.
          feedPosition = 42;
          yield [car];
        },
      },
      cursors,
      log: (line) => lines.push(line),
      now: new Date('2026-12-06T08:00:00.000Z'),
    });

    const steps = requester.calls.map((request) => `${request.method} ${request.path}`);
    expect(steps.slice(0, 9).every((step) => step.endsWith('/settings'))).toBe(true);
    expect(steps.slice(8)).toEqual([
      `PUT /1/indexes/${INDEX}_daysInStock_desc/settings`,
      `POST /1/indexes/${INDEX}/synonyms/batch`,
      `POST /1/indexes/${INDEX}/operation`,
      `POST /1/indexes/${INDEX}_tmp_20261206T080000000Z/batch`,
      `POST /1/indexes/${INDEX}_tmp_20261206T080000000Z/operation`,
    ]);
    expect(rewinds).toEqual([[`algolia:${INDEX}`, 41]]);
    expect(lines.at(-1)).toBe(
      `${INDEX}: 1 vehicles, rebuilt through ${INDEX}_tmp_20261206T080000000Z; the indexer follows from change 41`,
    );
  });
});
