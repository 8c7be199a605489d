import { browser } from 'protractor';
import {
  ACCOUNTS,
  asMileage,
  asPrice,
  freshVehicle,
  InventoryList,
  SignInPage,
  signInAs,
  step,
  VehicleDetail,
  VehicleForm,
} from '../support';

describe('Inventory', () => {
  it('a salesperson adds a vehicle by VIN, finds it, edits it, signs out', async () => {
    const vehicle = freshVehicle();
    const list = new InventoryList();
    const form = new VehicleForm();
    const detail = new VehicleDetail();

    const shell = await step('sign in as the salesperson', () => signInAs(ACCOUNTS.sales.email));
    expect((await shell.signedInAs()).email).toBe(ACCOUNTS.sales.email);

    await step('open Add vehicle', async () => {
      await list.waitUntilLoaded();
      await list.startAddingVehicle();
      await form.waitUntilShown();
    });

    await step('type a fresh VIN and see year and make filled from it', async () => {
      await form.enterVin(vehicle.vin);
      expect(await form.vinSummary()).toContain(`model year ${vehicle.year}`);
      expect(await form.year.getAttribute('value')).toBe(String(vehicle.year));
      expect(await form.make.getAttribute('value')).toBe(vehicle.make);
      expect(await form.vinDuplicate.isPresent()).toBe(false);
    });

    await step('see a stock number suggested, then give our own', async () => {
      // Used vehicles are suggested "U<number>" for the dealership; a run-unique one avoids
      // clashes with parallel runs on a shared environment.
      expect(await form.suggestedStockNumber()).toMatch(/^U\d+$/);
      await form.fill({
        stockNumber: vehicle.stockNumber,
        model: vehicle.model,
        mileage: vehicle.mileage,
        priceDollars: vehicle.priceDollars,
      });
    });

    const id = await step('save and land on the vehicle', async () => {
      const saved = await form.save();
      await detail.waitUntilShown();
      return saved;
    });
    expect(await detail.title.getText()).toBe(`${vehicle.year} ${vehicle.make} ${vehicle.model}`);
    expect(await detail.fact('vin')).toBe(vehicle.vin);
    expect(await detail.fact('stock-number')).toBe(vehicle.stockNumber);
    expect(await detail.fact('mileage')).toBe(asMileage(vehicle.mileage));
    expect(await detail.price.getText()).toBe(asPrice(vehicle.priceDollars));
    expect(await detail.statusChip.getText()).toBe('Available');

    await step('find exactly that vehicle by VIN and make', async () => {
      await shell.goToInventory();
      await list.waitUntilLoaded();
      await list.searchFor(vehicle.vin);
      await list.filterByMake(vehicle.make);
    });
    expect(await list.vehicleIds()).toEqual([id]);
    const [row] = await list.rowTexts();
    expect(row).toContain(vehicle.stockNumber);
    expect(row).toContain(vehicle.vin);
    expect(await list.resultCount.getText()).toBe('1 vehicle');

    await step('the stock number finds it as well', async () => {
      await list.clearFilters();
      await list.searchFor(vehicle.stockNumber);
    });
    expect(await list.vehicleIds()).toEqual([id]);

    const newPrice = vehicle.priceDollars - 500;
    const newMileage = vehicle.mileage + 1_234;
    await step('open it, change price and mileage, save', async () => {
      await list.open(list.rowWith(vehicle.vin));
      await detail.waitUntilShown();
      await detail.edit();
      await form.waitUntilShown();
      expect(await form.vin.getAttribute('value')).toBe(vehicle.vin);
      await form.fill({ priceDollars: newPrice, mileage: newMileage });
      expect(await form.save()).toBe(id);
      await detail.waitUntilShown();
    });
    expect(await detail.price.getText()).toBe(asPrice(newPrice));
    expect(await detail.fact('mileage')).toBe(asMileage(newMileage));

    await step('mark it pending and see the chip', () => detail.changeStatus('pending'));
    expect(await detail.statusChip.getText()).toBe('Pending');
    expect(new URL(await browser.getCurrentUrl()).pathname).toBe(`/inventory/${id}`);

    const signIn: SignInPage = await step('sign out', () => shell.signOut());
    expect(await signIn.isShown()).toBe(true);
  });
});
