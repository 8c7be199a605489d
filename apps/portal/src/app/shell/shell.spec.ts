import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Auth0ClientService, AuthService } from '@auth0/auth0-angular';
import type { Me } from '@showroom/contracts';
import { of, throwError } from 'rxjs';
import { leadCounts, me, membership, NORTH, SOUTH, teamMember } from '../../testing/fixtures';
import { renderDeferred } from '../../testing/page';
import { UsersApi } from '../api/users-api';
import { ActiveDealership } from '../core/active-dealership';
import { LEAD_COUNTS_POLL_MS, LeadCountsStore } from '../core/lead-counts';
import { sessionLoaded } from '../core/session';
import { Shell } from './shell';

@Component({ selector: 'sr-page-stub', template: '<p data-testid="page">page</p>' })
class PageStub {}

describe('Shell', () => {
  let logout: ReturnType<typeof vi.fn>;
  let revokeRefreshToken: ReturnType<typeof vi.fn<() => Promise<void>>>;
  const calls: string[] = [];
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(answer: () => ReturnType<UsersApi['me']>, url = '/inventory') {
    localStorage.clear();
    calls.length = 0;
    logout = vi.fn(() => {
      calls.push('logout');
      return of(undefined);
    });
    revokeRefreshToken = vi.fn<() => Promise<void>>(async () => {
      calls.push('revoke');
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: '',
            component: Shell,
            canActivateChild: [sessionLoaded],
            children: [
              { path: 'inventory', component: PageStub },
              { path: 'inventory/:id', component: PageStub },
              { path: 'leads', component: PageStub },
              { path: 'leads/:id', component: PageStub },
              { path: 'team', component: PageStub },
              { path: 'team/:userId', component: PageStub },
              { path: 'account', component: PageStub },
            ],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: UsersApi, useValue: { me: answer } },
        { provide: AuthService, useValue: { logout } },
        {
          provide: Auth0ClientService,
          useValue: { revokeRefreshToken: () => revokeRefreshToken() },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle();
  }

  /** Renders the page as it is once idle: the account menu and the switcher load then (`@defer (on idle)`). */
  async function settle() {
    await renderDeferred(harness);
  }

  /** Answers what the shell asks in the background: lead counts, and the team for a salesperson. */
  function answerBackground(counts = leadCounts(), team = [teamMember()]) {
    const open = (url: string) => http.match(url).filter((request) => !request.cancelled);
    open('/api/leads/leads/counts').forEach((request) => request.flush(counts));
    open('/api/users/team').forEach((request) => request.flush({ items: team }));
  }

  afterEach(() => {
    TestBed.inject(LeadCountsStore).stop();
    answerBackground();
    http.verify();
  });

  const dealer = (memberships: Me['memberships']) => () => of(me(memberships));
  const element = (selector: string) =>
    (harness.fixture.nativeElement as HTMLElement).querySelector(selector) as HTMLElement | null;

  it('shows the dealership and the dealer’s role, without a switcher for a single membership', async () => {
    await open(dealer([membership(NORTH, 'sales', 'Northside Honda')]));
    expect(element('[data-testid="dealership-name"]')?.textContent).toBe('Northside Honda');
    expect(element('[data-testid="role-badge"]')?.textContent).toBe('Sales');
    expect(element('[data-testid="dealership-switcher"]')).toBeNull();
    expect(element('[data-testid="page"]')).not.toBeNull();
  });

  it('offers the switcher to a dealer with several dealerships, and switching changes the active one', async () => {
    await open(
      dealer([
        membership(NORTH, 'sales', 'Northside Honda'),
        membership(SOUTH, 'manager', 'Southside Toyota'),
      ]),
      '/inventory/v-1',
    );
    const switcher = element('[data-testid="dealership-switcher"]');
    expect(switcher?.textContent).toContain('Northside Honda');

    switcher?.click();
    harness.fixture.detectChanges();
    const options = document.querySelectorAll<HTMLButtonElement>('[data-testid="dealership-option"]');
    expect(options.length).toBe(2);
    options[1].click();
    harness.fixture.detectChanges();
    await harness.fixture.whenStable();

    expect(TestBed.inject(ActiveDealership).id()).toBe(SOUTH);
    expect(element('[data-testid="role-badge"]')?.textContent).toBe('Manager');
    // A record of the old dealership would be "not found" in the new one: back to the list.
    expect(TestBed.inject(Router).url).toBe('/inventory');
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('shows who is signed in and signs out back to the portal’s origin', async () => {
    await open(dealer([membership(NORTH, 'owner')]));
    element('[data-testid="user-menu"]')?.click();
    harness.fixture.detectChanges();
    expect(document.querySelector('[data-testid="user-name"]')?.textContent).toBe('Dana Whitfield');
    expect(document.querySelector('[data-testid="user-email"]')?.textContent).toBe('dana@northside.example');
    document.querySelector<HTMLButtonElement>('[data-testid="sign-out"]')?.click();
    await settle();
    expect(logout).toHaveBeenCalledWith({ logoutParams: { returnTo: window.location.origin } });
    // The refresh token in localStorage is revoked before leaving, not left to expire.
    expect(calls).toEqual(['revoke', 'logout']);
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('when the identity provider cannot be reached at sign-out, then the dealer is signed out all the same', async () => {
    await open(dealer([membership(NORTH, 'owner')]));
    revokeRefreshToken.mockRejectedValueOnce(new Error('Failed to fetch'));
    element('[data-testid="user-menu"]')?.click();
    harness.fixture.detectChanges();
    document.querySelector<HTMLButtonElement>('[data-testid="sign-out"]')?.click();
    await settle();
    expect(logout).toHaveBeenCalledWith({ logoutParams: { returnTo: window.location.origin } });
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('when the dealer belongs to no dealership, then it says what to do instead of an empty portal', async () => {
    await open(dealer([]));
    expect(element('[data-testid="no-membership"]')?.textContent).toContain('Ask your dealership');
    expect(element('[data-testid="page"]')).toBeNull();
  });

  it('when the account cannot be loaded, then it offers a retry', async () => {
    await open(() => throwError(() => new Error('offline')));
    expect(element('[data-testid="session-error"]')?.textContent).toContain(
      'Your account could not be loaded',
    );
  });

  it('shows new and overdue leads on the Leads entry, and polls them every 15 s', async () => {
    vi.useFakeTimers();
    try {
      await open(dealer([membership(NORTH, 'manager')]));
      http.expectOne('/api/leads/leads/counts').flush(leadCounts({ new: 1, overdue: 0, changeToken: 'a' }));
      await settle();
      expect(element('[data-testid="nav-leads-new"]')?.textContent?.trim()).toBe('1');
      expect(element('[data-testid="nav-leads-overdue"]')).toBeNull();

      await vi.advanceTimersByTimeAsync(LEAD_COUNTS_POLL_MS);
      http.expectOne('/api/leads/leads/counts').flush(leadCounts({ new: 4, overdue: 2, changeToken: 'b' }));
      await settle();
      expect(element('[data-testid="nav-leads-new"]')?.getAttribute('aria-label')).toBe('4 new');
      const overdue = element('[data-testid="nav-leads-overdue"]');
      expect(overdue?.textContent?.trim()).toBe('2');
      expect(overdue?.getAttribute('aria-label')).toBe('2 overdue');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a salesperson switches "Available for new leads" off for themselves', async () => {
    await open(dealer([membership(NORTH, 'sales')]));
    answerBackground(leadCounts(), [
      teamMember({ id: 'auth0|dana', name: 'Dana Whitfield', available: true }),
    ]);
    await settle();
    element('[data-testid="user-menu"]')?.click();
    await settle();
    const toggle = document.querySelector('[data-testid="availability-toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    toggle.click();
    const put = http.expectOne('/api/users/team/auth0%7Cdana/availability');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ available: false });
    put.flush(teamMember({ id: 'auth0|dana', available: false }));
    await settle();
    element('[data-testid="user-menu"]')?.click();
    await settle();
    expect(document.querySelector('[data-testid="availability-toggle"]')?.getAttribute('aria-checked')).toBe(
      'false',
    );
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('a manager, who is not in the round-robin, has no availability switch', async () => {
    await open(dealer([membership(NORTH, 'manager')]));
    answerBackground();
    element('[data-testid="user-menu"]')?.click();
    await settle();
    expect(document.querySelector('[data-testid="availability-toggle"]')).toBeNull();
    http.expectNone('/api/users/team');
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('offers Channels (syndication feeds) to owners and managers, not to salespeople', async () => {
    await open(dealer([membership(NORTH, 'manager')]), '/inventory/syndication');
    answerBackground();
    const channels = element('[data-testid="nav-channels"]');
    expect(channels?.getAttribute('href')).toBe('/inventory/syndication');
    expect(channels?.getAttribute('aria-current')).toBe('page');
    expect(element('[data-testid="nav-inventory"]')?.getAttribute('aria-current')).toBeNull();
    TestBed.resetTestingModule();

    await open(dealer([membership(NORTH, 'sales')]));
    answerBackground();
    expect(element('[data-testid="nav-channels"]')).toBeNull();
  });

  it('offers Website to owners and managers and Rooftops to owners only; others see neither entry', async () => {
    await open(dealer([membership(NORTH, 'owner')]));
    answerBackground();
    expect(element('[data-testid="nav-website"]')?.getAttribute('href')).toBe('/website');
    expect(element('[data-testid="nav-rooftops"]')?.getAttribute('href')).toBe('/rooftops');
    TestBed.resetTestingModule();

    await open(dealer([membership(NORTH, 'manager')]));
    answerBackground();
    expect(element('[data-testid="nav-website"]')).not.toBeNull();
    expect(element('[data-testid="nav-rooftops"]')).toBeNull();
    TestBed.resetTestingModule();

    await open(dealer([membership(NORTH, 'sales')]));
    answerBackground();
    expect(element('[data-testid="nav-website"]')).toBeNull();
    expect(element('[data-testid="nav-rooftops"]')).toBeNull();
  });

  it('offers Team to owners and managers, who administer it, and not to salespeople', async () => {
    await open(dealer([membership(NORTH, 'manager')]));
    answerBackground();
    expect(element('[data-testid="nav-team"]')?.getAttribute('href')).toBe('/team');
    TestBed.resetTestingModule();

    await open(dealer([membership(NORTH, 'sales')]));
    answerBackground();
    expect(element('[data-testid="nav-team"]')).toBeNull();
  });

  it('offers everyone their own Security page (recent sign-ins) from the account menu', async () => {
    await open(dealer([membership(NORTH, 'sales')]));
    answerBackground();
    element('[data-testid="user-menu"]')?.click();
    await settle();
    const security = document.querySelector<HTMLAnchorElement>('[data-testid="account-security"]');
    expect(security?.getAttribute('href')).toBe('/account');
    security?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/account');
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('when the dealer switches dealership on a team member’s page, then it goes back to the team', async () => {
    await open(
      dealer([
        membership(NORTH, 'owner', 'Northside Honda'),
        membership(SOUTH, 'manager', 'Southside Toyota'),
      ]),
      '/team/auth0%7Csam',
    );
    answerBackground();
    element('[data-testid="dealership-switcher"]')?.click();
    await settle();
    document.querySelectorAll<HTMLButtonElement>('[data-testid="dealership-option"]')[1].click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/team');
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('when the dealer switches dealership on the group’s people, then it stays there (the view reads the new group)', async () => {
    await open(
      dealer([membership(NORTH, 'owner', 'Northside Honda'), membership(SOUTH, 'owner', 'Southside Toyota')]),
      '/team/group',
    );
    answerBackground();
    element('[data-testid="dealership-switcher"]')?.click();
    await settle();
    document.querySelectorAll<HTMLButtonElement>('[data-testid="dealership-option"]')[1].click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/team/group');
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('offers Deals to whoever reads deals and Retail settings to owners and managers; a finance manager is named so', async () => {
    await open(dealer([membership(NORTH, 'finance', 'Northside Honda')]));
    answerBackground();
    expect(element('[data-testid="nav-deals"]')?.getAttribute('href')).toBe('/deals');
    expect(element('[data-testid="nav-retail-settings"]')).toBeNull();
    expect(element('[data-testid="role-badge"]')?.textContent).toBe('Finance manager');
    TestBed.resetTestingModule();

    await open(dealer([membership(NORTH, 'manager')]));
    answerBackground();
    expect(element('[data-testid="nav-deals"]')).not.toBeNull();
    expect(element('[data-testid="nav-retail-settings"]')?.getAttribute('href')).toBe('/retail-settings');
  });

  it('when the dealer switches dealership on a lead, then it goes back to the inbox and counts again', async () => {
    await open(
      dealer([
        membership(NORTH, 'manager', 'Northside Honda'),
        membership(SOUTH, 'manager', 'Southside Toyota'),
      ]),
      '/leads/l-1',
    );
    answerBackground(leadCounts({ new: 5 }));
    element('[data-testid="dealership-switcher"]')?.click();
    await settle();
    document.querySelectorAll<HTMLButtonElement>('[data-testid="dealership-option"]')[1].click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/leads');
    const recount = http.expectOne('/api/leads/leads/counts');
    expect(recount.request.url).toBe('/api/leads/leads/counts');
    recount.flush(leadCounts({ new: 0, overdue: 0 }));
    await settle();
    expect(element('[data-testid="nav-leads-new"]')).toBeNull();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });
});
