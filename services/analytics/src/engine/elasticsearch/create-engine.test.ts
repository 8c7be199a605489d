import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeEngine } from '../compose-engine';
import { ElasticsearchEngine } from './elasticsearch-engine';

// The engine as the service builds it from its configuration, talking HTTP to a stand-in cluster
// on a local port: the URL, the API key and the configured names reach the wire.

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
}

describe('composeEngine with ANALYTICS_ENGINE=elasticsearch', () => {
  const seen: Seen[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        authorization: request.headers.authorization,
      });
      request.resume();
      request.on('end', () => {
        // The client checks that it talks to Elasticsearch by this header.
        response.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        response.end(JSON.stringify({ acknowledged: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('when the service starts, then ready() puts the policy, template, this month’s events index and the vehicles index under the configured names with the API key', async () => {
    const engine = composeEngine(
      {
        ANALYTICS_ENGINE: 'elasticsearch',
        ANALYTICS_DUCKDB_PATH: ':memory:',
        ELASTICSEARCH_URL: url,
        ELASTICSEARCH_API_KEY: 'c2hvd3Jvb206a2V5',
        ELASTICSEARCH_DATA_STREAM: 'showroom-e2e-events',
        ELASTICSEARCH_VEHICLES_INDEX: 'showroom-e2e-vehicles',
      },
      pino({ enabled: false }),
    );

    expect(engine).toBeInstanceOf(ElasticsearchEngine);
    await engine.ready();
    await engine.close();

    expect(seen.map((s) => `${s.method} ${s.url.split('?')[0]}`)).toEqual([
      'PUT /_ilm/policy/showroom-e2e-events-monthly',
      'PUT /_index_template/showroom-e2e-events-monthly',
      // This month's index (the month is the wall clock's here).
      expect.stringMatching(/^PUT \/showroom-e2e-events-\d{4}\.\d{2}$/),
      'PUT /showroom-e2e-events-*/_mapping',
      'PUT /showroom-e2e-vehicles',
    ]);
    expect(new Set(seen.map((s) => s.authorization))).toEqual(new Set(['ApiKey c2hvd3Jvb206a2V5']));
  });

  it('refuses to build without a cluster URL', () => {
    expect(() =>
      composeEngine(
        {
          ANALYTICS_ENGINE: 'elasticsearch',
          ANALYTICS_DUCKDB_PATH: ':memory:',
          ELASTICSEARCH_URL: undefined,
          ELASTICSEARCH_API_KEY: undefined,
          ELASTICSEARCH_DATA_STREAM: 'showroom-analytics-events',
          ELASTICSEARCH_VEHICLES_INDEX: 'showroom-analytics-vehicles',
        },
        pino({ enabled: false }),
      ),
    ).toThrow(/ELASTICSEARCH_URL/);
  });
});
