import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { composeEngine } from '../compose-engine';
import { describeEngineContract, ROOFTOP, TIME_ZONE } from '../engine-contract';
import { AnalyticsEngineClosedError } from '../engine-errors';
import { EVENT_FIELDS } from '../fields';
import { DuckDbEngine } from './duckdb-engine';
import { duckDbType } from './schema';

describeEngineContract('duckdb', () => new DuckDbEngine({ path: ':memory:' }));

const event = (id: string, occurredAt: string, fields: Partial<AnalyticsEvent> = {}): AnalyticsEvent => ({
  ...EMPTY_EVENT_FIELDS,
  id,
  dealershipId: ROOFTOP,
  type: 'lead_created',
  occurredAt,
  source: 'cars.com',
  ...fields,
});

const march = {
  dealershipIds: [ROOFTOP],
  from: new Date('2026-03-01T06:00:00Z'),
  to: new Date('2026-04-01T05:00:00Z'),
  timeZone: TIME_ZONE,
};

describe('the DuckDB engine on its own', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function scratchFile(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'analytics-duckdb-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    // A folder that does not exist yet: the engine makes it, as npm start's tmp/analytics does.
    return join(folder, 'nested', 'events.duckdb');
  }

  it('when the process reopens its database file, then the events stored before are still there and still stored once', async () => {
    const path = await scratchFile();
    const first = new DuckDbEngine({ path });
    await first.append([event('leads:1', '2026-03-02T16:00:00Z'), event('leads:2', '2026-03-03T16:00:00Z')]);
    await first.close();

    const reopened = new DuckDbEngine({ path });
    cleanups.push(() => reopened.close());
    await reopened.append([
      event('leads:2', '2026-03-03T16:00:00Z'),
      event('leads:3', '2026-03-04T16:00:00Z'),
    ]);

    expect(await reopened.leadsAndSalesBySource(march)).toEqual([{ source: 'cars.com', leads: 3, sold: 0 }]);
  });

  it('when it is closed, then it refuses further work with a clear error, and closing again is harmless', async () => {
    const engine = new DuckDbEngine({ path: ':memory:' });
    await engine.ready();
    await engine.close();

    await expect(engine.leadSources(march)).rejects.toThrow(AnalyticsEngineClosedError);
    await expect(engine.close()).resolves.toBeUndefined();
  });

  it('when work is queued as it closes, then the queued work finishes first', async () => {
    const engine = new DuckDbEngine({ path: ':memory:' });
    const appended = engine.append([event('leads:1', '2026-03-02T16:00:00Z')]);
    const answered = engine.leadSources(march);

    await engine.close();

    await expect(appended).resolves.toBeUndefined();
    await expect(answered).resolves.toEqual(['cars.com']);
  });

  it('when the table is created, then its columns are fields.ts’s, in order, with their declared types', async () => {
    const path = await scratchFile();
    const engine = new DuckDbEngine({ path });
    await engine.ready();
    await engine.close();
    const instance = await DuckDBInstance.create(path);
    cleanups.push(async () => instance.closeSync());
    const connection = await instance.connect();

    const columns = (await connection.runAndReadAll('DESCRIBE events')).getRowObjectsJS();
    connection.closeSync();

    expect(columns.map((c) => [c['column_name'], c['column_type'], c['null']])).toEqual(
      EVENT_FIELDS.map((f) => [f.column, duckDbType(f.type), f.nullable ? 'YES' : 'NO']),
    );
  });

  it('when a bad batch arrives among good ones written together, then only the bad one is refused', async () => {
    const engine = new DuckDbEngine({ path: ':memory:' });
    cleanups.push(() => engine.close());
    await engine.ready();

    const results = await Promise.allSettled([
      engine.append([event('leads:1', '2026-03-02T16:00:00Z')]),
      engine.append([event('leads:2', '2026-03-02T17:00:00Z'), event('leads:3', 'soon')]),
      engine.append([event('leads:4', '2026-03-02T18:00:00Z')]),
      engine.append([event('leads:1', '2026-03-02T16:00:00Z', { source: 'facebook' })]),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await engine.leadsAndSalesBySource(march)).toEqual([{ source: 'cars.com', leads: 2, sold: 0 }]);
  });

  it('when the configuration says embedded, then the composed engine is DuckDB at the configured path', async () => {
    const engine = composeEngine(
      {
        ANALYTICS_ENGINE: 'embedded',
        ANALYTICS_DUCKDB_PATH: ':memory:',
        ELASTICSEARCH_URL: undefined,
        ELASTICSEARCH_API_KEY: undefined,
        ELASTICSEARCH_DATA_STREAM: 'showroom-analytics-events',
        ELASTICSEARCH_VEHICLES_INDEX: 'showroom-analytics-vehicles',
      },
      pino({ level: 'silent' }),
    );
    cleanups.push(() => engine.close());

    expect(engine).toBeInstanceOf(DuckDbEngine);
    await engine.append([event('leads:1', '2026-03-02T16:00:00Z')]);
    expect(await engine.leadSources(march)).toEqual(['cars.com']);
  });
});
