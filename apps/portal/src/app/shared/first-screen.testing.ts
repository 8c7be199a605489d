import { type HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Provider, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type ResolveFn, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Membership } from '@showroom/contracts';
import { ActiveDealership } from '../core/active-dealership';
import { registerShowroomIcons } from '../core/icons';
import { READ_AHEAD } from './read-ahead';

/**
 * Page specs of a first screen as the router opens it: the page's code is lazy and arrives when the
 * test says (`codeArrives`), its route's resolver reads ahead. Only TestBed and Angular's testing APIs
 * here (no test framework), so the app's type-check accepts it.
 */
export interface FirstScreenSetup {
  /** The route's path, e.g. `inventory` or `leads/:id`. */
  path: string;
  page: Type<unknown>;
  readAhead: ResolveFn<unknown>;
  url: string;
  memberships: Membership[];
  interceptors?: HttpInterceptorFn[];
  providers?: Provider[];
}

export interface OpeningFirstScreen {
  http: HttpTestingController;
  harness: RouterTestingHarness;
  /** The page's code arrives: the navigation ends and the page shows. */
  codeArrives(): Promise<void>;
}

/** Signed in, the router opening `url`, the page's code not arrived yet. */
export async function openFirstScreen(setup: FirstScreenSetup): Promise<OpeningFirstScreen> {
  localStorage.clear();
  let arrive: () => void = () => undefined;
  const code = new Promise<Type<unknown>>((resolve) => (arrive = () => resolve(setup.page)));
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [{ path: setup.path, resolve: { [READ_AHEAD]: setup.readAhead }, loadComponent: () => code }],
        withComponentInputBinding(),
      ),
      provideHttpClient(withInterceptors(setup.interceptors ?? [])),
      provideHttpClientTesting(),
      ...(setup.providers ?? []),
    ],
  });
  TestBed.inject(ActiveDealership).setMemberships(setup.memberships);
  TestBed.runInInjectionContext(registerShowroomIcons);
  const harness = await RouterTestingHarness.create();
  const navigation = TestBed.inject(Router).navigateByUrl(setup.url);
  // The router matches the URL, runs the guards and the resolver, then waits for the code.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    http: TestBed.inject(HttpTestingController),
    harness,
    codeArrives: async () => {
      arrive();
      await navigation;
      harness.fixture.detectChanges();
      await harness.fixture.whenStable();
    },
  };
}
