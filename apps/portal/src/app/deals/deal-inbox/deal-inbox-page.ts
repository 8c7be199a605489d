import { Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { DealStatus, DealSummary, Problem } from '@showroom/contracts';
import {
  catchError,
  combineLatest,
  distinctUntilChanged,
  EMPTY,
  filter,
  map,
  startWith,
  Subject,
  switchMap,
  tap,
} from 'rxjs';
import { DealsApi } from '../../api/deals-api';
import { ActiveDealership } from '../../core/active-dealership';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { opensRow } from '../../shared/row-click';
import { Clock } from '../../leads/shared/clock';
import { ExactTimePipe, RelativeTimePipe } from '../../leads/shared/time-pipes';
import { CentsPipe } from '../shared/cents.pipe';
import { DealPartChip, DealStatusChip } from '../shared/deal-chips';
import {
  DEAL_KIND_LABELS,
  DEAL_STATUS_LABELS,
  DEAL_STATUS_OPTIONS,
  dealVehicleTitle,
} from '../shared/deal-labels';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

export const DEAL_PAGE_SIZE = 25;

/** The status filter as the URL has it (`?status=submitted`); anything else shows every deal. */
function statusFrom(value: string | null): DealStatus | null {
  return DEAL_STATUS_OPTIONS.find((status) => status === value) ?? null;
}

/**
 * `/deals`: the dealership's deals, newest change first (a salesperson's own leads' deals), filtered
 * by status in the URL, older ones loaded on demand (cursor paging); each row opens the desk.
 */
@Component({
  selector: 'sr-deal-inbox-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    CentsPipe,
    DealPartChip,
    DealStatusChip,
    ExactTimePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ProblemTextPipe,
    RelativeTimePipe,
    RouterLink,
  ],
  templateUrl: './deal-inbox-page.html',
  styleUrl: './deal-inbox-page.scss',
})
export class DealInboxPage {
  private readonly api = inject(DealsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly permissions = inject(Permissions);
  protected readonly clock = inject(Clock);

  protected readonly statusOptions = DEAL_STATUS_OPTIONS;
  protected readonly statusLabels = DEAL_STATUS_LABELS;
  protected readonly kindLabels = DEAL_KIND_LABELS;
  protected readonly vehicleTitle = dealVehicleTitle;
  protected readonly opensRow = opensRow;

  private readonly status$ = this.route.queryParamMap.pipe(
    map((params) => statusFrom(params.get('status'))),
    distinctUntilChanged(),
  );
  protected readonly status = toSignal(this.status$, { initialValue: null });
  protected readonly deals = signal<DealSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  /** The first page has answered (so "no deals" may be said). */
  protected readonly loaded = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? '',
  );
  protected readonly canConfigure = computed(() => this.permissions.can('retail:configure'));

  private readonly more = new Subject<string | null>();
  /** The status the rows shown are filtered by (the URL's, once its first page was asked for). */
  private shownStatus: DealStatus | null = null;

  constructor() {
    const dealershipId = toObservable(this.activeDealership.id).pipe(filter((id) => id !== null));
    combineLatest([this.status$, dealershipId])
      .pipe(
        tap(([status]) => {
          this.shownStatus = status;
          this.deals.set([]);
          this.nextCursor.set(null);
          this.loaded.set(false);
        }),
        // Each filter or dealership starts again at the newest page; "Load older" asks for the next.
        switchMap(() => this.more.pipe(startWith(null))),
        switchMap((cursor) => {
          this.loading.set(true);
          this.problem.set(null);
          return this.api.list({ status: this.shownStatus, cursor, limit: DEAL_PAGE_SIZE }).pipe(
            map((page) => ({ page, cursor })),
            catchError((error: unknown) => {
              this.loading.set(false);
              this.problem.set(problemOf(error));
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, cursor }) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.deals.set(cursor ? [...this.deals(), ...page.items] : page.items);
        this.nextCursor.set(page.nextCursor);
      });
  }

  protected filterBy(status: DealStatus | null): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { status } });
  }

  protected loadMore(): void {
    this.more.next(this.nextCursor());
  }

  /** "Try again" after a failure: the page that failed (the first, or the next one). */
  protected retry(): void {
    this.more.next(this.deals().length > 0 ? this.nextCursor() : null);
  }

  protected open(deal: DealSummary): void {
    void this.router.navigate(['/deals', deal.id]);
  }
}
