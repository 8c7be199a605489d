import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Location } from '@angular/common';
import { Router, provideRouter } from '@angular/router';
import type { LeadIntent, PublicVehicle } from '@showroom/contracts';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { SITE } from '../site/site';
import { site, vehicle } from '../shared/testing/fixtures';
import { LeadForm } from './lead-form';

@Component({ template: 'Thanks' })
class ThankYouStub {}

const LEADS_URL = `http://localhost:4200/api/leads/public/dealerships/${site().dealershipId}/leads`;

async function openForm(intent: LeadIntent, car: PublicVehicle | null = null) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'thank-you', component: ThankYouStub }]),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: SITE, useValue: site() },
    ],
  });
  const fixture = TestBed.createComponent(LeadForm);
  fixture.componentRef.setInput('intent', intent);
  fixture.componentRef.setInput('vehicle', car);
  await fixture.whenStable();
  return { fixture, form: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

function type(form: HTMLElement, name: string, value: string): void {
  const field = form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    `[name="${name}"]`,
  );
  if (!field) throw new Error(`no field named ${name}`);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

function submit(form: HTMLElement): void {
  form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

const sent = (http: HttpTestingController): TestRequest[] => http.match(LEADS_URL);

describe('LeadForm', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('has a honeypot field that people and assistive technology never meet', async () => {
    const { form } = await openForm('check_availability');
    const trap = form.querySelector<HTMLInputElement>('input[name="homepage"]');
    expect(trap).not.toBeNull();
    expect(trap?.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(trap?.getAttribute('tabindex')).toBe('-1');
    expect(trap?.getAttribute('autocomplete')).toBe('off');
    // Every field a person sees has a label.
    for (const field of Array.from(form.querySelectorAll('input, select, textarea'))) {
      expect(form.querySelector(`label[for="${field.id}"]`), field.getAttribute('name') ?? '').not.toBeNull();
    }
  });

  it('when a shopper asks for a test drive from a car, then the lead names the car and the preferred time', async () => {
    const { fixture, form, http } = await openForm('schedule_test_drive', vehicle());
    type(form, 'firstName', ' Maria ');
    type(form, 'phone', '(512) 555-0199');
    type(form, 'preferredDate', '2026-12-12');
    type(form, 'preferredTime', 'Afternoon');
    type(form, 'message', 'Can I bring my own mechanic?');
    submit(form);
    await fixture.whenStable();

    const [request] = sent(http);
    expect(request?.request.method).toBe('POST');
    expect(request?.request.body).toEqual({
      intent: 'schedule_test_drive',
      firstName: 'Maria',
      phone: '(512) 555-0199',
      message: 'Preferred test drive: 2026-12-12, Afternoon\nCan I bring my own mechanic?',
      vehicle: { vin: '4T1G11AK5MU123456', stockNumber: 'U1042' },
    });
    request?.flush({ receipt: 'r-1' }, { status: 201, statusText: 'Created' });
  });

  it('when the visit came from a campaign, then the lead carries the visit’s traffic source; without one, none', async () => {
    const { fixture, form, http } = await openForm('request_quote', vehicle());
    const visitSource = vi.spyOn(TestBed.inject(ShopperAnalytics), 'visitSource').mockReturnValue('google');
    type(form, 'firstName', 'Maria');
    type(form, 'email', 'maria@example.com');
    submit(form);
    await fixture.whenStable();
    const [fromGoogle] = sent(http);
    expect(fromGoogle?.request.body).toMatchObject({ intent: 'request_quote', trafficSource: 'google' });
    fromGoogle?.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();

    // A shopper who said no to analytics (or a server render) has no source to send.
    visitSource.mockReturnValue(null);
    submit(form);
    await fixture.whenStable();
    const [unattributed] = sent(http);
    expect(unattributed?.request.body).not.toHaveProperty('trafficSource');
    unattributed?.flush({ receipt: 'r-4' }, { status: 201, statusText: 'Created' });
  });

  it('when a shopper double-clicks send, then one lead goes out, and a retry of the same fill reuses its Idempotency-Key', async () => {
    const { fixture, form, http } = await openForm('check_availability', vehicle());
    type(form, 'firstName', 'Maria');
    type(form, 'email', 'maria@example.com');
    submit(form);
    submit(form);
    await fixture.whenStable();

    const first = sent(http);
    expect(first).toHaveLength(1);
    const key = first[0]?.request.headers.get('Idempotency-Key') ?? '';
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    first[0]?.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();
    expect(form.querySelector('[aria-live="assertive"]')?.textContent).toContain(
      'could not reach Demo Motors Downtown',
    );

    submit(form);
    await fixture.whenStable();
    const retry = sent(http);
    expect(retry).toHaveLength(1);
    expect(retry[0]?.request.headers.get('Idempotency-Key')).toBe(key);
    retry[0]?.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();

    // What the shopper sends changed: a new request, so a new key (the API refuses an old key with a new body).
    type(form, 'message', 'Is it still there on Saturday?');
    submit(form);
    await fixture.whenStable();
    const changed = sent(http);
    expect(changed[0]?.request.headers.get('Idempotency-Key')).not.toBe(key);
    changed[0]?.flush({ receipt: 'r-2' }, { status: 201, statusText: 'Created' });
  });

  it('when the API refuses fields, then each message shows at its field and the refusal is announced', async () => {
    const { fixture, form, http } = await openForm('general_contact');
    type(form, 'firstName', 'Maria');
    type(form, 'email', 'maria@example.com');
    type(form, 'message', 'Hello');
    submit(form);
    await fixture.whenStable();
    sent(http)[0]?.flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        invalidParams: [
          { name: 'body.email', reason: 'must be an e-mail address' },
          { name: 'body.phone', reason: 'not a phone number: use 7 to 15 digits' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const email = form.querySelector<HTMLInputElement>('input[name="email"]');
    expect(email?.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email?.getAttribute('aria-describedby')?.split(' ') ?? [];
    const message = describedBy.map((id) => form.querySelector(`[id="${id}"]`)?.textContent ?? '').join(' ');
    expect(message).toContain('Must be an e-mail address.');
    expect(form.querySelector('input[name="phone"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(form.querySelector('[aria-live="assertive"]')?.textContent).toContain(
      '2 fields need your attention.',
    );
  });

  it('when the shopper leaves out how to reach them, then nothing is sent and the form says why', async () => {
    const { fixture, form, http } = await openForm('check_availability');
    submit(form);
    await fixture.whenStable();
    expect(sent(http)).toHaveLength(0);
    expect(form.textContent).toContain('Enter your first name.');
    expect(form.textContent).toContain('Enter an e-mail address or a phone number');
  });

  it('when a trade-in is valued, then its year, make, model and mileage go as the trade-in and its condition in the message', async () => {
    const { fixture, form, http } = await openForm('value_trade_in');
    type(form, 'firstName', 'Sam');
    type(form, 'email', 'sam@example.com');
    type(form, 'tradeYear', '2016');
    type(form, 'tradeMake', 'Honda');
    type(form, 'tradeModel', 'Civic');
    type(form, 'tradeMileage', '88,000');
    type(form, 'tradeCondition', 'Good');
    submit(form);
    await fixture.whenStable();
    const body = sent(http)[0]?.request.body;
    expect(body.tradeIn).toEqual({ year: 2016, make: 'Honda', model: 'Civic', mileage: 88000 });
    expect(body.message).toBe('Trade-in condition: Good');
    expect(body.vehicle).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/ssn|birth/i);
  });

  it('when the lead is received, then the shopper lands on the thank-you page with who will answer', async () => {
    const { fixture, form, http } = await openForm('check_availability', vehicle());
    type(form, 'firstName', 'Maria');
    type(form, 'email', 'maria@example.com');
    submit(form);
    await fixture.whenStable();
    sent(http)[0]?.flush({ receipt: 'r-3' }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/thank-you');
    expect(TestBed.inject(Location).getState()).toMatchObject({
      intent: 'check_availability',
      firstName: 'Maria',
      vehicle: '2021 Toyota Camry SE',
    });
  });
});
