import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@showroom/contracts';
import { vehicle } from '../../../testing/fixtures';
import { closePage, elementIn, openPage, overlayElement, settle as settlePage } from '../../../testing/page';
import { VehicleDetailPage } from './vehicle-detail-page';

@Component({ selector: 'sr-list-stub', template: 'list' })
class ListStub {}

describe('VehicleDetailPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(role: Role, id = 'v-1') {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'inventory', component: ListStub },
        { path: 'inventory/:id', component: VehicleDetailPage },
      ],
      url: `/inventory/${id}`,
      role,
    }));
  }

  const settle = () => settlePage(harness);

  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const overlay = overlayElement;

  async function loaded(role: Role) {
    await open(role);
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1' }), { headers: { ETag: '"v3"' } });
    await settle();
  }

  afterEach(() => {
    // The photos section reads the vehicle's photos on its own (its specs are in photos/).
    for (const request of http.match((r) => r.url.endsWith('/photos'))) {
      if (!request.cancelled) request.flush({ items: [] });
    }
    closePage(http);
  });

  it('shows the vehicle: title, status and all its fields', async () => {
    await loaded('viewer');
    expect(element('[data-testid="vehicle-title"]')?.textContent?.trim()).toBe('2020 Honda Accord Sport');
    expect(element('[data-testid="status-chip"]')?.textContent?.trim()).toBe('Available');
    expect(element('[data-testid="fact-vin"]')?.textContent).toBe('1HGCV1F33LA000001');
    expect(element('[data-testid="fact-mileage"]')?.textContent).toBe('31,250 mi');
    expect(element('[data-testid="vehicle-price"]')?.textContent?.trim()).toBe('$24,599');
  });

  it('shows the team what shoppers never see, marked as such: cost, internal notes, and whether it is on the website', async () => {
    await open('sales');
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1', published: false, costCents: 1825050, internalNotes: 'Needs two tyres' }));
    await settle();
    expect(element('[data-testid="fact-published"]')?.textContent).toBe('Hidden');
    expect(element('[data-testid="fact-cost"]')?.textContent?.trim()).toBe('$18,250.50');
    expect(element('[data-testid="fact-internal-notes"]')?.textContent?.trim()).toBe('Needs two tyres');
    const privateCard = element('[data-testid="fact-cost"]')?.closest('section');
    expect(privateCard?.textContent).toContain('Never shown to shoppers');
  });

  it.each<[Role, boolean, boolean]>([
    ['viewer', false, false],
    ['sales', true, false],
    ['manager', true, true],
    ['owner', true, true],
  ])('a %s is offered edit and status changes: %s, delete: %s', async (role, write, remove) => {
    await loaded(role);
    expect(element('[data-testid="edit-vehicle"]') !== null).toBe(write);
    expect(element('[data-testid="change-status"]') !== null).toBe(write);
    expect(element('[data-testid="delete-vehicle"]') !== null).toBe(remove);
  });

  it('when a salesperson marks it sold, then the status is sent with If-Match and shown', async () => {
    await loaded('sales');
    element<HTMLButtonElement>('[data-testid="change-status"]')?.click();
    await settle();
    overlay<HTMLButtonElement>('[data-testid="status-sold"]')?.click();
    const patch = http.expectOne('/api/inventory/vehicles/v-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"v3"');
    expect(patch.request.body).toEqual({ status: 'sold' });
    patch.flush(vehicle({ id: 'v-1', status: 'sold' }), { headers: { ETag: '"v4"' } });
    await settle();
    expect(element('[data-testid="status-chip"]')?.textContent?.trim()).toBe('Sold');
  });

  it('when the status change collides with someone else’s edit (412), then a reload is offered', async () => {
    await loaded('sales');
    element<HTMLButtonElement>('[data-testid="change-status"]')?.click();
    await settle();
    overlay<HTMLButtonElement>('[data-testid="status-pending"]')?.click();
    http.expectOne('/api/inventory/vehicles/v-1').flush(
      {
        type: 'https://showroom.dev/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
      },
      { status: 412, statusText: 'Precondition Failed' },
    );
    await settle();
    element<HTMLButtonElement>('[data-testid="reload-vehicle"]')?.click();
    http
      .expectOne('/api/inventory/vehicles/v-1')
      .flush(vehicle({ id: 'v-1', status: 'pending' }), { headers: { ETag: '"v5"' } });
    await settle();
    expect(element('[data-testid="stale-banner"]')).toBeNull();
    expect(element('[data-testid="status-chip"]')?.textContent?.trim()).toBe('Pending');
  });

  it('when a manager confirms the delete, then it is deleted with If-Match and the list opens', async () => {
    await loaded('manager');
    element<HTMLButtonElement>('[data-testid="delete-vehicle"]')?.click();
    await settle();
    expect(overlay('mat-dialog-container')?.textContent).toContain('Delete this vehicle?');
    overlay<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await settle();
    const remove = http.expectOne('/api/inventory/vehicles/v-1');
    expect(remove.request.method).toBe('DELETE');
    expect(remove.request.headers.get('If-Match')).toBe('"v3"');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/inventory');
  });

  it('when the vehicle does not exist here (404), then a not-found state says why', async () => {
    await open('viewer', 'gone');
    http
      .expectOne('/api/inventory/vehicles/gone')
      .flush(
        { type: 'https://showroom.dev/problems/not-found', title: 'Not found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(element('[data-testid="vehicle-not-found"]')?.textContent).toContain(
      'belongs to another dealership',
    );
  });
});
