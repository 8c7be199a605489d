import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { closePage, elementIn, openPage, settle as settlePage } from '../../testing/page';
import { retailSettings } from '../deals/deal-fixtures';
import { RetailTermsForm } from './retail-terms-form';

describe('RetailTermsForm', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(settings = retailSettings()) {
    ({ http, harness } = await openPage({
      routes: [{ path: 'retail-settings', component: RetailTermsForm }],
      url: '/retail-settings',
      role: 'manager',
    }));
    http.expectOne('/api/retail/settings').flush(settings);
    await settle();
  }

  const settle = () => settlePage(harness);
  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    elementIn<T>(harness, `[data-testid="${testId}"]`) as T;

  function type(testId: string, value: string) {
    const input = byTestId<HTMLInputElement>(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function check(testId: string) {
    byTestId(testId).querySelector<HTMLInputElement>('input')?.click();
  }

  async function save() {
    byTestId<HTMLButtonElement>('save-retail-settings').click();
    await settle();
  }

  afterEach(() => closePage(http));

  it('shows the settings in dollars and percent, each money factor with its APR equivalent', async () => {
    await open();
    expect(byTestId<HTMLInputElement>('fee-documentation').value).toBe('199');
    expect(byTestId<HTMLInputElement>('sales-tax').value).toBe('6.25');
    expect(byTestId<HTMLInputElement>('tier-apr-excellent').value).toBe('5.49');
    expect(byTestId('tier-apr-equivalent-excellent').textContent).toContain('3.00% APR');
    expect(byTestId('tier-apr-equivalent-good').textContent).toContain('4.32% APR');
    expect(byTestId('tier-apr-fair')).toBeNull();
    expect(byTestId<HTMLInputElement>('residual-36').value).toBe('58');
    expect(byTestId<HTMLInputElement>('residual-39').value).toBe('');
    expect(byTestId<HTMLInputElement>('retention-days').value).toBe('90');
  });

  it('when the dealer offers a new tier and a 39-month lease, then the whole update goes in cents and basis points with If-Match', async () => {
    await open();
    check('tier-offered-fair');
    await settle();
    type('tier-apr-fair', '11.9');
    type('tier-money-factor-fair', '0.0035');
    await settle();
    expect(byTestId('tier-apr-equivalent-fair').textContent).toContain('8.40% APR');
    type('residual-39', '55.5');
    type('fee-documentation', '249.5');
    type('reservation-hold-hours', '72');
    await save();

    const put = http.expectOne('/api/retail/settings');
    expect(put.request.headers.get('If-Match')).toBe('"v7"');
    const { version, updatedAt, ...before } = retailSettings();
    expect([version, updatedAt]).toBeTruthy();
    expect(put.request.body).toEqual({
      ...before,
      fees: { ...before.fees, documentationCents: 24_950 },
      creditTiers: [
        ...before.creditTiers,
        { tier: 'fair', label: 'Fair', financeAprBps: 1190, leaseMoneyFactor: 0.0035 },
      ],
      leaseResiduals: [
        { termMonths: 36, residualBps: 5800 },
        { termMonths: 39, residualBps: 5550 },
        { termMonths: 48, residualBps: 5000 },
      ],
      reservation: { depositCents: 50_000, holdHours: 72 },
    });
    put.flush(retailSettings({ version: 8 }));
    await settle();
  });

  it('when a value is out of range or no tier is left, then nothing is sent', async () => {
    await open();
    type('sales-tax', '25');
    await save();
    http.expectNone('/api/retail/settings');
    type('sales-tax', '7');
    check('tier-offered-excellent');
    check('tier-offered-good');
    await settle();
    expect(byTestId('no-tier').textContent).toContain('at least one credit tier');
    await save();
    http.expectNone('/api/retail/settings');
  });

  it('when someone else saved first (412), then the dealer is told and reloads their version', async () => {
    await open();
    type('fee-title', '40');
    await save();
    http
      .expectOne('/api/retail/settings')
      .flush(
        { type: 'about:blank', title: 'Precondition failed', status: 412 },
        { status: 412, statusText: 'Precondition Failed' },
      );
    await settle();
    expect(byTestId('retail-settings-stale').textContent).toContain('Someone else changed');
    byTestId<HTMLButtonElement>('reload-retail-settings').click();
    await settle();
    http
      .expectOne('/api/retail/settings')
      .flush(retailSettings({ version: 9, creditApplicationRetentionDays: 30 }));
    await settle();
    expect(byTestId('retail-settings-stale')).toBeNull();
    expect(byTestId<HTMLInputElement>('retention-days').value).toBe('30');
  });

  it('when the service refuses the save, then its reasons are listed above the form', async () => {
    await open();
    await save();
    http.expectOne('/api/retail/settings').flush(
      {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        invalidParams: [{ name: 'body.leaseResiduals', reason: 'each lease term once' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(byTestId('retail-settings-save-error').textContent).toContain('each lease term once');
  });
});
