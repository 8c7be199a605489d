import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { RESPONSE_INIT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from '../app.routes';
import { SITE } from '../site/site';
import { VEHICLE_ID, site, vehicle, vehicleList } from '../shared/testing/fixtures';
import { retailTerms } from '../shared/testing/retail-fixtures';

const VEHICLE_URL = `http://localhost:4200/api/inventory/public/dealerships/${site().dealershipId}/vehicles/${VEHICLE_ID}`;
const SEARCH_URL = `http://localhost:4200/api/inventory/public/dealerships/${site().dealershipId}/vehicles`;
const TERMS_URL = `http://localhost:4200/api/retail/public/dealerships/${site().dealershipId}/terms`;
const RETAIL_DOWN = { status: 503, statusText: 'Service Unavailable' };

async function open(url: string) {
  const response: ResponseInit = {};
  TestBed.configureTestingModule({
    providers: [
      provideRouter(appRoutes),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: SITE, useValue: site() },
      // As on the server: the page sets the status of the response it renders.
      { provide: RESPONSE_INIT, useValue: response },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const navigation = harness.navigateByUrl(url);
  return { harness, navigation, response, http: TestBed.inject(HttpTestingController) };
}

describe('VehiclePage', () => {
  it('when the car is sold or unpublished, then the page answers 404 and offers the way back to the cars', async () => {
    const { harness, navigation, response, http } = await open(`/cars/${VEHICLE_ID}/2021-toyota-camry-se`);
    await vi
      .waitFor(() => http.expectOne(VEHICLE_URL))
      .then((request) =>
        request.flush(
          { type: 'https://showroom.dev/problems/not-found', title: 'Not found', status: 404 },
          { status: 404, statusText: 'Not Found' },
        ),
      );
    http.expectOne(TERMS_URL).flush(null, RETAIL_DOWN);
    await navigation;
    await harness.fixture.whenStable();

    expect(response.status).toBe(404);
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('This car is no longer available');
    expect(page.querySelector('a[href="/cars"]')).not.toBeNull();
    expect(document.head.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    http.verify();
  });

  it('when the link has an old slug, then it redirects permanently to the car’s one URL', async () => {
    const { harness, navigation, response, http } = await open(`/cars/${VEHICLE_ID}/2020-toyota-corolla`);
    (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
    expect(response.status).toBe(301);
    // The redirect's navigation reads the car again for its own URL.
    (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
    await navigation;
    expect(TestBed.inject(Router).url).toBe(`/cars/${VEHICLE_ID}/2021-toyota-camry-se`);
    await harness.fixture.whenStable();
    http
      .match(() => true)
      .filter((request) => !request.cancelled)
      .forEach((request) =>
        request.flush(request.request.url === TERMS_URL ? retailTerms() : vehicleList({ items: [] })),
      );
  });

  it('shows the car: first photo eager and high priority, others lazy; price, facts, JSON-LD; the form only once asked for', async () => {
    const { harness, navigation, response, http } = await open(`/cars/${VEHICLE_ID}/2021-toyota-camry-se`);
    (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
    http.expectOne(TERMS_URL).flush(retailTerms());
    await navigation;
    await harness.fixture.whenStable();
    const similar = http.expectOne((r) => r.url === SEARCH_URL);
    expect(similar.request.params.get('make')).toBe('Toyota');
    similar.flush(vehicleList({ items: [] }));
    await harness.fixture.whenStable();

    expect(response.status).toBeUndefined();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('2021 Toyota Camry SE');
    expect(page.querySelector('.price')?.textContent).toBe('$24,999');
    const images = Array.from(page.querySelectorAll<HTMLImageElement>('.gallery img'));
    expect(images.map((img) => [img.getAttribute('loading'), img.getAttribute('fetchpriority')])).toEqual([
      ['eager', 'high'],
      ['lazy', null],
    ]);
    expect(images[0]?.getAttribute('width')).toBe('1920');
    expect(images[0]?.getAttribute('srcset')).toContain('camry-1-card.jpg 800w');
    const facts = Object.fromEntries(
      Array.from(page.querySelectorAll('.facts div')).map((row) => [
        row.querySelector('dt')?.textContent,
        row.querySelector('dd')?.textContent,
      ]),
    );
    expect(facts).toMatchObject({ VIN: '4T1G11AK5MU123456', 'Stock number': 'U1042', Mileage: '34,567 mi' });
    const carData = JSON.parse(document.head.querySelector('script#vehicle')?.textContent ?? '{}');
    expect(carData).toMatchObject({ '@type': 'Car', vehicleIdentificationNumber: '4T1G11AK5MU123456' });
    expect(document.head.querySelector('script#breadcrumbs')).not.toBeNull();
    expect(document.title).toBe('2021 Toyota Camry SE – $24,999 | Demo Motors Downtown');

    expect(page.querySelector('sf-lead-form')).toBeNull();
    const testDrive = Array.from(page.querySelectorAll<HTMLButtonElement>('.intents button')).find(
      (button) => button.textContent?.trim() === 'Schedule a test drive',
    );
    testDrive?.click();
    await vi.waitFor(async () => {
      await harness.fixture.whenStable();
      expect(page.querySelector('sf-lead-form h2')?.textContent).toBe('Schedule a test drive');
    });
    expect(testDrive?.getAttribute('aria-pressed')).toBe('true');
  });

  it('with the dealership’s terms, the car has a payment panel that estimates without asking again', async () => {
    const { harness, navigation, http } = await open(`/cars/${VEHICLE_ID}/2021-toyota-camry-se`);
    (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
    http.expectOne(TERMS_URL).flush(retailTerms());
    await navigation;
    await harness.fixture.whenStable();
    http.expectOne((r) => r.url === SEARCH_URL).flush(vehicleList({ items: [] }));
    await harness.fixture.whenStable();

    const page = harness.routeNativeElement as HTMLElement;
    await vi.waitFor(() => expect(page.querySelector('[data-testid="payment-panel"]')).not.toBeNull());
    expect(page.querySelector('[data-testid="monthly-payment"]')?.textContent).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(page.querySelector('[data-testid="payment-disclosure"]')?.textContent).toContain(
      'not an offer of credit',
    );
    expect(page.querySelector('[data-testid="buy-online"]')?.getAttribute('href')).toContain(
      '/buy?kind=finance',
    );
    http.verify();
  });

  it('when retail does not answer, the car’s page still renders, without a payment panel', async () => {
    const { harness, navigation, response, http } = await open(`/cars/${VEHICLE_ID}/2021-toyota-camry-se`);
    (await vi.waitFor(() => http.expectOne(VEHICLE_URL))).flush(vehicle());
    http.expectOne(TERMS_URL).flush(null, RETAIL_DOWN);
    await navigation;
    await harness.fixture.whenStable();
    http.expectOne((r) => r.url === SEARCH_URL).flush(vehicleList({ items: [] }));
    await harness.fixture.whenStable();

    expect(response.status).toBeUndefined();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('2021 Toyota Camry SE');
    expect(page.querySelector('[data-testid="payment-panel"]')).toBeNull();
  });
});
