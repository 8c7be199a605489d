import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LeadDetail, Role, TimelinePage } from '@showroom/contracts';
import {
  LEAD_ID,
  lead,
  leadDetail,
  leadEvent,
  membership,
  NORTH,
  teamMember,
} from '../../../testing/fixtures';
import { closePage, openPage, settle as settlePage } from '../../../testing/page';
import { LeadCountsStore } from '../../core/lead-counts';
import { openFirstScreen } from '../../shared/first-screen.testing';
import { LeadDetailPage } from './lead-detail-page';
import { leadReadAhead } from './lead-read';
import { TIMELINE_FOLLOW_UP_MS } from './lead-timeline';

@Component({ selector: 'sr-stub', template: 'elsewhere' })
class Stub {}

const LEAD_URL = `/api/leads/leads/${LEAD_ID}`;

describe('LeadDetailPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(
    role: Role,
    detail: LeadDetail = leadDetail(),
    history: TimelinePage = { items: [leadEvent()], nextCursor: null },
    followUpMs = 600_000,
  ) {
    ({ http, harness } = await openPage({
      providers: [{ provide: TIMELINE_FOLLOW_UP_MS, useValue: followUpMs }],
      routes: [
        { path: 'leads/:id', component: LeadDetailPage },
        { path: 'inventory/:id', component: Stub },
      ],
      url: `/leads/${LEAD_ID}`,
      role,
    }));
    await settle();
    if (role === 'owner' || role === 'manager') {
      http.expectOne('/api/users/team').flush({
        items: [
          teamMember(),
          teamMember({ id: 'auth0|ava', name: 'Ava Away', available: false }),
          teamMember({ id: 'auth0|dana', name: 'Dana Manager', role: 'manager' }),
        ],
      });
    }
    http.expectOne(LEAD_URL).flush(detail);
    await settle();
    expectTimeline().flush(history);
    await settle();
  }

  const settle = () => settlePage(harness);

  const root = () => harness.fixture.nativeElement as HTMLElement;
  const element = <T extends Element = HTMLElement>(selector: string) =>
    root().querySelector(selector) as T | null;
  const all = (selector: string) => Array.from(root().querySelectorAll<HTMLElement>(selector));
  const expectTimeline = () => http.expectOne((request) => request.url === `${LEAD_URL}/timeline`);

  function type(selector: string, value: string) {
    const input = element<HTMLInputElement>(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => {
    // Every change also refreshes the navigation's lead counts; those answers are not this page's.
    for (const counts of http.match('/api/leads/leads/counts')) {
      counts.flush({ new: 0, overdue: 0, open: 1, changeToken: 'after' });
    }
    closePage(http);
  });

  it('opened by the router, it reads the lead while its code still downloads, shows a skeleton, then the lead', async () => {
    const opening = await openFirstScreen({
      path: 'leads/:id',
      page: LeadDetailPage,
      readAhead: leadReadAhead,
      url: `/leads/${LEAD_ID}`,
      memberships: [membership(NORTH, 'sales')],
      providers: [{ provide: TIMELINE_FOLLOW_UP_MS, useValue: 600_000 }],
    });
    ({ http, harness } = opening);
    const read = http.expectOne(LEAD_URL);

    await opening.codeArrives();
    expect(element('sr-skeleton-record')?.getAttribute('aria-hidden')).toBe('true');
    expect(element('[role="status"]')?.textContent).toContain('Loading the lead…');
    read.flush(leadDetail());
    await settle();
    expect(element('sr-skeleton-record')).toBeNull();
    expect(element('[data-testid="lead-name"]')?.textContent).toContain(lead().shopper.firstName);
    // The history comes right after the lead (its code loads once the lead shows), then asks for itself.
    await settle();
    expectTimeline().flush({ items: [], nextCursor: null });
  });

  it('shows what shoppers typed as text, so markup in a name, message or note never runs', async () => {
    const hostile = '<script>alert("owned")</script>';
    await open(
      'sales',
      leadDetail({
        shopper: { ...lead().shopper, firstName: hostile, lastName: '<img src=x onerror=alert(1)>' },
        message: '<b>bold?</b> and <a href="javascript:alert(1)">click</a>',
        notes: [
          {
            id: 'n-1',
            leadId: LEAD_ID,
            body: '<iframe src="//evil.example"></iframe>',
            author: { id: 'auth0|sam', name: 'Sam Seller' },
            createdAt: '2026-11-20T10:00:00.000Z',
          },
        ],
      }),
    );
    expect(element('[data-testid="lead-name"]')?.textContent?.trim()).toBe(
      `${hostile} <img src=x onerror=alert(1)>`,
    );
    expect(element('[data-testid="lead-message"]')?.textContent).toContain('<b>bold?</b>');
    expect(element('[data-testid="note"]')?.textContent).toContain('<iframe src="//evil.example"></iframe>');
    expect(root().querySelector('script, img, iframe, b, a[href^="javascript"]')).toBeNull();
  });

  it('a lead that came with an online deal shows it on a Deal card linking to the desk; without one, no card', async () => {
    const dealId = '4b0c7f0e-2f5b-4d7e-9a51-8f3c2d1e0a11';
    await open(
      'sales',
      leadDetail({
        deal: {
          dealId,
          status: 'countered',
          kind: 'lease',
          sellingPriceCents: 2_599_900,
          downPaymentCents: 200_000,
          monthlyPaymentCents: 38_950,
          termMonths: 36,
          aprBps: 300,
          dueAtSigningCents: 289_500,
          tradeValueCents: null,
          tradePayoffCents: null,
          products: [],
          creditApplication: 'none',
          depositCents: null,
          reservationStatus: null,
        },
      }),
    );
    expect(element('[data-testid="lead-deal"]')?.textContent).toContain('Lease');
    expect(element('[data-testid="lead-deal-link"]')?.getAttribute('href')).toBe(`/deals/${dealId}`);
    TestBed.resetTestingModule();

    await open('sales');
    expect(element('[data-testid="lead-deal"]')).toBeNull();
  });

  it('shows the shopper with mailto and tel links, the vehicle linked to inventory, and the ADF original', async () => {
    await open(
      'viewer',
      leadDetail({
        channel: 'adf',
        source: 'Cars.com',
        tradeIn: { year: 2015, make: 'Ford', model: 'Focus', mileage: 98000 },
        submissions: [
          {
            id: 's-1',
            channel: 'adf',
            source: 'Cars.com',
            intent: null,
            message: null,
            originalDocument: '<?xml version="1.0"?><adf><prospect/></adf>',
            externalId: 'c-1',
            receivedAt: '2026-11-20T09:30:00.000Z',
          },
        ],
        relatedLeads: [
          { id: 'l-old', status: 'lost', source: 'walk_in', createdAt: '2026-06-01T10:00:00.000Z' },
        ],
      }),
    );
    expect(element('[data-testid="shopper-email"]')?.getAttribute('href')).toBe('mailto:maria@example.com');
    expect(element('[data-testid="shopper-phone"]')?.getAttribute('href')).toBe('tel:555-010-2000');
    expect(element('[data-testid="lead-vehicle-link"]')?.getAttribute('href')).toBe(
      '/inventory/0b6f9a52-47a4-4c0e-9e3f-6b1f5f1a9c10',
    );
    expect(element('[data-testid="lead-trade-in"]')?.textContent).toBe('2015 Ford Focus · 98,000 mi');
    expect(element('[data-testid="lead-origin"]')?.textContent).toBe('Marketplace · Cars.com');
    expect(element('[data-testid="submission-document"] pre')?.textContent).toBe(
      '<?xml version="1.0"?><adf><prospect/></adf>',
    );
    expect(element('[data-testid="related-lead"]')?.getAttribute('href')).toBe('/leads/l-old');
  });

  it('offers exactly the moves the service allows from the lead’s status, and sends the one chosen', async () => {
    await open(
      'sales',
      leadDetail({ status: 'contacted', allowedTransitions: ['appointment_set', 'negotiation', 'lost'] }),
    );
    const offered = all('[data-testid^="status-action-"]').map((b) => b.dataset['testid']);
    expect(offered).toEqual([
      'status-action-appointment_set',
      'status-action-negotiation',
      'status-action-lost',
    ]);

    element<HTMLButtonElement>('[data-testid="status-action-appointment_set"]')?.click();
    const move = http.expectOne(`${LEAD_URL}/status`);
    expect(move.request.body).toEqual({ status: 'appointment_set' });
    move.flush(
      leadDetail({ status: 'appointment_set', allowedTransitions: ['contacted', 'showroom_visit', 'lost'] }),
    );
    await settle();
    expectTimeline().flush({ items: [], nextCursor: null });
    await settle();
    expect(element('[data-testid="status-chip"]')?.textContent).toBe('Appointment set');
    expect(all('[data-testid^="status-action-"]').map((b) => b.dataset['testid'])).toEqual([
      'status-action-contacted',
      'status-action-showroom_visit',
      'status-action-lost',
    ]);
  });

  it('a viewer gets no status actions, no note box and no task form', async () => {
    await open('viewer');
    expect(all('[data-testid^="status-action-"]')).toEqual([]);
    expect(element('[data-testid="note-input"]')).toBeNull();
    expect(element('[data-testid="task-form"]')).toBeNull();
  });

  it('marking a lead lost asks why, and sends the reason', async () => {
    await open('sales');
    element<HTMLButtonElement>('[data-testid="status-action-lost"]')?.click();
    await settle();
    http.expectNone(`${LEAD_URL}/status`);
    document.querySelector<HTMLElement>('[data-testid="lost-reason"] .mat-mdc-select-trigger')?.click();
    await settle();
    document.querySelector<HTMLElement>('[data-testid="lost-reason-no_response"]')?.click();
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-lost"]')?.click();
    await settle();
    const move = http.expectOne(`${LEAD_URL}/status`);
    expect(move.request.body).toEqual({ status: 'lost', lostReason: 'no_response' });
    move.flush(leadDetail({ status: 'lost', lostReason: 'no_response', allowedTransitions: ['contacted'] }));
    await settle();
    expectTimeline().flush({ items: [], nextCursor: null });
  });

  it('when the move is refused (409), then it says why and shows the lead as it is now', async () => {
    await open('sales');
    element<HTMLButtonElement>('[data-testid="status-action-contacted"]')?.click();
    http.expectOne(`${LEAD_URL}/status`).flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'The lead is already sold.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    http.expectOne(LEAD_URL).flush(leadDetail({ status: 'sold', allowedTransitions: [] }));
    await settle();
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain(
      'The lead is already sold.',
    );
    expect(all('[data-testid^="status-action-"]')).toEqual([]);
  });

  it('a salesperson, who may not assign, sees the assignee but no reassign picker', async () => {
    await open('sales');
    expect(element('[data-testid="lead-assignee"]')?.textContent).toContain('Sam Seller');
    expect(element('[data-testid="reassign"]')).toBeNull();
  });

  it('a manager reassigns to a salesperson from the team; managers are not offered, people away are marked', async () => {
    await open('manager');
    element<HTMLElement>('[data-testid="reassign"] .mat-mdc-select-trigger')?.click();
    await settle();
    const options = Array.from(document.querySelectorAll('[data-testid="reassign-option"]')).map((o) =>
      o.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(options).toEqual(['Sam Seller', 'Ava Away (away)']);
    (document.querySelectorAll<HTMLElement>('[data-testid="reassign-option"]')[1] as HTMLElement).click();
    await settle();
    const assign = http.expectOne(`${LEAD_URL}/assignment`);
    expect(assign.request.body).toEqual({ assigneeId: 'auth0|ava' });
    assign.flush(leadDetail({ assignee: { id: 'auth0|ava', name: 'Ava Away' } }));
    await settle();
    expectTimeline().flush({ items: [], nextCursor: null });
    await settle();
    expect(element('[data-testid="lead-assignee"]')?.textContent).toContain('Ava Away');
  });

  it('adds a note, shows it at the top, and refreshes the history', async () => {
    await open('sales');
    type('[data-testid="note-input"]', '  Called, left a voicemail  ');
    await settle();
    element<HTMLButtonElement>('[data-testid="note-submit"]')?.click();
    const post = http.expectOne(`${LEAD_URL}/notes`);
    expect(post.request.body).toEqual({ body: 'Called, left a voicemail' });
    post.flush(
      {
        id: 'n-9',
        leadId: LEAD_ID,
        body: 'Called, left a voicemail',
        author: { id: 'auth0|sam', name: 'Sam Seller' },
        createdAt: '2026-11-20T11:00:00.000Z',
      },
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expectTimeline().flush({
      items: [leadEvent({ id: 'e-2', type: 'note_added', summary: 'Note added' })],
      nextCursor: null,
    });
    await settle();
    expect(element('[data-testid="note"]')?.textContent).toContain('Called, left a voicemail');
    expect(element<HTMLTextAreaElement>('[data-testid="note-input"]')?.value).toBe('');
  });

  it('adds a task with kind, title and due time (sent as ISO), and highlights overdue ones in words', async () => {
    await open(
      'sales',
      leadDetail({
        tasks: [
          {
            id: 't-1',
            leadId: LEAD_ID,
            kind: 'call',
            title: 'First call',
            dueAt: '2026-11-19T15:00:00.000Z',
            completedAt: null,
            overdue: true,
            createdBy: { id: 'auth0|sam', name: 'Sam Seller' },
            createdAt: '2026-11-19T10:00:00.000Z',
          },
        ],
      }),
    );
    const overdue = element('[data-testid="task"]') as HTMLElement;
    expect(overdue.classList).toContain('task--overdue');
    expect(overdue.querySelector('[data-testid="overdue"]')?.textContent).toBe('Overdue');

    type('[data-testid="task-title"]', 'Confirm Saturday test drive');
    type('[data-testid="task-due"]', '2026-11-21T10:30');
    await settle();
    element<HTMLButtonElement>('[data-testid="task-submit"]')?.click();
    const post = http.expectOne(`${LEAD_URL}/tasks`);
    expect(post.request.body).toEqual({
      kind: 'call',
      title: 'Confirm Saturday test drive',
      dueAt: new Date('2026-11-21T10:30').toISOString(),
    });
    post.flush({}, { status: 201, statusText: 'Created' });
    await settle();
    expectTimeline().flush({ items: [], nextCursor: null });
    http.expectOne(LEAD_URL).flush(leadDetail());
  });

  it('reads the history again a moment after a change, when the service has written its entry', async () => {
    await open('sales', leadDetail(), { items: [leadEvent()], nextCursor: null }, 50);
    element<HTMLButtonElement>('[data-testid="status-action-contacted"]')?.click();
    http
      .expectOne(`${LEAD_URL}/status`)
      .flush(leadDetail({ status: 'contacted', allowedTransitions: ['lost'] }));
    await settle();
    expectTimeline().flush({ items: [leadEvent()], nextCursor: null });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await settle();
    expectTimeline().flush({
      items: [
        leadEvent({ id: 'e-9', type: 'status_changed', summary: 'Status: new → contacted' }),
        leadEvent(),
      ],
      nextCursor: null,
    });
    await settle();
    expect(all('[data-testid="timeline-event"]').map((e) => e.dataset['type'])).toEqual([
      'status_changed',
      leadEvent().type,
    ]);
  });

  it('shows what others changed without a reload, when the lead counts say something moved', async () => {
    await open('sales');
    const counts = TestBed.inject(LeadCountsStore);
    for (const changeToken of ['3-1000', '3-2000']) {
      counts.refresh();
      http.expectOne('/api/leads/leads/counts').flush({ new: 1, overdue: 0, open: 3, changeToken });
      await settle();
    }
    http.expectOne(LEAD_URL).flush(leadDetail({ status: 'contacted', allowedTransitions: ['lost'] }));
    expectTimeline().flush({ items: [], nextCursor: null });
    await settle();
    expect(element('[data-testid="status-chip"]')?.textContent).toBe('Contacted');
  });

  it('loads older history with the cursor the service gave', async () => {
    await open('viewer', leadDetail(), {
      items: [leadEvent({ id: 'e-new', summary: 'Newest' })],
      nextCursor: 'older-1',
    });
    element<HTMLButtonElement>('[data-testid="timeline-more"]')?.click();
    const older = expectTimeline();
    expect(older.request.params.get('cursor')).toBe('older-1');
    older.flush({ items: [leadEvent({ id: 'e-old', summary: 'Oldest' })], nextCursor: null });
    await settle();
    expect(
      all('[data-testid="timeline-event"]').map((e) => e.querySelector('.event__summary')?.textContent),
    ).toEqual(['Newest', 'Oldest']);
    expect(element('[data-testid="timeline-more"]')).toBeNull();
  });

  it('when the lead is not one the dealer may see (404), then it says so', async () => {
    ({ http, harness } = await openPage({
      routes: [{ path: 'leads/:id', component: LeadDetailPage }],
      url: `/leads/${LEAD_ID}`,
      role: 'sales',
    }));
    http
      .expectOne(LEAD_URL)
      .flush(
        { type: 'https://showroom.dev/problems/not-found', title: 'Not found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(element('[data-testid="lead-not-found"]')?.textContent).toContain('Lead not found');
  });
});
