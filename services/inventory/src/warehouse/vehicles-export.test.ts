import { randomUUID } from 'node:crypto';
import { createDatabase, forDealership, migrateToLatest, type Database } from '@showroom/server-mysql';
import type { ObjectStore } from '@showroom/server-storage';
import { createTestSchema, startS3Local, type S3Local, type TestSchema } from '@showroom/server-testing';
import {
  LOCAL_WAREHOUSE_BUCKET,
  exportDayOf,
  exportPartition,
  partitionKey,
  readPartition,
  warehouseObjectStore,
} from '@showroom/server-warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryDatabase } from '../database';
import { inventoryMigrations } from '../migrations';
import { vehiclesExporter } from './vehicles-exporter';
import { VEHICLES_TABLE } from './vehicles-table';

const DAY = exportDayOf('2026-11-20');
const at = (date: string, time = '12:00:00.000') => new Date(`${date}T${time}Z`);

let schema: TestSchema;
let database: Database<InventoryDatabase>;
let s3: S3Local;
let store: ObjectStore;

beforeAll(async () => {
  schema = await createTestSchema('inventory_warehouse');
  database = createDatabase<InventoryDatabase>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 2 });
  await migrateToLatest(database.writer, inventoryMigrations);
  s3 = await startS3Local({ buckets: [LOCAL_WAREHOUSE_BUCKET] });
  store = warehouseObjectStore({
    WAREHOUSE_S3_BUCKET: LOCAL_WAREHOUSE_BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: s3.endpoint,
  });
});
afterAll(async () => {
  await database?.close();
  await schema?.drop();
  await s3?.close();
});

interface SeededVehicle {
  dealershipId: string;
  status: 'available' | 'pending' | 'sold' | 'archived';
  createdAt: Date;
  updatedAt: Date;
  priceCents: number | null;
  published?: boolean;
}

let stock = 1000;
async function seedVehicle(vehicle: SeededVehicle) {
  const row = {
    id: randomUUID(),
    vin: `1FTEW1EP5JFA${String(++stock).padStart(5, '0')}`,
    stock_number: `S${stock}`,
    vehicle_condition: 'used' as const,
    year: 2021,
    make: 'Ford',
    model: 'F-150',
    trim: stock % 2 ? 'XLT' : null,
    body_style: 'truck',
    mileage: 31_250,
    price_cents: vehicle.priceCents,
    msrp_cents: null,
    currency: 'USD',
    status: vehicle.status,
    published: vehicle.published ?? true,
    photo_count: 12,
    cost_cents: 2_750_000,
    internal_notes: 'bought at auction from a private seller',
    description: 'One owner',
    version: 1,
    created_at: vehicle.createdAt,
    updated_at: vehicle.updatedAt,
  };
  await forDealership(database.writer, vehicle.dealershipId).insertInto('vehicles').values(row).execute();
  return {
    id: row.id,
    dealership_id: vehicle.dealershipId,
    vin: row.vin,
    stock_number: row.stock_number,
    vehicle_condition: 'used',
    model_year: 2021,
    make: 'Ford',
    model: 'F-150',
    trim_level: row.trim,
    body_style: 'truck',
    mileage: 31_250,
    price_cents: vehicle.priceCents,
    msrp_cents: null,
    currency: 'USD',
    status: vehicle.status,
    published: row.published,
    photo_count: 12,
    listed_at: vehicle.createdAt,
    updated_at: vehicle.updatedAt,
    dt: DAY.date,
  };
}

describe("the inventory service's warehouse snapshot", () => {
  const rooftop = randomUUID();
  const otherRooftop = randomUUID();
  let expected: Awaited<ReturnType<typeof seedVehicle>>[];

  beforeAll(async () => {
    expected = [
      // On the lot for months, untouched: in every day's snapshot.
      await seedVehicle({
        dealershipId: rooftop,
        status: 'available',
        createdAt: at('2026-08-01'),
        updatedAt: at('2026-08-02'),
        priceCents: 3_499_500,
      }),
      await seedVehicle({
        dealershipId: otherRooftop,
        status: 'pending',
        createdAt: at('2026-11-19'),
        updatedAt: at('2026-11-19'),
        priceCents: null,
        published: false,
      }),
      // Sold and archived on the day: there with their final status.
      await seedVehicle({
        dealershipId: rooftop,
        status: 'sold',
        createdAt: at('2026-10-01'),
        updatedAt: at('2026-11-20', '16:45:10.250'),
        priceCents: 2_899_900,
      }),
      await seedVehicle({
        dealershipId: otherRooftop,
        status: 'archived',
        createdAt: at('2026-09-01'),
        updatedAt: at('2026-11-20', '00:00:00.000'),
        priceCents: 1_999_900,
      }),
    ];
    // Sold long ago, and added after the day ended: not in this day's snapshot.
    await seedVehicle({
      dealershipId: rooftop,
      status: 'sold',
      createdAt: at('2026-06-01'),
      updatedAt: at('2026-11-19', '23:59:59.999'),
      priceCents: 1,
    });
    await seedVehicle({
      dealershipId: rooftop,
      status: 'available',
      createdAt: at('2026-11-21', '00:00:00.000'),
      updatedAt: at('2026-11-21'),
      priceCents: 2,
    });
  });

  it("when a day is exported, then the lot and the day's sales and removals are in its partition, equal to the vehicles", async () => {
    const result = await exportPartition(vehiclesExporter(database.reader, 3), DAY, store);
    expect(result).toMatchObject({
      key: 'warehouse/vehicles/dt=2026-11-20/vehicles.parquet',
      rows: expected.length,
    });

    const read = await readPartition(store, result.table, result.date);
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a['id']).localeCompare(String(b['id']));
    expect(read.rows.sort(byId)).toEqual([...expected].sort(byId));
    expect(read.columns.map((c) => c.name)).toEqual(VEHICLES_TABLE.columns.map((c) => c.name));
  });

  it('when the partition is read, then the dealer’s cost, notes and description are not in it', async () => {
    const read = await readPartition(store, 'vehicles', DAY.date);
    const columns = read.columns.map((c) => c.name);
    expect(columns).not.toContain('cost_cents');
    expect(columns).not.toContain('internal_notes');
    expect(read.rows.flatMap(Object.values)).not.toContain('bought at auction from a private seller');
  });

  it('when the day is exported again, then each vehicle is there once', async () => {
    await exportPartition(vehiclesExporter(database.reader), DAY, store);
    const read = await readPartition(store, 'vehicles', DAY.date);
    expect(read.rows.map((row) => row['id']).sort()).toEqual(expected.map((v) => v.id).sort());
    expect(await store.list('warehouse/vehicles/')).toEqual([partitionKey('vehicles', DAY.date)]);
  });
});
