import { Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { LeadList, LeadSort, LeadSummary, Problem } from '@showroom/contracts';
import { catchError, combineLatest, filter, map, merge, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { LeadsApi } from '../../api/leads-api';
import { ActiveDealership } from '../../core/active-dealership';
import { LeadCountsStore } from '../../core/lead-counts';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import { matchesMedia, PHONE_LAYOUT } from '../../core/viewport';
import { listUrlState, PAGE_SIZES, pagingAfter } from '../../shared/list-url-state';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { LeadsLayout } from '../shared/leads-layout';
import { assignableMembers, teamOfActiveDealership } from '../shared/team';
import {
  activeFilterCount,
  EMPTY_INBOX_STATE,
  INBOX_URL,
  type InboxFilters,
  inboxStateToSearch,
  withFilters,
} from './inbox-state';
import { LeadCards } from './lead-cards';
import { LeadFilters } from './lead-filters';
import { LeadTable } from './lead-table';

/** `newest` is the service's default: it stays off the URL. */
export const LEAD_SORT_OPTIONS: readonly { value: LeadSort; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'last_activity', label: 'Recent activity' },
  { value: 'follow_up', label: 'Follow-up due' },
];

type Outcome = { list: LeadList; background: boolean } | { problem: Problem };

/** `/leads`: the inbox — the leads the dealer may see, filtered and paged by the leads service. */
@Component({
  selector: 'sr-lead-inbox-page',
  imports: [
    LeadCards,
    LeadFilters,
    LeadsLayout,
    LeadTable,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ProblemTextPipe,
    RouterLink,
  ],
  templateUrl: './lead-inbox-page.html',
  styleUrl: './lead-inbox-page.scss',
})
export class LeadInboxPage {
  private readonly router = inject(Router);
  private readonly leadsApi = inject(LeadsApi);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly permissions = inject(Permissions);
  private readonly leadCounts = inject(LeadCountsStore);

  protected readonly phone = matchesMedia(PHONE_LAYOUT);
  private readonly url = listUrlState(INBOX_URL);
  protected readonly state = this.url.current;
  protected readonly canWork = computed(() => this.permissions.can('leads:work'));
  /** Salespeople see only their own leads: filtering them by assignee means nothing. */
  protected readonly seesAll = computed(() => this.permissions.can('leads:read-all'));
  private readonly team = teamOfActiveDealership(this.seesAll);
  protected readonly salespeople = computed(() => assignableMembers(this.team()));

  protected readonly list = signal<LeadList | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly loading = signal(true);
  /** Leads that appeared on this page by themselves (a background refresh), for the live region. */
  protected readonly arrived = signal(0);
  protected readonly filtered = computed(() => activeFilterCount(this.state()) > 0);

  protected readonly sortOptions = LEAD_SORT_OPTIONS;
  protected readonly pageSizes = PAGE_SIZES;
  private readonly retry$ = new Subject<void>();

  constructor() {
    // Reload when the URL's filters change, the dealer switches dealership, on "Try again", and in
    // the background when the leads service says something changed (a new lead arrived).
    const dealershipId$ = toObservable(this.activeDealership.id).pipe(filter((id) => id !== null));
    combineLatest([this.url.changes, dealershipId$])
      .pipe(
        switchMap(([state]) =>
          merge(this.retry$.pipe(map(() => false)), this.leadCounts.leadsChanged.pipe(map(() => true))).pipe(
            startWith(false),
            map((background) => ({ state, background })),
          ),
        ),
        tap(({ background }) => {
          this.loading.set(true);
          if (!background) this.problem.set(null);
        }),
        switchMap(({ state, background }) =>
          this.leadsApi.list(inboxStateToSearch(state)).pipe(
            map((list): Outcome => ({ list, background })),
            catchError((error: unknown) => of<Outcome>({ problem: problemOf(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((outcome) => this.show(outcome));
  }

  private show(outcome: Outcome): void {
    this.loading.set(false);
    if ('problem' in outcome) {
      this.problem.set(outcome.problem);
      return;
    }
    const before = new Set((this.list()?.items ?? []).map((lead) => lead.id));
    this.arrived.set(
      outcome.background ? outcome.list.items.filter((lead) => !before.has(lead.id)).length : 0,
    );
    this.problem.set(null);
    this.list.set(outcome.list);
  }

  protected changeFilters(change: Partial<InboxFilters>): void {
    this.url.navigate(withFilters(this.state(), change));
  }

  protected clearFilters(): void {
    this.url.navigate({ ...EMPTY_INBOX_STATE, sort: this.state().sort, pageSize: this.state().pageSize });
  }

  protected changeSort(sort: LeadSort): void {
    this.url.navigate({ ...this.state(), sort: sort === 'newest' ? null : sort, page: 1 });
  }

  protected changePage(event: PageEvent): void {
    this.url.navigate({ ...this.state(), ...pagingAfter(this.state(), event) });
  }

  protected open(lead: LeadSummary): void {
    void this.router.navigate(['/leads', lead.id]);
  }

  protected retry(): void {
    this.retry$.next();
  }
}
