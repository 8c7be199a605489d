import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { vehicle, vinDecoding } from '../../../testing/fixtures';
import { openPage, settle as settlePage } from '../../../testing/page';
import { VehicleFormPage } from './vehicle-form-page';

@Component({ selector: 'sr-detail-stub', template: 'detail' })
class DetailStub {}

const VIN = '1HGCV1F33LA000001';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('VehicleFormPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string) {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'inventory/new', component: VehicleFormPage },
        { path: 'inventory/:id/edit', component: VehicleFormPage },
        { path: 'inventory/:id', component: DetailStub },
      ],
      url,
      role: 'sales',
    }));
    await settle();
  }

  const settle = () => settlePage(harness);

  const element = <T extends Element = HTMLElement>(selector: string) =>
    harness.fixture.nativeElement.querySelector(selector) as T;

  function type(control: string, value: string) {
    const input = element<HTMLInputElement>(`[formcontrolname="${control}"]`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  const errorText = (control: string) =>
    element(`[formcontrolname="${control}"]`)
      .closest('mat-form-field')
      ?.querySelector('mat-error')
      ?.textContent?.trim();

  function expectStockNumberSuggestion(): TestRequest {
    return http.expectOne((request) => request.url === '/api/inventory/vehicles/next-stock-number');
  }

  async function fillRequiredFields() {
    type('vin', VIN);
    await pause(350);
    http.expectOne(`/api/inventory/vin/${VIN}`).flush(vinDecoding());
    type('model', 'Accord');
    type('mileage', '31250');
    await settle();
  }

  async function submit() {
    element<HTMLButtonElement>('[data-testid="save-vehicle"]').click();
    await settle();
  }

  afterEach(() => http.verify());

  it('when adding a vehicle, then the next stock number for its condition is suggested', async () => {
    await open('/inventory/new');
    const suggestion = expectStockNumberSuggestion();
    expect(suggestion.request.params.get('condition')).toBe('used');
    suggestion.flush({ stockNumber: 'U1043' });
    await settle();
    expect(element<HTMLInputElement>('[formcontrolname="stockNumber"]').value).toBe('U1043');
  });

  it('when a valid VIN is typed, then year and make are prefilled and the manufacturer is shown', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });

    type('vin', VIN.toLowerCase());
    await pause(350);
    http.expectOne(`/api/inventory/vin/${VIN}`).flush(vinDecoding({ manufacturer: 'Honda of America Mfg.' }));
    await settle();

    expect(element<HTMLInputElement>('[formcontrolname="year"]').value).toBe('2020');
    expect(element<HTMLInputElement>('[formcontrolname="make"]').value).toBe('Honda');
    expect(element('[data-testid="vin-decoded"]').textContent).toContain(
      'Honda of America Mfg. · United States',
    );
  });

  it('when the dealer typed a make first, then the VIN keeps it', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    type('make', 'Acura');
    type('vin', VIN);
    await pause(350);
    http.expectOne(`/api/inventory/vin/${VIN}`).flush(vinDecoding({ make: 'Honda' }));
    await settle();
    expect(element<HTMLInputElement>('[formcontrolname="make"]').value).toBe('Acura');
    expect(element<HTMLInputElement>('[formcontrolname="year"]').value).toBe('2020');
  });

  it('when the VIN is already in this dealership, then it warns with a link to that vehicle', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    type('vin', VIN);
    await pause(350);
    http.expectOne(`/api/inventory/vin/${VIN}`).flush(vinDecoding({ existingVehicleId: 'already-here' }));
    await settle();
    const warning = element('[data-testid="vin-duplicate"]');
    expect(warning.textContent).toContain('already has a vehicle with this VIN');
    expect(warning.querySelector('a')?.getAttribute('href')).toBe('/inventory/already-here');
  });

  it('when the VIN service calls the VIN invalid, then its problem shows on the VIN field', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    type('vin', VIN);
    await pause(350);
    http
      .expectOne(`/api/inventory/vin/${VIN}`)
      .flush(vinDecoding({ valid: false, problem: 'is not assigned to any manufacturer' }));
    await settle();
    expect(errorText('vin')).toBe('VIN is not assigned to any manufacturer');
  });

  it('when the service refuses fields (400), then each reason appears on its field', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    await fillRequiredFields();
    type('price', '24599');
    await settle();
    await submit();

    const create = http.expectOne('/api/inventory/vehicles');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toMatchObject({
      vin: VIN,
      stockNumber: 'U1043',
      year: 2020,
      priceCents: 2459900,
    });
    create.flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        invalidParams: [
          { name: 'mileage', reason: 'must be at most 2000000' },
          { name: 'priceCents', reason: 'is above the price limit' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(errorText('mileage')).toBe('must be at most 2000000');
    expect(errorText('price')).toBe('is above the price limit');
  });

  it('when the stock number is taken (409), then the stock number field says so, with the free one', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    await fillRequiredFields();
    await submit();
    http.expectOne('/api/inventory/vehicles').flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'Stock number U1043 is already used in this dealership; U1044 is free.',
        invalidParams: [{ name: 'stockNumber', reason: 'already used; U1044 is free' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(errorText('stockNumber')).toBe('already used; U1044 is free');
  });

  it('when the VIN is already on the lot (409), then the VIN field says so', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    await fillRequiredFields();
    await submit();
    http.expectOne('/api/inventory/vehicles').flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: `VIN ${VIN} is already in stock as U0999.`,
        invalidParams: [{ name: 'vin', reason: 'already in stock as U0999' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(errorText('vin')).toBe('already in stock as U0999');
    expect(errorText('stockNumber')).toBeUndefined();
  });

  it('when a 409 names no field, then its detail goes on the stock number', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    await fillRequiredFields();
    await submit();
    http.expectOne('/api/inventory/vehicles').flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'Stock number U1043 is already used in this dealership.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(errorText('stockNumber')).toBe('Stock number U1043 is already used in this dealership.');
  });

  it('when the form is incomplete, then nothing is sent and the fields say what is missing', async () => {
    await open('/inventory/new');
    expectStockNumberSuggestion().flush({ stockNumber: 'U1043' });
    await submit();
    http.expectNone('/api/inventory/vehicles');
    expect(errorText('vin')).toBe('VIN is required');
    expect(errorText('model')).toBe('Model is required');
  });

  it('when an edit is saved, then only the change is sent with If-Match, and the detail page opens', async () => {
    await open('/inventory/v-1/edit');
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1' }), { headers: { ETag: '"v3"' } });
    await settle();
    await pause(350);
    http.expectOne(`/api/inventory/vin/${VIN}`).flush(vinDecoding({ existingVehicleId: 'v-1' }));
    await settle();
    expect(element('[data-testid="vin-duplicate"]')).toBeNull();

    type('price', '22999');
    await settle();
    await submit();

    const patch = http.expectOne('/api/inventory/vehicles/v-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"v3"');
    expect(patch.request.body).toEqual({ priceCents: 2299900 });
    patch.flush(vehicle({ id: 'v-1', priceCents: 2299900 }), { headers: { ETag: '"v4"' } });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/inventory/v-1');
  });

  it('when someone else saved first (412), then the dealer is told and can reload their version', async () => {
    await open('/inventory/v-1/edit');
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1' }), { headers: { ETag: '"v3"' } });
    await settle();
    await pause(350);
    http.expectOne(`/api/inventory/vin/${VIN}`).flush(vinDecoding({ existingVehicleId: 'v-1' }));

    type('mileage', '31300');
    await settle();
    await submit();
    http.expectOne('/api/inventory/vehicles/v-1').flush(
      {
        type: 'https://showroom.dev/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
      },
      { status: 412, statusText: 'Precondition Failed' },
    );
    await settle();
    expect(element('[data-testid="stale-banner"]').textContent).toContain(
      'Someone else changed this vehicle',
    );

    element<HTMLButtonElement>('[data-testid="reload-vehicle"]').click();
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1', mileage: 31999 }), { headers: { ETag: '"v4"' } });
    await settle();
    expect(element('[data-testid="stale-banner"]')).toBeNull();
    expect(element<HTMLInputElement>('[formcontrolname="mileage"]').value).toBe('31999');
    await pause(350);
    http.match(`/api/inventory/vin/${VIN}`).forEach((request) => request.flush(vinDecoding()));
  });

  it('when the vehicle does not exist, then a clear not-found state is shown', async () => {
    await open('/inventory/nope/edit');
    http
      .expectOne('/api/inventory/vehicles/nope')
      .flush(
        { type: 'https://showroom.dev/problems/not-found', title: 'Not found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(element('[data-testid="vehicle-not-found"]').textContent).toContain('Vehicle not found');
  });
});
