import { ConfigError, serviceConfigLoader } from '@showroom/server-kit';
import { describe, expect, it } from 'vitest';
import { LOCAL_MEDIA_BUCKET, storageConfigShape } from './storage-config';

const load = serviceConfigLoader(3999, storageConfigShape);
const production = {
  NODE_ENV: 'production',
  AUTH_ISSUER_BASE_URL: 'https://auth.example.com/',
  S3_BUCKET: 'showroom-prod-media',
  S3_REGION: 'eu-west-1',
  S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com',
  S3_KMS_KEY_ID: 'arn:aws:kms:eu-west-1:111122223333:key/platform',
  MEDIA_PUBLIC_URL: 'https://www.showroom.example/media/',
};

describe('storageConfigShape', () => {
  it('defaults to the local s3rver and the local edge in development', () => {
    const config = load({});
    expect(config.S3_BUCKET).toBe(LOCAL_MEDIA_BUCKET);
    expect(config.S3_ENDPOINT).toBe('http://127.0.0.1:4569');
    expect(config.S3_KMS_KEY_ID).toBeUndefined();
    expect(config.MEDIA_PUBLIC_URL).toBe('http://localhost:4200/media');
  });

  it('takes production values, without a trailing slash on the media URL', () => {
    const config = load(production);
    expect(config.MEDIA_PUBLIC_URL).toBe('https://www.showroom.example/media');
    expect(config.S3_KMS_KEY_ID).toBe(production.S3_KMS_KEY_ID);
  });

  it.each([
    ['S3_BUCKET', undefined, 'S3_BUCKET="showroom-media-local" is a development value'],
    ['S3_ENDPOINT', undefined, 'S3_ENDPOINT="http://127.0.0.1:4569" points at this machine'],
    ['S3_KMS_KEY_ID', undefined, 'S3_KMS_KEY_ID=undefined is missing'],
    [
      'MEDIA_PUBLIC_URL',
      'http://localhost:4200/media',
      'MEDIA_PUBLIC_URL="http://localhost:4200/media" points',
    ],
  ])('refuses to start in production with %s=%s', (name, value, message) => {
    const env: Record<string, string | undefined> = { ...production, [name]: value };
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('names a bad bucket name', () => {
    expect(() => load({ S3_BUCKET: 'No_Such' })).toThrow(/S3_BUCKET="No_Such" is invalid/);
  });
});
