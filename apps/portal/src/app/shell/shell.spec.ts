import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthService } from '@auth0/auth0-angular';
import type { Me } from '@showroom/contracts';
import { of, throwError } from 'rxjs';
import { me, membership, NORTH, SOUTH } from '../../testing/fixtures';
import { UsersApi } from '../api/users-api';
import { ActiveDealership } from '../core/active-dealership';
import { sessionLoaded } from '../core/session';
import { Shell } from './shell';

@Component({ selector: 'sr-page-stub', template: '<p data-testid="page">page</p>' })
class PageStub {}

describe('Shell', () => {
  let logout: ReturnType<typeof vi.fn>;
  let harness: RouterTestingHarness;

  async function open(answer: () => ReturnType<UsersApi['me']>, url = '/inventory') {
    localStorage.clear();
    logout = vi.fn(() => of(undefined));
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
            ],
          },
        ]),
        { provide: UsersApi, useValue: { me: answer } },
        { provide: AuthService, useValue: { logout } },
      ],
    });
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    harness.fixture.detectChanges();
    await harness.fixture.whenStable();
  }

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
});
