import { clipReason } from '@showroom/server-kit';
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Insertable, type Selectable } from 'kysely';
import type {
  ImportField,
  ImportRules,
  VehicleCondition,
  VehicleInputParsed,
  VehicleUpdateParsed,
} from '@showroom/contracts';
import type { DealershipQueries } from '@showroom/server-mysql';
import {
  factsOfNewRow,
  recordVehicleEvents,
  vehicleEventsOf,
  type VehicleEvent,
} from '../analytics/vehicle-events';
import type { InventoryDatabase, VehicleTable } from '../database';
import { recordPriceChanges, type PriceChange } from '../vehicles/price-history';
import { columnsFromInput, newVehicleRow } from '../vehicles/vehicle-row';
import type { CsvFault } from './csv-file';
import type { ReadRow, RowIssue } from './row-values';

type VehicleRow = Selectable<VehicleTable>;

/** Another worker took the import over (this one was thought dead): stop without writing. */
export class LostClaim extends Error {}

/** Stock numbers for new vehicles of a file without them, continuing after the lot's highest. */
export interface StockNumbers {
  next(condition: VehicleCondition): Promise<string>;
}

export interface Batch {
  importId: string;
  /** The job's cursor this batch follows; another value means another worker moved it. */
  expectedCursor: number;
  /** The file line of the batch's last record: the cursor once committed. */
  lastLine: number;
  rows: readonly ReadRow[];
  faults: readonly CsvFault[];
  rules: ImportRules;
  now: Date;
}

const FIELD_OF_KEY: Partial<Record<string, ImportField>> = { priceCents: 'price', msrpCents: 'msrp' };
const same = (a: unknown, b: unknown) => String(a ?? null) === String(b ?? null);
const centsOf = (value: number | string | null) => (value === null ? null : Number(value));
export const photoListHash = (urls: readonly string[]) =>
  createHash('sha256').update(urls.join('\n')).digest('hex');

/**
 * One batch of rows, in the caller's transaction together with the job's cursor and counts: a
 * crash leaves either all of it or none. Rows are matched by VIN (the car on the lot first);
 * unchanged rows write nothing; every vehicle write has its change-feed row, a new price its
 * price history, and a listing, price change or sale its analytics event.
 */
