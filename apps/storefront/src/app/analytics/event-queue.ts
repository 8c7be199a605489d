import {
  MAX_SHOPPER_BATCH_BYTES,
  MAX_SHOPPER_EVENTS_PER_BATCH,
  type ShopperEventBatch,
  type ShopperEventInput,
} from '@showroom/contracts';

/** A batch without its events: the visit's id, source, sampling and consent. */
export type BatchEnvelope = Omit<ShopperEventBatch, 'events'>;

/** How batches leave the page. */
export interface BatchSender {
  /** While the page lives: a `fetch` (keepalive, so a navigation does not cancel it). */
  post(body: string): void;
  /** As the page goes away: `navigator.sendBeacon`; false when the browser would not take it. */
  beacon(body: string): boolean;
}

export interface QueueTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** How often queued events are sent while the shopper browses. */
export const FLUSH_EVERY_MS = 5_000;

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text).length;

/**
 * Shopper events waiting to be sent, in batches: every few seconds while there are any, at once
 * when a batch is full (MAX_SHOPPER_EVENTS_PER_BATCH), and by beacon when the page is hidden or
 * closed — the last events of a visit are the ones a `fetch` would lose.
 */
export class ShopperEventQueue {
  private events: ShopperEventInput[] = [];
  private timer: unknown = null;

  constructor(
    private readonly envelope: BatchEnvelope,
    private readonly sender: BatchSender,
    private readonly timers: QueueTimers,
  ) {}

  get size(): number {
    return this.events.length;
  }

  add(event: ShopperEventInput): void {
    this.events.push(event);
    if (this.events.length >= MAX_SHOPPER_EVENTS_PER_BATCH) this.flush();
    else this.timer ??= this.timers.set(() => this.flush(), FLUSH_EVERY_MS);
  }

  /** Sends what is queued: posted, or by beacon when the page is going away. */
  flush(how: 'post' | 'beacon' = 'post'): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    const events = this.events;
    this.events = [];
    for (const body of batchBodiesOf(this.envelope, events)) {
      // A beacon the browser refuses (its queue is full) is tried as a keepalive fetch instead.
      if (how === 'post' || !this.sender.beacon(body)) this.sender.post(body);
    }
  }
}

/**
 * The events as batch bodies the collection route takes: at most MAX_SHOPPER_EVENTS_PER_BATCH
 * events and MAX_SHOPPER_BATCH_BYTES bytes each (searches with many filters are the large ones).
 */
export function batchBodiesOf(envelope: BatchEnvelope, events: readonly ShopperEventInput[]): string[] {
  const bodies: string[] = [];
  let batch: ShopperEventInput[] = [];
  const bodyOf = (list: ShopperEventInput[]) => JSON.stringify({ ...envelope, events: list });
  for (const event of events) {
    const next = [...batch, event];
    if (next.length <= MAX_SHOPPER_EVENTS_PER_BATCH && bytesOf(bodyOf(next)) <= MAX_SHOPPER_BATCH_BYTES) {
      batch = next;
      continue;
    }
    if (batch.length > 0) bodies.push(bodyOf(batch));
    // An event too large for a batch of its own cannot be sent at all.
    batch = bytesOf(bodyOf([event])) <= MAX_SHOPPER_BATCH_BYTES ? [event] : [];
  }
  if (batch.length > 0) bodies.push(bodyOf(batch));
  return bodies;
}
