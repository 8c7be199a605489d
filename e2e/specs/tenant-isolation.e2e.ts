import {
  ACCOUNTS,
  DEALERSHIPS,
  freshVehicle,
  InventoryList,
  seedSalesVehicle,
  signInAs,
  step,
  VehicleDetail,
} from '../support';

describe('Tenant isolation', () => {
  it("the rival owner cannot see another dealership's vehicle", async () => {
    const list = new InventoryList();
    const detail = new VehicleDetail();

    // Demo Motors Downtown gets a vehicle of its own for this run (API, or the portal on Auth0).
    const theirs = await step('Demo Motors Downtown adds a vehicle', () => seedSalesVehicle(freshVehicle()));

    const shell = await step('sign in as the rival owner', () => signInAs(ACCOUNTS.rivalOwner.email));
    expect(await shell.activeDealership()).toBe(DEALERSHIPS.rival.name);

    // A search the rival can win first, so the empty result below means "not theirs", not "search broken".
    const ownVin = await step('search finds one of their own vehicles', async () => {
      await list.waitUntilLoaded();
      const [firstRow] = await list.rowTexts();
      const vin = /\b[A-HJ-NPR-Z0-9]{17}\b/.exec(firstRow ?? '')?.[0];
      if (!vin) throw new Error(`no VIN in the first row of Rival Autos' list: "${firstRow}"`);
      await list.searchFor(vin);
      return vin;
    });
    expect(await list.outcome()).toEqual({ resultCount: '1 vehicle', rows: 1, emptyState: false });
    expect((await list.rowTexts())[0]).toContain(ownVin);

    await step("search for the other dealership's VIN", () => list.searchFor(theirs.vin));
    expect(await list.outcome()).toEqual({ resultCount: '0 vehicles', rows: 0, emptyState: true });

    await step("open the other dealership's vehicle by its address", async () => {
      await detail.openById(theirs.id);
      await detail.waitUntilNotFound();
    });
    expect(await detail.notFound.getText()).toContain('Vehicle not found');
    expect({ vehicleShown: await detail.title.isPresent() }).toEqual({ vehicleShown: false });

    const signIn = await step('sign out', () => shell.signOut());
    expect(await signIn.isShown()).toBe(true);
  });
});
