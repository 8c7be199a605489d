import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import type { GroupPeople } from '@showroom/contracts';
import { EMPTY, filter, type Observable, switchMap, tap } from 'rxjs';
import { TeamAdminApi } from '../api/team-admin-api';
import { ActiveDealership } from '../core/active-dealership';
import { Notifier } from '../core/notifier';
import { Permissions } from '../core/permissions';
import { Session } from '../core/session';
import { matchesMedia, PHONE_LAYOUT } from '../core/viewport';
import { LoadState } from '../shared/load-state';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { SkeletonRows } from '../shared/skeleton';
import { GroupPeopleCards } from './group-people-cards';
import { type GroupCell, groupRows, groupSummary } from './group-people-model';
import { GroupPeopleTable } from './group-people-table';

/**
 * `/team/group` (owners of every rooftop of a dealer group): everyone across the group's rooftops with
 * their role and status at each. A role opens the person's page at that rooftop, switching to it.
 */
@Component({
  selector: 'sr-group-people-page',
  imports: [
    GroupPeopleCards,
    GroupPeopleTable,
    MatButtonModule,
    MatIconModule,
    ProblemTextPipe,
    RouterLink,
    SkeletonRows,
  ],
  templateUrl: './group-people-page.html',
  styleUrl: './group-people-page.scss',
})
export class GroupPeoplePage {
  private readonly api = inject(TeamAdminApi);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly session = inject(Session);
  private readonly permissions = inject(Permissions);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly phone = matchesMedia(PHONE_LAYOUT);
  protected readonly youId = computed(() => this.session.me()?.id ?? null);
  protected readonly activeId = this.activeDealership.id;
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? '',
  );
  /** The rooftops the dealer works at, as the session knows them: only those can be switched to. */
  protected readonly reachable = computed<ReadonlySet<string>>(
    () => new Set(this.activeDealership.all().map((m) => m.dealership.id)),
  );

  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly problem = this.loadState.problem;
  /** Refused (403): the service's reason ("you own 1 of its 2"), and no retry (it would be refused again). */
  protected readonly refusal = computed(() => {
    const problem = this.problem();
    return problem?.status === 403 ? (problem.detail ?? problem.title) : null;
  });
  protected readonly group = signal<GroupPeople | null>(null);
  protected readonly rows = computed(() => {
    const group = this.group();
    return group ? groupRows(group) : [];
  });
  protected readonly summary = computed(() => {
    const group = this.group();
    return group ? groupSummary(group) : '';
  });

  constructor() {
    // The group is the active dealership's: read again on a switch (the shell stays on this page).
    toObservable(this.activeDealership.id)
      .pipe(
        filter((id) => id !== null),
        tap(() => this.group.set(null)),
        switchMap(() => this.leaveWithoutPermission() ?? this.load()),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected reload(): void {
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  /** A role followed in this tab: its link switches to the rooftop; say so, as the switcher does. */
  protected followed(cell: GroupCell): void {
    if (cell.rooftop.id === this.activeDealership.id()) return;
    this.notifier.show(`Now working in ${cell.rooftop.name}`);
  }

  private load(): Observable<GroupPeople> {
    return this.loadState.track(this.api.groupPeople().pipe(tap((group) => this.group.set(group))));
  }

  /** Switched to a dealership the dealer does not own: back to its team (or on to the inventory). */
  private leaveWithoutPermission(): Observable<never> | null {
    if (this.permissions.can('rooftops:manage')) return null;
    void this.router.navigateByUrl('/team');
    return EMPTY;
  }
}
