import type { Kysely, Selectable } from 'kysely';
import type { Logger } from 'pino';
import { EMPTY_EVENT_FIELDS } from '@showroom/contracts';
import {
  checkBusinessEvent,
  type AnalyticsIngestClient,
  type BusinessEventCheck,
} from '@showroom/server-analytics-client';
import { PollingWorker } from '@showroom/server-kit';
import { acrossDealerships } from '@showroom/server-mysql';
import type { InventoryDatabase, InventoryEventTable } from '../database';
import { VEHICLE_EVENT_TYPES, type VehicleEventPayload } from './vehicle-events';

export interface AnalyticsRelaySettings {
  /** The wait between the end of one pass and the next. */
  intervalMs: number;
  /** Rows read and sent at a time (at most MAX_INGEST_EVENTS go in one request; the client splits more). */
  batchSize: number;
}

export interface AnalyticsRelayDeps {
  writer: Kysely<InventoryDatabase>;
  analytics: Pick<AnalyticsIngestClient, 'send'>;
  settings: AnalyticsRelaySettings;
  logger: Logger;
  clock: () => Date;
}

type EventRow = Pick<Selectable<InventoryEventTable>, 'id' | 'dealership_id' | 'type' | 'payload'>;

/**
 * Ships the inventory outbox's vehicle events to analytics, oldest first, and marks each row once
 * analytics has it: at least once (a crash between the send and the mark sends the rows again,
 * and analytics keeps each id `inventory:<row id>` once). Nothing is locked while analytics is
 * called, so vehicle writes never wait for it; two instances may send the same rows side by side,
 * which is as harmless. Analytics down: the pass fails, the rows stay unmarked, the next pass
 * tries again. A row that can never become a valid event is set aside (marked, with its reason in
 * analytics_skipped, and logged) so it cannot stop the relay for every dealership.
 */
export class AnalyticsRelay {
  readonly worker: PollingWorker;

  constructor(private readonly deps: AnalyticsRelayDeps) {
    this.worker = new PollingWorker({
      name: 'inventory analytics relay',
      run: () => this.shipDue(),
      intervalMs: deps.settings.intervalMs,
      logger: deps.logger,
    });
  }

  /** Ships until no unshipped vehicle event is left (or the worker stops); how many were shipped. */
  async shipDue(): Promise<number> {
    const { writer, analytics, settings } = this.deps;
    let shipped = 0;
    while (!this.worker.stopping) {
      const rows = await acrossDealerships(writer)
        .selectFrom('inventory_events')
        .select(['id', 'dealership_id', 'type', 'payload'])
        .where('analytics_shipped_at', 'is', null)
        .where('type', 'in', [...VEHICLE_EVENT_TYPES])
        .orderBy('id')
        .limit(settings.batchSize)
        .execute();
      if (rows.length === 0) break;
      // Analytics refuses a whole batch for one bad event, so each row is checked on its own: a row
      // that can never be valid is set aside rather than failing every pass for the rows behind it.
      const checked = rows.map((row) => ({ row, check: analyticsEventOf(row) }));
      const events = checked.flatMap(({ check }) => (check.ok ? [check.event] : []));
      await analytics.send(events);
      await this.markShipped(rows.filter((_, i) => checked[i]?.check.ok).map((row) => row.id));
      for (const { row, check } of checked) if (!check.ok) await this.setAside(row, check.problem);
      shipped += events.length;
      if (rows.length < settings.batchSize) break;
    }
    if (shipped > 0) this.deps.logger.debug({ shipped }, 'vehicle events shipped to analytics');
    return shipped;
  }

  private async markShipped(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await acrossDealerships(this.deps.writer)
      .updateTable('inventory_events')
      .set({ analytics_shipped_at: this.deps.clock() })
      .where('id', 'in', ids)
      .execute();
  }

  /** Marks a row handled with the reason, and says so: the row id leads to it; no vehicle detail is logged. */
  private async setAside(row: EventRow, problem: string): Promise<void> {
    await acrossDealerships(this.deps.writer)
      .updateTable('inventory_events')
      .set({ analytics_shipped_at: this.deps.clock(), analytics_skipped: problem.slice(0, 300) })
      .where('id', '=', row.id)
      .execute();
    this.deps.logger.warn(
      { inventoryEventId: row.id, dealershipId: row.dealership_id, type: row.type, problem },
      'vehicle event set aside: it cannot become a valid analytics event; the rows after it are shipped',
    );
  }
}

/**
 * The analytics event of an outbox row, checked against the ingest contract: its id is the row's,
 * so every redelivery is the same event. A row that cannot be one (a payload that is not an object
 * or lacks a field, an empty make, a year or price outside the contract) gets the reason instead.
 */
export function analyticsEventOf(row: EventRow): BusinessEventCheck {
  const payload = payloadOf(row);
  if (!payload) return { ok: false, problem: 'payload: not a JSON object' };
  return checkBusinessEvent({
    ...EMPTY_EVENT_FIELDS,
    id: `inventory:${row.id}`,
    dealershipId: row.dealership_id,
    type: row.type,
    occurredAt: payload.at,
    vehicleId: payload.vehicleId,
    priceCents: payload.priceCents,
    listedAt: payload.listedAt,
    daysOnLot: payload.daysOnLot,
    // The contract's limits, which the lot's own are within; clipped so a long name is still counted.
    vehicleCondition: clip(payload.condition, 20),
    make: clip(payload.make, 40),
    model: clip(payload.model, 60),
    year: payload.year,
  });
}

/** The row's payload; null when it is not a JSON object (the parser's message would quote the text). */
function payloadOf(row: EventRow): Partial<VehicleEventPayload> | null {
  try {
    // MariaDB's JSON is text; another driver setting may hand it parsed.
    const payload: unknown = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    return payload !== null && typeof payload === 'object' ? payload : null;
  } catch {
    return null;
  }
}

/** Text cut to a field's length; anything else is left for the contract to refuse. */
const clip = (value: unknown, max: number): unknown =>
  typeof value === 'string' ? value.slice(0, max) : value;