export async function applyBatch(
  tenant: DealershipQueries<InventoryDatabase>,
  batch: Batch,
  stockNumbers: StockNumbers,
): Promise<void> {
  const { importId, rules, now } = batch;
  const job = await tenant
    .selectFrom('feed_imports')
    .select(['cursor_line', 'status'])
    .where('id', '=', importId)
    .forUpdate()
    .executeTakeFirst();
  if (!job || job.status !== 'running' || job.cursor_line !== batch.expectedCursor) throw new LostClaim();

  const vins = [...new Set(batch.rows.flatMap((row) => (row.vin ? [row.vin] : [])))];
  // The first line of each VIN in this file: from earlier batches, then this batch's rows as they pass.
  const seenBefore = new Map<string, number>();
  const byVin = new Map<string, VehicleRow>();
  if (vins.length > 0) {
    const [seen, existing] = await Promise.all([
      tenant
        .selectFrom('feed_import_vins')
        .select(['vin', 'line'])
        .where('import_id', '=', importId)
        .where('vin', 'in', vins)
        .execute(),
      tenant
        .selectFrom('vehicles')
        .selectAll()
        .where('vin', 'in', vins)
        .orderBy(sql`status IN ('available', 'pending')`, 'desc')
        .orderBy('created_at', 'desc')
        .forUpdate()
        .execute(),
    ]);
    for (const { vin, line } of seen) seenBefore.set(vin, line);
    for (const row of existing) if (!byVin.has(row.vin)) byVin.set(row.vin, row);
  }
  const wantedStockNumbers = [...new Set(batch.rows.flatMap((row) => row.values?.stockNumber ?? []))];
  const stockHolders = new Map<string, string>();
  if (wantedStockNumbers.length > 0) {
    const holders = await tenant
      .selectFrom('vehicles')
      .select(['id', 'stock_number'])
      .where('stock_number', 'in', wantedStockNumbers)
      .execute();
    for (const holder of holders) stockHolders.set(holder.stock_number.toUpperCase(), holder.id);
  }
  const heldByOther = (stockNumber: string, vehicleId: string | null) => {
    const holder = stockHolders.get(stockNumber.toUpperCase());
    return holder !== undefined && holder !== vehicleId;
  };

  const issues: RowIssue[] = batch.faults.map((fault) => ({
    line: fault.line,
    field: null,
    reason: fault.reason,
    severity: fault.skipped ? 'error' : 'warning',
    vin: null,
  }));
  const unreadable = batch.faults.filter((fault) => fault.skipped).length;
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: unreadable };
  const seenNow: Array<{ vin: string; line: number }> = [];
  const written: string[] = [];
  const added: Array<Omit<Insertable<VehicleTable>, 'dealership_id'>> = [];
  const prices: PriceChange[] = [];
  const vehicleEvents: VehicleEvent[] = [];
  const photoLists = new Map<string, string[]>();
  const locked = new Set<ImportField>(rules.locked);
  const skip = (row: ReadRow, field: ImportField, reason: string) => {
    issues.push({ line: row.line, field, reason, severity: 'error', vin: row.vin });
    counts.skipped += 1;
  };

  for (const row of batch.rows) {
    issues.push(...row.issues);
    const firstLine = row.vin ? seenBefore.get(row.vin) : undefined;
    if (row.vin && firstLine === undefined) {
      seenNow.push({ vin: row.vin, line: row.line });
      seenBefore.set(row.vin, row.line);
    }
    if (!row.values) {
      counts.skipped += 1;
      continue;
    }
    if (firstLine !== undefined) {
      skip(row, 'vin', `appears again (first on line ${firstLine}); this row is skipped`);
      continue;
    }
    const values = row.values;
    const current = byVin.get(values.vin);
    if (current) {
      const allowed = Object.fromEntries(
        Object.entries(values).filter(([key]) => !locked.has(FIELD_OF_KEY[key] ?? (key as ImportField))),
      ) as VehicleUpdateParsed;
      const columns: Record<string, unknown> = columnsFromInput(allowed);
      delete columns['vin'];
      const changes = Object.fromEntries(
        Object.entries(columns).filter(
          ([column, value]) => !same(current[column as keyof VehicleRow], value),
        ),
      );
      if (current.status === 'sold' || current.status === 'archived') changes['status'] = 'available';
      if (typeof changes['stock_number'] === 'string' && heldByOther(changes['stock_number'], current.id)) {
        skip(row, 'stockNumber', `${changes['stock_number']} is another vehicle's stock number`);
        continue;
      }
      if (Object.keys(changes).length === 0) counts.unchanged += 1;
      else {
        await tenant
          .updateTable('vehicles')
          .set({ ...changes, version: sql<number>`version + 1`, updated_at: now })
          .where('id', '=', current.id)
          .execute();
        vehicleEvents.push(...vehicleEventsOf(current, { ...current, ...changes } as VehicleRow, now));
        if ('price_cents' in changes) {
          prices.push({
            vehicleId: current.id,
            fromCents: centsOf(current.price_cents),
            toCents: centsOf(changes['price_cents'] as number | null),
            currency: current.currency,
            at: now,
            source: 'import',
          });
        }
        written.push(current.id);
        counts.updated += 1;
      }
      if (row.photos && !locked.has('photos')) photoLists.set(current.id, row.photos);
      continue;
    }
    const condition = values.condition ?? 'used';
    const mileage = values.mileage ?? (condition === 'new' ? 0 : undefined);
    if (mileage === undefined) {
      skip(row, 'mileage', 'is needed to add a used vehicle');
      continue;
    }
    const stockNumber = values.stockNumber ?? (await stockNumbers.next(condition));
    if (heldByOther(stockNumber, null)) {
      skip(row, 'stockNumber', `${stockNumber} is another vehicle's stock number`);
      continue;
    }
    const id = randomUUID();
    const input = { ...values, condition, mileage, stockNumber } as VehicleInputParsed;
    const { dealership_id: _dealership, ...vehicle } = newVehicleRow(id, tenant.dealershipId, input, now);
    added.push(vehicle);
    vehicleEvents.push(...vehicleEventsOf(null, factsOfNewRow(vehicle, now), now));
    stockHolders.set(stockNumber.toUpperCase(), id);
    if (input.priceCents != null) {
      prices.push({
        vehicleId: id,
        fromCents: null,
        toCents: input.priceCents,
        currency: vehicle.currency ?? 'USD',
        at: now,
        source: 'import',
      });
    }
    written.push(id);
    counts.created += 1;
    if (row.photos) photoLists.set(id, row.photos);
  }

  if (added.length > 0) await tenant.insertInto('vehicles').values(added).execute();
  await recordPriceChanges(tenant, prices);
  // The batch's analytics rows in one statement, in the batch's transaction.
  await recordVehicleEvents(tenant, vehicleEvents);
  if (written.length > 0) {
    await tenant
      .insertInto('vehicle_changes')
      .values(written.map((vehicle_id) => ({ vehicle_id })))
      .execute();
  }
  if (issues.length > 0) {
    await tenant
      .insertInto('feed_import_issues')
      .values(
        issues.map((issue) => ({
          import_id: importId,
          line: issue.line,
          field: issue.field,
          reason: clipReason(issue.reason),
          severity: issue.severity,
          vin: issue.vin,
        })),
      )
      .execute();
  }
  if (seenNow.length > 0) {
    await tenant
      .insertInto('feed_import_vins')
      .values(seenNow.map(({ vin, line }) => ({ import_id: importId, vin, line })))
      .execute();
  }
  await notePhotoLists(tenant, importId, photoLists);
  await tenant
    .updateTable('feed_imports')
    .set({
      cursor_line: batch.lastLine,
      rows_done: sql<number>`rows_done + ${batch.rows.length + unreadable}`,
      created_count: sql<number>`created_count + ${counts.created}`,
      updated_count: sql<number>`updated_count + ${counts.updated}`,
      unchanged_count: sql<number>`unchanged_count + ${counts.unchanged}`,
      skipped_count: sql<number>`skipped_count + ${counts.skipped}`,
      issue_count: sql<number>`issue_count + ${issues.length}`,
      read_faults: sql<number>`read_faults + ${batch.faults.length}`,
      heartbeat_at: now,
    })
    .where('id', '=', importId)
    .execute();
}

/** Records the vehicles whose feed photo list is new or changed, pending for the robot. */
async function notePhotoLists(
  tenant: DealershipQueries<InventoryDatabase>,
  importId: string,
  lists: Map<string, string[]>,
): Promise<void> {
  if (lists.size === 0) return;
  const known = await tenant
    .selectFrom('feed_photo_lists')
    .select(['vehicle_id', 'urls_hash'])
    .where('vehicle_id', 'in', [...lists.keys()])
    .execute();
  const hashes = new Map(known.map((row) => [row.vehicle_id, row.urls_hash]));
  for (const [vehicleId, urls] of lists) {
    const hash = photoListHash(urls);
    if (hashes.get(vehicleId) === hash) continue;
    const values = {
      urls_hash: hash,
      urls: JSON.stringify(urls),
      pending_import_id: urls.length > 0 ? importId : null,
    };
    await tenant
      .insertInto('feed_photo_lists')
      .values({ vehicle_id: vehicleId, ...values })
      .onDuplicateKeyUpdate(values)
      .execute();
  }
}
