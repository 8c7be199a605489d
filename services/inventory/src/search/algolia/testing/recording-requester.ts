import { createAlgoliaClient, type AlgoliaClientOptions } from '../algolia-client';

/** One request as it left the client's transport, decoded for assertions. */
export interface RecordedRequest {
  method: string;
  host: string;
  /** The path without the query string, e.g. `/1/indexes/showroom_test_vehicles/query`. */
  path: string;
  /** Query string parameters, except the client's agent and request id. */
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The JSON body, parsed (undefined for none). */
  body: unknown;
}

export interface Answer {
  status: number;
  body?: unknown;
  /** The requester's "the host did not answer in time". */
  timedOut?: boolean;
}

export type Responder = (request: RecordedRequest) => Answer | Promise<Answer>;

/** The client's transport seam: records every request and answers it with `respond`. */
export class RecordingRequester {
  readonly requests: RecordedRequest[] = [];

  constructor(private respond: Responder) {}

  answerWith(respond: Responder): void {
    this.respond = respond;
  }

  /** The requests to Algolia's API itself, without the polling of tasks. */
  get calls(): RecordedRequest[] {
    return this.requests.filter((request) => !/\/task\//.test(request.path));
  }

  readonly send = async (request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    data?: string | Uint8Array;
  }): Promise<{ status: number; content: string; isTimedOut: boolean }> => {
    const url = new URL(request.url);
    const query = Object.fromEntries(
      [...url.searchParams].filter(([name]) => name !== 'x-algolia-agent' && name !== 'x-algolia-request-id'),
    );
    const recorded: RecordedRequest = {
      method: request.method,
      host: url.host,
      path: decodeURIComponent(url.pathname),
      query,
      headers: request.headers,
      body: typeof request.data === 'string' ? JSON.parse(request.data) : undefined,
    };
    this.requests.push(recorded);
    const answer = await this.respond(recorded);
    return {
      status: answer.timedOut ? 0 : answer.status,
      content: answer.body === undefined ? '' : JSON.stringify(answer.body),
      isTimedOut: answer.timedOut ?? false,
    };
  };
}

export const TEST_APP_ID = 'TESTAPP';
export const TEST_ADMIN_KEY = 'test-admin-key-never-sent-anywhere';

/** A client whose every request goes to `requester`, never to the network. */
export function recordedClient(requester: RecordingRequester, options: AlgoliaClientOptions = {}) {
  return createAlgoliaClient(
    { appId: TEST_APP_ID, apiKey: TEST_ADMIN_KEY },
    { requester: { send: requester.send }, ...options },
  );
}

/** Algolia's answers to writes and task polls, for tests that only look at requests. */
export function acknowledgeEverything(request: RecordedRequest): Answer {
  if (request.path.includes('/task/'))
    return { status: 200, body: { status: 'published', pendingTask: false } };
  if (request.path.endsWith('/batch') || request.path.endsWith('/settings'))
    return { status: 200, body: { taskID: 1, objectIDs: [], updatedAt: '2026-12-06T08:00:00.000Z' } };
  return { status: 200, body: { taskID: 1, updatedAt: '2026-12-06T08:00:00.000Z' } };
}
