import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LeadForm } from '../lead-forms/lead-form';
import { PaymentPanel } from '../retail/payment-panel';
import { SITE } from '../site/site';
import { VEHICLE_ID, photo, site, vehicle } from '../shared/testing/fixtures';
import { retailTerms } from '../shared/testing/retail-fixtures';
import { VehicleGallery } from '../vehicle/vehicle-gallery';
import { ShopperAnalytics } from './shopper-analytics';

/** The tracker as the pages call it: each call recorded with its arguments. */
function recordingTracker() {
  const calls: [string, ...unknown[]][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const tracker = {
    search: record('search'),
    vehicleView: record('vehicleView'),
    galleryOpen: record('galleryOpen'),
    formStart: record('formStart'),
    formSubmit: record('formSubmit'),
    calculatorUse: record('calculatorUse'),
    // A read, not an event: the lead form asks it for the visit's traffic source (lead-form.spec checks that).
    visitSource: () => null,
  };
  return { tracker, calls };
}

function setUp() {
  const { tracker, calls } = recordingTracker();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'thank-you', children: [] }]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: SITE, useValue: site() },
      { provide: ShopperAnalytics, useValue: tracker },
    ],
  });
  return calls;
}

describe('what the pages tell the tracker', () => {
  it('the gallery: opened once the shopper moves past the first photo, however often they go on', async () => {
    const calls = setUp();
    // jsdom does not scroll; the gallery scrolls its strip to the photo.
    Object.defineProperty(HTMLElement.prototype, 'scrollTo', { value: () => undefined, configurable: true });
    const fixture = TestBed.createComponent(VehicleGallery);
    fixture.componentRef.setInput('photos', [photo('a'), photo('b'), photo('c')]);
    fixture.componentRef.setInput('title', '2021 Toyota Camry SE');
    fixture.componentRef.setInput('vehicleId', VEHICLE_ID);
    await fixture.whenStable();
    const next = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>(
      'button[aria-label="Next photo"]',
    );
    next?.click();
    next?.click();
    expect(calls).toEqual([['galleryOpen', VEHICLE_ID]]);
  });

  it('the lead form: started at the first field (the kind of form only, nothing typed) and sent once the dealership has it', async () => {
    const calls = setUp();
    const fixture = TestBed.createComponent(LeadForm);
    fixture.componentRef.setInput('intent', 'check_availability');
    fixture.componentRef.setInput('vehicle', vehicle());
    await fixture.whenStable();
    const form = fixture.nativeElement as HTMLElement;
    const type = (name: string, value: string) => {
      const field = form.querySelector<HTMLInputElement>(`[name="${name}"]`) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    type('firstName', 'Jane');
    type('lastName', 'Doe');
    type('email', 'jane.doe@example.com');
    type('phone', '(555) 867-5309');
    expect(calls).toEqual([['formStart', 'lead', VEHICLE_ID]]);

    form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne((request) => request.url.endsWith('/leads'))
      .flush({ receipt: 'r-1' }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(calls).toEqual([
      ['formStart', 'lead', VEHICLE_ID],
      ['formSubmit', 'lead', VEHICLE_ID],
    ]);
    expect(JSON.stringify(calls)).not.toMatch(/jane|doe|867/i);
  });

  it('the payment calculator: used at the shopper’s first change, with the kind of deal', async () => {
    const calls = setUp();
    const fixture = TestBed.createComponent(PaymentPanel);
    fixture.componentRef.setInput('vehicle', { ...vehicle(), priceCents: 2_499_900 });
    fixture.componentRef.setInput('terms', retailTerms());
    await fixture.whenStable();
    expect(calls).toEqual([]);
    const element = fixture.nativeElement as HTMLElement;
    const trade = Array.from(element.querySelectorAll('label')).find((label) =>
      label.textContent?.startsWith('Its value'),
    );
    const field = element.querySelector<HTMLInputElement>(`#${trade?.htmlFor}`) as HTMLInputElement;
    for (const value of ['8', '80', '8000']) {
      field.value = value;
      field.dispatchEvent(new Event('input'));
    }
    expect(calls).toEqual([['calculatorUse', VEHICLE_ID, 'finance']]);
  });
});
