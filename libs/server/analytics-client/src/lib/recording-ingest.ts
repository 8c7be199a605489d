import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BusinessEventBatchSchema,
  WRITE_ANALYTICS_EVENTS_SCOPE,
  type AnalyticsEvent,
} from '@showroom/contracts';
import { ANALYTICS_INGEST_PATH } from './ingest-client';

/** One request the stand-in received, as it came (the raw body is what a test searches for personal data). */
export interface RecordedIngestRequest {
  rawBody: string;
  /** The scopes of the bearer token (read from its payload, not verified: the real route verifies). */
  scopes: string[];
  status: number;
}

/**
 * Analytics' internal ingest route as the producers' tests need it: it records every request,
 * checks the token's scope and the batch against the contract like the real route, and keeps each
 * event id once like the engines do. `failWith` makes it answer an outage.
 */
export interface RecordingIngest {
  /** Give this as ANALYTICS_API_URL. */
  url: string;
  requests: RecordedIngestRequest[];
  /** The events stored, each id once, in the order they first arrived. */
  readonly events: AnalyticsEvent[];
  /** How many times each event id was delivered (a redelivery counts again). */
  deliveries: Map<string, number>;
  /** While set, every request is answered with this status and nothing is stored. */
  failWith: number | null;
  /** Forgets what was received. */
  clear(): void;
  close(): Promise<void>;
}

const problem = (status: number, title: string, detail: string) =>
  JSON.stringify({ type: 'about:blank', title, status, detail });

function scopesOf(authorization: string | undefined): string[] | null {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scope?: unknown };
    return typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startRecordingIngest(): Promise<RecordingIngest> {
  const stored = new Map<string, AnalyticsEvent>();
  const ingest = {
    requests: [] as RecordedIngestRequest[],
    deliveries: new Map<string, number>(),
    failWith: null as number | null,
    get events() {
      return [...stored.values()];
    },
    clear() {
      stored.clear();
      ingest.requests.length = 0;
      ingest.deliveries.clear();
    },
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const scopes = scopesOf(req.headers.authorization);
      const answer = (status: number, body: string, type = 'application/problem+json') => {
        ingest.requests.push({ rawBody, scopes: scopes ?? [], status });
        res.writeHead(status, { 'content-type': type }).end(body);
      };
      if (req.method !== 'POST' || req.url !== ANALYTICS_INGEST_PATH) {
        return answer(404, problem(404, 'Not found', `${req.method} ${req.url}`));
      }
      if (scopes === null) return answer(401, problem(401, 'Unauthorized', 'a bearer token is required'));
      if (!scopes.includes(WRITE_ANALYTICS_EVENTS_SCOPE)) {
        return answer(403, problem(403, 'Forbidden', `needs scope ${WRITE_ANALYTICS_EVENTS_SCOPE}`));
      }
      if (ingest.failWith !== null) {
        return answer(ingest.failWith, problem(ingest.failWith, 'Unavailable', 'the stand-in is down'));
      }
      let parsed: ReturnType<typeof BusinessEventBatchSchema.safeParse>;
      try {
        parsed = BusinessEventBatchSchema.safeParse(JSON.parse(rawBody));
      } catch {
        return answer(400, problem(400, 'Bad request', 'the body is not JSON'));
      }
      if (!parsed.success) return answer(400, problem(400, 'Bad request', parsed.error.message));
      for (const event of parsed.data.events) {
        ingest.deliveries.set(event.id, (ingest.deliveries.get(event.id) ?? 0) + 1);
        if (!stored.has(event.id)) stored.set(event.id, event);
      }
      answer(202, JSON.stringify({ accepted: parsed.data.events.length }), 'application/json');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(ingest, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
