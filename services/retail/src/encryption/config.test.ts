import { ConfigError, serviceConfigLoader } from '@showroom/server-kit';
import { describe, expect, it } from 'vitest';
import { DEV_LOCAL_MASTER_KEY, keyProviderConfigShape, keyProviderSettingsOf } from './config';

const load = serviceConfigLoader(3004, keyProviderConfigShape);
/** Production with the base variables set, so only this shape's refusals remain. */
const PRODUCTION = { NODE_ENV: 'production', AUTH_ISSUER_BASE_URL: 'https://showroom.eu.auth0.com/' };

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.split(/[=: ]/)[0] as string);
    throw error;
  }
  return [];
};

describe('key provider configuration', () => {
  it('wraps data keys locally under the fixed development key outside production', () => {
    const settings = keyProviderSettingsOf(load({}));
    expect(settings).toEqual({ provider: 'local', masterKey: Buffer.from(DEV_LOCAL_MASTER_KEY, 'base64') });
    expect(settings.provider === 'local' && settings.masterKey.length).toBe(32);
  });

  it('production refuses the local provider and requires the KMS key', () => {
    expect(problemsOf(() => load(PRODUCTION))).toEqual(['KEY_PROVIDER', 'KMS_KEY_ID']);
    expect(problemsOf(() => load({ ...PRODUCTION, KEY_PROVIDER: 'kms' }))).toEqual(['KMS_KEY_ID']);
    expect(
      problemsOf(() =>
        load({
          ...PRODUCTION,
          KEY_PROVIDER: 'kms',
          KMS_KEY_ID: 'arn:aws:kms:us-east-1:123456789012:alias/showroom-retail-pii',
          KMS_ENDPOINT: 'http://127.0.0.1:4599',
        }),
      ),
    ).toEqual(['KMS_ENDPOINT']);
  });

  it('KMS in production reads the key, its region and no endpoint', () => {
    const config = load({
      ...PRODUCTION,
      KEY_PROVIDER: 'kms',
      KMS_KEY_ID: 'arn:aws:kms:us-east-1:123456789012:alias/showroom-retail-pii',
      KMS_REGION: 'us-east-1',
    });
    expect(keyProviderSettingsOf(config)).toEqual({
      provider: 'kms',
      keyId: 'arn:aws:kms:us-east-1:123456789012:alias/showroom-retail-pii',
      region: 'us-east-1',
      endpoint: undefined,
    });
  });

  it('KMS without a key stops the service at composition, naming the variable', () => {
    expect(problemsOf(() => keyProviderSettingsOf(load({ KEY_PROVIDER: 'kms' })))).toEqual(['KMS_KEY_ID']);
  });

  it('refuses a local master key that is not base64 of 32 bytes', () => {
    expect(
      problemsOf(() => load({ RETAIL_LOCAL_MASTER_KEY: Buffer.alloc(16, 7).toString('base64') })),
    ).toEqual(['RETAIL_LOCAL_MASTER_KEY']);
    expect(problemsOf(() => load({ RETAIL_LOCAL_MASTER_KEY: 'not base64 at all!' }))).toEqual([
      'RETAIL_LOCAL_MASTER_KEY',
    ]);
  });
});
