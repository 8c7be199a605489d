import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import type { Observable } from 'rxjs';
import { type SearchScope, VehiclesApi, type VehicleSearchPage } from '../../api/vehicles-api';
import { ActiveDealership, type DealerGroup } from '../../core/active-dealership';
import { EarlyRead, readEarly } from '../../shared/early-read';
import { ReadAhead } from '../../shared/read-ahead';
import { type InventoryListState, listStateFromParams, listStateToSearch } from './list-state';
import { searchWithOpenFacets } from './open-facets';

/** A shared link may ask for a group search the dealer cannot make: it searches the rooftop. */
export function searchScope(state: InventoryListState, group: DealerGroup | null): SearchScope {
  return state.scope === 'group' && group !== null ? 'group' : 'rooftop';
}

/** The inventory service's answer to what the list shows, with the open facet counts. */
export function searchVehicles(
  vehiclesApi: VehiclesApi,
  state: InventoryListState,
  scope: SearchScope,
): Observable<VehicleSearchPage> {
  return searchWithOpenFacets((search) => vehiclesApi.list(search, scope), listStateToSearch(state));
}

/** Names a search: the router's read ahead is the page's only when the dealership, scope and list are the same. */
export function vehicleSearchKey(
  dealershipId: string,
  state: InventoryListState,
  scope: SearchScope,
): string {
  return JSON.stringify([dealershipId, scope, listStateToSearch(state)]);
}

/**
 * `/inventory`'s resolver: starts the search the URL asks for as soon as the dealer's memberships are
 * known, while the list's code downloads. Answers at once (navigation does not wait for the vehicles);
 * the page takes the search over.
 */
export const vehicleSearchAhead: ResolveFn<ReadAhead<VehicleSearchPage> | null> = (route) => {
  const activeDealership = inject(ActiveDealership);
  const dealershipId = activeDealership.id();
  if (dealershipId === null) return null;
  const state = listStateFromParams(route.queryParamMap);
  const scope = searchScope(state, activeDealership.group());
  const early = inject(EarlyRead).claim<VehicleSearchPage>(vehicleSearchKey(dealershipId, state, scope));
  return early ?? vehicleSearchRead(dealershipId, state, scope);
};

/**
 * `/inventory`'s early read (`canMatch`): the same search in the dealership this browser worked in
 * last, while the memberships load. Not a group search: only the memberships say the dealer may.
 */
export const vehicleSearchEarly = readEarly((dealershipId, url) => {
  const state = listStateFromParams(url.queryParamMap);
  return state.scope === 'group' ? null : vehicleSearchRead(dealershipId, state, 'rooftop');
});

function vehicleSearchRead(
  dealershipId: string,
  state: InventoryListState,
  scope: SearchScope,
): ReadAhead<VehicleSearchPage> {
  return new ReadAhead(
    vehicleSearchKey(dealershipId, state, scope),
    searchVehicles(inject(VehiclesApi), state, scope),
  );
}
