import { DecryptCommand, GenerateDataKeyCommand, KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import {
  DATA_KEY_BYTES,
  KeyProviderError,
  type DataKey,
  type EncryptionContext,
  type KeyProvider,
} from './key-provider';
import { askKms } from './kms-availability';

/** KMS's encryption context: string to string, logged by CloudTrail with each call. */
const kmsContext = ({ dealershipId, applicationId }: EncryptionContext): Record<string, string> => ({
  dealershipId,
  applicationId,
});

/**
 * Data keys from AWS KMS: GenerateDataKey (AES_256) under the configured customer-managed key and
 * Decrypt with the stored key id, both under the application's encryption context (the key policy
 * lets only the retail task do either, and only with a context). When KMS does not answer (network,
 * throttling, 5xx, after the SDK's own retries) either throws KeyProviderUnavailable.
 */
export class KmsKeyProvider implements KeyProvider {
  constructor(
    private readonly kms: KMSClient,
    /** KMS_KEY_ID: the key's id, ARN or alias. */
    private readonly keyId: string,
  ) {}

  async generateDataKey(context: EncryptionContext): Promise<DataKey> {
    const answer = await askKms('GenerateDataKey', () =>
      this.kms.send(
        new GenerateDataKeyCommand({
          KeyId: this.keyId,
          KeySpec: 'AES_256',
          EncryptionContext: kmsContext(context),
        }),
      ),
    );
    if (!answer.Plaintext || !answer.CiphertextBlob || !answer.KeyId) {
      throw new KeyProviderError('KMS answered GenerateDataKey without a key');
    }
    if (answer.Plaintext.length !== DATA_KEY_BYTES) {
      throw new KeyProviderError(
        `KMS answered a ${answer.Plaintext.length}-byte data key, not ${DATA_KEY_BYTES}`,
      );
    }
    return {
      plaintext: Buffer.from(answer.Plaintext),
      encrypted: Buffer.from(answer.CiphertextBlob),
      keyId: answer.KeyId,
    };
  }

  async decryptDataKey(encrypted: Buffer, keyId: string, context: EncryptionContext): Promise<Buffer> {
    const answer = await askKms('Decrypt', () =>
      this.kms.send(
        new DecryptCommand({
          CiphertextBlob: encrypted,
          KeyId: keyId,
          EncryptionContext: kmsContext(context),
        }),
      ),
    );
    if (answer.KeyId !== keyId) {
      throw new KeyProviderError(`KMS decrypted with ${answer.KeyId ?? 'no key'}, not the stored ${keyId}`);
    }
    if (!answer.Plaintext) throw new KeyProviderError('KMS answered Decrypt without a key');
    return Buffer.from(answer.Plaintext);
  }
}

/** The KMS client production builds (region and endpoint from the config; the SDK's defaults otherwise). */
export function kmsClient(
  settings: { region: string | undefined; endpoint: string | undefined },
  overrides: Partial<KMSClientConfig> = {},
): KMSClient {
  return new KMSClient({
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...overrides,
  });
}
