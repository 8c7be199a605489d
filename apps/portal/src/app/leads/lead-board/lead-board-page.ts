import { CdkDrag, CdkDragDrop, DragDropModule } from '@angular/cdk/drag-drop';
import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  LEAD_STATUSES,
  LEAD_TRANSITIONS,
  type LeadStatus,
  type LeadSummary,
  type Problem,
  type StatusChangeInput,
} from '@showroom/contracts';
import { filter, forkJoin, map } from 'rxjs';
import { LeadsApi } from '../../api/leads-api';
import { LeadCountsStore } from '../../core/lead-counts';
import { Permissions } from '../../core/permissions';
import { problemOf } from '../../core/problem';
import { dealershipLoad } from '../../shared/dealership-load';
import { ProblemTextPipe } from '../../shared/problem-text.pipe';
import { Clock } from '../shared/clock';
import { LEAD_STATUS_LABELS, leadVehicleTitle, originLabel, shopperName } from '../shared/lead-labels';
import { LeadsLayout } from '../shared/leads-layout';
import { askLostReason } from '../shared/lost-reason-dialog';
import { TaskDue } from '../shared/task-due';
import { assignableMembers, teamOfActiveDealership } from '../shared/team';
import { ExactTimePipe, RelativeTimePipe } from '../shared/time-pipes';
import {
  canDropInto,
  emptyBoard,
  enterPredicateFor,
  findColumn,
  indexIn,
  withLeadMoved,
  withLeadReplaced,
} from './board-rules';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** Cards per column: the most recently active; the inbox lists them all. */
export const BOARD_COLUMN_SIZE = 50;

/**
 * `/leads/board`: the pipeline, one column per status. Cards move by drag and drop or by each
 * card's "Move to…" menu (keyboard); only the moves `LEAD_TRANSITIONS` allows are offered.
 */
