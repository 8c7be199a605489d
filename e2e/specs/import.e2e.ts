import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNTS, freshVehicle, InventoryList, signInAs, step, type TestVehicle } from '../support';
import { FeedImportPage } from '../support/feed-import';

/** A row of Showroom's CSV layout, as Excel writes it (a quoted price with a thousands comma). */
const rowOf = (vehicle: TestVehicle, vin = vehicle.vin) =>
  [
    vin,
    vehicle.stockNumber,
    'Used',
    vehicle.year,
    vehicle.make,
    vehicle.model,
    `"${vehicle.mileage.toLocaleString('en-US')}"`,
    `"$${vehicle.priceDollars.toLocaleString('en-US')}.00"`,
  ].join(',');

/** The VIN with another check digit (position 9): a typo the import must catch. */
const mistyped = (vin: string) => `${vin.slice(0, 8)}${vin[8] === '7' ? '8' : '7'}${vin.slice(9)}`;

describe('Feed import', () => {
  it('a manager imports a CSV with a bad row and reads its report', async () => {
    const [first, bad, second] = [freshVehicle(), freshVehicle(), freshVehicle()];
    const file = join(tmpdir(), `showroom-import-${first.stockNumber}.csv`);
    writeFileSync(
      file,
      '\uFEFF' +
        [
          'VIN,Stock Number,Condition,Year,Make,Model,Mileage,Price',
          rowOf(first),
          rowOf(bad, mistyped(bad.vin)),
          rowOf(second),
        ].join('\r\n') +
        '\r\n',
    );
    const page = new FeedImportPage();
    const list = new InventoryList();

    const shell = await step('sign in as the manager', () => signInAs(ACCOUNTS.manager.email));
    await step('the inventory shows', () => list.waitUntilLoaded());
    await step('open the import from the inventory header', () => page.openFromInventory());

    await step('pick the CSV', () => page.pick(file));
    expect(await page.detectedText()).toContain('3 rows');

    const status = await step('start the import and wait for its end', () => page.startAndWait());
    expect(status).toContain('2 added');
    expect(status).toContain('1 skipped');
    const report = await page.report();
    expect(report.length).toBe(1);
    expect([report[0]?.line, report[0]?.field]).toEqual(['3', 'VIN']);
    expect(report[0]?.reason).toContain('check digit');

    await step('back in the inventory, the imported car is there', async () => {
      await shell.goToInventory();
      await list.waitUntilLoaded();
      await list.searchFor(second.stockNumber);
    });
    expect((await list.rowTexts())[0]).toContain(`${second.year} ${second.make} ${second.model}`);
  });
});
