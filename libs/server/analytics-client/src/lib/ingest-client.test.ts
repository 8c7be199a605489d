import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_EVENT_FIELDS, MAX_INGEST_EVENTS, WRITE_ANALYTICS_EVENTS_SCOPE } from '@showroom/contracts';
import type { ServiceTokens } from '@showroom/server-kit';
import { freePort } from '@showroom/server-testing';
import { AnalyticsIngestClient, AnalyticsIngestError, type BusinessEvent } from './ingest-client';
import { startRecordingIngest, type RecordingIngest } from './recording-ingest';

/** A token shaped like a JWT: the stand-in reads its scopes, it does not verify signatures. */
const tokenWith = (scopes: string[]): ServiceTokens => ({
  token: async () =>
    ['{"alg":"none"}', JSON.stringify({ scope: scopes.join(' ') }), 'x']
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.'),
});

const dealershipId = randomUUID();
const event = (n: number, overrides: Partial<BusinessEvent> = {}): BusinessEvent => ({
  ...EMPTY_EVENT_FIELDS,
  id: `test:${n}`,
  dealershipId,
  type: 'lead_created',
  occurredAt: new Date(Date.UTC(2026, 11, 1, 12, 0, n % 60)).toISOString(),
  source: 'autotrader',
  channel: 'adf',
  leadId: randomUUID(),
  ...overrides,
});

describe('AnalyticsIngestClient', () => {
  let ingest: RecordingIngest;
  let client: AnalyticsIngestClient;
  beforeAll(async () => {
    ingest = await startRecordingIngest();
    client = new AnalyticsIngestClient({
      baseUrl: ingest.url,
      tokens: tokenWith([WRITE_ANALYTICS_EVENTS_SCOPE]),
    });
  });
  afterAll(() => ingest.close());
  beforeEach(() => {
    ingest.clear();
    ingest.failWith = null;
  });

  it('when a relay sends more events than one request may carry, then they go in requests of at most MAX_INGEST_EVENTS and all are accepted', async () => {
    const events = Array.from({ length: MAX_INGEST_EVENTS * 2 + 7 }, (_, n) => event(n));

    const accepted = await client.send(events);

    expect(accepted).toBe(events.length);
    expect(ingest.requests.map((r) => JSON.parse(r.rawBody).events.length)).toEqual([
      MAX_INGEST_EVENTS,
      MAX_INGEST_EVENTS,
      7,
    ]);
    expect(ingest.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('when there is nothing to send, then no request is made', async () => {
    await expect(client.send([])).resolves.toBe(0);
    expect(ingest.requests).toHaveLength(0);
  });

  it('when analytics answers 503, then the send fails with the status so the outbox retries, and a resend after it is back stores each event once', async () => {
    ingest.failWith = 503;
    const events = [event(1), event(2)];

    const failure = await client.send(events).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AnalyticsIngestError);
    expect(failure).toMatchObject({ status: 503 });
    expect((failure as Error).message).toMatch(/answered 503.*sent again/);
    ingest.failWith = null;
    await client.send(events);
    await client.send(events);
    expect(ingest.events).toHaveLength(2);
    expect(ingest.deliveries.get('test:1')).toBe(2);
  });

  it('when analytics cannot be reached, then the send fails without a status and names the address', async () => {
    const baseUrl = `http://127.0.0.1:${await freePort()}`;
    const down = new AnalyticsIngestClient({ baseUrl, tokens: tokenWith([WRITE_ANALYTICS_EVENTS_SCOPE]) });

    const failure = await down.send([event(1)]).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AnalyticsIngestError);
    expect(failure).toMatchObject({ status: null });
    expect((failure as Error).message).toContain(baseUrl);
  });

  it('when the machine token lacks write:analytics-events, then the 403 is an error, not a silent loss', async () => {
    const unscoped = new AnalyticsIngestClient({ baseUrl: ingest.url, tokens: tokenWith(['read:team']) });

    await expect(unscoped.send([event(1)])).rejects.toMatchObject({ status: 403 });
    expect(ingest.events).toHaveLength(0);
  });

  it('when a producer builds an invalid event, then nothing is sent and the error names the event and the field', async () => {
    const bad = event(9, { responseSeconds: -5 });

    const failure = await client.send([event(1), bad]).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AnalyticsIngestError);
    expect((failure as Error).message).toContain('event test:9');
    expect((failure as Error).message).toContain('responseSeconds');
    expect(ingest.requests).toHaveLength(0);
  });
});
