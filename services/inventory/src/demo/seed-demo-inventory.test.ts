import { describe, expect, it } from 'vitest';
import { decodeVin, VehicleInputSchema } from '@showroom/contracts';
import { ALL_DEMO_DEALERSHIPS } from '@showroom/demo-data';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { startInventoryTestApp } from '../test/inventory-test-app';
import { DEMO_VEHICLES_PER_DEALERSHIP, seedDemoInventory } from './seed-demo-inventory';

describe('demo inventory', () => {
  const ctx = startForTheseTests(() => startInventoryTestApp());

  it('seeds realistic vehicles with valid VINs that decode to their own make and year, once', async () => {
    const first = await seedDemoInventory(ctx.database.writer);
    const second = await seedDemoInventory(ctx.database.writer);

    expect(first).toBe(ALL_DEMO_DEALERSHIPS.length * DEMO_VEHICLES_PER_DEALERSHIP);
    expect(second).toBe(0);
    const rows = await ctx.database.writer.selectFrom('vehicles').selectAll().execute();
    for (const row of rows) {
      const decoded = decodeVin(row.vin);
      expect(decoded.problem, row.vin).toBeNull();
      expect(decoded.make, `${row.vin} ${row.make}`).toBe(row.make);
      expect(decoded.modelYear, row.vin).toBe(row.year);
    }
    const sample = rows[0];
    const asInput = {
      vin: sample.vin,
      stockNumber: sample.stock_number,
      condition: sample.vehicle_condition,
      year: sample.year,
      make: sample.make,
      model: sample.model,
      mileage: sample.mileage,
    };
    expect(VehicleInputSchema.safeParse(asInput).success).toBe(true);
  });
});
