import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { closePage, openPage, settle as settlePage } from '../../../testing/page';
import { todayIn } from '../shared/report-range';
import { AnalyticsSettingsPage } from './analytics-settings-page';

describe('AnalyticsSettingsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const thisMonth = () => todayIn('America/Chicago').slice(0, 7);

  async function open() {
    ({ http, harness } = await openPage({
      routes: [{ path: 'analytics/settings', component: AnalyticsSettingsPage }],
      url: '/analytics/settings',
      role: 'manager',
    }));
    await settle();
  }

  const settle = () => settlePage(harness);
  const root = () => harness.fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    root().querySelector<T>(`[data-testid="${testId}"]`);
  const all = (testId: string) =>
    Array.from(root().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  function type(input: HTMLInputElement | null, value: string) {
    if (!input) throw new Error('no such field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function answerSettings(sampleRate = 1) {
    http
      .expectOne('/api/analytics/settings')
      .flush({ firstResponseTargetMinutes: 15, consent: 'implied', sampleRate, updatedAt: null });
  }

  function answerCosts(month = thisMonth()) {
    http.expectOne(`/api/analytics/source-costs?month=${month}`).flush({
      month,
      currency: 'USD',
      costs: [{ source: 'cars.com', costCents: 49_900 }],
      knownSources: ['website', 'cars.com'],
    });
  }

  afterEach(() => closePage(http));

  it('while loading, then says so; once loaded, shows the target, the consent rule explained and the sample rate', async () => {
    await open();
    expect(root().querySelectorAll('[role="status"]')).toHaveLength(2);
    answerSettings(0.25);
    answerCosts();
    await settle();
    expect(byTestId<HTMLInputElement>('first-response-target')?.value).toBe('15');
    expect(byTestId<HTMLInputElement>('sample-percent')?.value).toBe('25');
    expect(text(byTestId('consent-rule'))).toContain('Global Privacy Control');
    expect(text(byTestId('consent-rule'))).toContain('only visits of shoppers who accept are counted');
    expect(byTestId('consent-implied')?.querySelector('input')?.checked).toBe(true);
  });

  it('when the manager saves a new target and opt-in, then the settings are put as the service takes them', async () => {
    await open();
    answerSettings();
    answerCosts();
    await settle();
    type(byTestId<HTMLInputElement>('first-response-target'), '10');
    byTestId('consent-opt_in')?.querySelector('input')?.click();
    type(byTestId<HTMLInputElement>('sample-percent'), '50');
    byTestId('save-analytics-settings')?.click();
    await settle();
    const put = http.expectOne('/api/analytics/settings');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ firstResponseTargetMinutes: 10, consent: 'opt_in', sampleRate: 0.5 });
    put.flush({ ...put.request.body, updatedAt: '2026-12-06T19:00:00.000Z' });
    await settle();
  });

  it('when a target is out of range, then nothing is saved and the field says why', async () => {
    await open();
    answerSettings();
    answerCosts();
    await settle();
    type(byTestId<HTMLInputElement>('first-response-target'), '0');
    byTestId('save-analytics-settings')?.click();
    await settle();
    http.expectNone('/api/analytics/settings');
    expect(text(root())).toContain('Between 1 minute and 24 hours');
  });

  it('lists the month’s sources with their costs, adds one, and saves the month in cents', async () => {
    await open();
    answerSettings();
    answerCosts();
    await settle();
    expect(all('cost-source-name').map(text)).toEqual(['website', 'cars.com']);
    expect(all('cost-amount').map((input) => (input as HTMLInputElement).value)).toEqual(['', '499']);

    byTestId('add-source')?.click();
    await settle();
    type(byTestId<HTMLInputElement>('cost-source'), 'Radio ads');
    const amounts = all('cost-amount') as HTMLInputElement[];
    type(amounts[0], '1200');
    type(amounts[2], '350.50');
    byTestId('save-costs')?.click();
    await settle();
    const put = http.expectOne(`/api/analytics/source-costs/${thisMonth()}`);
    expect(put.request.body).toEqual({
      costs: [
        { source: 'website', costCents: 120_000 },
        { source: 'cars.com', costCents: 49_900 },
        { source: 'Radio ads', costCents: 35_050 },
      ],
    });
    put.flush({
      month: thisMonth(),
      currency: 'USD',
      costs: put.request.body.costs,
      knownSources: ['website', 'cars.com'],
    });
    await settle();
    expect(all('cost-row')).toHaveLength(3);
  });

  it('moves to the previous month and reads its costs; when they fail, then says so with a retry', async () => {
    await open();
    answerSettings();
    answerCosts();
    await settle();
    byTestId('month-previous')?.click();
    await settle();
    const [year, month] = thisMonth().split('-').map(Number);
    const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    http
      .expectOne(`/api/analytics/source-costs?month=${previous}`)
      .flush(
        { type: 'about:blank', title: 'Analytics is unavailable', status: 503 },
        { status: 503, statusText: 'x' },
      );
    await settle();
    expect(text(byTestId('source-costs'))).toContain('could not be loaded');
    Array.from(byTestId('source-costs')?.querySelectorAll('button') ?? [])
      .find((button) => text(button) === 'Try again')
      ?.click();
    await settle();
    answerCosts(previous);
    await settle();
    expect(all('cost-row')).toHaveLength(2);
    expect(byTestId<HTMLButtonElement>('month-next')?.disabled).toBe(false);
  });
});
