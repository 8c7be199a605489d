import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { leadsBySourceReport } from '../analytics/analytics-fixtures';
import { AnalyticsApi } from './analytics-api';

describe('AnalyticsApi', () => {
  let api: AnalyticsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AnalyticsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks a report by its name with the period, comparison, scope and salesperson', async () => {
    const answer = firstValueFrom(
      api.report('leads-by-source', {
        from: '2026-11-30',
        to: '2026-12-06',
        compare: 'previous',
        scope: 'rooftop',
        salespersonId: 'auth0|sofia',
      }),
    );
    const request = http.expectOne(
      (r) => r.url === '/api/analytics/reports/leads-by-source' && r.method === 'GET',
    );
    expect(request.request.params.keys()).toEqual(['from', 'to', 'compare', 'scope', 'salespersonId']);
    expect(request.request.urlWithParams).toBe(
      '/api/analytics/reports/leads-by-source?from=2026-11-30&to=2026-12-06&compare=previous&scope=rooftop&salespersonId=auth0%7Csofia',
    );
    request.flush(leadsBySourceReport());
    expect((await answer).total.current).toBe(6);
  });

  it('leaves what is not set to the service’s defaults', () => {
    api.report('funnel', { from: '2026-12-01', to: '2026-12-06' }).subscribe();
    http.expectOne('/api/analytics/reports/funnel?from=2026-12-01&to=2026-12-06').flush({});
  });

  it('reads and saves the settings', async () => {
    const read = firstValueFrom(api.settings());
    http.expectOne('/api/analytics/settings').flush({
      firstResponseTargetMinutes: 15,
      consent: 'implied',
      sampleRate: 1,
      updatedAt: null,
    });
    expect((await read).consent).toBe('implied');

    const input = { firstResponseTargetMinutes: 10, consent: 'opt_in' as const, sampleRate: 0.5 };
    const saved = firstValueFrom(api.saveSettings(input));
    const put = http.expectOne('/api/analytics/settings');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(input);
    put.flush({ ...input, updatedAt: '2026-12-06T18:00:00.000Z' });
    expect((await saved).sampleRate).toBe(0.5);
  });

  it('reads a month’s source costs and replaces them', async () => {
    const month = { month: '2026-11', currency: 'USD', costs: [], knownSources: ['website'] };
    const read = firstValueFrom(api.sourceCosts('2026-11'));
    http.expectOne('/api/analytics/source-costs?month=2026-11').flush(month);
    expect((await read).knownSources).toEqual(['website']);

    const costs = [{ source: 'website', costCents: 50_000 }];
    const saved = firstValueFrom(api.saveSourceCosts('2026-11', { costs }));
    const put = http.expectOne('/api/analytics/source-costs/2026-11');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ costs });
    put.flush({ ...month, costs });
    expect((await saved).costs).toEqual(costs);
  });
});
