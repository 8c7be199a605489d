import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import type { LeadList } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { ActiveDealership } from '../../core/active-dealership';
import { EarlyRead, readEarly } from '../../shared/early-read';
import { ReadAhead } from '../../shared/read-ahead';
import { inboxStateFromParams, inboxStateToSearch, type InboxState } from './inbox-state';

/** Names an inbox search: the router's read ahead is the page's only for the same dealership and list. */
export function inboxSearchKey(dealershipId: string, state: InboxState): string {
  return JSON.stringify([dealershipId, inboxStateToSearch(state)]);
}

/**
 * `/leads`' resolver: starts the inbox search the URL asks for as soon as the dealer's memberships
 * are known, while the inbox's code downloads. Answers at once; the page takes the search over.
 */
export const inboxSearchAhead: ResolveFn<ReadAhead<LeadList> | null> = (route) => {
  const dealershipId = inject(ActiveDealership).id();
  if (dealershipId === null) return null;
  const state = inboxStateFromParams(route.queryParamMap);
  return inject(EarlyRead).claim(inboxSearchKey(dealershipId, state)) ?? inboxRead(dealershipId, state);
};

/** `/leads`'s early read (`canMatch`): the same search in the dealership this browser worked in last. */
export const inboxSearchEarly = readEarly((dealershipId, url) =>
  inboxRead(dealershipId, inboxStateFromParams(url.queryParamMap)),
);

function inboxRead(dealershipId: string, state: InboxState): ReadAhead<LeadList> {
  return new ReadAhead(inboxSearchKey(dealershipId, state), inject(LeadsApi).list(inboxStateToSearch(state)));
}
