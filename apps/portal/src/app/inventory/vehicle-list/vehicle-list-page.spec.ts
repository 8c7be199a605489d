import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';
import type { Membership, Role } from '@showroom/contracts';
import { membership, NORTH, SOUTH, vehicle, vehicleHit, vehicleList } from '../../../testing/fixtures';
import { openPage, renderDeferred } from '../../../testing/page';
import { ActiveDealership } from '../../core/active-dealership';
import { dealershipInterceptor } from '../../core/dealership.interceptor';
import { openFirstScreen } from '../../shared/first-screen.testing';
import { VehicleFilters } from './vehicle-filters';
import { VehicleListPage } from './vehicle-list-page';
import { vehicleSearchAhead } from './vehicle-search';

const GROUP = '5b0d6f3e-1c1a-4d47-9a55-0a1d2b3c4d01';

describe('VehicleListPage', () => {
  let http: HttpTestingController;

  async function open(
    url: string,
    role: Role = 'sales',
    memberships = [membership(NORTH, role), membership(SOUTH, 'owner')],
  ) {
    const page = await openPage({
      routes: [{ path: 'inventory', component: VehicleListPage }],
      url,
      role,
      memberships,
      interceptors: [dealershipInterceptor],
    });
    http = page.http;
    await renderDeferred(page.harness);
    return page.harness;
  }

  /** The search for the page of results (the facet counts of picked facets ask for one row). */
  function expectSearch(url = '/api/inventory/vehicles') {
    return http.expectOne((request) => request.url === url && request.params.get('pageSize') !== '1');
  }

  function facetCountRequests() {
    return http.match((request) => request.params.get('pageSize') === '1');
  }

  function inDemoGroup(m: Membership): Membership {
    return {
      ...m,
      dealership: { ...m.dealership, dealerGroupId: GROUP, dealerGroupName: 'Demo Motor Group' },
    };
  }

  type Harness = Awaited<ReturnType<typeof open>>;

  /**
   * The search box waits for a pause in typing, so these run on fake timers: the list is open with
   * its first results in, and `typing` gets the page and its search box.
   */
  async function whileTyping(typing: (harness: Harness, searchBox: HTMLInputElement) => Promise<void>) {
    vi.useFakeTimers();
    try {
      const harness = await open('/inventory');
      expectSearch().flush(vehicleList([vehicle()]));
      const searchBox = harness.fixture.nativeElement.querySelector(
        '[data-testid="filter-q"]',
      ) as HTMLInputElement;
      await typing(harness, searchBox);
    } finally {
      vi.useRealTimers();
    }
  }

  function type(searchBox: HTMLInputElement, text: string) {
    searchBox.value = text;
    searchBox.dispatchEvent(new Event('input'));
  }

  afterEach(() => http.verify());

  it('when the URL carries filters, then the inventory service is asked for exactly those (prices in cents)', async () => {
    await open('/inventory?make=Honda&condition=used,certified&priceMin=15000&sort=-price&page=2');
    const request = expectSearch();
    expect(request.request.params.get('make')).toBe('Honda');
    expect(request.request.params.get('condition')).toBe('used,certified');
    expect(request.request.params.get('priceMin')).toBe('1500000');
    expect(request.request.params.get('sort')).toBe('-price');
    expect(request.request.params.get('page')).toBe('2');
    expect(request.request.headers.get('X-Dealership-Id')).toBe(NORTH);
    request.flush(vehicleList([vehicle()]));
    facetCountRequests().forEach((count) => count.flush(vehicleList([])));
  });

  it('when the dealer picks a filter, then it goes into the URL and the page resets', async () => {
    const harness = await open('/inventory?make=Honda&model=Civic&page=3');
    expectSearch().flush(vehicleList([vehicle()]));
    facetCountRequests().forEach((count) => count.flush(vehicleList([])));

    const filters = harness.fixture.debugElement.query(By.directive(VehicleFilters))
      .componentInstance as VehicleFilters;
    filters.filtersChange.emit({ make: ['Toyota'] });
    await harness.fixture.whenStable();

    const url = TestBed.inject(Router).url;
    expect(url).toBe('/inventory?make=Toyota');
    const next = expectSearch();
    expect(next.request.params.get('make')).toBe('Toyota');
    expect(next.request.params.has('model')).toBe(false);
    next.flush(vehicleList([]));
    facetCountRequests().forEach((count) => count.flush(vehicleList([])));
  });

  it('when the dealer types a search, then it is applied after a pause, not on every key', () =>
    whileTyping(async (harness, searchBox) => {
      type(searchBox, 'acc');
      vi.advanceTimersByTime(100);
      type(searchBox, 'accord');
      vi.advanceTimersByTime(400);
      await vi.runAllTimersAsync();
      await harness.fixture.whenStable();

      expect(TestBed.inject(Router).url).toBe('/inventory?q=accord');
      const searches = http.match((request) => request.url === '/api/inventory/vehicles');
      expect(searches.map((request) => request.request.params.get('q'))).toEqual(['accord']);
      searches.forEach((request) => request.flush(vehicleList([])));
    }));

  describe('opened by the router (the first screen of a visit)', () => {
    async function openWhileCodeDownloads(url: string) {
      const opening = await openFirstScreen({
        path: 'inventory',
        page: VehicleListPage,
        readAhead: vehicleSearchAhead,
        url,
        memberships: [membership(NORTH, 'sales')],
        interceptors: [dealershipInterceptor],
      });
      http = opening.http;
      return opening;
    }

    it('asks for the vehicles while the list’s code still downloads, and shows that answer without asking again', async () => {
      const { harness, codeArrives } = await openWhileCodeDownloads('/inventory?sort=price&page=2');
      const search = expectSearch();
      expect(search.request.params.get('sort')).toBe('price');
      expect(search.request.params.get('page')).toBe('2');
      expect(search.request.headers.get('X-Dealership-Id')).toBe(NORTH);
      search.flush(vehicleList([vehicle(), vehicle({ id: 'v-2', stockNumber: 'U2' })]));

      await codeArrives();
      const rows = harness.fixture.nativeElement.querySelectorAll('[data-testid="vehicle-row"]');
      expect(rows.length).toBe(2);
    });

    it('shows skeleton rows until the answer comes, then the vehicles in their place', async () => {
      const { harness, codeArrives } = await openWhileCodeDownloads('/inventory');
      const search = expectSearch();
      await codeArrives();
      const page = harness.fixture.nativeElement as HTMLElement;
      expect(page.querySelector('[data-testid="list-results"]')?.getAttribute('aria-busy')).toBe('true');
      expect(page.querySelector('sr-skeleton-rows')?.getAttribute('aria-hidden')).toBe('true');
      expect(page.querySelector('[role="status"]')?.textContent).toContain('Loading vehicles…');

      search.flush(vehicleList([vehicle()]));
      harness.fixture.detectChanges();
      expect(page.querySelector('sr-skeleton-rows')).toBeNull();
      expect(page.querySelectorAll('[data-testid="vehicle-row"]').length).toBe(1);
      expect(page.querySelector('[data-testid="list-results"]')?.getAttribute('aria-busy')).toBe('false');
    });

    it('when that search failed, then the error shows and "Try again" asks the service again', async () => {
      const { harness, codeArrives } = await openWhileCodeDownloads('/inventory');
      expectSearch().flush(
        { type: 'about:blank', title: 'Service unavailable', status: 503 },
        { status: 503, statusText: 'Service Unavailable' },
      );
      await codeArrives();
      const error = harness.fixture.nativeElement.querySelector('[data-testid="list-error"]') as HTMLElement;
      expect(error.textContent).toContain('Service unavailable');
      (error.querySelector('button') as HTMLButtonElement).click();
      expectSearch().flush(vehicleList([]));
    });
  });

  it('when the dealer switches dealership, then the list is loaded again for the new one', async () => {
    const harness = await open('/inventory');
    expectSearch().flush(vehicleList([vehicle()]));

    TestBed.inject(ActiveDealership).select(SOUTH);
    harness.fixture.detectChanges();
    await harness.fixture.whenStable();

    const reload = expectSearch();
    expect(reload.request.headers.get('X-Dealership-Id')).toBe(SOUTH);
    reload.flush(vehicleList([]));
  });

  it('shows one row per vehicle with the price formatted from cents', async () => {
    const harness = await open('/inventory');
    expectSearch().flush(
      vehicleList([vehicle(), vehicle({ id: 'v-2', stockNumber: 'U2', priceCents: 1899950 })]),
    );
    harness.fixture.detectChanges();
    const rows = harness.fixture.nativeElement.querySelectorAll('[data-testid="vehicle-row"]');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('2020 Honda Accord Sport');
    expect(rows[0].textContent).toContain('$24,599');
    expect(rows[1].textContent).toContain('$18,999.50');
  });

  it('when nothing matches, then it says so and offers to clear the filters', async () => {
    const harness = await open('/inventory?make=Lada');
    expectSearch().flush(vehicleList([]));
    facetCountRequests().forEach((count) => count.flush(vehicleList([])));
    harness.fixture.detectChanges();
    const empty = harness.fixture.nativeElement.querySelector('[data-testid="list-empty"]') as HTMLElement;
    expect(empty.textContent).toContain('No vehicles match these filters');
  });

  it('when the service fails, then an error with a retry is shown, and retry asks again', async () => {
    const harness = await open('/inventory');
    expectSearch().flush(
      { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Try again in a minute' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    harness.fixture.detectChanges();
    const error = harness.fixture.nativeElement.querySelector('[data-testid="list-error"]') as HTMLElement;
    expect(error.textContent).toContain('Service unavailable: Try again in a minute');
    (error.querySelector('button') as HTMLButtonElement).click();
    expectSearch().flush(vehicleList([]));
  });

  it.each<[Role, boolean]>([
    ['viewer', false],
    ['sales', true],
  ])('a %s sees "Add vehicle": %s', async (role, visible) => {
    const harness = await open('/inventory', role);
    expectSearch().flush(vehicleList([]));
    harness.fixture.detectChanges();
    expect(harness.fixture.nativeElement.querySelector('[data-testid="add-vehicle"]') !== null).toBe(visible);
  });

  it('when the dealer keeps typing, then the search still in flight is cancelled and only the newest answer shows', () =>
    whileTyping(async (harness, searchBox) => {
      const navigate = vi.spyOn(TestBed.inject(Router), 'navigate');

      type(searchBox, 'toy');
      await vi.advanceTimersByTimeAsync(160);
      const first = expectSearch();
      expect(first.request.params.get('q')).toBe('toy');

      type(searchBox, 'toyota');
      await vi.advanceTimersByTimeAsync(160);
      const second = expectSearch();
      expect(second.request.params.get('q')).toBe('toyota');
      expect(first.cancelled).toBe(true);
      second.flush(vehicleList([vehicle({ make: 'Toyota', model: 'Camry', trim: null })]));
      await harness.fixture.whenStable();
      harness.fixture.detectChanges();

      const rows = harness.fixture.nativeElement.querySelectorAll('[data-testid="vehicle-row"]');
      expect([...rows].map((row) => (row as HTMLElement).textContent)).toEqual([
        expect.stringContaining('2020 Toyota Camry'),
      ]);
      expect(TestBed.inject(Router).url).toBe('/inventory?q=toyota');
      // Starting the search added a history entry; refining it replaced that entry.
      expect(navigate.mock.calls.map(([, extras]) => extras?.replaceUrl)).toEqual([false, true]);
    }));

  it('marks what the search matched, as text: a make that looks like markup stays text', async () => {
    const harness = await open('/inventory?q=toyta');
    expectSearch().flush(
      vehicleList([
        vehicleHit({
          make: 'Toyota',
          model: '<img src=x onerror=alert(1)>',
          trim: null,
          highlights: [
            {
              field: 'make',
              parts: [{ text: 'Toyota', match: true }],
            },
            {
              field: 'stockNumber',
              parts: [
                { text: 'U10', match: true },
                { text: '42', match: false },
              ],
            },
          ],
        }),
      ]),
    );
    harness.fixture.detectChanges();
    const row = harness.fixture.nativeElement.querySelector('[data-testid="vehicle-row"]') as HTMLElement;
    const marks = [...row.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['U10', 'Toyota']);
    expect(row.querySelector('[data-testid="vehicle-link"]')?.textContent).toBe(
      '2020 Toyota <img src=x onerror=alert(1)>',
    );
    expect(row.querySelector('img')).toBeNull();
  });

  it('sorts by "Best match" while there is text, by "Newest arrivals" without', async () => {
    const harness = await open('/inventory?q=camry');
    expectSearch().flush(vehicleList([vehicle()]));
    harness.fixture.detectChanges();
    const sort = harness.fixture.nativeElement.querySelector('[data-testid="sort"]') as HTMLElement;
    expect(sort.textContent).toContain('Best match');

    await TestBed.inject(Router).navigateByUrl('/inventory');
    expectSearch().flush(vehicleList([vehicle()]));
    harness.fixture.detectChanges();
    expect(sort.textContent).toContain('Newest arrivals');
  });

  it('when the search engine was down and the database answered, then a quiet notice says so', async () => {
    const harness = await open('/inventory?q=camry');
    expectSearch().flush(vehicleList([vehicle()]), { headers: { 'Search-Fallback': 'mysql' } });
    harness.fixture.detectChanges();
    const notice = harness.fixture.nativeElement.querySelector('[data-testid="search-fallback"]');
    expect(notice?.getAttribute('role')).toBe('status');

    await TestBed.inject(Router).navigateByUrl('/inventory?q=civic');
    expectSearch().flush(vehicleList([vehicle()]));
    harness.fixture.detectChanges();
    expect(harness.fixture.nativeElement.querySelector('[data-testid="search-fallback"]')).toBeNull();
  });

  it('when a make is picked, then the make facet is counted without it, so a second make can be added', async () => {
    const harness = await open('/inventory?make=Toyota&q=hybrid');
    const results = expectSearch();
    expect(results.request.params.get('make')).toBe('Toyota');
    expect(results.request.params.get('facets')?.split(',')).not.toContain('make');
    results.flush(vehicleList([vehicle({ make: 'Toyota' })]));

    const [makeCount] = facetCountRequests();
    expect(makeCount.request.params.has('make')).toBe(false);
    expect(makeCount.request.params.get('q')).toBe('hybrid');
    expect(makeCount.request.params.get('facets')).toBe('make');
    makeCount.flush(
      vehicleList([], {
        facets: {
          make: [
            { value: 'Toyota', count: 3 },
            { value: 'Honda', count: 2 },
          ],
        },
      }),
    );
    harness.fixture.detectChanges();

    const filters = harness.fixture.debugElement.query(By.directive(VehicleFilters))
      .componentInstance as unknown as {
      selects(): { name: string; options: { value: string; count?: number | null }[] }[];
    };
    const make = filters.selects().find((select) => select.name === 'make');
    expect(make?.options.map(({ value, count }) => [value, count])).toEqual([
      ['Toyota', 3],
      ['Honda', 2],
    ]);
  });

  it('when a filter behind "More filters" is set, then those filters stay shown, the ranges with what the results span', async () => {
    const harness = await open('/inventory?drivetrain=awd');
    expectSearch().flush(vehicleList([vehicle({ drivetrain: 'awd' })]));
    facetCountRequests().forEach((count) => count.flush(vehicleList([])));
    harness.fixture.detectChanges();
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="filter-drivetrain"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="more-filters"]')).toBeNull();
    expect(page.querySelector('[data-testid="filter-year-min-hint"]')?.textContent).toContain('Lowest 2016');
    expect(page.querySelector('[data-testid="filter-price-max-hint"]')?.textContent).toContain(
      'Highest $48,500',
    );
  });

  it('a dealer of two rooftops of a group searches them all: the group route, and a Rooftop column', async () => {
    const harness = await open('/inventory', 'owner', [
      inDemoGroup(membership(NORTH, 'owner', 'Demo Motors Downtown')),
      inDemoGroup(membership(SOUTH, 'owner', 'Demo Motors Northside')),
    ]);
    expectSearch().flush(vehicleList([vehicle()]));
    // The toggle's code loads with its @defer block (only dealers of a group have it).
    harness.fixture.detectChanges();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    const toggle = harness.fixture.nativeElement.querySelector(
      '[data-testid="group-search"] button',
    ) as HTMLButtonElement;
    expect(toggle.closest('mat-slide-toggle')?.textContent).toContain('All rooftops in Demo Motor Group');

    toggle.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/inventory?scope=group');
    expectSearch('/api/inventory/group/vehicles').flush(
      vehicleList([
        vehicleHit({ dealershipId: SOUTH, rooftop: { id: SOUTH, name: 'Demo Motors Northside' } }),
      ]),
    );
    harness.fixture.detectChanges();

    const rooftop = harness.fixture.nativeElement.querySelector('[data-testid="vehicle-rooftop"]');
    expect(rooftop?.textContent).toContain('Demo Motors Northside');
    const link = harness.fixture.nativeElement.querySelector(
      '[data-testid="vehicle-link"]',
    ) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toContain(`dealership=${SOUTH}`);
  });

  it('a dealer of one rooftop is offered no group search, and a shared group link searches their rooftop', async () => {
    const harness = await open('/inventory?scope=group', 'sales', [inDemoGroup(membership(NORTH, 'sales'))]);
    expectSearch('/api/inventory/vehicles').flush(vehicleList([vehicle()]));
    harness.fixture.detectChanges();
    expect(harness.fixture.nativeElement.querySelector('[data-testid="group-search"]')).toBeNull();
    expect(harness.fixture.nativeElement.querySelector('[data-testid="vehicle-rooftop"]')).toBeNull();
  });
});
