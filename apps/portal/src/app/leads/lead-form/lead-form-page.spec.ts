import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@showroom/contracts';
import { LEAD_ID, teamMember } from '../../../testing/fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../../testing/page';
import { LeadFormPage } from './lead-form-page';

@Component({ selector: 'sr-lead-stub', template: 'lead page' })
class LeadStub {}

describe('LeadFormPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(role: Role = 'sales') {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'leads/new', component: LeadFormPage },
        { path: 'leads/:id', component: LeadStub },
      ],
      url: '/leads/new',
      role,
    }));
    await settle();
  }

  const settle = () => settlePage(harness);

  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);

  function type(control: string, value: string) {
    const input = element<HTMLInputElement>(`[formcontrolname="${control}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function pick(testId: string, option: string) {
    element<HTMLElement>(`[data-testid="${testId}"] .mat-mdc-select-trigger`)?.click();
    await settle();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    options.find((o) => o.textContent?.trim() === option)?.click();
    await settle();
  }

  const errorText = (control: string) =>
    element(`[formcontrolname="${control}"]`)
      ?.closest('mat-form-field')
      ?.querySelector('mat-error')
      ?.textContent?.trim();

  async function submit() {
    element<HTMLButtonElement>('[data-testid="save-lead"]')?.click();
    await settle();
  }

  afterEach(() => closePage(http));

  it('sends a walk-in with only what was filled in, the vehicle as a stock number', async () => {
    await open();
    await pick('lead-source', 'Walk-in');
    type('firstName', ' Ann ');
    type('phone', '(555) 010-3000');
    type('vehicle', 'U1042');
    await settle();
    await submit();
    const post = http.expectOne('/api/leads/leads');
    expect(post.request.body).toEqual({
      source: 'walk_in',
      firstName: 'Ann',
      phone: '(555) 010-3000',
      vehicle: { stockNumber: 'U1042' },
    });
    post.flush(
      { leadId: LEAD_ID, submissionId: 's-1', duplicateOf: null },
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/leads/${LEAD_ID}`);
  });

  it('when the service refuses fields (400), then each reason appears on its field', async () => {
    await open();
    await pick('lead-source', 'Phone');
    type('firstName', 'Ann');
    type('email', 'ann@example.com');
    type('vehicle', '1HGCV1F33LA000001');
    await settle();
    await submit();
    const post = http.expectOne('/api/leads/leads');
    expect(post.request.body.vehicle).toEqual({ vin: '1HGCV1F33LA000001' });
    post.flush(
      {
        type: 'https://showroom.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        invalidParams: [
          { name: 'body.email', reason: 'this domain does not receive mail' },
          { name: 'body.vehicle.vin', reason: 'no vehicle with this VIN in stock' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(errorText('email')).toBe('this domain does not receive mail');
    expect(errorText('vehicle')).toBe('no vehicle with this VIN in stock');
    expect(TestBed.inject(Router).url).toBe('/leads/new');
  });

  it('when the shopper already had an open lead, then it goes there and says the entry was attached', async () => {
    await open();
    await pick('lead-source', 'Referral');
    type('firstName', 'Maria');
    type('email', 'maria@example.com');
    await settle();
    await submit();
    http
      .expectOne('/api/leads/leads')
      .flush(
        { leadId: LEAD_ID, submissionId: 's-2', duplicateOf: LEAD_ID },
        { status: 201, statusText: 'Created' },
      );
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/leads/${LEAD_ID}`);
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain(
      'already had an open lead: the new details were added to it',
    );
  });

  it('without an e-mail or a phone nothing is sent, and the form says one is needed', async () => {
    await open();
    await pick('lead-source', 'Walk-in');
    type('firstName', 'Ann');
    await settle();
    await submit();
    http.expectNone('/api/leads/leads');
    expect(element('[data-testid="contact-missing"]')?.textContent).toContain(
      'e-mail address or a phone number',
    );
  });

  it.each<[Role, boolean]>([
    ['sales', false],
    ['manager', true],
  ])('a %s may choose the assignee: %s', async (role, picker) => {
    await open(role);
    if (picker) http.expectOne('/api/users/team').flush({ items: [teamMember()] });
    expect(element('[data-testid="lead-assignee-picker"]') !== null).toBe(picker);
  });
});