@Component({
  selector: 'sr-lead-board-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    DragDropModule,
    ExactTimePipe,
    LeadsLayout,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ProblemTextPipe,
    RelativeTimePipe,
    RouterLink,
    TaskDue,
  ],
  templateUrl: './lead-board-page.html',
  styleUrl: './lead-board-page.scss',
})
export class LeadBoardPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly leadsApi = inject(LeadsApi);
  private readonly permissions = inject(Permissions);
  private readonly leadCounts = inject(LeadCountsStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly clock = inject(Clock);

  protected readonly statuses = LEAD_STATUSES;
  protected readonly transitions = LEAD_TRANSITIONS;
  protected readonly statusLabels = LEAD_STATUS_LABELS;
  protected readonly predicates = Object.fromEntries(
    LEAD_STATUSES.map((status) => [status, enterPredicateFor(status)]),
  ) as Record<LeadStatus, (drag: CdkDrag<LeadSummary>) => boolean>;

  protected readonly assignee = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.get('assignee')?.slice(0, 128) || null)),
    { initialValue: null },
  );
  protected readonly canWork = computed(() => this.permissions.can('leads:work'));
  protected readonly seesAll = computed(() => this.permissions.can('leads:read-all'));
  private readonly team = teamOfActiveDealership(this.seesAll);
  protected readonly salespeople = computed(() => assignableMembers(this.team()));

  // Reloads when the assignee filter changes, the dealer switches dealership, on "Try again", and
  // when the leads service says something changed (after the drop, if a card is being dragged).
  // An error stays shown until the next answer.
  private readonly load = dealershipLoad({
    query: toObservable(this.assignee),
    load: (assignee) => this.loadBoard(assignee),
    refresh: this.leadCounts.leadsChanged.pipe(filter(() => !this.deferWhileDragging())),
    clearProblemOnRetry: false,
  });
  protected readonly board = this.load.value;
  protected readonly problem = this.load.problem;
  protected readonly loading = this.load.loading;
  /** The card being dragged: columns it may not enter are dimmed. */
  protected readonly dragging = signal<LeadSummary | null>(null);
  /** Cards whose move the service has not answered yet. */
  protected readonly moving = signal<ReadonlySet<string>>(new Set());
  /** A background refresh that arrived mid-drag waits for the drop. */
  private refreshAfterDrag = false;

  protected name(lead: LeadSummary): string {
    return shopperName(lead.shopper);
  }
  protected vehicle(lead: LeadSummary): string {
    return leadVehicleTitle(lead.vehicle);
  }
  protected origin(lead: LeadSummary): string {
    return originLabel(lead);
  }

  /** The menu's choices: exactly the moves the pipeline allows from the card's status. */
  protected movesFor(lead: LeadSummary): readonly LeadStatus[] {
    return LEAD_TRANSITIONS[lead.status];
  }

  /** While a card is dragged: may it go into this column? (Dims the others.) */
  protected forbidden(status: LeadStatus): boolean {
    const lead = this.dragging();
    return lead !== null && !canDropInto(lead.status, status);
  }

  protected dragStarted(lead: LeadSummary): void {
    this.dragging.set(lead);
  }

  protected dragEnded(): void {
    this.dragging.set(null);
    if (this.refreshAfterDrag) {
      this.refreshAfterDrag = false;
      this.load.retry();
    }
  }

  protected drop(event: CdkDragDrop<LeadStatus, LeadStatus, LeadSummary>): void {
    if (event.previousContainer === event.container) return;
    this.move(event.item.data, event.container.data);
  }

  /**
   * The one way a card moves, by drag and drop or from its menu. Lost asks why first. A moved card
   * goes to the top: columns are ordered by last activity, and it was just worked.
   */
  protected move(lead: LeadSummary, to: LeadStatus, index = 0): void {
    if (!this.canWork() || !canDropInto(lead.status, to) || lead.status === to) return;
    if (to !== 'lost') {
      this.commit(lead, { status: to }, index);
      return;
    }
    askLostReason(this.dialog, shopperName(lead.shopper))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((choice) => this.commit(lead, { status: 'lost', ...choice }, index));
  }

  /** Moves the card at once, then asks the service; a refusal (409) puts it back where it was. */
  private commit(lead: LeadSummary, change: StatusChangeInput, index: number): void {
    const board = this.board();
    if (!board) return;
    const from = findColumn(board, lead.id) ?? lead.status;
    const fromIndex = indexIn(board, lead.id);
    this.board.set(withLeadMoved(board, lead, change.status, index));
    this.setMoving(lead.id, true);
    this.leadsApi
      .changeStatus(lead.id, change)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail) => {
          this.setMoving(lead.id, false);
          const current = this.board();
          if (current) this.board.set(withLeadReplaced(current, detail));
        },
        error: (error: unknown) => {
          this.setMoving(lead.id, false);
          const current = this.board();
          if (current) this.board.set(withLeadMoved(current, lead, from, fromIndex));
          this.snackBar.open(this.refusal(lead, change.status, problemOf(error)), 'OK', { duration: 8000 });
        },
      });
  }

  private refusal(lead: LeadSummary, to: LeadStatus, problem: Problem): string {
    const what = `${shopperName(lead.shopper)} could not be moved to ${LEAD_STATUS_LABELS[to].toLowerCase()}`;
    if (problem.status === 409) {
      return `${what}: ${problem.detail ?? 'the lead changed meanwhile. The board shows it where it is now.'}`;
    }
    return `${what}: ${problem.detail ?? problem.title}`;
  }

  protected changeAssignee(assignee: string | null): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { assignee } });
  }

  protected retry(): void {
    this.load.retry();
  }

  private deferWhileDragging(): boolean {
    if (this.dragging() === null) return false;
    this.refreshAfterDrag = true;
    return true;
  }

  private setMoving(leadId: string, moving: boolean): void {
    const next = new Set(this.moving());
    if (moving) next.add(leadId);
    else next.delete(leadId);
    this.moving.set(next);
  }

  /** One request per column, so each column knows its total even when it shows only the first cards. */
  private loadBoard(assignee: string | null) {
    return forkJoin(
      LEAD_STATUSES.map((status) =>
        this.leadsApi
          .list({ status: [status], assignee, sort: 'last_activity', pageSize: BOARD_COLUMN_SIZE })
          .pipe(map((list) => ({ status, leads: list.items, total: list.total }))),
      ),
    ).pipe(
      map((columns) => {
        const board = emptyBoard();
        for (const column of columns) board[column.status] = column;
        return board;
      }),
    );
  }
}
