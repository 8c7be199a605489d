import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { membership, NORTH, SOUTH } from '../../testing/fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../testing/page';
import { ActiveDealership } from '../core/active-dealership';
import { retailSettings, valuationGrid } from '../deals/deal-fixtures';
import { RetailSettingsPage } from './retail-settings-page';

@Component({ selector: 'sr-stub', template: '<p data-testid="stub">stub</p>' })
class Stub {}

describe('RetailSettingsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open() {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'retail-settings', component: RetailSettingsPage },
        { path: 'deals', component: Stub },
      ],
      url: '/retail-settings',
      role: 'manager',
      memberships: [
        membership(NORTH, 'manager', 'Northside Honda'),
        membership(SOUTH, 'sales', 'Southside Toyota'),
      ],
    }));
    await settle();
  }

  const settle = () => settlePage(harness);

  afterEach(() => closePage(http));

  it('opens on the terms and reads each other part only when its tab is shown', async () => {
    await open();
    expect(elementIn(harness, '.page-subtitle')?.textContent).toContain('Northside Honda');
    http.expectOne('/api/retail/settings').flush(retailSettings());
    http.expectNone('/api/retail/valuation-grid');
    await settle();

    const tabs = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'));
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual([
      'Terms',
      'Protection products',
      'Valuation grid',
    ]);
    tabs[2].click();
    await settle();
    http.expectOne('/api/retail/valuation-grid').flush(valuationGrid());
    await settle();
    expect(elementIn(harness, '[data-testid="valuation-grid"]')).not.toBeNull();
  });

  it('when the dealer switches to a rooftop where they may not configure retail, then they go to the deals', async () => {
    await open();
    http.expectOne('/api/retail/settings').flush(retailSettings());
    await settle();
    TestBed.inject(ActiveDealership).select(SOUTH);
    await settle();
    http
      .match('/api/retail/settings')
      .filter((request) => !request.cancelled)
      .forEach((request) => request.flush(retailSettings()));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/deals');
  });
});
