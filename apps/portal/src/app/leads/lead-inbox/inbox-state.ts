import type { ParamMap, Params } from '@angular/router';
import {
  LEAD_CHANNELS,
  LEAD_SORTS,
  LEAD_STATUSES,
  type LeadChannel,
  type LeadSort,
  type LeadStatus,
} from '@showroom/contracts';
import type { LeadSearch } from '../../api/leads-api';
import {
  DEFAULT_PAGE_SIZE,
  listParam,
  type Paging,
  pagingParams,
  paramValue,
  UrlParamReader,
  type UrlStateCodec,
} from '../../shared/list-url-state';
import { dateFromIso } from '../shared/lead-time';

/**
 * What the inbox shows. It lives in the URL's query parameters, so reload, back/forward and a
 * shared link ("overdue leads of Sam") all show the same list.
 */
export interface InboxState extends Paging {
  status: LeadStatus[];
  channel: LeadChannel[];
  source: string | null;
  /** A user id, `me` or `unassigned`. */
  assignee: string | null;
  /** Arrival dates, `YYYY-MM-DD`, inclusive. */
  from: string | null;
  to: string | null;
  overdue: boolean;
  q: string | null;
  sort: LeadSort | null;
}

export const EMPTY_INBOX_STATE: InboxState = {
  status: [],
  channel: [],
  source: null,
  assignee: null,
  from: null,
  to: null,
  overdue: false,
  q: null,
  sort: null,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

export type InboxFilters = Omit<InboxState, 'page' | 'pageSize' | 'sort'>;

/** Reads the URL forgivingly: a hand-edited or outdated value is dropped, never an error page. */
export function inboxStateFromParams(params: ParamMap): InboxState {
  const read = new UrlParamReader(params);
  const date = (name: string) => {
    const value = read.get(name);
    return value !== null && dateFromIso(value) ? value : null;
  };
  return {
    status: read.list('status', LEAD_STATUSES),
    channel: read.list('channel', LEAD_CHANNELS),
    source: read.text('source', 80),
    assignee: read.text('assignee', 128),
    from: date('from'),
    to: date('to'),
    overdue: read.get('overdue') === 'true',
    q: read.text('q', 100),
    sort: read.oneOf('sort', LEAD_SORTS),
    ...read.paging(),
  };
}

/** Only what differs from the defaults goes into the URL; `null` removes a parameter when merged. */
export function inboxStateToParams(state: InboxState): Params {
  return {
    status: listParam(state.status),
    channel: listParam(state.channel),
    source: paramValue(state.source),
    assignee: paramValue(state.assignee),
    from: paramValue(state.from),
    to: paramValue(state.to),
    overdue: state.overdue ? 'true' : null,
    q: paramValue(state.q),
    sort: paramValue(state.sort),
    ...pagingParams(state),
  };
}

export const INBOX_URL: UrlStateCodec<InboxState> = {
  empty: EMPTY_INBOX_STATE,
  fromParams: inboxStateFromParams,
  toParams: inboxStateToParams,
};

/** The request for the leads service; a date range picked backwards is put right. */
export function inboxStateToSearch(state: InboxState): LeadSearch {
  const backwards = state.from !== null && state.to !== null && state.from > state.to;
  return {
    status: state.status,
    channel: state.channel,
    source: state.source,
    assignee: state.assignee,
    from: backwards ? state.to : state.from,
    to: backwards ? state.from : state.to,
    overdue: state.overdue,
    q: state.q,
    sort: state.sort,
    page: state.page,
    pageSize: state.pageSize,
  };
}

/** A change of filters starts again on page 1: page 7 of the old results means nothing now. */
export function withFilters(state: InboxState, change: Partial<InboxFilters>): InboxState {
  return { ...state, ...change, page: 1 };
}

export function activeFilterCount(state: InboxState): number {
  const lists = [state.status, state.channel].filter((list) => list.length > 0).length;
  const singles = [state.source, state.assignee, state.q].filter((value) => value !== null).length;
  const range = state.from !== null || state.to !== null ? 1 : 0;
  return lists + singles + range + (state.overdue ? 1 : 0);
}
