import { describe, expect, it } from 'vitest';
import { createDatabase } from '@showroom/server-mysql';
import { startTcpProxy } from '@showroom/server-testing';
import type { RetailDatabase } from '../database';
import { retailAppOnDemo } from '../test/retail-test-app';
import { DEFAULT_RETAIL_SETTINGS } from './defaults';
import { RetailTermsSource } from './retail-terms-source';
import { RetailSettingsRepository } from './settings-repository';

const ctx = retailAppOnDemo();

/** The test schema reached through a proxy the test can cut, as if MySQL went away. */
async function databaseBehindProxy() {
  const url = new URL(ctx.config.RETAIL_DATABASE_URL);
  const proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  const database = createDatabase<RetailDatabase>({
    writerUrl: url.toString(),
    readerUrls: [],
    connectionLimit: 2,
  });
  return {
    proxy,
    database,
    close: async () => {
      proxy.thaw();
      await proxy.close();
      await database.close().catch(() => undefined); // its connections went with the proxy
    },
  };
}

describe('the terms quotes are computed with', () => {
  it('when several quotes ask at once, then they share one read', async () => {
    const terms = new RetailTermsSource(ctx.database.writer);
    const dealershipId = ctx.newDealership().dealershipId;

    const [a, b] = await Promise.all([terms.of(dealershipId), terms.of(dealershipId)]);

    expect(a).toBe(b);
  });

  it('when a dealership’s settings change elsewhere, then its terms come from memory until forgotten, and other dealerships keep theirs', async () => {
    const terms = new RetailTermsSource(ctx.database.writer);
    const [changed, untouched] = [ctx.newDealership().dealershipId, ctx.newDealership().dealershipId];
    const settings = new RetailSettingsRepository(ctx.database.writer);
    await settings.insertIfMissing(changed, DEFAULT_RETAIL_SETTINGS);
    const before = await terms.of(changed);
    const untouchedBefore = await terms.of(untouched);
    const dearerDocs = { ...DEFAULT_RETAIL_SETTINGS.fees, documentationCents: 59_900 };
    await settings.save(changed, { ...DEFAULT_RETAIL_SETTINGS, fees: dearerDocs }, 2, new Date());

    expect(await terms.of(changed)).toBe(before);
    terms.forget(changed.toUpperCase());

    expect((await terms.of(changed)).fees).toEqual(dearerDocs);
    expect(await terms.of(untouched)).toBe(untouchedBefore);
  });

  it('when MySQL goes away, then quotes keep the terms they had read', async () => {
    const dealershipId = ctx.newDealership().dealershipId;
    const mysql = await databaseBehindProxy();
    try {
      const terms = new RetailTermsSource(mysql.database.writer);
      const read = await terms.of(dealershipId);

      await mysql.proxy.cut();

      expect(await terms.of(dealershipId)).toBe(read);
    } finally {
      await mysql.close();
    }
  });

  it('when MySQL does not answer, then the read fails, and the next one once it answers succeeds', async () => {
    const dealershipId = ctx.newDealership().dealershipId;
    const mysql = await databaseBehindProxy();
    try {
      const terms = new RetailTermsSource(mysql.database.writer);
      // Frozen: connections open but nothing comes back, until the pool's connect timeout.
      mysql.proxy.freeze();

      await expect(terms.of(dealershipId)).rejects.toThrow();
      mysql.proxy.thaw();

      expect((await terms.of(dealershipId)).fees).toEqual(DEFAULT_RETAIL_SETTINGS.fees);
    } finally {
      await mysql.close();
    }
  });
});
