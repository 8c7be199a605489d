import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { PageEvent } from '@angular/material/paginator';
import { Router, RouterLink } from '@angular/router';
import type { LeadList, LeadSort, LeadSummary } from '@showroom/contracts';
import { LeadsApi } from '../../api/leads-api';
import { ActiveDealership } from '../../core/active-dealership';
import { LeadCountsStore } from '../../core/lead-counts';
import { Permissions } from '../../core/permissions';
import { matchesMedia, PHONE_LAYOUT } from '../../core/viewport';
import { dealershipLoad } from '../../shared/dealership-load';
import { ListResults, type SortOption } from '../../shared/list-results';
import { listUrlState, pagingAfter } from '../../shared/list-url-state';
import { readAheadTaker } from '../../shared/read-ahead';
import { FilterBarSpace } from '../../shared/filter-bar-space';
import { SkeletonRows } from '../../shared/skeleton';
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
import { inboxSearchKey } from './inbox-search';
import { LeadCards } from './lead-cards';
import { LeadFilters } from './lead-filters';
import { LeadTable } from './lead-table';

/** `newest` is the service's default: it stays off the URL. */
export const LEAD_SORT_OPTIONS: readonly SortOption<LeadSort>[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'last_activity', label: 'Recent activity' },
  { value: 'follow_up', label: 'Follow-up due' },
];

/** `/leads`: the inbox — the leads the dealer may see, filtered and paged by the leads service. */
@Component({
  selector: 'sr-lead-inbox-page',
  imports: [
    FilterBarSpace,
    ListResults,
    LeadCards,
    LeadFilters,
    LeadsLayout,
    LeadTable,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    SkeletonRows,
  ],
  templateUrl: './lead-inbox-page.html',
  styleUrl: './lead-inbox-page.scss',
})
export class LeadInboxPage {
  private readonly router = inject(Router);
  private readonly leadsApi = inject(LeadsApi);
  private readonly permissions = inject(Permissions);
  private readonly leadCounts = inject(LeadCountsStore);
  private readonly activeDealership = inject(ActiveDealership);

  protected readonly phone = matchesMedia(PHONE_LAYOUT);
  private readonly url = listUrlState(INBOX_URL);
  protected readonly state = this.url.current;
  protected readonly canWork = computed(() => this.permissions.can('leads:work'));
  /** Salespeople see only their own leads: filtering them by assignee means nothing. */
  protected readonly seesAll = computed(() => this.permissions.can('leads:read-all'));
  private readonly team = teamOfActiveDealership(this.seesAll);
  protected readonly salespeople = computed(() => assignableMembers(this.team()));

  /** Leads that appeared on this page by themselves (a background refresh), for the live region. */
  protected readonly arrived = signal(0);
  /** The search the router started while this page's code downloaded (`inboxSearchAhead`). */
  private readonly searchAhead = readAheadTaker<LeadList>();
  // Reloads when the URL's filters change, the dealer switches dealership, on "Try again", and in
  // the background when the leads service says something changed (a new lead arrived). The first
  // search is usually the router's.
  protected readonly load = dealershipLoad({
    query: this.url.changes,
    load: (state) =>
      this.searchAhead(inboxSearchKey(this.activeDealership.id() ?? '', state)) ??
      this.leadsApi.list(inboxStateToSearch(state)),
    refresh: this.leadCounts.leadsChanged,
    loaded: (list, { background, previous }) => {
      const before = new Set((previous?.items ?? []).map((lead) => lead.id));
      this.arrived.set(background ? list.items.filter((lead) => !before.has(lead.id)).length : 0);
    },
  });
  protected readonly list = this.load.value;
  protected readonly filtered = computed(() => activeFilterCount(this.state()) > 0);

  protected readonly sortOptions = LEAD_SORT_OPTIONS;

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
}
