import { DEMO_USERS } from '@showroom/demo-data';
import { MEMBERSHIPS_CLAIM, type MembershipClaim } from '@showroom/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PASSWORD_REALM_GRANT } from './clients';
import { TOKEN_LIFETIMES } from './provider';
import { portalSignIn } from './testing/browser';
import {
  API,
  PASSWORD,
  decodeJwt,
  demoUserToken,
  refreshPortalToken,
  requestServicesToken,
  startDevAuth,
  type RunningDevAuth,
} from './testing/harness';

const FIFTEEN_MINUTES = 15 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

function lifetimeOf(accessToken: unknown): number {
  const { payload } = decodeJwt(String(accessToken));
  return Number(payload['exp']) - Number(payload['iat']);
}

describe('Access tokens last 15 minutes, so a removed member loses access at the next refresh', () => {
  let devAuth: RunningDevAuth;
  // The users service's answer, changed by a test to remove a member.
  const current = new Map<string, MembershipClaim[]>(
    Object.values(DEMO_USERS).map((user) => [user.id, user.memberships.map((m) => ({ ...m }))]),
  );

  beforeAll(async () => {
    devAuth = await startDevAuth({ memberships: async (sub) => current.get(sub) ?? [] });
  });
  afterAll(() => devAuth.close());

  it('when a dealer signs in to the portal and refreshes, then each access token lasts 900 seconds', async () => {
    const tokens = await portalSignIn(devAuth.url, DEMO_USERS.owner.email);
    expect(tokens.status).toBe(200);
    expect(lifetimeOf(tokens.body['access_token'])).toBe(FIFTEEN_MINUTES);
    expect(tokens.body['expires_in']).toBe(FIFTEEN_MINUTES);

    const refreshed = await refreshPortalToken(devAuth.url, tokens.body['refresh_token']);
    expect(refreshed.status).toBe(200);
    expect(lifetimeOf(refreshed.body['access_token'])).toBe(FIFTEEN_MINUTES);
  });

  it('when a service or QA automation asks for a token, then it lasts 900 seconds too', async () => {
    const machine = await requestServicesToken(devAuth.url);
    expect(machine.status).toBe(200);
    expect(lifetimeOf(machine.body['access_token'])).toBe(FIFTEEN_MINUTES);
    expect(machine.body['expires_in']).toBe(FIFTEEN_MINUTES);

    const qa = await demoUserToken(devAuth, {
      grant_type: PASSWORD_REALM_GRANT,
      realm: 'Username-Password-Authentication',
      client_id: 'showroom-e2e',
      username: DEMO_USERS.viewer.email,
      password: PASSWORD,
      audience: API,
      scope: 'openid',
    });
    expect(qa.status).toBe(200);
    expect(lifetimeOf(qa.body['access_token'])).toBe(FIFTEEN_MINUTES);
  });

  it('when the owner removes a salesperson from the dealership, then the token of their next refresh no longer names it', async () => {
    const sales = DEMO_USERS.sales;
    const tokens = await portalSignIn(devAuth.url, sales.email);
    expect(decodeJwt(String(tokens.body['access_token'])).payload[MEMBERSHIPS_CLAIM]).toEqual(
      sales.memberships,
    );

    current.set(sales.id, []);
    const refreshed = await refreshPortalToken(devAuth.url, tokens.body['refresh_token']);

    expect(refreshed.status).toBe(200);
    expect(decodeJwt(String(refreshed.body['access_token'])).payload[MEMBERSHIPS_CLAIM]).toEqual([]);
  });
});

describe('The portal refresh token rotates, and a sign-in ends after 15 idle days or 30 days in all', () => {
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    devAuth = await startDevAuth();
  });
  afterAll(() => devAuth.close());
  afterEach(() => vi.useRealTimers());

  it('when the portal refreshes, then it gets a new refresh token, the old one is refused, and replaying the old one ends the whole sign-in', async () => {
    const tokens = await portalSignIn(devAuth.url, DEMO_USERS.manager.email);
    const first = tokens.body['refresh_token'];

    const refreshed = await refreshPortalToken(devAuth.url, first);
    const second = refreshed.body['refresh_token'];
    expect(refreshed.status).toBe(200);
    expect(typeof second).toBe('string');
    expect(second).not.toBe(first);

    // A stolen copy of the first token, played after the portal has moved on.
    const replayed = await refreshPortalToken(devAuth.url, first);
    expect(replayed.status).toBe(400);
    expect(replayed.body['error']).toBe('invalid_grant');

    // Reuse means a copy exists somewhere: the portal's current token dies with it.
    const afterReplay = await refreshPortalToken(devAuth.url, second);
    expect(afterReplay.status).toBe(400);
    expect(afterReplay.body['error']).toBe('invalid_grant');
  });

  it('when a refresh token has not been used for 15 days, then it is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const tokens = await portalSignIn(devAuth.url, DEMO_USERS.viewer.email);

    vi.setSystemTime(start + 14 * DAY_MS);
    const used = await refreshPortalToken(devAuth.url, tokens.body['refresh_token']);
    expect(used.status).toBe(200);

    vi.setSystemTime(start + (14 + 15) * DAY_MS + 60_000);
    const idle = await refreshPortalToken(devAuth.url, used.body['refresh_token']);
    expect(idle.status).toBe(400);
    expect(idle.body['error']).toBe('invalid_grant');
  });

  it('when the portal keeps refreshing, then rotation still ends the sign-in 30 days after it began', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    let refreshToken = (await portalSignIn(devAuth.url, DEMO_USERS.owner.email)).body['refresh_token'];

    for (const day of [10, 20, 29]) {
      vi.setSystemTime(start + day * DAY_MS);
      const refreshed = await refreshPortalToken(devAuth.url, refreshToken);
      expect(refreshed.status).toBe(200);
      refreshToken = refreshed.body['refresh_token'];
    }

    vi.setSystemTime(start + TOKEN_LIFETIMES.refreshTokenAbsolute * 1000 + 60_000);
    const expired = await refreshPortalToken(devAuth.url, refreshToken);
    expect(expired.status).toBe(400);
    expect(expired.body['error']).toBe('invalid_grant');
  });
});
