import { describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import { loadInventoryConfig } from './config';

describe('inventory configuration in production', () => {
  it('refuses the development defaults, naming each variable', () => {
    let error: unknown;
    try {
      loadInventoryConfig({ NODE_ENV: 'production', BUGSNAG_REQUIRED: 'true' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(/[= ]/)[0])).toEqual([
      'AUTH_ISSUER_BASE_URL',
      'INVENTORY_DATABASE_URL',
      'S3_BUCKET',
      'S3_ENDPOINT',
      'S3_KMS_KEY_ID',
      'MEDIA_PUBLIC_URL',
      'REDIS_URL',
      'USERS_API_URL',
      'ANALYTICS_API_URL',
      'AUTH_CLIENT_SECRET',
      'BUGSNAG_API_KEY',
    ]);
  });

  it('starts on production addresses', () => {
    const config = loadInventoryConfig({
      NODE_ENV: 'production',
      AUTH_ISSUER_BASE_URL: 'https://showroom.us.auth0.com/',
      INVENTORY_DATABASE_URL: 'mysql://inventory@writer.db.internal:3306/showroom_inventory',
      INVENTORY_DATABASE_READER_URLS: 'mysql://inventory@reader.db.internal:3306/showroom_inventory',
      REDIS_URL: 'rediss://cache.internal:6379/0',
      USERS_API_URL: 'http://users.showroom.internal:3002',
      ANALYTICS_API_URL: 'http://analytics.showroom.internal:3005',
      AUTH_CLIENT_SECRET: 'from-secrets-manager',
      S3_BUCKET: 'showroom-prod-media',
      S3_ENDPOINT: 'https://s3.us-east-1.amazonaws.com',
      S3_KMS_KEY_ID: 'arn:aws:kms:us-east-1:111122223333:key/platform',
      MEDIA_PUBLIC_URL: 'https://www.showroom.example/media',
    });
    expect(config.INVENTORY_DATABASE_READER_URLS).toHaveLength(1);
    expect(config.MEDIA_PUBLIC_URL).toBe('https://www.showroom.example/media');
  });
});
