import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { membership, NORTH, SOUTH } from '../../testing/fixtures';
import { closePage, openPage } from '../../testing/page';
import { ActiveDealership } from './active-dealership';
import { dealershipFromUrl } from './dealership-from-url';
import { Session } from './session';

@Component({ template: 'a vehicle' })
class VehicleStub {}

describe('dealershipFromUrl', () => {
  let http: HttpTestingController;

  async function open(url: string) {
    ({ http } = await openPage({
      routes: [{ path: 'inventory/:id', component: VehicleStub, canActivate: [dealershipFromUrl] }],
      url,
      role: 'owner',
      memberships: [membership(NORTH, 'owner'), membership(SOUTH, 'owner')],
      // The dealer's memberships are already known (openPage sets them).
      providers: [{ provide: Session, useValue: { load: () => Promise.resolve() } }],
    }));
  }

  afterEach(() => closePage(http));

  it('opening a vehicle of another rooftop (from a group search) makes that rooftop the active one', async () => {
    await open(`/inventory/v-9?dealership=${SOUTH}`);
    expect(TestBed.inject(ActiveDealership).id()).toBe(SOUTH);
  });

  it('a dealership the dealer does not work at is ignored', async () => {
    await open('/inventory/v-9?dealership=9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01');
    expect(TestBed.inject(ActiveDealership).id()).toBe(NORTH);
  });

  it('a link without a dealership leaves the active one as it was', async () => {
    await open('/inventory/v-9');
    expect(TestBed.inject(ActiveDealership).id()).toBe(NORTH);
  });
});
