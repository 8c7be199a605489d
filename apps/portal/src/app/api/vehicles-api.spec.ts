import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { vehicle, vehicleList, vinDecoding } from '../../testing/fixtures';
import { VehiclesApi } from './vehicles-api';

describe('VehiclesApi', () => {
  let api: VehiclesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(VehiclesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('when a dealer searches, then lists go comma-separated, money in cents, and unset filters stay off the URL', async () => {
    const result = firstValueFrom(
      api.list({
        status: ['available', 'pending'],
        condition: ['used'],
        bodyStyle: [],
        make: [' Honda ', 'Land Rover', ' '],
        model: [],
        drivetrain: ['awd', '4wd'],
        yearMin: 2018,
        priceMaxCents: 3000000,
        q: '  ',
        sort: '-price',
        page: 2,
        pageSize: 50,
      }),
    );

    const request = http.expectOne((r) => r.url === '/api/inventory/vehicles');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe(
      'status=available,pending&condition=used&drivetrain=awd,4wd&make=Honda,Land%20Rover&yearMin=2018&priceMax=3000000&sort=-price&page=2&pageSize=50',
    );
    request.flush(vehicleList([vehicle()]));
    const page = await result;
    expect(page.items[0].stockNumber).toBe('U1042');
    expect(page.answeredByFallback).toBe(false);
  });

  it('a group search asks the group route; an answer from the database (Search-Fallback) says so', async () => {
    const result = firstValueFrom(api.list({ q: 'camry', facets: ['make', 'year'] }, 'group'));
    const request = http.expectOne((r) => r.url === '/api/inventory/group/vehicles');
    expect(request.request.params.toString()).toBe('q=camry&facets=make,year');
    request.flush(vehicleList([vehicle()]), {
      headers: { 'Search-Fallback': 'mysql; reason="engine down"' },
    });
    expect((await result).answeredByFallback).toBe(true);
  });

  it('when a vehicle is read, then the ETag comes with it', async () => {
    const result = firstValueFrom(api.get('0b6f9a52-47a4-4c0e-9e3f-6b1f5f1a9c10'));
    http
      .expectOne('/api/inventory/vehicles/0b6f9a52-47a4-4c0e-9e3f-6b1f5f1a9c10')
      .flush(vehicle(), { headers: { ETag: '"v3"' } });
    const { vehicle: read, etag } = await result;
    expect(read.make).toBe('Honda');
    expect(etag).toBe('"v3"');
  });

  it('when an edit is saved, then it sends If-Match with the ETag it read, and returns the new ETag', async () => {
    const read = firstValueFrom(api.get('v-1'));
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1' }), { headers: { ETag: '"v3"' } });
    const { etag } = await read;

    const saved = firstValueFrom(api.update('v-1', etag, { priceCents: 2299900 }));
    const patch = http.expectOne('/api/inventory/vehicles/v-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"v3"');
    expect(patch.request.body).toEqual({ priceCents: 2299900 });
    patch.flush(vehicle({ id: 'v-1', priceCents: 2299900, version: 4 }), { headers: { ETag: '"v4"' } });

    const result = await saved;
    expect(result.etag).toBe('"v4"');
    expect(result.vehicle.priceCents).toBe(2299900);
  });

  it('when someone else changed the vehicle, then the 412 reaches the caller', async () => {
    const saved = firstValueFrom(api.update('v-1', '"v3"', { status: 'sold' }));
    http.expectOne('/api/inventory/vehicles/v-1').flush(
      {
        type: 'https://showroom.dev/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
      },
      { status: 412, statusText: 'Precondition Failed' },
    );
    await expect(saved).rejects.toMatchObject({ status: 412 });
  });

  it('when a vehicle is deleted, then the DELETE carries If-Match', async () => {
    const removed = firstValueFrom(api.remove('v-1', '"v7"'));
    const request = http.expectOne('/api/inventory/vehicles/v-1');
    expect(request.request.method).toBe('DELETE');
    expect(request.request.headers.get('If-Match')).toBe('"v7"');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await expect(removed).resolves.toBeUndefined();
  });

  it('when the read had no ETag, then no If-Match is made up (the service answers 428)', async () => {
    const read = firstValueFrom(api.get('v-1'));
    http.expectOne('/api/inventory/vehicles/v-1').flush(vehicle({ id: 'v-1' }));
    const { etag } = await read;
    expect(etag).toBe('');

    void firstValueFrom(api.update('v-1', etag, { mileage: 1 })).catch(() => undefined);
    const patch = http.expectOne('/api/inventory/vehicles/v-1');
    expect(patch.request.headers.has('If-Match')).toBe(false);
    patch.flush(null, { status: 428, statusText: 'Precondition Required' });
  });

  it('creates a vehicle with a POST and keeps the ETag of the new record', async () => {
    const created = firstValueFrom(
      api.create({
        vin: '1HGCV1F33LA000001',
        stockNumber: 'U1',
        condition: 'used',
        year: 2020,
        make: 'Honda',
        model: 'Accord',
        mileage: 10,
      }),
    );
    const request = http.expectOne('/api/inventory/vehicles');
    expect(request.request.method).toBe('POST');
    expect(request.request.body.stockNumber).toBe('U1');
    request.flush(vehicle(), { status: 201, statusText: 'Created', headers: { ETag: '"v1"' } });
    expect((await created).etag).toBe('"v1"');
  });

  it('asks for the next stock number of a condition', async () => {
    const suggestion = firstValueFrom(api.nextStockNumber('certified'));
    const request = http.expectOne((r) => r.url === '/api/inventory/vehicles/next-stock-number');
    expect(request.request.params.get('condition')).toBe('certified');
    request.flush({ stockNumber: 'C0042' });
    expect(await suggestion).toBe('C0042');
  });

  it('decodes a VIN with it as a path segment', async () => {
    const decoded = firstValueFrom(api.decodeVin('1HGCV1F33LA000001'));
    http.expectOne('/api/inventory/vin/1HGCV1F33LA000001').flush(vinDecoding());
    expect((await decoded).make).toBe('Honda');
  });
});
