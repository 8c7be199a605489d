import type { Kysely, Selectable } from 'kysely';
import type { Logger } from 'pino';
import { EMPTY_EVENT_FIELDS } from '@showroom/contracts';
import type { AnalyticsIngestClient, BusinessEvent } from '@showroom/server-analytics-client';
import { PollingWorker } from '@showroom/server-kit';
import { acrossDealerships } from '@showroom/server-mysql';
import type { InventoryDatabase, InventoryEventTable } from '../database';
import { VEHICLE_EVENT_TYPES, type VehicleEventPayload, type VehicleEventType } from './vehicle-events';

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
 * tries again.
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
    const { writer, analytics, settings, clock } = this.deps;
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
      await analytics.send(rows.map(analyticsEventOf));
      await acrossDealerships(writer)
        .updateTable('inventory_events')
        .set({ analytics_shipped_at: clock() })
        .where(
          'id',
          'in',
          rows.map((row) => row.id),
        )
        .execute();
      shipped += rows.length;
      if (rows.length < settings.batchSize) break;
    }
    if (shipped > 0) this.deps.logger.debug({ shipped }, 'vehicle events shipped to analytics');
    return shipped;
  }
}

/** The analytics event of an outbox row: its id is the row's, so every redelivery is the same event. */
export function analyticsEventOf(row: EventRow): BusinessEvent {
  // MariaDB's JSON is text; another driver setting may hand it parsed.
  const payload = (
    typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
  ) as VehicleEventPayload;
  return {
    ...EMPTY_EVENT_FIELDS,
    id: `inventory:${row.id}`,
    dealershipId: row.dealership_id,
    type: row.type as VehicleEventType,
    occurredAt: payload.at,
    vehicleId: payload.vehicleId,
    priceCents: payload.priceCents,
    listedAt: payload.listedAt,
    daysOnLot: payload.daysOnLot,
    // The contract's limits, which the lot's own are within; clipped so one odd row never blocks the relay.
    vehicleCondition: payload.condition.slice(0, 20),
    make: payload.make.slice(0, 40),
    model: payload.model.slice(0, 60),
    year: payload.year,
  };
}
