import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';
import type { Role } from '@showroom/contracts';
import { membership, NORTH, SOUTH, vehicle, vehicleList } from '../../../testing/fixtures';
import { openPage } from '../../../testing/page';
import { ActiveDealership } from '../../core/active-dealership';
import { dealershipInterceptor } from '../../core/dealership.interceptor';
import { VehicleFilters } from './vehicle-filters';
import { VehicleListPage } from './vehicle-list-page';

describe('VehicleListPage', () => {
  let http: HttpTestingController;

  async function open(url: string, role: Role = 'sales') {
    const page = await openPage({
      routes: [{ path: 'inventory', component: VehicleListPage }],
      url,
      role,
      memberships: [membership(NORTH, role), membership(SOUTH, 'owner')],
      interceptors: [dealershipInterceptor],
    });
    http = page.http;
    return page.harness;
  }

  function expectSearch() {
    return http.expectOne((request) => request.url === '/api/inventory/vehicles');
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
  });

  it('when the dealer picks a filter, then it goes into the URL and the page resets', async () => {
    const harness = await open('/inventory?make=Honda&model=Civic&page=3');
    expectSearch().flush(vehicleList([vehicle()]));

    const filters = harness.fixture.debugElement.query(By.directive(VehicleFilters))
      .componentInstance as VehicleFilters;
    filters.filtersChange.emit({ make: 'Toyota' });
    await harness.fixture.whenStable();

    const url = TestBed.inject(Router).url;
    expect(url).toBe('/inventory?make=Toyota');
    const next = expectSearch();
    expect(next.request.params.get('make')).toBe('Toyota');
    expect(next.request.params.has('model')).toBe(false);
    next.flush(vehicleList([]));
  });

  it('when the dealer types a search, then it is applied after a pause, not on every key', async () => {
    vi.useFakeTimers();
    try {
      const harness = await open('/inventory');
      expectSearch().flush(vehicleList([vehicle()]));
      const input = harness.fixture.nativeElement.querySelector(
        '[data-testid="filter-q"]',
      ) as HTMLInputElement;

      input.value = 'acc';
      input.dispatchEvent(new Event('input'));
      vi.advanceTimersByTime(100);
      input.value = 'accord';
      input.dispatchEvent(new Event('input'));
      vi.advanceTimersByTime(400);
      await vi.runAllTimersAsync();
      await harness.fixture.whenStable();

      expect(TestBed.inject(Router).url).toBe('/inventory?q=accord');
      const searches = http.match((request) => request.url === '/api/inventory/vehicles');
      expect(searches.map((request) => request.request.params.get('q'))).toEqual(['accord']);
      searches.forEach((request) => request.flush(vehicleList([])));
    } finally {
      vi.useRealTimers();
    }
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
});
