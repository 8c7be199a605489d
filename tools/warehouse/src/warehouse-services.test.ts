import { startS3Local, type S3Local } from '@showroom/server-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysToExport, exportService, WAREHOUSE_SERVICES } from './warehouse-services';

const BUCKET = 'showroom-warehouse-etl-test';
let s3: S3Local;
beforeAll(async () => {
  s3 = await startS3Local({ buckets: [BUCKET] });
});
afterAll(() => s3.close());

const service = (name: string) => {
  const found = WAREHOUSE_SERVICES.find((s) => s.service === name);
  if (!found) throw new Error(name);
  return found;
};

describe('the days each service exports in a run over several days', () => {
  it('when the night redoes 3 days, then only events (which arrive late) are exported again; the state tables export the last day', () => {
    const days = ['2026-12-03', '2026-12-04', '2026-12-05'];
    expect(Object.fromEntries(WAREHOUSE_SERVICES.map((s) => [s.service, daysToExport(s, days)]))).toEqual({
      leads: ['2026-12-05'],
      inventory: ['2026-12-05'],
      retail: ['2026-12-05'],
      analytics: days,
    });
  });
});

describe("running a service's export as its own process", () => {
  it('when analytics exports a day its engine has no events for, then the empty partition is in S3 and the result comes back', async () => {
    const result = await exportService(service('analytics'), '2026-11-20', {
      ...process.env,
      ANALYTICS_ENGINE: 'embedded',
      ANALYTICS_DUCKDB_PATH: ':memory:',
      WAREHOUSE_S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.endpoint,
    });
    expect(result).toEqual({
      table: 'events',
      date: '2026-11-20',
      key: 'warehouse/events/dt=2026-11-20/events.parquet',
      rows: 0,
    });
  });

  it("when a service cannot reach its database, then its export fails with the service's reason", async () => {
    await expect(
      exportService(service('leads'), '2026-11-20', {
        ...process.env,
        LEADS_DATABASE_URL: 'mysql://root@127.0.0.1:1/showroom_leads',
        WAREHOUSE_S3_BUCKET: BUCKET,
        S3_ENDPOINT: s3.endpoint,
      }),
    ).rejects.toThrow(/^leads exited with 1: .*(ECONNREFUSED|connect)/);
  });

  it('when the date is not a calendar date, then the service refuses it before connecting', async () => {
    await expect(exportService(service('retail'), '2026-02-30')).rejects.toThrow(
      /retail exited with 1: --date "2026-02-30" is not a calendar date/,
    );
  });
});
