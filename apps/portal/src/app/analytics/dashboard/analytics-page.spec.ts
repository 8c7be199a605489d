import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Membership, Role } from '@showroom/contracts';
import { provideEchartsCore } from 'ngx-echarts';
import { membership, NORTH, SOUTH, teamMember } from '../../../testing/fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../../testing/page';
import type { AnalyticsReports } from '../../api/analytics-api';
import { everyReport, leadsBySourceReport } from '../analytics-fixtures';
import { presetRange, todayIn } from '../shared/report-range';
import { AnalyticsPage } from './analytics-page';

@Component({ selector: 'sr-settings-stub', template: '<p>settings</p>' })
class SettingsStub {}

/** Stands in for ECharts (jsdom has no layout): records what each chart was asked to draw. */
const drawn: { options: Record<string, unknown> }[] = [];
const fakeEcharts = {
  init: () => {
    const chart = {
      options: {} as Record<string, unknown>,
      setOption(options: Record<string, unknown>) {
        chart.options = options;
      },
      on: () => undefined,
      off: () => undefined,
      resize: () => undefined,
      showLoading: () => undefined,
      hideLoading: () => undefined,
      isDisposed: () => false,
      dispose: () => undefined,
    };
    drawn.push(chart);
    return chart;
  },
};

/** jsdom has no ResizeObserver, which ngx-echarts needs; nothing is ever resized here. */
class NoResizeObserver {
  observe = () => undefined;
  unobserve = () => undefined;
  disconnect = () => undefined;
}

const REPORTS = '/api/analytics/reports/';

