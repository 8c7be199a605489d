import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import {
  LEAD_ID,
  lead,
  leadCounts,
  leadDetail,
  leadEvent,
  leadList,
  leadSettings,
} from '../../testing/fixtures';
import { LeadsApi } from './leads-api';

describe('LeadsApi', () => {
  let api: LeadsApi;
  let http: HttpTestingController;
  let changes: number;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(LeadsApi);
    http = TestBed.inject(HttpTestingController);
    changes = 0;
    api.changed.subscribe(() => changes++);
  });

  afterEach(() => http.verify());

  it('when a manager filters the inbox, then lists go comma-separated and unset filters stay off the URL', async () => {
    const result = firstValueFrom(
      api.list({
        status: ['new', 'contacted'],
        channel: ['website', 'adf'],
        source: '  ',
        assignee: 'unassigned',
        from: '2026-11-01',
        to: '2026-11-30',
        overdue: true,
        q: ' maria ',
        sort: 'follow_up',
        page: 2,
        pageSize: 50,
      }),
    );
    const request = http.expectOne((r) => r.url === '/api/leads/leads');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe(
      'status=new,contacted&channel=website,adf&assignee=unassigned&from=2026-11-01&to=2026-11-30&overdue=true&q=maria&sort=follow_up&page=2&pageSize=50',
    );
    request.flush(leadList([lead()]));
    expect((await result).items[0].shopper.firstName).toBe('Maria');
  });

  it('leaves overdue off unless asked, so the service does not filter on it', () => {
    api.list({ overdue: false, status: [] }).subscribe();
    expect(http.expectOne((r) => r.url === '/api/leads/leads').request.params.keys()).toEqual([]);
  });

  it('reads the badge counts', async () => {
    const counts = firstValueFrom(api.counts());
    http.expectOne('/api/leads/leads/counts').flush(leadCounts({ new: 4 }));
    expect((await counts).new).toBe(4);
  });

  it('enters a lead by hand with a POST and says whether it was attached to an open one', async () => {
    const created = firstValueFrom(
      api.create({
        source: 'walk_in',
        firstName: 'Ann',
        phone: '555 010 3000',
        vehicle: { stockNumber: 'U1' },
      }),
    );
    const request = http.expectOne('/api/leads/leads');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      source: 'walk_in',
      firstName: 'Ann',
      phone: '555 010 3000',
      vehicle: { stockNumber: 'U1' },
    });
    request.flush(
      { leadId: LEAD_ID, submissionId: 's-1', duplicateOf: LEAD_ID },
      { status: 201, statusText: 'Created' },
    );
    expect((await created).duplicateOf).toBe(LEAD_ID);
    expect(changes).toBe(1);
  });

  it('reads one lead with its id as a path segment', async () => {
    const read = firstValueFrom(api.get('a/b'));
    http.expectOne('/api/leads/leads/a%2Fb').flush(leadDetail());
    expect((await read).allowedTransitions).toContain('contacted');
    expect(changes).toBe(0);
  });

  it('moves a lead with the status (and the lost reason) in the body; a 409 reaches the caller', async () => {
    const moved = firstValueFrom(
      api.changeStatus(LEAD_ID, { status: 'lost', lostReason: 'price', note: 'Found it cheaper' }),
    );
    const request = http.expectOne(`/api/leads/leads/${LEAD_ID}/status`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ status: 'lost', lostReason: 'price', note: 'Found it cheaper' });
    request.flush(
      { type: 'https://showroom.dev/problems/conflict', title: 'Conflict', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await expect(moved).rejects.toMatchObject({ status: 409 });
    expect(changes).toBe(0);
  });

  it('assigns, adds notes and tasks, and ticks tasks, each with the body the service expects', () => {
    api.assign(LEAD_ID, 'auth0|sam').subscribe();
    api.addNote(LEAD_ID, 'Called, no answer').subscribe();
    api.addTask(LEAD_ID, { kind: 'call', title: 'Call back', dueAt: '2026-11-21T15:00:00.000Z' }).subscribe();
    api.setTaskDone(LEAD_ID, 'task-1', true).subscribe();

    const assign = http.expectOne(`/api/leads/leads/${LEAD_ID}/assignment`);
    expect([assign.request.method, assign.request.body]).toEqual(['POST', { assigneeId: 'auth0|sam' }]);
    const note = http.expectOne(`/api/leads/leads/${LEAD_ID}/notes`);
    expect([note.request.method, note.request.body]).toEqual(['POST', { body: 'Called, no answer' }]);
    const task = http.expectOne(`/api/leads/leads/${LEAD_ID}/tasks`);
    expect([task.request.method, task.request.body]).toEqual([
      'POST',
      { kind: 'call', title: 'Call back', dueAt: '2026-11-21T15:00:00.000Z' },
    ]);
    const done = http.expectOne(`/api/leads/leads/${LEAD_ID}/tasks/task-1`);
    expect([done.request.method, done.request.body]).toEqual(['PATCH', { done: true }]);

    assign.flush(leadDetail());
    note.flush({}, { status: 201, statusText: 'Created' });
    task.flush({}, { status: 201, statusText: 'Created' });
    done.flush({});
    expect(changes).toBe(4);
  });

  it('pages the timeline and the dealership’s activity with a cursor', async () => {
    const first = firstValueFrom(api.timeline(LEAD_ID, { limit: 20 }));
    const firstRequest = http.expectOne((r) => r.url === `/api/leads/leads/${LEAD_ID}/timeline`);
    expect(firstRequest.request.params.toString()).toBe('limit=20');
    firstRequest.flush({ items: [leadEvent()], nextCursor: 'c2' });
    expect((await first).nextCursor).toBe('c2');

    api.timeline(LEAD_ID, { cursor: 'c2', limit: 20 }).subscribe();
    expect(
      http.expectOne((r) => r.url === `/api/leads/leads/${LEAD_ID}/timeline`).request.params.toString(),
    ).toBe('cursor=c2&limit=20');

    api.activity({ cursor: 'x' }).subscribe();
    expect(http.expectOne((r) => r.url === '/api/leads/activity').request.params.get('cursor')).toBe('x');
  });

  it('reads and changes the settings, and rotates the ingest key with a POST', async () => {
    api.settings().subscribe();
    http.expectOne('/api/leads/settings').flush(leadSettings());

    api.updateSettings({ fromName: 'Northside' }).subscribe();
    const patch = http.expectOne('/api/leads/settings');
    expect([patch.request.method, patch.request.body]).toEqual(['PATCH', { fromName: 'Northside' }]);
    patch.flush(leadSettings({ fromName: 'Northside' }));

    const key = firstValueFrom(api.rotateIngestKey());
    const rotate = http.expectOne('/api/leads/settings/ingest-key');
    expect(rotate.request.method).toBe('POST');
    rotate.flush(
      { ingestKey: 'srk_new', rotatedAt: '2026-11-21T00:00:00.000Z' },
      { status: 201, statusText: 'Created' },
    );
    expect((await key).ingestKey).toBe('srk_new');
  });
});
