import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { DealershipLoad } from './dealership-load';
import type { Paging } from './list-url-state';
import { PAGE_SIZES } from './list-url-state';
import { ProblemTextPipe } from './problem-text.pipe';
import { SkeletonRows } from './skeleton';
import { SortField, type SortOption } from './sort-field';

/** What a list calls its rows: "1 lead", "3 leads", "Loading leads…". */
export interface ListNoun {
  one: string;
  many: string;
}

/** QA's hooks on the count, the sort, the error and the empty state (each list has its own names). */
export interface ListResultsTestIds {
  count: string;
  sort: string;
  error: string;
  empty: string;
}

export type { SortOption } from './sort-field';

/**
 * The results panel of a list page (the inventory, the lead inbox): the count, a thin progress line
 * while it reloads, the error with "Try again", the page's empty state, the rows (faded while they
 * reload) and the paginator; skeleton rows until the first answer. With filters set, an empty page
 * offers to clear them. The page projects the rows (default content), what else the bar shows
 * before the sort (`srResultsBar`: "3 new leads") and what to offer when the unfiltered list is
 * empty (`srEmpty`, under `emptyTitle`). S: the list's sort. The panel is `aria-busy` while a
 * request is in flight, so assistive technology (and QA's waits) know the rows shown are about to change.
 */
@Component({
  selector: 'sr-list-results',
  imports: [
    MatButtonModule,
    MatIconModule,
    // Standalone, not its NgModule: only then does it load with the @defer block that uses it.
    MatPaginator,
    MatProgressBarModule,
    ProblemTextPipe,
    SkeletonRows,
    SortField,
  ],
  templateUrl: './list-results.html',
  styleUrl: './list-results.scss',
})
export class ListResults<S> {
  readonly noun = input.required<ListNoun>();
  readonly testIds = input.required<ListResultsTestIds>();
  /** The page's list as it loads: its total and rows, loading, the problem; "Try again" retries it. */
  readonly load = input.required<DealershipLoad<{ total: number; items: readonly unknown[] }>>();
  readonly paging = input.required<Paging>();
  /** Phones: no page-size choice, no first/last buttons; cards, not rows, in the skeleton. */
  readonly compact = input(false);
  /** The rows start with a photo: so do the skeleton's. */
  readonly photoRows = input(false);
  /** Announce the count when it changes (a list without a live region of its own). */
  readonly announceCount = input(false);
  readonly sortOptions = input.required<readonly SortOption<S>[]>();
  readonly sort = input.required<S>();
  /** Filters are set: an empty page says so and offers to clear them. */
  readonly filtered = input(false);
  /** The empty state's icon (`car`, `inbox`) and, without filters, its title ("No leads yet"). */
  readonly emptyIcon = input.required<string>();
  readonly emptyTitle = input.required<string>();

  readonly sortChange = output<S>();
  readonly clearFilters = output<void>();
  readonly pageChange = output<PageEvent>();

  protected readonly pageSizes = PAGE_SIZES;
  /** Rows in the whole list; null until the first answer. */
  protected readonly total = computed(() => this.load().value()?.total ?? null);
  /** The current page has no rows. */
  protected readonly empty = computed(() => this.load().value()?.items.length === 0);
  protected readonly loading = computed(() => this.load().loading());
  protected readonly problem = computed(() => this.load().problem());
}
