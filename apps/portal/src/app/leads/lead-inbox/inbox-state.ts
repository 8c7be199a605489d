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
import { dateFromIso } from '../shared/lead-time';

/**
 * What the inbox shows. It lives in the URL's query parameters, so reload, back/forward and a
 * shared link ("overdue leads of Sam") all show the same list.
 */
export interface InboxState {
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
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

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
  const text = (name: string, max: number) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, max) : null;
  };
  const date = (name: string) => {
    const value = params.get(name);
    return value !== null && dateFromIso(value) ? value : null;
  };
  const whole = (name: string) => {
    const value = Number(params.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  };
  const sort = params.get('sort');
  const pageSize = whole('pageSize');
  return {
    status: listOf(params.get('status'), LEAD_STATUSES),
    channel: listOf(params.get('channel'), LEAD_CHANNELS),
    source: text('source', 80),
    assignee: text('assignee', 128),
    from: date('from'),
    to: date('to'),
    overdue: params.get('overdue') === 'true',
    q: text('q', 100),
    sort: isOneOf(sort, LEAD_SORTS) ? sort : null,
    page: whole('page') ?? 1,
    pageSize: isOneOf(pageSize, PAGE_SIZES) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Only what differs from the defaults goes into the URL; `null` removes a parameter when merged. */
export function inboxStateToParams(state: InboxState): Params {
  const value = (v: string | number | null) => (v === null || v === '' ? null : String(v));
  return {
    status: value(state.status.join(',')),
    channel: value(state.channel.join(',')),
    source: value(state.source),
    assignee: value(state.assignee),
    from: value(state.from),
    to: value(state.to),
    overdue: state.overdue ? 'true' : null,
    q: value(state.q),
    sort: value(state.sort),
    page: state.page === 1 ? null : String(state.page),
    pageSize: state.pageSize === DEFAULT_PAGE_SIZE ? null : String(state.pageSize),
  };
}

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

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const values = raw.split(',').map((part) => part.trim());
  return allowed.filter((value) => values.includes(value));
}

function isOneOf<T extends string | number>(value: unknown, allowed: readonly T[]): value is T {
  return (allowed as readonly unknown[]).includes(value);
}
