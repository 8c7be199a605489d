import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { leadCounts, LEAD_ID } from '../../testing/fixtures';
import { LeadsApi } from '../api/leads-api';
import { LEAD_COUNTS_POLL_MS, LeadCountsStore } from './lead-counts';

describe('LeadCountsStore', () => {
  let http: HttpTestingController;
  let store: LeadCountsStore;
  let changed: number;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(LeadCountsStore);
    changed = 0;
    store.leadsChanged.subscribe(() => changed++);
  });

  afterEach(() => {
    store.stop();
    http.verify();
    vi.useRealTimers();
  });

  const expectCounts = () => http.expectOne('/api/leads/leads/counts');

  it('counts at once, then every 15 s; only a new change token says "leads changed"', () => {
    store.start();
    expectCounts().flush(leadCounts({ new: 1, changeToken: 'a' }));
    expect(store.counts()?.new).toBe(1);

    vi.advanceTimersByTime(LEAD_COUNTS_POLL_MS - 1);
    http.expectNone('/api/leads/leads/counts');
    vi.advanceTimersByTime(1);
    expectCounts().flush(leadCounts({ new: 1, changeToken: 'a' }));
    expect(changed).toBe(0);

    vi.advanceTimersByTime(LEAD_COUNTS_POLL_MS);
    expectCounts().flush(leadCounts({ new: 2, changeToken: 'b' }));
    expect(store.counts()?.new).toBe(2);
    expect(changed).toBe(1);
  });

  it('while the tab is hidden it does not poll, and counts as soon as the dealer is back', () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    store.start();
    expectCounts().flush(leadCounts());
    vi.advanceTimersByTime(LEAD_COUNTS_POLL_MS * 3);
    http.expectNone('/api/leads/leads/counts');

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expectCounts().flush(leadCounts());
    visibility.mockRestore();
  });

  it('after the dealer changes a lead, it counts again without waiting for the next tick', () => {
    store.start();
    expectCounts().flush(leadCounts());
    TestBed.inject(LeadsApi).addNote(LEAD_ID, 'Called').subscribe();
    http.expectOne(`/api/leads/leads/${LEAD_ID}/notes`).flush({}, { status: 201, statusText: 'Created' });
    expectCounts().flush(leadCounts({ changeToken: 't2' }));
    expect(changed).toBe(1);
  });

  it('stops polling when stopped (signed out, or no leads permission)', () => {
    store.start();
    expectCounts().flush(leadCounts());
    store.stop();
    vi.advanceTimersByTime(LEAD_COUNTS_POLL_MS * 2);
    http.expectNone('/api/leads/leads/counts');
  });
});
