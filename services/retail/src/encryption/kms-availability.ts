import { reportableError } from '@showroom/server-kit';
import { KeyProviderUnavailable } from './key-provider';

/** Socket errors that mean KMS could not be reached or dropped the connection. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Error names of a request that timed out or was throttled (KMS answers throttling with 400). */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
]);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $retryable?: { throttling?: boolean };
}

/** Whether KMS failed to answer (network, throttling, 5xx) rather than refusing the request. */
export function isKmsUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdk = error as SdkErrorShape;
  const status = sdk.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) return true;
  if (sdk.$retryable?.throttling === true) return true;
  if (UNAVAILABLE_NAMES.has(error.name)) return true;
  return typeof sdk.code === 'string' && NETWORK_CODES.has(sdk.code);
}

/**
 * Runs one KMS call; when KMS does not answer, throws KeyProviderUnavailable naming the operation,
 * the error's type, HTTP status and request id. Its cause is the kit's reportable form (type, code,
 * stack): the SDK error itself, with its request and raw response, goes no further.
 */
export async function askKms<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isKmsUnavailable(error)) throw error;
    const { $metadata: metadata, code } = error as SdkErrorShape;
    const details = [
      typeof code === 'string' ? `${(error as Error).name} ${code}` : (error as Error).name,
      metadata?.httpStatusCode === undefined ? undefined : `HTTP ${metadata.httpStatusCode}`,
      metadata?.requestId === undefined ? undefined : `request ${metadata.requestId}`,
    ].filter((part) => part !== undefined);
    throw new KeyProviderUnavailable(`KMS ${operation} did not answer (${details.join(', ')})`, {
      cause: reportableError(error),
    });
  }
}
