import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Readable } from 'node:stream';
import type { KMSClientConfig } from '@aws-sdk/client-kms';

/** A request as it left the SDK, signed and serialised. */
export interface SentToKms {
  host: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export const KMS_KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const KMS_KEY_ALIAS = 'alias/showroom-retail-pii';

interface Wrapped {
  plaintext: Buffer;
  context: unknown;
  keyArn: string;
}

/** How KMS fails to answer: throttled (400 ThrottlingException), its own 500, or no connection at all. */
export type KmsOutage = 'throttling' | 'server-error' | 'network';

const error = (type: string, message: string, status = 400) => ({
  status,
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type },
  body: JSON.stringify({ __type: type, message }),
});

/**
 * KMS as the adapter sees it (JSON protocol, TrentService): GenerateDataKey wraps a random key under
 * its encryption context, Decrypt unwraps it only with the same context and key, as KMS does. The
 * SDK's transport is replaced by this recording handler, so nothing leaves the machine and every
 * request is checked as sent. `failWith(outage)` makes every later request fail that way (still
 * recorded); `failWith(null)` answers again.
 */
export function fakeKms() {
  const sent: SentToKms[] = [];
  const wrapped = new Map<string, Wrapped>();
  let outage: KmsOutage | null = null;
  const answer = (request: SentToKms) => {
    if (outage === 'network') {
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    }
    if (outage === 'throttling') return error('ThrottlingException', 'Rate exceeded');
    if (outage === 'server-error') {
      return error('KMSInternalException', 'An internal error occurred', 500);
    }
    const target = request.headers['x-amz-target'];
    const body = request.body;
    if (target === 'TrentService.GenerateDataKey') {
      if (body['KeyId'] !== KMS_KEY_ALIAS && body['KeyId'] !== KMS_KEY_ARN) {
        return error('NotFoundException', `Key '${String(body['KeyId'])}' does not exist`);
      }
      const plaintext = randomBytes(32);
      const blob = randomBytes(184);
      wrapped.set(blob.toString('base64'), {
        plaintext,
        context: body['EncryptionContext'],
        keyArn: KMS_KEY_ARN,
      });
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({
          CiphertextBlob: blob.toString('base64'),
          Plaintext: plaintext.toString('base64'),
          KeyId: KMS_KEY_ARN,
        }),
      };
    }
    if (target === 'TrentService.Decrypt') {
      const key = wrapped.get(String(body['CiphertextBlob']));
      if (!key || !isDeepStrictEqual(key.context, body['EncryptionContext'])) {
        return error('InvalidCiphertextException', '');
      }
      if (body['KeyId'] !== undefined && body['KeyId'] !== key.keyArn) {
        return error(
          'IncorrectKeyException',
          'The key ID in the request does not identify a CMK that can perform this operation.',
        );
      }
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({
          KeyId: key.keyArn,
          Plaintext: key.plaintext.toString('base64'),
          EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
        }),
      };
    }
    throw new Error(`no KMS answer for ${String(target)}`);
  };
  const requestHandler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: {
      hostname: string;
      method: string;
      path: string;
      headers: Record<string, string>;
      body?: unknown;
    }) {
      const text =
        typeof request.body === 'string'
          ? request.body
          : request.body instanceof Uint8Array
            ? new TextDecoder().decode(request.body)
            : '{}';
      const record: SentToKms = {
        host: request.hostname,
        method: request.method,
        path: request.path,
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
        body: JSON.parse(text) as Record<string, unknown>,
      };
      sent.push(record);
      const reply = answer(record);
      return {
        response: {
          statusCode: reply.status,
          headers: reply.headers,
          body: Readable.from([Buffer.from(reply.body)]),
        },
      };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
  const clientConfig: Partial<KMSClientConfig> = {
    requestHandler,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  };
  const failWith = (next: KmsOutage | null) => {
    outage = next;
  };
  return { clientConfig, sent, failWith };
}
