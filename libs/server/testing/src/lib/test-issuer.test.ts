import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { API_AUDIENCE } from '@showroom/contracts';
import { startForTheseTests } from './for-these-tests';
import { startTestIssuer } from './test-issuer';

const tokenRequest = (issuerBaseURL: string, fields: Record<string, string>) =>
  fetch(new URL('oauth/token', issuerBaseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

describe('startTestIssuer: client credentials at /oauth/token, as Auth0 grants them', () => {
  const issuer = startForTheseTests(() =>
    startTestIssuer({ clients: { 'showroom-services': { secret: 's3cret', scopes: ['read:dealerships'] } } }),
  );

  it('grants a known client a token its JWKS verifies, naming the client and its scopes', async () => {
    const res = await tokenRequest(issuer.issuerBaseURL, {
      grant_type: 'client_credentials',
      client_id: 'showroom-services',
      client_secret: 's3cret',
      audience: API_AUDIENCE,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', issuer.issuerBaseURL));
    const { payload } = await jwtVerify(body.access_token, jwks, {
      issuer: issuer.issuerBaseURL,
      audience: API_AUDIENCE,
    });
    expect(payload).toMatchObject({
      sub: 'showroom-services@clients',
      azp: 'showroom-services',
      gty: 'client-credentials',
      scope: 'read:dealerships',
    });
  });

  it('refuses a wrong secret, an unknown client and another grant with 401', async () => {
    const refused = await Promise.all([
      tokenRequest(issuer.issuerBaseURL, {
        grant_type: 'client_credentials',
        client_id: 'showroom-services',
        client_secret: 'wrong',
      }),
      tokenRequest(issuer.issuerBaseURL, {
        grant_type: 'client_credentials',
        client_id: 'someone-else',
        client_secret: 's3cret',
      }),
      tokenRequest(issuer.issuerBaseURL, {
        grant_type: 'password',
        client_id: 'showroom-services',
        client_secret: 's3cret',
      }),
    ]);
    expect(refused.map((res) => res.status)).toEqual([401, 401, 401]);
  });
});

describe('startTestIssuer without clients', () => {
  const issuer = startForTheseTests(() => startTestIssuer());

  it('has no token endpoint', async () => {
    const res = await tokenRequest(issuer.issuerBaseURL, { grant_type: 'client_credentials' });
    expect(res.status).toBe(404);
  });
});
