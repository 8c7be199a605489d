import { createHmac } from 'node:crypto';
import { unixNow, type EventObject } from './stripe-objects';

/** How one event's delivery to the webhook endpoint went. */
export interface WebhookDelivery {
  eventId: string;
  type: EventObject['type'];
  /** The checkout session the event is about. */
  sessionId: string;
  attempts: number;
  delivered: boolean;
  /** The endpoint's last HTTP status; null when it could not be reached. */
  lastStatus: number | null;
  /** An attempt is under way or another will follow; false once delivered or given up. */
  retrying: boolean;
}

/**
 * The `Stripe-Signature` header Stripe sends: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload"
 * keyed by the endpoint's signing secret>`, which `stripe.webhooks.constructEvent` verifies.
 */
export function stripeSignature(payload: string, secret: string, timestamp = unixNow()): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  /** Waits before each retry of a failed delivery (Stripe retries for days; the sandbox a few times). */
  retryDelaysMs: readonly number[];
  /** Each attempt's time limit. */
  timeoutMs?: number;
}

/** Posts events to the webhook endpoint as Stripe does: signed, at least once, retried on failure. */
export class WebhookSender {
  private readonly records: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  /** Starts delivering `event`; returns at once (the hosted page does not wait for the merchant). */
  send(event: EventObject): void {
    const record: WebhookDelivery = {
      eventId: event.id,
      type: event.type,
      sessionId: event.data.object.id,
      attempts: 0,
      delivered: false,
      lastStatus: null,
      retrying: true,
    };
    this.records.push(record);
    // Stripe sends the event pretty-printed; the signature covers these exact bytes.
    this.attempt(record, JSON.stringify(event, null, 2));
  }

  deliveries(): WebhookDelivery[] {
    return this.records.map((record) => ({ ...record }));
  }

  /** Stops retrying and waits for the attempts under way. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private attempt(record: WebhookDelivery, payload: string): void {
    if (this.closed) return;
    const attempt = this.post(record, payload).finally(() => this.inFlight.delete(attempt));
    this.inFlight.add(attempt);
  }

  private async post(record: WebhookDelivery, payload: string): Promise<void> {
    record.attempts++;
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': stripeSignature(payload, this.options.secret),
        },
        body: payload,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      record.lastStatus = response.status;
      record.delivered = response.ok;
    } catch {
      record.lastStatus = null;
    }
    const delay = this.options.retryDelaysMs[record.attempts - 1];
    if (record.delivered || delay === undefined || this.closed) {
      record.retrying = false;
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(record, payload);
    }, delay);
    this.timers.add(timer);
  }
}
