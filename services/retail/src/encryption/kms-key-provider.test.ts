import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@showroom/server-kit';
import { composeKeyProvider } from './compose-key-provider';
import { EnvelopeError, openJson, sealJson } from './envelope';
import { KeyProviderUnavailable } from './key-provider';
import { KMS_KEY_ALIAS, KMS_KEY_ARN, fakeKms, type KmsOutage } from './kms-test-support';
import type { KeyProviderConfig } from './config';

const kmsConfig = (keyId = KMS_KEY_ALIAS): KeyProviderConfig => ({
  KEY_PROVIDER: 'kms',
  KMS_KEY_ID: keyId,
  KMS_REGION: 'us-east-1',
  KMS_ENDPOINT: undefined,
  RETAIL_LOCAL_MASTER_KEY: Buffer.alloc(32).toString('base64'),
});

const context = { dealershipId: randomUUID(), applicationId: randomUUID() };

describe('KMS key provider', () => {
  it('asks KMS for an AES-256 data key and unwraps it under the application’s encryption context', async () => {
    const kms = fakeKms();
    const keys = composeKeyProvider(kmsConfig(), kms.clientConfig);

    const envelope = await sealJson(keys, context, { ssn: '078051120' });
    await expect(openJson(keys, context, envelope)).resolves.toEqual({ ssn: '078051120' });

    expect(envelope.keyId).toBe(KMS_KEY_ARN);
    expect(
      kms.sent.map(({ host, method, path, headers, body }) => ({
        host,
        method,
        path,
        target: headers['x-amz-target'],
        contentType: headers['content-type'],
        signed: headers['authorization']?.startsWith('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/') ?? false,
        body,
      })),
    ).toEqual([
      {
        host: 'kms.us-east-1.amazonaws.com',
        method: 'POST',
        path: '/',
        target: 'TrentService.GenerateDataKey',
        contentType: 'application/x-amz-json-1.1',
        signed: true,
        body: { KeyId: KMS_KEY_ALIAS, KeySpec: 'AES_256', EncryptionContext: context },
      },
      {
        host: 'kms.us-east-1.amazonaws.com',
        method: 'POST',
        path: '/',
        target: 'TrentService.Decrypt',
        contentType: 'application/x-amz-json-1.1',
        signed: true,
        body: {
          CiphertextBlob: envelope.encryptedDataKey.toString('base64'),
          KeyId: KMS_KEY_ARN,
          EncryptionContext: context,
        },
      },
    ]);
    expect(JSON.stringify(kms.sent)).not.toContain('078051120');
  });

  it('does not open an application for another dealership: KMS refuses the context', async () => {
    const kms = fakeKms();
    const keys = composeKeyProvider(kmsConfig(), kms.clientConfig);
    const envelope = await sealJson(keys, context, { ssn: '078051120' });

    await expect(openJson(keys, { ...context, dealershipId: randomUUID() }, envelope)).rejects.toBeInstanceOf(
      EnvelopeError,
    );
    expect(kms.sent.at(-1)?.headers['x-amz-target']).toBe('TrentService.Decrypt');
  });

  it('checks the stored key id: a data key claimed by another key is refused', async () => {
    const kms = fakeKms();
    const keys = composeKeyProvider(kmsConfig(), kms.clientConfig);
    const envelope = await sealJson(keys, context, { ssn: '078051120' });
    const otherKey = 'arn:aws:kms:us-east-1:123456789012:key/ffffffff-12ab-34cd-56ef-1234567890ab';

    await expect(openJson(keys, context, { ...envelope, keyId: otherKey })).rejects.toBeInstanceOf(
      EnvelopeError,
    );
    expect(kms.sent.at(-1)?.body['KeyId']).toBe(otherKey);
  });

  it.each<[KmsOutage, RegExp]>([
    ['throttling', /ThrottlingException, HTTP 400/],
    ['server-error', /KMSInternalException, HTTP 500/],
    ['network', /\(Error ECONNREFUSED\)/],
  ])(
    'when KMS does not answer (%s), sealing and opening fail as unavailable, not as a bad envelope',
    async (outage, named) => {
      const kms = fakeKms();
      // One attempt: the SDK's own retries (production) only delay the same answer.
      const keys = composeKeyProvider(kmsConfig(), { ...kms.clientConfig, maxAttempts: 1 });
      const envelope = await sealJson(keys, context, { ssn: '078051120' });
      kms.failWith(outage);

      const sealing = await sealJson(keys, context, { ssn: '078051120' }).catch((error: unknown) => error);
      const opening = await openJson(keys, context, envelope).catch((error: unknown) => error);

      for (const failure of [sealing, opening]) {
        expect(failure).toBeInstanceOf(KeyProviderUnavailable);
        expect((failure as Error).message).toMatch(named);
        // Logged as the service logs errors: the SDK error's type and stack only, not its request
        // (encryption context, signature) or its response.
        const lines: string[] = [];
        createLogger('retail', 'error', { write: (line: string) => lines.push(line) }).error(
          { err: failure },
          'request failed',
        );
        expect(lines[0]).toContain('KeyProviderUnavailable');
        expect(lines[0]).not.toContain(context.applicationId);
        expect(lines[0]).not.toContain('AKIDEXAMPLE');
        expect(lines[0]).not.toContain('$metadata');
        expect(Object.keys((failure as Error).cause as object)).toEqual(['name']);
      }

      kms.failWith(null);
      await expect(openJson(keys, context, envelope)).resolves.toEqual({ ssn: '078051120' });
    },
  );
});
