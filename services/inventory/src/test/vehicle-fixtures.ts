import type { VehicleInput } from '@showroom/contracts';
import { composeVin } from '@showroom/demo-data';
import request from 'supertest';
import type { InventoryTestContext } from './inventory-test-app';

let serial = 200_000;

/** A valid VIN for a 2022 Honda Accord; each call a new serial. */
export function freshVin(year = 2022): string {
  serial += 1;
  return composeVin('1HG', 'CV1F3', year, 'A', String(serial).padStart(6, '0'));
}

export function vehicleInput(overrides: Partial<VehicleInput> = {}): VehicleInput {
  serial += 1;
  return {
    vin: freshVin(),
    stockNumber: `T${serial}`,
    condition: 'used',
    year: 2022,
    make: 'Honda',
    model: 'Accord',
    trim: 'Sport',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    mileage: 24_500,
    priceCents: 2_649_500,
    ...overrides,
  };
}

/** A vehicle on the lot of `dealershipId`, added through the API by its manager; its id. */
export async function addVehicleThroughApi(ctx: InventoryTestContext, dealershipId: string): Promise<string> {
  const res = await request(ctx.app)
    .post('/api/inventory/vehicles')
    .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId)
    .send(vehicleInput());
  if (res.status !== 201) throw new Error(`could not add a vehicle: ${JSON.stringify(res.body)}`);
  return res.body.id;
}
