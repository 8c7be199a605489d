import { HttpProblem, problems, ServiceResponseError } from '@showroom/server-kit';

/**
 * Another service could not answer (down, timed out, or an unexpected status): a 503 problem naming
 * it, so a shopper or a dealer is told to try again shortly; a job that meets it is tried later. The
 * original error stays as `cause` for the logs (its type and stack only: see loggableError).
 */
export function peerUnavailable(service: string, error: unknown): HttpProblem {
  const problem = problems.serviceUnavailable(
    `The ${service} service is not answering just now; try again in a moment.`,
  );
  problem.cause = error;
  return problem;
}

/** Runs one call to a peer, turning anything but an answer it understood into `peerUnavailable`. */
export async function askPeer<T>(service: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw peerUnavailable(service, error);
  }
}

/** Whether a peer answered with exactly this status. */
export const answered = (error: unknown, status: number): boolean =>
  error instanceof ServiceResponseError && error.status === status;
