import { Client } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import { errors } from './cjs-errors';

export interface RecordedRequest {
  method: string;
  path: string;
  querystring: Record<string, string>;
  body: unknown;
}

type Answer = (request: RecordedRequest) => unknown;

/** The mock's connection, which cannot be closed as is (Client.close() calls close on each connection). */
export function closableConnection(mock: Mock) {
  return class extends mock.getConnection() {
    override async close(): Promise<void> {
      // Nothing to release: the mock holds no sockets.
    }
  };
}

/**
 * A cluster that records every request the client sends and answers each from a queue of scripted
 * answers per `METHOD path` (or `{ acknowledged: true }`), for the tests that pin request bodies.
 */
export class RecordingCluster {
  readonly requests: RecordedRequest[] = [];
  private readonly answers = new Map<string, Answer[]>();
  private readonly mock = new Mock();

  constructor() {
    // `*` may only end a mock path: this one catches everything.
    this.mock.add({ method: ['GET', 'POST', 'PUT', 'HEAD', 'DELETE'], path: '*' }, (params) => {
      const request = params as unknown as RecordedRequest;
      this.requests.push({
        method: request.method,
        path: request.path,
        querystring: request.querystring,
        body: request.body,
      });
      const answer = this.answers.get(`${request.method} ${request.path}`)?.shift();
      const fallback = request.path.endsWith('/_bulk') ? bulkAnswer() : () => ({ acknowledged: true });
      return (answer ?? fallback)(request) as Record<string, unknown>;
    });
  }

  client(): Client {
    return new Client({ node: 'http://recording-cluster:9200', Connection: closableConnection(this.mock) });
  }

  /** Answers the next request to `METHOD path` (in order, once each). */
  answer(route: string, ...answers: Answer[]): this {
    this.answers.set(route, [...(this.answers.get(route) ?? []), ...answers]);
    return this;
  }

  to(route: string): RecordedRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route);
  }
}

export const failure = (statusCode: number, type: string) =>
  new errors.ResponseError({
    body: { error: { type, reason: `${type} (scripted)` }, status: statusCode },
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

/** A bulk response with the given status per item, in the order of the request's actions. */
export function bulkAnswer(...statuses: number[]): Answer {
  return (request) => {
    const lines = request.body as Record<string, { _index: string; _id: string }>[];
    const actions = lines.filter((_, i) => i % 2 === 0);
    return {
      took: 1,
      errors: statuses.some((s) => s >= 300),
      items: actions.map((action, i) => {
        const [op, meta] = Object.entries(action)[0]!;
        const status = statuses[i] ?? 201;
        return {
          [op]: {
            _index: meta._index,
            _id: meta._id,
            status,
            ...(status >= 300
              ? {
                  error: {
                    type: status === 409 ? 'version_conflict_engine_exception' : 'scripted_exception',
                    reason: 'scripted',
                  },
                }
              : {}),
          },
        };
      }),
    };
  };
}
