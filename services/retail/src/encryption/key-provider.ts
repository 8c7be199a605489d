/**
 * Binds a wrapped data key to the application it seals: KMS (and the local provider) unwrap it only
 * with the same context, and KMS writes it to CloudTrail, so every unwrap names its application.
 */
export interface EncryptionContext {
  dealershipId: string;
  applicationId: string;
}

/** A fresh data key: `plaintext` seals one application and is zeroed after; `encrypted` is stored. */
export interface DataKey {
  plaintext: Buffer;
  encrypted: Buffer;
  /** The key that wrapped it (a KMS key ARN, or `local:<fingerprint>`), stored next to it. */
  keyId: string;
}

/** Where data keys come from and are unwrapped: AWS KMS in production, a local master key elsewhere. */
export interface KeyProvider {
  generateDataKey(context: EncryptionContext): Promise<DataKey>;
  /** The data key `encrypted` wraps, if `keyId` wrapped it under this same context; throws otherwise. */
  decryptDataKey(encrypted: Buffer, keyId: string, context: EncryptionContext): Promise<Buffer>;
}

/** A data key could not be made or unwrapped; the message names no key material and no personal data. */
export class KeyProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyProviderError';
  }
}

/**
 * The key provider did not answer (network, throttling, its own server error): nothing is wrong with
 * the application or the key, so the caller may try again shortly. It carries only a loggable form of
 * what went wrong (type, code, stack), never the provider's error with its request and response.
 */
export class KeyProviderUnavailable extends KeyProviderError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyProviderUnavailable';
  }
}

/** The 256-bit data keys of AES-256-GCM. */
export const DATA_KEY_BYTES = 32;
