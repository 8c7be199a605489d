import { describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import { loadUsersConfig } from '../config';
import { composeProvisioner } from './compose-provisioning';
import { testLogger } from '@showroom/server-testing';
import { SiteUrls } from '../websites/site-urls';
import { objectStoreAt } from './test-support';

const problemsOf = (load: () => unknown): string[] => {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.split(/[=: ]/)[0] as string);
    throw error;
  }
  return [];
};

describe('provisioning configuration', () => {
  it('production refuses local hosting, a local leads service and the development machine secret', () => {
    expect(problemsOf(() => loadUsersConfig({ NODE_ENV: 'production' }))).toEqual(
      expect.arrayContaining(['SITES_HOSTING', 'LEADS_API_URL', 'AUTH_CLIENT_SECRET']),
    );
    const configured = problemsOf(() =>
      loadUsersConfig({
        NODE_ENV: 'production',
        SITES_HOSTING: 'aws',
        SITES_CLOUDFRONT_DISTRIBUTION_ID: 'E2QWRUHAPOMQZL',
        LEADS_API_URL: 'http://leads.showroom.internal:3003',
        AUTH_CLIENT_SECRET: 'from-secrets-manager',
      }),
    );
    expect(
      configured.filter((name) => ['SITES_HOSTING', 'LEADS_API_URL', 'AUTH_CLIENT_SECRET'].includes(name)),
    ).toEqual([]);
  });

  it('AWS hosting without the distribution stops the service, naming the variable', () => {
    const config = loadUsersConfig({ SITES_HOSTING: 'aws' });
    const parts = {
      db: {} as never,
      objects: objectStoreAt('http://127.0.0.1:9'),
      urls: new SiteUrls(config),
      logger: testLogger(),
    };
    expect(problemsOf(() => composeProvisioner(config, parts))).toEqual(['SITES_CLOUDFRONT_DISTRIBUTION_ID']);
    expect(problemsOf(() => loadUsersConfig({ SITES_CLOUDFRONT_DISTRIBUTION_ID: 'not an id' }))).toEqual([
      'SITES_CLOUDFRONT_DISTRIBUTION_ID',
    ]);
  });

  it('reads the zones records may be written in: the sites zone and the comma list of delegated zones', () => {
    expect(loadUsersConfig({})).toMatchObject({ SITES_CUSTOMER_ZONE_IDS: [] });
    expect(
      loadUsersConfig({
        SITES_HOSTED_ZONE_ID: 'Z0SITES1234',
        SITES_CUSTOMER_ZONE_IDS: 'Z0HARBOR123, Z0ELSEWHERE9',
      }),
    ).toMatchObject({
      SITES_HOSTED_ZONE_ID: 'Z0SITES1234',
      SITES_CUSTOMER_ZONE_IDS: ['Z0HARBOR123', 'Z0ELSEWHERE9'],
    });
    expect(problemsOf(() => loadUsersConfig({ SITES_CUSTOMER_ZONE_IDS: 'Z0OK1,/hostedzone/Z0BAD' }))).toEqual(
      ['SITES_CUSTOMER_ZONE_IDS.1'],
    );
  });

  it('backs off from a minute up to an hour, and leases a run for five minutes, by default', () => {
    expect(loadUsersConfig({})).toMatchObject({
      SITES_HOSTING: 'local',
      SITES_CERTIFICATE_REGION: 'us-east-1',
      PROVISIONING_RETRY_FIRST_MS: 60_000,
      PROVISIONING_RETRY_MAX_MS: 3_600_000,
      PROVISIONING_LEASE_MS: 300_000,
    });
  });
});
