import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { Problem } from '@showroom/contracts';
import type { Paging } from './list-url-state';
import { PAGE_SIZES } from './list-url-state';
import { ProblemTextPipe } from './problem-text.pipe';

/** What a list calls its rows: "1 lead", "3 leads", "Loading leads…". */
export interface ListNoun {
  one: string;
  many: string;
}

/** QA's hooks on the count, the error and the empty state (each list has its own names). */
export interface ListResultsTestIds {
  count: string;
  error: string;
  empty: string;
}

/**
 * The results panel of a list page (the inventory, the lead inbox): the count, a thin progress line
 * while it reloads, the error with "Try again", the page's empty state, the rows (faded while they
 * reload) and the paginator; a spinner until the first answer. The page projects the rows (default
 * content), the bar's other controls (`srResultsBar`: the sort, "3 new leads") and what to say when
 * the page is empty (`srEmpty`).
 */
@Component({
  selector: 'sr-list-results',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    ProblemTextPipe,
  ],
  templateUrl: './list-results.html',
  styleUrl: './list-results.scss',
})
export class ListResults {
  readonly noun = input.required<ListNoun>();
  readonly testIds = input.required<ListResultsTestIds>();
  /** Rows in the whole list; null until the first answer. */
  readonly total = input.required<number | null>();
  /** The current page has no rows. */
  readonly empty = input.required<boolean>();
  readonly loading = input.required<boolean>();
  readonly problem = input.required<Problem | null>();
  readonly paging = input.required<Paging>();
  /** Phones: no page-size choice, no first/last buttons. */
  readonly compact = input(false);
  /** Announce the count when it changes (a list without a live region of its own). */
  readonly announceCount = input(false);

  readonly retry = output<void>();
  readonly pageChange = output<PageEvent>();

  protected readonly pageSizes = PAGE_SIZES;
}
