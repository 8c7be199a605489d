import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@showroom/contracts';
import { lead, leadCounts, leadList, membership, NORTH, teamMember } from '../../../testing/fixtures';
import { elementIn, openPage, renderDeferred, settle as settlePage } from '../../../testing/page';
import { dealershipInterceptor } from '../../core/dealership.interceptor';
import { LeadCountsStore } from '../../core/lead-counts';
import { openFirstScreen } from '../../shared/first-screen.testing';
import { inboxSearchAhead } from './inbox-search';
import { LeadFilters } from './lead-filters';
import { LeadInboxPage } from './lead-inbox-page';

@Component({ selector: 'sr-lead-stub', template: 'lead' })
class LeadStub {}

describe('LeadInboxPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url: string, role: Role = 'manager') {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'leads', component: LeadInboxPage },
        { path: 'leads/:id', component: LeadStub },
      ],
      url,
      role,
      interceptors: [dealershipInterceptor],
    }));
    await renderDeferred(harness);
    if (role !== 'sales') {
      http
        .expectOne('/api/users/team')
        .flush({ items: [teamMember(), teamMember({ id: 'auth0|dana', name: 'Dana', role: 'manager' })] });
    }
  }

  const settle = () => settlePage(harness);

  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const all = (selector: string) =>
    Array.from((harness.fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(selector));
  const expectList = () => http.expectOne((request) => request.url === '/api/leads/leads');

  afterEach(() => {
    TestBed.inject(LeadCountsStore).stop();
    http.verify();
  });

  it('opened by the router, it asks for the leads while its code still downloads, shows skeleton rows, then that answer', async () => {
    const opening = await openFirstScreen({
      path: 'leads',
      page: LeadInboxPage,
      readAhead: inboxSearchAhead,
      url: '/leads?status=new&sort=oldest',
      memberships: [membership(NORTH, 'sales')],
      interceptors: [dealershipInterceptor],
    });
    ({ http, harness } = opening);
    const search = expectList();
    expect(search.request.params.get('status')).toBe('new');
    expect(search.request.params.get('sort')).toBe('oldest');
    expect(search.request.headers.get('X-Dealership-Id')).toBe(NORTH);

    await opening.codeArrives();
    expect(element('sr-skeleton-rows')).not.toBeNull();
    search.flush(leadList([lead()]));
    harness.fixture.detectChanges();
    expect(element('sr-skeleton-rows')).toBeNull();
    expect(all('[data-testid="lead-row"]').length).toBe(1);
  });

  it('when the URL carries filters, then the leads service is asked for exactly those, for the active dealership', async () => {
    await open('/leads?status=new,contacted&assignee=unassigned&overdue=true&from=2026-11-01&sort=oldest');
    const request = expectList();
    expect(request.request.params.get('status')).toBe('new,contacted');
    expect(request.request.params.get('assignee')).toBe('unassigned');
    expect(request.request.params.get('overdue')).toBe('true');
    expect(request.request.params.get('from')).toBe('2026-11-01');
    expect(request.request.params.get('sort')).toBe('oldest');
    expect(request.request.headers.get('X-Dealership-Id')).toBe(NORTH);
    request.flush(leadList([lead()]));
  });

  it('when the manager picks a filter, then it goes into the URL, the page resets, and the list is asked again', async () => {
    await open('/leads?status=new&page=3');
    expectList().flush(leadList([lead()], { total: 80, page: 3 }));

    const filters = harness.fixture.debugElement.query(By.directive(LeadFilters))
      .componentInstance as LeadFilters;
    filters.filtersChange.emit({ channel: ['adf'], assignee: 'auth0|sam' });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/leads?status=new&channel=adf&assignee=auth0%7Csam');
    const next = expectList();
    expect(next.request.params.get('channel')).toBe('adf');
    expect(next.request.params.get('assignee')).toBe('auth0|sam');
    expect(next.request.params.get('page')).toBe('1');
    next.flush(leadList([]));
  });

  it('the source filter’s "Buy online" lists the leads of deals submitted online', async () => {
    await open('/leads');
    expectList().flush(leadList([lead()]));
    element<HTMLElement>('[data-testid="lead-filter-source"]')?.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => option.textContent?.trim() === 'Buy online')
      ?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/leads?source=digital_retailing');
    const next = expectList();
    expect(next.request.params.get('source')).toBe('digital_retailing');
    next.flush(leadList([]));
  });

  it('when the dealer types a search, then it is applied after a pause, not on every key', async () => {
    vi.useFakeTimers();
    try {
      await open('/leads', 'sales');
      expectList().flush(leadList([lead()]));
      const input = element<HTMLInputElement>('[data-testid="lead-filter-q"]') as HTMLInputElement;
      input.value = 'mar';
      input.dispatchEvent(new Event('input'));
      vi.advanceTimersByTime(100);
      input.value = 'maria@example.com';
      input.dispatchEvent(new Event('input'));
      await vi.advanceTimersByTimeAsync(500);
      await settle();

      expect(TestBed.inject(Router).url).toBe('/leads?q=maria@example.com');
      const searches = http.match((request) => request.url === '/api/leads/leads');
      expect(searches.map((request) => request.request.params.get('q'))).toEqual(['maria@example.com']);
      searches.forEach((request) => request.flush(leadList([])));
    } finally {
      vi.useRealTimers();
    }
  });

  it('a salesperson, who sees only their own leads, gets no assignee filter (and the team is not read)', async () => {
    await open('/leads', 'sales');
    expectList().flush(leadList([lead()]));
    await settle();
    expect(element('[data-testid="lead-filter-assignee"]')).toBeNull();
    expect(element('[data-testid="new-lead"]')).not.toBeNull();
  });

  it('a manager filters by assignee among the salespeople; a viewer cannot enter leads', async () => {
    await open('/leads', 'viewer');
    expectList().flush(leadList([lead()]));
    await settle();
    expect(element('[data-testid="lead-filter-assignee"]')).not.toBeNull();
    expect(element('[data-testid="new-lead"]')).toBeNull();
  });

  it('shows one row per lead: shopper, source, vehicle, status, assignee, and an overdue task in words', async () => {
    await open('/leads');
    expectList().flush(
      leadList([
        lead(),
        lead({
          id: 'l-2',
          status: 'contacted',
          channel: 'manual',
          source: 'walk_in',
          assignee: null,
          shopper: {
            firstName: 'Tom',
            lastName: null,
            email: null,
            phone: '555-010-9999',
            preferredContact: 'phone',
          },
          vehicle: null,
          nextTaskDueAt: '2026-11-19T15:00:00.000Z',
          overdue: true,
        }),
      ]),
    );
    await settle();
    const rows = all('[data-testid="lead-row"]');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('Maria Lopez');
    expect(rows[0].textContent).toContain('maria@example.com');
    expect(rows[0].textContent).toContain('Website · request quote');
    expect(rows[0].textContent).toContain('2020 Honda Accord Sport');
    expect(rows[0].querySelector('[data-testid="status-chip"]')?.textContent?.trim()).toBe('New');
    expect(rows[0].querySelector('time')?.getAttribute('title')).toMatch(/Nov 20, 2026/);
    expect(rows[1].textContent).toContain('Walk-in');
    expect(rows[1].textContent).toContain('Unassigned');
    const due = rows[1].querySelector('[data-testid="next-task"]');
    expect(due?.querySelector('[data-testid="overdue"]')?.textContent).toBe('Overdue');
    expect(due?.querySelector('mat-icon')?.getAttribute('svgicon')).toBe('alarm');
    expect(rows[0].querySelector('[data-testid="overdue"]')).toBeNull();
  });

  it('when nothing matches, then it says so and offers to clear the filters', async () => {
    await open('/leads?overdue=true');
    expectList().flush(leadList([]));
    await settle();
    expect(element('[data-testid="lead-list-empty"]')?.textContent).toContain('No leads match these filters');
  });

  it('when the service fails, then an error with a retry is shown, and retry asks again', async () => {
    await open('/leads');
    expectList().flush(
      { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Try again in a minute' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    const error = element('[data-testid="lead-list-error"]') as HTMLElement;
    expect(error.textContent).toContain('Service unavailable: Try again in a minute');
    error.querySelector('button')?.click();
    expectList().flush(leadList([]));
  });

  it('when the change token moves, then the open inbox reloads by itself and says a lead arrived', async () => {
    await open('/leads');
    const counts = TestBed.inject(LeadCountsStore);
    counts.start();
    http.expectOne('/api/leads/leads/counts').flush(leadCounts({ changeToken: 't1' }));
    expectList().flush(leadList([lead()]));
    await settle();

    counts.refresh();
    http.expectOne('/api/leads/leads/counts').flush(leadCounts({ changeToken: 't1' }));
    http.expectNone((request) => request.url === '/api/leads/leads');

    counts.refresh();
    http.expectOne('/api/leads/leads/counts').flush(leadCounts({ new: 3, changeToken: 't2' }));
    expectList().flush(
      leadList([lead({ id: 'l-new', shopper: { ...lead().shopper, firstName: 'Nia' } }), lead()]),
    );
    await settle();
    expect(all('[data-testid="lead-row"]').length).toBe(2);
    expect(element('[data-testid="fresh-leads"]')?.textContent).toContain('1 new lead just arrived');
  });
});
