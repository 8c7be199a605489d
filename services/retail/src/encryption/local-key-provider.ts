import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import {
  DATA_KEY_BYTES,
  KeyProviderError,
  type DataKey,
  type EncryptionContext,
  type KeyProvider,
} from './key-provider';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The wrapped key's associated data: it unwraps only for the same application of the same dealership. */
const contextAad = ({ dealershipId, applicationId }: EncryptionContext): Buffer =>
  Buffer.from(`${dealershipId}|${applicationId}`, 'utf8');

/**
 * Wraps data keys with AES-256-GCM under a master key from the environment (RETAIL_LOCAL_MASTER_KEY):
 * a developer's machine and tests only (production refuses KEY_PROVIDER=local). A wrapped key is
 * iv (12 bytes) | tag (16) | encrypted key (32).
 */
export class LocalKeyProvider implements KeyProvider {
  readonly keyId: string;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== DATA_KEY_BYTES) {
      throw new KeyProviderError(`the local master key must be ${DATA_KEY_BYTES} bytes`);
    }
    this.keyId = `local:${createHash('sha256').update(masterKey).digest('hex').slice(0, 16)}`;
  }

  async generateDataKey(context: EncryptionContext): Promise<DataKey> {
    const plaintext = randomBytes(DATA_KEY_BYTES);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(contextAad(context));
    const wrapped = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return { plaintext, encrypted: Buffer.concat([iv, cipher.getAuthTag(), wrapped]), keyId: this.keyId };
  }

  async decryptDataKey(encrypted: Buffer, keyId: string, context: EncryptionContext): Promise<Buffer> {
    if (keyId !== this.keyId)
      throw new KeyProviderError(`the data key was wrapped by ${keyId}, not ${this.keyId}`);
    if (encrypted.length !== IV_BYTES + TAG_BYTES + DATA_KEY_BYTES) {
      throw new KeyProviderError('the wrapped data key has the wrong length');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.masterKey, encrypted.subarray(0, IV_BYTES));
      decipher.setAAD(contextAad(context));
      decipher.setAuthTag(encrypted.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(encrypted.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch (error) {
      throw new KeyProviderError('the wrapped data key does not open under this master key and context', {
        cause: error,
      });
    }
  }
}
