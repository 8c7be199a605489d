import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openJson, sealJson, EnvelopeError, type Envelope } from './envelope';
import { LocalKeyProvider } from './local-key-provider';

const keys = new LocalKeyProvider(Buffer.alloc(32, 0x5a));
const context = { dealershipId: randomUUID(), applicationId: randomUUID() };
const application = { applicant: { ssn: '123456789', dateOfBirth: '1980-04-02', firstName: 'Dana' } };

/** A copy of `buffer` with one bit of byte `at` flipped. */
const flipped = (buffer: Buffer, at = 0): Buffer => {
  const copy = Buffer.from(buffer);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

describe('envelope', () => {
  it('opens what it sealed, for the same dealership and application', async () => {
    const envelope = await sealJson(keys, context, application);
    expect(envelope.keyId).toBe(keys.keyId);
    expect(envelope.iv).toHaveLength(12);
    expect(envelope.authTag).toHaveLength(16);
    expect(envelope.ciphertext.toString('utf8')).not.toContain('123456789');
    await expect(openJson(keys, context, envelope)).resolves.toEqual(application);
  });

  it('seals each application under its own IV and data key', async () => {
    const [a, b] = await Promise.all([
      sealJson(keys, context, application),
      sealJson(keys, context, application),
    ]);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.encryptedDataKey.equals(b.encryptedDataKey)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('refuses an altered ciphertext, tag, IV or wrapped key', async () => {
    const envelope = await sealJson(keys, context, application);
    const altered: Envelope[] = [
      { ...envelope, ciphertext: flipped(envelope.ciphertext, 5) },
      { ...envelope, authTag: flipped(envelope.authTag) },
      { ...envelope, iv: flipped(envelope.iv) },
      { ...envelope, encryptedDataKey: flipped(envelope.encryptedDataKey, 40) },
      { ...envelope, ciphertext: envelope.ciphertext.subarray(1) },
    ];
    for (const envelopeAltered of altered) {
      await expect(openJson(keys, context, envelopeAltered)).rejects.toBeInstanceOf(EnvelopeError);
    }
  });

  it('opens only for the dealership and application it was sealed for (AAD)', async () => {
    const envelope = await sealJson(keys, context, application);
    await expect(openJson(keys, { ...context, dealershipId: randomUUID() }, envelope)).rejects.toBeInstanceOf(
      EnvelopeError,
    );
    await expect(
      openJson(keys, { ...context, applicationId: randomUUID() }, envelope),
    ).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('refuses a data key wrapped by another key, or claimed by another key id', async () => {
    const envelope = await sealJson(keys, context, application);
    const otherKeys = new LocalKeyProvider(Buffer.alloc(32, 0x33));
    await expect(openJson(otherKeys, context, envelope)).rejects.toBeInstanceOf(EnvelopeError);
    await expect(
      openJson(otherKeys, context, { ...envelope, keyId: otherKeys.keyId }),
    ).rejects.toBeInstanceOf(EnvelopeError);
  });

  it('zeroes the clear data key once sealed and once opened', async () => {
    const handedOut: Buffer[] = [];
    const watching = {
      generateDataKey: async (c: typeof context) => {
        const key = await keys.generateDataKey(c);
        handedOut.push(key.plaintext);
        return key;
      },
      decryptDataKey: async (...args: Parameters<LocalKeyProvider['decryptDataKey']>) => {
        const key = await keys.decryptDataKey(...args);
        handedOut.push(key);
        return key;
      },
    };
    const envelope = await sealJson(watching, context, application);
    await expect(openJson(watching, context, envelope)).resolves.toEqual(application);
    expect(handedOut).toHaveLength(2);
    for (const key of handedOut) expect(key.equals(Buffer.alloc(32))).toBe(true);
  });
});

describe('local key provider', () => {
  it('names its key by the master key’s fingerprint', () => {
    expect(keys.keyId).toMatch(/^local:[0-9a-f]{16}$/);
    expect(new LocalKeyProvider(Buffer.alloc(32, 0x33)).keyId).not.toBe(keys.keyId);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => new LocalKeyProvider(Buffer.alloc(16))).toThrow('32 bytes');
  });
});
