import { DEMO_USERS } from '@showroom/demo-data';
import { EMAIL_CLAIM, MEMBERSHIPS_CLAIM } from '@showroom/contracts';
import express from 'express';
import { auth } from 'express-oauth2-jwt-bearer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_GRANT, PASSWORD_REALM_GRANT } from './clients';
import {
  API,
  PASSWORD,
  decodeJwt,
  demoUserToken,
  fakeMemberships,
  postForm,
  serve,
  startDevAuth,
  type RunningDevAuth,
  type RunningServer,
} from './testing/harness';

const realmGrant = (username: string, password: string) => ({
  grant_type: PASSWORD_REALM_GRANT,
  realm: 'Username-Password-Authentication',
  client_id: 'showroom-e2e',
  username,
  password,
  audience: API,
  scope: 'openid profile email offline_access',
});

describe('QA automation signs in with the password-realm grant (showroom-e2e)', () => {
  let devAuth: RunningDevAuth;
  let api: RunningServer;
  const memberships = fakeMemberships();

  beforeAll(async () => {
    devAuth = await startDevAuth({ memberships });
    // A service exactly as the Showroom services verify tokens.
    const app = express();
    app.get(
      '/whoami',
      auth({ issuerBaseURL: devAuth.issuer, audience: API, tokenSigningAlg: 'RS256' }),
      (req, res) => {
        res.json(req.auth?.payload);
      },
    );
    api = await serve(app);
  });
  afterAll(async () => {
    await api.close();
    await devAuth.close();
  });

  it('gets an RS256 access token that express-oauth2-jwt-bearer accepts, with the memberships from the membership source', async () => {
    const tokens = await demoUserToken(devAuth, realmGrant(DEMO_USERS.owner.email, PASSWORD));
    expect(tokens.status).toBe(200);
    const accessToken = String(tokens.body['access_token']);
    expect(decodeJwt(accessToken).header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(memberships.calls).toContain(DEMO_USERS.owner.id);

    const whoami = await fetch(`${api.url}/whoami`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(whoami.status).toBe(200);
    expect(await whoami.json()).toMatchObject({
      iss: devAuth.issuer,
      sub: DEMO_USERS.owner.id,
      gty: 'password',
      azp: 'showroom-e2e',
      [EMAIL_CLAIM]: DEMO_USERS.owner.email,
      [MEMBERSHIPS_CLAIM]: DEMO_USERS.owner.memberships,
    });

    expect(decodeJwt(String(tokens.body['id_token'])).payload).toMatchObject({
      aud: 'showroom-e2e',
      email: DEMO_USERS.owner.email,
      [MEMBERSHIPS_CLAIM]: DEMO_USERS.owner.memberships,
    });
    const refreshed = await postForm(`${devAuth.url}/oauth/token`, {
      grant_type: 'refresh_token',
      client_id: 'showroom-e2e',
      refresh_token: String(tokens.body['refresh_token']),
    });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(String(refreshed.body['access_token'])).payload).toMatchObject({
      sub: DEMO_USERS.owner.id,
    });
  });

  it('also accepts the plain password grant, without a realm', async () => {
    const { realm: _realm, ...fields } = realmGrant(DEMO_USERS.viewer.email, PASSWORD);
    const tokens = await demoUserToken(devAuth, {
      ...fields,
      grant_type: PASSWORD_GRANT,
      scope: 'openid',
    });
    expect(tokens.status).toBe(200);
    expect(decodeJwt(String(tokens.body['access_token'])).payload).toMatchObject({
      sub: DEMO_USERS.viewer.id,
      [MEMBERSHIPS_CLAIM]: DEMO_USERS.viewer.memberships,
    });
    expect(tokens.body['refresh_token']).toBeUndefined();
  });

  it('signs in each demo rooftop’s finance manager with their finance membership', async () => {
    for (const user of [DEMO_USERS.finance, DEMO_USERS.northsideFinance, DEMO_USERS.rivalFinance]) {
      const tokens = await demoUserToken(devAuth, realmGrant(user.email, PASSWORD));
      expect(tokens.status, user.email).toBe(200);
      expect(decodeJwt(String(tokens.body['access_token'])).payload).toMatchObject({
        sub: user.id,
        [MEMBERSHIPS_CLAIM]: [{ dealershipId: user.memberships[0].dealershipId, role: 'finance' }],
      });
    }
  });

  it('refuses a wrong password with 403 invalid_grant, and an unknown email the same way', async () => {
    for (const [email, password] of [
      [DEMO_USERS.owner.email, 'not-the-password'],
      ['nobody@demo.showroom.dev', PASSWORD],
    ] as const) {
      const refused = await postForm(`${devAuth.url}/oauth/token`, realmGrant(email, password));
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' });
    }
  });

  it('refuses an unknown realm and a request without an audience', async () => {
    const realm = await postForm(`${devAuth.url}/oauth/token`, {
      ...realmGrant(DEMO_USERS.owner.email, PASSWORD),
      realm: 'google-oauth2',
    });
    expect(realm.status).toBe(400);
    expect(realm.body['error']).toBe('invalid_request');

    const { audience: _audience, ...withoutAudience } = realmGrant(DEMO_USERS.owner.email, PASSWORD);
    const noAudience = await postForm(`${devAuth.url}/oauth/token`, withoutAudience);
    expect(noAudience.status).toBe(403);
    expect(noAudience.body['error']).toBe('access_denied');
  });
});

describe('In production the password grant does not exist', () => {
  for (const [story, env] of [
    [
      'NODE_ENV=production (with DEV_AUTH_ALLOW_PRODUCTION=true)',
      { NODE_ENV: 'production', DEV_AUTH_ALLOW_PRODUCTION: 'true' },
    ],
    ['DEV_AUTH_ENABLE_PASSWORD_GRANT=false', { DEV_AUTH_ENABLE_PASSWORD_GRANT: 'false' }],
  ] as const) {
    it(`with ${story}: no showroom-e2e client, no password grants`, async () => {
      const devAuth = await startDevAuth({ env });
      try {
        const discovery = (await (await fetch(`${devAuth.url}/.well-known/openid-configuration`)).json()) as {
          grant_types_supported: string[];
        };
        expect(discovery.grant_types_supported).not.toContain(PASSWORD_REALM_GRANT);
        expect(discovery.grant_types_supported).not.toContain(PASSWORD_GRANT);

        const e2e = await postForm(
          `${devAuth.url}/oauth/token`,
          realmGrant(DEMO_USERS.owner.email, PASSWORD),
        );
        expect(e2e.status).toBe(401);
        expect(e2e.body['error']).toBe('invalid_client');

        const viaPortal = await postForm(`${devAuth.url}/oauth/token`, {
          ...realmGrant(DEMO_USERS.owner.email, PASSWORD),
          client_id: 'showroom-portal',
        });
        expect(viaPortal.status).toBe(400);
        expect(viaPortal.body['error']).toBe('unsupported_grant_type');
      } finally {
        await devAuth.close();
      }
    });
  }
});
