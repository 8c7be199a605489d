import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type ResolveFn, Router } from '@angular/router';
import { membership, NORTH, SOUTH } from '../../testing/fixtures';
import { ACTIVE_DEALERSHIP_STORAGE_KEY, ActiveDealership } from '../core/active-dealership';
import { DEALERSHIP_HEADER, dealershipInterceptor } from '../core/dealership.interceptor';
import { EarlyRead, readEarly } from './early-read';
import { READ_AHEAD, ReadAhead } from './read-ahead';

@Component({ selector: 'sr-test-screen', template: 'screen' })
class Screen {}

/** A list screen's read, named by dealership and status as the real screens name theirs. */
const thingsKey = (dealershipId: string, status: string) => JSON.stringify([dealershipId, status]);
const thingsRead = (dealershipId: string, status: string) =>
  new ReadAhead(
    thingsKey(dealershipId, status),
    inject(HttpClient).get(`/api/inventory/things?status=${status}`),
  );

const thingsEarly = readEarly((dealershipId, url) =>
  thingsRead(dealershipId, url.queryParamMap.get('status') ?? 'all'),
);
const thingsAhead: ResolveFn<ReadAhead<unknown> | null> = (route) => {
  const dealershipId = inject(ActiveDealership).id();
  if (dealershipId === null) return null;
  const status = route.queryParamMap.get('status') ?? 'all';
  return inject(EarlyRead).claim(thingsKey(dealershipId, status)) ?? thingsRead(dealershipId, status);
};

describe('a first screen’s early read', () => {
  /** The memberships arrive when the test says: the session guard waits for them. */
  let membershipsLoaded: () => void;
  let loaded: boolean;
  let http: HttpTestingController;

  function visit(url: string, memberships = [membership(NORTH, 'sales')]): Promise<boolean> {
    loaded = false;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([dealershipInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          {
            path: '',
            canActivateChild: [
              () =>
                loaded ||
                new Promise<boolean>((resolve) => {
                  membershipsLoaded = () => {
                    TestBed.inject(ActiveDealership).setMemberships(memberships);
                    loaded = true;
                    resolve(true);
                  };
                }),
            ],
            children: [
              {
                path: 'things',
                runGuardsAndResolvers: 'always',
                canMatch: [thingsEarly],
                resolve: { [READ_AHEAD]: thingsAhead },
                component: Screen,
              },
            ],
          },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(Router).navigateByUrl(url);
  }

  const routerWaits = () => new Promise((resolve) => setTimeout(resolve, 0));
  const readOf = () =>
    TestBed.inject(Router).routerState.snapshot.root.firstChild?.firstChild?.data[READ_AHEAD];

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('asks in the dealership this browser worked in last while the memberships load, and the screen takes that answer', async () => {
    localStorage.setItem(ACTIVE_DEALERSHIP_STORAGE_KEY, NORTH);
    const navigation = visit('/things?status=sold');
    await routerWaits();
    const early = http.expectOne('/api/inventory/things?status=sold');
    expect(early.request.headers.get(DEALERSHIP_HEADER)).toBe(NORTH);

    membershipsLoaded();
    expect(await navigation).toBe(true);
    // No second request: the resolver claimed the early one, and the screen gets its answer.
    let answer: unknown;
    (readOf() as ReadAhead<unknown>).take(thingsKey(NORTH, 'sold'))?.subscribe((value) => (answer = value));
    early.flush({ items: ['a sold thing'] });
    expect(answer).toEqual({ items: ['a sold thing'] });
  });

  it('when that dealership is no longer one of the dealer’s, then the screen asks again in the one it works in', async () => {
    localStorage.setItem(ACTIVE_DEALERSHIP_STORAGE_KEY, NORTH);
    const navigation = visit('/things', [membership(SOUTH, 'manager')]);
    await routerWaits();
    const early = http.expectOne('/api/inventory/things?status=all');

    membershipsLoaded();
    expect(await navigation).toBe(true);
    const asked = http.expectOne('/api/inventory/things?status=all');
    expect(asked.request.headers.get(DEALERSHIP_HEADER)).toBe(SOUTH);
    expect((readOf() as ReadAhead<unknown>).key).toBe(thingsKey(SOUTH, 'all'));
    early.flush({ items: [] }, { status: 403, statusText: 'Forbidden' });
    asked.flush({ items: [] });
    // And the next visit asks early in the dealership it works in now.
    expect(localStorage.getItem(ACTIVE_DEALERSHIP_STORAGE_KEY)).toBe(SOUTH);
  });

  it('on a browser that has not worked in any dealership yet, then it waits for the memberships', async () => {
    const navigation = visit('/things');
    await routerWaits();
    http.expectNone('/api/inventory/things?status=all');

    membershipsLoaded();
    expect(await navigation).toBe(true);
    expect(http.expectOne('/api/inventory/things?status=all').request.headers.get(DEALERSHIP_HEADER)).toBe(
      NORTH,
    );
  });

  it('once the memberships are known, then it leaves the read to the resolver', async () => {
    localStorage.setItem(ACTIVE_DEALERSHIP_STORAGE_KEY, NORTH);
    const first = visit('/things');
    await routerWaits();
    membershipsLoaded();
    await first;
    http.expectOne('/api/inventory/things?status=all').flush({ items: [] });

    const second = TestBed.inject(Router).navigateByUrl('/things?status=sold');
    expect(await second).toBe(true);
    expect(http.match('/api/inventory/things?status=sold')).toHaveLength(1);
  });
});
