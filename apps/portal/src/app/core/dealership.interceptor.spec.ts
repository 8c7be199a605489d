import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { membership, NORTH, SOUTH } from '../../testing/fixtures';
import { ACTIVE_DEALERSHIP_STORAGE_KEY, ActiveDealership } from './active-dealership';
import { dealershipInterceptor } from './dealership.interceptor';

describe('dealershipInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let active: ActiveDealership;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([dealershipInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    active = TestBed.inject(ActiveDealership);
    active.setMemberships([membership(NORTH, 'owner'), membership(SOUTH, 'viewer')]);
  });

  afterEach(() => backend.verify());

  it('when the dealer calls the inventory service, then the active dealership is named', () => {
    http.get('/api/inventory/vehicles').subscribe();
    expect(backend.expectOne('/api/inventory/vehicles').request.headers.get('X-Dealership-Id')).toBe(NORTH);
  });

  it('when the dealer switches dealership, then the next call is made for the new one', () => {
    active.select(SOUTH);
    http.get('/api/inventory/vehicles/next-stock-number').subscribe();
    expect(
      backend.expectOne('/api/inventory/vehicles/next-stock-number').request.headers.get('X-Dealership-Id'),
    ).toBe(SOUTH);
  });

  it('when the dealer works deals or the retail settings, then the active dealership is named', () => {
    http.get('/api/retail/deals').subscribe();
    http.get('/api/retail/settings').subscribe();
    expect(backend.expectOne('/api/retail/deals').request.headers.get('X-Dealership-Id')).toBe(NORTH);
    expect(backend.expectOne('/api/retail/settings').request.headers.get('X-Dealership-Id')).toBe(NORTH);
  });

  it('when the dealer works leads or reads the team, then the active dealership is named too', () => {
    http.get('/api/leads/leads/counts').subscribe();
    http.get('/api/users/team').subscribe();
    http.put('/api/users/team/auth0%7Cdana/availability', { available: false }).subscribe();
    expect(backend.expectOne('/api/leads/leads/counts').request.headers.get('X-Dealership-Id')).toBe(NORTH);
    expect(backend.expectOne('/api/users/team').request.headers.get('X-Dealership-Id')).toBe(NORTH);
    expect(
      backend.expectOne('/api/users/team/auth0%7Cdana/availability').request.headers.get('X-Dealership-Id'),
    ).toBe(NORTH);
  });

  it('when an owner or manager administers the team, then the active dealership is named; an invitation link goes without it', () => {
    http.get('/api/users/members').subscribe();
    http.put('/api/users/members/auth0%7Csam/role', { role: 'manager' }).subscribe();
    http.delete('/api/users/invitations/5d1c3c52-7f0e-4a4b-9d0e-0c1f2a3b4c01').subscribe();
    http.get('/api/users/invitation-links/tok-123').subscribe();
    expect(backend.expectOne('/api/users/members').request.headers.get('X-Dealership-Id')).toBe(NORTH);
    expect(
      backend.expectOne('/api/users/members/auth0%7Csam/role').request.headers.get('X-Dealership-Id'),
    ).toBe(NORTH);
    expect(
      backend
        .expectOne('/api/users/invitations/5d1c3c52-7f0e-4a4b-9d0e-0c1f2a3b4c01')
        .request.headers.get('X-Dealership-Id'),
    ).toBe(NORTH);
    expect(
      backend.expectOne('/api/users/invitation-links/tok-123').request.headers.has('X-Dealership-Id'),
    ).toBe(false);
  });

  it('when the dealer edits the website or adds a rooftop, then the active dealership is named (the logo upload too)', () => {
    http.patch('/api/users/website', {}).subscribe();
    http.put('/api/users/website/logo', new FormData()).subscribe();
    http.post('/api/users/rooftops', {}).subscribe();
    expect(backend.expectOne('/api/users/website').request.headers.get('X-Dealership-Id')).toBe(NORTH);
    expect(backend.expectOne('/api/users/website/logo').request.headers.get('X-Dealership-Id')).toBe(NORTH);
    expect(backend.expectOne('/api/users/rooftops').request.headers.get('X-Dealership-Id')).toBe(NORTH);
  });

  it('when a group owner reads the group’s people, then the active dealership is named (the service reads its group)', () => {
    active.select(SOUTH);
    http.get('/api/users/group/people').subscribe();
    expect(backend.expectOne('/api/users/group/people').request.headers.get('X-Dealership-Id')).toBe(SOUTH);
  });

  it('leaves other services and other origins alone', () => {
    http.get('/api/users/me').subscribe();
    http.get('https://cdn.example.com/api/inventory/vehicles').subscribe();
    expect(backend.expectOne('/api/users/me').request.headers.has('X-Dealership-Id')).toBe(false);
    expect(
      backend
        .expectOne('https://cdn.example.com/api/inventory/vehicles')
        .request.headers.has('X-Dealership-Id'),
    ).toBe(false);
  });

  it('sends no header before the dealer’s memberships are known', () => {
    active.setMemberships([]);
    http.get('/api/inventory/vehicles').subscribe();
    expect(backend.expectOne('/api/inventory/vehicles').request.headers.has('X-Dealership-Id')).toBe(false);
  });
});

describe('ActiveDealership', () => {
  beforeEach(() => localStorage.clear());

  it('falls back to the first membership when nothing was chosen', () => {
    const active = TestBed.inject(ActiveDealership);
    active.setMemberships([membership(NORTH, 'sales'), membership(SOUTH, 'owner')]);
    expect(active.id()).toBe(NORTH);
    expect(active.role()).toBe('sales');
    expect(active.hasChoice()).toBe(true);
  });

  it('remembers the choice across reloads (a new store reads localStorage)', () => {
    const first = TestBed.inject(ActiveDealership);
    first.setMemberships([membership(NORTH, 'sales'), membership(SOUTH, 'owner')]);
    first.select(SOUTH);
    expect(localStorage.getItem(ACTIVE_DEALERSHIP_STORAGE_KEY)).toBe(SOUTH);

    TestBed.resetTestingModule();
    const afterReload = TestBed.inject(ActiveDealership);
    afterReload.setMemberships([membership(NORTH, 'sales'), membership(SOUTH, 'owner')]);
    expect(afterReload.id()).toBe(SOUTH);
    expect(afterReload.role()).toBe('owner');
  });

  it('when the remembered dealership is no longer one of the memberships, then it uses the first', () => {
    localStorage.setItem(ACTIVE_DEALERSHIP_STORAGE_KEY, 'a-revoked-dealership');
    const active = TestBed.inject(ActiveDealership);
    active.setMemberships([membership(SOUTH, 'viewer')]);
    expect(active.id()).toBe(SOUTH);
    expect(active.hasChoice()).toBe(false);
  });

  it('ignores a switch to a dealership the dealer is not a member of', () => {
    const active = TestBed.inject(ActiveDealership);
    active.setMemberships([membership(NORTH, 'sales')]);
    active.select(SOUTH);
    expect(active.id()).toBe(NORTH);
    // The one in use stays remembered (for the next visit's early read), not the refused one.
    expect(localStorage.getItem(ACTIVE_DEALERSHIP_STORAGE_KEY)).toBe(NORTH);
  });
});
