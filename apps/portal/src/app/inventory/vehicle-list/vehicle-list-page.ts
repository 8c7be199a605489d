import { Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { PageEvent } from '@angular/material/paginator';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import type { VehicleHit, VehicleSort } from '@showroom/contracts';
import { VehiclesApi, type VehicleSearchPage } from '../../api/vehicles-api';
import { ActiveDealership } from '../../core/active-dealership';
import { DEALERSHIP_PARAM } from '../../core/dealership-from-url';
import { Permissions } from '../../core/permissions';
import { matchesMedia, PHONE_LAYOUT } from '../../core/viewport';
import { dealershipLoad } from '../../shared/dealership-load';
import { ListResults, type SortOption } from '../../shared/list-results';
import { listUrlState, pagingAfter } from '../../shared/list-url-state';
import { readAheadTaker } from '../../shared/read-ahead';
import { FilterBarSpace } from '../../shared/filter-bar-space';
import { SkeletonRows } from '../../shared/skeleton';
import {
  activeFilterCount,
  EMPTY_LIST_STATE,
  INVENTORY_LIST_URL,
  type ListFilters,
  withFilters,
} from './list-state';
import { VehicleCards } from './vehicle-cards';
import { VehicleFilters } from './vehicle-filters';
import { searchScope, searchVehicles, vehicleSearchKey } from './vehicle-search';
import { VehicleTable } from './vehicle-table';

const SORTS: readonly SortOption<VehicleSort>[] = [
  { value: 'daysInStock', label: 'Newest arrivals' },
  { value: '-daysInStock', label: 'Longest in stock' },
  { value: 'price', label: 'Price: low to high' },
  { value: '-price', label: 'Price: high to low' },
  { value: '-year', label: 'Year: newest first' },
  { value: 'year', label: 'Year: oldest first' },
  { value: 'mileage', label: 'Mileage: lowest first' },
  { value: '-mileage', label: 'Mileage: highest first' },
];

/** What the service sorts by when the list names no sort: the best match to the text, else newest. */
export function defaultSort(hasText: boolean): VehicleSort {
  return hasText ? 'relevance' : 'daysInStock';
}

/** The sort choices; "Best match" only when there is text to match. */
export function sortOptions(hasText: boolean): readonly SortOption<VehicleSort>[] {
  return hasText ? [{ value: 'relevance', label: 'Best match' }, ...SORTS] : SORTS;
}

/**
 * `/inventory`: the dealership's vehicles, searched as the dealer types, filtered and paged by the
 * inventory service; dealers of several rooftops of a group can search them all at once.
 */
@Component({
  selector: 'sr-vehicle-list-page',
  imports: [
    FilterBarSpace,
    ListResults,
    MatButtonModule,
    MatIconModule,
    // Standalone, not its NgModule: only then does it load with the @defer block that uses it.
    MatSlideToggle,
    RouterLink,
    SkeletonRows,
    VehicleCards,
    VehicleFilters,
    VehicleTable,
  ],
  templateUrl: './vehicle-list-page.html',
  styleUrl: './vehicle-list-page.scss',
})
export class VehicleListPage {
  private readonly router = inject(Router);
  private readonly vehiclesApi = inject(VehiclesApi);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly permissions = inject(Permissions);

  protected readonly phone = matchesMedia(PHONE_LAYOUT);
  private readonly url = listUrlState(INVENTORY_LIST_URL);
  protected readonly state = this.url.current;
  protected readonly canAdd = computed(() => this.permissions.can('inventory:write'));
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? '',
  );
  /** The group the dealer may search as a whole; null hides the choice. */
  protected readonly group = this.activeDealership.group;
  /** A shared link may ask for a group search the dealer cannot make: it searches the rooftop. */
  protected readonly groupWide = computed(() => searchScope(this.state(), this.group()) === 'group');

  /** The search the router started while this page's code downloaded (`vehicleSearchAhead`). */
  private readonly searchAhead = readAheadTaker<VehicleSearchPage>();
  // Reloads when the URL's filters change, when the dealer switches dealership, or on "Try again";
  // a newer search cancels the one still in flight. The first search is usually the router's.
  protected readonly load = dealershipLoad({
    query: this.url.changes,
    load: (state) => {
      const scope = searchScope(state, this.group());
      const dealershipId = this.activeDealership.id() ?? '';
      return (
        this.searchAhead(vehicleSearchKey(dealershipId, state, scope)) ??
        searchVehicles(this.vehiclesApi, state, scope)
      );
    },
  });
  protected readonly list = this.load.value;
  protected readonly filtered = computed(() => activeFilterCount(this.state()) > 0);
  private readonly hasText = computed(() => this.state().q !== null);
  protected readonly sortOptions = computed(() => sortOptions(this.hasText()));
  /** The sort in effect: the list's own, or the service's default for it. */
  protected readonly sort = computed(() => this.state().sort ?? defaultSort(this.hasText()));

  protected changeFilters(change: Partial<ListFilters>): void {
    const state = this.state();
    // Refining a search replaces the history entry: Back leaves the search, not one letter of it.
    const refining = Object.keys(change).every((name) => name === 'q') && state.q !== null && !!change.q;
    this.url.navigate(withFilters(state, change), { replace: refining });
  }

  protected clearFilters(): void {
    const { sort, pageSize, scope } = this.state();
    this.url.navigate({ ...EMPTY_LIST_STATE, sort, pageSize, scope });
  }

  /** The default sort stays off the URL, so a link keeps following the text ("Best match" while there is some). */
  protected changeSort(sort: VehicleSort | null): void {
    const named = sort === defaultSort(this.hasText()) ? null : sort;
    this.url.navigate({ ...this.state(), sort: named, page: 1 });
  }

  protected changeScope(groupWide: boolean): void {
    this.url.navigate({ ...this.state(), scope: groupWide ? 'group' : 'rooftop', page: 1 });
  }

  protected changePage(event: PageEvent): void {
    this.url.navigate({ ...this.state(), ...pagingAfter(this.state(), event) });
  }

  protected open(vehicle: VehicleHit): void {
    void this.router.navigate(['/inventory', vehicle.id], {
      queryParams: { [DEALERSHIP_PARAM]: vehicle.dealershipId },
    });
  }
}
