import { ConfigError, devDefaults, notInProduction } from '@showroom/server-kit';
import { z } from 'zod';

/** The master key of `KEY_PROVIDER=local` on a developer's machine and in tests (never production). */
export const DEV_LOCAL_MASTER_KEY = Buffer.from('showroom-retail-dev-master-key!!').toString('base64');

const MASTER_KEY_BYTES = 32;

const base64Key = z.string().refine(
  (value) => {
    const bytes = Buffer.from(value, 'base64');
    return bytes.length === MASTER_KEY_BYTES && bytes.toString('base64') === value;
  },
  { message: `base64 of ${MASTER_KEY_BYTES} random bytes (openssl rand -base64 32)` },
);

/** The variables of the credit applications' envelope encryption, spread into the retail config. */
export const keyProviderConfigShape = {
  /**
   * Who wraps the data keys of credit applications: `kms` (AWS KMS, GenerateDataKey/Decrypt under an
   * encryption context) or `local` (a master key in the environment, this machine only).
   * Production refuses `local`.
   */
  KEY_PROVIDER: notInProduction(z.enum(['kms', 'local']).default('local'), {
    why: 'keeps the master key of credit applications in the environment, not in KMS',
    isDevValue: (value) => value === 'local',
  }),
  /** The KMS key (id, ARN or alias ARN) that wraps the data keys; required with KEY_PROVIDER=kms. */
  KMS_KEY_ID: notInProduction(z.string().min(1).optional(), {
    why: 'is not set: production wraps the data keys of credit applications under this KMS key',
    isDevValue: (value) => value === undefined,
  }),
  /** The KMS key's region; unset, the SDK's (AWS_REGION, as ECS sets it). */
  KMS_REGION: z.string().min(1).optional(),
  /** A KMS stand-in's URL (tests only). */
  KMS_ENDPOINT: notInProduction(z.url().optional(), devDefaults.localhost),
  /** KEY_PROVIDER=local: base64 of the 32-byte key that wraps the data keys. */
  RETAIL_LOCAL_MASTER_KEY: base64Key.default(DEV_LOCAL_MASTER_KEY),
};

export type KeyProviderConfig = z.output<z.ZodObject<typeof keyProviderConfigShape>>;

export type KeyProviderSettings =
  | { provider: 'kms'; keyId: string; region: string | undefined; endpoint: string | undefined }
  | { provider: 'local'; masterKey: Buffer };

/** What composition needs to build the key provider, or a ConfigError naming the missing variable. */
export function keyProviderSettingsOf(config: KeyProviderConfig): KeyProviderSettings {
  if (config.KEY_PROVIDER === 'local') {
    return { provider: 'local', masterKey: Buffer.from(config.RETAIL_LOCAL_MASTER_KEY, 'base64') };
  }
  if (!config.KMS_KEY_ID) throw new ConfigError(['KMS_KEY_ID: required when KEY_PROVIDER is kms']);
  return {
    provider: 'kms',
    keyId: config.KMS_KEY_ID,
    region: config.KMS_REGION,
    endpoint: config.KMS_ENDPOINT,
  };
}
