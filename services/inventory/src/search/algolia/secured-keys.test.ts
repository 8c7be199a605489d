import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecuredSearchKeys } from './secured-keys';
import { recordedClient, RecordingRequester } from './testing/recording-requester';

const INDEX = 'showroom_test_vehicles';
const SEARCH_KEY = 'search-only-parent-key';
const NOW = new Date('2026-12-06T08:00:00.000Z');

/** A secured key is base64(hex HMAC-SHA256 of the restrictions, keyed by the parent key + the restrictions). */
function decode(securedKey: string, parentKey: string) {
  const decoded = Buffer.from(securedKey, 'base64').toString('utf8');
  const signature = decoded.slice(0, 64);
  const restrictions = decoded.slice(64);
  return {
    signedByParent: createHmac('sha256', parentKey).update(restrictions).digest('hex') === signature,
    restrictions: new URLSearchParams(restrictions),
  };
}

describe('SecuredSearchKeys', () => {
  const requester = new RecordingRequester(() => ({ status: 500 }));
  const keys = new SecuredSearchKeys(
    recordedClient(requester),
    { appId: 'TESTAPP', searchApiKey: SEARCH_KEY, indexName: INDEX, ttlSeconds: 3600 },
    () => NOW,
  );

  it('bakes one dealership’s available, published cars, the expiry and the indices into a key, offline', () => {
    const access = keys.accessFor({ dealershipId: 'd-1' });

    expect(access).toEqual({
      engine: 'algolia',
      appId: 'TESTAPP',
      apiKey: expect.any(String),
      indexName: INDEX,
      validUntil: '2026-12-06T09:00:00.000Z',
    });
    const { signedByParent, restrictions } = decode(access.apiKey, SEARCH_KEY);
    expect(signedByParent).toBe(true);
    expect(decode(access.apiKey, 'another-key').signedByParent).toBe(false);
    expect(Object.fromEntries(restrictions)).toEqual({
      filters: 'dealershipId:"d-1" AND status:available AND published:true',
      validUntil: String(NOW.getTime() / 1000 + 3600),
      restrictIndices: [
        INDEX,
        `${INDEX}_price_asc`,
        `${INDEX}_price_desc`,
        `${INDEX}_year_asc`,
        `${INDEX}_year_desc`,
        `${INDEX}_mileage_asc`,
        `${INDEX}_mileage_desc`,
        `${INDEX}_daysInStock_asc`,
        `${INDEX}_daysInStock_desc`,
      ].join(','),
    });
    expect(requester.requests).toEqual([]);
  });

  it('scopes a group’s key to its group, and quotes ids so they cannot add filter syntax', () => {
    const group = decode(keys.accessFor({ groupId: 'g-1' }).apiKey, SEARCH_KEY);
    expect(group.restrictions.get('filters')).toBe('groupId:"g-1" AND status:available AND published:true');

    const sneaky = decode(keys.accessFor({ dealershipId: 'd-1" OR dealershipId:"d-2' }).apiKey, SEARCH_KEY);
    expect(sneaky.restrictions.get('filters')).toBe(
      'dealershipId:"d-1\\" OR dealershipId:\\"d-2" AND status:available AND published:true',
    );
  });

  it('carries an expiry the client itself reads back', () => {
    const client = recordedClient(requester);
    const { apiKey } = keys.accessFor({ dealershipId: 'd-1' });
    const remaining = client.getSecuredApiKeyRemainingValidity({ securedApiKey: apiKey });
    const expected = NOW.getTime() / 1000 + 3600 - Date.now() / 1000;
    expect(Math.abs(remaining - expected)).toBeLessThanOrEqual(1);
  });
});
