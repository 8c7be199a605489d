import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const ROOT = '/workspace';

describe('Configuration is checked at start', () => {
  it('names DEV_AUTH_PORT when it is not a port', () => {
    for (const port of ['abc', '70000', '-1']) {
      expect(() => loadConfig({ DEV_AUTH_PORT: port }, ROOT)).toThrow(ConfigError);
      expect(() => loadConfig({ DEV_AUTH_PORT: port }, ROOT)).toThrow(
        /DEV_AUTH_PORT="[^"]+": must be a port number/,
      );
    }
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ USERS_API_URL: 'not a url', PORTAL_URL: 'ftp://x', LOG_LEVEL: 'loud' }, ROOT);
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.map((problem) => problem.split(/[=:]/)[0])).toEqual(
        expect.arrayContaining(['USERS_API_URL', 'PORTAL_URL', 'LOG_LEVEL']),
      );
    }
  });

  it('defaults to an Auth0-like local tenant, with the issuer’s trailing slash', () => {
    const config = loadConfig({}, ROOT);
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      issuer: 'http://localhost:4000/',
      portalUrls: ['http://localhost:4200'],
      usersApiUrl: 'http://localhost:3002',
      apiAudience: 'https://api.showroom.dev',
      keysFile: '/workspace/.data/dev-auth/jwks.json',
      passwordGrantEnabled: true,
    });
    expect(loadConfig({ DEV_AUTH_ISSUER: 'http://localhost:4100' }, ROOT).issuer).toBe(
      'http://localhost:4100/',
    );
  });

  it('refuses NODE_ENV=production unless DEV_AUTH_ALLOW_PRODUCTION=true, and then drops the password grant', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, ROOT)).toThrow(/refuses to run in production/);
    const config = loadConfig({ NODE_ENV: 'production', DEV_AUTH_ALLOW_PRODUCTION: 'true' }, ROOT);
    expect(config.passwordGrantEnabled).toBe(false);
  });

  it('reads the sign-in security settings: MFA roles (empty: nobody), password age, SMTP', () => {
    expect(loadConfig({}, ROOT)).toMatchObject({
      mfaRequiredRoles: ['owner', 'manager'],
      passwordMaxAgeDays: 90,
      smtpUrl: undefined,
      mailFrom: 'sign-in@showroom.dev',
    });
    expect(
      loadConfig(
        {
          DEV_AUTH_MFA_REQUIRED_ROLES: 'owner, finance',
          DEV_AUTH_PASSWORD_MAX_AGE_DAYS: '0',
          SMTP_URL: 'smtp://127.0.0.1:1025',
        },
        ROOT,
      ),
    ).toMatchObject({
      mfaRequiredRoles: ['owner', 'finance'],
      passwordMaxAgeDays: 0,
      smtpUrl: 'smtp://127.0.0.1:1025',
    });
    expect(loadConfig({ DEV_AUTH_MFA_REQUIRED_ROLES: '' }, ROOT).mfaRequiredRoles).toEqual([]);
    expect(() => loadConfig({ DEV_AUTH_MFA_REQUIRED_ROLES: 'owner,boss' }, ROOT)).toThrow(
      /DEV_AUTH_MFA_REQUIRED_ROLES="owner,boss": must list roles among owner, manager, finance, sales, viewer/,
    );
    expect(() => loadConfig({ DEV_AUTH_PASSWORD_MAX_AGE_DAYS: 'ninety' }, ROOT)).toThrow(
      /DEV_AUTH_PASSWORD_MAX_AGE_DAYS/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail' }, ROOT)).toThrow(
      /SMTP_URL="http:\/\/mail": must be an smtp/,
    );
  });
});
