import {
  BusinessEventBatchSchema,
  IngestResultSchema,
  MAX_INGEST_EVENTS,
  type BusinessEventBatch,
} from '@showroom/contracts';
import { sendToService, ServiceResponseError, type ServiceTokens } from '@showroom/server-kit';
import { issueText } from './business-event-check';

/** One business event as the ingest route takes it. */
export type BusinessEvent = BusinessEventBatch['events'][number];

/** Where the analytics service takes business events (machine token, scope write:analytics-events). */
export const ANALYTICS_INGEST_PATH = '/internal/analytics/events';

/**
 * Events did not reach analytics. The producer's outbox must keep them and try again: analytics
 * stores each id once, so what an earlier chunk already delivered is harmless to send again.
 */
export class AnalyticsIngestError extends Error {
  constructor(
    message: string,
    /** The HTTP status analytics answered; null when it could not be reached or the batch was refused before sending. */
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AnalyticsIngestError';
  }
}

export interface AnalyticsIngestOptions {
  /** The analytics service's origin (ANALYTICS_API_URL). */
  baseUrl: string;
  /** Machine tokens whose client holds the scope write:analytics-events. */
  tokens: ServiceTokens;
}

/**
 * Posts a producer's business events to analytics' internal ingest route, at most MAX_INGEST_EVENTS
 * per request, one request after the other. It resolves only when every event was accepted; any
 * other outcome throws an AnalyticsIngestError, so the caller's outbox keeps the events and retries.
 */
export class AnalyticsIngestClient {
  constructor(private readonly options: AnalyticsIngestOptions) {}

  /** Sends the events (none: no request); how many analytics accepted. */
  async send(events: readonly BusinessEvent[]): Promise<number> {
    let accepted = 0;
    const chunks = Math.ceil(events.length / MAX_INGEST_EVENTS);
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      const part = events.slice(chunk * MAX_INGEST_EVENTS, (chunk + 1) * MAX_INGEST_EVENTS);
      accepted += await this.post(part, `${part.length} events (request ${chunk + 1} of ${chunks})`);
    }
    return accepted;
  }

  private async post(events: BusinessEvent[], what: string): Promise<number> {
    // Checked here too: a producer's mistake then names the field and the event instead of a bare 400.
    const batch = BusinessEventBatchSchema.safeParse({ events });
    if (!batch.success) {
      const issue = batch.error.issues[0];
      const index = typeof issue?.path[1] === 'number' ? issue.path[1] : null;
      const eventId = index === null ? 'the batch' : `event ${events[index]?.id ?? index}`;
      throw new AnalyticsIngestError(
        `analytics events not sent: ${eventId} is invalid at ${issueText(issue, 2)}`,
        null,
      );
    }
    try {
      const result = await sendToService(
        this.options.baseUrl,
        { method: 'POST', path: ANALYTICS_INGEST_PATH, body: batch.data },
        this.options.tokens,
        IngestResultSchema,
      );
      return result.accepted;
    } catch (error) {
      if (error instanceof ServiceResponseError) {
        throw new AnalyticsIngestError(
          `analytics did not take ${what}: ${error.message}; they stay in the outbox and are sent again`,
          error.status,
          { cause: error },
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new AnalyticsIngestError(
        `sending ${what} to analytics at ${this.options.baseUrl} failed (${reason}); they stay in the outbox and are sent again`,
        null,
        { cause: error },
      );
    }
  }
}
