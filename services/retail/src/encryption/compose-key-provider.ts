import type { KMSClientConfig } from '@aws-sdk/client-kms';
import { keyProviderSettingsOf, type KeyProviderConfig } from './config';
import type { KeyProvider } from './key-provider';
import { KmsKeyProvider, kmsClient } from './kms-key-provider';
import { LocalKeyProvider } from './local-key-provider';

/**
 * The key provider the config names: KMS (production) or the local master key. Throws a ConfigError
 * naming KMS_KEY_ID when KMS has no key. `kmsOverrides` lets tests record the SDK's transport.
 */
export function composeKeyProvider(
  config: KeyProviderConfig,
  kmsOverrides: Partial<KMSClientConfig> = {},
): KeyProvider {
  const settings = keyProviderSettingsOf(config);
  if (settings.provider === 'local') return new LocalKeyProvider(settings.masterKey);
  return new KmsKeyProvider(kmsClient(settings, kmsOverrides), settings.keyId);
}
