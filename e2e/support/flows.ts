import { ACCOUNTS } from './env';
import { startSignedOut } from './fresh-browser';
import { InventoryList } from './inventory-list';
import { addVehicleThroughApi, PasswordGrantUnavailable, type SeededVehicle } from './seed';
import { Shell } from './shell';
import { SignInPage } from './sign-in-page';
import type { TestVehicle } from './test-vehicles';
import { VehicleDetail } from './vehicle-detail';
import { VehicleForm } from './vehicle-form';

/** Signs in from a clean browser and waits for the shell. */
export async function signInAs(email: string): Promise<Shell> {
  await startSignedOut();
  await new SignInPage().signInAs(email);
  const shell = new Shell();
  await shell.waitUntilLoaded();
  return shell;
}

/** The salesperson adds the vehicle through the portal, then signs out. */
export async function addVehicleThroughPortal(vehicle: TestVehicle): Promise<SeededVehicle> {
  const shell = await signInAs(ACCOUNTS.sales.email);
  const list = new InventoryList();
  await list.waitUntilLoaded();
  await list.startAddingVehicle();
  const form = new VehicleForm();
  await form.waitUntilShown();
  await form.enterVin(vehicle.vin);
  await form.fill(vehicle);
  const id = await form.save();
  await new VehicleDetail().waitUntilShown();
  await shell.signOut();
  return { id, vin: vehicle.vin };
}

/**
 * Puts a vehicle into the salesperson's dealership: through the API with dev-auth's password
 * grant (fast), or through the portal where there is no such grant (Auth0) or E2E_SEED=ui.
 */
export async function seedSalesVehicle(vehicle: TestVehicle): Promise<SeededVehicle> {
  if (process.env['E2E_SEED'] !== 'ui') {
    try {
      return await addVehicleThroughApi(vehicle);
    } catch (error) {
      if (!(error instanceof PasswordGrantUnavailable)) throw error;
      console.log(`[e2e] ${error.message}; adding the vehicle through the portal instead`);
    }
  }
  return addVehicleThroughPortal(vehicle);
}
