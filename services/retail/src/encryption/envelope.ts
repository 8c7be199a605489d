import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyProviderUnavailable, type EncryptionContext, type KeyProvider } from './key-provider';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A JSON value sealed under its own data key: every part is stored, none readable alone. */
export interface Envelope {
  keyId: string;
  encryptedDataKey: Buffer;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

/** An envelope that does not open: altered, or opened for another dealership or application. */
export class EnvelopeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvelopeError';
  }
}

/** The ciphertext's associated data: it opens only for the dealership and application it was sealed for. */
const aadOf = ({ dealershipId, applicationId }: EncryptionContext): Buffer =>
  Buffer.from(`${dealershipId}|${applicationId}`, 'utf8');

/**
 * Seals `value` as JSON with AES-256-GCM under a fresh data key from `keys` (random 12-byte IV, AAD
 * binding the dealership and application); the clear data key and the clear JSON are zeroed after.
 */
export async function sealJson(
  keys: KeyProvider,
  context: EncryptionContext,
  value: unknown,
): Promise<Envelope> {
  const dataKey = await keys.generateDataKey(context);
  const clear = Buffer.from(JSON.stringify(value), 'utf8');
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', dataKey.plaintext, iv);
    cipher.setAAD(aadOf(context));
    const ciphertext = Buffer.concat([cipher.update(clear), cipher.final()]);
    return {
      keyId: dataKey.keyId,
      encryptedDataKey: dataKey.encrypted,
      iv,
      authTag: cipher.getAuthTag(),
      ciphertext,
    };
  } finally {
    dataKey.plaintext.fill(0);
    clear.fill(0);
  }
}

/**
 * Opens an envelope sealed by {@link sealJson} for the same context; throws EnvelopeError otherwise,
 * or KeyProviderUnavailable when the key provider does not answer.
 */
export async function openJson(
  keys: KeyProvider,
  context: EncryptionContext,
  envelope: Envelope,
): Promise<unknown> {
  if (envelope.iv.length !== IV_BYTES || envelope.authTag.length !== TAG_BYTES) {
    throw new EnvelopeError('the envelope’s IV or tag has the wrong length');
  }
  let dataKey: Buffer;
  try {
    dataKey = await keys.decryptDataKey(envelope.encryptedDataKey, envelope.keyId, context);
  } catch (error) {
    // KMS not answering says nothing about the envelope: the caller may try again.
    if (error instanceof KeyProviderUnavailable) throw error;
    throw new EnvelopeError('the envelope’s data key does not unwrap for this context', { cause: error });
  }
  let clear: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, envelope.iv);
    decipher.setAAD(aadOf(context));
    decipher.setAuthTag(envelope.authTag);
    clear = Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
    return JSON.parse(clear.toString('utf8')) as unknown;
  } catch (error) {
    throw new EnvelopeError('the envelope does not open for this context (altered or misplaced)', {
      cause: error,
    });
  } finally {
    dataKey.fill(0);
    clear?.fill(0);
  }
}
