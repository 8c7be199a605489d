import { DEMO_USERS } from '@showroom/demo-data';
import { EMAIL_CLAIM, MEMBERSHIPS_CLAIM, NAME_CLAIM } from '@showroom/contracts';
import { freePort } from '@showroom/server-testing';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, portalAuthorization, portalSignIn, signIn } from './testing/browser';
import { membershipsFromUsersService } from './memberships';
import {
  API,
  PORTAL,
  decodeJwt,
  fakeMemberships,
  postForm,
  refreshPortalToken,
  startDevAuth,
  type RunningDevAuth,
} from './testing/harness';

describe('A dealer signs in to the portal with Authorization Code + PKCE, as auth0-spa-js does', () => {
  let devAuth: RunningDevAuth;
  const memberships = fakeMemberships();

  beforeAll(async () => {
    devAuth = await startDevAuth({ memberships });
  });
  afterAll(() => devAuth.close());

  it('goes from /authorize (with an audience) through the login page to access, ID and refresh tokens, and the refresh token rotates', async () => {
    const browser = new Browser(devAuth.url);
    const start = portalAuthorization(API);
    const code = await signIn(browser, start, DEMO_USERS.owner.email);

    const tokens = await postForm(
      `${devAuth.url}/oauth/token`,
      {
        grant_type: 'authorization_code',
        client_id: 'showroom-portal',
        code,
        code_verifier: start.verifier,
        redirect_uri: PORTAL,
      },
      { origin: PORTAL, 'auth0-client': 'eyJuYW1lIjoiYXV0aDAtc3BhLWpzIn0=' },
    );
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'openid profile email offline_access' });
    expect(typeof tokens.body['refresh_token']).toBe('string');

    const jwks = createRemoteJWKSet(new URL(`${devAuth.url}/.well-known/jwks.json`));
    const access = await jwtVerify(String(tokens.body['access_token']), jwks, {
      issuer: devAuth.issuer,
      audience: API,
    });
    expect(access.protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(access.payload).toMatchObject({
      sub: DEMO_USERS.owner.id,
      azp: 'showroom-portal',
      aud: [API, `${devAuth.issuer}userinfo`],
      [MEMBERSHIPS_CLAIM]: DEMO_USERS.owner.memberships,
      [EMAIL_CLAIM]: DEMO_USERS.owner.email,
      [NAME_CLAIM]: DEMO_USERS.owner.name,
    });

    const id = await jwtVerify(String(tokens.body['id_token']), jwks, {
      issuer: devAuth.issuer,
      audience: 'showroom-portal',
    });
    expect(id.payload).toMatchObject({
      sub: DEMO_USERS.owner.id,
      nonce: start.nonce,
      email: DEMO_USERS.owner.email,
      name: DEMO_USERS.owner.name,
      [MEMBERSHIPS_CLAIM]: DEMO_USERS.owner.memberships,
    });

    const userinfo = await fetch(`${devAuth.url}/userinfo`, {
      headers: { authorization: `Bearer ${String(tokens.body['access_token'])}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({
      sub: DEMO_USERS.owner.id,
      email: DEMO_USERS.owner.email,
      [MEMBERSHIPS_CLAIM]: DEMO_USERS.owner.memberships,
    });

    const refreshed = await refreshPortalToken(devAuth.url, tokens.body['refresh_token']);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).not.toBe(tokens.body['refresh_token']);
    const again = decodeJwt(String(refreshed.body['access_token'])).payload;
    expect(again).toMatchObject({
      sub: DEMO_USERS.owner.id,
      [MEMBERSHIPS_CLAIM]: DEMO_USERS.owner.memberships,
    });
    expect(again['aud']).toContain(API);

    const reused = await postForm(`${devAuth.url}/oauth/token`, {
      grant_type: 'refresh_token',
      client_id: 'showroom-portal',
      refresh_token: String(tokens.body['refresh_token']),
    });
    expect(reused.status).toBe(400);
    expect(reused.body['error']).toBe('invalid_grant');
  });

  it('revokes a refresh token at /oauth/revoke (auth0-spa-js revokeRefreshToken)', async () => {
    const tokens = await portalSignIn(devAuth.url, DEMO_USERS.viewer.email);
    const refreshToken = String(tokens.body['refresh_token']);

    const revoked = await fetch(`${devAuth.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PORTAL },
      body: new URLSearchParams({ client_id: 'showroom-portal', token: refreshToken }),
    });
    expect(revoked.status).toBe(200);
    expect(revoked.headers.get('access-control-allow-origin')).toBe(PORTAL);

    const refreshed = await postForm(`${devAuth.url}/oauth/token`, {
      grant_type: 'refresh_token',
      client_id: 'showroom-portal',
      refresh_token: refreshToken,
    });
    expect(refreshed.body['error']).toBe('invalid_grant');
  });

  it('signs the same browser in again without the login page (single sign-on session)', async () => {
    const browser = new Browser(devAuth.url);
    await signIn(browser, portalAuthorization(API), DEMO_USERS.manager.email);

    const silent = portalAuthorization(API);
    silent.query.set('prompt', 'none');
    const { leftTo } = await browser.follow(`/authorize?${silent.query}`);
    expect(leftTo?.origin).toBe(PORTAL);
    expect(leftTo?.searchParams.get('code')).toBeTruthy();
    expect(leftTo?.searchParams.get('error')).toBeNull();
  });

  it('answers the CORS preflight of the portal, Auth0-Client header included, and not of other origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${devAuth.url}/oauth/token`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'auth0-client,content-type',
        },
      });
    const portal = await preflight(PORTAL);
    expect(portal.status).toBe(204);
    expect(portal.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(portal.headers.get('access-control-allow-headers')).toContain('auth0-client');

    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a redirect_uri that is not the portal', async () => {
    const start = portalAuthorization(API);
    start.query.set('redirect_uri', 'https://evil.example/callback');
    const response = await new Browser(devAuth.url).request(`/authorize?${start.query}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri');
  });
});

describe('When the users service cannot be reached', () => {
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    const usersApiUrl = `http://127.0.0.1:${await freePort()}`;
    devAuth = await startDevAuth({
      membershipsFrom: (url, config) => membershipsFromUsersService({ ...config, usersApiUrl }, url),
    });
  });
  afterAll(() => devAuth.close());

  it('the login token request fails with a clear server_error instead of a token without memberships', async () => {
    const tokens = await portalSignIn(devAuth.url, DEMO_USERS.sales.email);
    expect(tokens.status).toBe(503);
    expect(tokens.body['error']).toBe('server_error');
    expect(tokens.body['error_description']).toMatch(
      /users service at http:\/\/127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)/,
    );
    expect(tokens.body['access_token']).toBeUndefined();
  });
});
