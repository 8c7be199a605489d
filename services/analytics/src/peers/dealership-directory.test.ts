import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_DEALERSHIPS_SCOPE } from '@showroom/contracts';
import { startTestIssuer, type TestIssuer } from '@showroom/server-testing';
import { startUsersStandIn, type UsersStandIn } from '../test/users-stand-in';
import { DealershipDirectory } from './dealership-directory';

describe('the dealership directory (users’ storefront route, cached)', () => {
  let issuer: TestIssuer;
  let users: UsersStandIn;
  let directory: DealershipDirectory;
  beforeAll(async () => {
    [issuer, users] = await Promise.all([startTestIssuer(), startUsersStandIn()]);
    const tokens = { token: () => issuer.machineToken('showroom-services', [READ_DEALERSHIPS_SCOPE]) };
    directory = new DealershipDirectory(users.url, tokens, { max: 100 });
  });
  afterAll(async () => {
    await Promise.all([issuer.close(), users.close()]);
  });
  const lookupsOf = (id: string) => users.lookups.filter((looked) => looked === id).length;

  it('asks users once for a dealership, then answers from the cache', async () => {
    const { dealershipId } = users.addDealership({ timeZone: 'America/Chicago' });
    expect(await directory.timeZoneOf(dealershipId)).toBe('America/Chicago');
    expect((await directory.storefront(dealershipId))?.dealershipId).toBe(dealershipId);
    expect(lookupsOf(dealershipId)).toBe(1);
  });

  it('when a made-up id is asked again and again, then users is asked once and it stays unknown', async () => {
    const madeUp = randomUUID();
    for (let i = 0; i < 5; i++) expect(await directory.storefront(madeUp)).toBeNull();
    expect(lookupsOf(madeUp)).toBe(1);
    await expect(directory.timeZoneOf(madeUp)).rejects.toMatchObject({ status: 404 });
  });

  it('when users is down, then the caller gets a 503 problem and nothing is remembered', async () => {
    const { dealershipId } = users.addDealership();
    users.down = true;
    try {
      await expect(directory.storefront(dealershipId)).rejects.toMatchObject({ status: 503 });
    } finally {
      users.down = false;
    }
    expect((await directory.storefront(dealershipId))?.dealershipId).toBe(dealershipId);
  });
});
