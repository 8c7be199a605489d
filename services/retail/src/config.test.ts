import { describe, expect, it } from 'vitest';
import { ConfigError } from '@showroom/server-kit';
import { DEV_DEAL_LINK_SECRET, loadRetailConfig } from './config';

/** What a production task sets: every variable named, none of them this machine's. */
const PRODUCTION: Record<string, string> = {
  NODE_ENV: 'production',
  AUTH_ISSUER_BASE_URL: 'https://showroom.us.auth0.com/',
  RETAIL_DATABASE_URL: 'mysql://retail:secret@retail.cluster.rds.amazonaws.com:3306/showroom_retail',
  REDIS_URL: 'rediss://showroom.cache.amazonaws.com:6379/0',
  S3_BUCKET: 'showroom-prod-media',
  S3_ENDPOINT: 'https://s3.us-east-1.amazonaws.com',
  S3_KMS_KEY_ID: 'arn:aws:kms:us-east-1:123456789012:key/media',
  MEDIA_PUBLIC_URL: 'https://media.showroom.dev',
  USERS_API_URL: 'http://users.showroom.internal:3002',
  INVENTORY_API_URL: 'http://inventory.showroom.internal:3001',
  LEADS_API_URL: 'http://leads.showroom.internal:3003',
  ANALYTICS_API_URL: 'http://analytics.showroom.internal:3005',
  AUTH_CLIENT_SECRET: 'a-real-machine-secret',
  SMTP_URL: 'smtps://user:pass@email-smtp.us-east-1.amazonaws.com:465',
  DEAL_LINK_SECRET: 'x'.repeat(48),
  KEY_PROVIDER: 'kms',
  KMS_KEY_ID: 'arn:aws:kms:us-east-1:123456789012:key/pii',
  STRIPE_SECRET_KEY: 'sk_live_realkey',
  STRIPE_WEBHOOK_SECRET: 'whsec_realsecret',
  STRIPE_API_URL: 'https://api.stripe.com',
};

/** The variables a production start refuses, by name. */
function refused(env: Record<string, string>): string[] {
  try {
    loadRetailConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.split(/[= ]/)[0] as string);
    throw error;
  }
  return [];
}

describe('retail configuration', () => {
  it('starts on this machine’s defaults outside production', () => {
    const config = loadRetailConfig({});
    expect(config.PORT).toBe(3004);
    expect(config.RETAIL_DATABASE_URL).toBe('mysql://root@127.0.0.1:3306/showroom_retail');
    expect(config.DEAL_LINK_SECRET).toBe(DEV_DEAL_LINK_SECRET);
  });

  it('in production refuses every development default, naming each variable', () => {
    expect(refused({ NODE_ENV: 'production' })).toEqual(
      expect.arrayContaining([
        'AUTH_ISSUER_BASE_URL',
        'RETAIL_DATABASE_URL',
        'REDIS_URL',
        'S3_BUCKET',
        'S3_ENDPOINT',
        'USERS_API_URL',
        'INVENTORY_API_URL',
        'LEADS_API_URL',
        'ANALYTICS_API_URL',
        'AUTH_CLIENT_SECRET',
        'SMTP_URL',
        'DEAL_LINK_SECRET',
        'KEY_PROVIDER',
        'STRIPE_SECRET_KEY',
        'STRIPE_API_URL',
      ]),
    );
  });

  it('in production starts when every variable is its own', () => {
    expect(refused(PRODUCTION)).toEqual([]);
  });

  it('in production refuses the development deal-link secret even when everything else is set', () => {
    expect(refused({ ...PRODUCTION, DEAL_LINK_SECRET: DEV_DEAL_LINK_SECRET })).toEqual(['DEAL_LINK_SECRET']);
  });

  it('refuses a deal-link secret too short to sign links with', () => {
    expect(() => loadRetailConfig({ DEAL_LINK_SECRET: 'short' })).toThrow(
      /DEAL_LINK_SECRET="short" is invalid/,
    );
  });
});
