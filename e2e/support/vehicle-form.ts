import { $, browser, element } from 'protractor';
import { formControl, testId } from './locators';
import { click, shown, textOf, typeInto, until, valueOf } from './waits';

/** What a dealer types for a vehicle; only the fields given are touched. */
export interface VehicleFields {
  model?: string;
  mileage?: number;
  priceDollars?: number;
  stockNumber?: string;
}

/** `/inventory/new` and `/inventory/:id/edit`. */
export class VehicleForm {
  readonly title = $(testId('form-title'));
  readonly vin = element(formControl('vin'));
  readonly stockNumber = element(formControl('stockNumber'));
  readonly suggestStockNumberButton = $(testId('suggest-stock-number'));
  readonly year = element(formControl('year'));
  readonly make = element(formControl('make'));
  readonly model = element(formControl('model'));
  readonly mileage = element(formControl('mileage'));
  readonly price = element(formControl('price'));
  /** "Honda · United States · model year 2024": the VIN was read. */
  readonly vinDecoded = $(testId('vin-decoded'));
  readonly vinDuplicate = $(testId('vin-duplicate'));
  readonly formError = $(testId('form-error'));
  readonly saveButton = $(testId('save-vehicle'));

  async waitUntilShown(): Promise<void> {
    await shown(this.saveButton, 'the vehicle form');
  }

  /** Types a VIN and waits for the portal to read it (year and make are filled from it). */
  async enterVin(vin: string): Promise<void> {
    await typeInto(this.vin, vin);
    await shown(this.vinDecoded, 'the VIN check ("vin-decoded")');
  }

  async vinSummary(): Promise<string> {
    return textOf(this.vinDecoded);
  }

  /** The stock number the portal suggests for this dealership and condition (e.g. "U1061"). */
  async suggestedStockNumber(): Promise<string> {
    await until(async () => (await valueOf(this.stockNumber)) !== '', 'a stock number to be suggested');
    return valueOf(this.stockNumber);
  }

  async fill(fields: VehicleFields): Promise<void> {
    if (fields.stockNumber !== undefined) await typeInto(this.stockNumber, fields.stockNumber);
    if (fields.model !== undefined) await typeInto(this.model, fields.model);
    if (fields.mileage !== undefined) await typeInto(this.mileage, fields.mileage);
    if (fields.priceDollars !== undefined) await typeInto(this.price, fields.priceDollars);
  }

  /** Saves and waits for the vehicle's page; returns the vehicle's id (from the URL). */
  async save(): Promise<string> {
    await click(this.saveButton, 'the save button');
    let id = '';
    await until(async () => {
      if (await this.formError.isPresent()) {
        throw new Error(`saving was refused: ${await textOf(this.formError)}`);
      }
      const [, found = ''] =
        /\/inventory\/([^/?#]+)$/.exec(new URL(await browser.getCurrentUrl()).pathname) ?? [];
      id = found === 'new' ? '' : found;
      return id !== '';
    }, "the vehicle's page after saving");
    return id;
  }
}
