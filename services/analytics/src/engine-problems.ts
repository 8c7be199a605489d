import { HttpProblem, problems } from '@showroom/server-kit';
import { AnalyticsEngineClosedError, AnalyticsInputError } from './engine/engine-errors';
import type { AnalyticsEngine } from './engine/port';

/** Elasticsearch client errors (by name: the client's classes differ between its CJS and ESM builds). */
const CLUSTER_UNREACHABLE = new Set([
  'ConnectionError',
  'TimeoutError',
  'NoLivingConnectionsError',
  'BulkWriteError',
]);

/** DuckDB errors that say the store, not the request, is at fault (the file, memory, a shutdown). */
const DUCKDB_UNAVAILABLE = /^(IO|Out of Memory|Interrupt|Connection) Error/;

function isEngineUnavailable(error: Error): boolean {
  if (error instanceof AnalyticsEngineClosedError) return true;
  if (CLUSTER_UNREACHABLE.has(error.name)) return true;
  if (error.name === 'ResponseError') {
    const status = (error as Error & { meta?: { statusCode?: number } }).meta?.statusCode ?? 0;
    return status === 429 || status >= 500;
  }
  return DUCKDB_UNAVAILABLE.test(error.message);
}

/**
 * What an engine failure means to the caller: the engine away (closed, the cluster unreachable or
 * overloaded, DuckDB's file failing) is a 503 with Retry-After, so producers' relays and the
 * dashboard try again rather than report a bug; a value the engine refuses is a 400 naming it.
 * Anything else stays as it is (a 500: a bug to look at). The original error is kept as `cause`.
 */
export function engineProblem(error: unknown): unknown {
  if (error instanceof HttpProblem || !(error instanceof Error)) return error;
  let problem: HttpProblem | undefined;
  if (error instanceof AnalyticsInputError) {
    problem = problems.validation(
      [{ name: 'request', reason: error.message }],
      'The analytics engine refused a value of the request.',
    );
  } else if (isEngineUnavailable(error)) {
    problem = problems.serviceUnavailable(
      'The analytics engine is not answering just now; try again in a moment.',
    );
  }
  if (!problem) return error;
  problem.cause = error;
  return problem;
}

/** The engine as the routes use it: every method's failure turned into a problem by engineProblem. */
export function withEngineProblems(engine: AnalyticsEngine): AnalyticsEngine {
  return new Proxy(engine, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw engineProblem(error);
        }
      };
    },
  });
}
