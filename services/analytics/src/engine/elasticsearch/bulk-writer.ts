import type { Client, estypes } from '@elastic/elasticsearch';
import { backoffMs } from '@showroom/server-kit';

/**
 * Bulk requests that survive a busy cluster. Elasticsearch answers a bulk request with one status
 * per item: a 429 (its write queue is full) or a 5xx (a shard moving, a node leaving) fails only
 * those items, so only those are sent again, after a growing pause. Anything else an item can get
 * (a 400 for a document the mapping refuses) will not get better by waiting and fails at once.
 */
export interface BulkRetryPolicy {
  /** Tries per item, the first included. */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BULK_RETRY: BulkRetryPolicy = { attempts: 5, firstDelayMs: 200, maxDelayMs: 5_000 };

/** One bulk action and, except for delete, the line after it. */
export interface BulkOperation {
  action: estypes.BulkOperationContainer;
  body: object;
  /** How the operation is named in an error (an event or vehicle id; never a document's content). */
  label: string;
  /** A 409 means the stored document is newer (an external version): nothing to write, not a failure. */
  conflictIsStale?: boolean;
}

/**
 * What became of an operation: written now, already there (a create whose id exists), or stale
 * (a versioned write older than the stored document).
 */
export type BulkOutcome = 'written' | 'exists' | 'stale';

export class BulkWriteError extends Error {
  constructor(
    message: string,
    readonly failures: readonly { label: string; status: number; reason: string }[],
  ) {
    super(message);
    this.name = 'BulkWriteError';
  }
}

type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A status worth another try: the cluster is overloaded or briefly without a shard. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function statusOfRequestError(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const named = error as { name?: string; meta?: { statusCode?: number } };
  // The client's error classes differ between its ESM and CJS builds, so they are told apart by name.
  if (named.name === 'ResponseError') return named.meta?.statusCode ?? null;
  if (named.name === 'ConnectionError' || named.name === 'TimeoutError') return 503;
  return null;
}

/**
 * Sends the operations, retrying the items (or the whole request) that failed for a reason that
 * passes. Resolves with each operation's outcome in order; rejects with a BulkWriteError naming
 * the operations that could not be written.
 */
export async function writeBulk(
  client: Client,
  operations: readonly BulkOperation[],
  options: { refresh: boolean | 'wait_for'; retry: BulkRetryPolicy; sleep?: Sleep },
): Promise<BulkOutcome[]> {
  const outcomes: (BulkOutcome | undefined)[] = new Array(operations.length);
  const permanent: { label: string; status: number; reason: string }[] = [];
  let pending = operations.map((_, index) => index);
  let lastFailure = '';
  const wait = options.sleep ?? sleep;

  for (let attempt = 1; pending.length > 0 && attempt <= options.retry.attempts; attempt += 1) {
    if (attempt > 1) await wait(backoffMs(options.retry.firstDelayMs, attempt - 1, options.retry.maxDelayMs));
    let response: estypes.BulkResponse;
    try {
      response = await client.bulk(
        {
          operations: pending.flatMap((index) => [operations[index]!.action, operations[index]!.body]),
          refresh: options.refresh,
        },
        // These retries have a backoff and know the items; the client's own would resend at once.
        { maxRetries: 0 },
      );
    } catch (error) {
      const status = statusOfRequestError(error);
      if (status === null || !isRetryableStatus(status)) throw error;
      lastFailure = `the bulk request failed with ${status}`;
      continue;
    }
    const retry: number[] = [];
    response.items.forEach((item, position) => {
      const index = pending[position]!;
      const operation = operations[index]!;
      const result = Object.values(item)[0] as estypes.BulkResponseItem;
      if (result.status >= 200 && result.status < 300) outcomes[index] = 'written';
      // A create whose id is already stored: the event arrived before (a redelivered batch).
      else if (result.status === 409 && Object.keys(operation.action as object)[0] === 'create')
        outcomes[index] = 'exists';
      else if (result.status === 409 && operation.conflictIsStale) outcomes[index] = 'stale';
      else if (isRetryableStatus(result.status)) {
        retry.push(index);
        lastFailure = `${result.status} ${result.error?.type ?? ''}`.trim();
      } else
        permanent.push({
          label: operation.label,
          status: result.status,
          reason: `${result.error?.type ?? 'error'}: ${result.error?.reason ?? 'no reason given'}`,
        });
    });
    pending = retry;
  }

  if (permanent.length > 0 || pending.length > 0) {
    const failures = [
      ...permanent,
      ...pending.map((index) => ({
        label: operations[index]!.label,
        status: 0,
        reason: `gave up: ${lastFailure}`,
      })),
    ];
    throw new BulkWriteError(
      `${failures.length} of ${operations.length} bulk operations failed (first: ${failures[0]!.label}, ${failures[0]!.reason})`,
      failures,
    );
  }
  return outcomes as BulkOutcome[];
}