describe('AnalyticsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeAll(() => vi.stubGlobal('ResizeObserver', NoResizeObserver));
  afterAll(() => vi.unstubAllGlobals());

  async function open(role: Role = 'manager', url = '/analytics', memberships?: Membership[]) {
    drawn.length = 0;
    ({ http, harness } = await openPage({
      routes: [
        { path: 'analytics', component: AnalyticsPage },
        { path: 'analytics/settings', component: SettingsStub },
      ],
      url,
      role,
      memberships,
      providers: [provideEchartsCore({ echarts: fakeEcharts })],
    }));
    await settle();
  }

  const settle = () => settlePage(harness);
  const root = () => harness.fixture.nativeElement as HTMLElement;
  const card = (name: string) => root().querySelector<HTMLElement>(`[data-report="${name}"]`);
  const inCard = (name: string, testId: string) =>
    card(name)?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  const pendingReports = () => http.match((request) => request.url.startsWith(REPORTS));
  const nameOf = (request: TestRequest) =>
    request.request.url.slice(REPORTS.length) as keyof AnalyticsReports;

  /** Answers every report asked, with the fixtures unless `answers` says otherwise. */
  async function answerReports(answers: Partial<Record<keyof AnalyticsReports, unknown>> = {}) {
    const reports = everyReport();
    // A filter change navigates first; the reports are asked once the new URL is read.
    await settle();
    const asked = pendingReports();
    for (const request of asked) {
      const name = nameOf(request);
      request.flush(answers[name] ?? reports[name]);
    }
    await settle();
    return asked;
  }

  function answerTeam() {
    http.expectOne('/api/users/team').flush({
      items: [teamMember(), teamMember({ id: 'auth0|viewer', name: 'Val Viewer', role: 'viewer' })],
    });
  }

  afterEach(() => closePage(http));

  it('while the reports load, then each card says it is loading; once answered, each shows its figure and chart', async () => {
    await open();
    answerTeam();
    await settle();
    expect(root().querySelectorAll('[data-testid="report-loading"]')).toHaveLength(7);

    const asked = await answerReports();
    const today = todayIn('America/Chicago');
    const { from, to } = presetRange('last-30', today);
    expect(asked.map(nameOf).sort()).toEqual([
      'close-rate',
      'first-response',
      'funnel',
      'inventory-aging',
      'leads-by-source',
      'no-result-searches',
      'source-costs',
    ]);
    for (const request of asked) {
      expect(request.request.urlWithParams).toContain(
        `?from=${from}&to=${to}&compare=previous&scope=rooftop`,
      );
    }
    expect(card('rooftops')).toBeNull();
    expect(text(inCard('leads-by-source', 'report-figure-value'))).toBe('6');
    expect(text(inCard('leads-by-source', 'report-figure-previous'))).toBe('▲ +50% vs 4 the previous period');
    // Shorter first responses are good news: the drop is marked as such.
    expect(inCard('first-response', 'report-figure-previous')?.querySelector('.change--good')).not.toBeNull();
    expect(text(inCard('first-response', 'report-figure-value'))).toBe('10 min');

    await vi.waitFor(() => expect(drawn.length).toBeGreaterThanOrEqual(6));
    const leadsChart = drawn.find((chart) =>
      (chart.options['series'] as { stack?: string }[] | undefined)?.some((s) => s.stack === 'leads'),
    );
    const series = leadsChart?.options['series'] as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['website', 'cars.com']);
    // One bar per day of the period the answer covers, the days without leads as zero.
    expect(series[0].data).toEqual([0, 3, 0, 0, 2, 0, 0]);
    // The list report has no chart: its table is shown at once.
    expect(inCard('no-result-searches', 'report-table')).not.toBeNull();
    expect(inCard('no-result-searches', 'show-table')).toBeNull();
  });

  it('when the dealer switches a card to its table, then it lists the same figures, and its CSV downloads them', async () => {
    await open();
    answerTeam();
    await answerReports();

    inCard('leads-by-source', 'show-table')?.querySelector('button')?.click();
    await settle();
    const rows = Array.from(card('leads-by-source')?.querySelectorAll('[data-testid="report-row"]') ?? []);
    expect(rows.map(text)).toEqual(['2026-12-01 website 3', '2026-12-01 cars.com 1', '2026-12-04 website 2']);
    expect(inCard('leads-by-source', 'report-chart')).toBeNull();
    // A screen reader's list of tables names it by its caption.
    expect(inCard('leads-by-source', 'report-table')?.querySelector('caption')?.textContent?.trim()).toBe(
      'Leads by source',
    );

    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:leads';
    });
    const links: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      links.push(this);
    });
    try {
      inCard('leads-by-source', 'download-csv')?.click();
      const { from, to } = presetRange('last-30', todayIn('America/Chicago'));
      expect(links[0].download).toBe(`showroom-leads-by-source-dealership-01-${from}-to-${to}.csv`);
      // jsdom's Blob has no text(): read it as a browser's FileReader does.
      const csv = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blobs[0]);
      });
      expect(csv.replace('\uFEFF', '').split('\r\n')).toEqual([
        'Day,Source,Leads',
        '2026-12-01,website,3',
        '2026-12-01,cars.com,1',
        '2026-12-04,website,2',
        '',
      ]);
    } finally {
      click.mockRestore();
      created.mockRestore();
    }
  });

  it('when a period had no leads, then the card says so instead of drawing an empty chart', async () => {
    await open();
    answerTeam();
    await answerReports({
      'leads-by-source': leadsBySourceReport({ days: [], sources: [], total: { current: 0, previous: 3 } }),
    });
    expect(text(inCard('leads-by-source', 'report-empty'))).toBe('No leads arrived in this period.');
    expect(inCard('leads-by-source', 'report-chart')).toBeNull();
    expect(inCard('leads-by-source', 'download-csv')?.hasAttribute('disabled')).toBe(true);
  });

  it('when one report fails, then only its card shows the problem, and Try again asks for it again', async () => {
    await open();
    answerTeam();
    await settle();
    for (const request of pendingReports()) {
      if (nameOf(request) === 'funnel') {
        request.flush(
          {
            type: 'about:blank',
            title: 'Analytics is unavailable',
            status: 503,
            detail: 'Try again in a minute.',
          },
          { status: 503, statusText: 'Service Unavailable' },
        );
      } else {
        request.flush(everyReport()[nameOf(request)]);
      }
    }
    await settle();
    expect(text(inCard('funnel', 'report-error'))).toContain(
      'Analytics is unavailable: Try again in a minute.',
    );
    expect(text(inCard('leads-by-source', 'report-figure-value'))).toBe('6');

    Array.from(card('funnel')?.querySelectorAll('button') ?? [])
      .find((button) => text(button) === 'Try again')
      ?.click();
    await settle();
    const again = pendingReports();
    expect(again.map(nameOf)).toEqual(['funnel']);
    again[0].flush(everyReport().funnel);
    await settle();
    expect(inCard('funnel', 'report-error')).toBeNull();
    expect(text(inCard('funnel', 'report-figure-value'))).toBe('1');
  });

  it('when a manager picks a salesperson or a period in the URL, then the reports are asked for that', async () => {
    await open('manager', '/analytics?range=last-7&compare=none&salesperson=auth0%7Csofia');
    answerTeam();
    await settle();
    const { from, to } = presetRange('last-7', todayIn('America/Chicago'));
    const asked = await answerReports();
    expect(asked[0].request.urlWithParams).toContain(
      `?from=${from}&to=${to}&compare=none&scope=rooftop&salespersonId=auth0%7Csofia`,
    );
    // Without a comparison the cards show no previous figure.
    expect(inCard('leads-by-source', 'report-figure-previous')).toBeNull();
    // Viewers do not answer leads: they are not offered as salespeople.
    expect(root().querySelector('[data-testid="analytics-salesperson"]')).not.toBeNull();
  });

  it('a salesperson sees their own figures: no salesperson filter, no costs, no team asked, no settings', async () => {
    await open('sales');
    const asked = await answerReports();
    expect(asked.map(nameOf)).not.toContain('source-costs');
    expect(card('source-costs')).toBeNull();
    http.expectNone('/api/users/team');
    expect(root().querySelector('[data-testid="analytics-salesperson"]')).toBeNull();
    expect(root().querySelector('[data-testid="analytics-settings-link"]')).toBeNull();
    expect(text(root().querySelector('[data-testid="analytics-own-figures"]'))).toContain('your own figures');
  });

  it('an owner of two rooftops of a group can switch to the group view, which adds the rooftops card', async () => {
    const group = (id: string, name: string): Membership => {
      const m = membership(id, 'owner', name);
      return {
        ...m,
        dealership: { ...m.dealership, dealerGroupId: 'g-1', dealerGroupName: 'Demo Motor Group' },
      };
    };
    await open('owner', '/analytics', [group(NORTH, 'Northside Honda'), group(SOUTH, 'Southside Toyota')]);
    answerTeam();
    await answerReports();
    expect(root().querySelector('[data-testid="analytics-settings-link"]')).not.toBeNull();

    root().querySelector<HTMLElement>('[data-testid="analytics-scope-group"] button')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/analytics?scope=group');
    const asked = await answerReports();
    expect(asked.map(nameOf)).toContain('rooftops');
    expect(asked.every((request) => request.request.params.get('scope') === 'group')).toBe(true);
    expect(text(inCard('rooftops', 'report-figure-value'))).toBe('9');
    expect(text(root().querySelector('[data-testid="analytics-subtitle"]'))).toContain('Demo Motor Group');
  });

  it('a manager of one rooftop is offered no group view', async () => {
    await open('manager');
    answerTeam();
    await answerReports();
    expect(root().querySelector('[data-testid="analytics-scope"]')).toBeNull();
    expect(elementIn(harness, '[data-testid="analytics-settings-link"]')).not.toBeNull();
  });
});
