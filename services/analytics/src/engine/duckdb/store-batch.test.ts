import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { eventRows } from './event-rows';
import { createEventsTableSql, createStagingTableSql, EVENTS_TABLE, STAGING_TABLE } from './schema';
import { storeBatch } from './store-batch';

const DEALERSHIP = 'a1000000-0000-4000-8000-000000000001';

const event = (id: string, source: string): AnalyticsEvent => ({
  ...EMPTY_EVENT_FIELDS,
  id,
  dealershipId: DEALERSHIP,
  type: 'lead_created',
  occurredAt: '2026-03-02T16:00:00Z',
  source,
});

/** A refusal that is not about ids: the events table of these tests also refuses one source. */
const REFUSED_SOURCE = 'refused-by-check';

// The redelivery path decides from the data whether ids repeat, not from DuckDB's wording: these
// tests hold it to that through a real database, so an upgrade that changes the messages (or the
// error a repeat raises) fails here rather than turning every redelivered batch into a 500.
describe('storing a batch in DuckDB', () => {
  let instance: DuckDBInstance | null = null;
  afterEach(() => instance?.closeSync());

  async function database(): Promise<DuckDBConnection> {
    instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const withCheck = createEventsTableSql().replace(
      /\n\)$/,
      `,\n  CHECK (source IS DISTINCT FROM '${REFUSED_SOURCE}')\n)`,
    );
    await connection.run(withCheck);
    await connection.run(createStagingTableSql());
    return connection;
  }

  async function stored(connection: DuckDBConnection): Promise<[unknown, unknown][]> {
    const reader = await connection.runAndReadAll(`SELECT id, source FROM ${EVENTS_TABLE} ORDER BY id`);
    return reader.getRowObjectsJS().map((row) => [row['id'], row['source']]);
  }

  async function staged(connection: DuckDBConnection): Promise<number> {
    const reader = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${STAGING_TABLE}`);
    return Number(reader.getRowObjectsJS()[0]?.['n']);
  }

  it('when every id is new, then the batch is stored and nothing stays staged', async () => {
    const connection = await database();

    await storeBatch(connection, eventRows([event('e:1', 'cars.com'), event('e:2', 'google')]));

    expect(await stored(connection)).toEqual([
      ['e:1', 'cars.com'],
      ['e:2', 'google'],
    ]);
    expect(await staged(connection)).toBe(0);
  });

  it('when an id is already stored, then the stored copy stays, the new ids are added and nothing is thrown', async () => {
    const connection = await database();
    await storeBatch(connection, eventRows([event('e:1', 'cars.com')]));

    await storeBatch(connection, eventRows([event('e:1', 'facebook'), event('e:2', 'google')]));

    expect(await stored(connection)).toEqual([
      ['e:1', 'cars.com'],
      ['e:2', 'google'],
    ]);
    expect(await staged(connection)).toBe(0);
  });

  it('when one batch holds an id twice, then its first copy is stored', async () => {
    const connection = await database();

    await storeBatch(
      connection,
      eventRows([event('e:1', 'cars.com'), event('e:2', 'google'), event('e:1', 'facebook')]),
    );

    expect(await stored(connection)).toEqual([
      ['e:1', 'cars.com'],
      ['e:2', 'google'],
    ]);
  });

  it('when the insert fails for another reason, then that error is raised and nothing of the batch is stored', async () => {
    const connection = await database();

    await expect(
      storeBatch(connection, eventRows([event('e:1', 'cars.com'), event('e:2', REFUSED_SOURCE)])),
    ).rejects.toThrow(/CHECK constraint/);

    expect(await stored(connection)).toEqual([]);
    expect(await staged(connection)).toBe(0);
  });

  it('when a batch both repeats an id and fails another way, then skipping the repeat does not hide the failure', async () => {
    const connection = await database();
    await storeBatch(connection, eventRows([event('e:1', 'cars.com')]));

    await expect(
      storeBatch(connection, eventRows([event('e:1', 'cars.com'), event('e:2', REFUSED_SOURCE)])),
    ).rejects.toThrow(/CHECK constraint/);

    expect(await stored(connection)).toEqual([['e:1', 'cars.com']]);
    expect(await staged(connection)).toBe(0);
  });
});
