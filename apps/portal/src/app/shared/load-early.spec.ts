import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type Route } from '@angular/router';
import { loadComponentEarly } from './load-early';

@Component({ selector: 'sr-test-screen', template: 'screen' })
class Screen {}

describe('loadComponentEarly', () => {
  /** A sign-in check that takes as long as the test says. */
  let signInChecked: (passed: boolean) => void;
  let loads: number;

  function navigateWith(early: boolean): Promise<boolean> {
    loads = 0;
    const route: Route = {
      path: 'inventory',
      canActivate: [() => new Promise<boolean>((resolve) => (signInChecked = resolve))],
      loadComponent: () => {
        loads++;
        return Promise.resolve(Screen);
      },
      ...(early ? { canMatch: [loadComponentEarly] } : {}),
    };
    TestBed.configureTestingModule({ providers: [provideRouter([route])] });
    return TestBed.inject(Router).navigateByUrl('/inventory');
  }

  /** Lets the router go as far as it can without the sign-in check. */
  const routerWaits = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('starts loading the screen while the guards still wait', async () => {
    const navigation = navigateWith(true);
    await routerWaits();
    expect(loads).toBe(1);

    signInChecked(true);
    expect(await navigation).toBe(true);
  });

  it('is needed: without it the router loads the screen only after the guards', async () => {
    const navigation = navigateWith(false);
    await routerWaits();
    expect(loads).toBe(0);

    signInChecked(true);
    expect(await navigation).toBe(true);
    expect(loads).toBe(1);
  });

  it('always lets the route match: a guard that refuses still decides', async () => {
    const navigation = navigateWith(true);
    await routerWaits();
    signInChecked(false);
    expect(await navigation).toBe(false);
  });
});
