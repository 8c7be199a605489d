import { DEMO_USERS } from '@showroom/demo-data';
import {
  HOLD_VEHICLES_SCOPE,
  MEMBERSHIPS_CLAIM,
  READ_DEALERSHIPS_SCOPE,
  READ_INVENTORY_SCOPE,
  READ_LEAD_ASSIGNEES_SCOPE,
  READ_MEMBERSHIPS_SCOPE,
  READ_TEAM_SCOPE,
  RELEASE_MEMBER_LEADS_SCOPE,
  UserMembershipsSchema,
  WRITE_ANALYTICS_EVENTS_SCOPE,
  WRITE_DEAL_LEADS_SCOPE,
  WRITE_SITE_ORIGINS_SCOPE,
} from '@showroom/contracts';
import express from 'express';
import { auth } from 'express-oauth2-jwt-bearer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_REALM_GRANT } from './clients';
import { membershipsFromUsersService } from './memberships';
import {
  API,
  PASSWORD,
  decodeJwt,
  demoUserToken,
  postForm,
  requestServicesToken,
  serve,
  startDevAuth,
  type RunningDevAuth,
  type RunningServer,
} from './testing/harness';

describe('Services get machine tokens with client_credentials', () => {
  let devAuth: RunningDevAuth;

  beforeAll(async () => {
    devAuth = await startDevAuth();
  });
  afterAll(() => devAuth.close());

  it('showroom-services gets a token with gty client-credentials, sub <client>@clients and no memberships', async () => {
    const tokens = await requestServicesToken(devAuth.url);
    expect(tokens.status).toBe(200);
    const { header, payload } = decodeJwt(String(tokens.body['access_token']));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      iss: devAuth.issuer,
      aud: API,
      sub: 'showroom-services@clients',
      gty: 'client-credentials',
    });
    expect(payload[MEMBERSHIPS_CLAIM]).toBeUndefined();
  });

  it('refuses a wrong secret and a request without an audience, as Auth0 does', async () => {
    const wrong = await requestServicesToken(devAuth.url, { client_secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body['error']).toBe('invalid_client');

    const noAudience = await postForm(`${devAuth.url}/oauth/token`, {
      grant_type: 'client_credentials',
      client_id: 'showroom-services',
      client_secret: 'dev-services-secret',
    });
    expect(noAudience.status).toBe(403);
    expect(noAudience.body['error']).toBe('access_denied');
  });

  const servicesToken = (scope?: string) =>
    requestServicesToken(devAuth.url, scope === undefined ? {} : { scope });

  it('showroom-services holds every scope of its grant when it names no scope, as Auth0 grants them all (retail’s, analytics’ and the users service’s lead releases included)', async () => {
    const tokens = await servicesToken();
    expect(tokens.status).toBe(200);
    expect(decodeJwt(String(tokens.body['access_token'])).payload['scope']).toBe(
      [
        READ_TEAM_SCOPE,
        READ_INVENTORY_SCOPE,
        READ_DEALERSHIPS_SCOPE,
        WRITE_SITE_ORIGINS_SCOPE,
        HOLD_VEHICLES_SCOPE,
        WRITE_DEAL_LEADS_SCOPE,
        READ_LEAD_ASSIGNEES_SCOPE,
        RELEASE_MEMBER_LEADS_SCOPE,
        WRITE_ANALYTICS_EVENTS_SCOPE,
      ].join(' '),
    );
  });

  it('showroom-services gets the scopes retail calls the other services with, one at a time', async () => {
    for (const scope of [HOLD_VEHICLES_SCOPE, WRITE_DEAL_LEADS_SCOPE, READ_LEAD_ASSIGNEES_SCOPE]) {
      const tokens = await servicesToken(scope);
      expect(tokens.status).toBe(200);
      expect(decodeJwt(String(tokens.body['access_token'])).payload['scope']).toBe(scope);
    }
  });

  it('showroom-services gets the scope producers post analytics events with, on its own', async () => {
    const tokens = await servicesToken(WRITE_ANALYTICS_EVENTS_SCOPE);
    expect(tokens.status).toBe(200);
    expect(decodeJwt(String(tokens.body['access_token'])).payload['scope']).toBe(
      WRITE_ANALYTICS_EVENTS_SCOPE,
    );
  });

  it('showroom-services gets just the scopes it names, and never one it was not granted', async () => {
    const team = await servicesToken(READ_TEAM_SCOPE);
    expect(decodeJwt(String(team.body['access_token'])).payload['scope']).toBe(READ_TEAM_SCOPE);

    const inventory = await servicesToken(READ_INVENTORY_SCOPE);
    expect(decodeJwt(String(inventory.body['access_token'])).payload['scope']).toBe(READ_INVENTORY_SCOPE);

    // A scope outside the client grant is left out of the token.
    const beyond = await servicesToken(`${READ_TEAM_SCOPE} ${READ_MEMBERSHIPS_SCOPE}`);
    expect(beyond.status).toBe(200);
    expect(decodeJwt(String(beyond.body['access_token'])).payload['scope']).toBe(READ_TEAM_SCOPE);
  });

  it('showroom-actions holds read:memberships, whether or not it names the scope', async () => {
    for (const scope of [{ scope: READ_MEMBERSHIPS_SCOPE }, {}] as Record<string, string>[]) {
      const tokens = await postForm(`${devAuth.url}/oauth/token`, {
        grant_type: 'client_credentials',
        client_id: 'showroom-actions',
        client_secret: 'dev-actions-secret',
        audience: API,
        ...scope,
      });
      expect(decodeJwt(String(tokens.body['access_token'])).payload['scope']).toBe(READ_MEMBERSHIPS_SCOPE);
    }
  });
});

