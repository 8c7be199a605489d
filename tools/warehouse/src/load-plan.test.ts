import { BatchExecuteStatementCommand, DescribeStatementCommand } from '@aws-sdk/client-redshift-data';
import type { RedshiftDataSender } from '@showroom/server-warehouse';
import { describe, expect, it } from 'vitest';
import { loadBatches, runLoad } from './load-plan';
import { committedSqlFiles } from './sql-files';

const DAY = ['2026-12-05'];
const values = {
  bucket: 'showroom-prod-warehouse',
  copy_role_arn: 'arn:aws:iam::123456789012:role/showroom-prod-redshift-copy',
};
const TABLES = ['leads', 'vehicles', 'deals', 'events'];

/** The Data API as a recording: each batch gets an id, and DescribeStatement answers `statuses` in turn. */
function recordingDataApi(statuses: Record<string, string[]>) {
  const batches: Array<Record<string, unknown>> = [];
  const described: string[] = [];
  const client = {
    async send(command: unknown) {
      if (command instanceof BatchExecuteStatementCommand) {
        batches.push({ ...command.input });
        return { Id: `batch-${batches.length}` };
      }
      if (command instanceof DescribeStatementCommand) {
        const id = command.input.Id ?? '';
        described.push(id);
        const status = statuses[id]?.shift() ?? 'FINISHED';
        return {
          Id: id,
          Status: status,
          Error: status === 'FAILED' ? 'S3ServiceException: Access Denied' : undefined,
        };
      }
      throw new Error('unexpected command');
    },
  } as unknown as RedshiftDataSender;
  return { client, batches, described };
}

describe("the nightly load's requests to the Redshift Data API", () => {
  const target = { workgroupName: 'showroom-prod-warehouse', database: 'showroom' };
  const options = { pollIntervalMs: 1000, timeoutMs: 60_000, sleep: async () => undefined };

  it('when a day is loaded, then the schema goes first, then every table’s DELETE + COPY of that day in one batch', async () => {
    const api = recordingDataApi({ 'batch-2': ['SUBMITTED', 'STARTED', 'FINISHED'] });
    const outcomes = await runLoad(
      api.client,
      target,
      loadBatches(committedSqlFiles(), DAY, values),
      options,
    );

    expect(outcomes.map((o) => o.name)).toEqual(['warehouse-schema', 'warehouse-load-2026-12-05']);
    expect(
      api.batches.map(({ WorkgroupName, Database, StatementName }) => ({
        WorkgroupName,
        Database,
        StatementName,
      })),
    ).toEqual([
      { WorkgroupName: 'showroom-prod-warehouse', Database: 'showroom', StatementName: 'warehouse-schema' },
      {
        WorkgroupName: 'showroom-prod-warehouse',
        Database: 'showroom',
        StatementName: 'warehouse-load-2026-12-05',
      },
    ]);
    const [schema, load] = api.batches.map((batch) => batch['Sqls'] as string[]);
    expect(schema?.[0]).toBe('CREATE SCHEMA IF NOT EXISTS showroom');
    expect(schema?.slice(1).map((sql) => /showroom\.(\w+)/.exec(sql)?.[1])).toEqual(TABLES);
    expect(load).toEqual(
      TABLES.flatMap((table) => [
        `DELETE FROM showroom.${table} WHERE dt = '2026-12-05'`,
        `COPY showroom.${table}\nFROM 's3://showroom-prod-warehouse/warehouse/${table}/dt=2026-12-05/'\nIAM_ROLE 'arn:aws:iam::123456789012:role/showroom-prod-redshift-copy'\nFORMAT AS PARQUET`,
      ]),
    );
    // Polled until finished: once for the schema, three times for the load.
    expect(api.described).toEqual(['batch-1', 'batch-2', 'batch-2', 'batch-2']);
    // No password or secret ARN: the Data API uses the job's IAM role.
    expect(api.batches.every((batch) => !('SecretArn' in batch) && !('DbUser' in batch))).toBe(true);
  });

  it('when the schema batch fails, then the day is not loaded and the error names it', async () => {
    const api = recordingDataApi({ 'batch-1': ['FAILED'] });
    await expect(
      runLoad(api.client, target, loadBatches(committedSqlFiles(), DAY, values), options),
    ).rejects.toThrow('warehouse-schema failed: S3ServiceException: Access Denied');
    expect(api.batches).toHaveLength(1);
  });

  it('when the last 3 days are loaded (late events), then each day is its own transaction, oldest first, and a failed day stops the later ones', async () => {
    const days = ['2026-12-03', '2026-12-04', '2026-12-05'];
    const batches = loadBatches(committedSqlFiles(), days, values);
    expect(batches.map((batch) => batch.name)).toEqual([
      'warehouse-schema',
      ...days.map((day) => `warehouse-load-${day}`),
    ]);
    batches.slice(1).forEach((batch, index) => {
      // Every statement of a day's batch is about that day and no other.
      expect(
        batch.sqls.every((sql) => sql.includes(`${days[index]}`)),
        days[index],
      ).toBe(true);
      expect(batch.sqls.filter((sql) => sql.startsWith('DELETE FROM'))).toHaveLength(TABLES.length);
    });

    const api = recordingDataApi({ 'batch-3': ['FAILED'] });
    await expect(runLoad(api.client, target, batches, options)).rejects.toThrow(
      'warehouse-load-2026-12-04 failed',
    );
    expect(api.batches.map((batch) => batch['StatementName'])).toEqual([
      'warehouse-schema',
      'warehouse-load-2026-12-03',
      'warehouse-load-2026-12-04',
    ]);
  });

  it('when the bucket or role given to the load is malformed, then no request is made', () => {
    expect(() => loadBatches(committedSqlFiles(), DAY, { ...values, bucket: "x' IAM_ROLE 'y" })).toThrow(
      /bucket/,
    );
    expect(() =>
      loadBatches(committedSqlFiles(), DAY, { ...values, copy_role_arn: 'showroom-copy' }),
    ).toThrow(/copy_role_arn/);
  });
});
