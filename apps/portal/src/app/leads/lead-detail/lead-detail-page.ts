import { Component, computed, DestroyRef, inject, Injector, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import type { LeadDetail, LeadStatus, Note, Problem, StatusChangeInput } from '@showroom/contracts';
import { filter, switchMap, tap } from 'rxjs';
import { LeadsApi } from '../../api/leads-api';
import { Permissions } from '../../core/permissions';
import { Notifier } from '../../core/notifier';
import { problemOf } from '../../core/problem';
import { LoadState } from '../../shared/load-state';
import { readAheadTaker } from '../../shared/read-ahead';
import { SkeletonRecord } from '../../shared/skeleton';
import { ActiveDealership } from '../../core/active-dealership';
import { formatCents } from '../../core/money';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { Clock } from '../shared/clock';
import {
  CONTACT_METHOD_LABELS,
  LEAD_STATUS_ACTIONS,
  LEAD_STATUS_LABELS,
  LOST_REASON_LABELS,
  leadVehicleTitle,
  originLabel,
  shopperName,
  sourceLabel,
} from '../shared/lead-labels';
import { LeadStatusChip } from '../shared/lead-status-chip';
import { formatDuration } from '../shared/lead-time';
import { askLostReasonLazily } from '../shared/ask-lost-reason';
import { assignableMembers, teamOfActiveDealership } from '../shared/team';
import { ExactTimePipe, RelativeTimePipe } from '../shared/time-pipes';
import { LeadDealCard } from './lead-deal-card';
import { LeadNotes } from './lead-notes';
import { LeadReassign } from './lead-reassign';
import { LeadTasks } from './lead-tasks';
import { LeadTimeline } from './lead-timeline';
import { leadReadKey } from './lead-read';
import { LeadCountsStore } from '../../core/lead-counts';

/** `/leads/:id`: one lead and all the work on it, as the dealer's role allows. */
@Component({
  selector: 'sr-lead-detail-page',
  imports: [
    ExactTimePipe,
    LeadDealCard,
    LeadNotes,
    LeadStatusChip,
    LeadTasks,
    LeadTimeline,
    LeadReassign,
    MatButtonModule,
    MatIconModule,
    ProblemTextPipe,
    RelativeTimePipe,
    RouterLink,
    SkeletonRecord,
  ],
  templateUrl: './lead-detail-page.html',
  styleUrl: './lead-detail-page.scss',
})
export class LeadDetailPage {
  readonly id = input.required<string>();

  private readonly leadsApi = inject(LeadsApi);
  private readonly permissions = inject(Permissions);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly title = inject(Title);
  private readonly destroyRef = inject(DestroyRef);
  private readonly activeDealership = inject(ActiveDealership);
  protected readonly clock = inject(Clock);
  /** The read the router started while this page's code downloaded (`leadReadAhead`). */
  private readonly readAhead = readAheadTaker<LeadDetail>();

  private readonly loadState = new LoadState();
  protected readonly status = this.loadState.status;
  protected readonly problem = this.loadState.problem;
  protected readonly lead = signal<LeadDetail | null>(null);
  /** A status change or reassignment in flight; its buttons wait for it. */
  protected readonly busy = signal(false);
  /** Bumped after every change, so the timeline shows the newest events. */
  protected readonly timelineVersion = signal(0);
  /** Set when "New lead" found the shopper's open lead and attached the entry to it. */
  protected readonly attachedDuplicate = signal(
    Boolean(inject(Router).currentNavigation()?.extras.state?.['duplicateOf']),
  );

  protected readonly canWork = computed(() => this.permissions.can('leads:work'));
  protected readonly canAssign = computed(() => this.permissions.can('leads:assign'));
  protected readonly canReadDeals = computed(() => this.permissions.can('deals:read'));
  /** The online deal the lead came with. */
  protected readonly deal = computed(() => this.lead()?.deal ?? null);
  private readonly team = teamOfActiveDealership(this.canAssign);
  protected readonly salespeople = computed(() => assignableMembers(this.team()));

  protected readonly name = computed(() => {
    const lead = this.lead();
    return lead ? shopperName(lead.shopper) : '';
  });
  protected readonly vehicleTitle = computed(() => leadVehicleTitle(this.lead()?.vehicle ?? null));
  protected readonly vehiclePrice = computed(() => {
    const cents = this.lead()?.vehicle?.priceCents;
    return cents === null || cents === undefined ? '' : formatCents(cents);
  });
  protected readonly origin = computed(() => {
    const lead = this.lead();
    return lead ? originLabel(lead) : '';
  });
  protected readonly firstResponse = computed(() => {
    const seconds = this.lead()?.firstResponseSeconds;
    return seconds === null || seconds === undefined ? null : formatDuration(seconds);
  });
  protected readonly tradeIn = computed(() => {
    const tradeIn = this.lead()?.tradeIn;
    if (!tradeIn) return '';
    const car = [tradeIn.year, tradeIn.make, tradeIn.model].filter(Boolean).join(' ');
    const miles = tradeIn.mileage === undefined ? '' : `${tradeIn.mileage.toLocaleString('en-US')} mi`;
    return [car, miles].filter(Boolean).join(' · ');
  });

  protected readonly statusLabels = LEAD_STATUS_LABELS;
  protected readonly statusActions = LEAD_STATUS_ACTIONS;
  protected readonly lostReasonLabels: Record<string, string> = LOST_REASON_LABELS;
  protected readonly contactLabels: Record<string, string> = CONTACT_METHOD_LABELS;
  protected readonly sourceLabel = sourceLabel;
  protected readonly originLabel = originLabel;

  constructor() {
    toObservable(this.id)
      .pipe(
        filter((id) => !!id),
        switchMap((id) => {
          this.lead.set(null);
          return this.load(id);
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
    // Someone else worked the lead, or the shopper came back: show it without a reload.
    inject(LeadCountsStore)
      .leadsChanged.pipe(
        filter(() => this.lead() !== null && !this.busy()),
        switchMap(() => {
          this.timelineVersion.update((v) => v + 1);
          return this.load(this.id());
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected reload(): void {
    this.load(this.id()).pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  /** The buttons offer exactly `allowedTransitions`; lost asks for the reason first. */
  protected changeStatus(to: LeadStatus): void {
    const lead = this.lead();
    if (!lead || this.busy()) return;
    if (to !== 'lost') {
      this.submitStatus({ status: to });
      return;
    }
    askLostReasonLazily(this.injector, shopperName(lead.shopper))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((choice) => this.submitStatus({ status: 'lost', ...choice }));
  }

  protected reassign(assigneeId: string): void {
    const lead = this.lead();
    if (!lead || this.busy() || assigneeId === lead.assignee?.id) return;
    this.busy.set(true);
    this.leadsApi
      .assign(lead.id, assigneeId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.updated(updated);
          this.notifier.show(`Assigned to ${updated.assignee?.name ?? 'nobody'}`);
        },
        error: (error: unknown) => this.failed(problemOf(error), 'The lead could not be reassigned'),
      });
  }

  protected noteAdded(note: Note): void {
    const lead = this.lead();
    if (lead) this.lead.set({ ...lead, notes: [note, ...lead.notes.filter((n) => n.id !== note.id)] });
    this.timelineVersion.update((v) => v + 1);
  }

  /** A task changes the lead's next due time and overdue flag: read the lead again. */
  protected taskChanged(): void {
    this.timelineVersion.update((v) => v + 1);
    this.leadsApi
      .get(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (lead) => this.lead.set(lead), error: () => undefined });
  }

  private submitStatus(change: StatusChangeInput): void {
    const lead = this.lead();
    if (!lead) return;
    this.busy.set(true);
    this.leadsApi
      .changeStatus(lead.id, change)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.updated(updated);
          this.notifier.show(`Status: ${LEAD_STATUS_LABELS[updated.status].toLowerCase()}`);
        },
        error: (error: unknown) => {
          const problem = problemOf(error);
          this.failed(problem, 'The status could not be changed');
          // Someone else moved it meanwhile: show where it is now, with the moves allowed from there.
          if (problem.status === 409) this.reload();
        },
      });
  }

  private updated(lead: LeadDetail): void {
    this.busy.set(false);
    this.lead.set(lead);
    this.timelineVersion.update((v) => v + 1);
  }

  private failed(problem: Problem, what: string): void {
    this.busy.set(false);
    if (problem.status === 404) {
      this.status.set('not-found');
      return;
    }
    this.notifier.show(`${what}: ${problem.detail ?? problem.title}`, 'OK', 8000);
  }

  private load(id: string) {
    const ahead = this.readAhead(leadReadKey(this.activeDealership.id() ?? '', id));
    const read = (ahead ?? this.leadsApi.get(id)).pipe(
      tap((lead) => {
        this.lead.set(lead);
        this.title.setTitle(`${shopperName(lead.shopper)} · Leads · Showroom`);
      }),
    );
    return this.loadState.track(read, { quietly: this.lead() !== null });
  }
}
