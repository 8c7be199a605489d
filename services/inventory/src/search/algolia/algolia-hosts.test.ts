import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@showroom/server-testing';
import { SearchEngineUnavailable } from '../port';
import { createAlgoliaClient } from './algolia-client';
import { AlgoliaSearchEngine } from './algolia-engine';

const INDEX = 'showroom_hosts_vehicles';

/** A local stand-in for one Algolia host, over real HTTP, answering every query with one hit. */
function startHost(): Promise<{
  server: Server;
  port: number;
  seen: { url: string; key: string; body: unknown }[];
}> {
  const seen: { url: string; key: string; body: unknown }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', key: String(req.headers['x-algolia-api-key']), body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          hits: [{ objectID: 'v-1', dealershipId: 'd-1' }],
          nbHits: 1,
          page: 0,
          hitsPerPage: 25,
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port, seen }),
    ),
  );
}

const searchRequest = {
  dealershipIds: ['d-1'],
  text: 'camry',
  filters: {},
  sort: 'relevance' as const,
  page: 1,
  pageSize: 25,
  facets: [],
};

// The client's own Node HTTP requester, against local hosts instead of a recorded transport.
describe('AlgoliaSearchEngine over real HTTP to local hosts', () => {
  let live: Awaited<ReturnType<typeof startHost>>;
  let dead: number;

  beforeAll(async () => {
    live = await startHost();
    dead = await freePort();
  });
  afterAll(() => new Promise((resolve) => live.server.close(resolve)));

  /** The client's own log of retried hosts. */
  const retried: string[] = [];
  const logger = {
    debug: async () => undefined,
    info: async (message: string, details?: { host?: { port?: number } }) =>
      void (message === 'Retryable failure' && retried.push(`127.0.0.1:${details?.host?.port}`)),
    error: async () => undefined,
  };
  const engineOn = (ports: number[]) =>
    new AlgoliaSearchEngine(
      createAlgoliaClient(
        { appId: 'TESTAPP', apiKey: 'search-key' },
        {
          logger,
          hosts: ports.map((port) => ({
            url: '127.0.0.1',
            port,
            protocol: 'http' as const,
            accept: 'readWrite' as const,
          })),
        },
      ),
      INDEX,
    );

  it('when the first host refuses connections, then the next host answers the same query', async () => {
    retried.length = 0;
    const result = await engineOn([dead, live.port]).search(searchRequest);

    expect(retried).toEqual([`127.0.0.1:${dead}`]);
    expect(result.hits.map((hit) => hit.id)).toEqual(['v-1']);
    expect(live.seen.at(-1)).toMatchObject({
      url: expect.stringMatching(new RegExp(`^/1/indexes/${INDEX}/query\\?`)),
      key: 'search-key',
      body: expect.objectContaining({ query: 'camry', filters: '(dealershipId:"d-1")' }),
    });
  });

  it('when no host answers, then the search is unavailable, for the MySQL fallback', async () => {
    const error = await engineOn([dead, await freePort()])
      .search(searchRequest)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SearchEngineUnavailable);
    expect(String(error)).toMatch(/RetryError/);
  });
});
