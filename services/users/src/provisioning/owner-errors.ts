import type { ProvisioningStepName } from '@showroom/contracts';
import { ServiceResponseError } from '@showroom/server-kit';
import { z } from 'zod';

/** A failure whose message was written for the dealer (no addresses, ARNs or SDK text): shown as it is. */
export class OwnerFacingError extends Error {
  override name = 'OwnerFacingError';
}

/** What each step reaches over the network, as the owner would name it. */
const REACHES: Record<ProvisioningStepName, string> = {
  'upload-assets': 'the file storage',
  'publish-config': 'the file storage',
  'attach-domain': 'AWS',
  'allow-lead-origins': 'the leads service',
  'invalidate-cdn': 'the CDN or the file storage',
};

/** Socket-level failures: nothing answered. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The error and what it wraps (causes, and the attempts of an AggregateError such as Node's happy eyeballs). */
function chainOf(error: unknown, depth = 0): unknown[] {
  if (!(error instanceof Error) || depth > 5) return [error];
  const nested = error instanceof AggregateError ? error.errors : [];
  return [error, ...[error.cause, ...nested].flatMap((inner) => (inner ? chainOf(inner, depth + 1) : []))];
}

const unreachable = (error: unknown) =>
  chainOf(error).some((part) => {
    if (!(part instanceof Error)) return false;
    const code = (part as { code?: unknown }).code;
    return (
      (typeof code === 'string' && NETWORK_CODES.has(code)) ||
      part.name === 'TimeoutError' ||
      part.name === 'AbortError'
    );
  });

/** An AWS service's refusal (the SDK's ServiceException): its error code and request id, never its message. */
function awsRefusal(error: unknown): { code: string; requestId?: string } | null {
  if (!(error instanceof Error) || !('$fault' in error)) return null;
  const metadata = (error as { $metadata?: { requestId?: string } }).$metadata;
  return { code: error.name, requestId: metadata?.requestId };
}

const PERMISSION = /AccessDenied|NotAuthori[sz]ed|Unauthori[sz]ed|Forbidden/i;
const THROTTLED = /Throttl|TooManyRequests|SlowDown|RequestLimitExceeded/i;

/**
 * What the owner reads of a step's failure: plain words per step, never an SDK's or a socket's own
 * text (addresses, ports, account ids, role ARNs). The raw error goes to the logs only
 * (loggableError), where the request id named here finds it.
 */
export function ownerFacingError(step: ProvisioningStepName, error: unknown): string {
  if (error instanceof OwnerFacingError) return error.message;
  if (error instanceof z.ZodError) return `the site cannot be published as it is: ${z.prettifyError(error)}`;
  if (unreachable(error)) return `could not reach ${REACHES[step]}; retrying`;
  if (error instanceof ServiceResponseError) {
    return error.status >= 500
      ? `${REACHES[step]} is unavailable (it answered ${error.status}); retrying`
      : `${REACHES[step]} refused the request (${error.status}); see logs`;
  }
  const refusal = awsRefusal(error);
  if (refusal) {
    const reference = `see logs${refusal.requestId ? `, request id ${refusal.requestId}` : ''}`;
    if (PERMISSION.test(refusal.code)) return `AWS refused: permission missing (${reference})`;
    if (THROTTLED.test(refusal.code)) return `AWS is limiting requests (${refusal.code}); retrying`;
    return `AWS refused: ${refusal.code} (${reference})`;
  }
  return 'failed unexpectedly; retrying (see logs)';
}

/** What the owner reads when the run failed around a step (reading the site, holding its claim), not in it. */
export const RUN_FAILED =
  'could not start this step: the site’s settings could not be read or saved; retrying (see logs)';
