import { Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { PageEvent } from '@angular/material/paginator';
import { Router, RouterLink } from '@angular/router';
import type { Vehicle, VehicleSort } from '@showroom/contracts';
import { VehiclesApi } from '../../api/vehicles-api';
import { ActiveDealership } from '../../core/active-dealership';
import { dealershipLoad } from '../../shared/dealership-load';
import { Permissions } from '../../core/permissions';
import { matchesMedia, PHONE_LAYOUT } from '../../core/viewport';
import { ListResults, type SortOption } from '../../shared/list-results';
import { listUrlState, pagingAfter } from '../../shared/list-url-state';
import {
  activeFilterCount,
  EMPTY_LIST_STATE,
  INVENTORY_LIST_URL,
  type ListFilters,
  listStateToSearch,
  withFilters,
} from './list-state';
import { VehicleCards } from './vehicle-cards';
import { VehicleFilters } from './vehicle-filters';
import { VehicleTable } from './vehicle-table';

export const SORT_OPTIONS: readonly SortOption<VehicleSort | null>[] = [
  { value: null, label: 'Recommended' },
  { value: 'daysInStock', label: 'Newest arrivals' },
  { value: '-daysInStock', label: 'Longest in stock' },
  { value: 'price', label: 'Price: low to high' },
  { value: '-price', label: 'Price: high to low' },
  { value: '-year', label: 'Year: newest first' },
  { value: 'year', label: 'Year: oldest first' },
  { value: 'mileage', label: 'Mileage: lowest first' },
  { value: '-mileage', label: 'Mileage: highest first' },
];

/** `/inventory`: the dealership's vehicles, filtered and paged by the inventory service. */
@Component({
  selector: 'sr-vehicle-list-page',
  imports: [
    ListResults,
    MatButtonModule,
    MatIconModule,
    RouterLink,
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

  // Reloads when the URL's filters change, when the dealer switches dealership, or on "Try again".
  protected readonly load = dealershipLoad({
    query: this.url.changes,
    load: (state) => this.vehiclesApi.list(listStateToSearch(state)),
  });
  protected readonly list = this.load.value;
  protected readonly filtered = computed(() => activeFilterCount(this.state()) > 0);

  protected readonly sortOptions = SORT_OPTIONS;

  protected changeFilters(change: Partial<ListFilters>): void {
    this.url.navigate(withFilters(this.state(), change));
  }

  protected clearFilters(): void {
    this.url.navigate({ ...EMPTY_LIST_STATE, sort: this.state().sort, pageSize: this.state().pageSize });
  }

  protected changeSort(sort: VehicleSort | null): void {
    this.url.navigate({ ...this.state(), sort, page: 1 });
  }

  protected changePage(event: PageEvent): void {
    this.url.navigate({ ...this.state(), ...pagingAfter(this.state(), event) });
  }

  protected open(vehicle: Vehicle): void {
    void this.router.navigate(['/inventory', vehicle.id]);
  }
}
