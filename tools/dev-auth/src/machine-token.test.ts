import { describe, expect, it } from 'vitest';
import { clientCredentialsToken } from './machine-token';

describe('The machine token is cached until shortly before it expires', () => {
  it('asks once, shares one request between concurrent callers, and asks again near expiry', async () => {
    let now = 0;
    let requests = 0;
    const source = clientCredentialsToken({
      tokenUrl: 'http://dev-auth.test/oauth/token',
      clientId: 'showroom-actions',
      clientSecret: 'secret',
      audience: 'https://api.showroom.dev',
      scope: 'read:memberships',
      now: () => now,
      refreshMarginSeconds: 60,
      fetch: async () => {
        requests += 1;
        return Response.json({ access_token: `token-${requests}`, expires_in: 3600, token_type: 'Bearer' });
      },
    });

    expect(await Promise.all([source(), source()])).toEqual(['token-1', 'token-1']);
    now = (3600 - 61) * 1000;
    expect(await source()).toBe('token-1');
    now = (3600 - 59) * 1000;
    expect(await source()).toBe('token-2');
    source.invalidate();
    expect(await source()).toBe('token-3');
  });

  it('fails with the status and body of a refused request', async () => {
    const source = clientCredentialsToken({
      tokenUrl: 'http://dev-auth.test/oauth/token',
      clientId: 'showroom-actions',
      clientSecret: 'wrong',
      audience: 'https://api.showroom.dev',
      scope: 'read:memberships',
      fetch: async () => Response.json({ error: 'invalid_client' }, { status: 401 }),
    });
    await expect(source()).rejects.toThrow(/HTTP 401.*invalid_client/);
  });
});
