import { describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import { loadUsersConfig } from './config';

describe('users configuration', () => {
  it('in production refuses a localhost issuer and databases, naming each variable', () => {
    let error: unknown;
    try {
      loadUsersConfig({
        NODE_ENV: 'production',
        USERS_DATABASE_READER_URLS: 'mysql://r@127.0.0.1:3307/showroom_users',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split('=')[0])).toEqual([
      'AUTH_ISSUER_BASE_URL',
      'USERS_DATABASE_URL',
      'USERS_DATABASE_READER_URLS',
    ]);
  });

  it('lets the services and the identity provider’s Action call internal routes by default', () => {
    expect(loadUsersConfig({}).MACHINE_CLIENT_IDS).toEqual(['showroom-services', 'showroom-actions']);
  });
});
