import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@showroom/contracts';
import { LEAD_ID, leadEvent } from '../../../testing/fixtures';
import { closePage, openPage, settle as settlePage } from '../../../testing/page';
import { ACTIVITY_PAGE_SIZE, LeadActivityPage } from './lead-activity-page';

@Component({ selector: 'sr-stub', template: 'a lead' })
class Stub {}

describe('LeadActivityPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const settle = () => settlePage(harness);
  const root = () => harness.fixture.nativeElement as HTMLElement;
  const all = (selector: string) => Array.from(root().querySelectorAll<HTMLElement>(selector));
  const expectActivity = () => http.expectOne((request) => request.url === '/api/leads/activity');

  async function open(role: Role = 'manager') {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'leads/activity', component: LeadActivityPage },
        { path: 'leads/:id', component: Stub },
      ],
      url: '/leads/activity',
      role,
    }));
    await settle();
  }

  afterEach(() => closePage(http));

  it('lists the dealership’s lead events newest first, each linked to its lead, shopper text shown as text', async () => {
    await open();
    const first = expectActivity();
    expect(first.request.params.get('limit')).toBe(String(ACTIVITY_PAGE_SIZE));
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({
      items: [
        leadEvent({
          id: 'e-2',
          type: 'status_changed',
          summary: 'Status: new → contacted',
          shopperName: '<b>Bo</b>',
        }),
        leadEvent(),
      ],
      nextCursor: null,
    });
    await settle();
    const links = all('[data-testid="activity-lead"]');
    expect(links.map((a) => a.textContent)).toEqual(['<b>Bo</b>', 'Maria Lopez']);
    expect(links[0]?.getAttribute('href')).toBe(`/leads/${LEAD_ID}`);
    expect(all('[data-testid="activity-event"]').map((e) => e.dataset['type'])).toEqual([
      'status_changed',
      'lead_created',
    ]);
    expect(root().querySelector('[data-testid="activity-more"]')).toBeNull();
  });

  it('loads older events with the cursor the service gave, after the ones shown', async () => {
    await open('sales');
    expectActivity().flush({ items: [leadEvent({ id: 'e-2' })], nextCursor: 'older' });
    await settle();
    (root().querySelector('[data-testid="activity-more"]') as HTMLButtonElement).click();
    const older = expectActivity();
    expect(older.request.params.get('cursor')).toBe('older');
    older.flush({ items: [leadEvent({ id: 'e-1', summary: 'First' })], nextCursor: null });
    await settle();
    expect(all('[data-testid="activity-event"]')).toHaveLength(2);
  });

  it('says when there is nothing yet, and offers a retry when the service fails', async () => {
    await open();
    expectActivity().flush(
      { type: 'x', title: 'Service unavailable', status: 503, detail: 'The timeline store is unreachable.' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    expect(root().querySelector('[data-testid="activity-error"]')?.textContent).toContain(
      'The timeline store is unreachable.',
    );
    (root().querySelector('[data-testid="activity-error"] button') as HTMLButtonElement).click();
    expectActivity().flush({ items: [], nextCursor: null });
    await settle();
    expect(root().querySelector('[data-testid="activity-empty"]')).not.toBeNull();
  });
});
