import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@showroom/contracts';

/**
 * Turns whatever an HTTP call failed with into an RFC 9457 problem, so screens handle one shape.
 * Services answer problem+json; a proxy, a network failure or a crash may not.
 */
export function problemOf(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isProblem(body)) return body;
    if (error.status === 0) {
      return {
        type: 'about:blank',
        title: 'Showroom cannot be reached',
        status: 0,
        detail: 'Check your connection and try again.',
      };
    }
    return {
      type: 'about:blank',
      title: error.statusText && error.statusText !== 'OK' ? error.statusText : 'Request failed',
      status: error.status,
    };
  }
  return {
    type: 'about:blank',
    title: 'Something went wrong',
    status: 0,
    detail: error instanceof Error ? error.message : undefined,
  };
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['title'] === 'string' && typeof candidate['status'] === 'number';
}