describe('Memberships come from the users service, fetched like the production Auth0 Action', () => {
  let devAuth: RunningDevAuth;
  let usersService: RunningServer;
  const bearerTokensSeen = new Set<string>();
  let issuer = '';

  beforeAll(async () => {
    // A stand-in for services/users: same route, same token check (scope read:memberships).
    const app = express();
    app.get(
      '/api/users/internal/users/:userId/memberships',
      (req, res, next) =>
        auth({ issuerBaseURL: issuer, audience: API, tokenSigningAlg: 'RS256' })(req, res, next),
      (req, res) => {
        const scopes = String(req.auth?.payload['scope'] ?? '').split(' ');
        if (!scopes.includes(READ_MEMBERSHIPS_SCOPE)) return void res.status(403).end();
        bearerTokensSeen.add(req.get('authorization') ?? '');
        const user = Object.values(DEMO_USERS).find((candidate) => candidate.id === req.params['userId']);
        res.json(
          UserMembershipsSchema.parse({ userId: req.params['userId'], memberships: user?.memberships ?? [] }),
        );
      },
    );
    usersService = await serve(app);
    devAuth = await startDevAuth({
      membershipsFrom: (url, config) =>
        membershipsFromUsersService({ ...config, usersApiUrl: usersService.url }, url),
    });
    issuer = devAuth.issuer;
  });
  afterAll(async () => {
    await devAuth.close();
    await usersService.close();
  });

  it('puts the users service’s answer into the token, reusing one cached machine token', async () => {
    for (const user of [DEMO_USERS.rivalOwner, DEMO_USERS.manager]) {
      const tokens = await demoUserToken(devAuth, {
        grant_type: PASSWORD_REALM_GRANT,
        realm: 'Username-Password-Authentication',
        client_id: 'showroom-e2e',
        username: user.email,
        password: PASSWORD,
        audience: API,
      });
      expect(tokens.status).toBe(200);
      expect(decodeJwt(String(tokens.body['access_token'])).payload[MEMBERSHIPS_CLAIM]).toEqual(
        user.memberships,
      );
    }
    expect(bearerTokensSeen.size).toBe(1);
  });
});
