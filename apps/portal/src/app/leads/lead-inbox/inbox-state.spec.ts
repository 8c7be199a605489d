import { convertToParamMap } from '@angular/router';
import {
  activeFilterCount,
  EMPTY_INBOX_STATE,
  inboxStateFromParams,
  inboxStateToParams,
  inboxStateToSearch,
  withFilters,
} from './inbox-state';

describe('inbox state in the URL', () => {
  it('reads every filter from the query, and writes back only what differs from the defaults', () => {
    const params = {
      status: 'new,contacted',
      channel: 'adf',
      source: 'Cars.com',
      assignee: 'me',
      from: '2026-11-01',
      to: '2026-11-30',
      overdue: 'true',
      q: 'maria',
      sort: 'follow_up',
      page: '3',
      pageSize: '50',
    };
    const state = inboxStateFromParams(convertToParamMap(params));
    expect(state).toEqual({
      status: ['new', 'contacted'],
      channel: ['adf'],
      source: 'Cars.com',
      assignee: 'me',
      from: '2026-11-01',
      to: '2026-11-30',
      overdue: true,
      q: 'maria',
      sort: 'follow_up',
      page: 3,
      pageSize: 50,
    });
    expect(inboxStateToParams(state)).toEqual(params);
    expect(Object.values(inboxStateToParams(EMPTY_INBOX_STATE)).every((value) => value === null)).toBe(true);
  });

  it('drops what a hand-edited URL got wrong instead of failing', () => {
    const state = inboxStateFromParams(
      convertToParamMap({
        status: 'new,bogus',
        from: '2026-02-31',
        to: 'yesterday',
        overdue: 'yes',
        sort: 'price',
        page: '-2',
        pageSize: '7',
      }),
    );
    expect(state).toEqual({ ...EMPTY_INBOX_STATE, status: ['new'] });
  });

  it('sends a date range picked backwards the right way round', () => {
    const search = inboxStateToSearch({ ...EMPTY_INBOX_STATE, from: '2026-11-30', to: '2026-11-01' });
    expect([search.from, search.to]).toEqual(['2026-11-01', '2026-11-30']);
  });

  it('goes back to page 1 when a filter changes, and counts active filters', () => {
    const state = withFilters({ ...EMPTY_INBOX_STATE, page: 4 }, { overdue: true, assignee: 'unassigned' });
    expect(state.page).toBe(1);
    expect(activeFilterCount(state)).toBe(2);
  });
});
