import { type HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter, type Routes, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Membership, Role } from '@showroom/contracts';
import { ActiveDealership } from '../app/core/active-dealership';
import { registerShowroomIcons } from '../app/core/icons';
import { membership, NORTH } from './fixtures';

/**
 * Page specs: a portal page as the router shows it, HTTP answered by the test. Only TestBed and
 * Angular's testing APIs here (no test framework), so the app's type-check accepts it like fixtures.
 */

export interface PageSetup {
  /** The page's route, and the routes it links to (stubs). */
  routes: Routes;
  url: string;
  /** The dealer's role at NORTH, the dealership they work in. */
  role: Role;
  /** Instead of NORTH alone, when the page switches dealerships. */
  memberships?: Membership[];
  interceptors?: HttpInterceptorFn[];
  providers?: (Provider | EnvironmentProviders)[];
}

export interface OpenPage {
  http: HttpTestingController;
  harness: RouterTestingHarness;
}

/** Signed in (role and memberships), icons registered, the router at `url`; nothing settled yet. */
export async function openPage(setup: PageSetup): Promise<OpenPage> {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter(setup.routes, withComponentInputBinding()),
      provideHttpClient(withInterceptors(setup.interceptors ?? [])),
      provideHttpClientTesting(),
      ...(setup.providers ?? []),
    ],
  });
  TestBed.inject(ActiveDealership).setMemberships(setup.memberships ?? [membership(NORTH, setup.role)]);
  TestBed.runInInjectionContext(registerShowroomIcons);
  const http = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(setup.url);
  return { http, harness };
}

/** Change detection, then whatever it started. */
export async function settle(harness: RouterTestingHarness): Promise<void> {
  harness.fixture.detectChanges();
  await harness.fixture.whenStable();
}

/**
 * Renders the page's `@defer` blocks as they are once the browser is idle: `on idle` waits for an
 * idle period a test never has (the filter bars, the account menu).
 */
export async function renderDeferred(harness: RouterTestingHarness): Promise<void> {
  await settle(harness);
  for (const block of await harness.fixture.getDeferBlocks()) await block.render(DeferBlockState.Complete);
  harness.fixture.detectChanges();
}

/** The first element of the page that matches. */
export function elementIn<T extends Element = HTMLElement>(
  harness: RouterTestingHarness,
  selector: string,
): T | null {
  return (harness.fixture.nativeElement as HTMLElement).querySelector<T>(selector);
}

/** The first element in the CDK overlay (menus, dialogs, snack bars) that matches. */
export function overlayElement<T extends Element = HTMLElement>(selector: string): T | null {
  return document.querySelector('.cdk-overlay-container')?.querySelector<T>(selector) ?? null;
}

/** After each test: every request answered, no menu or dialog left in the overlay. */
export function closePage(http: HttpTestingController): void {
  http.verify();
  document.querySelector('.cdk-overlay-container')?.replaceChildren();
}
