import { loadRuntimeConfig, toAuthConfig, type FetchLike } from './runtime-config';

const answer =
  (status: number, body: unknown): FetchLike =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const devAuth = {
  auth: {
    domain: 'http://localhost:4000',
    clientId: 'showroom-portal',
    audience: 'https://api.showroom.dev',
  },
};

describe('runtime configuration', () => {
  it('reads the Auth0 settings from config.json', async () => {
    await expect(loadRuntimeConfig(answer(200, devAuth))).resolves.toEqual(devAuth);
  });

  it('when config.json is missing, then startup fails saying where it must be', async () => {
    await expect(loadRuntimeConfig(answer(404, {}))).rejects.toThrow(
      /config.json answered 404.*next to index.html/,
    );
  });

  it('when a key is missing, then the error names it', async () => {
    const noAudience = { auth: { domain: 'tenant.auth0.com', clientId: 'abc' } };
    await expect(loadRuntimeConfig(answer(200, noAudience))).rejects.toThrow('auth.audience');
  });

  it('configures Auth0 for refresh tokens in localStorage, the API audience and the portal origin', () => {
    const config = toAuthConfig(devAuth, 'https://portal.showroom.dev');
    expect(config).toMatchObject({
      domain: 'http://localhost:4000',
      clientId: 'showroom-portal',
      useRefreshTokens: true,
      cacheLocation: 'localstorage',
      authorizationParams: {
        audience: 'https://api.showroom.dev',
        redirect_uri: 'https://portal.showroom.dev',
      },
    });
  });

  it('attaches the access token to same-origin /api calls only, for the API audience', () => {
    const allowed = toAuthConfig(devAuth, 'http://localhost:4200').httpInterceptor?.allowedList ?? [];
    expect(allowed).toEqual([
      {
        uri: '/api/users/invitation-links/*',
        allowAnonymous: true,
        tokenOptions: { authorizationParams: { audience: 'https://api.showroom.dev' } },
      },
      { uri: '/api/*', tokenOptions: { authorizationParams: { audience: 'https://api.showroom.dev' } } },
    ]);
  });
});
