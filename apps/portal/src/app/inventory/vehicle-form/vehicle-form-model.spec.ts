import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { vehicle, vinDecoding } from '../../../testing/fixtures';
import {
  applyServerErrors,
  createVehicleForm,
  errorMessage,
  formValueFromVehicle,
  prefillFromVin,
  vehicleInputFromForm,
  vehicleUpdateFromForm,
} from './vehicle-form-model';

const newForm = () => createVehicleForm(TestBed.inject(NonNullableFormBuilder));

describe('vehicle form model', () => {
  it('when the dealer types prices in dollars, then the request carries integer cents', () => {
    const form = newForm();
    form.reset({ ...formValueFromVehicle(vehicle()), price: 24599.99, msrp: null });
    const input = vehicleInputFromForm(form.getRawValue());
    expect(input.priceCents).toBe(2459999);
    expect(input.msrpCents).toBeNull();
  });

  it('tidies the request: VIN upper-cased, blank optional text sent as null', () => {
    const form = newForm();
    form.reset({ ...formValueFromVehicle(vehicle()), vin: ' 1hgcv1f33la000001 ', trim: '  ', engine: '' });
    const input = vehicleInputFromForm(form.getRawValue());
    expect(input.vin).toBe('1HGCV1F33LA000001');
    expect(input.trim).toBeNull();
    expect(input.engine).toBeNull();
  });

  it('shows a stored vehicle in dollars', () => {
    expect(formValueFromVehicle(vehicle({ priceCents: 1899950 })).price).toBe(18999.5);
  });

  it('when editing, then only the changed fields are sent', () => {
    const original = vehicle();
    const form = newForm();
    form.reset(formValueFromVehicle(original));
    form.controls.price.setValue(23999);
    form.controls.status.setValue('pending');
    expect(vehicleUpdateFromForm(form.getRawValue(), original)).toEqual({
      priceCents: 2399900,
      status: 'pending',
    });
  });

  it('when the dealer hides a car from the website and records its cost and notes, then exactly those are sent, cost in cents', () => {
    const original = vehicle({ published: true, costCents: null, internalNotes: null });
    const form = newForm();
    form.reset(formValueFromVehicle(original));
    form.controls.published.setValue(false);
    form.controls.cost.setValue(18250.5);
    form.controls.internalNotes.setValue('  Trade-in from the Smiths; needs tyres  ');
    expect(vehicleUpdateFromForm(form.getRawValue(), original)).toEqual({
      published: false,
      costCents: 1825050,
      internalNotes: 'Trade-in from the Smiths; needs tyres',
    });
  });

  it('a new vehicle shows on the website unless the dealer says otherwise', () => {
    const input = vehicleInputFromForm({ ...newForm().getRawValue(), year: 2020, mileage: 1 });
    expect(input.published).toBe(true);
    expect(input.costCents).toBeNull();
    expect(input.internalNotes).toBeNull();
  });

  it('when the service refuses the cost, then the Cost field shows why', () => {
    const form = newForm();
    const unmatched = applyServerErrors(form, [{ name: 'costCents', reason: 'must be at most 1000000000' }]);
    expect(unmatched).toEqual([]);
    expect(errorMessage('cost', form.controls.cost.errors)).toBe('must be at most 1000000000');
  });

  it('when nothing was changed, then the edit is empty', () => {
    const original = vehicle();
    const form = newForm();
    form.reset(formValueFromVehicle(original));
    expect(vehicleUpdateFromForm(form.getRawValue(), original)).toEqual({});
  });

  it('when a VIN decodes, then empty year and make are filled in', () => {
    const form = newForm();
    expect(prefillFromVin(form, vinDecoding({ modelYear: 2020, make: 'Honda' }))).toEqual(['year', 'make']);
    expect(form.controls.year.value).toBe(2020);
    expect(form.controls.make.value).toBe('Honda');
  });

  it('when the dealer already typed year and make, then the VIN does not overwrite them', () => {
    const form = newForm();
    form.controls.year.setValue(2021);
    form.controls.make.setValue('Acura');
    expect(prefillFromVin(form, vinDecoding({ modelYear: 2020, make: 'Honda' }))).toEqual([]);
    expect(form.controls.year.value).toBe(2021);
    expect(form.controls.make.value).toBe('Acura');
  });

  it('puts the service’s invalidParams on the matching fields, money fields included', () => {
    const form = newForm();
    const unmatched = applyServerErrors(form, [
      { name: 'year', reason: "the VIN's model-year code stands for 2020, not 2019" },
      { name: 'priceCents', reason: 'must be at most 1000000000' },
      { name: 'body', reason: 'send at least one field to change' },
    ]);
    expect(form.controls.year.errors?.['server']).toBe("the VIN's model-year code stands for 2020, not 2019");
    expect(form.controls.year.touched).toBe(true);
    expect(form.controls.price.errors?.['server']).toBe('must be at most 1000000000');
    expect(unmatched).toEqual([{ name: 'body', reason: 'send at least one field to change' }]);
  });

  it('when the dealer edits a field the server refused, then its server error goes away', () => {
    const form = newForm();
    form.reset(formValueFromVehicle(vehicle()));
    applyServerErrors(form, [{ name: 'stockNumber', reason: 'is taken' }]);
    expect(form.controls.stockNumber.invalid).toBe(true);
    form.controls.stockNumber.setValue('U1043');
    expect(form.controls.stockNumber.errors).toBeNull();
  });

  it('checks the VIN as the contracts do and says what is wrong', () => {
    const form = newForm();
    form.controls.vin.setValue('1HGCV1F34LA000001');
    expect(errorMessage('vin', form.controls.vin.errors)).toMatch(/^VIN check digit/);
    form.controls.vin.setValue('1HGCV1F33LA000001');
    expect(form.controls.vin.errors).toBeNull();
  });

  it('refuses a price with more than two decimals and a fractional mileage', () => {
    const form = newForm();
    form.controls.price.setValue(100.555);
    form.controls.mileage.setValue(10.5);
    expect(errorMessage('price', form.controls.price.errors)).toBe('Price can have at most two decimals');
    expect(errorMessage('mileage', form.controls.mileage.errors)).toBe('Mileage must be a whole number');
  });
});
