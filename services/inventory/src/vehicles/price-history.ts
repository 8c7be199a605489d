import type { Kysely } from 'kysely';
import type { PriceHistory } from '@showroom/contracts';
import { forDealership, type DealershipQueries } from '@showroom/server-mysql';
import type { InventoryDatabase } from '../database';
import { vehicleExists } from './repository';

export type PriceChangeSource = 'portal' | 'import';

export interface PriceChange {
  vehicleId: string;
  fromCents: number | null;
  toCents: number | null;
  currency: string;
  at: Date;
  source: PriceChangeSource;
}

/**
 * The outbox event of a lower price, for price alerts (analytics takes every price change as
 * vehicle_price_changed: analytics/vehicle-events.ts).
 */
export const PRICE_DROPPED = 'price_dropped';

export interface PriceDroppedPayload {
  vehicleId: string;
  fromCents: number;
  toCents: number;
  currency: string;
  source: PriceChangeSource;
  at: string;
}

/**
 * In the caller's transaction: a row in vehicle_price_history and, when the price went down, a
 * `price_dropped` row in inventory_events. A price that stays the same records nothing.
 */
export async function recordPriceChange(
  tenant: DealershipQueries<InventoryDatabase>,
  change: PriceChange,
): Promise<void> {
  await recordPriceChanges(tenant, [change]);
}

/** {@link recordPriceChange} of many vehicles at once (an import's batch), in two statements at most. */
export async function recordPriceChanges(
  tenant: DealershipQueries<InventoryDatabase>,
  changes: readonly PriceChange[],
): Promise<void> {
  const changed = changes.filter((change) => change.fromCents !== change.toCents);
  if (changed.length === 0) return;
  await tenant
    .insertInto('vehicle_price_history')
    .values(
      changed.map(({ vehicleId, fromCents, toCents, currency, at, source }) => ({
        vehicle_id: vehicleId,
        from_cents: fromCents,
        to_cents: toCents,
        currency,
        source,
        changed_at: at,
      })),
    )
    .execute();
  const drops = changed.flatMap(({ vehicleId, fromCents, toCents, currency, at, source }) =>
    fromCents !== null && toCents !== null && toCents < fromCents
      ? [{ vehicleId, fromCents, toCents, currency, source, at }]
      : [],
  );
  if (drops.length === 0) return;
  await tenant
    .insertInto('inventory_events')
    .values(
      drops.map(({ at, ...drop }) => {
        const payload: PriceDroppedPayload = { ...drop, at: at.toISOString() };
        return { type: PRICE_DROPPED, payload: JSON.stringify(payload), created_at: at };
      }),
    )
    .execute();
}

/** A vehicle's prices, oldest first; null when the dealership has no such vehicle. */
export async function readPriceHistory(
  db: Kysely<InventoryDatabase>,
  dealershipId: string,
  vehicleId: string,
): Promise<PriceHistory | null> {
  const tenant = forDealership(db, dealershipId);
  if (!(await vehicleExists(tenant, vehicleId))) return null;
  const rows = await tenant
    .selectFrom('vehicle_price_history')
    .select(['from_cents', 'to_cents', 'currency', 'source', 'changed_at'])
    .where('vehicle_id', '=', vehicleId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  return {
    vehicleId,
    entries: rows.map((row) => ({
      fromCents: row.from_cents === null ? null : Number(row.from_cents),
      toCents: row.to_cents === null ? null : Number(row.to_cents),
      currency: row.currency,
      source: row.source,
      changedAt: row.changed_at.toISOString(),
    })),
  };
}
