import { describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import { loadUsersConfig } from './config';

describe('users configuration', () => {
  const productionProblems = (env: Record<string, string>): string[] => {
    try {
      loadUsersConfig({ NODE_ENV: 'production', ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map((p) => p.split(/[= ]/)[0] as string);
      throw error;
    }
    return [];
  };

  it('in production refuses a localhost issuer and databases, naming each variable', () => {
    expect(
      productionProblems({ USERS_DATABASE_READER_URLS: 'mysql://r@127.0.0.1:3307/showroom_users' }).slice(
        0,
        3,
      ),
    ).toEqual(['AUTH_ISSUER_BASE_URL', 'USERS_DATABASE_URL', 'USERS_DATABASE_READER_URLS']);
  });

  it('in production refuses the local media bucket and sites on localhost over http', () => {
    expect(productionProblems({})).toEqual(
      expect.arrayContaining([
        'S3_BUCKET',
        'S3_ENDPOINT',
        'S3_KMS_KEY_ID',
        'MEDIA_PUBLIC_URL',
        'SITES_PLATFORM_DOMAIN',
        'SITES_ORIGIN_TEMPLATE',
      ]),
    );
    expect(productionProblems({ SITES_PLATFORM_DOMAIN: 'demo.localhost' })).toContain(
      'SITES_PLATFORM_DOMAIN',
    );
  });

  it('in production takes https sites under the platform domain it is given', () => {
    const problems = productionProblems({
      SITES_PLATFORM_DOMAIN: 'sites.showroom.dev',
      SITES_ORIGIN_TEMPLATE: 'https://{host}',
    });
    expect(
      problems.filter((name) => name.startsWith('SITES_PLATFORM') || name.startsWith('SITES_ORIGIN')),
    ).toEqual([]);
  });

  it('reads the platform domain in lower case and refuses an origin template without {host}', () => {
    expect(loadUsersConfig({ SITES_PLATFORM_DOMAIN: 'Sites.Showroom.DEV' }).SITES_PLATFORM_DOMAIN).toBe(
      'sites.showroom.dev',
    );
    expect(() => loadUsersConfig({ SITES_ORIGIN_TEMPLATE: 'http://localhost:4400' })).toThrow(
      /SITES_ORIGIN_TEMPLATE="http:\/\/localhost:4400" is invalid/,
    );
  });

  it('lets the services and the identity provider’s Action call internal routes by default', () => {
    expect(loadUsersConfig({}).MACHINE_CLIENT_IDS).toEqual(['showroom-services', 'showroom-actions']);
  });
});
